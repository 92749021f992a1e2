//! The journal area: what a signed-in person chose to keep — saved checks (answers and
//! assessment), massage plans, the sessions and check-ins logged in them, and intake share
//! links. Every document here is health data: the SQL store seals it with the data key
//! ([`crate::vault`]) before it reaches the database and opens it on the way back, so the
//! trait speaks plain JSON documents. Every method takes the owner, and answers "none" for
//! another person's rows. Its SQL lives in `lumbar-store-sql/src/journal.rs`.

use async_trait::async_trait;
use serde::Serialize;
use serde_json::Value;

use crate::Result;
use crate::accounts::UserId;

/// A saved check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavedCheck {
    /// Id.
    pub id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The answers, the assessment and what the page needs (opened from the seal).
    pub doc: Value,
}

/// A massage plan started from a saved check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// Id.
    pub id: i64,
    /// The check it started from.
    pub check_id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Whether it was ended (by the person, or stopped by a warning sign).
    pub ended: bool,
    /// Baseline and settings (opened from the seal).
    pub doc: Value,
}

/// A logged session or check-in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JournalEntry {
    /// Id.
    pub id: i64,
    /// The plan.
    pub plan_id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// What was logged (opened from the seal).
    pub doc: Value,
}

/// An intake share link (its token is shown once and stored hashed).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    /// Id.
    pub id: i64,
    /// The saved check it shares.
    pub check_id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Unix second after which it no longer opens.
    pub expires_secs: i64,
    /// Revoked by the person.
    pub revoked: bool,
    /// The chosen sections and their content (opened from the seal).
    pub doc: Value,
    /// When it was opened (RFC 3339 UTC), oldest first.
    pub opened: Vec<String>,
}

/// The journal use cases.
#[async_trait]
pub trait JournalStore: Send + Sync {
    /// Keeps a check; returns its id.
    async fn save_check(&self, user: UserId, now: &str, doc: &Value) -> Result<i64>;
    /// A person's saved checks, newest first.
    async fn checks(&self, user: UserId) -> Result<Vec<SavedCheck>>;
    /// One of a person's saved checks.
    async fn check(&self, user: UserId, id: i64) -> Result<Option<SavedCheck>>;
    /// Deletes one of a person's saved checks (with its plans, entries and shares).
    async fn delete_check(&self, user: UserId, id: i64) -> Result<bool>;

    /// Starts a plan from one of the person's checks; `None` when the check is not theirs.
    async fn start_plan(&self, user: UserId, check_id: i64, now: &str, doc: &Value) -> Result<Option<i64>>;
    /// A person's plans, newest first.
    async fn plans(&self, user: UserId) -> Result<Vec<Plan>>;
    /// Replaces the document of one of the person's plans (its cached progress summary);
    /// false when it is not theirs.
    async fn update_plan(&self, user: UserId, plan_id: i64, doc: &Value) -> Result<bool>;
    /// Ends one of a person's plans; false when it is not theirs.
    async fn end_plan(&self, user: UserId, plan_id: i64) -> Result<bool>;

    /// Logs an entry in one of the person's plans; `None` when the plan is not theirs.
    async fn add_entry(&self, user: UserId, plan_id: i64, now: &str, doc: &Value) -> Result<Option<i64>>;
    /// The entries of one of the person's plans, in the order logged.
    async fn entries(&self, user: UserId, plan_id: i64) -> Result<Vec<JournalEntry>>;
    /// Deletes one of the person's entries.
    async fn delete_entry(&self, user: UserId, id: i64) -> Result<bool>;

    /// Creates a share link for one of the person's checks; `None` when the check is not theirs.
    async fn create_share(
        &self,
        user: UserId,
        check_id: i64,
        token_hash: &str,
        now: &str,
        expires_secs: i64,
        doc: &Value,
    ) -> Result<Option<i64>>;
    /// A person's share links, newest first, with when each was opened.
    async fn shares(&self, user: UserId) -> Result<Vec<Share>>;
    /// Revokes one of the person's share links.
    async fn revoke_share(&self, user: UserId, id: i64) -> Result<bool>;
    /// Opens a share link by its token's hash, recording the opening; `None` when it is
    /// unknown, revoked or expired at `now_secs`.
    async fn open_share(&self, token_hash: &str, now_secs: i64, now: &str) -> Result<Option<Share>>;

    /// Re-seals every stored health document under the vault's current key (key rotation);
    /// returns how many documents were re-sealed.
    async fn reseal_all(&self) -> Result<u64>;
}
