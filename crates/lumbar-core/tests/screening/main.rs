//! Screening acceptance tests: the public vignettes, the §2 invariants as properties, the
//! rule-set loader's start-up errors and the generated rules document.

mod invariants;
mod loader;
mod vignettes;

use std::sync::OnceLock;

use lumbar_core::screening::Ruleset;

/// The shipped rule set, loaded once per test binary.
pub fn ruleset() -> &'static Ruleset {
    static RS: OnceLock<Ruleset> = OnceLock::new();
    RS.get_or_init(|| Ruleset::shipped().unwrap_or_else(|e| panic!("{e}")))
}
