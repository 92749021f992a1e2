//! SCREENING.md §2 pinned case by case: style advice (first match wins), precautions in
//! vocabulary order and only when massage is advisable, PEG, severity and duration bands at
//! their boundaries, and the shape of the JSON. Expected values are written by hand from §2.

use lumbar_core::screening::{Answers, DurationClass, Severity, Style, Triage};
use serde_json::{Value, json};

use super::rule_table::benign_json;
use super::ruleset;

/// The benign answers with `changes` applied, assessed, as JSON.
fn assess(changes: &[(&str, Value)]) -> Value {
    let mut m = benign_json();
    for (k, v) in changes {
        assert!(m.contains_key(*k) || *k == "preferences", "{k}");
        m.insert((*k).to_owned(), v.clone());
    }
    let a = Answers::from_json(&Value::Object(m)).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_value(ruleset().assess(&a)).expect("serialize")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array().expect("array").iter().map(|x| x.as_str().expect("string")).collect()
}

fn prefs(style: &str, pressure: &str, goal: &str) -> (&'static str, Value) {
    ("preferences", json!({"style": style, "pressure": pressure, "goal": goal}))
}

/// One changed answer: field name and JSON value.
type Change = (&'static str, Value);
#[test]
fn styles_first_match_wins() {
    // subacute, so "acute" does not decide
    let sub = ("duration_weeks", json!(6));
    let cases: Vec<(Vec<Change>, &[&str])> = vec![
        // 1. pregnant → prenatal, whatever the wishes
        (vec![("pregnancy", json!("pregnant")), prefs("deep_tissue", "firm", "ease_tension")], &["prenatal"]),
        // 2. no_deep_tissue or light_pressure → swedish
        (vec![("blood_thinner", json!("anticoagulant")), prefs("deep_tissue", "firm", "ease_tension")], &["swedish"]),
        (
            vec![("long_term_steroids", json!(true)), sub.clone(), prefs("deep_tissue", "firm", "no_preference")],
            &["swedish"],
        ),
        (vec![("pain_now", json!(9)), prefs("deep_tissue", "no_preference", "no_preference")], &["swedish"]),
        // 3. wants deep work
        (vec![sub.clone(), prefs("deep_tissue", "no_preference", "no_preference")], &["deep_tissue", "swedish"]),
        (vec![sub.clone(), prefs("deep_tissue", "light", "relax")], &["deep_tissue", "swedish"]),
        (vec![sub.clone(), prefs("no_preference", "firm", "no_preference")], &["deep_tissue", "swedish"]),
        (vec![sub.clone(), prefs("no_preference", "no_preference", "ease_tension")], &["deep_tissue", "swedish"]),
        (vec![sub.clone(), ("preferences", json!({"pressure": "firm"}))], &["deep_tissue", "swedish"]),
        (vec![sub.clone(), ("preferences", json!({"goal": "ease_tension"}))], &["deep_tissue", "swedish"]),
        // …but acute, or any precaution fired: start moderate
        (vec![prefs("deep_tissue", "no_preference", "no_preference")], &["swedish", "deep_tissue"]),
        (
            vec![("duration_weeks", json!(3.9)), prefs("no_preference", "firm", "no_preference")],
            &["swedish", "deep_tissue"],
        ),
        (
            vec![("duration_weeks", json!(4)), prefs("no_preference", "firm", "no_preference")],
            &["deep_tissue", "swedish"],
        ),
        (
            vec![sub.clone(), ("blood_clot", json!("past")), prefs("deep_tissue", "firm", "ease_tension")],
            &["swedish", "deep_tissue"],
        ),
        (
            vec![
                sub.clone(),
                ("skin_problem_at_site", json!(true)),
                prefs("deep_tissue", "no_preference", "no_preference"),
            ],
            &["swedish", "deep_tissue"],
        ),
        // a note is not a precaution
        (
            vec![
                sub.clone(),
                ("blood_thinner", json!("aspirin_low_dose")),
                prefs("deep_tissue", "no_preference", "no_preference"),
            ],
            &["deep_tissue", "swedish"],
        ),
        // 4. swedish wishes (style swedish is not "wants deep", even with firm pressure)
        (vec![sub.clone(), prefs("swedish", "firm", "ease_tension")], &["swedish"]),
        (vec![sub.clone(), prefs("no_preference", "light", "no_preference")], &["swedish"]),
        (vec![sub.clone(), prefs("no_preference", "no_preference", "relax")], &["swedish"]),
        (vec![sub.clone(), ("preferences", json!({"style": "swedish"}))], &["swedish"]),
        // 5. otherwise
        (vec![sub.clone()], &["swedish", "deep_tissue"]),
        (vec![sub.clone(), prefs("no_preference", "medium", "move_better")], &["swedish", "deep_tissue"]),
        (
            vec![("blood_clot", json!("past")), prefs("no_preference", "medium", "move_better")],
            &["swedish", "deep_tissue"],
        ),
        // not advisable: no styles
        (vec![("fever_or_chills", json!(true)), prefs("deep_tissue", "firm", "ease_tension")], &[]),
        (vec![("age", json!(16)), ("pregnancy", json!("pregnant"))], &[]),
    ];
    for (changes, want) in cases {
        let out = assess(&changes);
        assert_eq!(strs(&out["styles"]), want, "{changes:?}");
    }
}

#[test]
fn style_words_are_the_contracts() {
    assert_eq!(Style::Prenatal.as_str(), "prenatal");
    assert_eq!(Style::Swedish.as_str(), "swedish");
    assert_eq!(Style::DeepTissue.as_str(), "deep_tissue");
}

#[test]
fn precautions_are_the_union_in_vocabulary_order_and_only_when_advisable() {
    let cases: Vec<(Vec<Change>, &str, &[&str])> = vec![
        (vec![], "massage_suitable", &[]),
        (
            vec![("pregnancy", json!("pregnant")), ("kidney_disease", json!(true))],
            "massage_with_precautions",
            &[
                "light_pressure",
                "no_deep_leg_work",
                "side_lying",
                "prenatal_trained_therapist",
                "avoid_fistula_arm",
                "no_deep_abdominal_work",
            ],
        ),
        (
            vec![("osteoporosis", json!(true)), ("blood_thinner", json!("anticoagulant"))],
            "massage_with_precautions",
            &["light_pressure", "no_deep_tissue", "no_spinal_thrust"],
        ),
        (
            vec![("spine_procedure", json!("earlier")), ("pain_now", json!(8)), ("varicose_veins", json!(true))],
            "massage_with_precautions",
            &[
                "no_deep_tissue",
                "no_deep_leg_work",
                "avoid_affected_area",
                "no_spinal_thrust",
                "no_deep_pressure_over_surgery_site",
                "short_gentle_session",
            ],
        ),
        (vec![("diabetes_neuropathy", json!(true))], "massage_with_precautions", &["gentle_on_numb_areas"]),
        // a note changes nothing
        (vec![("immunosuppressed", json!(true))], "massage_suitable", &[]),
        // not advisable now: precaution findings are listed, their precautions are not
        (
            vec![("blood_thinner", json!("anticoagulant")), ("bleeding_disorder", json!(true))],
            "see_provider_first",
            &[],
        ),
        (vec![("osteoporosis", json!(true)), ("chest_pain_or_breathless", json!(true))], "emergency", &[]),
        (vec![("pregnancy", json!("pregnant")), ("labour_signs", json!(true))], "urgent_medical", &[]),
    ];
    for (changes, triage, want) in cases {
        let out = assess(&changes);
        assert_eq!(out["triage"], triage, "{changes:?}");
        assert_eq!(out["massage_advisable_now"], matches!(triage, "massage_suitable" | "massage_with_precautions"));
        assert_eq!(strs(&out["precautions"]), want, "{changes:?}");
    }
    // the finding itself still carries its precautions when massage is not advisable
    let out = assess(&[("osteoporosis", json!(true)), ("chest_pain_or_breathless", json!(true))]);
    let findings = out["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["id"], "chest_symptoms");
    assert_eq!(findings[1]["id"], "osteoporosis");
    assert_eq!(strs(&findings[1]["precautions"]), ["light_pressure", "no_deep_tissue", "no_spinal_thrust"]);
}

#[test]
fn triage_is_the_most_urgent_level_and_notes_do_not_count() {
    let cases: Vec<(Vec<(&str, Value)>, &str)> = vec![
        (vec![("blood_thinner", json!("aspirin_low_dose"))], "massage_suitable"),
        (vec![("duration_weeks", json!(20)), ("immunosuppressed", json!(true))], "massage_suitable"),
        (vec![("varicose_veins", json!(true)), ("immunosuppressed", json!(true))], "massage_with_precautions"),
        (vec![("varicose_veins", json!(true)), ("heart_condition_uncontrolled", json!(true))], "see_provider_first"),
        (vec![("heart_condition_uncontrolled", json!(true)), ("upper_back_pain", json!(true))], "urgent_medical"),
        (vec![("upper_back_pain", json!(true)), ("collapse_signs", json!(true))], "emergency"),
        (vec![("collapse_signs", json!(true)), ("varicose_veins", json!(true))], "emergency"),
    ];
    for (changes, want) in cases {
        assert_eq!(assess(&changes)["triage"], want, "{changes:?}");
    }
    let a = Answers::from_json(&Value::Object(benign_json())).unwrap();
    let out = ruleset().assess(&a);
    assert_eq!(out.triage, Triage::MassageSuitable);
    assert!(out.massage_advisable_now());
    assert!(Triage::MassageWithPrecautions.massage_advisable());
    assert!(!Triage::SeeProviderFirst.massage_advisable());
    assert!(!Triage::UrgentMedical.massage_advisable());
    assert!(!Triage::Emergency.massage_advisable());
}

#[test]
fn findings_most_urgent_first_then_table_order_notes_last() {
    let out = assess(&[
        ("blood_thinner", json!("aspirin_low_dose")),
        ("varicose_veins", json!(true)),
        ("kidney_disease", json!(true)),
        ("heart_condition_uncontrolled", json!(true)),
        ("upper_back_pain", json!(true)),
        ("unexplained_weight_loss", json!(true)),
        ("collapse_signs", json!(true)),
        ("trauma", json!("major")),
        ("duration_weeks", json!(30)),
    ]);
    let ids: Vec<&str> = out["findings"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "major_trauma",
            "aneurysm_rupture_signs",
            "unexplained_weight_loss",
            "thoracic_pain",
            "heart_condition",
            "kidney_disease",
            "varicose_veins",
            "aspirin_low_dose",
            "chronic_pain_evidence",
        ]
    );
    let kinds: Vec<&str> = out["findings"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["red_flag", "red_flag", "red_flag", "red_flag", "referral", "precaution", "precaution", "note", "note"]
    );
    assert_eq!(out["findings"][7]["triage"], Value::Null);
}

#[test]
fn pain_peg_and_severity_bands() {
    // (pain_now, P, E, G) → (peg, severity)
    let cases = [
        ((0, 0, 0, 0), 0.0, "mild"),
        ((5, 3, 4, 4), 3.7, "mild"),
        ((6, 1, 0, 0), 0.3, "moderate"),
        ((7, 2, 2, 3), 2.3, "moderate"),
        ((8, 10, 10, 10), 10.0, "severe"),
        ((10, 5, 5, 6), 5.3, "severe"),
        ((3, 6, 6, 7), 6.3, "mild"),
        ((3, 0, 1, 1), 0.7, "mild"),
    ];
    for ((now, p, e, g), peg, severity) in cases {
        let out = assess(&[
            ("pain_now", json!(now)),
            ("pain_average_week", json!(p)),
            ("interference_enjoyment", json!(e)),
            ("interference_activity", json!(g)),
        ]);
        assert_eq!(out["pain"]["now"], now);
        assert_eq!(out["pain"]["peg"].as_f64(), Some(peg), "{p} {e} {g}");
        assert_eq!(out["pain"]["severity"], severity, "pain_now {now}");
    }
    let a = Answers::from_json(&Value::Object(benign_json())).unwrap();
    assert_eq!(ruleset().assess(&a).pain.severity, Severity::Mild);
}

#[test]
fn duration_bands() {
    for (weeks, class) in [
        (json!(0), "acute"),
        (json!(3.9), "acute"),
        (json!(4), "subacute"),
        (json!(12), "subacute"),
        (json!(12.5), "chronic"),
        (json!(5200), "chronic"),
    ] {
        assert_eq!(assess(&[("duration_weeks", weeks.clone())])["duration"], class, "{weeks}");
    }
    let a = Answers::from_json(&Value::Object(benign_json())).unwrap();
    assert_eq!(ruleset().assess(&a).duration, DurationClass::Acute);
}

#[test]
fn json_shape_safety_net_and_sources() {
    let out = assess(&[("blood_thinner", json!("anticoagulant")), ("osteoporosis", json!(true))]);
    assert_eq!(out["schema"], "lumbar.screening/1");
    assert_eq!(out["ruleset_version"], "2026.11.2");
    let net = out["safety_net"].as_str().unwrap().to_lowercase();
    for must in ["genitals", "bladder", "weakness", "numbness", "fever", "calf"] {
        assert!(net.contains(must), "safety net should mention {must}");
    }
    let f = &out["findings"][0];
    assert_eq!(f["id"], "anticoagulant");
    assert_eq!(f["kind"], "precaution");
    assert_eq!(f["triage"], "massage_with_precautions");
    for key in ["title", "explanation", "action"] {
        assert!(f[key].as_str().is_some_and(|s| !s.trim().is_empty()), "{key}");
    }
    assert_eq!(strs(&f["sources"]), ["NCCIH-MASSAGE", "MAYO-MASSAGE"]);
    assert_eq!(strs(&out["findings"][1]["sources"]), ["WERNER", "MAYO-MASSAGE"]);
    // every cited source once, in first-cited order, the style note's last
    let keys: Vec<&str> = out["sources"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["NCCIH-MASSAGE", "MAYO-MASSAGE", "WERNER", "CHERKIN-2011"]);
    for (id, citation) in out["sources"].as_object().unwrap() {
        assert!(citation.as_str().is_some_and(|c| c.len() > id.len()), "{id}");
    }
    // with styles comes the style note (CHERKIN-2011); without, neither
    let note = out["style_note"].as_str().expect("style note with styles").to_lowercase();
    assert!(note.contains("swedish") && note.contains("structural"), "{note}");
    let out = assess(&[("fever_or_chills", json!(true))]);
    assert!(out.get("style_note").is_none());
    let keys: Vec<&str> = out["sources"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["NHS-BACK", "AHCPR-1994"]);
    assert!(out["safety_net"].as_str().is_some_and(|s| s.contains("calf")));
    let out = assess(&[]);
    assert_eq!(out["findings"], json!([]));
    let keys: Vec<&str> = out["sources"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["CHERKIN-2011"]);
}

#[test]
fn emergency_actions_say_call_911_and_not_to_drive() {
    for changes in [
        vec![("saddle_numbness", json!(true))],
        vec![("trauma", json!("major"))],
        vec![("chest_pain_or_breathless", json!(true))],
        vec![("collapse_signs", json!(true))],
        vec![("fever_or_chills", json!(true)), ("leg_weakness", json!("one_leg"))],
        vec![("cancer", json!("past")), ("leg_numbness_or_tingling", json!("one_leg"))],
    ] {
        let out = assess(&changes);
        assert_eq!(out["triage"], "emergency");
        let f = &out["findings"][0];
        let action = f["action"].as_str().unwrap();
        assert!(action.contains("911") && action.to_lowercase().contains("emergency"), "{}: {action}", f["id"]);
        assert!(action.contains("not drive yourself"), "{}: {action}", f["id"]);
    }
}

#[test]
fn assessment_accessors_agree_with_the_json() {
    let a = Answers::from_json(&{
        let mut m = benign_json();
        m.insert("varicose_veins".into(), json!(true));
        m.insert("upper_back_pain".into(), json!(false));
        Value::Object(m)
    })
    .unwrap();
    let rs = ruleset();
    let out = rs.assess(&a);
    assert!(std::ptr::eq(out.ruleset(), rs));
    assert_eq!(out.finding_rules().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["varicose_veins"]);
    assert_eq!(out.precaution_ids().collect::<Vec<_>>(), ["no_deep_leg_work", "avoid_affected_area"]);
    let cited: Vec<&str> = out.source_indexes().iter().map(|&i| rs.sources[i].id.as_str()).collect();
    assert_eq!(cited, ["WERNER", "CHERKIN-2011"]);
    assert_eq!(out.styles, vec![Style::Swedish, Style::DeepTissue]);
}
