//! Security headers, CSRF, rate limits, body limits, request ids and compression.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::{TestApp, config};
use lumbar_web::RateLimit;

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let mut app = TestApp::new();
    for path in ["/", "/check", "/evidence", "/nope", "/api/openapi.json"] {
        let r = app.get(path).await;
        assert_eq!(
            r.header("content-security-policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            "{path}"
        );
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(r.header("referrer-policy"), "no-referrer", "{path}");
        assert!(r.header("permissions-policy").contains("geolocation=()"), "{path}");
        assert_eq!(r.header("x-frame-options"), "DENY", "{path}");
        assert!(!r.header("x-request-id").is_empty(), "{path}");
    }
    assert_eq!(app.get("/check").await.header("cache-control"), "no-store");
}

#[tokio::test]
async fn csrf_cookie_is_strict_and_http_only() {
    let mut app = TestApp::new();
    let r = app.get("/check").await;
    let cookie = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("lumbar_csrf="));
    let cookie = cookie.unwrap_or_default();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), "{cookie}");
    assert_eq!(r.csrf().len(), 128);
    // A second page load keeps the cookie (no new Set-Cookie); its token is masked
    // differently, and the first page's token still works.
    let again = app.get("/check").await;
    assert!(
        again.headers.get_all(header::SET_COOKIE).iter().all(|v| !v.to_str().unwrap_or("").starts_with("lumbar_csrf="))
    );
    assert_ne!(again.csrf(), r.csrf());
    let posted = app.post_form("/check", &r.hidden_of("check-form")).await;
    assert_eq!(posted.status, StatusCode::OK);
}

#[tokio::test]
async fn posts_without_a_valid_token_are_refused() {
    // No cookie at all.
    let mut app = TestApp::new();
    let r = app.post_form("/check", &[("step".into(), "0".into()), ("saddle_numbness".into(), "true".into())]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.h1(), "This form has expired");
    assert!(r.body.contains("href=\"/check\""), "a way to start again");

    // A cookie but a token from another cookie.
    let mut app = TestApp::new();
    let page = app.get("/check").await;
    let mut pairs = page.hidden_of("check-form");
    for (k, v) in pairs.iter_mut() {
        if k == "csrf" {
            *v = "0".repeat(128);
        }
    }
    let r = app.post_form("/check", &pairs).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // The right token passes.
    let pairs = page.hidden_of("check-form");
    let r = app.post_form("/check", &pairs).await;
    assert_eq!(r.status, StatusCode::OK);

    // A JSON body to a form endpoint is refused as well.
    let req = Request::post("/check")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap_or_default();
    assert_eq!(app.send(req).await.status, StatusCode::FORBIDDEN);

    // Every form is protected, including ones whose handler lands later.
    let r = app.post_form("/feedback", &[("helpful".into(), "yes".into())]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn posts_are_rate_limited_per_client() {
    let mut app =
        TestApp::with_config(lumbar_web::WebConfig { rate_limit: RateLimit { burst: 2, per_minute: 1 }, ..config() });
    let page = app.get("/check").await;
    let pairs = page.hidden_of("check-form");
    assert_eq!(app.post_form("/check", &pairs).await.status, StatusCode::OK);
    assert_eq!(app.post_form("/check", &pairs).await.status, StatusCode::OK);
    let r = app.post_form("/check", &pairs).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.h1(), "Too many tries");
    assert!(r.header("retry-after").parse::<u64>().is_ok_and(|s| s >= 1));
    let api = app.post_json("/api/v1/assessments", "{}").await;
    assert_eq!(api.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(api.header("content-type"), "application/problem+json");
    // Reading pages is never limited.
    assert_eq!(app.get("/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn large_bodies_are_refused() {
    let mut app = TestApp::new();
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(70 * 1024));
    let r = app.post_json("/api/v1/assessments", &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let page = app.get("/check").await;
    let mut pairs = page.hidden_of("check-form");
    pairs.push(("filler".into(), "b".repeat(70 * 1024)));
    let r = app.post_form("/check", &pairs).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.h1(), "Too much text");
}

#[tokio::test]
async fn responses_are_gzipped_when_asked() {
    let mut app = TestApp::new();
    let req = Request::get(lumbar_web::assets::css_href())
        .header(header::ACCEPT_ENCODING, "gzip, br")
        .body(Body::empty())
        .unwrap_or_default();
    let r = app.send(req).await;
    assert_eq!(r.header("content-encoding"), "gzip");
}
