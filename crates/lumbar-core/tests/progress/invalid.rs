//! Invalid progress input (PROGRESS.md §1) is rejected whole, every problem named at once by
//! its field path, in the screening's error shape, never repeating the value given.

use lumbar_core::progress::ProgressInput;
use serde_json::{Value, json};

/// A valid log to break: a session with before/after scores and a check-in.
fn valid() -> Value {
    json!({
        "baseline": {"date": "2026-12-01", "pain_average_week": 6},
        "entries": [
            {"kind": "session", "date": "2026-12-03", "pain_average_week": 6,
             "pain_before": 6, "pain_after": 3, "new_warning_sign": false},
            {"kind": "check_in", "date": "2026-12-08", "pain_average_week": 5, "new_warning_sign": false}
        ]
    })
}

/// The problems of an input that must be rejected, as (field, code) pairs in output order.
fn problems(log: &Value) -> Vec<(String, String)> {
    let Err(e) = ProgressInput::from_json(log) else { panic!("accepted an invalid log: {log}") };
    assert!(!e.fields.is_empty());
    for p in &e.fields {
        assert!(!p.problem.is_empty(), "{}: each problem says what is wrong", p.field);
    }
    e.fields.iter().map(|p| (p.field.clone(), p.code.to_owned())).collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
}

#[test]
fn the_valid_log_is_accepted() {
    let input = ProgressInput::from_json(&valid()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(input.entries().len(), 2);
    assert_eq!(input.entries()[0].pain_after.map(|s| s.get()), Some(3));
    assert_eq!(input.entries()[1].pain_before, None);
}

#[test]
fn malformed_json_and_a_non_object_are_problems_of_the_whole_input() {
    let Err(e) = ProgressInput::from_json_str("{\"baseline\": ") else { panic!("accepted") };
    assert_eq!(e.fields.len(), 1);
    assert_eq!((e.fields[0].field.as_str(), e.fields[0].code), ("$", "invalid_json"));
    for not_object in [json!([1, 2]), json!("log"), json!(null), json!(6)] {
        assert_eq!(problems(&not_object), pairs(&[("$", "not_an_object")]), "{not_object}");
    }
}

#[test]
fn missing_fields_are_each_named() {
    assert_eq!(problems(&json!({})), pairs(&[("baseline", "missing"), ("entries", "missing")]));
    let log = json!({"baseline": {}, "entries": [{}]});
    assert_eq!(
        problems(&log),
        pairs(&[
            ("baseline.date", "missing"),
            ("baseline.pain_average_week", "missing"),
            ("entries[0].kind", "missing"),
            ("entries[0].date", "missing"),
            ("entries[0].pain_average_week", "missing"),
            ("entries[0].new_warning_sign", "missing"),
        ])
    );
}

#[test]
fn a_missing_warning_sign_answer_is_never_read_as_no() {
    let mut log = valid();
    log["entries"][1].as_object_mut().unwrap().remove("new_warning_sign");
    assert_eq!(problems(&log), pairs(&[("entries[1].new_warning_sign", "missing")]));
}

#[test]
fn an_empty_entries_array_is_valid_but_pain_before_alone_is_optional() {
    let mut log = valid();
    log["entries"] = json!([]);
    assert!(ProgressInput::from_json(&log).is_ok());
    let mut log = valid();
    log["entries"][0].as_object_mut().unwrap().remove("pain_before");
    log["entries"][0].as_object_mut().unwrap().remove("pain_after");
    assert!(ProgressInput::from_json(&log).is_ok());
}

#[test]
fn wrong_types_are_each_named() {
    assert_eq!(
        problems(&json!({"baseline": "2026-12-01", "entries": {"kind": "session"}})),
        pairs(&[("baseline", "wrong_type"), ("entries", "wrong_type")])
    );
    let log = json!({
        "baseline": {"date": 20261201, "pain_average_week": "6"},
        "entries": [
            7,
            {"kind": 1, "date": "2026-12-03", "pain_average_week": 4.5, "pain_before": true,
             "pain_after": [3], "new_warning_sign": "no"},
            null
        ]
    });
    assert_eq!(
        problems(&log),
        pairs(&[
            ("baseline.date", "wrong_type"),
            ("baseline.pain_average_week", "wrong_type"),
            ("entries[0]", "wrong_type"),
            ("entries[1].kind", "wrong_type"),
            ("entries[1].pain_average_week", "wrong_type"),
            ("entries[1].pain_before", "wrong_type"),
            ("entries[1].pain_after", "wrong_type"),
            ("entries[1].new_warning_sign", "wrong_type"),
            ("entries[2]", "wrong_type"),
        ])
    );
}

#[test]
fn scores_off_the_zero_to_ten_scale_are_out_of_range() {
    let mut log = valid();
    log["baseline"]["pain_average_week"] = json!(11);
    log["entries"][0]["pain_average_week"] = json!(-1);
    log["entries"][0]["pain_before"] = json!(100);
    log["entries"][0]["pain_after"] = json!(10); // the top of the scale is allowed
    log["entries"][1]["pain_average_week"] = json!(0); // and the bottom
    assert_eq!(
        problems(&log),
        pairs(&[
            ("baseline.pain_average_week", "out_of_range"),
            ("entries[0].pain_average_week", "out_of_range"),
            ("entries[0].pain_before", "out_of_range"),
        ])
    );
}

#[test]
fn an_unknown_kind_is_not_allowed() {
    let mut log = valid();
    log["entries"][0]["kind"] = json!("massage");
    assert_eq!(problems(&log), pairs(&[("entries[0].kind", "not_allowed")]));
}

#[test]
fn unknown_fields_are_named_at_the_top_in_the_baseline_and_in_entries() {
    let mut log = valid();
    log["notes"] = json!("felt good");
    log["baseline"]["pain_now"] = json!(5);
    log["entries"][1]["mood"] = json!("fine");
    log["entries"][1]["Pain_average_week"] = json!(5);
    assert_eq!(
        problems(&log),
        pairs(&[
            ("baseline.pain_now", "unknown_field"),
            ("entries[1].mood", "unknown_field"),
            ("entries[1].Pain_average_week", "unknown_field"),
            ("notes", "unknown_field"),
        ])
    );
}

#[test]
fn an_entry_dated_before_the_baseline_is_inconsistent() {
    let mut log = valid();
    log["entries"][1]["date"] = json!("2026-11-30");
    assert_eq!(problems(&log), pairs(&[("entries[1].date", "inconsistent")]));
    // on the baseline's own date is fine
    log["entries"][1]["date"] = json!("2026-12-01");
    assert!(ProgressInput::from_json(&log).is_ok());
}

#[test]
fn before_and_after_scores_on_a_check_in_are_inconsistent() {
    let mut log = valid();
    log["entries"][1]["pain_before"] = json!(5);
    log["entries"][1]["pain_after"] = json!(4);
    assert_eq!(
        problems(&log),
        pairs(&[("entries[1].pain_before", "inconsistent"), ("entries[1].pain_after", "inconsistent")])
    );
    // whatever they hold: the key itself is the problem, named once
    let mut log = valid();
    log["entries"][1]["pain_after"] = json!("a lot");
    assert_eq!(problems(&log), pairs(&[("entries[1].pain_after", "inconsistent")]));
}

#[test]
fn dates_that_do_not_exist_or_are_not_yyyy_mm_dd_are_invalid() {
    for bad in [
        "2026-02-30",
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-12-00",
        "12/01/2026",
        "2026-12-1",
        "2026-12-01T00:00",
        "20261201",
        "",
        "next week",
        "0000-01-01",
    ] {
        let mut log = valid();
        log["baseline"]["date"] = json!(bad);
        log["entries"][0]["date"] = json!(bad);
        // A baseline date that is not a date cannot order the entries: no `inconsistent`.
        assert_eq!(
            problems(&log),
            pairs(&[("baseline.date", "invalid_date"), ("entries[0].date", "invalid_date")]),
            "{bad:?}"
        );
    }
    let mut log = valid();
    log["baseline"]["date"] = json!("2028-02-29"); // a leap day exists
    log["entries"][0]["date"] = json!("2028-03-01");
    log["entries"][1]["date"] = json!("2028-03-01");
    assert!(ProgressInput::from_json(&log).is_ok());
}

#[test]
fn every_problem_is_reported_at_once() {
    let log = json!({
        "baseline": {"date": "2026-12-10", "pain_average_week": 12, "pain_now": 3},
        "entries": [
            {"kind": "session", "date": "2026-12-03", "pain_average_week": 6, "new_warning_sign": false},
            {"kind": "check_in", "date": "2026-12-12", "pain_average_week": "5", "pain_before": 4,
             "new_warning_sign": false},
            {"kind": "visit", "date": "2026-02-30", "pain_average_week": 3},
            {"kind": "session", "date": "2026-12-20", "pain_average_week": 3, "pain_after": 11,
             "new_warning_sign": 0, "note": "x"}
        ],
        "extra": true
    });
    let mut got = problems(&log);
    got.sort();
    let mut want = pairs(&[
        ("baseline.pain_average_week", "out_of_range"),
        ("baseline.pain_now", "unknown_field"),
        ("entries[0].date", "inconsistent"),
        ("entries[1].pain_average_week", "wrong_type"),
        ("entries[1].pain_before", "inconsistent"),
        ("entries[2].kind", "not_allowed"),
        ("entries[2].date", "invalid_date"),
        ("entries[2].new_warning_sign", "missing"),
        ("entries[3].pain_after", "out_of_range"),
        ("entries[3].new_warning_sign", "wrong_type"),
        ("entries[3].note", "unknown_field"),
        ("extra", "unknown_field"),
    ]);
    want.sort();
    assert_eq!(got, want);
}

/// Order: the baseline, then each entry by index (its fields in the contract's order, then its
/// unknown fields, then what is inconsistent), then unknown top-level fields.
#[test]
fn problems_come_baseline_first_then_entries_then_unknown_top_level_fields() {
    let log = json!({
        "zz_first_unknown": 1,
        "entries": [{"kind": "session", "date": "2026-12-03", "pain_average_week": 11, "new_warning_sign": false}],
        "baseline": {"date": "2026-12-01", "pain_average_week": -3}
    });
    assert_eq!(
        problems(&log),
        pairs(&[
            ("baseline.pain_average_week", "out_of_range"),
            ("entries[0].pain_average_week", "out_of_range"),
            ("zz_first_unknown", "unknown_field"),
        ])
    );
}

#[test]
fn problems_never_repeat_the_values_given() {
    let log = json!({
        "baseline": {"date": "1999-99-99", "pain_average_week": 987654},
        "entries": [
            {"kind": "zzmassagezz", "date": "2026-02-30", "pain_average_week": "sevenish",
             "pain_before": 55555, "new_warning_sign": "maybe-qqq"},
            {"kind": "check_in", "date": "2026-12-05", "pain_average_week": 4,
             "pain_after": "ouch-xyz", "new_warning_sign": false}
        ]
    });
    let Err(e) = ProgressInput::from_json(&log) else { panic!("accepted") };
    let text = serde_json::to_string(&e.to_json()).unwrap();
    assert_eq!(e.fields.len(), 8, "{text}");
    for value in ["1999-99-99", "987654", "zzmassagezz", "2026-02-30", "sevenish", "55555", "maybe-qqq", "ouch-xyz"] {
        assert!(!text.contains(value), "{value} is echoed: {text}");
    }
}

#[test]
fn the_error_has_the_shape_of_the_screenings() {
    let Err(e) = ProgressInput::from_json(&json!({"baseline": {"date": "2026-12-01", "pain_average_week": 6}})) else {
        panic!("accepted")
    };
    let v = e.to_json();
    assert_eq!(v["error"]["code"], "invalid_answers");
    assert_eq!(v["error"]["fields"], json!([{"field": "entries", "code": "missing", "problem": e.fields[0].problem}]));
    assert_eq!(v["error"].as_object().map(|o| o.len()), Some(2));
}
