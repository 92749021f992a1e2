//! The audit area in SQL: `audit_log` (append-only: this module only inserts and selects),
//! `reports`, and the `hidden_reason` column of `therapists`. Hiding a listing raises the
//! directory's change counter, since the finder's candidates leave hidden listings out.

use async_trait::async_trait;
use lumbar_store::{
    AuditEntry, AuditFilter, AuditInput, AuditStore, Report, ReportCategory, ReportStatus, Result, StoreError,
};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

use crate::{SqlStore, bump_version, q};

const REPORT_COLUMNS: &str = "id, therapist_id, category, text, status, note, created_at, closed_at";

fn report_from_row(r: &AnyRow) -> Result<Report> {
    let category: String = r.try_get("category").map_err(q)?;
    let status: String = r.try_get("status").map_err(q)?;
    Ok(Report {
        id: r.try_get("id").map_err(q)?,
        therapist_id: r.try_get("therapist_id").map_err(q)?,
        category: ReportCategory::parse(&category)
            .ok_or(StoreError::Corrupt { table: "reports", problem: category })?,
        text: r.try_get("text").map_err(q)?,
        status: ReportStatus::parse(&status).ok_or(StoreError::Corrupt { table: "reports", problem: status })?,
        note: r.try_get("note").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
        closed_at: r.try_get("closed_at").map_err(q)?,
    })
}

#[async_trait]
impl AuditStore for SqlStore {
    async fn append_audit(&self, e: &AuditInput) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO audit_log (at, actor, action, target, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(e.at.as_str())
        .bind(e.actor.as_str())
        .bind(e.action.as_str())
        .bind(e.target.as_str())
        .bind(e.reason.as_str())
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        // a prefix compared as text (LIKE would read `_` in `report.hide_listing` as a wildcard)
        let mut sql = String::from("SELECT id, at, actor, action, target, reason FROM audit_log WHERE 1 = 1");
        let mut n = 0;
        let prefix = filter.action_prefix.as_deref().filter(|p| !p.is_empty());
        if prefix.is_some() {
            sql.push_str(&format!(" AND SUBSTR(action, 1, CAST(${} AS INTEGER)) = ${}", n + 1, n + 2));
            n += 2;
        }
        if filter.target.is_some() {
            sql.push_str(&format!(" AND target = ${}", n + 1));
            n += 1;
        }
        sql.push_str(&format!(" ORDER BY id DESC LIMIT ${}", n + 1));
        let mut query = sqlx::query(AssertSqlSafe(sql));
        if let Some(p) = prefix {
            query = query.bind(i64::try_from(p.chars().count()).unwrap_or(i64::MAX)).bind(p.to_owned());
        }
        if let Some(t) = &filter.target {
            query = query.bind(t.clone());
        }
        let limit = if filter.limit == 0 { 100 } else { filter.limit };
        let rows = query.bind(i64::from(limit)).fetch_all(&self.pool).await.map_err(q)?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get(0).map_err(q)?,
                    at: r.try_get(1).map_err(q)?,
                    actor: r.try_get(2).map_err(q)?,
                    action: r.try_get(3).map_err(q)?,
                    target: r.try_get(4).map_err(q)?,
                    reason: r.try_get(5).map_err(q)?,
                })
            })
            .collect()
    }

    async fn add_report(
        &self,
        therapist_id: i64,
        category: ReportCategory,
        text: &str,
        now: &str,
    ) -> Result<Option<i64>> {
        let row = sqlx::query(
            "INSERT INTO reports (therapist_id, category, text, status, note, created_at) \
             SELECT id, $1, $2, 'open', '', $3 FROM therapists WHERE id = $4 RETURNING id",
        )
        .bind(category.as_str())
        .bind(text)
        .bind(now)
        .bind(therapist_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        row.map(|r| r.try_get(0).map_err(q)).transpose()
    }

    async fn reports(&self, status: Option<ReportStatus>, limit: u32) -> Result<Vec<Report>> {
        let rows = match status {
            Some(s) => {
                sqlx::query(AssertSqlSafe(format!(
                    "SELECT {REPORT_COLUMNS} FROM reports WHERE status = $1 ORDER BY id LIMIT $2"
                )))
                .bind(s.as_str())
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
            }
            None => {
                sqlx::query(AssertSqlSafe(format!("SELECT {REPORT_COLUMNS} FROM reports ORDER BY id LIMIT $1")))
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
            }
        }
        .map_err(q)?;
        rows.iter().map(report_from_row).collect()
    }

    async fn report(&self, id: i64) -> Result<Option<Report>> {
        let row = sqlx::query(AssertSqlSafe(format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = $1")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        row.as_ref().map(report_from_row).transpose()
    }

    async fn close_report(&self, id: i64, status: ReportStatus, note: &str, now: &str) -> Result<bool> {
        let done =
            sqlx::query("UPDATE reports SET status = $1, note = $2, closed_at = $3 WHERE id = $4 AND status = 'open'")
                .bind(status.as_str())
                .bind(note)
                .bind(now)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn hide_listing(&self, therapist_id: i64, reason: &str) -> Result<bool> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let done = sqlx::query("UPDATE therapists SET hidden_reason = $1 WHERE id = $2")
            .bind(reason)
            .bind(therapist_id)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn listing_hidden(&self, therapist_id: i64) -> Result<Option<String>> {
        let row = sqlx::query("SELECT hidden_reason FROM therapists WHERE id = $1")
            .bind(therapist_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        Ok(row.map(|r| r.try_get::<Option<String>, _>(0).map_err(q)).transpose()?.flatten())
    }
}
