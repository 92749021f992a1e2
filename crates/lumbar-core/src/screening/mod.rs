//! The screening contract `lumbar.screening/1` (SCREENING.md): answers → assessment.
//!
//! - [`fields`]: the answer fields, their types and allowed values;
//! - [`answers`]: parsing JSON answers, every problem at once;
//! - [`condition`]: the small typed condition language rules and questions are written in;
//! - [`ruleset`]: loading and validating the rules, sources and precautions (data in
//!   `crates/lumbar-core/data/`);
//! - [`questions`]: the question catalogue shared by every front end;
//! - [`assess`]: the assessment itself;
//! - [`rescreen`]: the questions asked again before every logged session (PROGRESS.md §3);
//! - [`docs`]: the generated `docs/clinical-rules.md`.

pub mod answers;
pub mod assess;
pub mod condition;
pub mod docs;
pub mod fields;
pub mod questions;
pub mod rescreen;
pub mod ruleset;

pub use answers::{Answers, FieldProblem, InvalidAnswers, Preferences};
pub use assess::{Assessment, DurationClass, SCHEMA, Severity, Style};
pub use fields::Field;
pub use rescreen::rescreen_questions;
pub use ruleset::{
    Bilingual, Precaution, Rule, RuleKind, Ruleset, RulesetError, RulesetFiles, TextLang, TherapistCard, Triage,
};
