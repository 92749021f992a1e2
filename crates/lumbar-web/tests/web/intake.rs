//! "Prepare for your visit": the intake summary from the result page's answers.

use axum::http::StatusCode;

use crate::support::{TestApp, result_page, strip_tags, vignette};

#[tokio::test]
async fn anticoagulant_summary_says_light_pressure_and_names_the_blood_thinner() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A22")).await;
    assert!(result.body.contains("Prepare for your visit"));
    let pairs = result.hidden_of_action("/intake");
    assert!(pairs.iter().any(|(k, v)| k == "ans.blood_thinner" && v == "anticoagulant"));
    let r = app.post_form("/intake", &pairs).await;
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
    let r = app.post_form("/intake", &result.hidden_of_action("/intake")).await;
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
    let r = app.post_form("/intake", &result.hidden_of_action("/intake")).await;
    let text = strip_tags(&r.body);
    assert!(text.contains("I am pregnant."), "{text}");
    assert!(text.contains("Position side-lying with support"), "{text}");
    assert!(text.contains("Prenatal massage training required."));
}

#[tokio::test]
async fn no_summary_when_massage_is_not_advisable() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A12")).await;
    let r = app.post_form("/intake", &result.hidden_of("check-form")).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = strip_tags(&r.body);
    assert!(text.contains("See a clinician first") && text.contains("there is no summary for a massage therapist"));
    assert!(!text.contains("What to avoid"));
}

#[tokio::test]
async fn a_damaged_or_incomplete_form_is_refused() {
    let mut app = TestApp::new();
    let page = app.get("/check").await;
    let csrf = page.csrf();
    let r = app.post_form("/intake", &[("csrf".into(), csrf.clone()), ("ans.age".into(), "40".into())]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "incomplete");
    let r = app.post_form("/intake", &[("csrf".into(), csrf), ("ans.blood_thinner".into(), "lots".into())]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "damaged");
    assert_eq!(app.get("/intake").await.status, StatusCode::METHOD_NOT_ALLOWED, "never in a URL");
}

#[tokio::test]
async fn the_summary_in_spanish() {
    let mut app = TestApp::new();
    let result = result_page(&mut app, &vignette("A22")).await;
    let mut pairs = result.hidden_of_action("/intake");
    pairs.push(("nav".into(), "lang:es".into()));
    let r = app.post_form("/intake", &pairs).await;
    assert!(r.body.contains("<html lang=\"es\">"));
    assert_eq!(r.h1(), "Para mi masajista");
    let text = strip_tags(&r.body);
    assert!(text.contains("Tomo un anticoagulante"), "{text}");
    assert!(text.contains("Esto no es un diagnóstico."));
    assert!(r.body.contains("<dd>Use presión suave a moderada en toda la sesión"), "rule texts in Spanish");
    assert!(!r.body.contains("Use light to moderate pressure throughout"), "no English rule text");
    assert!(r.headers.get_all("set-cookie").iter().any(|v| v.to_str().unwrap_or("").starts_with("lumbar_lang=es")));
    assert!(!r.body.contains('⟦'));
}
