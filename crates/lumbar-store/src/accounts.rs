//! The accounts area: people, therapists, clinicians and operators with an email and a
//! password hash; server-side sessions; failed-sign-in counts (in the database, so the
//! backoff holds across several server nodes); one-time password-reset tokens; personal API
//! tokens; and the mail outbox of the embedded default. Tokens are stored as hashes only
//! (the caller hashes); passwords as argon2id hashes made by the caller.
//! Its SQL lives in `lumbar-store-sql/src/accounts.rs`.

use async_trait::async_trait;
use serde::Serialize;

use crate::Result;

/// Id of an account.
pub type UserId = i64;

/// What an account may do. One account has one role; the person's role is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Someone with back pain using lumbar for themselves.
    Person,
    /// A massage therapist (claims and keeps a listing).
    Therapist,
    /// A clinician (endorses listings, receives summaries).
    Clinician,
    /// Runs the service: imports, moderation, claims.
    Operator,
}

impl Role {
    /// Every role, in order.
    pub const ALL: [Role; 4] = [Role::Person, Role::Therapist, Role::Clinician, Role::Operator];

    /// Stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Person => "person",
            Role::Therapist => "therapist",
            Role::Clinician => "clinician",
            Role::Operator => "operator",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// An account as the application sees it (never the password hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Email, lower-case.
    pub email: String,
    /// Role.
    pub role: Role,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Version of the privacy text the person agreed to when they first saved health data.
    pub privacy_version: Option<String>,
}

/// A personal API token (its secret is shown once and stored hashed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    /// Id.
    pub id: i64,
    /// The name the person gave it.
    pub name: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC of the last use, if any.
    pub last_used_at: Option<String>,
}

/// A mail in the outbox (`lumbar mail outbox`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mail {
    /// Id.
    pub id: i64,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// The accounts use cases. Times in seconds are Unix seconds from the caller's clock.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Creates an account; `None` when the email is taken.
    async fn create_user(&self, email: &str, password_hash: &str, role: Role, now: &str) -> Result<Option<UserId>>;
    /// An account and its password hash, by email (lower-case).
    async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>>;
    /// An account by id.
    async fn user(&self, id: UserId) -> Result<Option<User>>;
    /// Every account, oldest first.
    async fn users(&self) -> Result<Vec<User>>;
    /// Sets the role; false when there is no such account.
    async fn set_role(&self, id: UserId, role: Role) -> Result<bool>;
    /// Replaces the password hash; false when there is no such account.
    async fn set_password(&self, id: UserId, password_hash: &str) -> Result<bool>;
    /// Records the privacy text version the person agreed to (first time only).
    async fn agree_privacy(&self, id: UserId, version: &str) -> Result<()>;
    /// Deletes an account and everything stored about it (sessions, tokens, saved checks,
    /// plans, entries, shares, reviews, mail queued to its address) in one transaction; false
    /// when there is none.
    async fn delete_user(&self, id: UserId) -> Result<bool>;

    /// Stores a session under the hash of its cookie token.
    async fn create_session(&self, token_hash: &str, user: UserId, now_secs: i64, expires_secs: i64) -> Result<()>;
    /// The account of a live session (not expired at `now_secs`).
    async fn session_user(&self, token_hash: &str, now_secs: i64) -> Result<Option<User>>;
    /// Ends one session.
    async fn delete_session(&self, token_hash: &str) -> Result<()>;
    /// Ends every session of an account ("sign out everywhere"); returns how many.
    async fn delete_sessions(&self, user: UserId) -> Result<u64>;

    /// Failed sign-ins counted for a key (a hash of the email): count and second of the last.
    async fn sign_in_failures(&self, key: &str) -> Result<(u32, i64)>;
    /// Counts one more failed sign-in; returns the new count.
    async fn record_sign_in_failure(&self, key: &str, now_secs: i64) -> Result<u32>;
    /// Forgets the failures of a key (after a successful sign-in or a reset).
    async fn clear_sign_in_failures(&self, key: &str) -> Result<()>;

    /// Stores a password-reset token's hash.
    async fn create_reset(&self, token_hash: &str, user: UserId, expires_secs: i64) -> Result<()>;
    /// The account of a reset token that is unused and unexpired at `now_secs`, without
    /// using it (the reset page checks its link before showing the form).
    async fn reset_user(&self, token_hash: &str, now_secs: i64) -> Result<Option<UserId>>;
    /// Uses a reset token: the account when it exists, is unused and unexpired at
    /// `now_secs`, marked used in the same statement (single use, even across nodes).
    async fn take_reset(&self, token_hash: &str, now_secs: i64) -> Result<Option<UserId>>;

    /// Stores a personal API token's hash; returns its id.
    async fn create_api_token(&self, user: UserId, name: &str, token_hash: &str, now: &str) -> Result<i64>;
    /// An account's API tokens, newest first.
    async fn api_tokens(&self, user: UserId) -> Result<Vec<ApiToken>>;
    /// Revokes (deletes) one of an account's tokens; false when it has no such token.
    async fn revoke_api_token(&self, user: UserId, id: i64) -> Result<bool>;
    /// The account of a token, recording its use.
    async fn api_token_user(&self, token_hash: &str, now: &str) -> Result<Option<User>>;

    /// Puts a mail in the outbox; returns its id.
    async fn queue_mail(&self, to: &str, subject: &str, body: &str, now: &str) -> Result<i64>;
    /// The outbox, newest first.
    async fn outbox(&self, limit: u32) -> Result<Vec<Mail>>;
}
