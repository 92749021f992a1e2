//! Progress acceptance tests (`lumbar.progress/1`, PROGRESS.md): the public cases, every row
//! of the status table and its boundaries from hand-written cases, every kind of invalid
//! input, the status messages as data, and the questions of the re-screen (§3).
//!
//! `tests/data/progress-public.json` is a copy of the shared reference set
//! `clinical/progress-public.json` (PROGRESS.md §4: "Public cases"), kept in the repository so
//! the tests stand alone; `public::repo_copy_matches_shared_cases_when_present` notices
//! when the shared file changes. Every expected value in these tests is written by hand from
//! the contract, never computed by the code under test.

mod invalid;
mod public;
mod rescreen;
mod table;
mod texts;

use std::sync::OnceLock;

use lumbar_core::progress::{ProgressInput, ProgressOutcome, assess};
use lumbar_core::screening::Ruleset;
use serde_json::Value;

/// The shipped rule set, loaded once per test binary.
pub fn ruleset() -> &'static Ruleset {
    static RS: OnceLock<Ruleset> = OnceLock::new();
    RS.get_or_init(|| Ruleset::shipped().unwrap_or_else(|e| panic!("{e}")))
}

/// Parses a log that must be valid.
pub fn input(log: &Value) -> ProgressInput {
    ProgressInput::from_json(log).unwrap_or_else(|e| panic!("a valid log was rejected: {e}\n{log}"))
}

/// Parses and assesses a log that must be valid.
pub fn outcome(log: &Value) -> ProgressOutcome {
    assess(&input(log))
}
