//! # lumbar-testkit
//!
//! Dev-only helpers so that every store test is written once and runs on both backends:
//!
//! - [`sqlite_url`] / [`sqlite_store`]: a fresh SQLite file per test;
//! - [`postgres_url`] / [`postgres_store`]: a fresh database per test, cloned from a
//!   migrated template in the throwaway cluster `scripts/test` starts (socket dir in
//!   `LUMBAR_TEST_PG_HOST`). Without it the PostgreSQL half is skipped with a message —
//!   unless `LUMBAR_REQUIRE_POSTGRES=1` (set by `scripts/test` and CI), where a missing
//!   PostgreSQL fails the test;
//! - [`store_test!`]: one body, expanded into `sqlite` and `postgres` tests.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use lumbar_store_sql::SqlStore;
use sqlx::Connection;

static COUNTER: AtomicU32 = AtomicU32::new(0);
static TEMPLATE: tokio::sync::Mutex<bool> = tokio::sync::Mutex::const_new(false);

fn unique(prefix: &str) -> String {
    format!("{prefix}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A fresh, empty SQLite database URL in the system temp dir.
pub fn sqlite_url() -> String {
    let dir = std::env::temp_dir().join("lumbar-tests");
    let _ = std::fs::create_dir_all(&dir);
    let path: PathBuf = dir.join(format!("{}.db", unique("t")));
    format!("sqlite:{}", path.display())
}

/// A fresh, migrated SQLite store.
pub async fn sqlite_store() -> SqlStore {
    lumbar_store_sqlite::open(&sqlite_url()).await.expect("open sqlite test store")
}

fn pg_url(db: &str) -> Option<String> {
    let host = std::env::var("LUMBAR_TEST_PG_HOST").ok().filter(|h| !h.is_empty())?;
    let user = std::env::var("LUMBAR_TEST_PG_USER").unwrap_or_else(|_| "postgres".to_owned());
    Some(format!("postgres://{user}@localhost/{db}?host={host}"))
}

/// Whether PostgreSQL tests must run (CI): then a missing cluster is a failure.
pub fn postgres_required() -> bool {
    std::env::var("LUMBAR_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// A fresh, migrated PostgreSQL database URL, or `None` (with a message) when no test
/// cluster is configured and PostgreSQL is not required.
pub async fn postgres_url() -> Option<String> {
    let Some(admin) = pg_url("postgres") else {
        assert!(
            !postgres_required(),
            "LUMBAR_REQUIRE_POSTGRES=1 but LUMBAR_TEST_PG_HOST is not set: run the tests through scripts/test"
        );
        eprintln!("PostgreSQL half skipped: no test cluster (run scripts/test to include it)");
        return None;
    };
    let template = format!("lumbar_tmpl_{}", std::process::id());
    {
        let mut ready = TEMPLATE.lock().await;
        if !*ready {
            let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the test cluster");
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {template}")))
                .execute(&mut conn)
                .await
                .expect("drop old template");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {template}")))
                .execute(&mut conn)
                .await
                .expect("create template");
            let store = lumbar_store_postgres::open(&pg_url(&template)?).await.expect("migrate template");
            store.pool().close().await;
            conn.close().await.ok();
            *ready = true;
        }
    }
    let db = unique("t");
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the test cluster");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db} TEMPLATE {template}")))
        .execute(&mut conn)
        .await
        .expect("clone the template");
    conn.close().await.ok();
    pg_url(&db)
}

/// A fresh, migrated PostgreSQL store, or `None` when skipped.
pub async fn postgres_store() -> Option<SqlStore> {
    let url = postgres_url().await?;
    Some(lumbar_store_postgres::open(&url).await.expect("open postgres test store"))
}

/// One test body, run on SQLite and on PostgreSQL:
///
/// ```ignore
/// store_test!(round_trip, |store| {
///     assert!(store.import_runs().await.unwrap().is_empty());
/// });
/// ```
#[macro_export]
macro_rules! store_test {
    ($name:ident, |$store:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $store = $crate::sqlite_store().await;
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($store) = $crate::postgres_store().await else { return };
                $body
            }
        }
    };
}
