//! An assessment as a FHIR `RiskAssessment`, and the two CodeSystems it codes with.
//!
//! - `prediction[0]`: the triage; `qualitativeRisk.coding[0]` is the level in
//!   `{base}/CodeSystem/triage`; its `rationale` says whether massage is advisable now;
//! - `prediction[1..]`: one per finding, most urgent first: `outcome` coded in
//!   `{base}/CodeSystem/finding` (the rule id), `qualitativeRisk` its level (none for notes),
//!   `rationale` the explanation and the action, each cited source as a
//!   `cqf-relatedArtifact` extension (citation, and its address when public);
//! - `mitigation`: the precautions, one line each (id, label, what the therapist does);
//! - `note`: the safety-netting text every result ends with;
//! - `method`: the rule set and its version.
//!
//! Texts are the rule set's US English ones (Spanish is not served over FHIR yet).

use lumbar_core::screening::ruleset::Triage;
use lumbar_core::screening::{Assessment, Ruleset, SCHEMA};
use serde_json::{Value, json};

use super::code_system_url;

const RELATED_ARTIFACT: &str = "http://hl7.org/fhir/StructureDefinition/cqf-relatedArtifact";

/// What a triage level means, for the CodeSystem.
fn triage_text(t: Triage) -> (&'static str, &'static str) {
    match t {
        Triage::Emergency => {
            ("Emergency", "Call the local emergency number (911 in the US) or go to an emergency department now.")
        }
        Triage::UrgentMedical => ("Urgent medical", "Same-day medical assessment before any massage."),
        Triage::SeeProviderFirst => ("See a provider first", "A (non-urgent) clinician appointment before massage."),
        Triage::MassageWithPrecautions => {
            ("Massage with precautions", "Massage is advisable now, with the listed modifications.")
        }
        Triage::MassageSuitable => ("Massage suitable", "Massage is advisable now."),
    }
}

fn triage_coding(base: &str, t: Triage) -> Value {
    json!({ "system": code_system_url(base, "triage"), "code": t.as_str(), "display": triage_text(t).0 })
}

/// `CodeSystem/triage`: the five triage levels of `lumbar.screening/1`, most urgent first.
pub fn triage_code_system(rs: &Ruleset, base: &str) -> Value {
    let concepts: Vec<Value> = Triage::ALL
        .iter()
        .map(|t| {
            let (display, definition) = triage_text(*t);
            json!({ "code": t.as_str(), "display": display, "definition": definition })
        })
        .collect();
    json!({
        "resourceType": "CodeSystem",
        "id": "triage",
        "url": code_system_url(base, "triage"),
        "version": rs.version,
        "name": "LumbarTriage",
        "title": "lumbar triage levels",
        "status": "active",
        "experimental": false,
        "publisher": "lumbar",
        "description": format!("The triage levels of {SCHEMA}, most urgent first. Massage is advisable now exactly at massage_with_precautions and massage_suitable."),
        "caseSensitive": true,
        "content": "complete",
        "count": concepts.len(),
        "concept": concepts,
    })
}

/// `CodeSystem/finding`: every rule of the rule set (its id), with its kind and level.
pub fn finding_code_system(rs: &Ruleset, base: &str) -> Value {
    let concepts: Vec<Value> = rs
        .rules
        .iter()
        .map(|r| {
            let mut properties = vec![json!({ "code": "kind", "valueCode": r.kind.as_str() })];
            if let Some(level) = r.level {
                properties.push(json!({ "code": "level", "valueCode": level.as_str() }));
            }
            json!({
                "code": r.id,
                "display": r.title,
                "definition": format!("Fires when: {}", r.when_text.split_whitespace().collect::<Vec<_>>().join(" ")),
                "property": properties,
            })
        })
        .collect();
    json!({
        "resourceType": "CodeSystem",
        "id": "finding",
        "url": code_system_url(base, "finding"),
        "version": rs.version,
        "name": "LumbarFinding",
        "title": "lumbar screening findings (rules)",
        "status": "active",
        "experimental": false,
        "publisher": "lumbar",
        "description": format!("The rules of {SCHEMA}, rule set {}: each one's id, title and condition (in lumbar's condition language over the answer fields).", rs.version),
        "caseSensitive": true,
        "content": "complete",
        "count": concepts.len(),
        "property": [
            { "code": "kind", "description": "red_flag, referral, precaution or note", "type": "code" },
            { "code": "level", "uri": code_system_url(base, "triage"), "description": "The triage level the rule sets (none for notes)", "type": "code" },
        ],
        "concept": concepts,
    })
}

/// The `RiskAssessment` for an assessment. `subject` is copied from the response when it
/// has one (a `Reference`), else a display-only reference.
pub fn risk_assessment(a: &Assessment<'_>, base: &str, subject: Option<&Value>) -> Value {
    let rs = a.ruleset();
    let advisable = a.massage_advisable_now();
    let mut predictions = vec![json!({
        "outcome": { "text": "Triage for massage for low back pain" },
        "qualitativeRisk": { "coding": [triage_coding(base, a.triage)], "text": triage_text(a.triage).0 },
        "rationale": if advisable { "Massage is advisable now." } else { "Massage is not advisable now." },
    })];
    for r in a.finding_rules() {
        let mut p = json!({
            "outcome": {
                "coding": [{ "system": code_system_url(base, "finding"), "code": r.id, "display": r.title }],
                "text": r.title,
            },
            "rationale": format!("{} What to do: {}", r.explanation, r.action),
        });
        if let Some(level) = r.level {
            p["qualitativeRisk"] = json!({ "coding": [triage_coding(base, level)] });
        }
        let artifacts: Vec<Value> = r
            .sources
            .iter()
            .map(|&s| {
                let s = &rs.sources[s];
                let mut artifact = json!({ "type": "citation", "label": s.id, "citation": s.citation });
                if let Some(url) = &s.url {
                    artifact["url"] = url.clone().into();
                }
                json!({ "url": RELATED_ARTIFACT, "valueRelatedArtifact": artifact })
            })
            .collect();
        if !artifacts.is_empty() {
            p["extension"] = artifacts.into();
        }
        predictions.push(p);
    }
    let mitigation: Vec<String> = a
        .precaution_ids()
        .filter_map(|id| rs.precaution(id))
        .map(|p| format!("{}: {}. {}", p.id, p.label.trim_end_matches('.'), p.for_therapist))
        .collect();
    let mut out = json!({
        "resourceType": "RiskAssessment",
        "status": "final",
        "method": { "text": format!("{SCHEMA}, rule set {}", rs.version) },
        "code": { "text": "Safety screening for massage and low back pain" },
        "subject": subject.cloned().unwrap_or_else(|| json!({ "display": "The person who answered the screening" })),
        "prediction": predictions,
        "note": [{ "text": rs.safety_net }],
    });
    if !mitigation.is_empty() {
        out["mitigation"] = mitigation.join("\n").into();
    }
    out
}
