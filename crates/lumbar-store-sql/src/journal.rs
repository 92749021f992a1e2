//! The journal area in SQL. Every document is sealed with the data key before it is
//! written and opened after it is read (`lumbar_store::vault`); the seal is bound to the
//! table and the owner, so a row moved to another account does not open. Every query
//! filters by the owner.

use async_trait::async_trait;
use lumbar_store::{JournalEntry, JournalStore, Plan, Result, SavedCheck, Share, StoreError, UserId};
use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{SqlStore, q};

/// The tables that hold sealed documents.
const SEALED_TABLES: [&str; 4] = ["saved_checks", "plans", "journal_entries", "shares"];

fn context(table: &str, user: UserId) -> String {
    format!("{table}:{user}")
}

impl SqlStore {
    fn seal_doc(&self, table: &str, user: UserId, doc: &Value) -> Result<String> {
        let plain = serde_json::to_vec(doc).map_err(|e| StoreError::Query(format!("encoding a document: {e}")))?;
        Ok(self.vault()?.seal(&context(table, user), &plain))
    }

    fn open_doc(&self, table: &'static str, user: UserId, sealed: &str) -> Result<Value> {
        let plain = self.vault()?.open(&context(table, user), sealed)?;
        serde_json::from_slice(&plain)
            .map_err(|_| StoreError::Corrupt { table, problem: "a sealed document is not JSON".into() })
    }

    fn check_from_row(&self, user: UserId, r: &AnyRow) -> Result<SavedCheck> {
        Ok(SavedCheck {
            id: r.try_get("id").map_err(q)?,
            created_at: r.try_get("created_at").map_err(q)?,
            doc: self.open_doc("saved_checks", user, &r.try_get::<String, _>("sealed").map_err(q)?)?,
        })
    }

    fn share_from_row(&self, user: UserId, r: &AnyRow, opened: Vec<String>) -> Result<Share> {
        Ok(Share {
            id: r.try_get("id").map_err(q)?,
            check_id: r.try_get("check_id").map_err(q)?,
            created_at: r.try_get("created_at").map_err(q)?,
            expires_secs: r.try_get("expires_secs").map_err(q)?,
            revoked: r.try_get::<i64, _>("revoked").map_err(q)? != 0,
            doc: self.open_doc("shares", user, &r.try_get::<String, _>("sealed").map_err(q)?)?,
            opened,
        })
    }

    async fn owns(&self, table: &str, user: UserId, id: i64) -> Result<bool> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT 1 FROM {table} WHERE id = $1 AND user_id = $2")))
            .bind(id)
            .bind(user)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        Ok(row.is_some())
    }

    async fn share_opens(&self, share_id: i64) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT opened_at FROM share_opens WHERE share_id = $1 ORDER BY id")
            .bind(share_id)
            .fetch_all(&self.pool)
            .await
            .map_err(q)?;
        rows.iter().map(|r| r.try_get(0).map_err(q)).collect()
    }
}

#[async_trait]
impl JournalStore for SqlStore {
    async fn save_check(&self, user: UserId, now: &str, doc: &Value) -> Result<i64> {
        let sealed = self.seal_doc("saved_checks", user, doc)?;
        let row =
            sqlx::query("INSERT INTO saved_checks (user_id, created_at, sealed) VALUES ($1, $2, $3) RETURNING id")
                .bind(user)
                .bind(now)
                .bind(sealed)
                .fetch_one(&self.pool)
                .await
                .map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn checks(&self, user: UserId) -> Result<Vec<SavedCheck>> {
        let rows = sqlx::query("SELECT id, created_at, sealed FROM saved_checks WHERE user_id = $1 ORDER BY id DESC")
            .bind(user)
            .fetch_all(&self.pool)
            .await
            .map_err(q)?;
        rows.iter().map(|r| self.check_from_row(user, r)).collect()
    }

    async fn check(&self, user: UserId, id: i64) -> Result<Option<SavedCheck>> {
        let row = sqlx::query("SELECT id, created_at, sealed FROM saved_checks WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        row.map(|r| self.check_from_row(user, &r)).transpose()
    }

    async fn delete_check(&self, user: UserId, id: i64) -> Result<bool> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let statements = [
            "DELETE FROM share_opens WHERE share_id IN (SELECT id FROM shares WHERE check_id = $1 AND user_id = $2)",
            "DELETE FROM shares WHERE check_id = $1 AND user_id = $2",
            "DELETE FROM journal_entries WHERE plan_id IN (SELECT id FROM plans WHERE check_id = $1 AND user_id = $2)",
            "DELETE FROM plans WHERE check_id = $1 AND user_id = $2",
        ];
        for sql in statements {
            sqlx::query(sql).bind(id).bind(user).execute(&mut *tx).await.map_err(q)?;
        }
        let done = sqlx::query("DELETE FROM saved_checks WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        tx.commit().await.map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn start_plan(&self, user: UserId, check_id: i64, now: &str, doc: &Value) -> Result<Option<i64>> {
        if !self.owns("saved_checks", user, check_id).await? {
            return Ok(None);
        }
        let sealed = self.seal_doc("plans", user, doc)?;
        let row = sqlx::query(
            "INSERT INTO plans (user_id, check_id, created_at, sealed) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user)
        .bind(check_id)
        .bind(now)
        .bind(sealed)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        Ok(Some(row.try_get(0).map_err(q)?))
    }

    async fn plans(&self, user: UserId) -> Result<Vec<Plan>> {
        let rows = sqlx::query(
            "SELECT id, check_id, created_at, ended, sealed FROM plans WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user)
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        rows.iter()
            .map(|r| {
                Ok(Plan {
                    id: r.try_get("id").map_err(q)?,
                    check_id: r.try_get("check_id").map_err(q)?,
                    created_at: r.try_get("created_at").map_err(q)?,
                    ended: r.try_get::<i64, _>("ended").map_err(q)? != 0,
                    doc: self.open_doc("plans", user, &r.try_get::<String, _>("sealed").map_err(q)?)?,
                })
            })
            .collect()
    }

    async fn update_plan(&self, user: UserId, plan_id: i64, doc: &Value) -> Result<bool> {
        let sealed = self.seal_doc("plans", user, doc)?;
        let done = sqlx::query("UPDATE plans SET sealed = $1 WHERE id = $2 AND user_id = $3")
            .bind(sealed)
            .bind(plan_id)
            .bind(user)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn end_plan(&self, user: UserId, plan_id: i64) -> Result<bool> {
        let done = sqlx::query("UPDATE plans SET ended = 1 WHERE id = $1 AND user_id = $2")
            .bind(plan_id)
            .bind(user)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn add_entry(&self, user: UserId, plan_id: i64, now: &str, doc: &Value) -> Result<Option<i64>> {
        if !self.owns("plans", user, plan_id).await? {
            return Ok(None);
        }
        let sealed = self.seal_doc("journal_entries", user, doc)?;
        let row = sqlx::query(
            "INSERT INTO journal_entries (user_id, plan_id, created_at, sealed) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user)
        .bind(plan_id)
        .bind(now)
        .bind(sealed)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        Ok(Some(row.try_get(0).map_err(q)?))
    }

    async fn entries(&self, user: UserId, plan_id: i64) -> Result<Vec<JournalEntry>> {
        // One row for the whole plan: `id|created_at|sealed` joined by commas (none of the
        // three contains either separator). A plan page opens hundreds of entries, and row
        // by row each one costs a round trip to SQLite's worker thread; `string_agg` with
        // ORDER BY is the same in SQLite (3.44+) and PostgreSQL.
        let row = sqlx::query(
            "SELECT string_agg(CAST(id AS TEXT) || '|' || created_at || '|' || sealed, ',' ORDER BY id) \
             FROM journal_entries WHERE plan_id = $1 AND user_id = $2",
        )
        .bind(plan_id)
        .bind(user)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        let Some(all) = row.try_get::<Option<String>, _>(0).map_err(q)? else { return Ok(Vec::new()) };
        let corrupt = || StoreError::Corrupt { table: "journal_entries", problem: "an aggregated row".into() };
        all.split(',')
            .map(|item| {
                let mut parts = item.splitn(3, '|');
                let (Some(id), Some(created_at), Some(sealed)) = (parts.next(), parts.next(), parts.next()) else {
                    return Err(corrupt());
                };
                Ok(JournalEntry {
                    id: id.parse().map_err(|_| corrupt())?,
                    plan_id,
                    created_at: created_at.to_owned(),
                    doc: self.open_doc("journal_entries", user, sealed)?,
                })
            })
            .collect()
    }

    async fn delete_entry(&self, user: UserId, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM journal_entries WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn create_share(
        &self,
        user: UserId,
        check_id: i64,
        token_hash: &str,
        now: &str,
        expires_secs: i64,
        doc: &Value,
    ) -> Result<Option<i64>> {
        if !self.owns("saved_checks", user, check_id).await? {
            return Ok(None);
        }
        let sealed = self.seal_doc("shares", user, doc)?;
        let row = sqlx::query(
            "INSERT INTO shares (user_id, check_id, token_hash, created_at, expires_secs, sealed) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(user)
        .bind(check_id)
        .bind(token_hash)
        .bind(now)
        .bind(expires_secs)
        .bind(sealed)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        Ok(Some(row.try_get(0).map_err(q)?))
    }

    async fn shares(&self, user: UserId) -> Result<Vec<Share>> {
        let rows = sqlx::query(
            "SELECT id, check_id, created_at, expires_secs, revoked, sealed FROM shares WHERE user_id = $1 \
             ORDER BY id DESC",
        )
        .bind(user)
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let opened = self.share_opens(r.try_get("id").map_err(q)?).await?;
            out.push(self.share_from_row(user, r, opened)?);
        }
        Ok(out)
    }

    async fn revoke_share(&self, user: UserId, id: i64) -> Result<bool> {
        let done = sqlx::query("UPDATE shares SET revoked = 1 WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn open_share(&self, token_hash: &str, now_secs: i64, now: &str) -> Result<Option<Share>> {
        let row = sqlx::query(
            "SELECT id, user_id, check_id, created_at, expires_secs, revoked, sealed FROM shares \
             WHERE token_hash = $1 AND revoked = 0 AND expires_secs > $2",
        )
        .bind(token_hash)
        .bind(now_secs)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id").map_err(q)?;
        let user: UserId = row.try_get("user_id").map_err(q)?;
        sqlx::query("INSERT INTO share_opens (share_id, opened_at) VALUES ($1, $2)")
            .bind(id)
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        let opened = self.share_opens(id).await?;
        self.share_from_row(user, &row, opened).map(Some)
    }

    async fn reseal_all(&self) -> Result<u64> {
        let vault = self.vault()?;
        let mut count = 0;
        let mut tx = self.write_tx().await.map_err(q)?;
        for table in SEALED_TABLES {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT id, user_id, sealed FROM {table}")))
                .fetch_all(&mut *tx)
                .await
                .map_err(q)?;
            for r in rows {
                let sealed: String = r.try_get("sealed").map_err(q)?;
                if vault.is_current(&sealed) {
                    continue;
                }
                let user: UserId = r.try_get("user_id").map_err(q)?;
                let id: i64 = r.try_get("id").map_err(q)?;
                let plain = vault.open(&context(table, user), &sealed)?;
                let resealed = vault.seal(&context(table, user), &plain);
                sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE {table} SET sealed = $1 WHERE id = $2")))
                    .bind(resealed)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(q)?;
                count += 1;
            }
        }
        tx.commit().await.map_err(q)?;
        Ok(count)
    }
}
