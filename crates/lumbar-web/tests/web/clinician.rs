//! "See a clinician first" ends with help: the printable summary for the clinician, from
//! the finished check kept in the browser's sealed draft (issue #9, item 5).

use axum::http::StatusCode;

use crate::support::{TestApp, first_step, result_page, strip_tags, vignette, walk};

#[tokio::test]
async fn a_bleeding_disorder_gets_a_summary_for_the_clinician() {
    let mut app = TestApp::new();
    // A19: haemophilia A; the expected triage is see_provider_first
    let result = result_page(&mut app, &vignette("A19")).await;
    assert!(result.body.contains("data-triage=\"see_provider_first\""), "{}", result.body);
    assert!(result.body.contains("Print a summary for your doctor or physical therapist"));
    assert!(result.body.contains("<a class=\"button\" href=\"/clinician-summary\">"), "a plain link");
    assert!(!result.body.contains("name=\"ans."), "no answers in the page's forms");
    let r = app.get("/clinician-summary").await;
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
    assert!(!r.body.contains("name=\"ans."), "nor in a form");
    assert_eq!(r.header("cache-control"), "no-store");
    for href in r.hrefs() {
        assert!(!href.contains("ans.") && !href.contains("bleeding"), "{href}");
    }
    // the language switch is a plain link: the answers stay in the draft
    assert!(r.hrefs().contains(&"/clinician-summary?lang=es".to_owned()), "{:?}", r.hrefs());
    let r = app.get("/clinician-summary?lang=es").await;
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
    assert_eq!(app.cookies.get("lumbar_lang").map(String::as_str), Some("es"), "the language is remembered");
}

#[tokio::test]
async fn a_result_where_massage_is_advisable_has_no_clinician_summary() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A22")).await;
    assert!(!result.body.contains("href=\"/clinician-summary\""), "only when a clinician comes first");
    let r = app.get("/clinician-summary").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let text = strip_tags(&r.body);
    assert!(text.contains("there is no summary for a clinician to print"), "{text}");
    assert!(!text.contains("What the safety check found"));
}

#[tokio::test]
async fn a_post_without_finished_answers_is_refused() {
    let mut app = TestApp::new();
    // No check at all: the page sends the person to its start.
    let r = app.get("/clinician-summary").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check"), "{}", r.body);
    // An unfinished check: to the step left unanswered.
    let step2 = first_step(&mut app, &vignette("A19")).await;
    assert!(step2.body.contains("Step 2 of 5"), "{}", step2.body);
    let r = app.get("/clinician-summary").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check/2"), "incomplete");
    // A check that ended on the emergency page: back to it.
    let mut app = TestApp::new();
    let pages = walk(&mut app, &vignette("A01"), None).await;
    let stop = pages.last().unwrap_or_else(|| unreachable!());
    assert!(stop.body.contains("class=\"stop\""), "{}", stop.body);
    let r = app.get("/clinician-summary").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check/stop"), "an emergency");
    // Answers are never posted to it.
    let csrf = stop.csrf();
    let r = app.post_form_raw("/clinician-summary", &[("csrf".into(), csrf), ("ans.age".into(), "40".into())]).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "GET only");
}
