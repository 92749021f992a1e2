//! # lumbar-core
//!
//! The pure heart of lumbar: everything here is synchronous and does no I/O, so the
//! safety-critical logic is small to read and cheap to test.
//!
//! - [`directory`]: NPI, states, license numbers, dates, imported records and the pure
//!   license-verification decision.
//! - [`screening`]: the `lumbar.screening/1` contract — answers in, a cited, explained
//!   assessment out. Rules, sources, precautions and questions are data
//!   (`crates/lumbar-core/data/*.toml`), compiled in and validated when loaded.
//! - [`matching`]: "who near me can help my back, safely?" — an in-memory geo index over
//!   therapists and a ranking that follows the screening (verified licenses, style advice,
//!   precautions), with the reasons each result matched.
//! - [`progress`]: the `lumbar.progress/1` contract — is massage helping enough to go on,
//!   from the person's own pain log (Ostelo 2008: 2 points and 30%).
//!
//! Loading the shipped rule set is done once with [`screening::Ruleset::shipped`]; every
//! interface (CLI, web, API) goes through [`screening::Ruleset::assess`].

pub mod directory;
pub mod matching;
pub mod progress;
pub mod rng;
pub mod screening;
