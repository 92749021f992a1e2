//! The status messages as data (`data/progress.toml`): both languages, sources that resolve,
//! the loader's start-up errors, and the §4 output document.

use lumbar_core::progress::{self, ProgressTexts, Status};
use lumbar_core::screening::TextLang;
use serde_json::json;

use super::{outcome, ruleset};

fn shipped() -> ProgressTexts {
    ProgressTexts::shipped(ruleset()).unwrap_or_else(|e| panic!("{e}"))
}

/// The loader's problems for a changed `progress.toml`.
fn load_errors(text: &str) -> Vec<String> {
    match ProgressTexts::load(text, ruleset()) {
        Ok(_) => panic!("loaded an invalid progress.toml:\n{text}"),
        Err(e) => e.problems,
    }
}

#[test]
fn every_status_has_an_english_and_a_spanish_message() {
    let texts = shipped();
    for status in Status::ALL {
        let t = texts.status(status);
        assert_eq!(t.status, status);
        assert!(!t.message.is_empty() && !t.message_es.is_empty(), "{}", status.as_str());
        assert_ne!(t.message, t.message_es, "{}", status.as_str());
        assert_eq!(t.message_in(TextLang::En), t.message);
        assert_eq!(t.message_in(TextLang::Es), t.message_es);
    }
    assert_eq!(texts.es_review.as_deref(), Some("awaiting clinical review"));
}

#[test]
fn every_status_rests_on_ostelo_2008_and_every_source_resolves() {
    let texts = shipped();
    let rs = ruleset();
    for status in Status::ALL {
        let sources = &texts.status(status).sources;
        assert_eq!(sources.first().map(String::as_str), Some("OSTELO-2008"), "{}", status.as_str());
        for id in sources {
            assert!(rs.source(id).is_some(), "{}: {id}", status.as_str());
        }
    }
    // clinical.md §4.2, transcribed by hand.
    let ostelo = rs.source("OSTELO-2008").map(|s| s.citation.as_str()).unwrap_or_default();
    assert!(ostelo.starts_with("Ostelo RW, Deyo RA, Stratford P, et al."), "{ostelo}");
    assert!(ostelo.contains("minimal important change") && ostelo.contains("Spine 2008;33(1):90-94"), "{ostelo}");
}

#[test]
fn the_stop_message_says_to_call_911_in_both_languages() {
    let t = shipped();
    let t = t.status(Status::StopWarningSign);
    assert!(t.message.contains("911") && t.message_es.contains("911"));
}

#[test]
fn the_report_is_the_contracts_output_document() {
    // The §4 example: four sessions, 6 → 5.
    let log = json!({"baseline": {"date": "2026-12-01", "pain_average_week": 6}, "entries": [
        {"kind": "session", "date": "2026-12-03", "pain_average_week": 6, "new_warning_sign": false},
        {"kind": "session", "date": "2026-12-10", "pain_average_week": 6, "new_warning_sign": false},
        {"kind": "session", "date": "2026-12-17", "pain_average_week": 5, "new_warning_sign": false},
        {"kind": "session", "date": "2026-12-24", "pain_average_week": 5, "new_warning_sign": false}
    ]});
    let texts = shipped();
    let report = texts.report(outcome(&log), TextLang::En);
    let text = serde_json::to_string(&report).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "schema",
            "status",
            "baseline",
            "current",
            "change",
            "change_pct",
            "sessions",
            "meaningful_improvement",
            "message",
            "sources"
        ]
    );
    let message = v.as_object_mut().unwrap().remove("message").unwrap();
    assert_eq!(message, texts.status(Status::NotHelping).message);
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
    assert_eq!(progress::SCHEMA, "lumbar.progress/1");
    let es = texts.report(outcome(&log), TextLang::Es);
    assert_eq!(es.message(), texts.status(Status::NotHelping).message_es);
}

#[test]
fn a_missing_spanish_message_is_a_load_error_naming_every_status() {
    let text: String =
        progress::texts::SHIPPED.lines().filter(|l| !l.starts_with("message_es")).collect::<Vec<_>>().join("\n");
    let problems = load_errors(&text);
    let missing = problems.iter().filter(|p| p.contains("has no Spanish message (message_es)")).count();
    assert_eq!(missing, 6, "{problems:?}");
    assert!(problems.contains(&"progress.toml: status `too_early` has no Spanish message (message_es)".to_owned()));
}

#[test]
fn an_unknown_source_is_a_load_error() {
    let text = progress::texts::SHIPPED.replacen("sources = [\"OSTELO-2008\"]", "sources = [\"OSTELO-2009\"]", 1);
    assert_eq!(
        load_errors(&text),
        ["progress.toml: status `stop_warning_sign` cites unknown source `OSTELO-2009`".to_owned()]
    );
    let text = progress::texts::SHIPPED.replacen("sources = [\"OSTELO-2008\"]", "sources = []", 1);
    assert_eq!(load_errors(&text), ["progress.toml: status `stop_warning_sign` cites no source".to_owned()]);
}

#[test]
fn a_missing_repeated_unknown_or_misordered_status_is_a_load_error() {
    let shipped = progress::texts::SHIPPED;
    let text = shipped.replace("id = \"low_pain\"", "id = \"improving\"");
    let problems = load_errors(&text);
    assert!(problems.contains(&"progress.toml: no message for status `low_pain`".to_owned()), "{problems:?}");
    assert!(
        problems.contains(&"progress.toml: status `improving` is listed more than once".to_owned()),
        "{problems:?}"
    );
    let text = shipped.replace("id = \"low_pain\"", "id = \"low\"");
    let problems = load_errors(&text);
    assert!(problems.contains(&"progress.toml: unknown status `low`".to_owned()), "{problems:?}");
    // swap two rows: every status present once, out of the contract's order
    let text = shipped
        .replace("id = \"improving\"", "id = \"__swap__\"")
        .replace("id = \"low_pain\"", "id = \"improving\"")
        .replace("id = \"__swap__\"", "id = \"low_pain\"");
    assert_eq!(
        load_errors(&text),
        ["progress.toml: list the statuses in the contract's table order (PROGRESS.md §2)".to_owned()]
    );
}

#[test]
fn a_stop_message_without_911_is_a_load_error() {
    let text = progress::texts::SHIPPED.replace("911", "a doctor");
    let problems = load_errors(&text);
    assert_eq!(
        problems,
        [
            "progress.toml: status `stop_warning_sign`: the English message must say to call 911 for an emergency finding"
                .to_owned(),
            "progress.toml: status `stop_warning_sign`: the Spanish message must say to call 911 for an emergency finding"
                .to_owned(),
        ]
    );
}

#[test]
fn an_unknown_key_is_a_load_error() {
    let text = progress::texts::SHIPPED.replacen("[[status]]", "[[status]]\ntone = \"calm\"", 1);
    let problems = load_errors(&text);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("progress.toml: ") && problems[0].contains("tone"), "{problems:?}");
}
