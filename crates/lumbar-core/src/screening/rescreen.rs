//! The re-screen before every logged session or check-in (PROGRESS.md §3): which questions
//! are asked again.
//!
//! The person answers again every question that feeds an `emergency` or `urgent_medical`
//! rule; the other answers are taken from their last full check, and the re-screen is assessed
//! with the same engine ([`Ruleset::assess`]). A question *feeds* a rule when the rule's
//! condition reads its field, directly, through a derived field (`onset_age` is read from
//! `age` and `duration_weeks`, `spread` from `pain_spread_left` and `pain_spread_right`), or
//! through a `fired(…)` reference to another rule. A question's `ask_when` is evaluated on the
//! merged answers, so a re-screen question that depends on an earlier answer (`labour_signs`
//! on `pregnancy`) is asked exactly when it would be in the full check.

use super::fields::Field;
use super::questions::{Target, source_fields};
use super::ruleset::{Ruleset, Triage};

/// The ids of the questions of the re-screen, in the questionnaire's order: every question
/// (named, as in `questions.toml` and the answers object, by the field it fills) whose field
/// an `emergency` or `urgent_medical` rule reads.
pub fn rescreen_questions(rs: &Ruleset) -> Vec<&'static str> {
    let mut rules: Vec<usize> = (0..rs.rules.len())
        .filter(|&i| matches!(rs.rules[i].level, Some(Triage::Emergency | Triage::UrgentMedical)))
        .collect();
    let mut fields: Vec<Field> = Vec::new();
    let mut next = 0;
    while let Some(&i) = rules.get(next) {
        next += 1;
        let when = &rs.rules[i].when;
        let mut read = Vec::new();
        when.fields(&mut read);
        fields.extend(read.into_iter().flat_map(source_fields));
        let mut refs = Vec::new();
        when.rule_refs(&mut refs);
        for r in refs {
            if !rules.contains(&r) {
                rules.push(r);
            }
        }
    }
    rs.questionnaire
        .questions
        .iter()
        .filter_map(|q| match q.target {
            Target::Answer(f) if fields.contains(&f) => Some(f.name()),
            _ => None,
        })
        .collect()
}
