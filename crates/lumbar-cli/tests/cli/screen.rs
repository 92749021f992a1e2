//! `lumbar screen --json`: every public vignette through the binary, and each kind of
//! invalid input with exit code 2 and every offending field named.

use serde_json::{Value, json};

use super::{json, lumbar};

const VIGNETTES: &str = include_str!("../../../lumbar-core/tests/data/vignettes-public.json");

fn vignettes() -> Vec<Value> {
    let doc: Value = serde_json::from_str(VIGNETTES).unwrap();
    doc["vignettes"].as_array().unwrap().clone()
}

fn valid_answers() -> Value {
    vignettes()[29]["answers"].clone() // A30: massage_suitable, no findings
}

/// Problems as (field, code) pairs, in output order.
fn problems(out: &std::process::Output) -> Vec<(String, String)> {
    assert_eq!(
        out.status.code(),
        Some(2),
        "invalid input must exit 2; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(out);
    assert_eq!(v["error"]["code"], "invalid_answers");
    v["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert!(f["problem"].as_str().is_some_and(|p| !p.is_empty()), "each problem says what is wrong");
            (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn every_vignette_through_the_binary_from_a_file() {
    let dir = std::env::temp_dir().join(format!("lumbar-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for v in vignettes() {
        let path = dir.join(format!("{}.json", v["id"].as_str().unwrap()));
        std::fs::write(&path, v["answers"].to_string()).unwrap();
        let out = lumbar(&["screen", "--json", path.to_str().unwrap()], "");
        assert_eq!(out.status.code(), Some(0), "{}: {}", v["id"], String::from_utf8_lossy(&out.stdout));
        let a = json(&out);
        assert_eq!(a["schema"], "lumbar.screening/1");
        assert_eq!(a["triage"], v["expected"]["triage"], "{}", v["id"]);
        assert!(a["safety_net"].as_str().is_some_and(|s| !s.is_empty()));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn reads_stdin_when_no_file_or_dash() {
    for args in [&["screen", "--json"][..], &["screen", "--json", "-"][..]] {
        let out = lumbar(args, &valid_answers().to_string());
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(json(&out)["triage"], "massage_suitable");
    }
}

#[test]
fn malformed_json_is_reported_on_the_whole_input() {
    let out = lumbar(&["screen", "--json"], "{\"age\": 40,");
    assert_eq!(problems(&out), vec![("$".to_owned(), "invalid_json".to_owned())]);
    let out = lumbar(&["screen", "--json"], "[1, 2]");
    assert_eq!(problems(&out), vec![("$".to_owned(), "not_an_object".to_owned())]);
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut a = valid_answers();
    let o = a.as_object_mut().unwrap();
    o.remove("saddle_numbness"); // missing
    o.insert("age".into(), json!(130)); // out of range
    o.insert("pain_now".into(), json!(4.5)); // not a whole number
    o.insert("fever_or_chills".into(), json!("no")); // mistyped
    o.insert("trauma".into(), json!("mild")); // not an allowed value
    o.insert("favourite_colour".into(), json!("blue")); // unknown
    o.insert("preferences".into(), json!({"style": "firm", "mood": "calm"}));
    let out = lumbar(&["screen", "--json"], &a.to_string());
    let mut got = problems(&out);
    got.sort();
    let mut want: Vec<(String, String)> = [
        ("age", "out_of_range"),
        ("pain_now", "wrong_type"),
        ("trauma", "not_allowed"),
        ("saddle_numbness", "missing"),
        ("fever_or_chills", "wrong_type"),
        ("favourite_colour", "unknown_field"),
        ("preferences.style", "not_allowed"),
        ("preferences.mood", "unknown_field"),
    ]
    .iter()
    .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
    .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn inconsistent_answers_name_each_field() {
    let mut a = valid_answers();
    let o = a.as_object_mut().unwrap();
    o.insert("pregnancy".into(), json!("no"));
    o.insert("labour_signs".into(), json!(true));
    o.insert("pregnancy_high_risk".into(), json!(true));
    o.insert("pain_spread_left".into(), json!("back_only"));
    o.insert("pain_spread_right".into(), json!("back_only"));
    o.insert("leg_pain_worse_than_back".into(), json!(true));
    o.insert("blood_thinner".into(), json!("none"));
    o.insert("blood_thinner_problem".into(), json!(true));
    let out = lumbar(&["screen", "--json"], &a.to_string());
    let fields: Vec<String> =
        problems(&out).into_iter().inspect(|(_, c)| assert_eq!(c, "inconsistent")).map(|(f, _)| f).collect();
    assert_eq!(fields, ["pregnancy_high_risk", "labour_signs", "leg_pain_worse_than_back", "blood_thinner_problem"]);
}

#[test]
fn error_messages_never_echo_the_given_values() {
    let mut a = valid_answers();
    a["age"] = json!(987654);
    a["trauma"] = json!("fell-off-roof-xyz");
    let out = lumbar(&["screen", "--json"], &a.to_string());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2));
    assert!(!text.contains("987654") && !text.contains("fell-off-roof-xyz"), "{text}");
}

#[test]
fn unreadable_file_is_a_clear_error() {
    let out = lumbar(&["screen", "--json", "/nonexistent/answers.json"], "");
    assert_eq!(problems(&out), vec![("$".to_owned(), "unreadable".to_owned())]);
    assert!(
        json(&out)["error"]["fields"][0]["problem"].as_str().unwrap().contains("cannot read /nonexistent/answers.json")
    );
}

#[test]
fn interactive_mode_without_a_terminal_says_what_to_do() {
    let out = lumbar(&["screen"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lumbar screen --json"), "{err}");
}

#[test]
fn rules_check_validates_the_shipped_rule_set() {
    let out = lumbar(&["rules", "check"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ruleset 2026.11.2"));
}
