//! "My back": what a signed-in person chose to keep after the check — saved checks, massage
//! plans and their progress (issue #10 items 3–4, `PROGRESS.md`).
//!
//! | route | who | what |
//! |---|---|---|
//! | `POST /my-back/checks` | signed in (else `303 /signin?next=/check/result`) | keeps the finished check of the draft, with the privacy consent (`303 /my-back`) |
//! | `GET /my-back` | signed in (else `303 /signin`) | saved checks, plans and their progress |
//! | `POST /my-back/checks/{id}/delete` | owner | deletes a check with its plans, entries and share links |
//! | `GET /my-back/checks/{id}/questionnaire-response` | owner (session or API token) | the check as a FHIR R4 QuestionnaireResponse to download (`application/fhir+json` attachment, `no-store`) |
//! | `POST /my-back/plans` | owner of the check | starts a plan from a check whose result allows massage (`303 /plans/{id}`) |
//! | `GET /plans/{id}` | owner | the progress status with its source, the charts and table, the entries |
//! | `POST /plans/{id}/end` | owner | ends the plan |
//! | `GET`/`POST /plans/{id}/log` | owner | the re-screen and an entry ([`super::journal_log`]) |
//!
//! Nothing is stored without the person's explicit choice: the check stays in the sealed
//! draft cookie until "Keep this check in my account" is sent with the consent box ticked,
//! which records the privacy text version ([`PRIVACY_VERSION`]). The documents kept (JSON,
//! sealed at rest by the store) are:
//!
//! - a saved check: `{"schema": "lumbar.saved_check/1", "answers": <lumbar.screening/1
//!   answers>, "assessment": <the assessment>, "ruleset_version", "date"}`;
//! - a plan: `{"schema": "lumbar.plan/1", "baseline": {"date", "pain_average_week"}}`, the
//!   baseline being the check's day and its PEG "P" item;
//! - an entry: [`EntryDoc`].
//!
//! Every route that names a record by id takes [`Owner`] and looks the record up among the
//! person's own, so anyone else gets 404. The progress status comes from
//! `lumbar_core::progress` over the plan's entries; nothing here re-implements the rule.
//! Answers, pains and notes never reach a log, an error message or a URL.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use lumbar_core::directory::Date;
use lumbar_core::progress::{ProgressInput, ProgressReport, ProgressTexts, Status};
use lumbar_core::screening::fields::Field;
use lumbar_core::screening::{Answers, Ruleset, Triage};
use lumbar_store::{Plan, SavedCheck, Store, UserId};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::accounts::session::{CurrentUser, Owner, SignedIn, rfc3339};
use crate::chart::{self, ChartEntry, ChartInput, RowKind};
use crate::check_flow::FormValues;
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::routes::check::{self, DraftRead};
use crate::routes::{Shared, journal_log, with_status};
use crate::views::{Chrome, Cite};

/// The version of the privacy text a person agrees to when they keep health data
/// (`/privacy`). Change it whenever that text changes.
pub const PRIVACY_VERSION: &str = "2026-11-28";
/// Schema of a saved check's document.
pub const SAVED_CHECK_SCHEMA: &str = "lumbar.saved_check/1";
/// Schema of a plan's document.
pub const PLAN_SCHEMA: &str = "lumbar.plan/1";
/// Schema of an entry's document.
pub const ENTRY_SCHEMA: &str = "lumbar.journal_entry/1";

/// The journal routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/my-back", get(my_back))
        .route("/my-back/checks", post(save_check))
        .route("/my-back/checks/{id}/delete", post(delete_check))
        .route("/my-back/checks/{id}/questionnaire-response", get(check_questionnaire_response))
        .route("/my-back/plans", post(start_plan))
        .route("/plans/{id}", get(plan_page))
        .route("/plans/{id}/end", post(end_plan))
        .merge(journal_log::router())
}

/// The store, or the "not available" error.
pub(crate) fn store(shared: &Shared) -> Result<&Arc<dyn Store>, AppError> {
    shared.state.store.as_ref().ok_or(AppError::NoStore)
}

/// A store failure, without its text (it could name a document).
pub(crate) fn failed<E>(_: E) -> AppError {
    tracing::error!("journal store query failed");
    AppError::StoreFailed
}

/// An id from the path: anything but a positive number is a page that does not exist.
pub(crate) fn parse_id(text: &str) -> Result<i64, AppError> {
    text.parse::<i64>().ok().filter(|n| *n > 0).ok_or(AppError::NotFound)
}

/// A `303 See Other`.
pub(crate) fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}

/// Today, from the configured clock.
pub(crate) fn today(shared: &Shared) -> Date {
    shared.state.config.clock.today()
}

/// The progress messages, loaded once (they are checked against the rule set's sources).
pub(crate) fn progress_texts(rs: &Ruleset) -> Result<&'static ProgressTexts, AppError> {
    static TEXTS: OnceLock<Option<ProgressTexts>> = OnceLock::new();
    TEXTS.get_or_init(|| ProgressTexts::shipped(rs).ok()).as_ref().ok_or(AppError::Internal)
}

/// A saved check's document as stored.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct SavedCheckDoc {
    /// [`SAVED_CHECK_SCHEMA`].
    pub schema: String,
    /// The answers, as `lumbar screen --json` reads them.
    pub answers: Value,
    /// The assessment, as `lumbar screen --json` prints it.
    pub assessment: Value,
    /// The rule set that made it.
    pub ruleset_version: String,
    /// The day of the check.
    pub date: String,
}

/// A saved check, read back.
pub(crate) struct CheckRecord {
    pub id: i64,
    pub created_at: String,
    pub doc: SavedCheckDoc,
    pub answers: Answers,
}

impl CheckRecord {
    /// Reads a stored check; a document that does not read is a defect (never shown).
    pub(crate) fn read(c: SavedCheck) -> Result<CheckRecord, AppError> {
        let doc: SavedCheckDoc = serde_json::from_value(c.doc).map_err(|_| AppError::Internal)?;
        let answers = Answers::from_json(&doc.answers).map_err(|_| AppError::Internal)?;
        Ok(CheckRecord { id: c.id, created_at: c.created_at, doc, answers })
    }

    /// The triage word of the assessment as it was given.
    pub(crate) fn triage(&self) -> &str {
        self.doc.assessment["triage"].as_str().unwrap_or("")
    }

    /// Whether the result allowed massage (`massage_with_precautions` or `massage_suitable`).
    pub(crate) fn advisable(&self) -> bool {
        self.doc.assessment["massage_advisable_now"].as_bool() == Some(true)
    }

    /// The PEG "P" item: average pain in the past week.
    pub(crate) fn pain_average_week(&self) -> u8 {
        self.answers.number(Field::PainAverageWeek).clamp(0.0, 10.0) as u8
    }
}

/// One of the person's checks, or 404.
pub(crate) async fn owned_check(store: &dyn Store, user: UserId, id: i64) -> Result<CheckRecord, AppError> {
    let found = store.check(user, id).await.map_err(failed)?.ok_or(AppError::NotFound)?;
    CheckRecord::read(found)
}

/// A plan's document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct PlanDoc {
    /// [`PLAN_SCHEMA`].
    pub schema: String,
    /// The check that started it.
    pub baseline: BaselineDoc,
    /// The progress rule's answer over the entries, written with every entry so My back
    /// need not open them all; the plan page recomputes it from the entries (the truth) and
    /// writes it back when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<PlanSummary>,
}

/// A plan's cached progress ([`PlanDoc::summary`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PlanSummary {
    /// The status word (`lumbar.progress/1`).
    pub status: String,
    /// Sessions logged.
    pub sessions: u32,
    /// Entries logged (sessions and check-ins).
    pub entries: u32,
}

impl PlanSummary {
    /// The summary of a plan's entries.
    pub(crate) fn of(plan: &PlanRecord, entries: &[EntryDoc]) -> Result<PlanSummary, AppError> {
        let outcome = lumbar_core::progress::assess(&progress_input(plan, entries)?);
        Ok(PlanSummary {
            status: outcome.status.as_str().to_owned(),
            sessions: outcome.sessions,
            entries: u32::try_from(entries.len()).unwrap_or(u32::MAX),
        })
    }
}

/// Recomputes a plan's summary from its entries and stores it when it changed.
pub(crate) async fn refresh_summary(
    store: &dyn Store,
    user: UserId,
    plan: &PlanRecord,
    entries: &[EntryDoc],
) -> Result<PlanSummary, AppError> {
    let summary = PlanSummary::of(plan, entries)?;
    if plan.doc.summary.as_ref() != Some(&summary) {
        let mut doc = plan.doc.clone();
        doc.summary = Some(summary.clone());
        let value = serde_json::to_value(&doc).map_err(|_| AppError::Internal)?;
        store.update_plan(user, plan.plan.id, &value).await.map_err(failed)?;
    }
    Ok(summary)
}

/// After an entry is logged: the plan's summary from all its entries.
pub(crate) async fn resummarise(store: &dyn Store, user: UserId, plan_id: i64) -> Result<(), AppError> {
    let plan = owned_plan(store, user, plan_id).await?;
    let entries = plan_entries(store, user, plan_id).await?;
    refresh_summary(store, user, &plan, &entries).await.map(|_| ())
}

/// The baseline of a plan (PROGRESS.md §1).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct BaselineDoc {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 0–10.
    pub pain_average_week: u8,
}

/// A plan, read back.
pub(crate) struct PlanRecord {
    pub plan: Plan,
    pub doc: PlanDoc,
}

impl PlanRecord {
    pub(crate) fn read(plan: Plan) -> Result<PlanRecord, AppError> {
        let doc: PlanDoc = serde_json::from_value(plan.doc.clone()).map_err(|_| AppError::Internal)?;
        Ok(PlanRecord { plan, doc })
    }

    /// The baseline day.
    pub(crate) fn baseline_date(&self) -> Result<Date, AppError> {
        Date::parse(&self.doc.baseline.date).ok_or(AppError::Internal)
    }
}

/// One of the person's plans, or 404.
pub(crate) async fn owned_plan(store: &dyn Store, user: UserId, id: i64) -> Result<PlanRecord, AppError> {
    let plan = store.plans(user).await.map_err(failed)?.into_iter().find(|p| p.id == id).ok_or(AppError::NotFound)?;
    PlanRecord::read(plan)
}

/// What one logged entry records (`lumbar.journal_entry/1`). The fields the progress rule
/// reads have the contract's names; `therapist_id` is a directory listing (reviews look for
/// a `session` with one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct EntryDoc {
    /// [`ENTRY_SCHEMA`].
    pub schema: String,
    /// `session` or `check_in`.
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Average pain in the past week, 0–10.
    pub pain_average_week: u8,
    /// Right before the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_before: Option<u8>,
    /// Right after the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_after: Option<u8>,
    /// The re-screen at this entry found an emergency or urgent finding.
    pub new_warning_sign: bool,
    /// The emergency or urgent rules the re-screen fired, most urgent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warning_rules: Vec<String>,
    /// The person gave no average pain when a warning sign stopped the plan: the last known
    /// value stands in for it (the rule stops the plan whatever it is).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pain_carried_forward: bool,
    /// A directory listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub therapist_id: Option<i64>,
    /// A therapist named in free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub therapist_name: Option<String>,
    /// `swedish`, `deep_tissue`, `prenatal` or `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    /// `light`, `medium` or `firm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pressure: Option<String>,
    /// The person's notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl EntryDoc {
    fn is_session(&self) -> bool {
        self.kind == "session"
    }

    fn date(&self) -> Option<Date> {
        Date::parse(&self.date)
    }
}

/// The progress rule's input for a plan (PROGRESS.md §1), entries in the order logged.
pub(crate) fn progress_input(plan: &PlanRecord, entries: &[EntryDoc]) -> Result<ProgressInput, AppError> {
    let items: Vec<Value> = entries
        .iter()
        .map(|e| {
            let mut item = json!({
                "kind": e.kind,
                "date": e.date,
                "pain_average_week": e.pain_average_week,
                "new_warning_sign": e.new_warning_sign,
            });
            if e.is_session() {
                if let Some(v) = e.pain_before {
                    item["pain_before"] = json!(v);
                }
                if let Some(v) = e.pain_after {
                    item["pain_after"] = json!(v);
                }
            }
            item
        })
        .collect();
    let log = json!({
        "baseline": {"date": plan.doc.baseline.date, "pain_average_week": plan.doc.baseline.pain_average_week},
        "entries": items,
    });
    ProgressInput::from_json(&log).map_err(|_| AppError::Internal)
}

/// A plan's entries, read.
pub(crate) async fn plan_entries(store: &dyn Store, user: UserId, plan: i64) -> Result<Vec<EntryDoc>, AppError> {
    let stored = store.entries(user, plan).await.map_err(failed)?;
    stored.into_iter().map(|e| serde_json::from_value(e.doc).map_err(|_| AppError::Internal)).collect()
}

/// The progress report of a plan, its message in `lang`.
pub(crate) fn report<'t>(
    texts: &'t ProgressTexts,
    plan: &PlanRecord,
    entries: &[EntryDoc],
    lang: Lang,
) -> Result<ProgressReport<'t>, AppError> {
    let input = progress_input(plan, entries)?;
    Ok(texts.report(lumbar_core::progress::assess(&input), lang.text_lang()))
}

/// The latest entry as the rule sees it: the last after a stable sort by date.
pub(crate) fn latest(entries: &[EntryDoc]) -> Option<&EntryDoc> {
    let mut sorted: Vec<&EntryDoc> = entries.iter().collect();
    sorted.sort_by_key(|e| e.date());
    sorted.last().copied()
}

/// The triage word in the page language ("Massage with precautions").
pub(crate) fn triage_label(c: &Chrome<'_>, word: &str) -> String {
    c.t(&format!("level-{}", word.replace('_', "-")))
}

// ---------------------------------------------------------------------------------------
// Saving a check

#[derive(Template, WebTemplate)]
#[template(path = "check_save.html")]
struct SavePage<'a> {
    c: Chrome<'a>,
    csrf: String,
    level_label: String,
    error: Option<String>,
    privacy_version: &'static str,
}

/// `POST /my-back/checks`: keeps the draft's finished check, with the consent.
async fn save_check(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    CurrentUser(user): CurrentUser,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let Some(user) = user else {
        // The draft keeps the answers (3 hours); the person comes back to the result.
        let next: String = form_urlencoded::byte_serialize(b"/check/result").collect();
        return Ok(see_other(&format!("/signin?next={next}")));
    };
    let store = store(&shared)?;
    let rs = &shared.state.ruleset;
    let read = check::read_draft(&shared, &headers);
    let p = read.progress();
    let answers = match (&read, check::finished_answers(rs, &p)) {
        (DraftRead::Found(..), Some(a)) => a,
        _ => return Ok(see_other(&check::where_answers_lead(rs, &p))),
    };
    let assessment = rs.assess(&answers);
    let form = FormValues::new(pairs);
    if form.get("consent") != Some(PRIVACY_VERSION) {
        let c = Chrome::new(&shared.i18n, lang, "/check/result", "check");
        let error = Some(if form.get("consent").is_some() {
            c.ts("journal-save-consent-old", "version", PRIVACY_VERSION)
        } else {
            c.ts("journal-save-consent-missing", "version", PRIVACY_VERSION)
        });
        let page = SavePage {
            csrf,
            level_label: triage_label(&c, assessment.triage.as_str()),
            error,
            privacy_version: PRIVACY_VERSION,
            c,
        };
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page.into_response()));
    }
    let now = rfc3339(&shared);
    let doc = json!({
        "schema": SAVED_CHECK_SCHEMA,
        "answers": answers.to_json(),
        "assessment": serde_json::to_value(&assessment).map_err(|_| AppError::Internal)?,
        "ruleset_version": rs.version,
        "date": today(&shared).to_string(),
    });
    store.agree_privacy(user.id, PRIVACY_VERSION).await.map_err(failed)?;
    store.save_check(user.id, &now, &doc).await.map_err(failed)?;
    Ok(see_other("/my-back?saved=1"))
}

// ---------------------------------------------------------------------------------------
// My back

struct CheckRow {
    id: i64,
    date: String,
    triage: String,
    level_label: String,
    advisable: bool,
    why_not: String,
    /// The plan started from it that is still going, if any.
    active_plan: Option<i64>,
}

struct PlanRow {
    id: i64,
    started: String,
    check_date: String,
    ended: bool,
    status: &'static str,
    message: String,
    sessions: String,
    warning: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "my_back.html")]
struct MyBackPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    email: String,
    notice: Option<String>,
    checks: Vec<CheckRow>,
    plans: Vec<PlanRow>,
    progress_cites: Vec<Cite>,
}

/// `GET /my-back`.
async fn my_back(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    SignedIn(user): SignedIn,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let c = Chrome::new(&shared.i18n, lang, "/my-back", "my-back");
    let texts = progress_texts(&shared.state.ruleset)?;
    let checks: Vec<CheckRecord> =
        store.checks(user.id).await.map_err(failed)?.into_iter().map(CheckRecord::read).collect::<Result<_, _>>()?;
    let plans: Vec<PlanRecord> =
        store.plans(user.id).await.map_err(failed)?.into_iter().map(PlanRecord::read).collect::<Result<_, _>>()?;
    let check_dates: HashMap<i64, String> = checks.iter().map(|k| (k.id, k.doc.date.clone())).collect();
    let mut plan_rows = Vec::new();
    for p in &plans {
        // the summary written with the latest entry; a plan without one (older data) is
        // computed from its entries once and the summary stored
        let summary = match &p.doc.summary {
            Some(s) => s.clone(),
            None => {
                let entries = plan_entries(store.as_ref(), user.id, p.plan.id).await?;
                refresh_summary(store.as_ref(), user.id, p, &entries).await?
            }
        };
        let status = Status::parse(&summary.status).ok_or(AppError::Internal)?;
        plan_rows.push(PlanRow {
            id: p.plan.id,
            started: p.doc.baseline.date.clone(),
            check_date: check_dates.get(&p.plan.check_id).cloned().unwrap_or_default(),
            ended: p.plan.ended,
            status: status.as_str(),
            message: texts.status(status).message_in(lang.text_lang()).to_owned(),
            sessions: c.tn("myback-plan-sessions", "count", summary.sessions as usize),
            warning: status == Status::StopWarningSign,
        });
    }
    let check_rows = checks
        .iter()
        .map(|k| {
            let level_label = triage_label(&c, k.triage());
            CheckRow {
                id: k.id,
                date: k.doc.date.clone(),
                triage: k.triage().to_owned(),
                why_not: if k.advisable() { String::new() } else { c.ts("journal-why-no-plan", "level", &level_label) },
                level_label,
                advisable: k.advisable(),
                active_plan: plans.iter().find(|p| p.plan.check_id == k.id && !p.plan.ended).map(|p| p.plan.id),
            }
        })
        .collect();
    let notice = match query.as_deref() {
        Some("saved=1") => Some(c.t("journal-saved")),
        Some("deleted=1") => Some(c.t("journal-deleted")),
        _ => None,
    };
    let progress_cites = Cite::from_ids(&shared.state.ruleset, &["OSTELO-2008"]);
    Ok(MyBackPage { csrf, email: user.email, notice, checks: check_rows, plans: plan_rows, progress_cites, c }
        .into_response())
}

/// `POST /my-back/checks/{id}/delete`.
async fn delete_check(
    State(shared): State<Arc<Shared>>,
    Owner(user): Owner,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    if !store.delete_check(user.id, id).await.map_err(failed)? {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/my-back?deleted=1"))
}

/// `GET /my-back/checks/{id}/questionnaire-response`: the saved check as a FHIR R4
/// QuestionnaireResponse to the served Questionnaire ([`crate::fhir::export`]), as a download.
async fn check_questionnaire_response(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Owner(user): Owner,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let check = owned_check(store(&shared)?.as_ref(), user.id, id).await?;
    let base = crate::routes::fhir::base(&shared, &headers);
    let qr =
        crate::fhir::export::response_from_answers(&shared.state.ruleset, &base, &check.doc.answers, &check.doc.date);
    let mut body = serde_json::to_string_pretty(&qr).map_err(|_| AppError::Internal)?;
    body.push('\n');
    let disposition = format!("attachment; filename=\"lumbar-check-{}.json\"", check.id);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(crate::fhir::MEDIA_TYPE)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| AppError::Internal)?),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

/// `POST /my-back/plans` (`check` = the saved check's id).
async fn start_plan(
    State(shared): State<Arc<Shared>>,
    Owner(user): Owner,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = FormValues::new(pairs);
    let id = parse_id(form.get("check").unwrap_or(""))?;
    let store = store(&shared)?;
    let check = owned_check(store.as_ref(), user.id, id).await?;
    if !check.advisable() {
        // The page offers no plan for such a check: the form did not come from it.
        return Err(AppError::BadForm);
    }
    let plans = store.plans(user.id).await.map_err(failed)?;
    if let Some(p) = plans.iter().find(|p| p.check_id == id && !p.ended) {
        return Ok(see_other(&format!("/plans/{}", p.id)));
    }
    let doc = json!({
        "schema": PLAN_SCHEMA,
        "baseline": {"date": check.doc.date, "pain_average_week": check.pain_average_week()},
    });
    let plan =
        store.start_plan(user.id, id, &rfc3339(&shared), &doc).await.map_err(failed)?.ok_or(AppError::NotFound)?;
    Ok(see_other(&format!("/plans/{plan}")))
}

/// `POST /plans/{id}/end`.
async fn end_plan(
    State(shared): State<Arc<Shared>>,
    Owner(user): Owner,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    if !store.end_plan(user.id, id).await.map_err(failed)? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/plans/{id}?ended=1")))
}

// ---------------------------------------------------------------------------------------
// The plan page

/// A fired emergency or urgent finding, shown first.
pub(crate) struct WarningView {
    pub id: String,
    pub emergency: bool,
    pub level_label: String,
    pub title: String,
    pub explanation: String,
    pub action: String,
    pub cites: Vec<Cite>,
}

/// The findings of these rule ids, most urgent first.
pub(crate) fn warning_views(c: &Chrome<'_>, rs: &Ruleset, ids: &[String]) -> Vec<WarningView> {
    let lang = c.tr.lang.text_lang();
    let mut out: Vec<WarningView> = ids
        .iter()
        .filter_map(|id| rs.rule(id))
        .map(|r| WarningView {
            id: r.id.clone(),
            emergency: r.level == Some(Triage::Emergency),
            level_label: triage_label(c, r.level.map_or("", |l| l.as_str())),
            title: r.title_in(lang).to_owned(),
            explanation: r.explanation_in(lang).to_owned(),
            action: r.action_in(lang).to_owned(),
            cites: Cite::from_indexes(rs, &r.sources),
        })
        .collect();
    out.sort_by_key(|w| !w.emergency);
    out
}

struct TableRow {
    date: String,
    kind: String,
    pain: u8,
    before: String,
    after: String,
    in_band: String,
}

struct EntryView {
    date: String,
    kind: String,
    pain: u8,
    before: Option<u8>,
    after: Option<u8>,
    therapist: Option<String>,
    therapist_href: Option<String>,
    style: Option<String>,
    pressure: Option<String>,
    notes: Option<String>,
    warning: bool,
    carried: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan.html")]
struct PlanPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    id: i64,
    ended: bool,
    notice: Option<String>,
    warnings: Vec<WarningView>,
    any_emergency: bool,
    status: &'static str,
    message: String,
    cites: Vec<Cite>,
    summary: String,
    baseline_date: String,
    check_date: String,
    trend_svg: String,
    bars_svg: Option<String>,
    band_text: String,
    rows: Vec<TableRow>,
    entries: Vec<EntryView>,
    /// "Showing the latest 20 of 200 entries" with its "Show all" link, when cut.
    entries_cut: Option<String>,
    /// "The bars show your latest 20 sessions", when there are more.
    bars_cut: Option<String>,
}

/// Entries listed (and sessions drawn as bars) before "Show all": the page stays light
/// with hundreds of entries; the trend chart and the table always cover every entry.
pub const RECENT: usize = 20;

/// The chart input of a plan.
fn chart_input(plan: &PlanRecord, entries: &[EntryDoc]) -> Result<ChartInput, AppError> {
    Ok(ChartInput {
        baseline_date: plan.baseline_date()?,
        baseline: plan.doc.baseline.pain_average_week,
        entries: entries
            .iter()
            .filter_map(|e| {
                Some(ChartEntry {
                    session: e.is_session(),
                    date: e.date()?,
                    pain_average_week: e.pain_average_week,
                    pain_before: e.pain_before,
                    pain_after: e.pain_after,
                })
            })
            .collect(),
    })
}

fn kind_label(c: &Chrome<'_>, kind: RowKind) -> String {
    c.t(match kind {
        RowKind::Baseline => "plan-kind-baseline",
        RowKind::Session => "plan-kind-session",
        RowKind::CheckIn => "plan-kind-check-in",
    })
}

/// `GET /plans/{id}`.
async fn plan_page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Owner(user): Owner,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    let rs = &shared.state.ruleset;
    let plan = owned_plan(store.as_ref(), user.id, id).await?;
    let entries = plan_entries(store.as_ref(), user.id, id).await?;
    // the entries are the truth: My back's cached summary follows them
    refresh_summary(store.as_ref(), user.id, &plan, &entries).await?;
    let check_date = match store.check(user.id, plan.plan.check_id).await.map_err(failed)? {
        Some(k) => CheckRecord::read(k)?.doc.date,
        None => String::new(),
    };
    let path = format!("/plans/{id}");
    let c = Chrome::new(&shared.i18n, lang, &path, "my-back");
    let texts = progress_texts(rs)?;
    let r = report(texts, &plan, &entries, lang)?;
    let o = r.outcome;
    let warnings = match latest(&entries) {
        Some(e) if e.new_warning_sign => warning_views(&c, rs, &e.warning_rules),
        _ => Vec::new(),
    };
    let input = chart_input(&plan, &entries)?;
    let top = chart::band_top(o.baseline);
    let band_text = match top {
        Some(t) => {
            c.tr.ta("plan-band", &[("top", Arg::Num(f64::from(t))), ("baseline", Arg::Num(f64::from(o.baseline)))])
        }
        None => c.t("plan-band-none"),
    };
    let latest_date = latest(&entries).map(|e| e.date.clone()).unwrap_or_else(|| plan.doc.baseline.date.clone());
    let aria = c.tr.ta(
        "plan-chart-aria",
        &[
            ("baseline", Arg::Num(f64::from(o.baseline))),
            ("start", Arg::Text(plan.doc.baseline.date.clone())),
            ("current", Arg::Num(f64::from(o.current))),
            ("latest", Arg::Text(latest_date)),
            ("count", Arg::Num(entries.len() as f64)),
        ],
    );
    let aria = format!("{aria} {band_text}");
    let band_label = match top {
        Some(t) => c.tn("plan-chart-band-label", "top", t as usize),
        None => String::new(),
    };
    let baseline_label = c.tn("plan-chart-baseline-label", "baseline", o.baseline as usize);
    let week = |w: i64| c.tn("plan-chart-week", "week", w.max(0) as usize);
    let trend_svg = chart::trend_svg(
        &input,
        &chart::TrendLabels { aria: &aria, band: &band_label, baseline: &baseline_label, week: &week },
    );
    // the bars: the latest sessions only (relief right after a session, one pair each)
    let mut sessions: Vec<ChartEntry> = input.entries.iter().filter(|e| e.session).copied().collect();
    sessions.sort_by_key(|e| e.date);
    let skip = sessions.len().saturating_sub(RECENT);
    let bars_cut = (skip > 0).then(|| c.tn("plan-bars-latest", "count", RECENT));
    let input_for_bars = ChartInput {
        baseline_date: input.baseline_date,
        baseline: input.baseline,
        entries: sessions.into_iter().skip(skip).collect(),
    };
    let bars = chart::session_bars(&input_for_bars);
    let bars_aria = c.tn("plan-bars-aria", "count", bars.len());
    let (before, after) = (c.t("plan-before"), c.t("plan-after"));
    let session = |n: usize| c.tn("plan-bars-session", "number", n);
    let bars_svg = chart::bars_svg(
        &input_for_bars,
        &chart::BarLabels { aria: &bars_aria, before: &before, after: &after, session: &session },
    );
    let yes_no = |b: Option<bool>| match b {
        Some(true) => c.t("answer-yes"),
        Some(false) => c.t("answer-no"),
        None => "—".to_owned(),
    };
    let rows = chart::table(&input)
        .into_iter()
        .map(|row| TableRow {
            date: row.date.to_string(),
            kind: kind_label(&c, row.kind),
            pain: row.pain_average_week,
            before: row.pain_before.map_or_else(|| "—".to_owned(), |v| v.to_string()),
            after: row.pain_after.map_or_else(|| "—".to_owned(), |v| v.to_string()),
            // the baseline is what the band is measured from
            in_band: if row.kind == RowKind::Baseline { "—".to_owned() } else { yes_no(row.in_band) },
        })
        .collect();
    let mut names: HashMap<i64, Option<String>> = HashMap::new();
    let mut entry_views = Vec::new();
    let mut ordered: Vec<&EntryDoc> = entries.iter().collect();
    ordered.sort_by_key(|e| e.date());
    let show_all = query
        .as_deref()
        .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "entries" && v == "all"));
    let listed = if show_all { ordered.len() } else { ordered.len().min(RECENT) };
    let entries_cut =
        (listed < ordered.len()).then(|| c.tn2("plan-entries-cut", "shown", listed, "total", ordered.len()));
    for e in ordered.into_iter().rev().take(listed) {
        let (therapist, therapist_href) = match (e.therapist_id, &e.therapist_name) {
            (Some(tid), _) => {
                if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(tid) {
                    slot.insert(store.therapist_detail(tid).await.map_err(failed)?.map(|d| d.therapist.name));
                }
                let name = names.get(&tid).cloned().flatten().unwrap_or_else(|| c.t("plan-therapist-gone"));
                (Some(name), Some(format!("/therapists/{tid}")))
            }
            (None, Some(n)) => (Some(n.clone()), None),
            (None, None) => (None, None),
        };
        entry_views.push(EntryView {
            date: e.date.clone(),
            kind: kind_label(&c, if e.is_session() { RowKind::Session } else { RowKind::CheckIn }),
            pain: e.pain_average_week,
            before: e.pain_before,
            after: e.pain_after,
            therapist,
            therapist_href,
            style: e.style.as_deref().map(|s| c.t(&format!("log-style-{}", s.replace('_', "-")))),
            pressure: e.pressure.as_deref().map(|s| c.t(&format!("log-pressure-{s}"))),
            notes: e.notes.clone(),
            warning: e.new_warning_sign,
            carried: e.pain_carried_forward,
        });
    }
    let summary = c.tr.ta(
        "plan-summary",
        &[
            ("baseline", Arg::Num(f64::from(o.baseline))),
            ("current", Arg::Num(f64::from(o.current))),
            ("change", Arg::Num(f64::from(o.change))),
            ("pct", Arg::Text(c.number(o.change_pct, 1))),
            ("sessions", Arg::Num(f64::from(o.sessions))),
        ],
    );
    let notice = match query.as_deref() {
        Some("logged=1") => Some(c.t("plan-logged")),
        Some("ended=1") => Some(c.t("plan-ended-notice")),
        _ => None,
    };
    let page = PlanPage {
        csrf,
        id,
        ended: plan.plan.ended,
        notice,
        any_emergency: warnings.iter().any(|w| w.emergency),
        warnings,
        status: o.status.as_str(),
        message: r.message().to_owned(),
        cites: Cite::from_ids(rs, &r.sources().iter().map(String::as_str).collect::<Vec<_>>()),
        summary,
        baseline_date: plan.doc.baseline.date.clone(),
        check_date,
        trend_svg,
        bars_svg,
        band_text,
        rows,
        entries: entry_views,
        entries_cut,
        bars_cut,
        c,
    };
    let mut resp = page.into_response();
    resp.headers_mut().insert(header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(resp)
}

// ---------------------------------------------------------------------------------------
// JSON API (listed in `super::api`)

/// A saved check (`GET /api/v1/me/checks`).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = SavedCheck)]
pub struct SavedCheckApi {
    /// Id (`/checks/{id}/share`, `POST /my-back/plans`).
    pub id: i64,
    /// When it was saved, RFC 3339 UTC.
    pub created_at: String,
    /// The day of the check, `YYYY-MM-DD`.
    pub date: String,
    /// The rule set that assessed it.
    pub ruleset_version: String,
    /// The triage it gave.
    #[schema(value_type = crate::routes::api::TriageDoc)]
    pub triage: String,
    /// Whether a massage plan can start from it.
    pub massage_advisable_now: bool,
    /// The answers (`lumbar.screening/1`).
    #[schema(value_type = crate::routes::api::AnswersDoc)]
    pub answers: Value,
    /// The assessment as it was given (`lumbar.screening/1`).
    #[schema(value_type = crate::routes::api::AssessmentDoc)]
    pub assessment: Value,
}

/// The person's saved checks.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = SavedChecks)]
pub struct SavedChecksApi {
    /// Newest first.
    pub checks: Vec<SavedCheckApi>,
}

/// My saved checks.
///
/// The checks the signed-in person chose to keep, newest first, each with its answers and
/// the assessment it gave. Needs `Authorization: Bearer <personal API token>` (created on
/// the account page) or a session; anyone else gets 404.
#[utoipa::path(
    get,
    path = "/api/v1/me/checks",
    tag = "journal",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The saved checks", body = SavedChecksApi),
        (status = 404, description = "Not signed in (no valid token or session)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server runs without a database", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn api_checks(State(shared): State<Arc<Shared>>, Owner(user): Owner) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let checks = store
        .checks(user.id)
        .await
        .map_err(failed)?
        .into_iter()
        .map(|k| {
            let k = CheckRecord::read(k)?;
            Ok(SavedCheckApi {
                id: k.id,
                triage: k.triage().to_owned(),
                massage_advisable_now: k.advisable(),
                created_at: k.created_at,
                date: k.doc.date,
                ruleset_version: k.doc.ruleset_version,
                answers: k.doc.answers,
                assessment: k.doc.assessment,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(axum::Json(SavedChecksApi { checks }).into_response())
}

/// A progress status (PROGRESS.md §2), in the order the rule tries them.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = ProgressStatus)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatusDoc {
    /// The latest re-screen found an emergency or urgent finding: stop.
    StopWarningSign,
    /// Average pain 2 or more points worse than the baseline.
    Worsening,
    /// The baseline was 2 or less: the rule cannot judge.
    LowPain,
    /// A meaningful improvement (≥ 2 points and ≥ 30%).
    Improving,
    /// 4 or more sessions without a meaningful improvement.
    NotHelping,
    /// None of the above yet.
    TooEarly,
}

/// The progress of a plan, `lumbar.progress/1` (as `lumbar progress --json` prints it).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Progress)]
pub struct ProgressDoc {
    /// Always `lumbar.progress/1`.
    pub schema: String,
    /// The first status of the contract's table that applies.
    pub status: ProgressStatusDoc,
    /// Average pain in the week before the check that started the plan, 0–10.
    pub baseline: u8,
    /// Average pain at the latest entry (the baseline with no entries), 0–10.
    pub current: u8,
    /// `baseline − current`: positive is better.
    pub change: i8,
    /// `100 × change / baseline`, one decimal (0 when the baseline is 0).
    pub change_pct: f64,
    /// How many entries are sessions.
    pub sessions: u32,
    /// `change ≥ 2` and `change ≥ 30%` of the baseline.
    pub meaningful_improvement: bool,
    /// What the person is told, in the request's language.
    pub message: String,
    /// Source ids of the message (`OSTELO-2008`).
    pub sources: Vec<String>,
}

/// The progress of one of my plans.
///
/// Applies the progress rule (`lumbar.progress/1`) to the plan's logged sessions and
/// check-ins; the message is in the request's language (`Accept-Language`). Needs a bearer
/// token or a session; another person's plan, or no plan, is 404.
#[utoipa::path(
    get,
    path = "/api/v1/me/plans/{id}/progress",
    tag = "journal",
    security(("api_token" = [])),
    params(("id" = i64, Path, description = "The plan's id")),
    responses(
        (status = 200, description = "The progress", body = ProgressDoc),
        (status = 404, description = "No such plan of the signed-in person", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server runs without a database", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn api_progress(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Owner(user): Owner,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    let plan = owned_plan(store.as_ref(), user.id, id).await?;
    let entries = plan_entries(store.as_ref(), user.id, id).await?;
    let texts = progress_texts(&shared.state.ruleset)?;
    let r = report(texts, &plan, &entries, lang)?;
    Ok(axum::Json(r).into_response())
}
