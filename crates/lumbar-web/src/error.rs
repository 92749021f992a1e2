//! One error type for the whole app, rendered at the edge as an HTML page (in the page's
//! language, in the site layout), as `application/problem+json` (RFC 9457) under `/api/`
//! and the health endpoints, or as a FHIR `OperationOutcome` (`application/fhir+json`)
//! under `/fhir`.
//!
//! Handlers and middleware return [`AppError`]; its `IntoResponse` only sets the status and
//! stores the error in the response extensions. The [`render`] middleware, which knows the
//! request, turns it into the body. Error responses from layers and extractors that carry no
//! `AppError` (a 405, a body over the limit, a timeout, an extractor's plain-text rejection)
//! are replaced by the page for their status, so internal text never reaches a client.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use lumbar_core::screening::InvalidAnswers;
use serde::Serialize;

use crate::i18n::Lang;
use crate::routes::Shared;
use crate::views::Chrome;

/// Everything that can go wrong in a request, as the client may see it.
#[derive(Clone, Debug)]
pub enum AppError {
    /// No such page.
    NotFound,
    /// The method is not allowed on this path.
    MethodNotAllowed,
    /// A form post without a valid CSRF token.
    Csrf,
    /// Too many posts from this client.
    RateLimited {
        /// Seconds until the next post is accepted.
        retry_after_secs: u64,
    },
    /// The body is larger than allowed.
    PayloadTooLarge,
    /// The body is not of a supported type.
    UnsupportedMediaType,
    /// A form that did not come from our pages (damaged hidden fields).
    BadForm,
    /// Answers that do not satisfy the screening contract (API).
    InvalidAnswers(InvalidAnswers),
    /// Parameters or a request body that cannot be used (API); one entry per field.
    InvalidParameters(Vec<ProblemField>),
    /// The server runs without a database: no directory, no feedback.
    NoStore,
    /// The database did not answer.
    StoreFailed,
    /// The request took too long.
    Timeout,
    /// Not ready to serve (`/readyz`).
    NotReady,
    /// A defect; details are never shown.
    Internal,
}

impl AppError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::BadForm => StatusCode::BAD_REQUEST,
            AppError::InvalidAnswers(e) if e.fields.iter().any(|f| f.code == "invalid_json") => StatusCode::BAD_REQUEST,
            AppError::InvalidAnswers(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::InvalidParameters(e) if e.iter().any(|f| f.code == "invalid_json") => StatusCode::BAD_REQUEST,
            AppError::InvalidParameters(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Timeout | AppError::NotReady | AppError::NoStore | AppError::StoreFailed => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable snake_case code (problem `type` suffix and message key).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Csrf => "csrf_rejected",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::UnsupportedMediaType => "unsupported_media_type",
            AppError::BadForm => "bad_form",
            AppError::InvalidAnswers(_) => "invalid_answers",
            AppError::InvalidParameters(_) => "invalid_parameters",
            AppError::NoStore => "directory_unavailable",
            AppError::StoreFailed => "store_unavailable",
            AppError::Timeout => "timeout",
            AppError::NotReady => "not_ready",
            AppError::Internal => "internal",
        }
    }

    /// A store failure: logged (store errors never carry health data), answered 503.
    pub fn store(e: &dyn std::fmt::Display) -> AppError {
        tracing::error!(error = %e, "store query failed");
        AppError::StoreFailed
    }

    /// The error for a bare status code from a layer or extractor.
    pub fn from_status(status: StatusCode) -> AppError {
        match status {
            StatusCode::NOT_FOUND => AppError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
            StatusCode::FORBIDDEN => AppError::Csrf,
            StatusCode::TOO_MANY_REQUESTS => AppError::RateLimited { retry_after_secs: 60 },
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType,
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => AppError::Timeout,
            s if s.is_client_error() => AppError::BadForm,
            _ => AppError::Internal,
        }
    }

    /// The English title and detail used in problem documents.
    fn api_text(&self) -> (&'static str, String) {
        match self {
            AppError::NotFound => ("Not found", "There is no resource at this path.".into()),
            AppError::MethodNotAllowed => ("Method not allowed", "This path does not accept this method.".into()),
            AppError::Csrf => ("Forbidden", "The request was refused.".into()),
            AppError::RateLimited { retry_after_secs } => {
                ("Too many requests", format!("Too many requests from this client; retry after {retry_after_secs} s."))
            }
            AppError::PayloadTooLarge => ("Payload too large", "The request body is larger than allowed.".into()),
            AppError::UnsupportedMediaType => ("Unsupported media type", "Send the body as application/json.".into()),
            AppError::BadForm => ("Bad request", "The request could not be read.".into()),
            AppError::InvalidAnswers(e) => (
                "Invalid answers",
                format!(
                    "{} problem(s) with the answers; see `errors` (every problem is listed, none repeats a value).",
                    e.fields.len()
                ),
            ),
            AppError::InvalidParameters(e) => (
                "Invalid parameters",
                format!("{} problem(s) with the request; see `errors` (none repeats a value).", e.len()),
            ),
            AppError::NoStore => (
                "Directory not available",
                "This server runs without a database, so the therapist directory and feedback are not available."
                    .into(),
            ),
            AppError::StoreFailed => ("Database unavailable", "The database did not answer; try again shortly.".into()),
            AppError::Timeout => ("Service unavailable", "The request took too long; try again.".into()),
            AppError::NotReady => ("Not ready", "The service is not ready to take requests.".into()),
            AppError::Internal => ("Internal error", "Something went wrong on our side.".into()),
        }
    }

    /// The problem document (RFC 9457).
    pub fn problem(&self) -> Problem {
        let (title, detail) = self.api_text();
        let status = self.status().as_u16();
        let errors = match self {
            AppError::InvalidAnswers(e) => e
                .fields
                .iter()
                .map(|f| ProblemField { field: f.field.clone(), code: f.code.to_owned(), problem: f.problem.clone() })
                .collect(),
            AppError::InvalidParameters(e) => e.clone(),
            _ => Vec::new(),
        };
        Problem {
            r#type: format!("urn:lumbar:problem:{}", self.code()),
            title: title.to_owned(),
            status,
            detail,
            code: self.code().to_owned(),
            errors,
        }
    }

    fn problem_response(&self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut resp = (self.status(), body).into_response();
        resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        resp
    }

    /// The FHIR `OperationOutcome` issues: one per invalid answer (its `expression` the
    /// `linkId`), else one for the error.
    pub fn fhir_issues(&self) -> Vec<crate::fhir::outcome::Issue> {
        use crate::fhir::outcome::{Issue, answer_issue};
        match self {
            AppError::InvalidAnswers(e) => e.fields.iter().map(answer_issue).collect(),
            AppError::InvalidParameters(e) => e
                .iter()
                .map(|f| Issue {
                    severity: "error",
                    code: crate::fhir::outcome::issue_type(&f.code),
                    diagnostics: format!("{}: {}", f.field, f.problem),
                    expression: (f.field != "$").then(|| f.field.clone()),
                })
                .collect(),
            other => {
                let code = match other {
                    AppError::NotFound => "not-found",
                    AppError::MethodNotAllowed | AppError::UnsupportedMediaType => "not-supported",
                    AppError::Csrf => "security",
                    AppError::RateLimited { .. } => "throttled",
                    AppError::PayloadTooLarge => "too-costly",
                    AppError::BadForm => "structure",
                    AppError::Timeout => "timeout",
                    AppError::NoStore | AppError::StoreFailed | AppError::NotReady => "transient",
                    _ => "exception",
                };
                let (title, detail) = other.api_text();
                let detail = if matches!(other, AppError::UnsupportedMediaType) {
                    "Send the body as application/fhir+json (or application/json).".to_owned()
                } else {
                    detail
                };
                vec![Issue {
                    severity: if matches!(other, AppError::Internal) { "fatal" } else { "error" },
                    code,
                    diagnostics: format!("{title}: {detail}"),
                    expression: None,
                }]
            }
        }
    }

    fn fhir_response(&self) -> Response {
        let body =
            serde_json::to_vec(&crate::fhir::outcome::operation_outcome(&self.fhir_issues())).unwrap_or_default();
        let mut resp = (self.status(), body).into_response();
        resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(crate::fhir::MEDIA_TYPE));
        resp
    }

    fn html_response(&self, shared: &Shared, lang: Lang, path: &str) -> Response {
        let c = Chrome::new(&shared.i18n, lang, if self.status() == StatusCode::NOT_FOUND { "/" } else { path }, "");
        let key = match self {
            AppError::NotFound => "error-not-found",
            AppError::Csrf => "error-csrf",
            AppError::RateLimited { .. } => "error-rate-limited",
            AppError::PayloadTooLarge => "error-too-large",
            AppError::BadForm | AppError::InvalidAnswers(_) | AppError::UnsupportedMediaType => "error-bad-form",
            AppError::MethodNotAllowed => "error-method",
            AppError::InvalidParameters(_) => "error-bad-form",
            AppError::NoStore => "error-no-store",
            AppError::StoreFailed => "error-store",
            AppError::Timeout | AppError::NotReady => "error-unavailable",
            AppError::Internal => "error-internal",
        };
        let page = ErrorPage {
            title: c.t(&format!("{key}-title")),
            body: c.t(&format!("{key}-body")),
            restart: matches!(self, AppError::Csrf | AppError::BadForm | AppError::RateLimited { .. }),
            c,
        };
        match page.render() {
            Ok(html) => (self.status(), Html(html)).into_response(),
            Err(_) => (self.status(), "error").into_response(),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut resp = self.status().into_response();
        if let AppError::RateLimited { retry_after_secs } = &self {
            resp.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
        }
        resp.extensions_mut().insert(self);
        resp
    }
}

/// An RFC 9457 problem document.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the problem type: `urn:lumbar:problem:<code>`.
    #[serde(rename = "type")]
    pub r#type: String,
    /// Short summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened, in words; never repeats a value from the request.
    pub detail: String,
    /// The stable snake_case code of the problem type.
    pub code: String,
    /// One entry per invalid field (`invalid_answers`: answer fields; `invalid_parameters`:
    /// query parameters or body fields).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

/// One invalid field.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    /// JSON path of the field or parameter name (`age`, `preferences.style`, `zip`, `$` for
    /// the whole body).
    pub field: String,
    /// `invalid_json`, `not_an_object`, `missing`, `unknown_field`, `unknown_parameter`,
    /// `wrong_type`, `invalid`, `out_of_range`, `not_allowed`, `too_long`, `inconsistent` or
    /// `unknown_zip`.
    pub code: String,
    /// What is wrong and how to fix it.
    pub problem: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    c: Chrome<'a>,
    title: String,
    body: String,
    restart: bool,
}

/// Whether a path is answered with FHIR resources (errors as `OperationOutcome`).
pub(crate) fn is_fhir_path(path: &str) -> bool {
    path == "/fhir" || path.starts_with("/fhir/")
}

/// Whether a path is answered in JSON rather than HTML.
pub(crate) fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/") || path == "/healthz" || path == "/readyz"
}

/// Middleware: renders [`AppError`]s and bare error statuses (see the module docs).
pub(crate) async fn render(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let resp = next.run(req).await;
    let status = resp.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return resp;
    }
    let error = match resp.extensions().get::<AppError>() {
        Some(e) => e.clone(),
        None => {
            let content_type = resp.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
            let ours = content_type.starts_with("text/html")
                || content_type.starts_with("application/problem+json")
                || (is_fhir_path(&path) && content_type.starts_with(crate::fhir::MEDIA_TYPE));
            if ours {
                return resp;
            }
            AppError::from_status(status)
        }
    };
    let mut out = if is_fhir_path(&path) {
        error.fhir_response()
    } else if is_api_path(&path) {
        error.problem_response()
    } else {
        error.html_response(&shared, lang, &path)
    };
    for name in [header::SET_COOKIE, header::ALLOW, header::RETRY_AFTER] {
        for v in resp.headers().get_all(&name) {
            out.headers_mut().append(name.clone(), v.clone());
        }
    }
    out
}
