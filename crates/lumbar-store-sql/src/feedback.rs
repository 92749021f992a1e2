//! The feedback area in SQL.

use async_trait::async_trait;
use lumbar_store::{Feedback, FeedbackStore, Moderation, Result, StoreError};
use sqlx::{AssertSqlSafe, Row};

use crate::text::now_rfc3339;
use crate::{SqlStore, q};

#[async_trait]
impl FeedbackStore for SqlStore {
    async fn add_feedback(&self, page: &str, helpful: bool, comment: &str) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO feedback (page, helpful, comment, moderation, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(page)
        .bind(i64::from(helpful))
        .bind(comment)
        .bind(Moderation::Pending.as_str())
        .bind(now_rfc3339())
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn feedback(&self, moderation: Option<Moderation>, limit: u32) -> Result<Vec<Feedback>> {
        let base = "SELECT id, page, helpful, comment, moderation, created_at FROM feedback";
        let rows = match moderation {
            Some(m) => {
                sqlx::query(AssertSqlSafe(format!("{base} WHERE moderation = $1 ORDER BY id DESC LIMIT $2")))
                    .bind(m.as_str())
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
            }
            None => {
                sqlx::query(AssertSqlSafe(format!("{base} ORDER BY id DESC LIMIT $1")))
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
            }
        }
        .map_err(q)?;
        rows.iter()
            .map(|r| {
                let m: String = r.try_get(4).map_err(q)?;
                Ok(Feedback {
                    id: r.try_get(0).map_err(q)?,
                    page: r.try_get(1).map_err(q)?,
                    helpful: r.try_get::<i64, _>(2).map_err(q)? != 0,
                    comment: r.try_get(3).map_err(q)?,
                    moderation: Moderation::parse(&m).ok_or(StoreError::Corrupt { table: "feedback", problem: m })?,
                    created_at: r.try_get(5).map_err(q)?,
                })
            })
            .collect()
    }

    async fn moderate_feedback(&self, id: i64, moderation: Moderation) -> Result<bool> {
        let done = sqlx::query("UPDATE feedback SET moderation = $1 WHERE id = $2")
            .bind(moderation.as_str())
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }
}
