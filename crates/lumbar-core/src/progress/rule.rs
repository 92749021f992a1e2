//! The progress rule (PROGRESS.md §2): from a checked log to a status and the numbers behind it.
//!
//! With `B` the baseline's average pain, `C` the latest entry's (or `B` with no entries) and
//! `n` the number of sessions: `change = B − C`; `change_pct = 100 × change / B` to one
//! decimal (0 when `B` = 0); an improvement is meaningful when `change ≥ 2` and
//! `change ≥ 0.3 × B` (Ostelo 2008: 2 points and 30% from baseline). The status is the first
//! row of the table that applies, in [`Status::ALL`] order. All arithmetic is on integers, so
//! the 30% boundary (3 of 10) is exact.

use serde::Serialize;

use super::input::{EntryKind, ProgressInput};

/// What the log says about going on with massage, in the contract's table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The latest entry's re-screen found an emergency or urgent finding.
    StopWarningSign,
    /// Average pain is 2 or more points worse than at the baseline.
    Worsening,
    /// The baseline was 2 or less: the 2-point rule cannot judge it.
    LowPain,
    /// A meaningful improvement (≥ 2 points and ≥ 30%).
    Improving,
    /// 4 or more sessions without a meaningful improvement.
    NotHelping,
    /// None of the above yet.
    TooEarly,
}

impl Status {
    /// Every status, in the order the rule tries them.
    pub const ALL: [Status; 6] = [
        Status::StopWarningSign,
        Status::Worsening,
        Status::LowPain,
        Status::Improving,
        Status::NotHelping,
        Status::TooEarly,
    ];

    /// The contract word.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::StopWarningSign => "stop_warning_sign",
            Status::Worsening => "worsening",
            Status::LowPain => "low_pain",
            Status::Improving => "improving",
            Status::NotHelping => "not_helping",
            Status::TooEarly => "too_early",
        }
    }

    /// The status with this contract word.
    pub fn parse(word: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == word)
    }
}

/// The fields the rule decides (serialised in the contract's order and names; the output of
/// §4 adds `schema`, `message` and `sources`, see [`super::ProgressReport`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ProgressOutcome {
    /// The first status of the table that applies.
    pub status: Status,
    /// `B`: average pain in the week before the baseline check.
    pub baseline: u8,
    /// `C`: average pain at the latest entry (`B` with no entries).
    pub current: u8,
    /// `B − C`: positive is better.
    pub change: i8,
    /// `100 × change / B`, one decimal; 0 when `B` is 0.
    pub change_pct: f64,
    /// How many entries are sessions (check-ins do not count).
    pub sessions: u32,
    /// `change ≥ 2` and `change ≥ 0.3 × B`.
    pub meaningful_improvement: bool,
}

/// Applies the rule of PROGRESS.md §2.
pub fn assess(input: &ProgressInput) -> ProgressOutcome {
    let b = input.baseline().pain_average_week.get();
    let sorted = input.sorted_entries();
    let latest = sorted.last();
    let c = latest.map_or(b, |e| e.pain_average_week.get());
    let sessions = input.entries().iter().filter(|e| e.kind == EntryKind::Session).count();
    let sessions = u32::try_from(sessions).unwrap_or(u32::MAX);
    let change = i32::from(b) - i32::from(c);
    let change_pct = if b == 0 { 0.0 } else { (f64::from(1000 * change) / f64::from(b)).round() / 10.0 };
    // change ≥ 0.3 × B  ⇔  10 × change ≥ 3 × B, on integers.
    let meaningful = change >= 2 && 10 * change >= 3 * i32::from(b);
    let status = if latest.is_some_and(|e| e.new_warning_sign) {
        Status::StopWarningSign
    } else if -change >= 2 {
        Status::Worsening
    } else if b <= 2 {
        Status::LowPain
    } else if meaningful {
        Status::Improving
    } else if sessions >= 4 {
        Status::NotHelping
    } else {
        Status::TooEarly
    };
    ProgressOutcome {
        status,
        baseline: b,
        current: c,
        change: change as i8, // both scores are 0–10
        change_pct,
        sessions,
        meaningful_improvement: meaningful,
    }
}
