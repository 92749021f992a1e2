//! `/check`: the safety check in the browser — one step per question group, the stop page
//! when an emergency is settled, and the result page. The decisions are in
//! [`crate::check_flow`]; this module reads the form and builds the pages.
//!
//! Every page of the check is a `POST` response marked `Cache-Control: no-store`; the
//! answers live only in the form's hidden fields.
//!
//! The stop page opens with a `tel:911` link, and offers "I answered this by mistake": a
//! form carrying the answers without those the emergency rests on
//! ([`check_flow::mistaken`]) back to the step that asks them, so the person answers them
//! again. The stop and result pages put the outcome on `<main>` for machines:
//! `data-triage` (the engine's triage word) and `data-findings` (the fired rule ids, in
//! the assessment's order, space-separated; on the stop page, the settled emergencies).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lumbar_core::screening::questions::{Input, Question};
use lumbar_core::screening::{Assessment, Ruleset, Triage};

use crate::check_flow::{self, CARRY, FormValues, Nav, Outcome, Problem, Progress};
use crate::content::{self, CAN_AND_CANNOT};
use crate::cookies;
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::{Arg, LANG_COOKIE, Lang};
use crate::routes::Shared;
use crate::views::{Chrome, Cite, Statement};

/// The id of the form that carries the check's state (the language switch submits it).
const FORM_ID: &str = "check-form";

/// The `nav` value of the stop page's "I answered this by mistake": back to the question,
/// unanswered, with the other answers kept.
const NAV_REVIEW: &str = "review";

/// The check routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/check", get(start).post(submit))
}

async fn start(State(shared): State<Arc<Shared>>, lang: Lang, csrf: CsrfToken) -> Response {
    let outcome = check_flow::start(&shared.state.ruleset);
    render(&shared, lang, &csrf, outcome, false)
}

async fn submit(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let rs = &shared.state.ruleset;
    let form = FormValues::new(pairs);
    let step: usize = form.get("step").and_then(|s| s.parse().ok()).ok_or(AppError::BadForm)?;
    if step > rs.questionnaire.groups.len() {
        return Err(AppError::BadForm);
    }
    let (nav, switch_to) = match form.get("nav").unwrap_or("next") {
        "next" => (Nav::Next, None),
        "back" => (Nav::Back, None),
        NAV_REVIEW => (Nav::Stay, None),
        other => match other.strip_prefix("lang:").and_then(Lang::from_tag) {
            Some(l) => (Nav::Stay, Some(l)),
            None => return Err(AppError::BadForm),
        },
    };
    let progress = check_flow::carried(&rs.questionnaire, &form).map_err(|_| AppError::BadForm)?;
    let outcome = check_flow::advance(rs, progress, step, nav, &form);
    let review = form.get("nav") == Some(NAV_REVIEW);
    let mut resp = render(&shared, switch_to.unwrap_or(lang), &csrf, outcome, review);
    if let Some(l) = switch_to {
        let cookie = cookies::set(
            LANG_COOKIE,
            l.code(),
            365 * 24 * 3600,
            cookies::SameSite::Lax,
            shared.state.config.secure_cookies,
        );
        resp.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(resp)
}

/// The page for an outcome; `review` marks a step shown again from the stop page's "I
/// answered this by mistake".
fn render(shared: &Shared, lang: Lang, csrf: &CsrfToken, outcome: Outcome, review: bool) -> Response {
    let rs = &shared.state.ruleset;
    let mut c = Chrome::new(&shared.i18n, lang, "/check", "check");
    c.switch_form = Some(FORM_ID);
    match outcome {
        Outcome::Step { group, progress, errors, raw, added } => {
            let mut page = step_page(c, rs, csrf, group, &progress, &errors, &raw, &added);
            page.review = review;
            page.into_response()
        }
        Outcome::Stop { rules, progress, step } => {
            let findings = rules.iter().filter_map(|id| rs.rule(id)).map(|r| finding_view(&c, rs, r)).collect();
            let (cleared, mistake_step) = check_flow::mistaken(rs, &rules, &progress);
            StopPage {
                hidden: hidden_fields(rs, &progress, &[]),
                step,
                csrf: csrf.0.clone(),
                findings,
                triage: serde_plain(&Triage::Emergency),
                finding_ids: rules.join(" "),
                mistake_hidden: hidden_fields(rs, &cleared, &[]),
                mistake_step,
                c,
            }
            .into_response()
        }
        Outcome::Result { answers, progress } => {
            let assessment = rs.assess(&answers);
            let hidden = hidden_fields(rs, &progress, &[]);
            result_page(c, rs, csrf, &assessment, hidden).into_response()
        }
    }
}

/// Hidden `ans.<field>` inputs for every answer except the questions shown on the page.
fn hidden_fields(rs: &Ruleset, p: &Progress, visible: &[usize]) -> Vec<(String, String)> {
    rs.questionnaire
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| !visible.contains(i))
        .filter_map(|(_, q)| {
            p.get(q.target).map(|v| (format!("{CARRY}{}", q.target.path()), check_flow::encode(q.target, v)))
        })
        .collect()
}

/// A text from the rule set's catalogue, or its translation when the page language has
/// one (`lang` is `Some("en")` when the English text is shown on a non-English page).
fn catalogue(c: &Chrome<'_>, key: &str, english: &str) -> (String, Option<&'static str>) {
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
struct OptionView {
    id: String,
    value: String,
    label: String,
    label_lang: Option<&'static str>,
    checked: bool,
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
    questions: Vec<QuestionView>,
    hidden: Vec<(String, String)>,
    asked: String,
    errors: Vec<ErrorLink>,
    added: bool,
    /// Shown again from the stop page: the cleared questions wait for an answer.
    review: bool,
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
    let shown = check_flow::shown(q, p, group);
    let g = &q.groups[group];
    let (title, title_lang) = catalogue(&c, &format!("g-{}-title", g.id), &g.title);
    let (intro, intro_lang) = catalogue(&c, &format!("g-{}-intro", g.id), &g.intro);
    let mut questions = Vec::new();
    let mut links = Vec::new();
    for &i in &shown {
        let question = &q.questions[i];
        let view = question_view(
            &c,
            question,
            p,
            errors.iter().find(|(e, _)| *e == i).map(|(_, pr)| pr),
            raw.get(&i),
            added.contains(&i),
        );
        if let Some(message) = &view.error {
            links.push(ErrorLink {
                href: format!("#{}", view.id),
                question: view.text.clone(),
                question_lang: view.text_lang,
                message: message.clone(),
            });
        }
        questions.push(view);
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
        hidden: hidden_fields(rs, p, &shown),
        asked: shown.iter().map(|&i| q.questions[i].target.path()).collect::<Vec<_>>().join(","),
        errors: links,
        added: !added.is_empty(),
        review: false,
        first: group == 0,
        last: group + 1 == total,
        questions,
        c,
    }
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
    };
    let option_id = |n: usize| if n == 0 { id.clone() } else { format!("{id}-{n}") };
    match question.input {
        Input::YesNo | Input::Choice => {
            view.options = question
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
                    OptionView { id: option_id(n), value: o.value.clone(), label, label_lang, checked }
                })
                .collect();
        }
        Input::Scale => {
            view.widget = "scale";
            view.options = (0..=10)
                .map(|n: usize| OptionView {
                    id: option_id(n),
                    value: n.to_string(),
                    label: n.to_string(),
                    label_lang: None,
                    checked: current.is_some_and(|v| v as usize == n),
                })
                .collect();
        }
        Input::Number => {
            view.widget = "number";
            if let lumbar_core::screening::fields::FieldKind::Int { min, max } = question.target.kind() {
                view.min = min;
                view.max = max;
            }
            view.value = match (raw, current) {
                (Some(r), _) => r.clone(),
                (None, Some(v)) => format!("{}", v as i64),
                (None, None) => String::new(),
            };
        }
        Input::Duration => {
            view.widget = "duration";
            view.value = match (raw, current) {
                (Some(r), _) => r.clone(),
                (None, Some(v)) => c.ts("check-duration-value", "weeks", &format_number(c, v)),
                (None, None) => String::new(),
            };
        }
    }
    view
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
    step: usize,
    hidden: Vec<(String, String)>,
    findings: Vec<FindingView>,
    /// `data-triage` on `<main>`: always `emergency`.
    triage: String,
    /// `data-findings` on `<main>`: the settled emergency rules, space-separated.
    finding_ids: String,
    /// "I answered this by mistake": the answers without those the emergency rests on…
    mistake_hidden: Vec<(String, String)>,
    /// …and the step that asks them again.
    mistake_step: usize,
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
    step: usize,
    hidden: Vec<(String, String)>,
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
    hidden: Vec<(String, String)>,
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
        step: rs.questionnaire.groups.len(),
        hidden,
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
