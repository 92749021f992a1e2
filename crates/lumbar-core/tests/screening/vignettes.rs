//! Every public vignette passes: triage exact, expected findings fired, precautions present,
//! excluded styles absent, first style first.

use std::path::PathBuf;

use lumbar_core::screening::Answers;
use serde_json::Value;

use super::ruleset;

fn repo_copy() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/vignettes-public.json")
}

fn load(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[test]
fn every_public_vignette_passes() {
    let doc = load(&repo_copy());
    let vignettes = doc["vignettes"].as_array().expect("vignettes array");
    assert_eq!(vignettes.len(), 40);
    let rs = ruleset();
    let mut failures = Vec::new();
    for v in vignettes {
        let id = v["id"].as_str().unwrap_or("?");
        let answers = match Answers::from_json(&v["answers"]) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{id}: answers rejected: {e}"));
                continue;
            }
        };
        let out = serde_json::to_value(rs.assess(&answers)).expect("serialize");
        let exp = &v["expected"];
        if out["triage"] != exp["triage"] {
            failures.push(format!("{id}: triage {} != expected {}", out["triage"], exp["triage"]));
        }
        if out["massage_advisable_now"] != exp["massage_advisable_now"] {
            failures.push(format!("{id}: massage_advisable_now differs"));
        }
        let fired: Vec<String> =
            out["findings"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_owned()).collect();
        for want in strings(exp.get("findings")) {
            if !fired.contains(&want) {
                failures.push(format!("{id}: finding {want} did not fire (fired: {fired:?})"));
            }
        }
        let precautions = strings(out.get("precautions"));
        for want in strings(exp.get("precautions_include")) {
            if !precautions.contains(&want) {
                failures.push(format!("{id}: precaution {want} missing"));
            }
        }
        let styles = strings(out.get("styles"));
        for banned in strings(exp.get("styles_exclude")) {
            if styles.contains(&banned) {
                failures.push(format!("{id}: style {banned} must not be recommended"));
            }
        }
        if let Some(first) = exp.get("styles_first").and_then(Value::as_str)
            && styles.first().map(String::as_str) != Some(first)
        {
            failures.push(format!("{id}: first style should be {first}, got {styles:?}"));
        }
    }
    assert!(failures.is_empty(), "vignette failures:\n{}", failures.join("\n"));
}

/// The repository keeps its own copy so it stands alone; when the shared reference set is
/// beside the checkout, the copy must equal it, so an update there is noticed.
#[test]
fn repo_copy_matches_shared_vignettes_when_present() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/clinical/vignettes-public.json");
    if !shared.exists() {
        eprintln!("shared vignettes not beside the checkout; comparing skipped");
        return;
    }
    assert_eq!(
        load(&repo_copy()),
        load(&shared),
        "crates/lumbar-core/tests/data/vignettes-public.json differs from the shared vignettes: copy the new file in and re-run"
    );
}
