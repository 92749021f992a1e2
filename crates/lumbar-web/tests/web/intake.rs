//! "Prepare for your visit": the intake summary from the finished check kept in the
//! browser's sealed draft (a plain `GET /intake`; the answers never travel in the page).

use axum::http::StatusCode;

use crate::support::{TestApp, first_step, result_page, strip_tags, vignette};

#[tokio::test]
async fn anticoagulant_summary_says_light_pressure_and_names_the_blood_thinner() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A22")).await;
    assert!(result.body.contains("Prepare for your visit"));
    assert!(result.body.contains("<a class=\"button button-secondary\" href=\"/intake\">"), "a plain link");
    assert!(!result.body.contains("name=\"ans.") && !result.body.contains("value=\"anticoagulant\""), "no answers");
    let r = app.get("/intake").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), "For my massage therapist");
    assert!(r.body.contains("<body class=\"page-intake\">"), "print layout hook");
    let text = strip_tags(&r.body);
    for part in [
        "Where my pain is",
        "Lower back",
        "4 out of 10 (mild)",
        "Chronic: more than 12 weeks",
        "What to avoid",
        "Light pressure only",
        "Use light to moderate pressure throughout; check comfort often and report any bruising.",
        "No deep tissue work",
        "No deep tissue, trigger-point pressure, cupping, percussion or tapotement.",
        "What I would like",
        "Pressure No preference",
        "My goal No particular goal",
        "Styles suggested by my safety check Swedish (relaxation) massage",
        "Health history and medicines that matter for massage",
        "I take a blood thinner (an anticoagulant",
        "This is not a diagnosis.",
    ] {
        assert!(text.contains(part), "`{part}` in:\n{text}");
    }
    assert!(!text.contains("Deep tissue massage"), "deep tissue is not recommended");
    assert!(!text.contains("I am pregnant"), "only what applies");
    assert_eq!(r.header("cache-control"), "no-store");
    for href in r.hrefs() {
        assert!(!href.contains("ans.") && !href.contains("anticoagulant"), "{href}");
    }
    assert!(!r.body.contains("name=\"ans.") && !r.body.contains("value=\"anticoagulant\""), "nor in a form");
    assert!(r.hrefs().contains(&"/intake?lang=es".to_owned()), "the language switch is a plain link");
    assert!(!r.body.contains('⟦'));
}

#[tokio::test]
async fn wishes_give_way_to_precautions_and_the_spread_is_described() {
    let mut a = vignette("A22");
    a["pain_spread_right"] = "buttock".into();
    a["osteoporosis"] = true.into();
    a["preferences"] = serde_json::json!({ "style": "deep_tissue", "pressure": "firm", "goal": "move_better" });
    let mut app = TestApp::new();
    let result = result_page(&mut app, &a).await;
    assert!(result.body.contains("href=\"/intake\""));
    let r = app.get("/intake").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let text = strip_tags(&r.body);
    assert!(text.contains("Spreads to the right buttock"), "{text}");
    assert!(text.contains("Pressure Firm") && text.contains("Style I asked for Deep tissue"));
    assert!(text.contains("My goal Move more easily"));
    assert!(text.contains("my safety check asks for light pressure. Please follow the safety check."));
    assert!(text.contains("my safety check advises against deep tissue work"));
    assert!(text.contains("I have osteoporosis (fragile bones)."));
}

#[tokio::test]
async fn pregnancy_summary() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A23")).await;
    assert!(result.body.contains("href=\"/intake\""));
    let r = app.get("/intake").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let text = strip_tags(&r.body);
    assert!(text.contains("I am pregnant."), "{text}");
    assert!(text.contains("Position side-lying with support"), "{text}");
    assert!(text.contains("Prenatal massage training required."));
}

#[tokio::test]
async fn no_summary_when_massage_is_not_advisable() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A12")).await;
    assert!(!result.body.contains("href=\"/intake\""), "no button for it");
    // Even when asked for by its address, there is no summary.
    let r = app.get("/intake").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = strip_tags(&r.body);
    assert!(text.contains("See a clinician first") && text.contains("there is no summary for a massage therapist"));
    assert!(!text.contains("What to avoid"));
}

#[tokio::test]
async fn a_damaged_or_incomplete_form_is_refused() {
    let mut app = TestApp::new();
    // No check at all: the page sends the person to its start.
    let r = app.get("/intake").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check"), "{}", r.body);
    // An unfinished check: to the step left unanswered.
    let step2 = first_step(&mut app, &vignette("A22")).await;
    assert!(step2.body.contains("Step 2 of 5"), "{}", step2.body);
    let r = app.get("/intake").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check/2"), "incomplete");
    // A finished check whose draft was tampered with: nothing is read from it.
    let result = result_page(&mut app, &vignette("A22")).await;
    let mut sealed = app.cookies.get("lumbar_draft").cloned().unwrap_or_default().into_bytes();
    assert!(!sealed.is_empty(), "a draft");
    let last = sealed.len() - 1;
    sealed[last] = if sealed[last] == b'A' { b'B' } else { b'A' };
    app.cookies.insert("lumbar_draft".into(), String::from_utf8(sealed).unwrap_or_default());
    let r = app.get("/intake").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check"), "damaged");
    assert!(!r.body.contains("blood thinner"));
    // Answers are never posted to it.
    let r = app.post_form_raw("/intake", &[("csrf".into(), result.csrf()), ("ans.age".into(), "40".into())]).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "GET only");
}

#[tokio::test]
async fn the_summary_in_spanish() {
    let mut app = TestApp::new();
    let _ = result_page(&mut app, &vignette("A22")).await;
    let r = app.get("/intake?lang=es").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("<html lang=\"es\">"));
    assert_eq!(r.h1(), "Para mi masajista");
    let text = strip_tags(&r.body);
    assert!(text.contains("Tomo un anticoagulante"), "{text}");
    assert!(text.contains("Esto no es un diagnóstico."));
    assert!(r.body.contains("<dd>Use presión suave a moderada en toda la sesión"), "rule texts in Spanish");
    assert!(!r.body.contains("Use light to moderate pressure throughout"), "no English rule text");
    assert!(r.headers.get_all("set-cookie").iter().any(|v| v.to_str().unwrap_or("").starts_with("lumbar_lang=es")));
    assert!(!r.body.contains('⟦'));
    // the language cookie remembers: the same summary again, in Spanish
    let again = app.get("/intake").await;
    assert_eq!(again.h1(), "Para mi masajista");
    assert!(again.hrefs().contains(&"/intake?lang=en".to_owned()), "and switches back with a link");
}
