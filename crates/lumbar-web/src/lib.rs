//! # lumbar-web
//!
//! The web face of lumbar: the safety check as server-rendered, accessible HTML that works
//! with JavaScript off, the pages around it (evidence, about, privacy, disclaimer), the
//! therapist finder and profiles, the intake summary, feedback, and the JSON API v1 with its
//! OpenAPI document, and the screening over FHIR R4 — all from one function, [`app`].
//!
//! - [`state`]: [`AppState`] and [`WebConfig`];
//! - [`routes`]: the router, one module per area (pages, check, api, health);
//! - [`check_flow`]: the multi-step questionnaire as a pure state machine;
//! - [`draft`], [`seal`]: the check's answers between pages, sealed in a cookie;
//! - [`directory`], [`search`]: the cached geo index over the store, and search parameters;
//! - [`intake`]: what the "Prepare for your visit" summary says;
//! - [`chart`]: a massage plan's charts as server-rendered SVG, and their data table (pure);
//! - [`i18n`]: Fluent messages (English, Spanish) and language negotiation;
//! - [`csrf`], [`security`]: CSRF tokens, security headers, rate limits;
//! - [`fhir`]: FHIR R4 resources from the rule set (Questionnaire, RiskAssessment, …), pure;
//! - [`error`]: the one error type, rendered as a page, as `application/problem+json` or as a
//!   FHIR `OperationOutcome`;
//! - [`content`], [`views`], [`assets`]: cited statements, template frame, stylesheet.
//!
//! Privacy: answers are health data. Between pages they are kept only in the browser, in one
//! cookie sealed with an AEAD under the server secret ([`seal`], [`draft`]; 3 hours, or until
//! "Forget my answers"), never in URLs or logs; nothing of them is stored on the server, and
//! the request log has method, path, status and latency only. Every page is a `GET`
//! (post/redirect/get, decision 0005), so Back and Reload never resubmit a form.

pub mod accounts;
pub mod assets;
pub mod chart;
pub mod check_flow;
pub mod content;
pub(crate) mod cookies;
pub mod csrf;
pub mod directory;
pub mod draft;
pub mod error;
pub mod fhir;
pub mod i18n;
pub mod intake;
pub mod routes;
pub mod seal;
pub mod search;
pub mod security;
pub mod state;
pub mod views;

use std::future::Future;
use std::net::SocketAddr;

pub use routes::app;
pub use state::{AppState, ConfigError, IndexRefresh, RateLimit, Secret, WebConfig};

/// Serves the app on `listener` until Ctrl-C or SIGTERM, then finishes the requests in
/// flight.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with_shutdown(listener, state, shutdown_signal()).await
}

/// Serves the app on `listener` until `shutdown` completes (tests and embedders).
pub async fn serve_with_shutdown(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown).await
}

/// Completes on Ctrl-C, or on SIGTERM where there is one.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
