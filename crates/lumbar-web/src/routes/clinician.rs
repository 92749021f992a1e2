//! `GET /clinician-summary`: "See a clinician first" ends with help — a one-page printable
//! summary to take to a doctor or physical therapist, for a result where massage is not
//! advisable now (see a clinician first, or urgent; an emergency has its own stop page).
//!
//! It says what the check found in clinical terms (each finding's title and the answers
//! behind it), what to ask the clinician about massage, and where to find a therapist later,
//! once a clinician agrees. As with the intake summary, the answers come from the browser's
//! sealed draft of a finished check and are assessed again here; nothing is stored, logged or
//! put in a URL. A result where massage is advisable now gets no summary here, only the way back.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lumbar_core::screening::fields::FieldKind;
use lumbar_core::screening::questions::{Input, Question, Target};
use lumbar_core::screening::{Answers, Field, Rule, Ruleset, Triage};

use crate::check_flow;
use crate::csrf::CsrfToken;
use crate::i18n::Lang;
use crate::routes::Shared;
use crate::routes::check::catalogue;
use crate::routes::find::FinishedCheck;
use crate::views::Chrome;

/// The route.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/clinician-summary", get(show))
}

/// One answer behind a finding: the question and what the person said.
struct AnswerLine {
    question: String,
    /// `en` when the question has no translation in the page language.
    question_lang: Option<&'static str>,
    answer: String,
    answer_lang: Option<&'static str>,
}

/// One finding: its title and the answers behind it.
struct FindingLine {
    title: String,
    answers: Vec<AnswerLine>,
}

#[derive(Template, WebTemplate)]
#[template(path = "clinician.html")]
struct ClinicianPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    /// Massage is not advisable now (else there is no summary).
    applies: bool,
    level: String,
    clinician_text: String,
    findings: Vec<FindingLine>,
    ruleset_version: String,
}

async fn show(State(shared): State<Arc<Shared>>, lang: Lang, csrf: CsrfToken, headers: HeaderMap) -> Response {
    let rs = &shared.state.ruleset;
    let FinishedCheck { answers, assessment: a, screening, chrome: c } =
        match FinishedCheck::read(&shared, lang, &headers, "/clinician-summary") {
            Ok(f) => f,
            Err(redirect) => return *redirect,
        };
    let applies = matches!(a.triage, Triage::SeeProviderFirst | Triage::UrgentMedical);
    let findings = if applies {
        a.finding_rules().filter(|r| r.level.is_some()).map(|r| finding_line(&c, rs, &answers, r)).collect()
    } else {
        Vec::new()
    };
    let page = ClinicianPage {
        csrf: csrf.0.clone(),
        applies,
        level: c.t(&format!("clinician-level-{}", a.triage.as_str().replace('_', "-"))),
        clinician_text: if applies { screening.clinician_text(&c) } else { String::new() },
        findings,
        ruleset_version: rs.version.clone(),
        c,
    };
    page.into_response()
}

/// The answer fields a rule reads, through the rules it refers to, in question order;
/// derived fields stand for the answers they are computed from.
fn fields_of(rs: &Ruleset, rule: &Rule) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut rules = vec![rule];
    let mut seen = 0;
    while seen < rules.len() {
        let r = rules[seen];
        seen += 1;
        r.when.fields(&mut fields);
        let mut refs = Vec::new();
        r.when.rule_refs(&mut refs);
        for i in refs {
            if let Some(other) = rs.rules.get(i)
                && !rules.iter().any(|x| std::ptr::eq(*x, other))
            {
                rules.push(other);
            }
        }
    }
    let by_name = |name: &str| {
        rs.questionnaire.questions.iter().find_map(|q| match q.target {
            Target::Answer(f) if f.name() == name => Some(f),
            _ => None,
        })
    };
    let mut answers = Vec::new();
    for f in fields {
        let names: &[&str] = match f.name() {
            "onset_age" => &["age", "duration_weeks"],
            "spread" => &["pain_spread_left", "pain_spread_right"],
            _ => &[],
        };
        if names.is_empty() {
            answers.push(f);
        } else {
            answers.extend(names.iter().filter_map(|n| by_name(n)));
        }
    }
    answers.sort_by_key(|f| {
        rs.questionnaire.questions.iter().position(|q| q.target == Target::Answer(*f)).unwrap_or(usize::MAX)
    });
    answers.dedup();
    answers
}

/// A finding's title and the answers behind it. A "no" to a yes/no question is left out:
/// it is never what raised a finding worth a clinician's look.
fn finding_line(c: &Chrome<'_>, rs: &Ruleset, answers: &Answers, rule: &Rule) -> FindingLine {
    let lines = fields_of(rs, rule)
        .into_iter()
        .filter_map(|f| {
            let q = rs.questionnaire.questions.iter().find(|q| q.target == Target::Answer(f))?;
            answer_line(c, q, f, answers)
        })
        .collect();
    FindingLine { title: rule.title_in(c.tr.lang.text_lang()).to_owned(), answers: lines }
}

fn answer_line(c: &Chrome<'_>, q: &Question, f: Field, answers: &Answers) -> Option<AnswerLine> {
    let key = format!("q-{}", q.target.path().replace('.', "-"));
    let (question, question_lang) = catalogue(c, &key, &q.text);
    let v = answers.raw(f);
    let number = |x: f64| {
        let s = format!("{x}");
        if c.lang() == "es" { s.replace('.', ",") } else { s }
    };
    let (answer, answer_lang) = match q.input {
        Input::YesNo if v == 0.0 => return None,
        Input::YesNo => (c.t("answer-yes"), None),
        Input::Choice => {
            let value = check_flow::encode(q.target, v);
            let o = q.options.iter().find(|o| o.value == value)?;
            catalogue(c, &format!("{key}-opt-{}", o.value), &o.label)
        }
        Input::Scale => (c.ts("clinician-scale", "value", &number(v)), None),
        Input::Duration => (c.ts("check-duration-value", "weeks", &number(v)), None),
        Input::Number => match f.spec().kind {
            FieldKind::Bool => return None,
            _ => (number(v), None),
        },
    };
    Some(AnswerLine { question, question_lang, answer, answer_lang })
}
