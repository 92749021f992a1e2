//! Loading and validating the rule set: rules, sources, precautions and questions as data.
//!
//! Everything is checked when loaded and every problem is reported at once: unknown or
//! duplicate ids, conditions that do not parse or type-check, `fired(…)` references to
//! later rules, a level that does not match the kind, precaution or source ids that resolve
//! to nothing, empty texts, and emergency actions that do not say to call 911.
//!
//! Every precaution carries a [`TherapistCard`] for the licensed massage therapist (avoid,
//! adapt, stop if, with sources); a precaution without one is a load error.
//!
//! Every person-facing text carries its Spanish form (`title_es`, `label_es`, …, see the
//! head of each data file); a missing or empty one is a load error, so nothing ships
//! untranslated. `es_review` in the data marks the Spanish texts as awaiting clinical review.

use serde::{Deserialize, Serialize};

use super::condition::Cond;
use super::questions::Questionnaire;

/// The five triage levels, most urgent first (`Ord`: `Emergency` is the smallest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Triage {
    /// Call emergency services now.
    Emergency,
    /// Same-day medical assessment.
    UrgentMedical,
    /// A (non-urgent) clinician appointment before massage.
    SeeProviderFirst,
    /// Massage now, with modifications.
    MassageWithPrecautions,
    /// Massage now.
    MassageSuitable,
}

impl Triage {
    /// All levels, most urgent first.
    pub const ALL: [Triage; 5] = [
        Triage::Emergency,
        Triage::UrgentMedical,
        Triage::SeeProviderFirst,
        Triage::MassageWithPrecautions,
        Triage::MassageSuitable,
    ];

    /// The contract word.
    pub fn as_str(self) -> &'static str {
        match self {
            Triage::Emergency => "emergency",
            Triage::UrgentMedical => "urgent_medical",
            Triage::SeeProviderFirst => "see_provider_first",
            Triage::MassageWithPrecautions => "massage_with_precautions",
            Triage::MassageSuitable => "massage_suitable",
        }
    }

    /// True for the two levels at which massage is advisable now.
    pub fn massage_advisable(self) -> bool {
        matches!(self, Triage::MassageWithPrecautions | Triage::MassageSuitable)
    }
}

/// The kind of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Emergency or urgent.
    RedFlag,
    /// See a provider first.
    Referral,
    /// Massage with precautions.
    Precaution,
    /// No effect on triage.
    Note,
}

impl RuleKind {
    /// The contract word.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::RedFlag => "red_flag",
            RuleKind::Referral => "referral",
            RuleKind::Precaution => "precaution",
            RuleKind::Note => "note",
        }
    }
}

/// A cited source.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id (`NHS-BACK`).
    pub id: String,
    /// Full reference.
    pub citation: String,
    /// Where it can be read, when public.
    #[serde(default)]
    pub url: Option<String>,
}

/// One entry of the precaution vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Precaution {
    /// Contract id (`light_pressure`).
    pub id: String,
    /// Short label for the person.
    pub label: String,
    /// Instruction for the therapist (intake summary).
    pub for_therapist: String,
    /// `label` in Spanish (required; checked when loaded).
    pub label_es: String,
    /// `for_therapist` in Spanish (required; checked when loaded).
    pub for_therapist_es: String,
    /// The fuller card for the licensed massage therapist the intake is shared with
    /// (required; checked when loaded).
    pub therapist: TherapistCard,
}

impl Precaution {
    /// The label in a language.
    pub fn label_in(&self, lang: TextLang) -> &str {
        lang.pick(&self.label, &self.label_es)
    }

    /// The therapist's instruction in a language.
    pub fn for_therapist_in(&self, lang: TextLang) -> &str {
        lang.pick(&self.for_therapist, &self.for_therapist_es)
    }
}

/// A text in US English with its Spanish form (both required when loaded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    /// US English (the original).
    pub en: String,
    /// Spanish (translated; see [`Ruleset::es_review`]).
    pub es: String,
}

impl Bilingual {
    /// The text in a language.
    pub fn in_lang(&self, lang: TextLang) -> &str {
        lang.pick(&self.en, &self.es)
    }
}

/// What a licensed massage therapist is told about one precaution: what to avoid, how to
/// adapt the session, and when to stop (and what to tell the client to do then), with the
/// sources behind it. A card is written to be safe for every rule that sets its precaution.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TherapistCard {
    /// Techniques, areas and positions to avoid.
    pub avoid: Bilingual,
    /// How to work instead.
    pub adapt: Bilingual,
    /// When to stop, and what the client should then do.
    pub stop_if: Bilingual,
    /// Indexes into [`Ruleset::sources`] (at least one).
    pub sources: Vec<usize>,
}

impl TherapistCard {
    /// The three parts in reading order, each with its data key (`avoid`, `adapt`, `stop_if`).
    pub fn parts(&self) -> [(&'static str, &Bilingual); 3] {
        [("avoid", &self.avoid), ("adapt", &self.adapt), ("stop_if", &self.stop_if)]
    }
}

/// The languages the rule set's person-facing texts are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextLang {
    /// US English (the reviewed original).
    #[default]
    En,
    /// Spanish (`*_es` fields).
    Es,
}

impl TextLang {
    /// The English or the Spanish text.
    pub fn pick<'s>(self, en: &'s str, es: &'s str) -> &'s str {
        match self {
            TextLang::En => en,
            TextLang::Es => es,
        }
    }
}

/// One screening rule, checked.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Contract id.
    pub id: String,
    /// The level this rule sets; `None` for notes.
    pub level: Option<Triage>,
    /// Its kind.
    pub kind: RuleKind,
    /// The condition as written in the data.
    pub when_text: String,
    /// The parsed condition.
    pub when: Cond,
    /// Plain-language title.
    pub title: String,
    /// Plain-language explanation.
    pub explanation: String,
    /// What to do.
    pub action: String,
    /// `title` in Spanish.
    pub title_es: String,
    /// `explanation` in Spanish.
    pub explanation_es: String,
    /// `action` in Spanish.
    pub action_es: String,
    /// Indexes into [`Ruleset::precautions`].
    pub precautions: Vec<usize>,
    /// Indexes into [`Ruleset::sources`].
    pub sources: Vec<usize>,
}

impl Rule {
    /// The title in a language.
    pub fn title_in(&self, lang: TextLang) -> &str {
        lang.pick(&self.title, &self.title_es)
    }

    /// The explanation in a language.
    pub fn explanation_in(&self, lang: TextLang) -> &str {
        lang.pick(&self.explanation, &self.explanation_es)
    }

    /// The action in a language.
    pub fn action_in(&self, lang: TextLang) -> &str {
        lang.pick(&self.action, &self.action_es)
    }
}

/// The whole validated rule set.
#[derive(Debug)]
pub struct Ruleset {
    /// `ruleset_version` reported in every assessment.
    pub version: String,
    /// The safety-netting text every result ends with.
    pub safety_net: String,
    /// What the person is told about massage styles.
    pub style_note: String,
    /// `safety_net` in Spanish.
    pub safety_net_es: String,
    /// `style_note` in Spanish.
    pub style_note_es: String,
    /// The review state of the Spanish texts (`awaiting clinical review`) while any data
    /// file carries `es_review`; `None` once the translations are clinically reviewed.
    pub es_review: Option<String>,
    /// Sources behind the style note (indexes into `sources`).
    pub style_sources: Vec<usize>,
    /// Rules in data order (most urgent level first).
    pub rules: Vec<Rule>,
    /// The precaution vocabulary in contract order.
    pub precautions: Vec<Precaution>,
    /// Every source.
    pub sources: Vec<Source>,
    /// The question catalogue.
    pub questionnaire: Questionnaire,
    /// Rules evaluated in urgency order (indexes into `rules`), for early exit.
    pub(crate) emergency_rules: Vec<usize>,
}

/// The most rules a rule set may hold (the engine keeps their fired state on the stack).
pub const MAX_RULES: usize = 128;

/// Every problem found while loading the rule set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesetError {
    /// One line per problem, naming the file and the entry.
    pub problems: Vec<String>,
}

impl std::fmt::Display for RulesetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "the screening rule set is invalid ({} problems):", self.problems.len())?;
        for p in &self.problems {
            writeln!(f, "  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RulesetError {}

/// The four data files of a rule set, as text.
#[derive(Clone, Copy, Debug)]
pub struct RulesetFiles<'a> {
    /// `rules.toml`
    pub rules: &'a str,
    /// `sources.toml`
    pub sources: &'a str,
    /// `precautions.toml`
    pub precautions: &'a str,
    /// `questions.toml`
    pub questions: &'a str,
}

impl RulesetFiles<'static> {
    /// The files shipped in this crate's `data/` folder.
    pub const SHIPPED: RulesetFiles<'static> = RulesetFiles {
        rules: include_str!("../../data/rules.toml"),
        sources: include_str!("../../data/sources.toml"),
        precautions: include_str!("../../data/precautions.toml"),
        questions: include_str!("../../data/questions.toml"),
    };
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    ruleset_version: String,
    #[serde(default)]
    es_review: Option<String>,
    safety_net: String,
    #[serde(default)]
    safety_net_es: String,
    style_note: String,
    #[serde(default)]
    style_note_es: String,
    style_sources: Vec<String>,
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    level: String,
    kind: RuleKind,
    when: String,
    title: String,
    explanation: String,
    action: String,
    #[serde(default)]
    title_es: String,
    #[serde(default)]
    explanation_es: String,
    #[serde(default)]
    action_es: String,
    #[serde(default)]
    precautions: Vec<String>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrecautionsFile {
    #[serde(default)]
    es_review: Option<String>,
    precaution: Vec<RawPrecaution>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrecaution {
    id: String,
    label: String,
    for_therapist: String,
    #[serde(default)]
    label_es: String,
    #[serde(default)]
    for_therapist_es: String,
    /// Optional here so that a missing card is reported with the precaution's id.
    #[serde(default)]
    therapist: Option<RawTherapistCard>,
}

/// Every field defaults, so that a missing one is reported with the precaution's id and the
/// field's name rather than as a bare TOML error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTherapistCard {
    #[serde(default)]
    avoid: String,
    #[serde(default)]
    adapt: String,
    #[serde(default)]
    stop_if: String,
    #[serde(default)]
    avoid_es: String,
    #[serde(default)]
    adapt_es: String,
    #[serde(default)]
    stop_if_es: String,
    #[serde(default)]
    sources: Vec<String>,
}

fn parse_toml<T: serde::de::DeserializeOwned>(file: &str, text: &str, problems: &mut Vec<String>) -> Option<T> {
    match toml::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(format!("{file}: {}", e.to_string().trim_end()));
            None
        }
    }
}

fn duplicates<'a>(file: &str, what: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(format!("{file}: duplicate {what} id `{id}`"));
        }
    }
}

/// Checks one precaution entry and its therapist card (texts in both languages, sources that
/// resolve); every problem names the precaution and the field.
fn load_precaution(p: RawPrecaution, sources: &[Source], problems: &mut Vec<String>) -> Precaution {
    let owner = format!("precautions.toml: precaution `{}`", p.id);
    for (name, en, es) in [("label", &p.label, &p.label_es), ("for_therapist", &p.for_therapist, &p.for_therapist_es)] {
        if en.trim().is_empty() {
            problems.push(format!("{owner} has an empty {name}"));
        }
        if es.trim().is_empty() {
            problems.push(format!("{owner} has no Spanish {name} ({name}_es)"));
        }
    }
    let therapist = match p.therapist {
        None => {
            problems.push(format!(
                "{owner} has no therapist card ([precaution.therapist] with avoid, adapt, stop_if, their _es forms and sources)"
            ));
            TherapistCard::default()
        }
        Some(c) => {
            let text = |name: &str, en: String, es: String, problems: &mut Vec<String>| {
                if en.trim().is_empty() {
                    problems.push(format!("{owner} has no therapist {name} (therapist.{name})"));
                }
                if es.trim().is_empty() {
                    problems.push(format!("{owner} has no Spanish therapist {name} (therapist.{name}_es)"));
                }
                Bilingual { en: en.trim().to_owned(), es: es.trim().to_owned() }
            };
            let avoid = text("avoid", c.avoid, c.avoid_es, problems);
            let adapt = text("adapt", c.adapt, c.adapt_es, problems);
            let stop_if = text("stop_if", c.stop_if, c.stop_if_es, problems);
            if c.sources.is_empty() {
                problems.push(format!("{owner}: the therapist card cites no source (therapist.sources)"));
            }
            let sources = c
                .sources
                .iter()
                .filter_map(|id| {
                    let i = sources.iter().position(|s| &s.id == id);
                    if i.is_none() {
                        problems.push(format!("{owner}: the therapist card cites unknown source `{id}`"));
                    }
                    i
                })
                .collect();
            TherapistCard { avoid, adapt, stop_if, sources }
        }
    };
    Precaution {
        id: p.id,
        label: p.label,
        for_therapist: p.for_therapist,
        label_es: p.label_es,
        for_therapist_es: p.for_therapist_es,
        therapist,
    }
}

impl Ruleset {
    /// The rule set shipped with lumbar (validated by the test suite, so this does not fail
    /// in a released build; the error is still returned rather than hidden).
    pub fn shipped() -> Result<Ruleset, RulesetError> {
        Ruleset::load(RulesetFiles::SHIPPED)
    }

    /// Loads and validates a rule set from its files' text.
    pub fn load(files: RulesetFiles<'_>) -> Result<Ruleset, RulesetError> {
        let mut problems = Vec::new();
        let rules_file: Option<RulesFile> = parse_toml("rules.toml", files.rules, &mut problems);
        let sources: Option<SourcesFile> = parse_toml("sources.toml", files.sources, &mut problems);
        let precautions: Option<PrecautionsFile> = parse_toml("precautions.toml", files.precautions, &mut problems);
        let (Some(rules_file), Some(sources), Some(precautions)) = (rules_file, sources, precautions) else {
            return Err(RulesetError { problems });
        };
        let sources = sources.source;
        let es_review = rules_file.es_review.clone().or_else(|| precautions.es_review.clone());
        let precautions: Vec<Precaution> =
            precautions.precaution.into_iter().map(|p| load_precaution(p, &sources, &mut problems)).collect();
        for (name, es) in [("safety_net", &rules_file.safety_net_es), ("style_note", &rules_file.style_note_es)] {
            if es.trim().is_empty() {
                problems.push(format!("rules.toml: no Spanish {name} ({name}_es)"));
            }
        }
        duplicates("sources.toml", "source", sources.iter().map(|s| s.id.as_str()), &mut problems);
        duplicates("precautions.toml", "precaution", precautions.iter().map(|p| p.id.as_str()), &mut problems);
        duplicates("rules.toml", "rule", rules_file.rule.iter().map(|r| r.id.as_str()), &mut problems);
        if rules_file.rule.len() > MAX_RULES {
            problems.push(format!("rules.toml: at most {MAX_RULES} rules are supported"));
        }
        if precautions.len() > 32 {
            problems.push("precautions.toml: at most 32 precautions are supported".to_owned());
        }
        for s in &sources {
            if s.citation.trim().is_empty() {
                problems.push(format!("sources.toml: source `{}` has an empty citation", s.id));
            }
        }

        let source_index = |id: &str| sources.iter().position(|s| s.id == id);
        let resolve_sources = |owner: &str, ids: &[String], problems: &mut Vec<String>| -> Vec<usize> {
            if ids.is_empty() {
                problems.push(format!("rules.toml: {owner} cites no source"));
            }
            ids.iter()
                .filter_map(|id| {
                    let i = source_index(id);
                    if i.is_none() {
                        problems.push(format!("rules.toml: {owner} cites unknown source `{id}`"));
                    }
                    i
                })
                .collect()
        };

        let style_sources = resolve_sources("style_note", &rules_file.style_sources, &mut problems);
        if rules_file.ruleset_version.trim().is_empty() {
            problems.push("rules.toml: ruleset_version is empty".to_owned());
        }

        let raw = &rules_file.rule;
        let mut rules = Vec::with_capacity(raw.len());
        for (i, r) in raw.iter().enumerate() {
            let owner = format!("rule `{}`", r.id);
            let level = match r.level.as_str() {
                "note" => None,
                other => match Triage::ALL.iter().find(|t| t.as_str() == other) {
                    Some(Triage::MassageSuitable) | None => {
                        problems.push(format!("rules.toml: {owner} has unknown level `{other}`"));
                        None
                    }
                    Some(t) => Some(*t),
                },
            };
            let kind_ok = match (r.kind, level) {
                (RuleKind::RedFlag, Some(Triage::Emergency | Triage::UrgentMedical)) => true,
                (RuleKind::Referral, Some(Triage::SeeProviderFirst)) => true,
                (RuleKind::Precaution, Some(Triage::MassageWithPrecautions)) => true,
                (RuleKind::Note, None) => r.level == "note",
                _ => false,
            };
            if !kind_ok {
                problems.push(format!(
                    "rules.toml: {owner}: kind `{}` does not go with level `{}`",
                    r.kind.as_str(),
                    r.level
                ));
            }
            // `fired(x)` may only name an earlier rule: evaluation is in data order.
            let earlier = |id: &str| raw[..i].iter().position(|e| e.id == id);
            let when = match Cond::parse(&r.when, &earlier) {
                Ok(c) => c,
                Err(e) => {
                    problems.push(format!("rules.toml: {owner}: condition: {e} (fired() may only name earlier rules)"));
                    Cond::Or(Vec::new())
                }
            };
            for (name, text, es) in [
                ("title", &r.title, &r.title_es),
                ("explanation", &r.explanation, &r.explanation_es),
                ("action", &r.action, &r.action_es),
            ] {
                if text.trim().is_empty() {
                    problems.push(format!("rules.toml: {owner} has an empty {name}"));
                }
                if es.trim().is_empty() {
                    problems.push(format!("rules.toml: {owner} has no Spanish {name} ({name}_es)"));
                }
            }
            if level == Some(Triage::Emergency)
                && !r.action_es.trim().is_empty()
                && !(r.action_es.contains("911") && r.action_es.to_lowercase().contains("emergencia"))
            {
                problems.push(format!(
                    "rules.toml: {owner}: the Spanish emergency action must tell the person to call 911 (or their local emergency number)"
                ));
            }
            if level == Some(Triage::Emergency)
                && !(r.action.contains("911") && r.action.to_lowercase().contains("emergency"))
            {
                problems.push(format!(
                    "rules.toml: {owner}: an emergency action must tell the person to call 911 (or their local emergency number)"
                ));
            }
            let precaution_ids: Vec<usize> = r
                .precautions
                .iter()
                .filter_map(|id| {
                    let p = precautions.iter().position(|p| &p.id == id);
                    if p.is_none() {
                        problems.push(format!("rules.toml: {owner} names unknown precaution `{id}`"));
                    }
                    p
                })
                .collect();
            if r.kind == RuleKind::Precaution && precaution_ids.is_empty() && r.precautions.is_empty() {
                problems.push(format!("rules.toml: {owner} is a precaution rule but names no precaution"));
            }
            if r.kind != RuleKind::Precaution && !r.precautions.is_empty() {
                problems.push(format!("rules.toml: {owner}: only precaution rules carry precautions"));
            }
            let sources = resolve_sources(&owner, &r.sources, &mut problems);
            rules.push(Rule {
                id: r.id.clone(),
                level,
                kind: r.kind,
                when_text: r.when.split_whitespace().collect::<Vec<_>>().join(" "),
                when,
                title: r.title.trim().to_owned(),
                explanation: r.explanation.trim().to_owned(),
                action: r.action.trim().to_owned(),
                title_es: r.title_es.trim().to_owned(),
                explanation_es: r.explanation_es.trim().to_owned(),
                action_es: r.action_es.trim().to_owned(),
                precautions: precaution_ids,
                sources,
            });
        }
        // Rules must be listed most urgent first, so findings come out in order.
        let rank = |r: &Rule| r.level.map_or(Triage::ALL.len(), |t| t as usize);
        for pair in rules.windows(2) {
            if rank(&pair[1]) < rank(&pair[0]) {
                problems.push(format!(
                    "rules.toml: rule `{}` is listed after the less urgent rule `{}`; keep the contract's table order",
                    pair[1].id, pair[0].id
                ));
            }
        }

        let questionnaire = Questionnaire::load(files.questions, &rules);
        let questionnaire = match questionnaire {
            Ok(q) if problems.is_empty() => q,
            Ok(_) => return Err(RulesetError { problems }),
            Err(mut p) => {
                problems.append(&mut p);
                return Err(RulesetError { problems });
            }
        };
        let emergency_rules = (0..rules.len()).filter(|&i| rules[i].level == Some(Triage::Emergency)).collect();
        Ok(Ruleset {
            version: rules_file.ruleset_version,
            safety_net: rules_file.safety_net.trim().to_owned(),
            style_note: rules_file.style_note.trim().to_owned(),
            safety_net_es: rules_file.safety_net_es.trim().to_owned(),
            style_note_es: rules_file.style_note_es.trim().to_owned(),
            es_review,
            style_sources,
            rules,
            precautions,
            sources,
            questionnaire,
            emergency_rules,
        })
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A precaution by id.
    pub fn precaution(&self, id: &str) -> Option<&Precaution> {
        self.precautions.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped files with every line of a Spanish field (`…_es = …`) removed.
    fn without_spanish(text: &str) -> String {
        text.lines()
            .filter(|l| !l.split('=').next().is_some_and(|k| k.trim_end().ends_with("_es")))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_shipped_rule_set_is_fully_translated() {
        let rs = Ruleset::shipped().map_err(|e| e.to_string());
        let Ok(rs) = rs else { panic!("{rs:?}") };
        assert!(
            rs.rules.iter().all(|r| !r.title_es.is_empty() && !r.explanation_es.is_empty() && !r.action_es.is_empty())
        );
        assert!(rs.precautions.iter().all(|p| !p.label_es.is_empty() && !p.for_therapist_es.is_empty()));
        assert!(rs.precautions.iter().all(|p| p.therapist.parts().iter().all(|(_, t)| !t.es.is_empty())));
        assert_eq!(rs.es_review.as_deref(), Some("awaiting clinical review"));
    }

    #[test]
    fn a_missing_spanish_text_is_a_load_error_naming_every_one() {
        let rules = without_spanish(RulesetFiles::SHIPPED.rules);
        let precautions = without_spanish(RulesetFiles::SHIPPED.precautions);
        let files = RulesetFiles { rules: &rules, precautions: &precautions, ..RulesetFiles::SHIPPED };
        let Err(e) = Ruleset::load(files) else { panic!("a rule set without Spanish texts loaded") };
        let shipped = Ruleset::shipped().map_err(|e| e.to_string());
        let Ok(shipped) = shipped else { panic!("{shipped:?}") };
        // per precaution: label, for_therapist and the card's avoid, adapt, stop_if
        let expected = shipped.rules.len() * 3 + shipped.precautions.len() * 5 + 2;
        let missing = e.problems.iter().filter(|p| p.contains("no Spanish")).count();
        assert_eq!(missing, expected, "{e}");
        assert!(
            e.problems.iter().any(|p| p == "rules.toml: rule `cauda_equina` has no Spanish title (title_es)"),
            "{e}"
        );
        assert!(e.problems.iter().any(|p| p.contains("`no_deep_abdominal_work` has no Spanish for_therapist")), "{e}");
        assert!(
            e.problems.iter().any(|p| p
                == "precautions.toml: precaution `side_lying` has no Spanish therapist stop_if (therapist.stop_if_es)"),
            "{e}"
        );
        assert!(e.problems.iter().any(|p| p == "rules.toml: no Spanish safety_net (safety_net_es)"), "{e}");
    }

    #[test]
    fn a_spanish_emergency_action_must_say_to_call_911() {
        let rules = RulesetFiles::SHIPPED.rules.replace(
            "action_es = \"Llame ahora al 911 (o al número de emergencias local). No maneje usted. No se dé un masaje.\"",
            "action_es = \"Vaya al médico.\"",
        );
        assert_ne!(rules, RulesetFiles::SHIPPED.rules);
        let Err(e) = Ruleset::load(RulesetFiles { rules: &rules, ..RulesetFiles::SHIPPED }) else { panic!("loaded") };
        assert!(e.problems.iter().any(|p| p.contains("`chest_symptoms`: the Spanish emergency action")), "{e}");
    }
}
