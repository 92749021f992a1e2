//! FHIR R4 (4.0.1) resources built from the rule set: pure functions, no I/O.
//!
//! What lumbar serves under `/fhir` (see `docs/fhir.md` and [`crate::routes::fhir`]):
//!
//! - [`capability_statement`]: what this server supports, and nothing more;
//! - [`questionnaire::questionnaire`]: the screening as an SDC Questionnaire, generated from
//!   the one question catalogue (`data/questions.toml`): `linkId` = the answer field of
//!   `lumbar.screening/1`, groups as in the web form, `enableWhen` from `ask_when`;
//! - [`response::answers_from_response`]: a `QuestionnaireResponse` back to the answers object
//!   of the JSON API (a skipped question gets the value its skip stands for, exactly as in the
//!   web form), so `$assess` runs the same parser and engine;
//! - [`export::response_from_answers`]: a saved check's answers as a `QuestionnaireResponse`
//!   (the inverse of the above; the download on "My back");
//! - [`assessment::risk_assessment`]: an assessment as a `RiskAssessment`, and the
//!   `CodeSystem`s it codes with ([`assessment::triage_code_system`],
//!   [`assessment::finding_code_system`]);
//! - [`outcome`]: `OperationOutcome` documents (the third rendering of
//!   [`crate::error::AppError`]).
//!
//! Every builder takes the server's FHIR base (`https://example.org/fhir`): canonical URLs
//! and code systems are made from it. Texts are the rule set's US English ones.

pub mod assessment;
pub mod export;
pub mod outcome;
pub mod questionnaire;
pub mod response;

use serde_json::{Value, json};

/// The FHIR version served.
pub const FHIR_VERSION: &str = "4.0.1";
/// The media type of every FHIR response.
pub const MEDIA_TYPE: &str = "application/fhir+json";
/// The id of the screening Questionnaire.
pub const QUESTIONNAIRE_ID: &str = "lumbar-screening";
/// The id of the `$assess` OperationDefinition.
pub const ASSESS_OPERATION_ID: &str = "Questionnaire-assess";

/// The canonical URL of the screening Questionnaire.
pub fn questionnaire_url(base: &str) -> String {
    format!("{base}/Questionnaire/{QUESTIONNAIRE_ID}")
}

/// The canonical URL of a CodeSystem lumbar publishes (`triage`, `finding`).
pub fn code_system_url(base: &str, id: &str) -> String {
    format!("{base}/CodeSystem/{id}")
}

/// The canonical URL of the `$assess` OperationDefinition.
pub fn assess_operation_url(base: &str) -> String {
    format!("{base}/OperationDefinition/{ASSESS_OPERATION_ID}")
}

/// The CapabilityStatement: exactly the interactions this server answers. `date` is the
/// day it is served (`YYYY-MM-DD`), `software_version` the crate version.
pub fn capability_statement(base: &str, date: &str, software_version: &str, ruleset_version: &str) -> Value {
    json!({
        "resourceType": "CapabilityStatement",
        "id": "lumbar",
        "url": format!("{base}/metadata"),
        "version": software_version,
        "name": "LumbarFhirServer",
        "title": "lumbar FHIR server",
        "status": "active",
        "experimental": false,
        "date": date,
        "publisher": "lumbar",
        "description": "The lumbar safety screening for massage and low back pain as an SDC Questionnaire, \
    an operation that assesses a QuestionnaireResponse into a RiskAssessment, and the code systems they use. \
    Nothing sent is stored. Not served yet: the Plan-Net therapist directory and CDS Hooks.",
        "kind": "instance",
        "software": { "name": "lumbar", "version": software_version },
        "implementation": {
            "description": format!("lumbar, screening rule set {ruleset_version}"),
            "url": base,
        },
        "fhirVersion": FHIR_VERSION,
        "format": ["json"],
        "rest": [{
            "mode": "server",
            "documentation": "Read the screening Questionnaire and the code systems; POST a QuestionnaireResponse to \
    Questionnaire/lumbar-screening/$assess for a RiskAssessment. Only JSON (application/fhir+json or application/json). \
    Errors are OperationOutcome resources.",
            "resource": [
                {
                    "type": "Questionnaire",
                    "documentation": format!("Only {}: the screening, rule set {ruleset_version}.", questionnaire_url(base)),
                    "interaction": [{ "code": "read" }],
                    "operation": [{
                        "name": "assess",
                        "definition": assess_operation_url(base),
                        "documentation": "QuestionnaireResponse in, RiskAssessment out (nothing stored).",
                    }],
                },
                {
                    "type": "CodeSystem",
                    "documentation": "triage (the five triage levels) and finding (the screening rules).",
                    "interaction": [{ "code": "read" }],
                },
                {
                    "type": "OperationDefinition",
                    "documentation": format!("Only {}.", assess_operation_url(base)),
                    "interaction": [{ "code": "read" }],
                },
            ],
        }],
    })
}

/// The OperationDefinition of `Questionnaire/lumbar-screening/$assess`.
pub fn assess_operation(base: &str, software_version: &str) -> Value {
    json!({
        "resourceType": "OperationDefinition",
        "id": ASSESS_OPERATION_ID,
        "url": assess_operation_url(base),
        "version": software_version,
        "name": "Assess",
        "title": "Assess a screening QuestionnaireResponse",
        "status": "active",
        "kind": "operation",
        "affectsState": false,
        "description": "Runs the lumbar screening on a QuestionnaireResponse to the lumbar-screening Questionnaire \
    (POSTed as the body, or as the `response` parameter of a Parameters resource) and returns a RiskAssessment: the triage \
    level, every finding with its action and sources, and the precautions. Nothing is stored. Invalid input gives an \
    OperationOutcome with one issue per bad linkId.",
        "code": "assess",
        "resource": ["Questionnaire"],
        "system": false,
        "type": false,
        "instance": true,
        "parameter": [
            {
                "name": "response",
                "use": "in",
                "min": 1,
                "max": "1",
                "documentation": "The completed QuestionnaireResponse, items nested as in the Questionnaire.",
                "type": "QuestionnaireResponse",
            },
            {
                "name": "return",
                "use": "out",
                "min": 1,
                "max": "1",
                "documentation": "The assessment.",
                "type": "RiskAssessment",
            },
        ],
    })
}
