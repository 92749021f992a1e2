//! # lumbar-store-sqlite
//!
//! The embedded default backend: a SQLite file in WAL mode with a busy timeout and foreign
//! keys on, migrated from `migrations/` (same numbers and names as the PostgreSQL folder).
//! Queries are the shared ones in `lumbar-store-sql`.

use std::time::Duration;

use lumbar_store::StoreError;
use lumbar_store_sql::SqlStore;
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;

/// The migrations, embedded at compile time.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if needed) and migrates the database at `url` (`sqlite:PATH` or
/// `sqlite::memory:`).
pub async fn open(url: &str) -> Result<SqlStore, StoreError> {
    sqlx::any::install_default_drivers();
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| StoreError::BadUrl(url.to_owned()))?;
    let memory = path == ":memory:" || path.is_empty();
    let full = if memory {
        "sqlite::memory:".to_owned()
    } else if path.contains('?') {
        format!("sqlite:{path}")
    } else {
        format!("sqlite:{path}?mode=rwc")
    };
    let pool = AnyPoolOptions::new()
        // one writer at a time is SQLite's model; a small pool keeps readers concurrent
        .max_connections(if memory { 1 } else { 4 })
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;").await?;
                Ok(())
            })
        })
        .acquire_timeout(Duration::from_secs(30))
        .connect(&full)
        .await
        .map_err(|e| StoreError::Open(format!("{path}: {e}")))?;
    MIGRATOR.run(&pool).await.map_err(|e| StoreError::Open(format!("migrating {path}: {e}")))?;
    Ok(SqlStore::new(pool, "sqlite"))
}
