//! "See a clinician first" ends with help: the printable summary for the clinician, from
//! the result page's answers (issue #9, item 5).

use axum::http::StatusCode;

use crate::support::{TestApp, result_page, strip_tags, vignette};

#[tokio::test]
async fn a_bleeding_disorder_gets_a_summary_for_the_clinician() {
    let mut app = TestApp::new();
    // A19: haemophilia A; the expected triage is see_provider_first
    let result = result_page(&mut app, &vignette("A19")).await;
    assert!(result.body.contains("data-triage=\"see_provider_first\""), "{}", result.body);
    assert!(result.body.contains("Print a summary for your doctor or physical therapist"));
    let pairs = result.hidden_of_action("/clinician-summary");
    assert!(pairs.iter().any(|(k, v)| k == "ans.bleeding_disorder" && v == "true"), "{pairs:?}");
    let r = app.post_form("/clinician-summary", &pairs).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), "Summary for your doctor or physical therapist");
    assert!(r.body.contains("<body class=\"page-clinician\">"), "print layout hook");
    let text = strip_tags(&r.body);
    for part in [
        "Result: see a clinician before massage",
        "What the safety check found",
        "A bleeding disorder or low platelets",
        "Do you have a bleeding disorder, such as hemophilia, von Willebrand disease or low platelets? Yes",
        "What to ask about massage",
        "Is massage safe for me now, or should I wait? For how long?",
        "Which signs should make me stop and call you?",
        "A massage therapist for later",
        "It is not a diagnosis",
    ] {
        assert!(text.contains(part), "`{part}` in:\n{text}");
    }
    // the way to a therapist later is a plain search, without the answers
    assert!(r.body.contains("<a href=\"/find\">Find a therapist for later</a>"), "{}", r.body);
    assert!(!r.body.contains("/find?"), "no answers in a link");
    // the language switch keeps the answers in the form, not in the address
    assert!(r.hidden_of("clinician-form").iter().any(|(k, _)| k == "ans.bleeding_disorder"));
    let mut es = pairs.clone();
    es.push(("nav".into(), "lang:es".into()));
    let r = app.post_form("/clinician-summary", &es).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), "Resumen para su médico o fisioterapeuta");
    let text = strip_tags(&r.body);
    for part in [
        "Resultado: consulte a un profesional de la salud antes del masaje",
        "Qué preguntar sobre el masaje",
        "¿Es seguro para mí un masaje ahora, o debo esperar? ¿Cuánto tiempo?",
        "Buscar un masajista para más adelante",
        "Un trastorno de la coagulación o plaquetas bajas",
        "¿Tiene un trastorno de la coagulación, como hemofilia, enfermedad de von Willebrand o plaquetas bajas? Sí",
    ] {
        assert!(text.contains(part), "`{part}` in:\n{text}");
    }
}

#[tokio::test]
async fn a_result_where_massage_is_advisable_has_no_clinician_summary() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A22")).await;
    assert!(!result.body.contains("action=\"/clinician-summary\""), "only when a clinician comes first");
    let pairs = result.hidden_of_action("/intake");
    let r = app.post_form("/clinician-summary", &pairs).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let text = strip_tags(&r.body);
    assert!(text.contains("there is no summary for a clinician to print"), "{text}");
    assert!(!text.contains("What the safety check found"));
}

#[tokio::test]
async fn a_post_without_finished_answers_is_refused() {
    let mut app = TestApp::new();
    let page = app.get("/check").await;
    let csrf = page.csrf();
    let r = app.post_form("/clinician-summary", &[("csrf".into(), csrf), ("ans.age".into(), "40".into())]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "incomplete");
    assert_eq!(app.get("/clinician-summary").await.status, StatusCode::METHOD_NOT_ALLOWED, "never in a URL");
}
