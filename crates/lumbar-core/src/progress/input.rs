//! Parsing a progress log (PROGRESS.md §1): JSON in, a checked [`ProgressInput`] or every
//! problem at once.
//!
//! Parse, don't validate: once a [`ProgressInput`] exists every score is a whole number from
//! 0 to 10, every date is a real calendar day not before the baseline, and only sessions
//! carry `pain_before` / `pain_after`, so the rule never meets a half-checked log. Invalid
//! input is rejected whole with the screening's error type ([`InvalidProgress`] is
//! [`InvalidAnswers`]): each problem names its field path (`entries[2].pain_after`) and the
//! rule it breaks, never the value given (a pain log is health data).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::directory::Date;
use crate::screening::answers::{describe_json_error, parse_value};
use crate::screening::fields::FieldKind;
use crate::screening::{FieldProblem, InvalidAnswers};

/// Invalid progress input: the screening's error type, so `lumbar progress --json` reports it
/// exactly as `lumbar screen --json` does (`{"error":{"code":"invalid_answers","fields":[…]}}`).
pub type InvalidProgress = InvalidAnswers;

/// A score on the 0–10 numeric rating scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Score(u8);

impl Score {
    /// The highest score.
    pub const MAX: u8 = 10;

    /// A score, if `value` is on the scale.
    pub fn new(value: u8) -> Option<Score> {
        (value <= Score::MAX).then_some(Score(value))
    }

    /// The number.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// What an entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A massage session.
    Session,
    /// A check-in without a session.
    CheckIn,
}

/// The contract words of [`EntryKind`], in its order.
const KINDS: &[&str] = &["session", "check_in"];

impl EntryKind {
    /// The contract word.
    pub fn as_str(self) -> &'static str {
        KINDS[self as usize]
    }
}

/// The safety check that started the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Baseline {
    /// The day of the check.
    pub date: Date,
    /// The check's PEG "P" item: average pain in the past week.
    pub pain_average_week: Score,
}

/// One logged session or check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Session or check-in.
    pub kind: EntryKind,
    /// The day it was logged (never before the baseline).
    pub date: Date,
    /// Average pain in the past week: the outcome the rule reads.
    pub pain_average_week: Score,
    /// Pain right before the session (sessions only; charted, never read by the rule).
    pub pain_before: Option<Score>,
    /// Pain right after the session (sessions only; charted, never read by the rule).
    pub pain_after: Option<Score>,
    /// The re-screen at this entry found an emergency or urgent finding (PROGRESS.md §3).
    pub new_warning_sign: bool,
}

/// A complete, checked progress log. Only [`ProgressInput::from_json`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressInput {
    baseline: Baseline,
    entries: Vec<Entry>,
}

impl ProgressInput {
    /// Parses JSON text. Malformed JSON is reported as a problem of field `$`.
    pub fn from_json_str(text: &str) -> Result<ProgressInput, InvalidProgress> {
        match serde_json::from_str::<Value>(text) {
            Ok(value) => ProgressInput::from_json(&value),
            Err(e) => Err(InvalidAnswers {
                fields: vec![problem(
                    "$",
                    "invalid_json",
                    format!(
                        "the input is not valid JSON ({} at line {} column {}); send one JSON object",
                        describe_json_error(&e),
                        e.line(),
                        e.column()
                    ),
                )],
            }),
        }
    }

    /// Parses a progress object, reporting every problem at once: missing fields, unknown
    /// fields (at the top, in `baseline` and in each entry), wrong types, scores off the 0–10
    /// scale, dates that are not `YYYY-MM-DD` or not a real day, entries dated before the
    /// baseline, and `pain_before` / `pain_after` on a check-in. Problems come in a fixed
    /// order: the baseline, then each entry by index (its fields in the contract's order, its
    /// unknown fields, then what is inconsistent), then unknown top-level fields.
    pub fn from_json(value: &Value) -> Result<ProgressInput, InvalidProgress> {
        let Some(top) = value.as_object() else {
            return Err(InvalidAnswers {
                fields: vec![problem(
                    "$",
                    "not_an_object",
                    "the progress log must be one JSON object with the keys baseline and entries",
                )],
            });
        };
        let mut problems = Vec::new();
        let baseline = match top.get("baseline") {
            None => {
                problems.push(problem(
                    "baseline",
                    "missing",
                    "is required: an object with the date and pain_average_week of the safety check that started the plan",
                ));
                None
            }
            Some(v) => parse_baseline(v, &mut problems),
        };
        let entries = match top.get("entries") {
            None => {
                problems.push(problem(
                    "entries",
                    "missing",
                    "is required: an array of the sessions and check-ins logged since the baseline (it may be empty)",
                ));
                None
            }
            Some(Value::Array(items)) => {
                let baseline_date = baseline.and_then(|(date, _)| date);
                let parsed: Vec<Option<Entry>> =
                    items.iter().enumerate().map(|(i, v)| parse_entry(i, v, baseline_date, &mut problems)).collect();
                parsed.into_iter().collect::<Option<Vec<Entry>>>()
            }
            Some(_) => {
                problems.push(problem("entries", "wrong_type", "must be a JSON array of entries (it may be empty)"));
                None
            }
        };
        unknown_fields(top, "", &["baseline", "entries"], "lumbar.progress/1", &mut problems);
        match (baseline, entries) {
            (Some((Some(date), Some(pain_average_week))), Some(entries)) if problems.is_empty() => {
                Ok(ProgressInput { baseline: Baseline { date, pain_average_week }, entries })
            }
            _ => Err(InvalidAnswers { fields: problems }),
        }
    }

    /// The baseline.
    pub fn baseline(&self) -> Baseline {
        self.baseline
    }

    /// The entries in input order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries sorted by date; entries on the same date keep their input order
    /// (PROGRESS.md §2). The last one is the latest entry.
    pub fn sorted_entries(&self) -> Vec<&Entry> {
        let mut sorted: Vec<&Entry> = self.entries.iter().collect();
        sorted.sort_by_key(|e| e.date); // stable
        sorted
    }
}

fn problem(field: impl Into<String>, code: &'static str, problem: impl Into<String>) -> FieldProblem {
    FieldProblem { field: field.into(), code, problem: problem.into() }
}

const SCORE: FieldKind = FieldKind::Int { min: 0, max: Score::MAX as i64 };
const DATE_FORMAT: &str = "must be a date written as YYYY-MM-DD (four-digit year, two-digit month and day)";

/// The baseline's fields, each `None` when it has a problem; `None` altogether when the
/// baseline is not an object.
type PartialBaseline = (Option<Date>, Option<Score>);

fn parse_baseline(v: &Value, problems: &mut Vec<FieldProblem>) -> Option<PartialBaseline> {
    let Some(object) = v.as_object() else {
        problems.push(problem(
            "baseline",
            "wrong_type",
            "must be a JSON object with the keys date and pain_average_week",
        ));
        return None;
    };
    let fields = Fields { object, prefix: "baseline".to_owned() };
    let date = fields
        .required("date", "a date written as YYYY-MM-DD", problems)
        .and_then(|v| fields.date("date", v, problems));
    let pain = fields
        .required("pain_average_week", &SCORE.expectation(), problems)
        .and_then(|v| fields.score("pain_average_week", v, problems));
    unknown_fields(object, "baseline", &["date", "pain_average_week"], "the baseline", problems);
    Some((date, pain))
}

const ENTRY_KEYS: &[&str] = &["kind", "date", "pain_average_week", "pain_before", "pain_after", "new_warning_sign"];

/// One entry, or `None` when it has a problem (recorded in `problems`). `baseline_date` is
/// `None` when the baseline's date has a problem of its own.
fn parse_entry(i: usize, v: &Value, baseline_date: Option<Date>, problems: &mut Vec<FieldProblem>) -> Option<Entry> {
    let prefix = format!("entries[{i}]");
    let Some(object) = v.as_object() else {
        problems.push(problem(
            prefix,
            "wrong_type",
            "must be a JSON object with the keys kind, date, pain_average_week and new_warning_sign",
        ));
        return None;
    };
    let fields = Fields { object, prefix };
    let before = problems.len();
    let kind_type = FieldKind::Choice(KINDS);
    let kind = fields.required("kind", &kind_type.expectation(), problems).and_then(|v| {
        fields
            .parse("kind", kind_type, v, problems)
            .map(|x| if x == 0.0 { EntryKind::Session } else { EntryKind::CheckIn })
    });
    let date = fields
        .required("date", "a date written as YYYY-MM-DD", problems)
        .and_then(|v| fields.date("date", v, problems));
    let pain_average_week = fields
        .required("pain_average_week", &SCORE.expectation(), problems)
        .and_then(|v| fields.score("pain_average_week", v, problems));
    // On a check-in these keys are a problem whatever they hold (reported below), so their
    // values are only read on sessions.
    let session_score = |key: &str, problems: &mut Vec<FieldProblem>| match object.get(key) {
        Some(v) if kind != Some(EntryKind::CheckIn) => fields.score(key, v, problems).map(Some),
        _ => Some(None),
    };
    let pain_before = session_score("pain_before", problems);
    let pain_after = session_score("pain_after", problems);
    let new_warning_sign = fields
        .required(
            "new_warning_sign",
            "true or false: whether the re-screen at this entry found an emergency or urgent finding; a missing answer is never read as \"no\"",
            problems,
        )
        .and_then(|v| fields.parse("new_warning_sign", FieldKind::Bool, v, problems).map(|x| x != 0.0));
    unknown_fields(object, &fields.prefix, ENTRY_KEYS, "an entry", problems);
    if let (Some(date), Some(baseline)) = (date, baseline_date)
        && date < baseline
    {
        problems.push(problem(
            fields.path("date"),
            "inconsistent",
            "is before baseline.date; entries are logged on or after the day of the safety check that started the plan",
        ));
    }
    if kind == Some(EntryKind::CheckIn) {
        for key in ["pain_before", "pain_after"] {
            if object.contains_key(key) {
                problems.push(problem(
                    fields.path(key),
                    "inconsistent",
                    "is only recorded for a session (kind \"session\"); remove it from a check-in",
                ));
            }
        }
    }
    if problems.len() != before {
        return None;
    }
    Some(Entry {
        kind: kind?,
        date: date?,
        pain_average_week: pain_average_week?,
        pain_before: pain_before?,
        pain_after: pain_after?,
        new_warning_sign: new_warning_sign?,
    })
}

/// Reads the fields of one object, naming problems by their path under `prefix`.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    prefix: String,
}

impl<'a> Fields<'a> {
    fn path(&self, key: &str) -> String {
        format!("{}.{key}", self.prefix)
    }

    /// The value of a required key, or a `missing` problem.
    fn required(&self, key: &str, expectation: &str, problems: &mut Vec<FieldProblem>) -> Option<&'a Value> {
        let v = self.object.get(key);
        if v.is_none() {
            problems.push(problem(self.path(key), "missing", format!("is required ({expectation})")));
        }
        v
    }

    /// A value of the screening's field kinds (the same checks and words as the answers).
    fn parse(&self, key: &str, kind: FieldKind, v: &Value, problems: &mut Vec<FieldProblem>) -> Option<f64> {
        match parse_value(kind, v) {
            Ok(x) => Some(x),
            Err((code, text)) => {
                problems.push(problem(self.path(key), code, text));
                None
            }
        }
    }

    fn score(&self, key: &str, v: &Value, problems: &mut Vec<FieldProblem>) -> Option<Score> {
        self.parse(key, SCORE, v, problems).and_then(|x| Score::new(x as u8))
    }

    /// A date written exactly `YYYY-MM-DD` that exists on the calendar.
    fn date(&self, key: &str, v: &Value, problems: &mut Vec<FieldProblem>) -> Option<Date> {
        let Some(text) = v.as_str() else {
            problems.push(problem(self.path(key), "wrong_type", format!("must be a JSON string; it {DATE_FORMAT}")));
            return None;
        };
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
        if !shaped {
            problems.push(problem(self.path(key), "invalid_date", DATE_FORMAT));
            return None;
        }
        let num = |r: std::ops::Range<usize>| text[r].parse::<u16>().unwrap_or(0);
        let date = Date::new(i32::from(num(0..4)), num(5..7) as u8, num(8..10) as u8);
        if date.is_none() {
            problems.push(problem(
                self.path(key),
                "invalid_date",
                "is not a day of the calendar (the month has no such day, or the year is out of range); write a date that exists, as YYYY-MM-DD",
            ));
        }
        date
    }
}

/// An `unknown_field` problem for every key of `object` that is not in `allowed`.
fn unknown_fields(
    object: &Map<String, Value>,
    prefix: &str,
    allowed: &[&str],
    owner: &str,
    problems: &mut Vec<FieldProblem>,
) {
    for key in object.keys().filter(|k| !allowed.contains(&k.as_str())) {
        let field = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        problems.push(problem(
            field,
            "unknown_field",
            format!("is not a field of {owner} (its fields: {}); remove it or check its spelling", allowed.join(", ")),
        ));
    }
}
