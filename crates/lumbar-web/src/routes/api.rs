//! JSON API v1 and its OpenAPI 3.1 document (the directory and feedback endpoints are in
//! [`super::directory_api`]; they are listed here so the document covers every route).
//!
//! The router and the document come from one list (`utoipa-axum`'s [`OpenApiRouter`]), so
//! a route cannot exist without being documented. The answers schema is generated from the
//! contract's field table (types, ranges, allowed words) with the question texts as
//! descriptions; the assessment schema mirrors `lumbar.screening/1` and a test checks it
//! against real output. Swagger UI at `/api/docs/` is the vendored copy from
//! `utoipa-swagger-ui` (nothing is downloaded at build or run time).
//!
//! `POST /api/v1/assessments` stores nothing and logs nothing but method, path, status and
//! latency. Errors are `application/problem+json` listing every invalid field.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lumbar_core::screening::fields::{ANSWER_FIELDS, FIELDS, FieldKind, preference};
use lumbar_core::screening::questions::Target;
use lumbar_core::screening::{Answers, FieldProblem, InvalidAnswers, Ruleset};
use serde::Serialize;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::openapi::{OpenApi as OpenApiDoc, RefOr};
use utoipa::{OpenApi, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use utoipa_swagger_ui::SwaggerUi;

use crate::error::{AppError, Problem};
use crate::routes::{Shared, account, directory_api, fhir, health};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "lumbar API",
        description = "Safety screening for massage and lower back pain (`lumbar.screening/1`), \
a directory of licensed massage therapists with verified credentials, and feedback. \
Answers are health data: they are assessed and returned, never stored or logged. \
lumbar gives information, not a diagnosis; in an emergency call 911 (or your local emergency number).",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    tags(
        (name = "screening", description = "Answers in, a cited and explained assessment out"),
        (name = "directory", description = "Licensed massage therapists near a ZIP code, with verification evidence"),
        (name = "feedback", description = "\"Was this helpful?\" (never screening answers)"),
        (name = "journal", description = "A signed-in person's saved checks and the progress of their massage plans (bearer token or session)"),
        (name = "account", description = "The signed-in person's own data: export and account deletion"),
        (name = "fhir", description = "FHIR R4 (4.0.1): the screening as an SDC Questionnaire, $assess to a RiskAssessment, code systems; application/fhir+json, errors as OperationOutcome"),
        (name = "health", description = "Liveness and readiness"),
    ),
    modifiers(&ApiTokenScheme)
)]
struct ApiDoc;

/// The `api_token` security scheme: a personal API token from the account page, sent as
/// `Authorization: Bearer <token>` (a browser session cookie works too).
struct ApiTokenScheme;

impl utoipa::Modify for ApiTokenScheme {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut bearer = Http::new(HttpAuthScheme::Bearer);
        bearer.description = Some("A personal API token, created on the account page (/account).".to_owned());
        components.add_security_scheme("api_token", SecurityScheme::Http(bearer));
    }
}

/// The API routes (with the OpenAPI document and Swagger UI) and the document itself.
pub fn router(rs: &Ruleset) -> (Router<Arc<Shared>>, OpenApiDoc) {
    let (router, mut spec) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(create_assessment))
        .routes(routes!(directory_api::search_therapists))
        .routes(routes!(directory_api::therapist_detail))
        .routes(routes!(directory_api::create_feedback))
        .routes(routes!(super::journal::api_checks))
        .routes(routes!(super::journal::api_progress))
        .routes(routes!(account::export_me))
        .routes(routes!(account::delete_me))
        .routes(routes!(fhir::metadata))
        .routes(routes!(fhir::questionnaire))
        .routes(routes!(fhir::assess))
        .routes(routes!(fhir::code_system_triage))
        .routes(routes!(fhir::code_system_finding))
        .routes(routes!(fhir::assess_definition))
        .routes(routes!(health::healthz))
        .routes(routes!(health::readyz))
        .split_for_parts();
    spec.info.version = env!("CARGO_PKG_VERSION").to_owned();
    if let Some(components) = spec.components.as_mut() {
        components.schemas.insert(AnswersDoc::name().into_owned(), answers_schema(Some(rs)).into());
    }
    let json = serde_json::to_vec_pretty(&spec).unwrap_or_default();
    let router =
        router
            .route(
                "/api/openapi.json",
                get(move || {
                    let json = json.clone();
                    async move {
                        ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response()
                    }
                }),
            )
            .merge(
                // The vendored bundle is the same for the life of a build: cacheable, unlike
                // the pages (whose `no-store` default applies only where nothing was set).
                axum::Router::from(
                    SwaggerUi::new("/api/docs").config(
                        utoipa_swagger_ui::Config::from("/api/openapi.json")
                            .try_it_out_enabled(true)
                            .display_request_duration(true),
                    ),
                )
                .layer(tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=86400"),
                )),
            );
    (router, spec)
}

/// The OpenAPI document for a rule set (what `/api/openapi.json` serves).
pub fn openapi(rs: &Ruleset) -> OpenApiDoc {
    router(rs).1
}

/// Assess answers.
///
/// Takes a `lumbar.screening/1` answers object and returns the assessment exactly as
/// `lumbar screen --json` prints it. Every answer field is required (a missing red-flag
/// answer is never read as "no"); `preferences` is optional. Nothing is stored.
#[utoipa::path(
    post,
    path = "/api/v1/assessments",
    tag = "screening",
    request_body(content = AnswersDoc, content_type = "application/json"),
    responses(
        (status = 200, description = "The assessment", body = AssessmentDoc),
        (status = 400, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The answers break the contract; `errors` names every field", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_assessment(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    if !is_json(&headers) {
        return Err(AppError::UnsupportedMediaType);
    }
    let text = std::str::from_utf8(&body).map_err(|_| {
        AppError::InvalidAnswers(InvalidAnswers {
            fields: vec![FieldProblem {
                field: "$".into(),
                code: "invalid_json",
                problem: "the body is not UTF-8 text; send one JSON object".into(),
            }],
        })
    })?;
    let answers = Answers::from_json_str(text).map_err(AppError::InvalidAnswers)?;
    let assessment = shared.state.ruleset.assess(&answers);
    let mut out = serde_json::to_string_pretty(&assessment).map_err(|_| AppError::Internal)?;
    out.push('\n');
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], out).into_response())
}

/// Whether the request body is declared as JSON (`application/json` or `…+json`).
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .is_some_and(|m| m == "application/json" || (m.starts_with("application/") && m.ends_with("+json")))
}

/// The answers object of `lumbar.screening/1` (schema generated from the field table).
pub struct AnswersDoc;

impl PartialSchema for AnswersDoc {
    fn schema() -> RefOr<Schema> {
        answers_schema(None).into()
    }
}

impl ToSchema for AnswersDoc {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Answers")
    }
}

fn kind_schema(kind: FieldKind) -> ObjectBuilder {
    match kind {
        FieldKind::Bool => ObjectBuilder::new().schema_type(Type::Boolean),
        FieldKind::Int { min, max } => {
            ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(min as f64)).maximum(Some(max as f64))
        }
        FieldKind::Number { min, max } => {
            ObjectBuilder::new().schema_type(Type::Number).minimum(Some(min)).maximum(Some(max))
        }
        FieldKind::Choice(words) => {
            ObjectBuilder::new().schema_type(Type::String).enum_values(Some(words.iter().copied()))
        }
    }
}

/// The answers schema; with a rule set, each property is described by its question.
fn answers_schema(rs: Option<&Ruleset>) -> Schema {
    let describe = |target: Target| -> Option<String> {
        let q = rs?.questionnaire.questions.iter().find(|q| q.target == target)?;
        Some(match &q.help {
            Some(help) => format!("{} ({help})", q.text),
            None => q.text.clone(),
        })
    };
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("Every field is required; unknown fields are errors."))
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
    for spec in &FIELDS[..ANSWER_FIELDS] {
        let prop = kind_schema(spec.kind).description(describe(Target::Answer(spec.field)));
        object = object.property(spec.name, prop).required(spec.name);
    }
    let mut prefs = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("Optional wishes; they never override a safety precaution."))
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
    for (k, (key, words)) in preference::KEYS.iter().enumerate() {
        prefs =
            prefs.property(*key, kind_schema(FieldKind::Choice(words)).description(describe(Target::Preference(k))));
    }
    object.property("preferences", prefs).build().into()
}

/// Triage level, most urgent first.
#[derive(Serialize, ToSchema)]
#[schema(as = Triage)]
#[serde(rename_all = "snake_case")]
pub enum TriageDoc {
    /// Call emergency services now.
    Emergency,
    /// Same-day medical assessment.
    UrgentMedical,
    /// A clinician appointment before massage.
    SeeProviderFirst,
    /// Massage now, with modifications.
    MassageWithPrecautions,
    /// Massage now.
    MassageSuitable,
}

/// Kind of a finding.
#[derive(Serialize, ToSchema)]
#[schema(as = FindingKind)]
#[serde(rename_all = "snake_case")]
pub enum FindingKindDoc {
    /// Emergency or urgent.
    RedFlag,
    /// See a provider first.
    Referral,
    /// Massage with precautions.
    Precaution,
    /// No effect on triage.
    Note,
}

/// A recommended massage style.
#[derive(Serialize, ToSchema)]
#[schema(as = Style)]
#[serde(rename_all = "snake_case")]
pub enum StyleDoc {
    /// Pregnancy massage.
    Prenatal,
    /// Swedish / relaxation massage.
    Swedish,
    /// Deep tissue / structural massage.
    DeepTissue,
}

/// Pain severity from `pain_now`.
#[derive(Serialize, ToSchema)]
#[schema(as = Severity)]
#[serde(rename_all = "snake_case")]
pub enum SeverityDoc {
    /// 0–5.
    Mild,
    /// 6–7.
    Moderate,
    /// 8–10.
    Severe,
}

/// Episode duration class.
#[derive(Serialize, ToSchema)]
#[schema(as = DurationClass)]
#[serde(rename_all = "snake_case")]
pub enum DurationDoc {
    /// Under 4 weeks.
    Acute,
    /// 4 to 12 weeks.
    Subacute,
    /// Over 12 weeks.
    Chronic,
}

/// One fired rule.
#[derive(Serialize, ToSchema)]
#[schema(as = Finding)]
pub struct FindingDoc {
    /// Rule id.
    pub id: String,
    /// Kind.
    pub kind: FindingKindDoc,
    /// The level it sets; `null` for notes.
    pub triage: Option<TriageDoc>,
    /// Plain-language title.
    pub title: String,
    /// Plain-language explanation.
    pub explanation: String,
    /// What to do.
    pub action: String,
    /// Precaution ids (precaution findings only).
    pub precautions: Vec<String>,
    /// Source ids; the full references are in the assessment's `sources`.
    pub sources: Vec<String>,
}

/// Pain figures.
#[derive(Serialize, ToSchema)]
#[schema(as = Pain)]
pub struct PainDoc {
    /// Pain right now, 0–10.
    pub now: u8,
    /// PEG score: mean of three 0–10 items, one decimal.
    pub peg: f64,
    /// Severity band.
    pub severity: SeverityDoc,
}

/// The assessment, `lumbar.screening/1`.
#[derive(Serialize, ToSchema)]
#[schema(as = Assessment)]
pub struct AssessmentDoc {
    /// Always `lumbar.screening/1`.
    pub schema: String,
    /// Version of the rule set that made the assessment.
    pub ruleset_version: String,
    /// The most urgent level among the findings.
    pub triage: TriageDoc,
    /// True exactly when `triage` is `massage_with_precautions` or `massage_suitable`.
    pub massage_advisable_now: bool,
    /// Every fired rule, most urgent first.
    pub findings: Vec<FindingDoc>,
    /// Union of the findings' precaution ids (empty unless massage is advisable now).
    pub precautions: Vec<String>,
    /// Recommended styles, best first (empty unless massage is advisable now).
    pub styles: Vec<StyleDoc>,
    /// What the person is told about styles (present when `styles` is not empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style_note: Option<String>,
    /// Pain figures.
    pub pain: PainDoc,
    /// Duration class.
    pub duration: DurationDoc,
    /// Safety-netting text every result ends with.
    pub safety_net: String,
    /// Full references of every cited source id.
    pub sources: BTreeMap<String, String>,
}
