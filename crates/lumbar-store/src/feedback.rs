//! The feedback area: "Was this helpful?" notes, never with screening answers, and their
//! moderation. Its SQL lives in `lumbar-store-sql/src/feedback.rs`.

use async_trait::async_trait;
use serde::Serialize;

use crate::Result;

/// Moderation state of a feedback entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Not looked at yet.
    Pending,
    /// Seen and kept.
    Approved,
    /// Hidden (abuse, personal data).
    Hidden,
}

impl Moderation {
    /// Stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Moderation::Pending => "pending",
            Moderation::Approved => "approved",
            Moderation::Hidden => "hidden",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Moderation> {
        [Moderation::Pending, Moderation::Approved, Moderation::Hidden].into_iter().find(|m| m.as_str() == s)
    }
}

/// "Was this helpful?" — never with screening answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Feedback {
    /// Id (0 before it is stored).
    pub id: i64,
    /// The page it is about (`result`, `evidence`, `find`, …).
    pub page: String,
    /// Helpful or not.
    pub helpful: bool,
    /// Optional words (at most 2,000 characters).
    pub comment: String,
    /// Moderation state.
    pub moderation: Moderation,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// The feedback use cases.
#[async_trait]
pub trait FeedbackStore: Send + Sync {
    /// Stores feedback (pending moderation); returns its id.
    async fn add_feedback(&self, page: &str, helpful: bool, comment: &str) -> Result<i64>;
    /// Feedback, newest first, optionally only one moderation state.
    async fn feedback(&self, moderation: Option<Moderation>, limit: u32) -> Result<Vec<Feedback>>;
    /// Sets the moderation state; false when there is no such entry.
    async fn moderate_feedback(&self, id: i64, moderation: Moderation) -> Result<bool>;
}
