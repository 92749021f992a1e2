//! "Was this helpful?": stored through the store, validated, never with answers.

use axum::http::StatusCode;

use crate::support::{TestApp, demo_store, result_page, strip_tags, vignette};

#[tokio::test]
async fn feedback_from_the_evidence_page_is_stored() {
    let store = demo_store().await;
    let mut app = TestApp::with_store(store.clone());
    let page = app.get("/evidence").await;
    let mut pairs = page.hidden_of_action("/feedback");
    assert!(pairs.iter().any(|(k, v)| k == "page" && v == "evidence"));
    pairs.extend([("helpful".into(), "yes".into()), ("comment".into(), "  Clear and honest, thanks.  ".into())]);
    let r = app.post_form("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), "Thank you for your feedback");
    assert!(r.body.contains("href=\"/evidence\""), "a link back");
    let stored = store.feedback(None, 10).await.unwrap_or_default();
    assert_eq!(stored.len(), 1);
    assert_eq!((stored[0].page.as_str(), stored[0].helpful), ("evidence", true));
    assert_eq!(stored[0].comment, "Clear and honest, thanks.");
}

#[tokio::test]
async fn feedback_from_the_result_page_never_carries_answers() {
    let store = demo_store().await;
    let mut app = TestApp::with_store(store.clone());
    let result = result_page(&mut app, &vignette("A22")).await;
    let mut pairs = result.hidden_of_action("/feedback");
    assert!(pairs.iter().all(|(k, _)| !k.starts_with("ans.")), "the feedback form is its own form: {pairs:?}");
    pairs.push(("helpful".into(), "no".into()));
    // Even answers added by hand are not read.
    pairs.push(("ans.blood_thinner".into(), "anticoagulant".into()));
    let r = app.post_form("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("href=\"/\""));
    let stored = store.feedback(None, 10).await.unwrap_or_default();
    assert_eq!(stored.len(), 1);
    assert_eq!((stored[0].page.as_str(), stored[0].helpful, stored[0].comment.as_str()), ("check-result", false, ""));
    let everything = format!("{} {}", stored[0].page, stored[0].comment);
    for answer in ["anticoagulant", "ans.", "blood_thinner"] {
        assert!(!everything.contains(answer), "{answer} stored: {everything}");
    }
    // The finder has the form too.
    let find = app.get("/find").await;
    assert!(find.hidden_of_action("/feedback").iter().any(|(k, v)| k == "page" && v == "find"));
}

#[tokio::test]
async fn problems_re_render_the_form_and_store_nothing() {
    let store = demo_store().await;
    let mut app = TestApp::with_store(store.clone());
    let page = app.get("/evidence").await;
    let base = page.hidden_of_action("/feedback");
    let mut pairs = base.clone();
    pairs.push(("comment".into(), "x".repeat(2001)));
    let r = app.post_form("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<title>Error: Was this helpful?"));
    let text = strip_tags(&r.body);
    assert!(text.contains("There is a problem"));
    assert!(text.contains("Choose yes or no."), "{text}");
    assert!(text.contains("Your comment is 2001 characters long. Please shorten it to 2000 characters or fewer."));
    assert!(r.body.contains("href=\"#feedback-yes\"") && r.body.contains("href=\"#feedback-comment\""));
    assert!(r.body.contains(&"x".repeat(2001)), "what was typed is kept");
    assert!(r.body.contains("name=\"page\" value=\"evidence\""));
    assert!(store.feedback(None, 10).await.unwrap_or_default().is_empty());

    let mut bad = base.clone();
    bad.iter_mut().filter(|(k, _)| k == "page").for_each(|(_, v)| *v = "elsewhere".into());
    bad.push(("helpful".into(), "yes".into()));
    assert_eq!(app.post_form("/feedback", &bad).await.status, StatusCode::BAD_REQUEST);
    let mut odd = base;
    odd.push(("helpful".into(), "maybe".into()));
    assert_eq!(app.post_form("/feedback", &odd).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn without_a_store_feedback_is_not_available() {
    let mut app = TestApp::new();
    let page = app.get("/evidence").await;
    let mut pairs = page.hidden_of_action("/feedback");
    pairs.push(("helpful".into(), "yes".into()));
    let r = app.post_form("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.h1(), "Feedback is not available on this server");
    assert!(r.body.contains("href=\"/evidence\""));
}

#[tokio::test]
async fn thanks_in_spanish() {
    let mut app = TestApp::with_store(demo_store().await);
    let page = app.get("/evidence?lang=es").await;
    let mut pairs = page.hidden_of_action("/feedback");
    pairs.push(("helpful".into(), "si".into()));
    assert_eq!(app.post_form("/feedback", &pairs).await.status, StatusCode::BAD_REQUEST);
    pairs.pop();
    pairs.push(("helpful".into(), "yes".into()));
    let r = app.post_form("/feedback", &pairs).await;
    assert!(r.body.contains("<html lang=\"es\">"));
    assert_eq!(r.h1(), "Gracias por su opinión");
    assert!(r.body.contains("Volver a la evidencia"));
}
