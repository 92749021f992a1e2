//! `/check`: the safety check in the browser — one step per question group, the stop page
//! when an emergency is settled, and the result page. The decisions are in
//! [`crate::check_flow`]; this module reads the form and builds the pages.
//!
//! Post/redirect/get (decision 0005): every page is a `GET` — `/check` (step 1),
//! `/check/{n}`, `/check/stop`, `/check/result` — shown from the sealed draft cookie
//! ([`crate::draft`]), so Back, Reload and a second tab show a page, never a resubmit prompt.
//! A step posts to `POST /check`, which saves the answers (and, for the next page, the
//! problems found) in the draft and answers `303 See Other` to the page the answers lead to.
//! A damaged or repeated field is a 400 (decision 0003); a draft that does not open is
//! refused and the person starts again, told why.
//!
//! A checklist (questions marked `none_of_these` in the catalogue) is answered with one tap
//! on "None of these apply to me"; follow-ups that an answer on the same page can bring in
//! are on the page from the start, revealed in place by CSS when the answer is chosen
//! (without CSS support the server asks them on the next round, as before).
//!
//! The stop page opens with a `tel:911` link, and offers "I answered this by mistake"
//! (`POST /check/mistake`): the answers without those the emergency rests on
//! ([`check_flow::mistaken`]), back to the step that asks them, so the person answers them
//! again. "Forget my answers" (`POST /check/forget`) deletes the draft at once. The stop
//! and result pages put the outcome on `<main>` for machines: `data-triage` (the engine's
//! triage word) and `data-findings` (the fired rule ids, in the assessment's order,
//! space-separated; on the stop page, the settled emergencies).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use lumbar_core::screening::questions::{Input, Question};
use lumbar_core::screening::{Answers, Assessment, Ruleset, Triage};

use crate::check_flow::{self, FormValues, Nav, Outcome, Problem, Progress};
use crate::content::{self, CAN_AND_CANNOT};
use crate::cookies;
use crate::csrf::CsrfToken;
use crate::draft::{self, Flash};
use crate::error::AppError;
use crate::i18n::{Arg, LANG_COOKIE, Lang};
use crate::routes::Shared;
use crate::views::{Chrome, Cite, Statement};

/// The id of the form of a step (the language switch submits it, keeping what was typed).
const FORM_ID: &str = "check-form";

/// The check routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/check", get(first_step).post(submit))
        .route("/check/{page}", get(page))
        .route("/check/mistake", post(mistake))
        .route("/check/forget", post(forget))
}

/// The draft cookie as read from a request.
pub(crate) enum DraftRead {
    /// No draft: a fresh start.
    Empty,
    /// A draft that does not open (expired, from another server secret, changed): refused,
    /// and the person is told their earlier answers are gone.
    Unreadable,
    /// The answers so far, and the flash for the next step page.
    Found(Box<Progress>, Option<Flash>),
}

impl DraftRead {
    /// The answers (none when there is no usable draft).
    pub(crate) fn progress(&self) -> Progress {
        match self {
            DraftRead::Found(p, _) => (**p).clone(),
            _ => Progress::default(),
        }
    }
}

/// Reads the sealed draft of the check from the request's cookies.
pub(crate) fn read_draft(shared: &Shared, headers: &HeaderMap) -> DraftRead {
    let Some(text) = cookies::get(headers, draft::COOKIE).filter(|t| !t.is_empty()) else {
        return DraftRead::Empty;
    };
    let now = shared.state.config.clock.unix_secs();
    match shared.sealer.open(draft::PURPOSE, now, draft::LIFETIME_SECS, text) {
        Ok(bytes) => match draft::decode_draft(&shared.state.ruleset, &bytes) {
            Ok((p, flash)) => DraftRead::Found(Box::new(p), flash),
            Err(_) => DraftRead::Unreadable,
        },
        Err(_) => DraftRead::Unreadable,
    }
}

/// The `Set-Cookie` that keeps these answers (and the flash) for the next page.
pub(crate) fn save_draft(shared: &Shared, p: &Progress, flash: Option<&Flash>) -> HeaderValue {
    let now = shared.state.config.clock.unix_secs();
    let sealed = shared.sealer.seal(draft::PURPOSE, now, &draft::encode_draft(&shared.state.ruleset, p, flash));
    cookies::set(
        draft::COOKIE,
        &sealed,
        draft::LIFETIME_SECS,
        cookies::SameSite::Strict,
        shared.state.config.secure_cookies,
    )
}

/// The `Set-Cookie` that deletes the draft.
pub(crate) fn clear_draft(shared: &Shared) -> HeaderValue {
    cookies::set(draft::COOKIE, "", 0, cookies::SameSite::Strict, shared.state.config.secure_cookies)
}

/// The address of a step page (`/check` for the first).
pub(crate) fn step_href(group: usize) -> String {
    if group == 0 { "/check".to_owned() } else { format!("/check/{}", group + 1) }
}

/// A `303 See Other` to `location` with these cookies.
fn see_other(location: &str, cookies: Vec<HeaderValue>) -> Response {
    let mut resp = Redirect::to(location).into_response();
    for c in cookies {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

/// Where the answers so far lead when a page cannot be shown on them: the stop page when an
/// emergency is settled, else the first step with a question left, else the result.
pub(crate) fn where_answers_lead(rs: &Ruleset, p: &Progress) -> String {
    if !rs.emergencies_settled(&p.answered).is_empty() {
        return "/check/stop".to_owned();
    }
    let q = &rs.questionnaire;
    match check_flow::first_incomplete(q, p, q.groups.len()) {
        Some(g) => step_href(g),
        None => "/check/result".to_owned(),
    }
}

async fn first_step(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    // `?retake=1`: sent from a plan's log when something changed since the saved check
    show_step(&shared, lang, &csrf, &headers, 0, query.as_deref() == Some("retake=1"))
}

/// `GET /check/{n}` (a step, 1-based), `/check/stop`, `/check/result`.
async fn page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    thanks: crate::routes::feedback::Thanks,
    Path(page): Path<String>,
) -> Result<Response, AppError> {
    match page.as_str() {
        "stop" => Ok(show_stop(&shared, lang, &csrf, &headers)),
        "result" => Ok(show_result(&shared, lang, &csrf, &headers, thanks.0)),
        n => {
            let n: usize = n.parse().map_err(|_| AppError::NotFound)?;
            if n == 0 || n > shared.state.ruleset.questionnaire.groups.len() {
                return Err(AppError::NotFound);
            }
            if n == 1 {
                return Ok(see_other("/check", Vec::new()));
            }
            Ok(show_step(&shared, lang, &csrf, &headers, n - 1, false))
        }
    }
}

fn show_step(
    shared: &Shared,
    lang: Lang,
    csrf: &CsrfToken,
    headers: &HeaderMap,
    group: usize,
    retake: bool,
) -> Response {
    let rs = &shared.state.ruleset;
    let q = &rs.questionnaire;
    let read = read_draft(shared, headers);
    let p = read.progress();
    let unreadable = matches!(read, DraftRead::Unreadable);
    if !unreadable {
        // Only the steps before this one must be complete. A settled emergency does not
        // keep a person off a step (Back from the stop page, "Start the check" again): the
        // step shows the answers, and posting it stops the check again.
        let blocked = group > 0 && check_flow::first_incomplete(q, &p, group - 1).is_some();
        if blocked {
            return see_other(&where_answers_lead(rs, &p), Vec::new());
        }
        if check_flow::shown(q, &p, group).is_empty() {
            let next = (group + 1..q.groups.len()).find(|&g| !check_flow::shown(q, &p, g).is_empty());
            return see_other(&next.map_or_else(|| "/check/result".to_owned(), step_href), Vec::new());
        }
    }
    let flash = match read {
        DraftRead::Found(_, Some(f)) if f.group == group => f,
        _ => Flash { group, ..Flash::default() },
    };
    let path = step_href(group);
    let mut c = Chrome::new(&shared.i18n, lang, &path, "check");
    c.switch_form = Some(FORM_ID);
    let raw: HashMap<usize, String> = flash.raw.iter().cloned().collect();
    let mut page = step_page(c, rs, csrf, group, &p, &flash.errors, &raw, &flash.added);
    page.review = flash.review;
    page.none_checked = flash.none;
    page.expired = unreadable;
    page.retake = retake;
    let mut resp = page.into_response();
    if unreadable {
        resp.headers_mut().append(header::SET_COOKIE, clear_draft(shared));
    }
    resp
}

async fn submit(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let rs = &shared.state.ruleset;
    let form = FormValues::strict(pairs).map_err(|_| AppError::BadForm)?;
    let step: usize = form.get("step").and_then(|s| s.parse().ok()).ok_or(AppError::BadForm)?;
    if step >= rs.questionnaire.groups.len() {
        return Err(AppError::BadForm);
    }
    if !matches!(form.get(check_flow::NONE), None | Some("1")) {
        return Err(AppError::BadForm);
    }
    let (nav, switch_to) = match form.get("nav").unwrap_or("next") {
        "next" => (Nav::Next, None),
        "back" => (Nav::Back, None),
        other => match other.strip_prefix("lang:").and_then(Lang::from_tag) {
            Some(l) => (Nav::Stay, Some(l)),
            None => return Err(AppError::BadForm),
        },
    };
    let read = read_draft(&shared, &headers);
    let expired = matches!(read, DraftRead::Unreadable);
    let outcome = check_flow::advance(rs, read.progress(), step, nav, &form);
    let (location, progress, flash) = match outcome {
        Outcome::Step { group, progress, errors, raw, added, none } => {
            let flash = Flash { group, errors, raw: raw.into_iter().collect(), added, review: false, none, expired };
            (step_href(group), progress, Some(flash).filter(|f| *f != Flash { group, ..Flash::default() }))
        }
        Outcome::Stop { progress, .. } => ("/check/stop".to_owned(), progress, None),
        Outcome::Result { progress, .. } => ("/check/result".to_owned(), progress, None),
    };
    let mut cookies = vec![save_draft(&shared, &progress, flash.as_ref())];
    if let Some(l) = switch_to {
        cookies.push(cookies::set(
            LANG_COOKIE,
            l.code(),
            365 * 24 * 3600,
            cookies::SameSite::Lax,
            shared.state.config.secure_cookies,
        ));
    }
    Ok(see_other(&location, cookies))
}

/// "I answered this by mistake" on the stop page: the answers without those the emergency
/// rests on ([`check_flow::mistaken`]), back to the step that asks them.
async fn mistake(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let rs = &shared.state.ruleset;
    let p = read_draft(&shared, &headers).progress();
    let rules: Vec<String> = rs.emergencies_settled(&p.answered).iter().map(|r| r.id.clone()).collect();
    if rules.is_empty() {
        return see_other(&where_answers_lead(rs, &p), Vec::new());
    }
    let (cleared, step) = check_flow::mistaken(rs, &rules, &p);
    let flash = Flash { group: step, review: true, ..Flash::default() };
    see_other(&step_href(step), vec![save_draft(&shared, &cleared, Some(&flash))])
}

/// "Forget my answers": the draft is deleted at once; back to the start of the check.
async fn forget(State(shared): State<Arc<Shared>>) -> Response {
    see_other("/check?forgotten=1", vec![clear_draft(&shared)])
}

fn show_stop(shared: &Shared, lang: Lang, csrf: &CsrfToken, headers: &HeaderMap) -> Response {
    let rs = &shared.state.ruleset;
    let p = read_draft(shared, headers).progress();
    let rules: Vec<String> = rs.emergencies_settled(&p.answered).iter().map(|r| r.id.clone()).collect();
    if rules.is_empty() {
        return see_other(&where_answers_lead(rs, &p), Vec::new());
    }
    let c = Chrome::new(&shared.i18n, lang, "/check/stop", "check");
    let findings = rules.iter().filter_map(|id| rs.rule(id)).map(|r| finding_view(&c, rs, r)).collect();
    StopPage {
        csrf: csrf.0.clone(),
        findings,
        triage: serde_plain(&Triage::Emergency),
        finding_ids: rules.join(" "),
        c,
    }
    .into_response()
}

/// The finished answers of a draft, when the check is complete and nothing is settled.
pub(crate) fn finished_answers(rs: &Ruleset, p: &Progress) -> Option<Answers> {
    if !rs.emergencies_settled(&p.answered).is_empty() {
        return None;
    }
    check_flow::finished_progress(rs, p).ok()
}

fn show_result(shared: &Shared, lang: Lang, csrf: &CsrfToken, headers: &HeaderMap, thanks: bool) -> Response {
    let rs = &shared.state.ruleset;
    let p = read_draft(shared, headers).progress();
    let Some(answers) = finished_answers(rs, &p) else {
        return see_other(&where_answers_lead(rs, &p), Vec::new());
    };
    let assessment = rs.assess(&answers);
    let mut c = Chrome::new(&shared.i18n, lang, "/check/result", "check");
    c.feedback_thanks = thanks;
    let last = rs.questionnaire.groups.len().saturating_sub(1);
    result_page(c, rs, csrf, &assessment, step_href(last)).into_response()
}

/// A text from the rule set's catalogue, or its translation when the page language has
/// one (`lang` is `Some("en")` when the English text is shown on a non-English page).
pub(crate) fn catalogue(c: &Chrome<'_>, key: &str, english: &str) -> (String, Option<&'static str>) {
    if !c.foreign() {
        (english.to_owned(), None)
    } else if c.tr.has(key) {
        (c.t(key), None)
    } else {
        (english.to_owned(), Some("en"))
    }
}

fn key_of(path: &str) -> String {
    path.replace('.', "-")
}

/// One answer option.
pub(crate) struct OptionView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub label_lang: Option<&'static str>,
    pub checked: bool,
    /// Choosing it reveals the question's follow-ups on the same page.
    pub reveals: bool,
}

/// One question on a step page.
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
    optional: bool,
    added: bool,
    describedby: String,
    /// Follow-ups of this question come right after it, in a block revealed by an option
    /// marked `reveals` (CSS only; shown from the start when they already apply).
    opens: bool,
    /// The follow-up block after this question applies already.
    open_now: bool,
    /// Follow-up blocks to close after this question.
    closes: Vec<()>,
    /// In a checklist: the answer "None of these" gives (`data-none`, for tests and tools).
    none_word: String,
}

/// A run of questions on a step page: a checklist under "None of these apply to me", or
/// questions answered one by one.
struct Block {
    checklist: bool,
    /// The checklist is the whole page: "None of these" is a button that also continues.
    none_button: bool,
    questions: Vec<QuestionView>,
}

/// A link in the error summary.
struct ErrorLink {
    href: String,
    question: String,
    question_lang: Option<&'static str>,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "check_step.html")]
struct StepPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    step: usize,
    number: usize,
    total: usize,
    title: String,
    title_lang: Option<&'static str>,
    intro: String,
    intro_lang: Option<&'static str>,
    blocks: Vec<Block>,
    asked: String,
    errors: Vec<ErrorLink>,
    added: bool,
    /// Shown again from the stop page: the cleared questions wait for an answer.
    review: bool,
    /// "None of these" was chosen when the page was last sent.
    none_checked: bool,
    /// The draft could not be read (expired or from another server): start again.
    expired: bool,
    /// Sent from a plan's log because something changed: the whole check first.
    retake: bool,
    first: bool,
    last: bool,
}

impl StepPage<'_> {
    fn progress_text(&self) -> String {
        self.c.tn2("check-progress", "current", self.number, "total", self.total)
    }
}

fn problem_text(c: &Chrome<'_>, question: &Question, problem: &Problem) -> String {
    match problem {
        Problem::Missing => match question.input {
            Input::YesNo | Input::Choice => c.t("check-error-choose"),
            Input::Scale => c.t("check-error-scale"),
            Input::Number => match question.target.kind() {
                lumbar_core::screening::fields::FieldKind::Int { min, max } => {
                    c.tn2("check-error-number-missing", "min", min as usize, "max", max as usize)
                }
                _ => c.t("check-error-choose"),
            },
            Input::Duration => c.t("check-error-duration-missing"),
        },
        Problem::NotAnOption => c.t("check-error-choose"),
        Problem::Number { min, max } => c.tn2("check-error-number", "min", *min as usize, "max", *max as usize),
        Problem::DurationNumber => c.t("check-error-duration-number"),
        Problem::DurationUnit => c.t("check-error-duration-unit"),
        Problem::DurationRange => c.t("check-error-duration-range"),
        Problem::Contract(text) => text.clone(),
        Problem::NoneConflict => c.t("check-error-none-conflict"),
    }
}

#[expect(clippy::too_many_arguments, reason = "one call site; the parts of a step page")]
fn step_page<'a>(
    c: Chrome<'a>,
    rs: &Ruleset,
    csrf: &CsrfToken,
    group: usize,
    p: &Progress,
    errors: &[(usize, Problem)],
    raw: &HashMap<usize, String>,
    added: &[usize],
) -> StepPage<'a> {
    let q = &rs.questionnaire;
    let rendered = check_flow::rendered(q, p, group);
    let now = check_flow::shown(q, p, group);
    let g = &q.groups[group];
    let (title, title_lang) = catalogue(&c, &format!("g-{}-title", g.id), &g.title);
    let (intro, intro_lang) = catalogue(&c, &format!("g-{}-intro", g.id), &g.intro);
    // a follow-up belongs to the block of the question it hangs on
    let in_checklist = |i: usize| {
        let mut at = i;
        loop {
            if q.questions[at].none_of_these.is_some() {
                return true;
            }
            match check_flow::trigger(q, at) {
                Some(t) => at = t,
                None => return false,
            }
        }
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut links = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for &i in &rendered {
        let question = &q.questions[i];
        let checklist = in_checklist(i);
        if blocks.last().is_none_or(|b| b.checklist != checklist) {
            close_all(&mut blocks, &mut open);
            blocks.push(Block { checklist, none_button: false, questions: Vec::new() });
        }
        // close the follow-up blocks this question is not inside
        let parent = check_flow::trigger(q, i);
        while let Some(&top) = open.last() {
            let mut at = parent;
            let mut inside = false;
            while let Some(t) = at {
                if t == top {
                    inside = true;
                    break;
                }
                at = check_flow::trigger(q, t);
            }
            if inside {
                break;
            }
            open.pop();
            if let Some(v) = blocks.last_mut().and_then(|b| b.questions.last_mut()) {
                v.closes.push(());
            }
        }
        let mut view = question_view(
            &c,
            question,
            p,
            errors.iter().find(|(e, _)| *e == i).map(|(_, pr)| pr),
            raw.get(&i),
            added.contains(&i),
        );
        let followups: Vec<usize> =
            rendered.iter().copied().filter(|&f| check_flow::trigger(q, f) == Some(i)).collect();
        if !followups.is_empty() {
            view.opens = true;
            view.open_now = followups.iter().any(|f| now.contains(f));
            for o in &mut view.options {
                let value = check_flow::decode(question.target, &o.value);
                o.reveals = value.is_some_and(|v| followups.iter().any(|&f| check_flow::reveals(q, p, f, v)));
            }
            open.push(i);
        }
        if let Some(message) = &view.error {
            links.push(ErrorLink {
                href: format!("#{}", view.id),
                question: view.text.clone(),
                question_lang: view.text_lang,
                message: message.clone(),
            });
        }
        if let Some(b) = blocks.last_mut() {
            b.questions.push(view);
        }
    }
    close_all(&mut blocks, &mut open);
    if let [only] = &mut blocks[..] {
        only.none_button = only.checklist;
    }
    let total = q.groups.len();
    StepPage {
        csrf: csrf.0.clone(),
        step: group,
        number: group + 1,
        total,
        title,
        title_lang,
        intro,
        intro_lang,
        asked: rendered.iter().map(|&i| q.questions[i].target.path()).collect::<Vec<_>>().join(","),
        errors: links,
        added: !added.is_empty(),
        review: false,
        none_checked: false,
        expired: false,
        retake: false,
        first: group == 0,
        last: group + 1 == total,
        blocks,
        c,
    }
}

/// Closes every open follow-up block after the last question of the last block.
fn close_all(blocks: &mut [Block], open: &mut Vec<usize>) {
    if let Some(v) = blocks.last_mut().and_then(|b| b.questions.last_mut()) {
        v.closes.extend(open.iter().map(|_| ()));
    }
    open.clear();
}

fn question_view(
    c: &Chrome<'_>,
    question: &Question,
    p: &Progress,
    problem: Option<&Problem>,
    raw: Option<&String>,
    added: bool,
) -> QuestionView {
    let path = question.target.path();
    let key = format!("q-{}", key_of(&path));
    let id = format!("q-{}", path.replace('.', "-"));
    let (text, text_lang) = catalogue(c, &key, &question.text);
    let (help, help_lang) = match &question.help {
        Some(h) => {
            let (t, l) = catalogue(c, &format!("{key}-help"), h);
            (Some(t), l)
        }
        None => (None, None),
    };
    let current = p.get(question.target);
    let error = problem.map(|pr| problem_text(c, question, pr));
    let mut describedby = Vec::new();
    if help.is_some() {
        describedby.push(format!("{id}-help"));
    }
    if error.is_some() {
        describedby.push(format!("{id}-error"));
    }
    let mut view = QuestionView {
        id: id.clone(),
        name: path.clone(),
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
        optional: !check_flow::required(question),
        added,
        describedby: describedby.join(" "),
        opens: false,
        open_now: false,
        closes: Vec::new(),
        none_word: question.none_of_these.map(|v| check_flow::encode(question.target, v)).unwrap_or_default(),
    };
    let w = widget(c, question, &key, &id, current, raw);
    (view.widget, view.options, view.value, view.min, view.max) = (w.widget, w.options, w.value, w.min, w.max);
    view
}

/// How a question is answered on a page: its widget, options, typed value and bounds. The
/// check's step pages and the plan's re-screen draw questions the same way.
pub(crate) struct Widget {
    pub widget: &'static str,
    pub options: Vec<OptionView>,
    pub value: String,
    pub min: i64,
    pub max: i64,
}

/// The [`Widget`] of `question` (ids from `id`, catalogue texts from `key`), showing
/// `current`, or `raw` when what was typed did not read.
pub(crate) fn widget(
    c: &Chrome<'_>,
    question: &Question,
    key: &str,
    id: &str,
    current: Option<f64>,
    raw: Option<&String>,
) -> Widget {
    let mut w = Widget { widget: "radios", options: Vec::new(), value: String::new(), min: 0, max: 0 };
    let option_id = |n: usize| if n == 0 { id.to_owned() } else { format!("{id}-{n}") };
    match question.input {
        Input::YesNo | Input::Choice => {
            w.options = question
                .options
                .iter()
                .enumerate()
                .map(|(n, o)| {
                    let (label, label_lang) = match (question.input, o.label.as_str()) {
                        (Input::YesNo, "Yes") => (c.t("answer-yes"), None),
                        (Input::YesNo, "No") => (c.t("answer-no"), None),
                        _ => catalogue(c, &format!("{key}-opt-{}", o.value), &o.label),
                    };
                    let checked = current.is_some_and(|v| check_flow::encode(question.target, v) == o.value);
                    OptionView { id: option_id(n), value: o.value.clone(), label, label_lang, checked, reveals: false }
                })
                .collect();
        }
        Input::Scale => {
            w.widget = "scale";
            w.options = (0..=10)
                .map(|n: usize| OptionView {
                    id: option_id(n),
                    value: n.to_string(),
                    label: n.to_string(),
                    label_lang: None,
                    checked: current.is_some_and(|v| v as usize == n),
                    reveals: false,
                })
                .collect();
        }
        Input::Number => {
            w.widget = "number";
            if let lumbar_core::screening::fields::FieldKind::Int { min, max } = question.target.kind() {
                w.min = min;
                w.max = max;
            }
            w.value = match (raw, current) {
                (Some(r), _) => r.clone(),
                (None, Some(v)) => format!("{}", v as i64),
                (None, None) => String::new(),
            };
        }
        Input::Duration => {
            w.widget = "duration";
            w.value = match (raw, current) {
                (Some(r), _) => r.clone(),
                (None, Some(v)) => c.ts("check-duration-value", "weeks", &format_number(c, v)),
                (None, None) => String::new(),
            };
        }
    }
    w
}

/// A number as the page language writes it (decimal comma in Spanish).
fn format_number(c: &Chrome<'_>, v: f64) -> String {
    let s = format!("{v}");
    if c.tr.lang == Lang::Es { s.replace('.', ",") } else { s }
}

/// A finding on the stop or result page.
struct FindingView {
    id: String,
    kind: &'static str,
    level_label: String,
    title: String,
    explanation: String,
    action: String,
    cites: Vec<Cite>,
}

fn level_key(level: Option<Triage>) -> &'static str {
    match level {
        Some(t) => t.as_str(),
        None => "note",
    }
}

fn finding_view(c: &Chrome<'_>, rs: &Ruleset, rule: &lumbar_core::screening::Rule) -> FindingView {
    FindingView {
        id: rule.id.clone(),
        kind: rule.kind.as_str(),
        level_label: c.t(&format!("level-{}", level_key(rule.level).replace('_', "-"))),
        title: rule.title_in(c.tr.lang.text_lang()).to_owned(),
        explanation: rule.explanation_in(c.tr.lang.text_lang()).to_owned(),
        action: rule.action_in(c.tr.lang.text_lang()).to_owned(),
        cites: Cite::from_indexes(rs, &rule.sources),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "check_stop.html")]
struct StopPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    findings: Vec<FindingView>,
    /// `data-triage` on `<main>`: always `emergency`.
    triage: String,
    /// `data-findings` on `<main>`: the settled emergency rules, space-separated.
    finding_ids: String,
}

/// A precaution with what the therapist is told.
struct PrecautionView {
    label: String,
    for_therapist: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "check_result.html")]
struct ResultPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    /// The last step, to change answers.
    change_href: String,
    triage: &'static str,
    advisable: bool,
    verdict_heading: String,
    verdict_action: String,
    level_label: String,
    findings: Vec<FindingView>,
    notes: Vec<FindingView>,
    precautions: Vec<PrecautionView>,
    styles: Vec<String>,
    style_note: String,
    style_cites: Vec<Cite>,
    pain_now: String,
    peg: String,
    duration: String,
    safety_net: String,
    can_and_cannot: Vec<Statement>,
    next_text: String,
    ruleset_version: String,
    /// `data-triage` on `<main>`: the assessment's triage word.
    triage_word: String,
    /// `data-findings` on `<main>`: every fired rule, in the assessment's order.
    finding_ids: String,
}

fn result_page<'a>(
    c: Chrome<'a>,
    rs: &Ruleset,
    csrf: &CsrfToken,
    a: &Assessment<'_>,
    change_href: String,
) -> ResultPage<'a> {
    let triage = a.triage.as_str();
    let tkey = triage.replace('_', "-");
    let (findings, notes): (Vec<_>, Vec<_>) =
        a.finding_rules().map(|r| finding_view(&c, rs, r)).partition(|f| f.kind != "note");
    let precautions = a
        .precaution_ids()
        .filter_map(|id| rs.precaution(id))
        .map(|p| PrecautionView {
            label: p.label_in(c.tr.lang.text_lang()).to_owned(),
            for_therapist: p.for_therapist_in(c.tr.lang.text_lang()).to_owned(),
        })
        .collect();
    let styles = a.styles.iter().map(|s| c.t(&format!("style-{}", s.as_str().replace('_', "-")))).collect();
    let severity = c.t(&format!("severity-{}", serde_plain(&a.pain.severity)));
    let pain_now = c
        .tr
        .ta("result-pain-now-value", &[("now", Arg::Num(f64::from(a.pain.now))), ("severity", Arg::Text(severity))]);
    let peg = c.ts("result-peg-value", "peg", &format_number(&c, a.pain.peg));
    let duration = c.t(&format!("duration-{}", serde_plain(&a.duration)));
    let next_text =
        if a.massage_advisable_now() { c.t("result-next-find") } else { c.t(&format!("result-next-{tkey}")) };
    ResultPage {
        csrf: csrf.0.clone(),
        change_href,
        triage,
        advisable: a.massage_advisable_now(),
        verdict_heading: c.t(&format!("verdict-{tkey}-heading")),
        verdict_action: c.t(&format!("verdict-{tkey}-action")),
        level_label: c.t(&format!("level-{tkey}")),
        findings,
        notes,
        precautions,
        styles,
        style_note: if a.styles.is_empty() {
            String::new()
        } else {
            c.tr.lang.text_lang().pick(&rs.style_note, &rs.style_note_es).to_owned()
        },
        style_cites: if a.styles.is_empty() { Vec::new() } else { Cite::from_indexes(rs, &rs.style_sources) },
        pain_now,
        peg,
        duration,
        safety_net: c.tr.lang.text_lang().pick(&rs.safety_net, &rs.safety_net_es).to_owned(),
        can_and_cannot: content::statements(&c.tr, rs, CAN_AND_CANNOT),
        next_text,
        ruleset_version: rs.version.clone(),
        triage_word: serde_plain(&a.triage),
        finding_ids: a.finding_rules().map(|r| r.id.as_str()).collect::<Vec<_>>().join(" "),
        c,
    }
}

/// The contract word of a unit enum (`mild`, `subacute`).
pub(crate) fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every catalogue key of a language names a real group, question or option, and a
    /// translated question is translated whole (help and every option label).
    #[test]
    fn catalogue_translations_match_the_catalogue() {
        let rs = match Ruleset::shipped() {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let i18n = crate::i18n::I18n::load();
        let q = &rs.questionnaire;
        let mut known = std::collections::HashSet::new();
        for g in &q.groups {
            known.insert(format!("g-{}-title", g.id));
            known.insert(format!("g-{}-intro", g.id));
        }
        for question in &q.questions {
            let key = format!("q-{}", key_of(&question.target.path()));
            known.insert(key.clone());
            known.insert(format!("{key}-help"));
            for o in &question.options {
                known.insert(format!("{key}-opt-{}", o.value));
            }
        }
        for lang in Lang::ALL {
            let has = |k: &str| i18n.message(lang, k, &[]).is_some();
            for (k, _) in i18n.keys(lang) {
                if k.starts_with("q-") || k.starts_with("g-") {
                    assert!(known.contains(k), "{}: `{k}` is not in the catalogue", lang.code());
                }
            }
            for question in &q.questions {
                let key = format!("q-{}", key_of(&question.target.path()));
                if !has(&key) {
                    continue;
                }
                if question.help.is_some() {
                    assert!(has(&format!("{key}-help")), "{}: {key} lacks its help", lang.code());
                }
                if question.input != Input::YesNo {
                    for o in &question.options {
                        assert!(
                            has(&format!("{key}-opt-{}", o.value)),
                            "{}: {key} lacks option {}",
                            lang.code(),
                            o.value
                        );
                    }
                }
            }
        }
        // Spanish translates the whole catalogue.
        for question in &q.questions {
            let key = format!("q-{}", key_of(&question.target.path()));
            assert!(i18n.message(Lang::Es, &key, &[]).is_some(), "es lacks {key}");
        }
        for g in &q.groups {
            assert!(i18n.message(Lang::Es, &format!("g-{}-title", g.id), &[]).is_some(), "es lacks group {}", g.id);
        }
    }

    #[test]
    fn keys_are_fluent_identifiers() {
        let rs = match Ruleset::shipped() {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        for q in &rs.questionnaire.questions {
            let k = format!("q-{}", key_of(&q.target.path()));
            assert!(k.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'), "{k}");
        }
    }
}
