//! `GET /intake`: "Prepare for your visit" — the intake summary the person controls,
//! printable on one page. The answers come from the browser's sealed draft of a finished
//! check (decision 0005), are assessed again, and are summarized by [`crate::intake`].
//! Nothing is stored and nothing goes in a URL; without a finished check the page sends the
//! person to the check; when massage is not advisable now there is no summary, only the
//! clinician message.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::csrf::CsrfToken;
use crate::i18n::{Arg, Lang};
use crate::intake;
use crate::routes::Shared;
use crate::routes::check::serde_plain;
use crate::routes::find::FinishedCheck;
use crate::views::Chrome;

/// The intake route.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/intake", get(show))
}

/// A precaution: its label, and what the therapist is told.
struct AvoidView {
    label: String,
    for_therapist: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "intake.html")]
struct IntakePage<'a> {
    c: Chrome<'a>,
    csrf: String,
    advisable: bool,
    clinician_text: String,
    areas: Vec<String>,
    pain: String,
    duration: String,
    avoid: Vec<AvoidView>,
    reasons: Vec<String>,
    pressure: String,
    style: String,
    conflicts: Vec<String>,
    history: Vec<String>,
    goal: String,
    styles: Vec<String>,
    ruleset_version: String,
}

fn word_key(prefix: &str, word: &str) -> String {
    format!("{prefix}-{}", word.replace('_', "-"))
}

async fn show(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    thanks: crate::routes::feedback::Thanks,
) -> Response {
    let rs = &shared.state.ruleset;
    let FinishedCheck { answers, assessment: a, screening, chrome: mut c } =
        match FinishedCheck::read(&shared, lang, &headers, "/intake") {
            Ok(f) => f,
            Err(redirect) => return *redirect,
        };
    c.feedback_thanks = thanks.0;
    let summary = intake::summarize(&answers, &a);
    let advisable = a.massage_advisable_now();
    let severity = c.t(&format!("severity-{}", serde_plain(&a.pain.severity)));
    let page = IntakePage {
        csrf: csrf.0.clone(),
        advisable,
        clinician_text: if advisable { String::new() } else { screening.clinician_text(&c) },
        areas: summary.areas.iter().map(|k| c.t(k)).collect(),
        pain: c.tr.ta(
            "result-pain-now-value",
            &[("now", Arg::Num(f64::from(a.pain.now))), ("severity", Arg::Text(severity))],
        ),
        duration: c.t(&format!("duration-{}", serde_plain(&a.duration))),
        avoid: summary
            .avoid
            .iter()
            .map(|p| AvoidView {
                label: p.label_in(c.tr.lang.text_lang()).to_owned(),
                for_therapist: p.for_therapist_in(c.tr.lang.text_lang()).to_owned(),
            })
            .collect(),
        reasons: summary.reasons.iter().map(|r| r.title_in(c.tr.lang.text_lang()).to_owned()).collect(),
        pressure: c.t(&word_key("intake-pressure", summary.pressure)),
        style: c.t(&word_key("intake-style", summary.style)),
        conflicts: summary.conflicts.iter().map(|k| c.t(k)).collect(),
        history: summary.history.iter().map(|k| c.t(k)).collect(),
        goal: c.t(&word_key("intake-goal", summary.goal)),
        styles: summary.styles.iter().map(|s| c.t(&word_key("style", s.as_str()))).collect(),
        ruleset_version: rs.version.clone(),
        c,
    };
    page.into_response()
}
