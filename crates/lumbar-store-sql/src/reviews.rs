//! The reviews area in SQL: people's reviews live in `reviews` next to the demo's fictional
//! ones (`source = 'person'`, with their owner); only `approved` rows are counted by the
//! directory queries. Every change raises the directory's change counter, since published
//! reviews feed the ranking.

use async_trait::async_trait;
use lumbar_store::{Moderation, PersonReview, Result, ReviewInput, ReviewStore, StoreError, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{SqlStore, bump_version, q};

const COLUMNS: &str = "id, therapist_id, rating, helped_back, listened, respected_precautions, comment, moderation, \
COALESCE(updated_at, created_at) AS updated_at";

fn flag(r: &AnyRow, col: &str) -> Result<Option<bool>> {
    Ok(r.try_get::<Option<i64>, _>(col).map_err(q)?.map(|v| v != 0))
}

fn review_from_row(r: &AnyRow) -> Result<PersonReview> {
    let m: String = r.try_get("moderation").map_err(q)?;
    Ok(PersonReview {
        id: r.try_get("id").map_err(q)?,
        therapist_id: r.try_get("therapist_id").map_err(q)?,
        review: ReviewInput {
            overall: u8::try_from(r.try_get::<i64, _>("rating").map_err(q)?).unwrap_or(0),
            helped_back: flag(r, "helped_back")?,
            listened: flag(r, "listened")?,
            respected_precautions: flag(r, "respected_precautions")?,
            text: r.try_get("comment").map_err(q)?,
        },
        moderation: Moderation::parse(&m).ok_or(StoreError::Corrupt { table: "reviews", problem: m })?,
        updated_at: r.try_get("updated_at").map_err(q)?,
    })
}

fn as_int(b: Option<bool>) -> Option<i64> {
    b.map(i64::from)
}

#[async_trait]
impl ReviewStore for SqlStore {
    async fn upsert_review(&self, user: UserId, therapist_id: i64, review: &ReviewInput, now: &str) -> Result<i64> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let row = sqlx::query(
            "INSERT INTO reviews (therapist_id, rating, comment, source, created_at, user_id, moderation, helped_back, \
             listened, respected_precautions, updated_at) VALUES ($1, $2, $3, 'person', $4, $5, 'pending', $6, $7, $8, $9) \
             ON CONFLICT (user_id, therapist_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, \
             moderation = 'pending', helped_back = excluded.helped_back, listened = excluded.listened, \
             respected_precautions = excluded.respected_precautions, updated_at = excluded.updated_at RETURNING id",
        )
        .bind(therapist_id)
        .bind(i64::from(review.overall))
        .bind(review.text.as_str())
        .bind(now)
        .bind(user)
        .bind(as_int(review.helped_back))
        .bind(as_int(review.listened))
        .bind(as_int(review.respected_precautions))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(q)?;
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn my_review(&self, user: UserId, therapist_id: i64) -> Result<Option<PersonReview>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews WHERE user_id = $1 AND therapist_id = $2"
        )))
        .bind(user)
        .bind(therapist_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        row.as_ref().map(review_from_row).transpose()
    }

    async fn my_reviews(&self, user: UserId) -> Result<Vec<PersonReview>> {
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM reviews WHERE user_id = $1 ORDER BY id")))
                .bind(user)
                .fetch_all(&self.pool)
                .await
                .map_err(q)?;
        rows.iter().map(review_from_row).collect()
    }

    async fn listing_reviews(&self, therapist_id: i64, moderation: Moderation) -> Result<Vec<PersonReview>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews WHERE therapist_id = $1 AND moderation = $2 AND source = 'person' \
             ORDER BY id DESC"
        )))
        .bind(therapist_id)
        .bind(moderation.as_str())
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        rows.iter().map(review_from_row).collect()
    }

    async fn reviews_by_state(&self, moderation: Moderation, limit: u32) -> Result<Vec<PersonReview>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM reviews WHERE moderation = $1 AND source = 'person' ORDER BY id LIMIT $2"
        )))
        .bind(moderation.as_str())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        rows.iter().map(review_from_row).collect()
    }

    async fn moderate_review(&self, id: i64, moderation: Moderation) -> Result<bool> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let done = sqlx::query("UPDATE reviews SET moderation = $1 WHERE id = $2 AND source = 'person'")
            .bind(moderation.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)?;
        Ok(done.rows_affected() == 1)
    }
}
