//! # lumbar-store-postgres
//!
//! The scale-out backend: several stateless `lumbar serve` nodes share one PostgreSQL.
//! Migrated from `migrations/` (same numbers and names as the SQLite folder); queries are
//! the shared ones in `lumbar-store-sql`.

use std::time::Duration;

use lumbar_store::StoreError;
use lumbar_store_sql::SqlStore;
use sqlx::any::AnyPoolOptions;

/// The migrations, embedded at compile time.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Connects to and migrates the database at `url` (`postgres://…` or `postgresql://…`,
/// including `postgres:///db?host=/socket/dir`).
pub async fn open(url: &str) -> Result<SqlStore, StoreError> {
    sqlx::any::install_default_drivers();
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(StoreError::BadUrl(url.to_owned()));
    }
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await
        .map_err(|e| StoreError::Open(e.to_string()))?;
    MIGRATOR.run(&pool).await.map_err(|e| StoreError::Open(format!("migrating: {e}")))?;
    Ok(SqlStore::new(pool, "postgres"))
}
