//! SCREENING.md §1 at the engine's door: what answers are accepted, and every problem named
//! at once, by field and code, without repeating the value given (answers are health data).
//! Expected values are written by hand from §1 and the README's error document.

use lumbar_core::screening::{Answers, Field, InvalidAnswers, Preferences};
use serde_json::{Value, json};

use super::rule_table::benign_json;

/// The benign answers with `changes` applied (`Value::Null` removes a field).
fn with(changes: &[(&str, Value)]) -> Value {
    let mut m = benign_json();
    for (k, v) in changes {
        if v.is_null() {
            m.remove(*k);
        } else {
            m.insert((*k).to_owned(), v.clone());
        }
    }
    Value::Object(m)
}

/// The `(field, code)` pairs of a rejection.
fn problems(v: &Value) -> Vec<(String, &'static str)> {
    match Answers::from_json(v) {
        Ok(_) => Vec::new(),
        Err(e) => e.fields.iter().map(|p| (p.field.clone(), p.code)).collect(),
    }
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect()
}

/// One changed answer: field name and JSON value.
type Change = (&'static str, Value);

/// One expected problem: field name and code.
type Problem = (&'static str, &'static str);
#[test]
fn benign_answers_are_accepted_and_read_back_typed() {
    let a = Answers::from_json(&with(&[])).expect("valid");
    assert_eq!(a.number(Field::Age), 40.0);
    assert_eq!(a.choice(Field::Sex), "not_said");
    assert_eq!(a.choice(Field::PainTrend), "same");
    assert!(!a.flag(Field::FeverOrChills));
    assert_eq!(a.choice(Field::Age), "", "a number is not a choice");
    assert_eq!(a.preferences, Preferences::default());
}

#[test]
fn each_kind_of_value_is_checked() {
    // (change, the one expected problem)
    let cases: Vec<(Change, (&str, &str))> = vec![
        (("age", Value::Null), ("age", "missing")),
        (("fever_or_chills", Value::Null), ("fever_or_chills", "missing")),
        (("age", json!(121)), ("age", "out_of_range")),
        (("age", json!(-1)), ("age", "out_of_range")),
        (("age", json!(1e20)), ("age", "out_of_range")),
        (("age", json!(40.5)), ("age", "wrong_type")),
        (("age", json!("40")), ("age", "wrong_type")),
        (("pain_now", json!(11)), ("pain_now", "out_of_range")),
        (("pain_average_week", json!(-1)), ("pain_average_week", "out_of_range")),
        (("duration_weeks", json!(-0.5)), ("duration_weeks", "out_of_range")),
        (("duration_weeks", json!(5200.5)), ("duration_weeks", "out_of_range")),
        (("duration_weeks", json!("2")), ("duration_weeks", "wrong_type")),
        (("fever_or_chills", json!("false")), ("fever_or_chills", "wrong_type")),
        (("fever_or_chills", json!(0)), ("fever_or_chills", "wrong_type")),
        (("sex", json!("unknown")), ("sex", "not_allowed")),
        (("trauma", json!(2)), ("trauma", "wrong_type")),
        (("hobby", json!("chess")), ("hobby", "unknown_field")),
        (("preferences", json!("deep")), ("preferences", "wrong_type")),
        (("preferences", json!({"colour": "blue"})), ("preferences.colour", "unknown_field")),
        (("preferences", json!({"style": "shiatsu"})), ("preferences.style", "not_allowed")),
        (("preferences", json!({"pressure": 3})), ("preferences.pressure", "wrong_type")),
    ];
    for ((field, value), want) in cases {
        let got = problems(&with(&[(field, value.clone())]));
        assert_eq!(got, pairs(&[want]), "{field} = {value}");
    }
}

#[test]
fn range_ends_are_accepted() {
    for (field, value) in [
        ("age", json!(0)),
        ("age", json!(120)),
        ("pain_now", json!(0)),
        ("pain_now", json!(10)),
        ("duration_weeks", json!(0)),
        ("duration_weeks", json!(5200)),
        ("duration_weeks", json!(0.5)),
    ] {
        let a = Answers::from_json(&with(&[(field, value.clone())]))
            .unwrap_or_else(|e| panic!("{field} = {value} rejected: {e}"));
        assert_eq!(a.number(Field::by_name(field).unwrap()), value.as_f64().unwrap());
    }
}

#[test]
fn every_problem_is_named_at_once_in_field_order() {
    let v = with(&[
        ("age", Value::Null),
        ("sex", json!("x")),
        ("pain_now", json!(12)),
        ("trauma", json!(true)),
        ("implanted_device", json!("no")),
        ("zzz", json!(1)),
        ("preferences", json!({"goal": "sleep"})),
    ]);
    assert_eq!(
        problems(&v),
        pairs(&[
            ("age", "missing"),
            ("sex", "not_allowed"),
            ("pain_now", "out_of_range"),
            ("trauma", "wrong_type"),
            ("implanted_device", "wrong_type"),
            ("zzz", "unknown_field"),
            ("preferences.goal", "not_allowed"),
        ])
    );
}

#[test]
fn consistency_errors_of_section_1() {
    let cases: Vec<(Vec<Change>, Vec<Problem>)> = vec![
        (vec![("pregnancy_high_risk", json!(true))], vec![("pregnancy_high_risk", "inconsistent")]),
        (
            vec![("pregnancy", json!("postpartum")), ("labour_signs", json!(true))],
            vec![("labour_signs", "inconsistent")],
        ),
        (
            vec![("pregnancy_high_risk", json!(true)), ("labour_signs", json!(true))],
            vec![("pregnancy_high_risk", "inconsistent"), ("labour_signs", "inconsistent")],
        ),
        (vec![("leg_pain_worse_than_back", json!(true))], vec![("leg_pain_worse_than_back", "inconsistent")]),
        (vec![("blood_thinner_problem", json!(true))], vec![("blood_thinner_problem", "inconsistent")]),
        // consistent combinations
        (
            vec![("pregnancy", json!("pregnant")), ("pregnancy_high_risk", json!(true)), ("labour_signs", json!(true))],
            vec![],
        ),
        (vec![("leg_pain_worse_than_back", json!(true)), ("pain_spread_right", json!("buttock"))], vec![]),
        (vec![("leg_pain_worse_than_back", json!(true)), ("pain_spread_left", json!("thigh"))], vec![]),
        (vec![("blood_thinner_problem", json!(true)), ("blood_thinner", json!("aspirin_low_dose"))], vec![]),
    ];
    for (changes, want) in cases {
        assert_eq!(problems(&with(&changes)), pairs(&want), "{changes:?}");
    }
}

#[test]
fn input_that_is_not_an_answers_object() {
    let e = Answers::from_json_str("{\"age\": ").unwrap_err();
    assert_eq!(e.fields.len(), 1);
    assert_eq!((e.fields[0].field.as_str(), e.fields[0].code), ("$", "invalid_json"));
    assert!(e.fields[0].problem.contains("ends too early"), "{}", e.fields[0].problem);
    assert!(e.fields[0].problem.contains("line 1"), "{}", e.fields[0].problem);
    let e = Answers::from_json_str("{\"age\": ]").unwrap_err();
    assert!(e.fields[0].problem.contains("syntax error"), "{}", e.fields[0].problem);
    for v in [json!([]), json!("answers"), json!(null)] {
        assert_eq!(problems(&v), pairs(&[("$", "not_an_object")]), "{v}");
    }
    let ok = Answers::from_json_str(&with(&[]).to_string()).expect("valid JSON text");
    assert_eq!(ok, Answers::from_json(&with(&[])).unwrap());
}

#[test]
fn problems_explain_without_repeating_the_value() {
    let v = with(&[("age", json!(987654)), ("sex", json!("zebra_secret")), ("duration_weeks", json!(7777777))]);
    let e = Answers::from_json(&v).unwrap_err();
    assert_eq!(e.fields.len(), 3);
    for p in &e.fields {
        assert!(!p.problem.trim().is_empty());
        for secret in ["987654", "zebra_secret", "7777777"] {
            assert!(!p.problem.contains(secret), "{}: {}", p.field, p.problem);
        }
    }
    // …but they say what is allowed
    assert!(e.fields[0].problem.contains("0 to 120"), "{}", e.fields[0].problem);
    assert!(e.fields[1].problem.contains("female, male, other, not_said"), "{}", e.fields[1].problem);
    assert!(e.fields[2].problem.contains("5200"), "{}", e.fields[2].problem);
    let text = e.to_string();
    assert!(!text.contains("987654") && !text.contains("zebra_secret"));
}

#[test]
fn error_display_is_one_line_per_problem() {
    let e: InvalidAnswers =
        Answers::from_json(&with(&[("age", Value::Null), ("sex", Value::Null), ("trauma", Value::Null)])).unwrap_err();
    let text = e.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text:?}");
    assert!(!text.starts_with('\n') && !text.ends_with('\n'), "{text:?}");
    for (line, field) in lines.iter().zip(["age", "sex", "trauma"]) {
        assert!(line.starts_with(&format!("{field}: ")), "{line}");
        assert!(line.len() > field.len() + 2);
    }
}

#[test]
fn error_document_of_the_readme() {
    let e = Answers::from_json(&with(&[("age", Value::Null), ("sex", json!(1))])).unwrap_err();
    let doc = e.to_json();
    assert_eq!(doc["error"]["code"], "invalid_answers");
    let fields = doc["error"]["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[0]["field"], "age");
    assert_eq!(fields[0]["code"], "missing");
    assert_eq!(fields[1]["field"], "sex");
    assert_eq!(fields[1]["code"], "wrong_type");
    assert!(fields[1]["problem"].as_str().is_some_and(|p| !p.is_empty()));
}

#[test]
fn preferences_are_optional_and_read_back() {
    let a = Answers::from_json(&with(&[])).unwrap();
    assert_eq!(
        (a.preferences.style(), a.preferences.pressure(), a.preferences.goal()),
        ("no_preference", "no_preference", "no_preference")
    );
    let a = Answers::from_json(&with(&[(
        "preferences",
        json!({"style": "deep_tissue", "pressure": "firm", "goal": "ease_tension"}),
    )]))
    .unwrap();
    assert_eq!(
        (a.preferences.style(), a.preferences.pressure(), a.preferences.goal()),
        ("deep_tissue", "firm", "ease_tension")
    );
    let a = Answers::from_json(&with(&[(
        "preferences",
        json!({"style": "swedish", "pressure": "light", "goal": "relax"}),
    )]))
    .unwrap();
    assert_eq!((a.preferences.style(), a.preferences.pressure(), a.preferences.goal()), ("swedish", "light", "relax"));
    let a = Answers::from_json(&with(&[("preferences", json!({}))])).unwrap();
    assert_eq!(a.preferences, Preferences::default());
}

#[test]
fn answers_write_back_as_the_same_json() {
    for v in [
        with(&[]),
        with(&[("duration_weeks", json!(0.5)), ("preferences", json!({"pressure": "medium"}))]),
        with(&[
            ("pregnancy", json!("pregnant")),
            ("labour_signs", json!(true)),
            ("blood_thinner", json!("anticoagulant")),
            ("preferences", json!({"style": "no_preference", "pressure": "no_preference", "goal": "move_better"})),
        ]),
    ] {
        let a = Answers::from_json(&v).unwrap();
        assert_eq!(a.to_json(), v);
        assert_eq!(Answers::from_json(&a.to_json()).unwrap(), a);
    }
}

#[test]
fn from_values_checks_like_json() {
    let a = Answers::from_json(&with(&[("sex", json!("female")), ("trauma", json!("minor"))])).unwrap();
    let prefs = Preferences { style: Some(1), pressure: None, goal: Some(1) };
    let b = Answers::from_values(*a.raw_values(), prefs).expect("same values");
    assert_eq!(b.raw_values(), a.raw_values());
    assert_eq!(b.preferences, prefs);
    assert_eq!((b.preferences.style(), b.preferences.goal()), ("swedish", "relax"));
    let mut v = *a.raw_values();
    v[Field::Age as usize] = 130.0;
    let e = Answers::from_values(v, Preferences::default()).unwrap_err();
    assert_eq!(e.fields.iter().map(|p| (p.field.as_str(), p.code)).collect::<Vec<_>>(), [("age", "out_of_range")]);
    let mut v = *a.raw_values();
    v[Field::BloodThinnerProblem as usize] = 1.0;
    let e = Answers::from_values(v, Preferences::default()).unwrap_err();
    assert_eq!(
        e.fields.iter().map(|p| (p.field.as_str(), p.code)).collect::<Vec<_>>(),
        [("blood_thinner_problem", "inconsistent")]
    );
}
