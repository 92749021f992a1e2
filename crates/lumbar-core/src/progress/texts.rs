//! What the person is told for each status, as data (`crates/lumbar-core/data/progress.toml`),
//! and the §4 output document that carries it.
//!
//! The messages are reviewed like the screening rules: each status has a US English message, its
//! Spanish form (`message_es`) and the sources it rests on. Everything is checked when loaded
//! and every problem reported at once: a status missing, repeated, unknown or out of the
//! contract's order, an empty text, a missing Spanish form, a source that is not in
//! `sources.toml`, and a `stop_warning_sign` message that does not say to call 911.

use serde::Deserialize;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::rule::{ProgressOutcome, Status};
use crate::screening::{Ruleset, RulesetError, TextLang};

/// The schema id of the progress output.
pub const SCHEMA: &str = "lumbar.progress/1";

/// The shipped `data/progress.toml`.
pub const SHIPPED: &str = include_str!("../../data/progress.toml");

/// One status's texts, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusText {
    /// The status.
    pub status: Status,
    /// Plain-language message (US English).
    pub message: String,
    /// `message` in Spanish.
    pub message_es: String,
    /// Source ids (each in `sources.toml`), most important first.
    pub sources: Vec<String>,
}

impl StatusText {
    /// The message in a language.
    pub fn message_in(&self, lang: TextLang) -> &str {
        lang.pick(&self.message, &self.message_es)
    }
}

/// Every status's texts, in [`Status::ALL`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressTexts {
    statuses: Vec<StatusText>,
    /// The review state of the Spanish texts (`awaiting clinical review`) while the file
    /// carries `es_review`; `None` once a bilingual clinician has reviewed them.
    pub es_review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    es_review: Option<String>,
    status: Vec<RawStatus>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    id: String,
    message: String,
    #[serde(default)]
    message_es: String,
    sources: Vec<String>,
}

impl ProgressTexts {
    /// The shipped texts, their sources resolved against the rule set's `sources.toml`.
    pub fn shipped(rs: &Ruleset) -> Result<ProgressTexts, RulesetError> {
        ProgressTexts::load(SHIPPED, rs)
    }

    /// Loads and checks `progress.toml` text; sources must be in the rule set's sources.
    pub fn load(text: &str, rs: &Ruleset) -> Result<ProgressTexts, RulesetError> {
        const FILE: &str = "progress.toml";
        let raw: RawFile = toml::from_str(text)
            .map_err(|e| RulesetError { problems: vec![format!("{FILE}: {}", e.to_string().trim_end())] })?;
        let mut problems = Vec::new();
        let mut statuses = Vec::new();
        for r in &raw.status {
            let Some(status) = Status::parse(&r.id) else {
                problems.push(format!("{FILE}: unknown status `{}`", r.id));
                continue;
            };
            let owner = format!("status `{}`", r.id);
            if r.message.trim().is_empty() {
                problems.push(format!("{FILE}: {owner} has an empty message"));
            }
            if r.message_es.trim().is_empty() {
                problems.push(format!("{FILE}: {owner} has no Spanish message (message_es)"));
            }
            if r.sources.is_empty() {
                problems.push(format!("{FILE}: {owner} cites no source"));
            }
            for id in &r.sources {
                if rs.source(id).is_none() {
                    problems.push(format!("{FILE}: {owner} cites unknown source `{id}`"));
                }
            }
            if status == Status::StopWarningSign {
                for (lang, text) in [("English", &r.message), ("Spanish", &r.message_es)] {
                    if !text.contains("911") {
                        problems.push(format!(
                            "{FILE}: {owner}: the {lang} message must say to call 911 for an emergency finding"
                        ));
                    }
                }
            }
            statuses.push(StatusText {
                status,
                message: r.message.trim().to_owned(),
                message_es: r.message_es.trim().to_owned(),
                sources: r.sources.clone(),
            });
        }
        let order: Vec<Status> = statuses.iter().map(|s| s.status).collect();
        for status in Status::ALL {
            match order.iter().filter(|s| **s == status).count() {
                0 => problems.push(format!("{FILE}: no message for status `{}`", status.as_str())),
                1 => {}
                _ => problems.push(format!("{FILE}: status `{}` is listed more than once", status.as_str())),
            }
        }
        if problems.is_empty() && order != Status::ALL {
            problems.push(format!("{FILE}: list the statuses in the contract's table order (PROGRESS.md §2)"));
        }
        if problems.is_empty() {
            Ok(ProgressTexts { statuses, es_review: raw.es_review })
        } else {
            Err(RulesetError { problems })
        }
    }

    /// The texts of one status.
    pub fn status(&self, status: Status) -> &StatusText {
        // Loading checked that statuses are exactly Status::ALL, in order.
        &self.statuses[status as usize]
    }

    /// The output document of PROGRESS.md §4 for an outcome, its message in `lang`.
    pub fn report(&self, outcome: ProgressOutcome, lang: TextLang) -> ProgressReport<'_> {
        ProgressReport { outcome, text: self.status(outcome.status), lang }
    }
}

/// The output of PROGRESS.md §4: the outcome, its message and its sources. Serialises as
/// `{"schema":"lumbar.progress/1","status":…,"baseline":…,"current":…,"change":…,
/// "change_pct":…,"sessions":…,"meaningful_improvement":…,"message":…,"sources":[…]}`.
#[derive(Clone, Copy, Debug)]
pub struct ProgressReport<'t> {
    /// What the rule decided.
    pub outcome: ProgressOutcome,
    text: &'t StatusText,
    lang: TextLang,
}

impl ProgressReport<'_> {
    /// The plain-language message.
    pub fn message(&self) -> &str {
        self.text.message_in(self.lang)
    }

    /// The source ids.
    pub fn sources(&self) -> &[String] {
        &self.text.sources
    }
}

impl Serialize for ProgressReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let o = &self.outcome;
        let mut st = s.serialize_struct("ProgressReport", 10)?;
        st.serialize_field("schema", SCHEMA)?;
        st.serialize_field("status", &o.status)?;
        st.serialize_field("baseline", &o.baseline)?;
        st.serialize_field("current", &o.current)?;
        st.serialize_field("change", &o.change)?;
        st.serialize_field("change_pct", &o.change_pct)?;
        st.serialize_field("sessions", &o.sessions)?;
        st.serialize_field("meaningful_improvement", &o.meaningful_improvement)?;
        st.serialize_field("message", self.message())?;
        st.serialize_field("sources", self.sources())?;
        st.end()
    }
}
