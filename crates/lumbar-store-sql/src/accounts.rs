//! The accounts area in SQL: users, sessions, failed sign-ins, reset and API tokens, the
//! mail outbox.

use async_trait::async_trait;
use lumbar_store::{AccountStore, ApiToken, Mail, Result, Role, StoreError, User, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{SqlStore, q};

const USER_COLUMNS: &str = "u.id, u.email, u.role, u.created_at, u.privacy_version";

fn user_from_row(r: &AnyRow) -> Result<User> {
    let role: String = r.try_get("role").map_err(q)?;
    Ok(User {
        id: r.try_get("id").map_err(q)?,
        email: r.try_get("email").map_err(q)?,
        role: Role::parse(&role).ok_or(StoreError::Corrupt { table: "users", problem: format!("role {role}") })?,
        created_at: r.try_get("created_at").map_err(q)?,
        privacy_version: r.try_get("privacy_version").map_err(q)?,
    })
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    // SQLite: "UNIQUE constraint failed"; PostgreSQL: SQLSTATE 23505.
    match e {
        sqlx::Error::Database(d) => d.code().as_deref() == Some("23505") || d.message().contains("UNIQUE constraint"),
        _ => false,
    }
}

#[async_trait]
impl AccountStore for SqlStore {
    async fn create_user(&self, email: &str, password_hash: &str, role: Role, now: &str) -> Result<Option<UserId>> {
        let row = sqlx::query(
            "INSERT INTO users (email, password_hash, role, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(email)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(now)
        .fetch_one(&self.pool)
        .await;
        match row {
            Ok(r) => Ok(Some(r.try_get(0).map_err(q)?)),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(q(e)),
        }
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1"
        )))
        .bind(email)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        row.map(|r| Ok((user_from_row(&r)?, r.try_get("password_hash").map_err(q)?))).transpose()
    }

    async fn user(&self, id: UserId) -> Result<Option<User>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn users(&self) -> Result<Vec<User>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.id")))
            .fetch_all(&self.pool)
            .await
            .map_err(q)?;
        rows.iter().map(user_from_row).collect()
    }

    async fn set_role(&self, id: UserId, role: Role) -> Result<bool> {
        let done = sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
            .bind(role.as_str())
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_password(&self, id: UserId, password_hash: &str) -> Result<bool> {
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn agree_privacy(&self, id: UserId, version: &str) -> Result<()> {
        sqlx::query("UPDATE users SET privacy_version = $1 WHERE id = $2 AND privacy_version IS NULL")
            .bind(version)
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(())
    }

    async fn delete_user(&self, id: UserId) -> Result<bool> {
        let mut tx = self.write_tx().await.map_err(q)?;
        // Children first: SQLite's ALTER-added reference on reviews and the journal's nested
        // references are cascaded explicitly too, so the order never depends on a backend.
        for table in ["share_opens", "shares", "journal_entries", "plans", "saved_checks"] {
            let sql = if table == "share_opens" {
                "DELETE FROM share_opens WHERE share_id IN (SELECT id FROM shares WHERE user_id = $1)".to_owned()
            } else {
                format!("DELETE FROM {table} WHERE user_id = $1")
            };
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).execute(&mut *tx).await.map_err(q)?;
        }
        // mail already queued to the address (reset links) goes with the account
        sqlx::query("DELETE FROM mail_outbox WHERE to_addr = (SELECT email FROM users WHERE id = $1)")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        let reviews =
            sqlx::query("DELETE FROM reviews WHERE user_id = $1").bind(id).execute(&mut *tx).await.map_err(q)?;
        for table in ["sessions", "password_resets", "api_tokens"] {
            sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE user_id = $1")))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(q)?;
        }
        let done = sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(&mut *tx).await.map_err(q)?;
        if reviews.rows_affected() > 0 {
            crate::bump_version(&mut tx).await?;
        }
        tx.commit().await.map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn create_session(&self, token_hash: &str, user: UserId, now_secs: i64, expires_secs: i64) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_secs, expires_secs) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user)
            .bind(now_secs)
            .bind(expires_secs)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(())
    }

    async fn session_user(&self, token_hash: &str, now_secs: i64) -> Result<Option<User>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_secs > $2"
        )))
        .bind(token_hash)
        .bind(now_secs)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(())
    }

    async fn delete_sessions(&self, user: UserId) -> Result<u64> {
        let done =
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&self.pool).await.map_err(q)?;
        Ok(done.rows_affected())
    }

    async fn sign_in_failures(&self, key: &str) -> Result<(u32, i64)> {
        let row = sqlx::query("SELECT failures, last_secs FROM sign_in_failures WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        match row {
            None => Ok((0, 0)),
            Some(r) => {
                Ok((u32::try_from(r.try_get::<i64, _>(0).map_err(q)?).unwrap_or(u32::MAX), r.try_get(1).map_err(q)?))
            }
        }
    }

    async fn record_sign_in_failure(&self, key: &str, now_secs: i64) -> Result<u32> {
        let row = sqlx::query(
            "INSERT INTO sign_in_failures (key, failures, last_secs) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET failures = sign_in_failures.failures + 1, last_secs = $3 \
             RETURNING failures",
        )
        .bind(key)
        .bind(now_secs)
        .bind(now_secs)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        Ok(u32::try_from(row.try_get::<i64, _>(0).map_err(q)?).unwrap_or(u32::MAX))
    }

    async fn clear_sign_in_failures(&self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE key = $1").bind(key).execute(&self.pool).await.map_err(q)?;
        Ok(())
    }

    async fn create_reset(&self, token_hash: &str, user: UserId, expires_secs: i64) -> Result<()> {
        sqlx::query("INSERT INTO password_resets (token_hash, user_id, expires_secs) VALUES ($1, $2, $3)")
            .bind(token_hash)
            .bind(user)
            .bind(expires_secs)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(())
    }

    async fn reset_user(&self, token_hash: &str, now_secs: i64) -> Result<Option<UserId>> {
        let row =
            sqlx::query("SELECT user_id FROM password_resets WHERE token_hash = $1 AND used = 0 AND expires_secs > $2")
                .bind(token_hash)
                .bind(now_secs)
                .fetch_optional(&self.pool)
                .await
                .map_err(q)?;
        row.map(|r| r.try_get(0).map_err(q)).transpose()
    }

    async fn take_reset(&self, token_hash: &str, now_secs: i64) -> Result<Option<UserId>> {
        let row = sqlx::query(
            "UPDATE password_resets SET used = 1 WHERE token_hash = $1 AND used = 0 AND expires_secs > $2 \
             RETURNING user_id",
        )
        .bind(token_hash)
        .bind(now_secs)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        row.map(|r| r.try_get(0).map_err(q)).transpose()
    }

    async fn create_api_token(&self, user: UserId, name: &str, token_hash: &str, now: &str) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user)
        .bind(name)
        .bind(token_hash)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn api_tokens(&self, user: UserId) -> Result<Vec<ApiToken>> {
        let rows = sqlx::query(
            "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user)
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        rows.iter()
            .map(|r| {
                Ok(ApiToken {
                    id: r.try_get(0).map_err(q)?,
                    name: r.try_get(1).map_err(q)?,
                    created_at: r.try_get(2).map_err(q)?,
                    last_used_at: r.try_get(3).map_err(q)?,
                })
            })
            .collect()
    }

    async fn revoke_api_token(&self, user: UserId, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        Ok(done.rows_affected() == 1)
    }

    async fn api_token_user(&self, token_hash: &str, now: &str) -> Result<Option<User>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1"
        )))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?;
        let Some(row) = row else { return Ok(None) };
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        user_from_row(&row).map(Some)
    }

    async fn queue_mail(&self, to: &str, subject: &str, body: &str, now: &str) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO mail_outbox (to_addr, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn outbox(&self, limit: u32) -> Result<Vec<Mail>> {
        let rows =
            sqlx::query("SELECT id, to_addr, subject, body, created_at FROM mail_outbox ORDER BY id DESC LIMIT $1")
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(q)?;
        rows.iter()
            .map(|r| {
                Ok(Mail {
                    id: r.try_get(0).map_err(q)?,
                    to: r.try_get(1).map_err(q)?,
                    subject: r.try_get(2).map_err(q)?,
                    body: r.try_get(3).map_err(q)?,
                    created_at: r.try_get(4).map_err(q)?,
                })
            })
            .collect()
    }
}
