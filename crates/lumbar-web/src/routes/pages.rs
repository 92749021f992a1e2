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
    /// What just happened (signed out, account deleted).
    notice: Option<String>,
}

async fn home(State(shared): State<Arc<Shared>>, lang: Lang, notice: crate::routes::account::Notice) -> Response {
    let c = Chrome::new(&shared.i18n, lang, "/", "home");
    HomePage { notice: notice.text(&c), c }.into_response()
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

async fn evidence(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    thanks: crate::routes::feedback::Thanks,
) -> Response {
    let mut c = Chrome::new(&shared.i18n, lang, "/evidence", "evidence");
    c.feedback_thanks = thanks.0;
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
    /// The states table, one row per state, DC and Puerto Rico.
    states: Vec<StateRow>,
    /// How many of its rows are confirmed ("6 of 52 rows are confirmed…").
    states_summary: String,
}

/// One row of the about page's states table, in the page language (names and boards stay
/// in English, marked as such on a Spanish page).
struct StateRow {
    name: String,
    verified: bool,
    regulation: String,
    /// `None` when the state does not regulate (the cell says so).
    board: Option<String>,
    titles: String,
    hours: String,
    /// The lookup page and the link's hidden context ("a license in Texas").
    lookup: Option<(String, String)>,
    imports: String,
    /// Where discipline is found, when the state's bulk file has none.
    discipline_note: Option<String>,
}

fn state_rows(c: &Chrome<'_>) -> Vec<StateRow> {
    use lumbar_core::directory::verify::Regulation;
    lumbar_core::directory::states::states()
        .iter()
        .map(|s| StateRow {
            name: s.name.clone(),
            verified: s.verified,
            regulation: c.t(match s.regulation {
                Regulation::Licensed => "states-reg-licensed",
                Regulation::Unregulated => "states-reg-unregulated",
                Regulation::VoluntaryCertification => "states-reg-voluntary",
            }),
            board: s.board.clone(),
            titles: s.titles.join(", "),
            hours: s
                .min_hours
                .map_or_else(|| c.t("states-hours-unknown"), |h| c.tn("states-hours", "hours", h as usize)),
            lookup: s.lookup_url.clone().map(|u| (u, c.ts("states-lookup-hidden", "state", &s.name))),
            imports: c.t(match (&s.roster.lumbar_profile, s.roster.published) {
                (Some(_), _) => "states-imports-yes",
                (None, true) => "states-imports-published",
                (None, false) => "states-imports-no",
            }),
            discipline_note: (s.roster.published && !s.roster.has_discipline)
                .then(|| s.roster.discipline_note.as_ref().map(|n| n.for_language(c.lang()).to_owned()))
                .flatten(),
        })
        .collect()
}

async fn about(State(shared): State<Arc<Shared>>, lang: Lang) -> Response {
    let c = Chrome::new(&shared.i18n, lang, "/about", "about");
    let states = state_rows(&c);
    let confirmed = states.iter().filter(|s| s.verified).count();
    let states_summary = c.tn2("states-confirmed-count", "confirmed", confirmed, "total", states.len());
    AboutPage { c, ruleset_version: &shared.state.ruleset.version, states, states_summary }.into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy.html")]
struct PrivacyPage<'a> {
    c: Chrome<'a>,
    /// The version a person agrees to when they keep a check.
    version: &'static str,
}

async fn privacy(State(shared): State<Arc<Shared>>, lang: Lang) -> Response {
    PrivacyPage { c: Chrome::new(&shared.i18n, lang, "/privacy", "privacy"), version: super::journal::PRIVACY_VERSION }
        .into_response()
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
