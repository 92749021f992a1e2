//! The audit area: what operators decided, and the "report this listing" reports that feed
//! one of their queues (issue #11 items 5 and 7). Its SQL lives in
//! `lumbar-store-sql/src/audit.rs`.
//!
//! - The **audit log** is append-only: an entry says who (`actor`: an account id, or `cli`),
//!   when (`at`, RFC 3339 UTC), what (`action`, e.g. `review.approve`, and `target`, e.g.
//!   `review:12`) and why (`reason`). Nothing updates or deletes an entry.
//! - **Reports** are kept beside it (the `reports` table): a category from a fixed list and
//!   optional words (never health data asked for), `open` until an operator resolves it with
//!   a note or hides the listing.
//! - **Nothing is deleted by moderation**: hiding a listing sets its `hidden_reason`; a hidden
//!   listing leaves the finder's candidates and its profile answers "not available", and the
//!   directory's change counter moves so running finders see it at once.

use async_trait::async_trait;
use serde::Serialize;

use crate::Result;

/// Who decided: an account, or the command line.
pub const CLI_ACTOR: &str = "cli";

/// An audit entry to append.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditInput {
    /// RFC 3339 UTC.
    pub at: String,
    /// An account id (as text) or [`CLI_ACTOR`].
    pub actor: String,
    /// What was done: `review.approve`, `review.hide`, `feedback.approve`, `feedback.hide`,
    /// `report.resolve`, `report.hide_listing`, `role.grant`, …
    pub action: String,
    /// What it was done to: `review:12`, `feedback:3`, `report:7`, `therapist:41`, `user:5`.
    pub target: String,
    /// Why (required by callers for hide, reject and role actions; may be empty otherwise).
    pub reason: String,
}

/// A stored audit entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Id (increasing).
    pub id: i64,
    /// RFC 3339 UTC.
    pub at: String,
    /// Account id or `cli`.
    pub actor: String,
    /// Action.
    pub action: String,
    /// Target.
    pub target: String,
    /// Reason.
    pub reason: String,
}

/// Which entries to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only actions starting with this (`review.` or `review.approve`).
    pub action_prefix: Option<String>,
    /// Only this target (`review:12`).
    pub target: Option<String>,
    /// At most this many (0: 100).
    pub limit: u32,
}

/// Why a listing is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportCategory {
    /// The license shown is not theirs, or not valid.
    WrongLicense,
    /// Not a massage therapist.
    NotAMassageTherapist,
    /// Unsafe practice.
    UnsafePractice,
    /// Address, phone, hours or other details are wrong.
    WrongDetails,
    /// Something else.
    Other,
}

impl ReportCategory {
    /// Every category, in the form's order.
    pub const ALL: [ReportCategory; 5] = [
        ReportCategory::WrongLicense,
        ReportCategory::NotAMassageTherapist,
        ReportCategory::UnsafePractice,
        ReportCategory::WrongDetails,
        ReportCategory::Other,
    ];

    /// Stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportCategory::WrongLicense => "wrong_license",
            ReportCategory::NotAMassageTherapist => "not_a_massage_therapist",
            ReportCategory::UnsafePractice => "unsafe_practice",
            ReportCategory::WrongDetails => "wrong_details",
            ReportCategory::Other => "other",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<ReportCategory> {
        ReportCategory::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where a report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Waiting for an operator.
    Open,
    /// Looked at; the listing stays (the note says why).
    Resolved,
    /// The listing was hidden.
    ListingHidden,
}

impl ReportStatus {
    /// Stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Resolved => "resolved",
            ReportStatus::ListingHidden => "listing_hidden",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<ReportStatus> {
        [ReportStatus::Open, ReportStatus::Resolved, ReportStatus::ListingHidden].into_iter().find(|r| r.as_str() == s)
    }
}

/// A stored report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Id.
    pub id: i64,
    /// The listing reported.
    pub therapist_id: i64,
    /// Why.
    pub category: ReportCategory,
    /// Optional words (at most 2,000 characters).
    pub text: String,
    /// Where it stands.
    pub status: ReportStatus,
    /// The operator's note when closed (empty while open).
    pub note: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC, when closed.
    pub closed_at: Option<String>,
}

/// The audit and reports use cases.
#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends an entry to the audit log; returns its id.
    async fn append_audit(&self, entry: &AuditInput) -> Result<i64>;
    /// Entries matching the filter, newest first.
    async fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>>;

    /// Stores a report about a listing (open); returns its id, or `None` when there is no
    /// such listing.
    async fn add_report(
        &self,
        therapist_id: i64,
        category: ReportCategory,
        text: &str,
        now: &str,
    ) -> Result<Option<i64>>;
    /// Reports, optionally in one state; oldest first (the queue).
    async fn reports(&self, status: Option<ReportStatus>, limit: u32) -> Result<Vec<Report>>;
    /// One report.
    async fn report(&self, id: i64) -> Result<Option<Report>>;
    /// Closes an open report (`resolved` or `listing_hidden`) with the operator's note; false
    /// when there is no such open report.
    async fn close_report(&self, id: i64, status: ReportStatus, note: &str, now: &str) -> Result<bool>;

    /// Hides a listing with a reason (it leaves the finder and its profile; nothing is
    /// deleted) and raises the directory's change counter; false when there is no such
    /// listing.
    async fn hide_listing(&self, therapist_id: i64, reason: &str) -> Result<bool>;
    /// Why a listing is hidden, or `None` when it is shown (or does not exist).
    async fn listing_hidden(&self, therapist_id: i64) -> Result<Option<String>>;
}
