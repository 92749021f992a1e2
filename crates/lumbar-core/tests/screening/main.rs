//! Screening acceptance tests: the public vignettes, the §2 invariants as properties, every
//! §3 rule pinned at its boundary from a hand-written table, the rule-set loader's start-up
//! errors and the generated rules document.

mod answers;
mod assessment;
mod condition;
mod invariants;
mod loader;
mod oracle;
mod partial;
mod questionnaire;
mod rule_table;
mod ruleset_data;
mod therapist;
mod vignettes;

use std::sync::OnceLock;

use lumbar_core::screening::Ruleset;

/// The shipped rule set, loaded once per test binary.
pub fn ruleset() -> &'static Ruleset {
    static RS: OnceLock<Ruleset> = OnceLock::new();
    RS.get_or_init(|| Ruleset::shipped().unwrap_or_else(|e| panic!("{e}")))
}
