//! Answers → assessment (SCREENING.md §2): every fired finding, the most urgent level,
//! the union of precautions, style advice, PEG, severity, duration and safety-netting.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};

use super::answers::Answers;
use super::condition::Tri;
use super::fields::{ALL_FIELDS, ANSWER_FIELDS, Field, SPREAD};
use super::ruleset::{MAX_RULES, Rule, Ruleset, Triage};

/// The schema id of assessments.
pub const SCHEMA: &str = "lumbar.screening/1";

/// A massage style the assessment can recommend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// Pregnancy massage.
    Prenatal,
    /// Swedish / relaxation massage.
    Swedish,
    /// Deep tissue / structural massage.
    DeepTissue,
}

impl Style {
    /// The contract word.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Prenatal => "prenatal",
            Style::Swedish => "swedish",
            Style::DeepTissue => "deep_tissue",
        }
    }
}

/// Pain severity from `pain_now` (BOONSTRA-2016).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 0–5.
    Mild,
    /// 6–7.
    Moderate,
    /// 8–10.
    Severe,
}

/// Episode duration class (ACP-2017).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationClass {
    /// Under 4 weeks.
    Acute,
    /// 4 to 12 weeks.
    Subacute,
    /// Over 12 weeks.
    Chronic,
}

/// The `pain` object.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Pain {
    /// Pain right now, 0–10.
    pub now: u8,
    /// PEG score: mean of three items, one decimal (KREBS-2009).
    pub peg: f64,
    /// Severity band.
    pub severity: Severity,
}

/// The result of a screening. Borrows its texts from the [`Ruleset`].
#[derive(Clone, Debug)]
pub struct Assessment<'r> {
    ruleset: &'r Ruleset,
    /// Most urgent level among the findings.
    pub triage: Triage,
    /// Fired rules, most urgent first (indexes into `ruleset.rules`).
    pub findings: Vec<usize>,
    /// Union of the findings' precautions as a bit set over the vocabulary (empty unless
    /// massage is advisable now).
    pub precautions: u32,
    /// Recommended styles, best first (empty unless massage is advisable now).
    pub styles: Vec<Style>,
    /// Pain figures.
    pub pain: Pain,
    /// Duration class.
    pub duration: DurationClass,
}

impl<'r> Assessment<'r> {
    /// True exactly when triage is `massage_with_precautions` or `massage_suitable`.
    pub fn massage_advisable_now(&self) -> bool {
        self.triage.massage_advisable()
    }

    /// The fired rules, most urgent first.
    pub fn finding_rules(&self) -> impl Iterator<Item = &'r Rule> + '_ {
        self.findings.iter().map(|&i| &self.ruleset.rules[i])
    }

    /// The precaution ids, in vocabulary order.
    pub fn precaution_ids(&self) -> impl Iterator<Item = &'r str> + '_ {
        let set = self.precautions;
        self.ruleset
            .precautions
            .iter()
            .enumerate()
            .filter(move |(i, _)| set & (1 << i) != 0)
            .map(|(_, p)| p.id.as_str())
    }

    /// Every cited source id in first-cited order (findings, then the style note).
    pub fn source_indexes(&self) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let style = if self.styles.is_empty() { &[][..] } else { &self.ruleset.style_sources[..] };
        for &s in self.finding_rules().flat_map(|r| r.sources.iter()).chain(style) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// The rule set this assessment was made with.
    pub fn ruleset(&self) -> &'r Ruleset {
        self.ruleset
    }
}

impl Serialize for Assessment<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rs = self.ruleset;
        let mut st = s.serialize_struct("Assessment", 13)?;
        st.serialize_field("schema", SCHEMA)?;
        st.serialize_field("ruleset_version", &rs.version)?;
        st.serialize_field("triage", &self.triage)?;
        st.serialize_field("massage_advisable_now", &self.massage_advisable_now())?;
        let findings: Vec<FindingJson<'_>> = self.finding_rules().map(|rule| FindingJson { rs, rule }).collect();
        st.serialize_field("findings", &findings)?;
        st.serialize_field("precautions", &self.precaution_ids().collect::<Vec<_>>())?;
        st.serialize_field("styles", &self.styles)?;
        if !self.styles.is_empty() {
            st.serialize_field("style_note", &rs.style_note)?;
        }
        st.serialize_field("pain", &self.pain)?;
        st.serialize_field("duration", &self.duration)?;
        st.serialize_field("safety_net", &rs.safety_net)?;
        st.serialize_field("sources", &SourcesJson { rs, ids: self.source_indexes() })?;
        st.end()
    }
}

struct FindingJson<'a> {
    rs: &'a Ruleset,
    rule: &'a Rule,
}

impl Serialize for FindingJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.rule;
        let mut st = s.serialize_struct("Finding", 8)?;
        st.serialize_field("id", &r.id)?;
        st.serialize_field("kind", &r.kind)?;
        st.serialize_field("triage", &r.level)?;
        st.serialize_field("title", &r.title)?;
        st.serialize_field("explanation", &r.explanation)?;
        st.serialize_field("action", &r.action)?;
        let precautions: Vec<&str> = r.precautions.iter().map(|&p| self.rs.precautions[p].id.as_str()).collect();
        st.serialize_field("precautions", &precautions)?;
        let sources: Vec<&str> = r.sources.iter().map(|&i| self.rs.sources[i].id.as_str()).collect();
        st.serialize_field("sources", &sources)?;
        st.end()
    }
}

struct SourcesJson<'a> {
    rs: &'a Ruleset,
    ids: Vec<usize>,
}

impl Serialize for SourcesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.ids.len()))?;
        for &i in &self.ids {
            let src = &self.rs.sources[i];
            map.serialize_entry(&src.id, &src.citation)?;
        }
        map.end()
    }
}

/// Fills the derived fields (`onset_age`, `spread`) after the answers.
fn with_derived(values: &[f64; ANSWER_FIELDS]) -> [f64; ALL_FIELDS] {
    let mut v = [0.0; ALL_FIELDS];
    v[..ANSWER_FIELDS].copy_from_slice(values);
    v[Field::OnsetAge as usize] = values[Field::Age as usize] - values[Field::DurationWeeks as usize] / 52.0;
    v[Field::Spread as usize] = values[Field::PainSpreadLeft as usize].max(values[Field::PainSpreadRight as usize]);
    v
}

fn with_derived_partial(values: &[Option<f64>; ANSWER_FIELDS]) -> [Option<f64>; ALL_FIELDS] {
    let mut v = [None; ALL_FIELDS];
    v[..ANSWER_FIELDS].copy_from_slice(values);
    v[Field::OnsetAge as usize] = match (values[Field::Age as usize], values[Field::DurationWeeks as usize]) {
        (Some(a), Some(d)) => Some(a - d / 52.0),
        _ => None,
    };
    // The farther side: known once both are known, or once either is already the farthest.
    let far = (SPREAD.len() - 1) as f64;
    v[Field::Spread as usize] = match (values[Field::PainSpreadLeft as usize], values[Field::PainSpreadRight as usize])
    {
        (Some(l), Some(r)) => Some(l.max(r)),
        (Some(x), None) | (None, Some(x)) if x == far => Some(far),
        _ => None,
    };
    v
}

impl Ruleset {
    /// Assesses a complete, checked set of answers.
    pub fn assess(&self, answers: &Answers) -> Assessment<'_> {
        let v = with_derived(answers.raw_values());
        let mut fired = [false; MAX_RULES];
        let fired = &mut fired[..self.rules.len()];
        let mut findings = Vec::new();
        let mut triage = Triage::MassageSuitable;
        let mut precautions = 0u32;
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.when.eval(&v, fired) {
                fired[i] = true;
                findings.push(i);
                if let Some(level) = rule.level {
                    triage = triage.min(level);
                }
                for &p in &rule.precautions {
                    precautions |= 1 << p;
                }
            }
        }
        if !triage.massage_advisable() {
            precautions = 0;
        }
        let duration_weeks = answers.number(Field::DurationWeeks);
        let duration = if duration_weeks < 4.0 {
            DurationClass::Acute
        } else if duration_weeks <= 12.0 {
            DurationClass::Subacute
        } else {
            DurationClass::Chronic
        };
        let styles = if triage.massage_advisable() { self.styles(answers, precautions, duration) } else { Vec::new() };
        let now = answers.number(Field::PainNow) as u8;
        let peg_sum = answers.number(Field::PainAverageWeek)
            + answers.number(Field::InterferenceEnjoyment)
            + answers.number(Field::InterferenceActivity);
        let peg = (peg_sum / 3.0 * 10.0).round() / 10.0;
        let severity = match now {
            0..=5 => Severity::Mild,
            6..=7 => Severity::Moderate,
            _ => Severity::Severe,
        };
        Assessment { ruleset: self, triage, findings, precautions, styles, pain: Pain { now, peg, severity }, duration }
    }

    /// Style advice, SCREENING.md §2: the first matching case wins.
    fn styles(&self, answers: &Answers, precautions: u32, duration: DurationClass) -> Vec<Style> {
        let has =
            |id: &str| self.precautions.iter().position(|p| p.id == id).is_some_and(|i| precautions & (1 << i) != 0);
        let prefs = answers.preferences;
        if answers.choice(Field::Pregnancy) == "pregnant" {
            return vec![Style::Prenatal];
        }
        if has("no_deep_tissue") || has("light_pressure") {
            return vec![Style::Swedish];
        }
        let wants_deep = prefs.style() == "deep_tissue"
            || (prefs.style() != "swedish" && (prefs.pressure() == "firm" || prefs.goal() == "ease_tension"));
        if wants_deep {
            return if duration == DurationClass::Acute || precautions != 0 {
                vec![Style::Swedish, Style::DeepTissue]
            } else {
                vec![Style::DeepTissue, Style::Swedish]
            };
        }
        if prefs.style() == "swedish" || prefs.pressure() == "light" || prefs.goal() == "relax" {
            return vec![Style::Swedish];
        }
        vec![Style::Swedish, Style::DeepTissue]
    }

    /// Emergency rules already certain from partial answers (`None` = not asked yet).
    ///
    /// The questionnaire calls this after each answer: a non-empty result means stop and
    /// show what to do now, whatever the remaining answers would be.
    pub fn emergencies_settled(&self, partial: &[Option<f64>; ANSWER_FIELDS]) -> Vec<&Rule> {
        let v = with_derived_partial(partial);
        let fired = vec![Tri::Unknown; self.rules.len()];
        self.emergency_rules.iter().map(|&i| &self.rules[i]).filter(|r| r.when.eval3(&v, &fired) == Tri::True).collect()
    }
}
