//! `lumbar progress`: the public progress cases through the binary (one of them field by
//! field against the contract's §4 example), stdin, the short summary, `--help`, and invalid
//! logs with exit code 2, every offending field named in the error JSON of `screen --json`.
//! Expected values are written by hand from PROGRESS.md.

use serde_json::{Value, json};

use super::{json, lumbar, temp_dir};

const CASES: &str = include_str!("../../../lumbar-core/tests/data/progress-public.json");

fn cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(CASES).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

/// The input of one public case, by id.
fn case_input(id: &str) -> Value {
    cases().into_iter().find(|c| c["id"] == id).map(|c| c["input"].clone()).unwrap()
}

/// Problems as (field, code) pairs, in output order, asserting exit code 2 and the shape.
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
fn the_contracts_example_through_the_binary_from_a_file() {
    // P03 is the §4 example: four sessions, 6 → 5.
    let dir = temp_dir("progress-file");
    let path = dir.join("log.json");
    std::fs::write(&path, case_input("P03").to_string()).unwrap();
    let out = lumbar(&["progress", "--json", path.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut v = json(&out);
    let message = v.as_object_mut().unwrap().remove("message").unwrap();
    assert!(message.as_str().is_some_and(|m| m.contains("doctor or a physical therapist")), "{message}");
    assert_eq!(
        v,
        json!({
            "schema": "lumbar.progress/1",
            "status": "not_helping",
            "baseline": 6,
            "current": 5,
            "change": 1,
            "change_pct": 16.7,
            "sessions": 4,
            "meaningful_improvement": false,
            "sources": ["OSTELO-2008"]
        })
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn every_public_case_through_stdin() {
    for case in cases() {
        let out = lumbar(&["progress", "--json", "-"], &case["input"].to_string());
        assert_eq!(out.status.code(), Some(0), "{}", case["id"]);
        let v = json(&out);
        for (key, want) in case["expected"].as_object().unwrap() {
            assert_eq!(&v[key], want, "{} {key}", case["id"]);
        }
    }
}

#[test]
fn reads_stdin_when_no_file_is_given() {
    let out = lumbar(&["progress", "--json"], &case_input("P02").to_string());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["status"], "improving");
}

#[test]
fn without_json_a_short_summary() {
    let out = lumbar(&["progress"], &case_input("P02").to_string());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Progress: improving"), "{text}");
    assert!(text.contains("6 at your safety check, 4 now — 2 points better (33.3%); 2 sessions logged"), "{text}");
    assert!(text.contains("[OSTELO-2008] Ostelo RW"), "{text}");
    assert!(text.contains("call 911"), "{text}");
}

#[test]
fn an_invalid_log_names_every_field_and_exits_2() {
    let log = json!({
        "baseline": {"date": "2026-12-10", "pain_average_week": 11},
        "entries": [
            {"kind": "session", "date": "2026-12-03", "pain_average_week": 6, "new_warning_sign": false},
            {"kind": "check_in", "date": "2026-12-12", "pain_average_week": 5, "pain_before": 4,
             "new_warning_sign": false},
            {"kind": "session", "date": "2026-02-30", "pain_average_week": 4.5, "pain_after": 3, "mood": "ok"},
        ],
        "notes": "x"
    });
    let out = lumbar(&["progress", "--json"], &log.to_string());
    let got = problems(&out);
    let want: Vec<(String, String)> = [
        ("baseline.pain_average_week", "out_of_range"),
        ("entries[0].date", "inconsistent"),
        ("entries[1].pain_before", "inconsistent"),
        ("entries[2].date", "invalid_date"),
        ("entries[2].pain_average_week", "wrong_type"),
        ("entries[2].new_warning_sign", "missing"),
        ("entries[2].mood", "unknown_field"),
        ("notes", "unknown_field"),
    ]
    .iter()
    .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
    .collect();
    assert_eq!(got, want);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("2026-02-30") && !text.contains("4.5"), "values are never echoed: {text}");
}

#[test]
fn an_invalid_log_without_json_is_explained_on_stderr() {
    let out = lumbar(&["progress"], r#"{"baseline": {"date": "2026-12-01"}, "entries": []}"#);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("baseline.pain_average_week: is required"), "{err}");
}

#[test]
fn malformed_json_and_an_unreadable_file_are_problems_of_the_whole_input() {
    let out = lumbar(&["progress", "--json"], "{\"baseline\": ");
    assert_eq!(problems(&out), vec![("$".to_owned(), "invalid_json".to_owned())]);
    let out = lumbar(&["progress", "--json", "/nonexistent/log.json"], "");
    assert_eq!(problems(&out), vec![("$".to_owned(), "unreadable".to_owned())]);
    assert!(
        json(&out)["error"]["fields"][0]["problem"].as_str().unwrap().contains("cannot read /nonexistent/log.json")
    );
}

#[test]
fn help_teaches_with_an_example() {
    let out = lumbar(&["progress", "--help"], "");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "Examples:",
        "lumbar progress my-log.json ",
        "lumbar progress --json my-log.json ",
        "cat my-log.json | lumbar progress --json -",
        "{\"baseline\": {\"date\": \"2026-12-01\", \"pain_average_week\": 6},",
    ] {
        assert!(text.lines().any(|l| l.trim_start().starts_with(line)), "{line:?} does not start a line:\n{text}");
    }
    let top = String::from_utf8_lossy(&lumbar(&["--help"], "").stdout).into_owned();
    assert!(top.lines().any(|l| l.trim_start().starts_with("progress ")), "{top}");
}
