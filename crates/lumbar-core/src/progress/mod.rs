//! The progress contract `lumbar.progress/1` (PROGRESS.md): is massage helping enough to go on?
//!
//! From a person's own numbers — the average pain of the safety check that started the plan,
//! and what they logged since — the rule says whether to stop (a warning sign at the latest
//! re-screen, or pain 2 points worse), whether the change is meaningful (Ostelo 2008: 2
//! points and 30%), whether several sessions have not helped, or whether it is too early.
//! Pure: no I/O, no clock; the web, the API and `lumbar progress` all go through it.
//!
//! - [`input`]: parsing the log, every problem at once, in the screening's error shape;
//! - [`rule`]: the rule itself ([`assess`]);
//! - [`texts`]: the message for each status in English and Spanish, with sources (data in
//!   `crates/lumbar-core/data/progress.toml`), and the §4 output document.
//!
//! ```
//! use lumbar_core::progress::{self, ProgressInput, ProgressTexts, Status};
//! use lumbar_core::screening::{Ruleset, TextLang};
//!
//! let log = r#"{"baseline": {"date": "2026-12-01", "pain_average_week": 6},
//!               "entries": [{"kind": "session", "date": "2026-12-10",
//!                            "pain_average_week": 4, "new_warning_sign": false}]}"#;
//! let input = ProgressInput::from_json_str(log).expect("a valid log");
//! let outcome = progress::assess(&input);
//! assert_eq!(outcome.status, Status::Improving);
//! assert_eq!(outcome.change_pct, 33.3);
//! let rs = Ruleset::shipped().expect("the shipped rule set");
//! let texts = ProgressTexts::shipped(&rs).expect("the shipped progress texts");
//! let json = serde_json::to_value(texts.report(outcome, TextLang::En)).expect("serialises");
//! assert_eq!(json["schema"], "lumbar.progress/1");
//! assert_eq!(json["sources"][0], "OSTELO-2008");
//! ```

pub mod input;
pub mod rule;
pub mod texts;

pub use input::{Baseline, Entry, EntryKind, InvalidProgress, ProgressInput, Score};
pub use rule::{ProgressOutcome, Status, assess};
pub use texts::{ProgressReport, ProgressTexts, SCHEMA, StatusText};
