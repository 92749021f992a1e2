//! The web questionnaire as a pure state machine: form fields in, the next page out.
//!
//! Nothing is stored on the server. The answers given so far come in as a [`Progress`]
//! (kept between pages in the sealed draft, [`crate::draft`]); each step posts the step it
//! shows (`step` = group index) and its visible inputs (named by field path). On each post:
//!
//! 1. the earlier answers were decoded strictly (a damaged draft is refused, never guessed)
//!    and answers to questions that no longer apply are dropped (their `when_skipped` value
//!    is filled in at the end by [`Questionnaire::complete`]);
//! 2. the visible inputs are read leniently — every valid answer counts, even when others on
//!    the page are missing or wrong;
//! 3. [`Ruleset::emergencies_settled`] runs on that: a settled emergency stops the check at
//!    once, whatever else is unanswered;
//! 4. otherwise errors re-render the step; a question that now applies because of an answer
//!    on the same page (`ask_when`) re-renders the step with it added; a complete step moves
//!    on; after the last step the answers go through [`Answers::from_values`] and are assessed.

use std::collections::HashMap;

use lumbar_core::screening::fields::{ANSWER_FIELDS, Field, FieldKind};
use lumbar_core::screening::questions::{Input, Question, Questionnaire, Target, parse_duration_weeks};
use lumbar_core::screening::{Answers, Preferences, Ruleset};

/// The answers given so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Answer fields (engine values), `None` = not answered.
    pub answered: [Option<f64>; ANSWER_FIELDS],
    /// Preference choices (indexes), `None` = not given.
    pub prefs: [Option<u8>; 3],
}

impl Default for Progress {
    fn default() -> Self {
        Progress { answered: [None; ANSWER_FIELDS], prefs: [None; 3] }
    }
}

impl Progress {
    /// The value for a question's target.
    pub fn get(&self, t: Target) -> Option<f64> {
        match t {
            Target::Answer(f) => self.answered[f as usize],
            Target::Preference(k) => self.prefs.get(k).copied().flatten().map(f64::from),
        }
    }

    /// Sets (or clears) the value for a target.
    pub fn set(&mut self, t: Target, v: Option<f64>) {
        match t {
            Target::Answer(f) => self.answered[f as usize] = v,
            Target::Preference(k) => {
                if let Some(slot) = self.prefs.get_mut(k) {
                    *slot = v.map(|x| x as u8);
                }
            }
        }
    }

    /// The preferences as the contract has them.
    pub fn preferences(&self) -> Preferences {
        Preferences { style: self.prefs[0], pressure: self.prefs[1], goal: self.prefs[2] }
    }
}

/// The text of a value, as carried in hidden fields: `true`/`false`, the contract word, or
/// the number.
pub fn encode(t: Target, v: f64) -> String {
    match t.kind() {
        FieldKind::Bool => (if v != 0.0 { "true" } else { "false" }).to_owned(),
        FieldKind::Choice(words) => words.get(v as usize).copied().unwrap_or("").to_owned(),
        FieldKind::Int { .. } => format!("{}", v as i64),
        FieldKind::Number { .. } => format!("{v}"),
    }
}

/// The value of a carried text, checked strictly against the field's type and range.
pub fn decode(t: Target, text: &str) -> Option<f64> {
    match t.kind() {
        FieldKind::Bool => match text {
            "true" => Some(1.0),
            "false" => Some(0.0),
            _ => None,
        },
        FieldKind::Choice(words) => words.iter().position(|w| *w == text).map(|i| i as f64),
        FieldKind::Int { min, max } => text.parse::<i64>().ok().filter(|n| (min..=max).contains(n)).map(|n| n as f64),
        FieldKind::Number { min, max } => text.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= min && *x <= max),
    }
}

/// The question asking a field path (`age`, `preferences.style`).
pub fn question_for_path<'q>(q: &'q Questionnaire, path: &str) -> Option<(usize, &'q Question)> {
    q.questions.iter().enumerate().find(|(_, question)| question.target.path() == path)
}

/// The submitted form, by field name (the last value wins).
#[derive(Clone, Debug, Default)]
pub struct FormValues(HashMap<String, String>);

impl FormValues {
    /// From decoded pairs (the last value of a repeated name wins: for forms whose
    /// fields are not health answers).
    pub fn new(pairs: Vec<(String, String)>) -> FormValues {
        FormValues(pairs.into_iter().collect())
    }

    /// From decoded pairs, refusing a name given twice: a repeated field is a damaged form,
    /// never a choice between two answers (decision 0003).
    pub fn strict(pairs: Vec<(String, String)>) -> Result<FormValues, Damaged> {
        let mut map = HashMap::with_capacity(pairs.len());
        for (k, v) in pairs {
            if map.insert(k, v).is_some() {
                return Err(Damaged);
            }
        }
        Ok(FormValues(map))
    }

    /// A field's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

/// The form did not come from our pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Damaged;

/// The complete answers of a finished check kept in a draft, checked against the contract.
pub fn finished_progress(rs: &Ruleset, p: &Progress) -> Result<Answers, Damaged> {
    if first_incomplete(&rs.questionnaire, p, rs.questionnaire.groups.len()).is_some() {
        return Err(Damaged);
    }
    let values = rs.questionnaire.complete(&p.answered).ok_or(Damaged)?;
    Answers::from_values(values, p.preferences()).map_err(|_| Damaged)
}

/// "I answered this by mistake" on the stop page: the answers with every answer the
/// settled emergency rules read cleared — never replaced by a guess: the person answers
/// those questions again — and the step to show (the first with a question left to
/// answer). Clearing only moves conditions towards "unknown", so none of these rules, nor
/// any other emergency, is settled on what is left.
pub fn mistaken(rs: &Ruleset, rules: &[String], p: &Progress) -> (Progress, usize) {
    let q = &rs.questionnaire;
    let mut fields = Vec::new();
    for rule in rules.iter().filter_map(|id| rs.rule(id)) {
        rule.when.fields(&mut fields);
    }
    let mut cleared = p.clone();
    for f in fields {
        // a derived field is cleared through the answers it is computed from
        let sources: &[Field] = match f {
            Field::OnsetAge => &[Field::Age, Field::DurationWeeks],
            Field::Spread => &[Field::PainSpreadLeft, Field::PainSpreadRight],
            _ => &[f],
        };
        for &s in sources {
            if let Some(slot) = cleared.answered.get_mut(s as usize) {
                *slot = None;
            }
        }
    }
    normalize(q, &mut cleared);
    let step = first_incomplete(q, &cleared, q.groups.len()).unwrap_or(0);
    (cleared, step)
}

/// Clears the answers to questions that do not apply given the answers before them.
pub fn normalize(q: &Questionnaire, p: &mut Progress) {
    for question in &q.questions {
        if let Target::Answer(f) = question.target
            && question.ask_when.is_some()
            && !question.applies(&p.answered)
        {
            p.answered[f as usize] = None;
        }
    }
}

/// Whether a question must be answered (preferences are optional).
pub fn required(question: &Question) -> bool {
    matches!(question.target, Target::Answer(_))
}

/// The questions of a group to show now (indexes into `q.questions`): those always asked
/// and those whose `ask_when` holds on the answers so far. A question whose condition reads
/// an unanswered question of the same group waits for it.
pub fn shown(q: &Questionnaire, p: &Progress, group: usize) -> Vec<usize> {
    q.questions
        .iter()
        .enumerate()
        .filter(|(_, question)| {
            question.group == group && (question.ask_when.is_none() || question.applies(&p.answered))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The same-page question a follow-up hangs on: a question whose `ask_when` reads exactly
/// one question of its own group, asked before it, with every follow-up of that question
/// right after it (so the page can reveal them in place, without a round trip).
pub fn trigger(q: &Questionnaire, i: usize) -> Option<usize> {
    let t = reads_on_its_page(q, i)?;
    // every question between the trigger and this one is a follow-up of the trigger (or of
    // one of its follow-ups), so they all sit in the trigger's reveal block
    let contiguous = (t + 1..i).all(|k| {
        let mut at = k;
        while let Some(up) = reads_on_its_page(q, at) {
            if up == t {
                return true;
            }
            at = up;
        }
        false
    });
    contiguous.then_some(t)
}

/// The one earlier question of its own group that question `i`'s `ask_when` reads, if any.
fn reads_on_its_page(q: &Questionnaire, i: usize) -> Option<usize> {
    let question = q.questions.get(i)?;
    let mut read = Vec::new();
    question.ask_when.as_ref()?.fields(&mut read);
    let same: Vec<usize> = read
        .iter()
        .filter_map(|f| q.questions.iter().position(|x| x.target == Target::Answer(*f)))
        .filter(|&t| q.questions[t].group == question.group)
        .collect();
    match same[..] {
        [t] if t < i => Some(t),
        _ => None,
    }
}

/// Whether choosing `value` for the trigger of follow-up `i` makes it apply, given the
/// other answers so far.
pub fn reveals(q: &Questionnaire, p: &Progress, i: usize, value: f64) -> bool {
    let (Some(t), Some(question)) = (trigger(q, i), q.questions.get(i)) else { return false };
    let mut with = p.clone();
    with.set(q.questions[t].target, Some(value));
    question.applies(&with.answered)
}

/// The questions a step page carries (indexes, in order): those [`shown`] now, plus the
/// follow-ups that an answer on the same page can reveal in place (hidden until then).
pub fn rendered(q: &Questionnaire, p: &Progress, group: usize) -> Vec<usize> {
    let now = shown(q, p, group);
    let mut out: Vec<usize> = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        if question.group != group {
            continue;
        }
        if now.contains(&i) || trigger(q, i).is_some_and(|t| out.contains(&t)) {
            out.push(i);
        }
    }
    out
}

/// The name of the "None of these apply to me" control of a step's checklist (value `1`).
pub const NONE: &str = "none";

fn unanswered(q: &Questionnaire, p: &Progress, group: usize) -> Vec<usize> {
    shown(q, p, group)
        .into_iter()
        .filter(|&i| required(&q.questions[i]) && p.get(q.questions[i].target).is_none())
        .collect()
}

/// The first group, among `0..=last`, with a required question unanswered.
pub fn first_incomplete(q: &Questionnaire, p: &Progress, last: usize) -> Option<usize> {
    (0..=last.min(q.groups.len().saturating_sub(1))).find(|&g| !unanswered(q, p, g).is_empty())
}

/// Why a typed answer cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// No answer to a required question.
    Missing,
    /// A choice that is not one of the options.
    NotAnOption,
    /// A number that is not a whole number in range.
    Number {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A duration that does not start with a number.
    DurationNumber,
    /// A duration with a unit we do not know.
    DurationUnit,
    /// A duration out of range.
    DurationRange,
    /// A contract check that failed at the end (its text, which never repeats a value).
    Contract(String),
    /// "None of these" was chosen, but this checklist question was answered otherwise.
    NoneConflict,
}

/// What the person gave for one question.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A usable value.
    Value(f64),
    /// Nothing, or something unusable.
    Problem(Problem),
}

/// Spanish units and a decimal comma, turned into what [`parse_duration_weeks`] reads.
fn normalize_duration(text: &str) -> String {
    let t = text.trim().to_lowercase().replace(',', ".");
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let unit = unit.trim().trim_end_matches('.');
    let unit = match unit {
        "día" | "dia" | "días" | "dias" => "days",
        "semana" | "semanas" | "sem" => "weeks",
        "mes" | "meses" => "months",
        "año" | "años" | "ano" | "anos" => "years",
        other => other,
    };
    format!("{num} {unit}")
}

/// Reads one question's input.
pub fn read_entry(question: &Question, raw: Option<&str>) -> Entry {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty());
    let Some(raw) = raw else {
        return Entry::Problem(Problem::Missing);
    };
    let kind = question.target.kind();
    match question.input {
        Input::YesNo | Input::Choice => {
            decode(question.target, raw).map_or(Entry::Problem(Problem::NotAnOption), Entry::Value)
        }
        Input::Scale | Input::Number => {
            let (min, max) = match kind {
                FieldKind::Int { min, max } => (min, max),
                _ => (0, 10),
            };
            match raw.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Entry::Value(n as f64),
                _ => Entry::Problem(Problem::Number { min, max }),
            }
        }
        Input::Duration => match parse_duration_weeks(&normalize_duration(raw)) {
            Ok(weeks) => Entry::Value(weeks),
            Err(message) => Entry::Problem(if message.starts_with("start with") {
                Problem::DurationNumber
            } else if message.starts_with("unknown unit") {
                Problem::DurationUnit
            } else {
                Problem::DurationRange
            }),
        },
    }
}

/// Which button sent the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// Continue.
    Next,
    /// Back one step (keeps what was typed, no checks).
    Back,
    /// Show the same page again (after a language change).
    Stay,
}

/// The page to show next.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// An emergency is settled: the stop page, with these rule ids.
    Stop {
        /// Settled emergency rules.
        rules: Vec<String>,
        /// The answers (carried by the stop page's language switch only).
        progress: Progress,
        /// The step that was submitted.
        step: usize,
    },
    /// A questionnaire step.
    Step {
        /// Group index.
        group: usize,
        /// The answers so far.
        progress: Progress,
        /// Problems by question index.
        errors: Vec<(usize, Problem)>,
        /// What was typed, by question index, for inputs that could not be used.
        raw: HashMap<usize, String>,
        /// Questions added since the page was last shown.
        added: Vec<usize>,
        /// "None of these" was chosen on the page (shown checked again with the errors).
        none: bool,
    },
    /// Every question is answered: the assessment.
    Result {
        /// The checked answers.
        answers: Box<Answers>,
        /// The answers as carried.
        progress: Progress,
    },
}

fn step_page(group: usize, progress: Progress) -> Outcome {
    Outcome::Step { group, progress, errors: Vec::new(), raw: HashMap::new(), added: Vec::new(), none: false }
}

/// The next non-empty group at or after `from`, or `None` past the end.
fn next_group(q: &Questionnaire, p: &Progress, from: usize) -> Option<usize> {
    (from..q.groups.len()).find(|&g| !shown(q, p, g).is_empty())
}

/// Name of the hidden field listing the questions a step page showed (comma-separated
/// paths), so a question that only applies because of an answer on the same page is told
/// apart from one the person left blank.
pub const ASKED: &str = "asked";

/// The questions the submitted page showed, from its `asked` field (only questions of
/// that step count).
fn asked(q: &Questionnaire, form: &FormValues, step: usize) -> Option<Vec<usize>> {
    let list = form.get(ASKED)?;
    Some(
        list.split(',')
            .filter_map(|path| question_for_path(q, path.trim()))
            .filter(|(_, question)| question.group == step)
            .map(|(i, _)| i)
            .collect(),
    )
}

/// The first page of the check.
pub fn start(rs: &Ruleset) -> Outcome {
    let p = Progress::default();
    step_page(next_group(&rs.questionnaire, &p, 0).unwrap_or(0), p)
}

/// Decides the next page from a submitted step (see the module docs).
pub fn advance(rs: &Ruleset, mut p: Progress, step: usize, nav: Nav, form: &FormValues) -> Outcome {
    let q = &rs.questionnaire;
    let groups = q.groups.len();
    let step = step.min(groups);
    let rendered =
        if step < groups { asked(q, form, step).unwrap_or_else(|| rendered(q, &p, step)) } else { Vec::new() };
    // "None of these apply to me": every checklist question of the page left unanswered
    // gets its nothing-to-report answer; one answered otherwise is a conflict the person
    // resolves (its answer still counts for the emergency check: triage up, never down).
    let none = form.get(NONE) == Some("1");
    let mut entries = Vec::with_capacity(rendered.len());
    for &i in &rendered {
        let question = &q.questions[i];
        let raw = form.get(&question.target.path());
        let given = raw.map(str::trim).filter(|r| !r.is_empty());
        let entry = match (question.none_of_these.filter(|_| none), given) {
            (Some(nothing), None) => Entry::Value(nothing),
            (Some(nothing), Some(_)) => match read_entry(question, raw) {
                Entry::Value(v) if v != nothing => {
                    p.set(question.target, Some(v));
                    entries.push((i, Entry::Problem(Problem::NoneConflict), raw.map(str::to_owned)));
                    continue;
                }
                Entry::Value(v) => Entry::Value(v),
                Entry::Problem(_) => Entry::Value(nothing),
            },
            // A page without this input keeps the carried answer (a step page shows its
            // own answers checked, so the browser sends them back).
            (None, _) => match (raw, p.get(question.target)) {
                (None, Some(v)) => Entry::Value(v),
                _ => read_entry(question, raw),
            },
        };
        p.set(question.target, if let Entry::Value(v) = entry { Some(v) } else { None });
        entries.push((i, entry, raw.map(str::to_owned)));
    }
    normalize(q, &mut p);

    let settled = rs.emergencies_settled(&p.answered);
    if !settled.is_empty() {
        return Outcome::Stop { rules: settled.iter().map(|r| r.id.clone()).collect(), progress: p, step };
    }

    let typed: HashMap<usize, String> = entries
        .iter()
        .filter(|(_, e, _)| matches!(e, Entry::Problem(pr) if *pr != Problem::Missing && *pr != Problem::NoneConflict))
        .filter_map(|(i, _, raw)| raw.clone().map(|r| (*i, r)))
        .collect();
    match nav {
        Nav::Back => {
            let back = (0..step.min(groups)).rev().find(|&g| !shown(q, &p, g).is_empty()).unwrap_or(0);
            let target = if step >= groups { groups.saturating_sub(1) } else { back };
            return step_page(target, p);
        }
        Nav::Stay if step < groups => {
            return Outcome::Step { group: step, progress: p, errors: Vec::new(), raw: typed, added: Vec::new(), none };
        }
        Nav::Stay | Nav::Next => {}
    }

    if step < groups {
        let now = shown(q, &p, step);
        let errors: Vec<(usize, Problem)> = entries
            .iter()
            .filter(|(i, _, _)| now.contains(i))
            .filter_map(|(i, e, _)| match e {
                Entry::Problem(Problem::Missing) if !required(&q.questions[*i]) => None,
                Entry::Problem(pr) => Some((*i, pr.clone())),
                Entry::Value(_) => None,
            })
            .collect();
        if !errors.is_empty() {
            return Outcome::Step { group: step, progress: p, errors, raw: typed, added: Vec::new(), none };
        }
        let added: Vec<usize> = now.iter().copied().filter(|i| !rendered.contains(i)).collect();
        if !unanswered(q, &p, step).is_empty() {
            return Outcome::Step { group: step, progress: p, errors: Vec::new(), raw: HashMap::new(), added, none };
        }
        if let Some(g) = first_incomplete(q, &p, step) {
            return step_page(g, p);
        }
        if let Some(g) = next_group(q, &p, step + 1) {
            return step_page(g, p);
        }
    }
    finish(rs, p)
}

/// Every group answered: check the answers against the contract and assess.
fn finish(rs: &Ruleset, p: Progress) -> Outcome {
    let q = &rs.questionnaire;
    if let Some(g) = first_incomplete(q, &p, q.groups.len()) {
        return step_page(g, p);
    }
    let Some(values) = q.complete(&p.answered) else {
        return step_page(0, p);
    };
    match Answers::from_values(values, p.preferences()) {
        Ok(answers) => Outcome::Result { answers: Box::new(answers), progress: p },
        Err(invalid) => {
            // Not reachable with the shipped catalogue (ask_when keeps answers consistent);
            // show the first offending question with the contract's words.
            let mut errors = Vec::new();
            let mut group = q.groups.len().saturating_sub(1);
            for (n, problem) in invalid.fields.iter().enumerate() {
                if let Some((i, question)) = question_for_path(q, &problem.field) {
                    if n == 0 || errors.is_empty() {
                        group = question.group;
                    }
                    if question.group == group {
                        errors.push((i, Problem::Contract(problem.problem.clone())));
                    }
                }
            }
            Outcome::Step { group, progress: p, errors, raw: HashMap::new(), added: Vec::new(), none: false }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs() -> Ruleset {
        match Ruleset::shipped() {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn durations_in_spanish_and_with_commas() {
        assert_eq!(normalize_duration("3 semanas"), "3 weeks");
        assert_eq!(normalize_duration("1,5 años"), "1.5 years");
        assert_eq!(parse_duration_weeks(&normalize_duration("2 días")).ok(), Some(0.29));
    }

    #[test]
    fn encode_decode_round_trip_for_every_question() {
        let rs = rs();
        for question in &rs.questionnaire.questions {
            let sample = match question.target.kind() {
                FieldKind::Bool => 1.0,
                FieldKind::Choice(w) => (w.len() - 1) as f64,
                FieldKind::Int { max, .. } => max as f64,
                FieldKind::Number { .. } => 2.5,
            };
            assert_eq!(decode(question.target, &encode(question.target, sample)), Some(sample));
        }
    }

    #[test]
    fn saddle_numbness_alone_stops_the_check() {
        let rs = rs();
        let form = FormValues::new(vec![("saddle_numbness".into(), "true".into())]);
        let out = advance(&rs, Progress::default(), 0, Nav::Next, &form);
        assert!(matches!(out, Outcome::Stop { ref rules, .. } if rules == &["cauda_equina".to_owned()]), "{out:?}");
    }

    #[test]
    fn a_mistaken_emergency_answer_goes_back_unanswered_and_keeps_the_rest() {
        let rs = rs();
        let form = FormValues::new(vec![
            ("saddle_numbness".into(), "true".into()),
            ("trauma".into(), "none".into()),
            ("chest_pain_or_breathless".into(), "false".into()),
        ]);
        let Outcome::Stop { rules, progress, .. } = advance(&rs, Progress::default(), 0, Nav::Next, &form) else {
            panic!("a stop")
        };
        let (cleared, step) = mistaken(&rs, &rules, &progress);
        assert_eq!(step, 0, "the warning signs step");
        let saddle = question_for_path(&rs.questionnaire, "saddle_numbness").map(|(_, q)| q.target);
        let trauma = question_for_path(&rs.questionnaire, "trauma").map(|(_, q)| q.target);
        assert_eq!(saddle.and_then(|t| cleared.get(t)), None, "asked again, not guessed");
        assert!(trauma.and_then(|t| cleared.get(t)).is_some(), "other answers kept");
        assert!(rs.emergencies_settled(&cleared.answered).is_empty());
        // back on the step, nothing is settled and the question waits for an answer
        let back = FormValues::new(Vec::new());
        let out = advance(&rs, cleared.clone(), step, Nav::Stay, &back);
        assert!(matches!(out, Outcome::Step { group: 0, ref errors, .. } if errors.is_empty()), "{out:?}");
    }

    #[test]
    fn pregnancy_follow_ups_appear_on_the_same_step() {
        let rs = rs();
        let q = &rs.questionnaire;
        let about = q.groups.iter().position(|g| g.id == "about_you").unwrap_or(1);
        let first = shown(q, &Progress::default(), about);
        let form = FormValues::new(vec![
            ("age".into(), "30".into()),
            ("sex".into(), "female".into()),
            (ASKED.into(), "age,sex".into()),
        ]);
        let out = advance(&rs, Progress::default(), about, Nav::Next, &form);
        let Outcome::Step { group, added, errors, progress, .. } = out else { panic!("{out:?}") };
        assert_eq!(group, about);
        assert!(errors.is_empty());
        assert_eq!(added.len(), 1, "pregnancy is added");
        assert!(shown(q, &progress, about).len() > first.len());
    }
}
