//! Every public case (`tests/data/progress-public.json`): each field of `expected` equals the
//! output exactly, and the whole §4 document carries the schema, a message and sources.

use std::path::PathBuf;

use lumbar_core::progress::{ProgressTexts, assess};
use lumbar_core::screening::TextLang;
use serde_json::Value;

use super::{input, ruleset};

fn repo_copy() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/progress-public.json")
}

fn load(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_public_case_decides_every_expected_field_exactly() {
    let doc = load(&repo_copy());
    assert_eq!(doc["schema"], "lumbar.progress/1 cases");
    let cases = doc["cases"].as_array().expect("cases array");
    assert_eq!(cases.len(), 12);
    let texts = ProgressTexts::shipped(ruleset()).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let outcome = assess(&input(&case["input"]));
        let report = serde_json::to_value(texts.report(outcome, TextLang::En)).expect("serialises");
        let expected = case["expected"].as_object().expect("expected object");
        assert_eq!(expected.len(), 7, "{id}: the seven decided fields");
        for (key, want) in expected {
            if &report[key] != want {
                failures.push(format!("{id} ({}): {key} = {} , expected {want}", case["note"], report[key]));
            }
        }
        // The outcome alone is exactly the decided fields.
        let decided = serde_json::to_value(outcome).expect("serialises");
        if decided.as_object() != Some(expected) {
            failures.push(format!("{id}: outcome {decided} != expected {}", case["expected"]));
        }
        assert_eq!(report["schema"], "lumbar.progress/1", "{id}");
        assert!(report["message"].as_str().is_some_and(|m| !m.is_empty()), "{id}: a message");
        assert_eq!(report["sources"][0], "OSTELO-2008", "{id}");
    }
    assert!(failures.is_empty(), "public case failures:\n{}", failures.join("\n"));
}

/// The repository keeps its own copy so it stands alone; when the shared reference set is
/// beside the checkout, the copy must equal it, so an update there is noticed.
#[test]
fn repo_copy_matches_shared_cases_when_present() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/clinical/progress-public.json");
    if !shared.exists() {
        eprintln!("shared progress cases not beside the checkout; comparing skipped");
        return;
    }
    assert_eq!(
        load(&repo_copy()),
        load(&shared),
        "crates/lumbar-core/tests/data/progress-public.json differs from the shared cases: copy the new file in and re-run"
    );
}
