//! The router: every route, and the layers around them.
//!
//! | route | what |
//! |---|---|
//! | `GET /` | home |
//! | `GET /check`, `/check/{n}`, `/check/stop`, `/check/result` | the safety check's pages, shown from the sealed draft |
//! | `POST /check`, `/check/mistake`, `/check/forget` | a step's answers, "I answered this by mistake", "Forget my answers" (each `303`) |
//! | `GET /find` | the finder: the search in the query; a finished check in the draft is applied |
//! | `GET /therapists/{id}` | a therapist's profile with verification evidence |
//! | `POST /therapists/{id}/report` | "Report this listing": a category and optional words (`303` back with thanks) |
//! | `GET /operator`, `GET`/`POST /operator/reviews`, `/operator/feedback`, `/operator/reports`, `/operator/roles`, `GET /operator/audit` | the operator console (operator role; others 404, anonymous to sign in); every decision audited |
//! | `GET`/`POST /therapists/{id}/review` | a review by someone who logged a session there (held for moderation) |
//! | `GET /intake` | "Prepare for your visit": the printable intake summary |
//! | `POST /my-back/checks`, `GET /my-back`, `POST /my-back/checks/{id}/delete` | keep a finished check (with the privacy consent), "My back" (signed in), delete a check |
//! | `GET /my-back/checks/{id}/questionnaire-response` | a saved check as a FHIR R4 QuestionnaireResponse download (owner; session or API token) |
//! | `POST /my-back/plans`, `GET /plans/{id}`, `POST /plans/{id}/end` | start a massage plan from a check that allows massage; its progress, charts and entries; end it (owner) |
//! | `GET`/`POST /plans/{id}/log` | the re-screen, then a session or check-in (owner; a warning sign stops the plan) |
//! | `GET /checks/{id}/share`, `POST /checks/{id}/shares`, `GET /checks/{id}/share/print`, `POST /checks/{id}/shares/{share}/revoke` | share a saved check's intake: print it, or a link (owner) |
//! | `GET /shared/{token}` | a shared intake, no account needed (`noindex`, `no-store`, `no-referrer`) |
//! | `GET /clinician-summary` | "See a clinician first": the printable summary for the clinician |
//! | `POST /feedback`, `GET /feedback` | "Was this helpful?" (`303` back to the page, with thanks) |
//! | `GET /evidence`, `/about`, `/privacy`, `/disclaimer` | information pages |
//! | `GET`/`POST /signup`, `/signin`; `POST /signout` | accounts: sign up, sign in (backoff counted in the store), sign out (`303`) |
//! | `GET /account`; `POST /account/password`, `/account/signout-everywhere`, `/account/tokens`, `/account/tokens/{id}/revoke`, `/account/delete` | the account page and its forms (each `303`) |
//! | `GET /account/export` | "Download my data": `lumbar.export/1` JSON attachment |
//! | `GET`/`POST /reset`, `GET /reset/sent`, `GET`/`POST /reset/{token}` | password reset by an emailed one-time link (`410` once used or expired) |
//! | `GET /static/{file}` | the stylesheet (content-hashed name, long cache) |
//! | `POST /api/v1/assessments` | answers JSON → assessment JSON |
//! | `GET /api/v1/therapists`, `GET /api/v1/therapists/{id}` | directory search and detail |
//! | `GET /api/v1/me/checks`, `GET /api/v1/me/plans/{id}/progress` | the signed-in person's saved checks, a plan's `lumbar.progress/1` (bearer token or session; else 404) |
//! | `POST /api/v1/feedback` | feedback JSON → its id |
//! | `GET /api/v1/me/export`, `DELETE /api/v1/me` | the person's data export; account deletion (`204`); API token or session, else `404` |
//! | `GET /api/openapi.json`, `/api/docs/` | OpenAPI 3.1 document, Swagger UI (vendored) |
//! | `GET /fhir/metadata` | FHIR R4 CapabilityStatement (see [`fhir`]) |
//! | `GET /fhir/Questionnaire/lumbar-screening`, `POST …/$assess` | the screening as an SDC Questionnaire; QuestionnaireResponse → RiskAssessment |
//! | `GET /fhir/CodeSystem/triage`, `/fhir/CodeSystem/finding`, `/fhir/OperationDefinition/Questionnaire-assess` | the code systems and the operation's definition |
//! | `GET /healthz`, `/readyz` | liveness, readiness |
//!
//! Layers, outermost first: request id → trace (method, path, status, latency only) →
//! security headers → gzip → language → error rendering → timeout → body limit → rate
//! limit → CSRF → routes.

pub mod account;
pub mod api;
pub mod check;
pub mod clinician;
pub mod directory_api;
pub mod feedback;
pub mod fhir;
pub mod find;
pub mod health;
pub mod intake;
pub mod journal;
pub mod journal_log;
pub mod operator;
pub mod pages;
pub mod reviews;
pub mod share;
pub mod therapists;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, Response, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::i18n::I18n;
use crate::security::RateLimiter;
use crate::state::AppState;
use crate::{assets, csrf, error, i18n, security};

/// What every handler shares: the caller's state plus what the app builds once.
pub struct Shared {
    /// The caller's state.
    pub state: AppState,
    /// The loaded messages.
    pub i18n: I18n,
    /// Rate-limit buckets.
    pub limiter: RateLimiter,
    /// Seals the check's draft (key from the server secret).
    pub sealer: crate::seal::Sealer,
}

/// Builds the whole app: routes, API, OpenAPI document, and every layer.
pub fn app(state: AppState) -> Router {
    let config = state.config.clone();
    let i18n = I18n::load().with_review_pending(state.ruleset.es_review.is_some());
    let sealer = crate::seal::Sealer::new(&config.secret);
    let shared = Arc::new(Shared { limiter: RateLimiter::new(config.rate_limit), i18n, state, sealer });
    let (api_router, _spec) = api::router(&shared.state.ruleset);

    let router = Router::new()
        .merge(pages::router())
        .merge(check::router())
        .merge(find::router())
        .merge(therapists::router())
        .merge(reviews::router())
        .merge(intake::router())
        .merge(journal::router())
        .merge(share::router())
        .merge(clinician::router())
        .merge(feedback::router())
        .merge(account::router())
        .merge(operator::router())
        .route("/static/{file}", get(assets::serve))
        .merge(api_router)
        .fallback(pages::not_found)
        .layer(from_fn_with_state(shared.clone(), csrf::protect))
        .layer(from_fn_with_state(shared.clone(), security::rate_limit))
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, config.request_timeout))
        .layer(from_fn_with_state(shared.clone(), error::render))
        .layer(from_fn_with_state(shared.clone(), i18n::negotiate))
        .layer(CompressionLayer::new());
    let router = security::header_layers().into_iter().fold(router, |r, layer| r.layer(layer));
    router
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(make_span)
                .on_request(())
                .on_response(on_response)
                .on_body_chunk(())
                .on_eos(())
                .on_failure(()),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(shared)
}

/// The request span: method, path (never the query; secrets in it replaced, see
/// [`loggable_path`]), request id. Nothing else.
fn make_span<B>(req: &Request<B>) -> Span {
    let id = req.extensions().get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).unwrap_or("");
    let path = loggable_path(req.uri().path());
    tracing::info_span!("request", method = %req.method(), path = %path, request_id = %id)
}

/// A path as logged: every segment that looks like a secret made by
/// [`crate::accounts::tokens::new_secret`] (a reset link's or share link's token) is
/// replaced by `{secret}`, so the request log opens nothing.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    if !path.split('/').any(crate::accounts::tokens::plausible) {
        return std::borrow::Cow::Borrowed(path);
    }
    let parts: Vec<&str> =
        path.split('/').map(|s| if crate::accounts::tokens::plausible(s) { "{secret}" } else { s }).collect();
    std::borrow::Cow::Owned(parts.join("/"))
}

fn on_response<B>(resp: &Response<B>, latency: Duration, _span: &Span) {
    tracing::info!(status = resp.status().as_u16(), latency_ms = latency.as_millis() as u64, "response");
}

/// A page answered with another status (an HTML empty state such as "not available").
pub(crate) fn with_status(status: StatusCode, resp: axum::response::Response) -> axum::response::Response {
    let mut resp = resp;
    *resp.status_mut() = status;
    resp
}
