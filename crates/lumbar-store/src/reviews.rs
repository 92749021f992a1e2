//! The reviews area: a person who logged a session with a directory listing reviews it
//! (1–5 overall, three yes/no questions, optional words); one review per person and
//! listing, editable; held for moderation before it is public. Only approved reviews count
//! on the profile and in the ranking. Its SQL lives in `lumbar-store-sql/src/reviews.rs`.

use async_trait::async_trait;
use serde::Serialize;

use crate::Result;
use crate::accounts::UserId;
use crate::feedback::Moderation;

/// What a person writes about a listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReviewInput {
    /// 1–5.
    pub overall: u8,
    /// "Helped my back".
    pub helped_back: Option<bool>,
    /// "Listened to my needs".
    pub listened: Option<bool>,
    /// "Respected my precautions".
    pub respected_precautions: Option<bool>,
    /// Optional words (at most 2,000 characters).
    pub text: String,
}

/// A stored review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonReview {
    /// Id.
    pub id: i64,
    /// The listing.
    pub therapist_id: i64,
    /// The review.
    #[serde(flatten)]
    pub review: ReviewInput,
    /// Moderation state (`pending` until approved; an edit makes it pending again).
    pub moderation: Moderation,
    /// RFC 3339 UTC.
    pub updated_at: String,
}

/// The reviews use cases.
#[async_trait]
pub trait ReviewStore: Send + Sync {
    /// Writes (or rewrites) the person's review of a listing; it waits for moderation.
    async fn upsert_review(&self, user: UserId, therapist_id: i64, review: &ReviewInput, now: &str) -> Result<i64>;
    /// The person's review of a listing.
    async fn my_review(&self, user: UserId, therapist_id: i64) -> Result<Option<PersonReview>>;
    /// The person's reviews.
    async fn my_reviews(&self, user: UserId) -> Result<Vec<PersonReview>>;
    /// Reviews of a listing in one state (profiles show `approved`), newest first.
    async fn listing_reviews(&self, therapist_id: i64, moderation: Moderation) -> Result<Vec<PersonReview>>;
    /// Reviews in one state across listings, oldest first (the moderation queue).
    async fn reviews_by_state(&self, moderation: Moderation, limit: u32) -> Result<Vec<PersonReview>>;
    /// Approves or hides a review; false when there is no such review.
    async fn moderate_review(&self, id: i64, moderation: Moderation) -> Result<bool>;
}
