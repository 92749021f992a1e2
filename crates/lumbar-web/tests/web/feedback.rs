//! "Was this helpful?": stored through the store, validated, never with answers; once
//! stored, `303` back to the page it was about, which thanks in place of the form.

use axum::http::StatusCode;

use crate::support::{Resp, TestApp, demo_store, result_page, strip_tags, vignette};

/// The feedback section of a page.
fn feedback_section(r: &Resp) -> &str {
    let start = r.body.find("<section class=\"feedback").unwrap_or_else(|| panic!("a feedback section in {}", r.body));
    let end = r.body[start..].find("</section>").map_or(r.body.len(), |e| start + e);
    &r.body[start..end]
}

const THANKS: &str = "<p class=\"notice\" role=\"status\"><strong>Thank you for your feedback.</strong> Your feedback \
                      helps us improve lumbar. We read every comment.</p>";

#[tokio::test]
async fn feedback_from_the_evidence_page_is_stored() {
    let store = demo_store().await;
    let mut app = TestApp::with_store(store.clone());
    let page = app.get("/evidence").await;
    let mut pairs = page.hidden_of_action("/feedback");
    assert!(pairs.iter().any(|(k, v)| k == "page" && v == "evidence"));
    pairs.extend([("helpful".into(), "yes".into()), ("comment".into(), "  Clear and honest, thanks.  ".into())]);
    let r = app.post_form_raw("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/evidence?feedback=thanks#feedback-heading", "back to the page");
    let r = app.get(r.header("location")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), page.h1(), "the evidence page again");
    let section = feedback_section(&r);
    assert!(section.contains("id=\"feedback-heading\""), "{section}");
    assert!(section.contains(THANKS), "the thanks in place of the form: {section}");
    assert!(!r.body.contains("action=\"/feedback\""), "no form to send again");
    // Reload shows the page again, storing nothing more.
    let _ = app.get("/evidence?feedback=thanks").await;
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
    assert_eq!(r.h1(), "Your result", "back to the result");
    assert!(feedback_section(&r).contains(THANKS), "{}", feedback_section(&r));
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
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("<title>Error: Was this helpful?"));
    let text = strip_tags(&r.body);
    assert!(text.contains("There is a problem"));
    assert!(text.contains("Choose yes or no."), "{text}");
    assert!(text.contains("Your comment is 2001 characters long. Please shorten it to 2000 characters or fewer."));
    assert!(r.body.contains("href=\"#feedback-yes\"") && r.body.contains("href=\"#feedback-comment\""));
    assert!(r.body.contains(&"x".repeat(2001)), "what was typed is kept");
    assert!(r.body.contains("name=\"page\" value=\"evidence\""));
    assert!(r.body.contains("name=\"return\" value=\"/evidence\""), "the way back is kept");
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
    let r = app.post_form_raw("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/evidence?feedback=thanks#feedback-heading");
    let r = app.get(r.header("location")).await;
    assert!(r.body.contains("<html lang=\"es\">"));
    assert_eq!(r.h1(), page.h1(), "the evidence page again, in Spanish");
    let section = feedback_section(&r);
    assert!(
        section.contains(
            "<p class=\"notice\" role=\"status\"><strong>Gracias por su opinión.</strong> Su opinión nos ayuda a \
             mejorar lumbar. Leemos todos los comentarios.</p>"
        ),
        "{section}"
    );
    assert!(!r.body.contains("action=\"/feedback\""));
}

/// Feedback from a search returns to that very search; a `return` that is not the page the
/// feedback is about falls back to the page's plain address.
#[tokio::test]
async fn feedback_from_a_search_returns_to_the_search() {
    let store = demo_store().await;
    let mut app = TestApp::with_store(store.clone());
    let page = app.get("/find?zip=98101").await;
    let base = page.hidden_of_action("/feedback");
    assert!(base.contains(&("return".to_owned(), "/find?zip=98101".to_owned())), "{base:?}");
    let mut pairs = base.clone();
    pairs.push(("helpful".into(), "yes".into()));
    let r = app.post_form_raw("/feedback", &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/find?zip=98101&feedback=thanks#feedback-heading");
    let r = app.get(r.header("location")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("<h3 class=\"result-name\">"), "the same search, with its results");
    assert!(feedback_section(&r).contains(THANKS), "{}", feedback_section(&r));
    assert!(r.hrefs().contains(&"/find?zip=98101&radius_miles=10&lang=es".to_owned()), "{:?}", r.hrefs());
    assert!(r.hrefs().iter().all(|h| !h.contains("feedback")), "the thanks goes in no link: {:?}", r.hrefs());

    for elsewhere in ["https://evil.example/", "//evil.example/find", "/evidence", "/findings?zip=98101", "/find#x"] {
        let mut pairs: Vec<(String, String)> = base.iter().filter(|(k, _)| k != "return").cloned().collect();
        pairs.extend([("return".into(), elsewhere.into()), ("helpful".into(), "no".into())]);
        let r = app.post_form_raw("/feedback", &pairs).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{elsewhere}: {}", r.body);
        assert_eq!(r.header("location"), "/find?feedback=thanks#feedback-heading", "{elsewhere}");
    }
    let stored = store.feedback(None, 10).await.unwrap_or_default();
    assert_eq!(stored.len(), 6);
    assert!(stored.iter().all(|f| f.page == "find"), "{:?}", stored.iter().map(|f| &f.page).collect::<Vec<_>>());
}
