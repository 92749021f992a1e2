//! Liveness and readiness.

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{TestApp, ruleset};

#[tokio::test]
async fn healthz_and_readyz() {
    let mut app = TestApp::new();
    let r = app.get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(v["status"], "ok");
    let r = app.get("/readyz").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(v["status"], "ready");
    assert_eq!(v["ruleset_version"], ruleset().version.as_str());
}

#[tokio::test]
async fn readyz_checks_the_store() {
    let store = std::sync::Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = crate::support::TestApp::with_store(store.clone());
    let r = app.get("/readyz").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(v["status"], "ready");
    assert_eq!(v["store"], "sqlite");
    // The database goes away: not ready, with a problem body.
    store.pool().close().await;
    let r = app.get("/readyz").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let p: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(p["type"], "urn:lumbar:problem:store_unavailable");
    assert_eq!(p["status"], 503);
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK, "still alive");
}
