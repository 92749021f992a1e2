//! Answers never reach the logs: a full screening through the web form and the API with
//! distinctive answers, then the finder (`GET /find`), the intake summary (`GET /intake`),
//! the clinician summary, a profile opened from the list and feedback, all reading the same
//! answers from the sealed draft cookie, with every tracing event (down to TRACE, the
//! database's statement log included) captured in a buffer.

use std::io::Write;
use std::sync::{Arc, Mutex};

use crate::support::{TestApp, demo_store, vignette, walk};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The subscriber is the process-wide default (a scoped one misses events while other
/// tests run on other threads: callsite interest is cached globally), so the buffer holds
/// the logs of every test running meanwhile too — none of which may contain answers either.
#[tokio::test(flavor = "current_thread")]
async fn no_answer_value_appears_in_the_logs() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    if tracing::subscriber::set_global_default(subscriber).is_err() {
        panic!("another test set a global tracing subscriber");
    }

    // Distinctive answers: a pregnant woman of 37 on an anticoagulant whose pain reaches
    // below the left knee, typed as "1.75 years".
    let mut a = vignette("A22");
    a["sex"] = "female".into();
    a["age"] = 37.into();
    a["pregnancy"] = "pregnant".into();
    a["pain_spread_left"] = "below_knee".into();
    a["leg_pain_on_walking"] = "eased_by_standing_still".into();
    a["preferences"] = serde_json::json!({ "style": "deep_tissue", "pressure": "firm" });
    let mut app = TestApp::with_store(demo_store().await);
    let pages = walk(&mut app, &a, Some("1.75 years")).await;
    let result = pages.last().unwrap_or_else(|| unreachable!());
    assert!(result.body.contains("class=\"verdict "));
    // Not advisable now (claudication): the finder and the intake summary say so, and the
    // clinician summary lists the answers behind it.
    let find = app.get("/find?zip=98101&radius_miles=25").await;
    assert!(find.body.contains("See a clinician first"));
    let intake = app.get("/intake").await;
    assert!(intake.body.contains("See a clinician first"));
    let clinician = app.get("/clinician-summary").await;
    assert!(clinician.body.contains("What the safety check found"), "{}", clinician.body);
    // "Forget my answers", then another check.
    let forget = app.post_form_raw("/check/forget", &[("csrf".into(), result.csrf())]).await;
    assert_eq!(forget.status, axum::http::StatusCode::SEE_OTHER);
    // Advisable with precautions (anticoagulant): a screened search and a full summary.
    let mut b = vignette("A22");
    b["preferences"] = serde_json::json!({ "style": "deep_tissue", "pressure": "firm" });
    let pages = walk(&mut app, &b, Some("1.75 years")).await;
    let result = pages.last().unwrap_or_else(|| unreachable!());
    let find = app.get("/find?zip=98103&radius_miles=10").await;
    assert!(find.body.contains("class=\"results\""), "{}", find.body);
    let profile = find.hrefs().into_iter().find(|h| h.starts_with("/therapists/")).unwrap_or_default();
    assert_eq!(app.get(&profile).await.status, axum::http::StatusCode::OK, "{profile}");
    let intake = app.get("/intake").await;
    assert!(intake.body.contains("I take a blood thinner"));
    let mut feedback = result.hidden_of_action("/feedback");
    feedback.extend([("helpful".into(), "yes".into()), ("comment".into(), "ok".into())]);
    assert_eq!(app.post_form("/feedback", &feedback).await.status, axum::http::StatusCode::OK);
    let api = app.post_json("/api/v1/assessments", &a.to_string()).await;
    assert_eq!(api.status, axum::http::StatusCode::OK);
    let mut bad = a.clone();
    bad["age"] = "thirty-seven".into();
    let _ = app.post_json("/api/v1/assessments", &bad.to_string()).await;
    let _ = app.get("/check?lang=es").await;

    let text = String::from_utf8_lossy(&buffer.0.lock().map(|b| b.clone()).unwrap_or_default()).into_owned();
    for path in ["/check", "/api/v1/assessments", "/find", "/intake", "/clinician-summary", "/therapists/", "/feedback"]
    {
        assert!(text.contains(path), "the capture works ({path}):\n{text}");
    }
    assert!(text.contains("status=200") && text.contains("latency_ms="), "status and latency are logged:\n{text}");
    for secret in [
        "1.75 years",
        "years",
        "duration_weeks",
        "thirty-seven",
        "pregnant",
        "anticoagulant",
        "below_knee",
        "eased_by_standing_still",
        "deep_tissue",
        "saddle_numbness",
        "blood_thinner",
        "ans.",
        "massage_with_precautions",
        "see_provider_first",
        "radiculopathy",
        "lang=es",
        "csrf",
        "firm",
    ] {
        assert!(!text.contains(secret), "`{secret}` appeared in the logs:\n{text}");
    }
}
