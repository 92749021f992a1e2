//! `GET`/`POST /plans/{id}/log`: logging a session or a check-in, after the re-screen
//! (PROGRESS.md §3).
//!
//! One form: first the re-screen — every question that feeds an `emergency` or
//! `urgent_medical` rule ([`rescreen_questions`]), shown like the check's questions, plus
//! "Has anything changed in your health or medicines since your last check?" — then the
//! entry: kind, date, therapist (a directory listing found by ZIP code, one logged before,
//! or a name), style, pressure, pain right before and after (sessions), average pain this
//! week, notes. The questions are asked fresh, never pre-filled.
//!
//! On `POST`, in this order:
//!
//! 1. the re-screen answers replace those of the plan's saved check, and the merged answers
//!    go through the same engine: an emergency settled by the answers given (as on the
//!    check's stop page), or any fired `emergency` / `urgent_medical` finding of the full
//!    assessment, saves the entry with `new_warning_sign` (dated today: the re-screen is the
//!    current truth), ends the plan and sends the person to the plan page, which shows that
//!    finding's action first (for an emergency, the 911 call as on `/check/stop`);
//! 2. "yes, something changed" — or answers that, merged with the saved check, need
//!    questions the re-screen does not ask — saves nothing: `303 /check?retake=1`, which
//!    asks for the whole check first;
//! 3. otherwise every problem re-renders the form with 422 (each field named, with why and
//!    how to fix), or the entry is saved: `303 /plans/{id}?logged=1`.
//!
//! "Search the directory" (a second submit button) re-renders the form with the listings
//! near a ZIP code and everything typed kept; nothing is saved. The form is only for a plan
//! that is still going; an ended plan sends the person to its page.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lumbar_core::directory::Date;
use lumbar_core::matching::Query;
use lumbar_core::screening::questions::{Input, Question, Target};
use lumbar_core::screening::{Answers, Ruleset, Triage, rescreen_questions};
use lumbar_store::{Store, UserId};

use crate::accounts::session::{Owner, rfc3339};
use crate::check_flow::{self, Entry, FormValues, Problem, Progress};
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::check::{self, OptionView, catalogue};
use crate::routes::journal::{
    ENTRY_SCHEMA, EntryDoc, PlanRecord, failed, latest, owned_check, owned_plan, parse_id, plan_entries, resummarise,
    see_other, store, today,
};
use crate::routes::{Shared, with_status};
use crate::views::Chrome;

/// The longest notes, in characters.
pub const MAX_NOTES: usize = 2000;
/// The longest free-text therapist name, in characters.
pub const MAX_NAME: usize = 200;
/// Session styles a person can log.
pub const STYLES: [&str; 4] = ["swedish", "deep_tissue", "prenatal", "other"];
/// Pressures a person can log.
pub const PRESSURES: [&str; 3] = ["light", "medium", "firm"];
/// Radius of the directory search on this page, in miles.
const SEARCH_RADIUS: f64 = 25.0;
/// Listings shown by the directory search.
const SEARCH_LIMIT: usize = 20;

/// The log routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/plans/{id}/log", get(show).post(submit))
}

// ---------------------------------------------------------------------------------------
// The re-screen

/// The re-screen's questions as indexes into the questionnaire, in its order.
fn rescreen_indexes(rs: &Ruleset) -> Vec<usize> {
    rescreen_questions(rs)
        .into_iter()
        .filter_map(|id| check_flow::question_for_path(&rs.questionnaire, id).map(|(i, _)| i))
        .collect()
}

/// The saved check's answers with the re-screen's cleared: what the form's answers merge into.
fn base_progress(answers: &Answers, rescreen: &[usize], rs: &Ruleset) -> Progress {
    let mut p = Progress::default();
    for (slot, v) in p.answered.iter_mut().zip(answers.raw_values()) {
        *slot = Some(*v);
    }
    let prefs = answers.preferences;
    p.prefs = [prefs.style, prefs.pressure, prefs.goal];
    for &i in rescreen {
        p.set(rs.questionnaire.questions[i].target, None);
    }
    p
}

/// The re-screen question on this page that question `i`'s `ask_when` reads, when it reads
/// exactly one and it comes right before `i` among the re-screen's questions (so the page
/// can reveal `i` in place, as the check does).
fn page_trigger(rs: &Ruleset, rescreen: &[usize], i: usize) -> Option<usize> {
    let q = &rs.questionnaire;
    let mut read = Vec::new();
    q.questions[i].ask_when.as_ref()?.fields(&mut read);
    let on_page: Vec<usize> = read
        .iter()
        .filter_map(|f| rescreen.iter().copied().find(|&t| q.questions[t].target == Target::Answer(*f)))
        .collect();
    match on_page[..] {
        [t] if t < i => Some(t),
        _ => None,
    }
}

/// What the form's re-screen gave: the merged answers, problems and raw texts.
struct Rescreen {
    merged: Progress,
    errors: Vec<(usize, Problem)>,
    raw: HashMap<usize, String>,
}

/// Reads the re-screen questions from the form, in order (a follow-up's `ask_when` sees the
/// answers read before it).
fn read_rescreen(rs: &Ruleset, rescreen: &[usize], base: &Progress, form: &FormValues) -> Rescreen {
    let q = &rs.questionnaire;
    let mut merged = base.clone();
    let mut errors = Vec::new();
    let mut raw = HashMap::new();
    for &i in rescreen {
        let question = &q.questions[i];
        if !question.applies(&merged.answered) {
            continue;
        }
        let given = form.get(&question.target.path());
        match check_flow::read_entry(question, given) {
            Entry::Value(v) => merged.set(question.target, Some(v)),
            Entry::Problem(p) => {
                if matches!(question.input, Input::Number | Input::Duration)
                    && let Some(text) = given
                {
                    raw.insert(i, text.to_owned());
                }
                errors.push((i, p));
            }
        }
    }
    Rescreen { merged, errors, raw }
}

/// What the re-screen found.
enum Finding {
    /// Emergency or urgent rules fired (ids, most urgent first).
    Warning(Vec<String>),
    /// Nothing fired.
    Clear,
    /// Merged with the saved check, the answers need questions the re-screen does not ask
    /// (pregnancy started, say): the whole check is needed.
    NeedsWholeCheck,
    /// Not every question is answered yet.
    Incomplete,
}

fn assess_rescreen(rs: &Ruleset, r: &Rescreen) -> Finding {
    let settled: Vec<String> = rs.emergencies_settled(&r.merged.answered).iter().map(|rule| rule.id.clone()).collect();
    if !r.errors.is_empty() {
        return if settled.is_empty() { Finding::Incomplete } else { Finding::Warning(settled) };
    }
    let mut p = r.merged.clone();
    check_flow::normalize(&rs.questionnaire, &mut p);
    let Some(values) = rs.questionnaire.complete(&p.answered) else {
        return if settled.is_empty() { Finding::NeedsWholeCheck } else { Finding::Warning(settled) };
    };
    let Ok(answers) = Answers::from_values(values, p.preferences()) else {
        return if settled.is_empty() { Finding::NeedsWholeCheck } else { Finding::Warning(settled) };
    };
    let a = rs.assess(&answers);
    let fired: Vec<String> = a
        .finding_rules()
        .filter(|rule| matches!(rule.level, Some(Triage::Emergency | Triage::UrgentMedical)))
        .map(|rule| rule.id.clone())
        .collect();
    if fired.is_empty() { Finding::Clear } else { Finding::Warning(fired) }
}

// ---------------------------------------------------------------------------------------
// The page

/// One re-screen question.
struct QuestionView {
    id: String,
    name: String,
    text: String,
    text_lang: Option<&'static str>,
    help: Option<String>,
    help_lang: Option<&'static str>,
    /// `radios`, `scale`, `number` or `duration`.
    widget: &'static str,
    options: Vec<OptionView>,
    value: String,
    min: i64,
    max: i64,
    error: Option<String>,
    describedby: String,
}

/// A question and the follow-ups it reveals in place.
struct Item {
    question: QuestionView,
    followups: Vec<QuestionView>,
    open: bool,
}

/// A group of the questionnaire, as a heading over its re-screen questions.
struct GroupView {
    title: String,
    title_lang: Option<&'static str>,
    items: Vec<Item>,
}

/// A choice of the entry part of the form.
struct Choice {
    id: String,
    value: String,
    label: String,
    checked: bool,
}

/// A link in the error summary.
struct ErrorLink {
    href: String,
    label: String,
    message: String,
}

/// What was typed in the entry part of the form (kept on a re-render).
#[derive(Default)]
struct Typed {
    changed: String,
    kind: String,
    date: String,
    therapist: String,
    therapist_name: String,
    near: String,
    style: String,
    pressure: String,
    pain_before: String,
    pain_after: String,
    pain_average_week: String,
    notes: String,
}

impl Typed {
    fn from_form(form: &FormValues) -> Typed {
        let get = |k: &str| form.get(k).unwrap_or("").trim().to_owned();
        Typed {
            changed: get("changed"),
            kind: get("kind"),
            date: get("date"),
            therapist: get("therapist"),
            therapist_name: get("therapist_name"),
            near: get("near"),
            style: get("style"),
            pressure: get("pressure"),
            pain_before: get("pain_before"),
            pain_after: get("pain_after"),
            pain_average_week: get("pain_average_week"),
            notes: form.get("notes").unwrap_or("").trim().to_owned(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plan_log.html")]
struct LogPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    id: i64,
    baseline_date: String,
    today: String,
    groups: Vec<GroupView>,
    errors: Vec<ErrorLink>,
    field_errors: HashMap<&'static str, String>,
    changed: Vec<Choice>,
    kinds: Vec<Choice>,
    therapists: Vec<Choice>,
    searched: bool,
    styles: Vec<Choice>,
    pressures: Vec<Choice>,
    t: Typed,
}

impl LogPage<'_> {
    /// The error of an entry field, if any.
    fn err(&self, field: &str) -> Option<&String> {
        self.field_errors.get(field)
    }

    /// `aria-describedby` for an entry field with a hint (`{id}-hint`) and maybe an error.
    fn described(&self, field: &str, hint: bool) -> String {
        let mut out = Vec::new();
        if hint {
            out.push(format!("{field}-hint"));
        }
        if self.field_errors.contains_key(field) {
            out.push(format!("{field}-error"));
        }
        out.join(" ")
    }
}

fn problem_text(c: &Chrome<'_>, question: &Question, problem: &Problem) -> String {
    use lumbar_core::screening::fields::FieldKind;
    match problem {
        Problem::Missing => match question.input {
            Input::YesNo | Input::Choice => c.t("check-error-choose"),
            Input::Scale => c.t("check-error-scale"),
            Input::Number => match question.target.kind() {
                FieldKind::Int { min, max } => {
                    c.tn2("check-error-number-missing", "min", min as usize, "max", max as usize)
                }
                _ => c.t("check-error-choose"),
            },
            Input::Duration => c.t("check-error-duration-missing"),
        },
        Problem::NotAnOption | Problem::NoneConflict => c.t("check-error-choose"),
        Problem::Number { min, max } => c.tn2("check-error-number", "min", *min as usize, "max", *max as usize),
        Problem::DurationNumber => c.t("check-error-duration-number"),
        Problem::DurationUnit => c.t("check-error-duration-unit"),
        Problem::DurationRange => c.t("check-error-duration-range"),
        Problem::Contract(text) => text.clone(),
    }
}

fn question_view(
    c: &Chrome<'_>,
    question: &Question,
    p: &Progress,
    problem: Option<&Problem>,
    raw: Option<&String>,
) -> QuestionView {
    let path = question.target.path();
    let key = format!("q-{}", path.replace('.', "-"));
    let id = format!("q-{}", path.replace('.', "-"));
    let (text, text_lang) = catalogue(c, &key, &question.text);
    let (help, help_lang) = match &question.help {
        Some(h) => {
            let (t, l) = catalogue(c, &format!("{key}-help"), h);
            (Some(t), l)
        }
        None => (None, None),
    };
    let error = problem.map(|pr| problem_text(c, question, pr));
    let mut describedby = Vec::new();
    if help.is_some() {
        describedby.push(format!("{id}-help"));
    }
    if error.is_some() {
        describedby.push(format!("{id}-error"));
    }
    let current = p.get(question.target);
    let mut view = QuestionView {
        id: id.clone(),
        name: path,
        text,
        text_lang,
        help,
        help_lang,
        widget: "radios",
        options: Vec::new(),
        value: String::new(),
        min: 0,
        max: 0,
        error,
        describedby: describedby.join(" "),
    };
    let w = check::widget(c, question, &key, &id, current, raw);
    (view.widget, view.options, view.value, view.min, view.max) = (w.widget, w.options, w.value, w.min, w.max);
    view
}

/// The re-screen's questions on the page, grouped as in the check.
fn rescreen_groups(
    c: &Chrome<'_>,
    rs: &Ruleset,
    rescreen: &[usize],
    r: &Rescreen,
    errors: &mut Vec<ErrorLink>,
) -> Vec<GroupView> {
    let q = &rs.questionnaire;
    let p = &r.merged;
    let mut groups: Vec<GroupView> = Vec::new();
    let mut last_group = usize::MAX;
    for &i in rescreen {
        let question = &q.questions[i];
        let trigger = page_trigger(rs, rescreen, i);
        let as_followup = trigger.is_some_and(|t| {
            groups
                .last()
                .and_then(|g| g.items.last())
                .is_some_and(|item| item.question.name == q.questions[t].target.path())
        });
        if !as_followup && !question.applies(&p.answered) {
            continue;
        }
        let mut view =
            question_view(c, question, p, r.errors.iter().find(|(e, _)| *e == i).map(|(_, pr)| pr), r.raw.get(&i));
        if let Some(message) = &view.error {
            errors.push(ErrorLink {
                href: format!("#{}", view.id),
                label: view.text.clone(),
                message: message.clone(),
            });
        }
        if as_followup && let (Some(t), Some(item)) = (trigger, groups.last_mut().and_then(|g| g.items.last_mut())) {
            // the trigger's options that make this question apply reveal it (CSS only)
            let trigger_q = &q.questions[t];
            for o in &mut item.question.options {
                if let Some(v) = check_flow::decode(trigger_q.target, &o.value) {
                    let mut with = p.clone();
                    with.set(trigger_q.target, Some(v));
                    o.reveals |= question.applies(&with.answered);
                }
            }
            item.open |= question.applies(&p.answered);
            view.describedby = view.describedby.trim().to_owned();
            item.followups.push(view);
            continue;
        }
        if question.group != last_group {
            let g = &q.groups[question.group];
            let (title, title_lang) = catalogue(c, &format!("g-{}-title", g.id), &g.title);
            groups.push(GroupView { title, title_lang, items: Vec::new() });
            last_group = question.group;
        }
        if let Some(g) = groups.last_mut() {
            g.items.push(Item { question: view, followups: Vec::new(), open: false });
        }
    }
    groups
}

fn choices(c: &Chrome<'_>, name: &str, words: &[&str], key: impl Fn(&str) -> String, chosen: &str) -> Vec<Choice> {
    words
        .iter()
        .map(|w| Choice {
            id: format!("{name}-{}", w.replace('_', "-")),
            value: (*w).to_owned(),
            label: c.t(&key(w)),
            checked: chosen == *w,
        })
        .collect()
}

/// The therapists to choose from: "none", the listings logged before in this plan, and
/// those found near a ZIP code.
async fn therapist_choices(
    c: &Chrome<'_>,
    store: &Arc<dyn Store>,
    earlier: &[EntryDoc],
    found: &[(i64, String)],
    chosen: &str,
) -> Result<Vec<Choice>, AppError> {
    let mut out = vec![Choice {
        id: "therapist".into(),
        value: String::new(),
        label: c.t("log-therapist-none"),
        checked: chosen.is_empty(),
    }];
    let mut seen: Vec<i64> = Vec::new();
    let mut listed: Vec<(i64, String)> = Vec::new();
    for tid in earlier.iter().filter_map(|e| e.therapist_id) {
        if seen.contains(&tid) {
            continue;
        }
        seen.push(tid);
        if let Some(d) = store.therapist_detail(tid).await.map_err(failed)? {
            listed.push((tid, d.therapist.name));
        }
    }
    // a listing chosen from an earlier search stays on the page
    if let Ok(tid) = chosen.parse::<i64>()
        && !seen.contains(&tid)
        && !found.iter().any(|(id, _)| *id == tid)
        && let Some(d) = store.therapist_detail(tid).await.map_err(failed)?
    {
        seen.push(tid);
        listed.push((tid, d.therapist.name));
    }
    for (tid, label) in found {
        if !seen.contains(tid) {
            seen.push(*tid);
            listed.push((*tid, label.clone()));
        }
    }
    out.extend(listed.into_iter().map(|(tid, label)| Choice {
        id: format!("therapist-{tid}"),
        value: tid.to_string(),
        label,
        checked: chosen == tid.to_string(),
    }));
    Ok(out)
}

/// The listings near a ZIP code (name and address), or why not.
async fn search_near(
    shared: &Shared,
    store: &Arc<dyn Store>,
    zip_text: &str,
) -> Result<Result<Vec<(i64, String)>, &'static str>, AppError> {
    let Some(zip) = crate::search::zip5(zip_text) else { return Ok(Err("log-near-invalid")) };
    let snapshot = shared.state.directory.get(store, &shared.state.config).await.map_err(|e| AppError::store(&e))?;
    let Some((lat, lon)) = snapshot.locate(&zip) else { return Ok(Err("log-near-unknown")) };
    let query = Query {
        lat,
        lon,
        radius_miles: SEARCH_RADIUS,
        needs: None,
        style: None,
        language: None,
        gender: None,
        max_price_usd: None,
        insurance: None,
        kind: None,
        include_unverified: true,
        limit: SEARCH_LIMIT,
    };
    let found = snapshot
        .search(&query)
        .results()
        .iter()
        .filter_map(|m| snapshot.listing(m.id).map(|l| (m.id, format!("{} — {}", l.name, l.address))))
        .collect();
    Ok(Ok(found))
}

/// The plan, if it is the person's and still going; an ended plan sends them to its page.
async fn open_plan(store: &dyn Store, user: UserId, id: i64) -> Result<Result<PlanRecord, Response>, AppError> {
    let plan = owned_plan(store, user, id).await?;
    if plan.plan.ended {
        return Ok(Err(see_other(&format!("/plans/{id}"))));
    }
    Ok(Ok(plan))
}

struct Parts {
    plan: PlanRecord,
    earlier: Vec<EntryDoc>,
    rescreen: Vec<usize>,
    base: Progress,
}

async fn load(shared: &Shared, user: UserId, id: i64) -> Result<Result<Parts, Response>, AppError> {
    let store = store(shared)?;
    let plan = match open_plan(store.as_ref(), user, id).await? {
        Ok(p) => p,
        Err(redirect) => return Ok(Err(redirect)),
    };
    let check = owned_check(store.as_ref(), user, plan.plan.check_id).await?;
    let earlier = plan_entries(store.as_ref(), user, id).await?;
    let rs = &shared.state.ruleset;
    let rescreen = rescreen_indexes(rs);
    let base = base_progress(&check.answers, &rescreen, rs);
    Ok(Ok(Parts { plan, earlier, rescreen, base }))
}

#[expect(clippy::too_many_arguments, reason = "one page, its parts")]
async fn render(
    shared: &Shared,
    lang: Lang,
    csrf: String,
    parts: &Parts,
    r: &Rescreen,
    t: Typed,
    mut field_errors: Vec<(&'static str, String)>,
    searched: bool,
) -> Result<Response, AppError> {
    let store = store(shared)?;
    let rs = &shared.state.ruleset;
    let id = parts.plan.plan.id;
    let c = Chrome::new(&shared.i18n, lang, &format!("/plans/{id}/log"), "my-back");
    let mut errors = Vec::new();
    let groups = rescreen_groups(&c, rs, &parts.rescreen, r, &mut errors);
    let mut found = Vec::new();
    if !t.near.is_empty() {
        match search_near(shared, store, &t.near).await? {
            Ok(f) => found = f,
            Err(key) => field_errors.push(("near", c.t(key))),
        }
    }
    let labels: HashMap<&str, String> = [
        ("changed", c.t("log-changed")),
        ("kind", c.t("log-kind")),
        ("date", c.t("log-date")),
        ("therapist", c.t("log-therapist")),
        ("therapist_name", c.t("log-therapist-name")),
        ("near", c.t("log-near")),
        ("pain_before", c.t("log-pain-before")),
        ("pain_after", c.t("log-pain-after")),
        ("pain_average_week", c.t("log-pain-average")),
        ("notes", c.t("log-notes")),
    ]
    .into_iter()
    .collect();
    let field_ids: HashMap<&str, &str> =
        [("changed", "changed"), ("kind", "kind"), ("therapist", "therapist")].into_iter().collect();
    for (field, message) in &field_errors {
        errors.push(ErrorLink {
            href: format!("#{}", field_ids.get(field).copied().unwrap_or(field)),
            label: labels.get(field).cloned().unwrap_or_default(),
            message: message.clone(),
        });
    }
    let has_errors = !errors.is_empty();
    let page = LogPage {
        csrf,
        id,
        baseline_date: parts.plan.doc.baseline.date.clone(),
        today: today(shared).to_string(),
        groups,
        errors,
        field_errors: field_errors.into_iter().collect(),
        changed: vec![
            Choice { id: "changed".into(), value: "yes".into(), label: c.t("answer-yes"), checked: t.changed == "yes" },
            Choice { id: "changed-no".into(), value: "no".into(), label: c.t("answer-no"), checked: t.changed == "no" },
        ],
        kinds: vec![
            Choice {
                id: "kind".into(),
                value: "session".into(),
                label: c.t("log-kind-session"),
                checked: t.kind == "session",
            },
            Choice {
                id: "kind-check-in".into(),
                value: "check_in".into(),
                label: c.t("log-kind-check-in"),
                checked: t.kind == "check_in",
            },
        ],
        therapists: therapist_choices(&c, store, &parts.earlier, &found, &t.therapist).await?,
        searched: searched && !found.is_empty(),
        styles: choices(&c, "style", &STYLES, |w| format!("log-style-{}", w.replace('_', "-")), &t.style),
        pressures: choices(&c, "pressure", &PRESSURES, |w| format!("log-pressure-{w}"), &t.pressure),
        t,
        c,
    };
    let resp = page.into_response();
    Ok(if has_errors { with_status(StatusCode::UNPROCESSABLE_ENTITY, resp) } else { resp })
}

/// `GET /plans/{id}/log`.
async fn show(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Owner(user): Owner,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let parts = match load(&shared, user.id, id).await? {
        Ok(p) => p,
        Err(redirect) => return Ok(redirect),
    };
    let r = Rescreen { merged: parts.base.clone(), errors: Vec::new(), raw: HashMap::new() };
    let t = Typed { date: today(&shared).to_string(), ..Typed::default() };
    render(&shared, lang, csrf, &parts, &r, t, Vec::new(), false).await
}

/// A whole number from 0 to 10, or the problem's message key.
fn score(text: &str) -> Result<u8, &'static str> {
    text.parse::<u8>().ok().filter(|v| *v <= 10).ok_or("log-error-score")
}

/// `POST /plans/{id}/log`.
async fn submit(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Owner(user): Owner,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let parts = match load(&shared, user.id, id).await? {
        Ok(p) => p,
        Err(redirect) => return Ok(redirect),
    };
    let form = FormValues::strict(pairs).map_err(|_| AppError::BadForm)?;
    let rs = &shared.state.ruleset;
    let store = store(&shared)?;
    let t = Typed::from_form(&form);
    let r = read_rescreen(rs, &parts.rescreen, &parts.base, &form);
    let action = form.get("action").unwrap_or("save");
    if action == "search" {
        let mut field_errors = Vec::new();
        if t.near.is_empty() {
            let c = Chrome::new(&shared.i18n, lang, "", "");
            field_errors.push(("near", c.t("log-near-missing")));
        }
        // a search is not a submission: the re-screen's missing answers are not errors yet
        let r = Rescreen { errors: r.errors.into_iter().filter(|(_, p)| *p != Problem::Missing).collect(), ..r };
        return render(&shared, lang, csrf, &parts, &r, t, field_errors, true).await;
    }
    if action != "save" {
        return Err(AppError::BadForm);
    }
    let c = Chrome::new(&shared.i18n, lang, "", "");
    let finding = assess_rescreen(rs, &r);
    let now = rfc3339(&shared);
    let today = today(&shared);

    // the entry's own fields
    let mut problems: Vec<(&'static str, String)> = Vec::new();
    let kind = match t.kind.as_str() {
        "session" | "check_in" => Some(t.kind.clone()),
        "" => {
            problems.push(("kind", c.t("log-error-kind")));
            None
        }
        _ => return Err(AppError::BadForm),
    };
    let session = kind.as_deref() == Some("session");
    let date = if t.date.is_empty() {
        problems.push(("date", c.t("log-error-date-missing")));
        None
    } else {
        let shaped = t.date.len() == 10
            && t.date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        match Date::parse(&t.date).filter(|_| shaped) {
            None => {
                problems.push(("date", c.t("log-error-date-format")));
                None
            }
            Some(d) if parts.plan.baseline_date().is_ok_and(|b| d < b) => {
                problems.push(("date", c.ts("log-error-date-before", "date", &parts.plan.doc.baseline.date)));
                None
            }
            Some(d) if d > today => {
                problems.push(("date", c.t("log-error-date-future")));
                None
            }
            Some(d) => Some(d),
        }
    };
    let pain_average_week = match score(&t.pain_average_week) {
        Ok(v) => Some(v),
        Err(_) if t.pain_average_week.is_empty() => {
            problems.push(("pain_average_week", c.t("log-error-score-missing")));
            None
        }
        Err(key) => {
            problems.push(("pain_average_week", c.t(key)));
            None
        }
    };
    let mut optional_score = |field: &'static str, text: &str| -> Option<u8> {
        if text.is_empty() {
            return None;
        }
        if !session && kind.is_some() {
            problems.push((field, c.t("log-error-session-only")));
            return None;
        }
        match score(text) {
            Ok(v) => Some(v),
            Err(key) => {
                problems.push((field, c.t(key)));
                None
            }
        }
    };
    let pain_before = optional_score("pain_before", &t.pain_before);
    let pain_after = optional_score("pain_after", &t.pain_after);
    let mut therapist_id = None;
    if session && !t.therapist.is_empty() {
        let tid = t.therapist.parse::<i64>().map_err(|_| AppError::BadForm)?;
        match store.therapist_detail(tid).await.map_err(failed)? {
            Some(_) => therapist_id = Some(tid),
            None => problems.push(("therapist", c.t("log-error-therapist-gone"))),
        }
    }
    if t.therapist_name.chars().count() > MAX_NAME {
        problems.push(("therapist_name", c.tn("log-error-too-long", "max", MAX_NAME)));
    }
    if t.notes.chars().count() > MAX_NOTES {
        problems.push(("notes", c.tn("log-error-too-long", "max", MAX_NOTES)));
    }
    let style = match t.style.as_str() {
        "" => None,
        s if STYLES.contains(&s) => Some(s.to_owned()),
        _ => return Err(AppError::BadForm),
    };
    let pressure = match t.pressure.as_str() {
        "" => None,
        s if PRESSURES.contains(&s) => Some(s.to_owned()),
        _ => return Err(AppError::BadForm),
    };
    let changed = match t.changed.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        "" => None,
        _ => return Err(AppError::BadForm),
    };
    let session_text = |s: &str| if session && !s.is_empty() { Some(s.to_owned()) } else { None };
    let notes = if t.notes.is_empty() { None } else { Some(t.notes.clone()) };

    // 1. a warning sign stops the plan, whatever else the form says
    if let Finding::Warning(rules) = finding {
        let carried = pain_average_week.is_none();
        let last_known =
            latest(&parts.earlier).map_or(parts.plan.doc.baseline.pain_average_week, |e| e.pain_average_week);
        let doc = EntryDoc {
            schema: ENTRY_SCHEMA.to_owned(),
            kind: kind.clone().unwrap_or_else(|| "check_in".to_owned()),
            // the re-screen is today's: dated today, it is the latest entry
            date: today.to_string(),
            pain_average_week: pain_average_week.unwrap_or(last_known),
            pain_before: if session { pain_before } else { None },
            pain_after: if session { pain_after } else { None },
            new_warning_sign: true,
            warning_rules: rules,
            pain_carried_forward: carried,
            therapist_id,
            therapist_name: session_text(&t.therapist_name).filter(|n| n.chars().count() <= MAX_NAME),
            style: if session { style } else { None },
            pressure: if session { pressure } else { None },
            notes: notes.filter(|n| n.chars().count() <= MAX_NOTES),
        };
        let value = serde_json::to_value(&doc).map_err(|_| AppError::Internal)?;
        store.add_entry(user.id, id, &now, &value).await.map_err(failed)?.ok_or(AppError::NotFound)?;
        resummarise(store.as_ref(), user.id, id).await?;
        store.end_plan(user.id, id).await.map_err(failed)?;
        return Ok(see_other(&format!("/plans/{id}")));
    }
    // 2. something changed: the whole check first; nothing is saved
    if changed == Some(true) || matches!(finding, Finding::NeedsWholeCheck) {
        return Ok(see_other("/check?retake=1"));
    }
    // 3. problems, or the entry
    if changed.is_none() {
        problems.insert(0, ("changed", c.t("log-error-changed")));
    }
    if !problems.is_empty() || !r.errors.is_empty() {
        return render(&shared, lang, csrf, &parts, &r, t, problems, false).await;
    }
    let (Some(kind), Some(date), Some(pain_average_week)) = (kind, date, pain_average_week) else {
        return Err(AppError::Internal);
    };
    let doc = EntryDoc {
        schema: ENTRY_SCHEMA.to_owned(),
        kind,
        date: date.to_string(),
        pain_average_week,
        pain_before,
        pain_after,
        new_warning_sign: false,
        warning_rules: Vec::new(),
        pain_carried_forward: false,
        therapist_id,
        therapist_name: session_text(&t.therapist_name),
        style: if session { style } else { None },
        pressure: if session { pressure } else { None },
        notes,
    };
    let value = serde_json::to_value(&doc).map_err(|_| AppError::Internal)?;
    store.add_entry(user.id, id, &now, &value).await.map_err(failed)?.ok_or(AppError::NotFound)?;
    resummarise(store.as_ref(), user.id, id).await?;
    Ok(see_other(&format!("/plans/{id}?logged=1")))
}
