//! # lumbar-store-sql
//!
//! [`SqlStore`]: the [`Store`] use cases written once, one module per area of
//! `lumbar-store` (`directory`, `feedback`, `accounts`, `journal`, `reviews`, `audit`), in SQL both SQLite and PostgreSQL
//! accept (`$N` placeholders in order, `ON CONFLICT`, `RETURNING`, ISO dates as text),
//! executed through sqlx's `Any` driver. The backend crates (`lumbar-store-sqlite`,
//! `lumbar-store-postgres`) own connection tuning and their migrations folder and hand a
//! migrated pool to [`SqlStore::new`]. See docs/decisions/0002-one-sql-implementation.md.

use std::sync::Arc;

use lumbar_core::directory::{Date, StateCode};
use lumbar_store::{Result, Store, StoreError, Vault, VaultError};
use sqlx::AnyPool;

mod accounts;
mod audit;
mod directory;
mod feedback;
mod journal;
mod reviews;
mod text;

/// The portable implementation of [`Store`].
#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: AnyPool,
    backend: &'static str,
    vault: Option<Arc<Vault>>,
}

fn q(e: sqlx::Error) -> StoreError {
    StoreError::Query(e.to_string())
}

/// `prefix ($1, …, $cols), ($cols+1, …), …` for a multi-row `VALUES` of `rows` rows.
fn values_rows(prefix: &str, rows: usize, cols: usize) -> String {
    let mut sql = String::from(prefix);
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        sql.push_str(&placeholders(i * cols + 1, cols));
        sql.push(')');
    }
    sql
}

/// `$start, $start+1, …` (n placeholders).
fn placeholders(start: usize, n: usize) -> String {
    (start..start + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

fn parse_date(table: &'static str, s: Option<String>) -> Result<Option<Date>> {
    match s {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => {
            Date::parse(&s).map(Some).ok_or_else(|| StoreError::Corrupt { table, problem: format!("bad date {s}") })
        }
    }
}

fn parse_state(table: &'static str, s: &str) -> Result<StateCode> {
    StateCode::parse(s).map_err(|e| StoreError::Corrupt { table, problem: e })
}

/// Raises the directory's change counter inside a write transaction.
async fn bump_version(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<()> {
    sqlx::query("UPDATE directory_changes SET version = version + 1 WHERE id = 1")
        .execute(&mut **tx)
        .await
        .map_err(q)?;
    Ok(())
}

impl SqlStore {
    /// Wraps a migrated pool. `backend` is `sqlite` or `postgres`.
    pub fn new(pool: AnyPool, backend: &'static str) -> SqlStore {
        SqlStore { pool, backend, vault: None }
    }

    /// The same store, sealing health data with `vault` (without one, the journal refuses
    /// to store or read health data).
    pub fn with_vault(mut self, vault: Arc<Vault>) -> SqlStore {
        self.vault = Some(vault);
        self
    }

    /// The data keys, or the error that says none is configured.
    fn vault(&self) -> Result<&Vault> {
        self.vault.as_deref().ok_or(StoreError::Vault(VaultError::NoKey))
    }

    /// Rows per multi-row statement with `columns` parameters each. SQLite resolves named
    /// parameters (`$N`) in quadratic time while preparing, so its statements stay small;
    /// PostgreSQL is better served by fewer round trips. (Measured: docs/BENCHMARKS.md.)
    fn rows_per_statement(&self, columns: usize) -> usize {
        let params = if self.backend == "postgres" { 16_000 } else { 480 };
        (params / columns).max(1)
    }

    /// The pool (for backend-specific maintenance).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A write transaction. On SQLite it starts as a writer (`BEGIN IMMEDIATE`): a deferred
    /// transaction that reads first and writes later fails at once with `SQLITE_BUSY` (or
    /// `SQLITE_BUSY_SNAPSHOT`) when another connection committed in between, and the busy
    /// timeout does not apply to that upgrade; an immediate one waits its turn for the write
    /// lock (busy timeout 10 s) and then cannot be overtaken. PostgreSQL's row locks need
    /// nothing more.
    async fn write_tx(&self) -> std::result::Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        if self.backend == "sqlite" { self.pool.begin_with("BEGIN IMMEDIATE").await } else { self.pool.begin().await }
    }
}

impl Store for SqlStore {
    fn backend(&self) -> &'static str {
        self.backend
    }
}
