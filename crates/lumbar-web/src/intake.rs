//! "Prepare for your visit": the intake summary a person hands to their massage therapist,
//! derived from the answers and the assessment. Nothing is stored; the summary exists only
//! in the response to `POST /intake`.
//!
//! Only what matters to a therapist is included, in plain words: where the pain is, what to
//! avoid (each precaution's `for_therapist` text from the rule set), pressure and style
//! wishes (with a line when a wish gives way to a precaution), relevant health history and
//! medicines, the goal and the recommended styles. The words are Fluent messages
//! (`i18n/*/intake.ftl`); this module picks the keys.

use lumbar_core::screening::fields::Field;
use lumbar_core::screening::ruleset::Precaution;
use lumbar_core::screening::{Answers, Assessment, Rule, RuleKind, Style};

/// The parts of the summary, as message keys and rule-set entries.
#[derive(Debug)]
pub struct Intake<'r> {
    /// Where the pain is and where it spreads (message keys).
    pub areas: Vec<&'static str>,
    /// Precautions: label for the person, `for_therapist` for the therapist.
    pub avoid: Vec<&'r Precaution>,
    /// The precaution findings behind them.
    pub reasons: Vec<&'r Rule>,
    /// Pressure wish (contract word).
    pub pressure: &'static str,
    /// Style wish (contract word).
    pub style: &'static str,
    /// Goal (contract word).
    pub goal: &'static str,
    /// Wishes that give way to a precaution (message keys).
    pub conflicts: Vec<&'static str>,
    /// Relevant health history and medicines (message keys).
    pub history: Vec<&'static str>,
    /// Recommended styles, best first.
    pub styles: Vec<Style>,
}

/// The areas of concern.
fn areas(a: &Answers) -> Vec<&'static str> {
    let mut out = vec!["intake-area-lower-back"];
    for (field, keys) in [
        (Field::PainSpreadLeft, ["intake-area-left-buttock", "intake-area-left-thigh", "intake-area-left-below-knee"]),
        (
            Field::PainSpreadRight,
            ["intake-area-right-buttock", "intake-area-right-thigh", "intake-area-right-below-knee"],
        ),
    ] {
        match a.choice(field) {
            "buttock" => out.push(keys[0]),
            "thigh" => out.push(keys[1]),
            "below_knee" => out.push(keys[2]),
            _ => {}
        }
    }
    if a.flag(Field::UpperBackPain) {
        out.push("intake-area-upper-back");
    }
    match a.choice(Field::LegNumbnessOrTingling) {
        "one_leg" => out.push("intake-area-numb-one-leg"),
        "both_legs" => out.push("intake-area-numb-both-legs"),
        _ => {}
    }
    out
}

/// Health history and medicines a therapist needs to know.
fn history(a: &Answers) -> Vec<&'static str> {
    let mut out = Vec::new();
    match a.choice(Field::Pregnancy) {
        "pregnant" => out.push("intake-history-pregnant"),
        "postpartum" => out.push("intake-history-postpartum"),
        _ => {}
    }
    match a.choice(Field::BloodThinner) {
        "anticoagulant" => out.push("intake-history-anticoagulant"),
        "antiplatelet" => out.push("intake-history-antiplatelet"),
        "aspirin_low_dose" => out.push("intake-history-aspirin"),
        _ => {}
    }
    match a.choice(Field::BloodClot) {
        "past" => out.push("intake-history-clot-past"),
        "on_treatment" => out.push("intake-history-clot-treatment"),
        _ => {}
    }
    match a.choice(Field::SpineProcedure) {
        "earlier" => out.push("intake-history-spine-surgery"),
        "within_12_weeks" => out.push("intake-history-spine-surgery-recent"),
        _ => {}
    }
    match a.choice(Field::Cancer) {
        "past" => out.push("intake-history-cancer-past"),
        "current" => out.push("intake-history-cancer-current"),
        _ => {}
    }
    for (field, key) in [
        (Field::BloodThinnerProblem, "intake-history-thinner-problem"),
        (Field::BleedingDisorder, "intake-history-bleeding-disorder"),
        (Field::Osteoporosis, "intake-history-osteoporosis"),
        (Field::LongTermSteroids, "intake-history-steroids"),
        (Field::DiabetesNeuropathy, "intake-history-neuropathy"),
        (Field::KidneyDisease, "intake-history-kidney"),
        (Field::ImplantedDevice, "intake-history-device"),
        (Field::VaricoseVeins, "intake-history-varicose"),
        (Field::SkinProblemAtSite, "intake-history-skin"),
        (Field::RecentFractureOrInjury, "intake-history-injury"),
        (Field::RecentImmobilisation, "intake-history-immobile"),
        (Field::MajorSurgeryWithin6Weeks, "intake-history-surgery"),
        (Field::Immunosuppressed, "intake-history-immune"),
        (Field::HeartConditionUncontrolled, "intake-history-heart"),
    ] {
        if a.flag(field) {
            out.push(key);
        }
    }
    out
}

/// The summary for one person.
pub fn summarize<'r>(answers: &Answers, a: &Assessment<'r>) -> Intake<'r> {
    let rs = a.ruleset();
    let avoid: Vec<&Precaution> = a.precaution_ids().filter_map(|id| rs.precaution(id)).collect();
    let has = |id: &str| avoid.iter().any(|p| p.id == id);
    let prefs = &answers.preferences;
    let mut conflicts = Vec::new();
    if has("light_pressure") && matches!(prefs.pressure(), "medium" | "firm") {
        conflicts.push("intake-conflict-pressure");
    }
    if (has("no_deep_tissue") || has("light_pressure")) && prefs.style() == "deep_tissue" {
        conflicts.push("intake-conflict-style");
    }
    Intake {
        areas: areas(answers),
        reasons: a.finding_rules().filter(|r| r.kind == RuleKind::Precaution).collect(),
        avoid,
        pressure: prefs.pressure(),
        style: prefs.style(),
        goal: prefs.goal(),
        conflicts,
        history: history(answers),
        styles: a.styles.clone(),
    }
}

/// Every message key [`summarize`] can return (a test checks each has English and Spanish).
pub const KEYS: &[&str] = &[
    "intake-area-lower-back",
    "intake-area-left-buttock",
    "intake-area-left-thigh",
    "intake-area-left-below-knee",
    "intake-area-right-buttock",
    "intake-area-right-thigh",
    "intake-area-right-below-knee",
    "intake-area-upper-back",
    "intake-area-numb-one-leg",
    "intake-area-numb-both-legs",
    "intake-history-pregnant",
    "intake-history-postpartum",
    "intake-history-anticoagulant",
    "intake-history-antiplatelet",
    "intake-history-aspirin",
    "intake-history-clot-past",
    "intake-history-clot-treatment",
    "intake-history-spine-surgery",
    "intake-history-spine-surgery-recent",
    "intake-history-cancer-past",
    "intake-history-cancer-current",
    "intake-history-thinner-problem",
    "intake-history-bleeding-disorder",
    "intake-history-osteoporosis",
    "intake-history-steroids",
    "intake-history-neuropathy",
    "intake-history-kidney",
    "intake-history-device",
    "intake-history-varicose",
    "intake-history-skin",
    "intake-history-injury",
    "intake-history-immobile",
    "intake-history-surgery",
    "intake-history-immune",
    "intake-history-heart",
    "intake-conflict-pressure",
    "intake-conflict-style",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Lang};

    #[test]
    fn every_key_is_translated() {
        let i = I18n::load();
        for lang in Lang::ALL {
            for key in KEYS {
                assert!(i.message(lang, key, &[]).is_some(), "{} lacks {key}", lang.code());
            }
        }
    }
}
