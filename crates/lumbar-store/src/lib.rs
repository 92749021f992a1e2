//! # lumbar-store
//!
//! What lumbar keeps, as traits with no SQL: one trait per area, one module each —
//! [`directory`] (therapists, rosters, verification, the finder's candidates),
//! [`feedback`] ("Was this helpful?"), [`accounts`] (accounts, sessions, reset and API
//! tokens, the mail outbox), [`journal`] (saved checks, plans, logged sessions, share links:
//! health data, sealed by [`vault`]), [`reviews`] and [`audit`] (the operators' audit log and
//! "report this listing"). [`Store`] is all of them together.
//! `lumbar-store-sql` implements every area once (a module per area) for
//! `lumbar-store-sqlite` (embedded default) and `lumbar-store-postgres` (scale-out), and one
//! conformance suite in `lumbar-testkit` runs each area's tests on both.

pub mod accounts;
pub mod audit;
pub mod directory;
pub mod feedback;
mod hash;
pub mod journal;
pub mod reviews;
pub mod vault;

pub use accounts::{AccountStore, ApiToken, Mail, Role, User, UserId};
pub use audit::{AuditEntry, AuditFilter, AuditInput, AuditStore, CLI_ACTOR, Report, ReportCategory, ReportStatus};
pub use directory::*;
pub use feedback::{Feedback, FeedbackStore, Moderation};
pub use hash::{RosterDigest, listing_hash, provider_hash};
pub use journal::{JournalEntry, JournalStore, Plan, SavedCheck, Share};
pub use reviews::{PersonReview, ReviewInput, ReviewStore};
pub use vault::{Vault, VaultError};

use lumbar_core::directory::Date;

/// The area traits, for `use lumbar_store::prelude::*` where a [`Store`] is used.
pub mod prelude {
    pub use crate::{AccountStore, AuditStore, DirectoryStore, FeedbackStore, JournalStore, ReviewStore, Store};
}

/// Everything that can go wrong in a store. Messages never carry health data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL is not one lumbar understands.
    #[error("unsupported database URL `{0}`: use sqlite:PATH (e.g. sqlite:lumbar.db) or postgres://…")]
    BadUrl(String),
    /// Could not connect or migrate.
    #[error("cannot open the database: {0}")]
    Open(String),
    /// A query failed.
    #[error("database error: {0}")]
    Query(String),
    /// Stored data did not parse back (a defect or a hand edit).
    #[error("corrupt row in {table}: {problem}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// A referenced row does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// A sealed health document did not open, or no data key is configured.
    #[error("health data: {0}")]
    Vault(#[from] vault::VaultError),
}

/// Result alias.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Every area of lumbar's database. Implementations must pass the conformance suite in
/// `lumbar-testkit` unchanged.
pub trait Store: DirectoryStore + FeedbackStore + AccountStore + JournalStore + ReviewStore + AuditStore {
    /// Which backend (`sqlite`, `postgres`), for messages.
    fn backend(&self) -> &'static str;
}

/// Where "today" comes from: the system clock (UTC), or a fixed day or second (tests,
/// replaying a past state of the directory). Everything that depends on the date — expiry, staleness,
/// the date stamped on a verification — takes it from a `Clock`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, UTC.
    #[default]
    System,
    /// Always this day.
    Fixed(Date),
    /// Always this second since the Unix epoch (UTC): tests that move time by seconds or
    /// minutes (sign-in backoff, reset links that expire after an hour).
    At(u64),
}

impl Clock {
    /// Today.
    pub fn today(self) -> Date {
        match self {
            Clock::Fixed(d) => d,
            Clock::System | Clock::At(_) => Date::from_days_since_epoch((self.unix_secs() / 86_400) as i64),
        }
    }

    /// Seconds since the Unix epoch: the system time, noon (UTC) of the fixed day, or the
    /// fixed second.
    pub fn unix_secs(self) -> u64 {
        match self {
            Clock::System => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default(),
            Clock::Fixed(day) => u64::try_from(day.days_since_epoch() * 86_400 + 43_200).unwrap_or_default(),
            Clock::At(secs) => secs,
        }
    }

    /// `--today YYYY-MM-DD` / `LUMBAR_TODAY`: a fixed day, or the system clock when absent.
    pub fn parse(day: Option<&str>) -> std::result::Result<Clock, String> {
        match day.map(str::trim).filter(|d| !d.is_empty()) {
            None => Ok(Clock::System),
            Some(d) => Date::parse(d)
                .map(Clock::Fixed)
                .ok_or_else(|| format!("`{d}` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-28")),
        }
    }
}
