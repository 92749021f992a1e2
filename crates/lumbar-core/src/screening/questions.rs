//! The question catalogue: one description of the questionnaire, shared by the terminal
//! questionnaire, the web form and (later) the FHIR Questionnaire.
//!
//! Loaded from `data/questions.toml` and checked against the field table and the rules:
//! every answer field is asked exactly once, every choice word has a label, a question is
//! only skipped on answers given before it (with the value a skip stands for), and every
//! field an emergency rule reads is asked in the first group, so emergencies surface first.

use serde::Deserialize;

use super::condition::Cond;
use super::fields::{ANSWER_FIELDS, FIELDS, Field, FieldKind, preference};
use super::ruleset::{Rule, Triage};

/// What a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An answer field of the contract.
    Answer(Field),
    /// A preference key (index into [`preference::KEYS`]).
    Preference(usize),
}

impl Target {
    /// The JSON path (`age`, `preferences.style`).
    pub fn path(self) -> String {
        match self {
            Target::Answer(f) => f.name().to_owned(),
            Target::Preference(k) => format!("preferences.{}", preference::KEYS[k].0),
        }
    }

    /// The value kind.
    pub fn kind(self) -> FieldKind {
        match self {
            Target::Answer(f) => f.spec().kind,
            Target::Preference(k) => FieldKind::Choice(preference::KEYS[k].1),
        }
    }
}

/// How the question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// Yes / no.
    YesNo,
    /// Pick one option.
    Choice,
    /// A 0–10 scale.
    Scale,
    /// A whole number (age).
    Number,
    /// A duration typed as days, weeks, months or years; stored in weeks.
    Duration,
}

/// One answer option with its label.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Contract word (`true`/`false` for yes/no questions).
    pub value: String,
    /// What the person reads.
    pub label: String,
}

/// A group of questions shown together.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// One or two sentences under the heading.
    pub intro: String,
}

/// One question, checked.
#[derive(Clone, Debug)]
pub struct Question {
    /// The field it fills.
    pub target: Target,
    /// Index into [`Questionnaire::groups`].
    pub group: usize,
    /// The question.
    pub text: String,
    /// Help text (what counts, why we ask).
    pub help: Option<String>,
    /// How it is answered.
    pub input: Input,
    /// Options with labels (choices and yes/no), in the field's order.
    pub options: Vec<AnswerOption>,
    /// Ask only when this holds on earlier answers.
    pub ask_when: Option<Cond>,
    /// The value a skipped question stands for (engine number: 0/1, choice index).
    pub when_skipped: Option<f64>,
    /// The answer "None of these apply to me" gives on its page's checklist (engine
    /// number); `None` = not in a checklist.
    pub none_of_these: Option<f64>,
}

impl Question {
    /// Whether to ask, given the answers so far (`None` = not answered).
    pub fn applies(&self, answered: &[Option<f64>; ANSWER_FIELDS]) -> bool {
        let Some(cond) = &self.ask_when else { return true };
        let mut v = [None; super::fields::ALL_FIELDS];
        v[..ANSWER_FIELDS].copy_from_slice(answered);
        cond.eval3(&v, &[]) == super::condition::Tri::True
    }
}

/// The whole catalogue.
#[derive(Clone, Debug)]
pub struct Questionnaire {
    /// Groups in order; the first holds the emergency questions.
    pub groups: Vec<Group>,
    /// Questions in order.
    pub questions: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    group: Vec<Group>,
    question: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    field: String,
    group: String,
    text: String,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    input: Option<Input>,
    #[serde(default)]
    options: Vec<AnswerOption>,
    #[serde(default)]
    ask_when: Option<String>,
    #[serde(default)]
    when_skipped: Option<toml::Value>,
    #[serde(default)]
    none_of_these: Option<toml::Value>,
}

impl Questionnaire {
    /// Parses and checks `questions.toml` against the field table and the rules.
    pub(crate) fn load(text: &str, rules: &[Rule]) -> Result<Questionnaire, Vec<String>> {
        let raw: RawFile =
            toml::from_str(text).map_err(|e| vec![format!("questions.toml: {}", e.to_string().trim_end())])?;
        let mut problems = Vec::new();
        let mut questions: Vec<Question> = Vec::new();
        let mut last_group = 0;
        for (n, q) in raw.question.iter().enumerate() {
            let at = format!("questions.toml: question {} (`{}`)", n + 1, q.field);
            let target = if let Some(key) = q.field.strip_prefix("preferences.") {
                preference::KEYS.iter().position(|(k, _)| *k == key).map(Target::Preference)
            } else {
                Field::by_name(&q.field).filter(|f| !f.spec().derived).map(Target::Answer)
            };
            let Some(target) = target else {
                problems.push(format!("{at}: unknown field"));
                continue;
            };
            if questions.iter().any(|e| e.target == target) {
                problems.push(format!("{at}: the field is asked twice"));
            }
            let Some(group) = raw.group.iter().position(|g| g.id == q.group) else {
                problems.push(format!("{at}: unknown group `{}`", q.group));
                continue;
            };
            if group < last_group {
                problems.push(format!("{at}: questions must follow the order of the groups"));
            }
            last_group = group;
            let kind = target.kind();
            let input = q.input.unwrap_or(match kind {
                FieldKind::Bool => Input::YesNo,
                FieldKind::Choice(_) => Input::Choice,
                FieldKind::Int { min: 0, max: 10 } => Input::Scale,
                FieldKind::Int { .. } => Input::Number,
                FieldKind::Number { .. } => Input::Duration,
            });
            let input_ok = matches!(
                (input, kind),
                (Input::YesNo, FieldKind::Bool)
                    | (Input::Choice, FieldKind::Choice(_))
                    | (Input::Scale | Input::Number, FieldKind::Int { .. })
                    | (Input::Duration, FieldKind::Number { .. })
            );
            if !input_ok {
                problems.push(format!("{at}: input {input:?} does not fit the field ({})", kind.expectation()));
            }
            let options = match kind {
                FieldKind::Choice(words) => {
                    let mut ordered = Vec::new();
                    for w in words {
                        match q.options.iter().filter(|o| o.value == *w).count() {
                            1 => ordered.push(
                                q.options.iter().find(|o| o.value == *w).cloned().unwrap_or_else(|| unreachable!()),
                            ),
                            0 => problems.push(format!("{at}: option `{w}` has no label")),
                            _ => problems.push(format!("{at}: option `{w}` is listed twice")),
                        }
                    }
                    for o in &q.options {
                        if !words.contains(&o.value.as_str()) {
                            problems.push(format!("{at}: `{}` is not a value of the field", o.value));
                        }
                    }
                    ordered
                }
                FieldKind::Bool => {
                    if q.options.is_empty() {
                        vec![
                            AnswerOption { value: "true".into(), label: "Yes".into() },
                            AnswerOption { value: "false".into(), label: "No".into() },
                        ]
                    } else {
                        if q.options.len() != 2
                            || !q.options.iter().any(|o| o.value == "true")
                            || !q.options.iter().any(|o| o.value == "false")
                        {
                            problems.push(format!("{at}: a yes/no question's options must be `true` and `false`"));
                        }
                        q.options.clone()
                    }
                }
                _ => {
                    if !q.options.is_empty() {
                        problems.push(format!("{at}: only choice and yes/no questions have options"));
                    }
                    Vec::new()
                }
            };
            let asked_before: Vec<Field> = questions
                .iter()
                .filter_map(|e| match e.target {
                    Target::Answer(f) => Some(f),
                    Target::Preference(_) => None,
                })
                .collect();
            let ask_when = match &q.ask_when {
                None => None,
                Some(text) => match Cond::parse(text, &|_| None) {
                    Ok(c) => {
                        let mut read = Vec::new();
                        c.fields(&mut read);
                        for f in read {
                            if f.spec().derived || !asked_before.contains(&f) {
                                problems
                                    .push(format!("{at}: ask_when reads `{}`, which is not asked before it", f.name()));
                            }
                        }
                        Some(c)
                    }
                    Err(e) => {
                        problems.push(format!("{at}: ask_when: {e}"));
                        None
                    }
                },
            };
            let when_skipped = match (&q.ask_when, &q.when_skipped) {
                (None, None) => None,
                (Some(_), None) => {
                    problems.push(format!(
                        "{at}: a question with ask_when needs when_skipped (the answer a skip stands for)"
                    ));
                    None
                }
                (None, Some(_)) => {
                    problems.push(format!("{at}: when_skipped without ask_when"));
                    None
                }
                (Some(_), Some(v)) => {
                    let x = match (kind, v) {
                        (FieldKind::Bool, toml::Value::Boolean(b)) => Some(if *b { 1.0 } else { 0.0 }),
                        (FieldKind::Choice(words), toml::Value::String(s)) => {
                            words.iter().position(|w| w == s).map(|i| i as f64)
                        }
                        _ => None,
                    };
                    if x.is_none() {
                        problems.push(format!("{at}: when_skipped is not a value of the field"));
                    }
                    x
                }
            };
            let none_of_these = match &q.none_of_these {
                None => None,
                Some(v) => {
                    let x = match (kind, v) {
                        (FieldKind::Bool, toml::Value::Boolean(false)) => Some(0.0),
                        (FieldKind::Choice(words), toml::Value::String(s)) if s == "none" || s == "never" => {
                            words.iter().position(|w| w == s).map(|i| i as f64)
                        }
                        _ => None,
                    };
                    if x.is_none() {
                        problems.push(format!(
                            "{at}: none_of_these must be the field's nothing-to-report answer (false, none or never)"
                        ));
                    }
                    if q.ask_when.is_some() || matches!(target, Target::Preference(_)) {
                        problems.push(format!("{at}: only questions always asked can be in a checklist"));
                    }
                    x
                }
            };
            if matches!(target, Target::Preference(_)) && ask_when.is_some() {
                problems.push(format!("{at}: preference questions are always asked"));
            }
            if q.text.trim().is_empty() {
                problems.push(format!("{at}: empty text"));
            }
            questions.push(Question {
                target,
                group,
                text: q.text.trim().to_owned(),
                help: q.help.as_ref().map(|h| h.trim().to_owned()),
                input,
                options,
                ask_when,
                when_skipped,
                none_of_these,
            });
        }
        for spec in &FIELDS[..ANSWER_FIELDS] {
            if !questions.iter().any(|q| q.target == Target::Answer(spec.field)) {
                problems.push(format!("questions.toml: no question asks `{}`", spec.name));
            }
        }
        for (k, (key, _)) in preference::KEYS.iter().enumerate() {
            if !questions.iter().any(|q| q.target == Target::Preference(k)) {
                problems.push(format!("questions.toml: no question asks `preferences.{key}`"));
            }
        }
        let mut ids = std::collections::HashSet::new();
        for g in &raw.group {
            if !ids.insert(g.id.as_str()) {
                problems.push(format!("questions.toml: duplicate group id `{}`", g.id));
            }
        }
        // Emergency questions first: every field an emergency rule reads is in group 0,
        // always asked.
        for rule in rules.iter().filter(|r| r.level == Some(Triage::Emergency)) {
            let mut read = Vec::new();
            rule.when.fields(&mut read);
            for f in read.into_iter().flat_map(source_fields) {
                let q = questions.iter().find(|q| q.target == Target::Answer(f));
                if q.is_some_and(|q| q.group != 0 || q.ask_when.is_some()) {
                    problems.push(format!(
                        "questions.toml: `{}` is read by emergency rule `{}` and must be asked, unconditionally, in the first group",
                        f.name(),
                        rule.id
                    ));
                }
            }
        }
        if problems.is_empty() { Ok(Questionnaire { groups: raw.group, questions }) } else { Err(problems) }
    }

    /// The value to store for every question that does not apply, given what was answered.
    /// Returns the complete raw values when every applicable question is answered.
    pub fn complete(&self, answered: &[Option<f64>; ANSWER_FIELDS]) -> Option<[f64; ANSWER_FIELDS]> {
        let mut filled = *answered;
        for q in &self.questions {
            if let Target::Answer(f) = q.target
                && filled[f as usize].is_none()
                && !q.applies(&filled)
            {
                filled[f as usize] = q.when_skipped;
            }
        }
        let mut out = [0.0; ANSWER_FIELDS];
        for (o, v) in out.iter_mut().zip(filled) {
            *o = v?;
        }
        Some(out)
    }
}

/// The answer fields a (possibly derived) field is computed from.
pub(crate) fn source_fields(f: Field) -> Vec<Field> {
    match f {
        Field::OnsetAge => vec![Field::Age, Field::DurationWeeks],
        Field::Spread => vec![Field::PainSpreadLeft, Field::PainSpreadRight],
        other => vec![other],
    }
}

/// Parses a typed duration (`3 days`, `2 weeks`, `4 months`, `1.5 years`, or a bare number
/// of weeks) into weeks.
pub fn parse_duration_weeks(text: &str) -> Result<f64, String> {
    let t = text.trim().to_lowercase();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| "start with a number, for example \"3 days\", \"2 weeks\" or \"6 months\"".to_owned())?;
    let factor = match unit.trim() {
        "" | "w" | "wk" | "wks" | "week" | "weeks" => 1.0,
        "d" | "day" | "days" => 1.0 / 7.0,
        "m" | "mo" | "month" | "months" => 52.0 / 12.0,
        "y" | "yr" | "yrs" | "year" | "years" => 52.0,
        other => return Err(format!("unknown unit \"{other}\"; use days, weeks, months or years")),
    };
    let weeks = ((n * factor) * 100.0).round() / 100.0;
    if !(0.0..=5200.0).contains(&weeks) {
        return Err("must be between 0 days and 100 years".to_owned());
    }
    Ok(weeks)
}
