//! The information pages: home, evidence, about, privacy, disclaimer, and the 404 page.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::content::{self, EVIDENCE};
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::Shared;
use crate::views::{Chrome, Statement};

/// The page routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(home))
        .route("/evidence", get(evidence))
        .route("/about", get(about))
        .route("/privacy", get(privacy))
        .route("/disclaimer", get(disclaimer))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct HomePage<'a> {
    c: Chrome<'a>,
}

async fn home(State(shared): State<Arc<Shared>>, lang: Lang) -> Response {
    HomePage { c: Chrome::new(&shared.i18n, lang, "/", "home") }.into_response()
}

/// An evidence section, translated and cited.
struct SectionView {
    id: &'static str,
    heading: String,
    statements: Vec<Statement>,
}

#[derive(Template, WebTemplate)]
#[template(path = "evidence.html")]
struct EvidencePage<'a> {
    c: Chrome<'a>,
    csrf: String,
    sections: Vec<SectionView>,
}

async fn evidence(State(shared): State<Arc<Shared>>, lang: Lang, csrf: CsrfToken) -> Response {
    let c = Chrome::new(&shared.i18n, lang, "/evidence", "evidence");
    let rs = &shared.state.ruleset;
    let sections = EVIDENCE
        .iter()
        .map(|s| SectionView {
            id: s.id,
            heading: c.t(s.heading),
            statements: content::statements(&c.tr, rs, s.claims),
        })
        .collect();
    EvidencePage { c, csrf: csrf.0, sections }.into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "about.html")]
struct AboutPage<'a> {
    c: Chrome<'a>,
    ruleset_version: &'a str,
}

async fn about(State(shared): State<Arc<Shared>>, lang: Lang) -> Response {
    AboutPage { c: Chrome::new(&shared.i18n, lang, "/about", "about"), ruleset_version: &shared.state.ruleset.version }
        .into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy.html")]
struct PrivacyPage<'a> {
    c: Chrome<'a>,
}

async fn privacy(State(shared): State<Arc<Shared>>, lang: Lang) -> Response {
    PrivacyPage { c: Chrome::new(&shared.i18n, lang, "/privacy", "privacy") }.into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "disclaimer.html")]
struct DisclaimerPage<'a> {
    c: Chrome<'a>,
}

async fn disclaimer(State(shared): State<Arc<Shared>>, lang: Lang) -> Response {
    DisclaimerPage { c: Chrome::new(&shared.i18n, lang, "/disclaimer", "disclaimer") }.into_response()
}

/// Fallback: the 404 page (or problem+json under `/api/`).
pub async fn not_found() -> Response {
    AppError::NotFound.into_response()
}
