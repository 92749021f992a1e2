//! FHIR R4 (4.0.1) under `/fhir`: the screening as an SDC Questionnaire, `$assess`, and the
//! code systems (resources built by the pure [`crate::fhir`] module).
//!
//! | route | what |
//! |---|---|
//! | `GET /fhir/metadata` | the CapabilityStatement |
//! | `GET /fhir/Questionnaire/lumbar-screening` | the screening Questionnaire |
//! | `POST /fhir/Questionnaire/lumbar-screening/$assess` | QuestionnaireResponse → RiskAssessment |
//! | `GET /fhir/CodeSystem/triage`, `/fhir/CodeSystem/finding` | the triage levels, the rules |
//! | `GET /fhir/OperationDefinition/Questionnaire-assess` | the definition of `$assess` |
//!
//! Responses are `application/fhir+json`; a body is taken as `application/fhir+json` or
//! `application/json`. Errors are `OperationOutcome`s ([`crate::error`]). `$assess` stores
//! nothing and logs nothing but method, path, status and latency, like the JSON API. The base
//! of canonical URLs is `LUMBAR_PUBLIC_URL` + `/fhir`, else the request's host.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use lumbar_core::screening::{Answers, FieldProblem, InvalidAnswers};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::fhir;
use crate::routes::Shared;
use crate::routes::api::is_json;

/// A FHIR R4 resource in JSON; `resourceType` names it (see `docs/fhir.md`).
#[derive(Serialize, ToSchema)]
#[schema(as = FhirResource)]
pub struct FhirResourceDoc {
    /// `CapabilityStatement`, `Questionnaire`, `CodeSystem`, `OperationDefinition`,
    /// `QuestionnaireResponse`, `Parameters`, `RiskAssessment` or `OperationOutcome`.
    #[serde(rename = "resourceType")]
    pub resource_type: String,
}

/// The FHIR base of this server (`https://host/fhir`).
pub(crate) fn base(shared: &Shared, headers: &HeaderMap) -> String {
    if let Some(url) = &shared.state.config.public_url {
        return format!("{}/fhir", url.trim_end_matches('/'));
    }
    let scheme = if shared.state.config.secure_cookies { "https" } else { "http" };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
        })
        .unwrap_or("localhost");
    format!("{scheme}://{host}/fhir")
}

/// A resource as the response.
fn resource(status: StatusCode, value: &Value) -> Result<Response, AppError> {
    let mut body = serde_json::to_string_pretty(value).map_err(|_| AppError::Internal)?;
    body.push('\n');
    Ok((status, [(header::CONTENT_TYPE, HeaderValue::from_static(fhir::MEDIA_TYPE))], body).into_response())
}

/// The CapabilityStatement.
///
/// What this server supports: reading the screening Questionnaire, the code systems and the
/// `$assess` OperationDefinition, and the `$assess` operation.
#[utoipa::path(
    get,
    path = "/fhir/metadata",
    tag = "fhir",
    responses((status = 200, description = "CapabilityStatement", body = FhirResourceDoc, content_type = "application/fhir+json"))
)]
pub async fn metadata(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, AppError> {
    let today = shared.state.config.clock.today().to_string();
    let doc = fhir::capability_statement(
        &base(&shared, &headers),
        &today,
        env!("CARGO_PKG_VERSION"),
        &shared.state.ruleset.version,
    );
    resource(StatusCode::OK, &doc)
}

/// The screening as an SDC Questionnaire.
///
/// Generated from the question catalogue: `linkId` = the answer field of
/// `lumbar.screening/1`, groups as in the web form, `enableWhen` from the skip logic,
/// `version` = the rule set's version.
#[utoipa::path(
    get,
    path = "/fhir/Questionnaire/lumbar-screening",
    tag = "fhir",
    responses((status = 200, description = "Questionnaire", body = FhirResourceDoc, content_type = "application/fhir+json"))
)]
pub async fn questionnaire(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, AppError> {
    resource(StatusCode::OK, &fhir::questionnaire::questionnaire(&shared.state.ruleset, &base(&shared, &headers)))
}

/// The triage levels as a CodeSystem.
#[utoipa::path(
    get,
    path = "/fhir/CodeSystem/triage",
    tag = "fhir",
    responses((status = 200, description = "CodeSystem", body = FhirResourceDoc, content_type = "application/fhir+json"))
)]
pub async fn code_system_triage(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, AppError> {
    resource(StatusCode::OK, &fhir::assessment::triage_code_system(&shared.state.ruleset, &base(&shared, &headers)))
}

/// The screening rules (finding ids) as a CodeSystem.
#[utoipa::path(
    get,
    path = "/fhir/CodeSystem/finding",
    tag = "fhir",
    responses((status = 200, description = "CodeSystem", body = FhirResourceDoc, content_type = "application/fhir+json"))
)]
pub async fn code_system_finding(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, AppError> {
    resource(StatusCode::OK, &fhir::assessment::finding_code_system(&shared.state.ruleset, &base(&shared, &headers)))
}

/// The OperationDefinition of `$assess`.
#[utoipa::path(
    get,
    path = "/fhir/OperationDefinition/Questionnaire-assess",
    tag = "fhir",
    responses((status = 200, description = "OperationDefinition", body = FhirResourceDoc, content_type = "application/fhir+json"))
)]
pub async fn assess_definition(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, AppError> {
    resource(StatusCode::OK, &fhir::assess_operation(&base(&shared, &headers), env!("CARGO_PKG_VERSION")))
}

/// Assess a QuestionnaireResponse.
///
/// Takes a QuestionnaireResponse to `Questionnaire/lumbar-screening` (items nested as in the
/// Questionnaire; or a Parameters resource with it as `response`) and returns a
/// RiskAssessment from the same engine as `POST /api/v1/assessments`. Invalid input gives an
/// OperationOutcome with one issue per bad `linkId`, never repeating a value. Nothing is
/// stored.
#[utoipa::path(
    post,
    path = "/fhir/Questionnaire/lumbar-screening/$assess",
    tag = "fhir",
    request_body(content = FhirResourceDoc, content_type = "application/fhir+json"),
    responses(
        (status = 200, description = "RiskAssessment", body = FhirResourceDoc, content_type = "application/fhir+json"),
        (status = 400, description = "The body is not JSON (OperationOutcome)", body = FhirResourceDoc, content_type = "application/fhir+json"),
        (status = 415, description = "The body is not JSON (OperationOutcome)", body = FhirResourceDoc, content_type = "application/fhir+json"),
        (status = 422, description = "The response breaks the contract; one issue per bad linkId (OperationOutcome)", body = FhirResourceDoc, content_type = "application/fhir+json"),
        (status = 429, description = "Too many requests from this client (OperationOutcome)", body = FhirResourceDoc, content_type = "application/fhir+json"),
    )
)]
pub async fn assess(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Result<Response, AppError> {
    if !is_json(&headers) {
        return Err(AppError::UnsupportedMediaType);
    }
    let body: Value = serde_json::from_slice(&body).map_err(|_| {
        AppError::InvalidAnswers(InvalidAnswers {
            fields: vec![FieldProblem {
                field: "$".into(),
                code: "invalid_json",
                problem: "the body is not valid JSON; send one QuestionnaireResponse".into(),
            }],
        })
    })?;
    let rs = &shared.state.ruleset;
    let qr = fhir::response::unwrap_parameters(&body);
    let answers = fhir::response::answers_from_response(rs, qr).map_err(AppError::InvalidAnswers)?;
    let answers = Answers::from_json(&answers).map_err(AppError::InvalidAnswers)?;
    let assessment = rs.assess(&answers);
    let subject = qr.get("subject").filter(|s| s.is_object());
    resource(StatusCode::OK, &fhir::assessment::risk_assessment(&assessment, &base(&shared, &headers), subject))
}
