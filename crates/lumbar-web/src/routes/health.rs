//! `/healthz` (the process answers) and `/readyz` (it can do its job: the rule set is
//! loaded and, when the server has a store, the database answers a cheap query).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use crate::error::AppError;
use crate::routes::Shared;

/// Liveness or readiness.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` (liveness) or `ready` (readiness).
    pub status: &'static str,
    /// The loaded screening rule set (readiness only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ruleset_version: Option<String>,
    /// The database checked (`sqlite`, `postgres`; readiness only, when the server has one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
}

/// Liveness: the process is up.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, description = "The process is up", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok", ruleset_version: None, store: None })
}

/// Readiness: the rule set is loaded and the database (when configured) answers.
#[utoipa::path(get, path = "/readyz", tag = "health",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "Not ready: no rule set, or the database did not answer", body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn readyz(State(shared): State<Arc<Shared>>) -> Result<Json<Health>, AppError> {
    let rs = &shared.state.ruleset;
    if rs.rules.is_empty() || rs.questionnaire.questions.is_empty() {
        return Err(AppError::NotReady);
    }
    let store = match &shared.state.store {
        Some(store) => {
            if let Err(e) = store.import_runs().await {
                tracing::error!(error = %e, "readiness: the database did not answer");
                return Err(AppError::StoreFailed);
            }
            Some(store.backend().to_owned())
        }
        None => None,
    };
    Ok(Json(Health { status: "ready", ruleset_version: Some(rs.version.clone()), store }))
}
