//! # lumbar-testkit
//!
//! Dev-only helpers so that every store test is written once and runs on both backends:
//!
//! - [`sqlite_url`] / [`sqlite_store`]: a fresh SQLite file per test;
//! - [`postgres_url`] / [`postgres_store`]: a fresh database per test, cloned from a
//!   migrated template in the throwaway cluster `scripts/test` starts (socket dir in
//!   `LUMBAR_TEST_PG_HOST`). A PostgreSQL test that cannot reach that cluster (not
//!   configured, or a connection error) **fails** with a message saying how to run it;
//! - `LUMBAR_SKIP_POSTGRES=1` (on purpose, on a developer's machine; `scripts/test` refuses
//!   it under CI) skips PostgreSQL: `build.rs` turns it into `cfg(lumbar_skip_postgres)`,
//!   under which [`postgres_test!`] (and so the `postgres` half of [`store_test!`]) marks its
//!   tests `#[ignore]`, so they are reported as *ignored*, never as passed;
//! - [`store_test!`]: one body, expanded into `sqlite` and `postgres` tests;
//! - [`postgres_test!`]: wraps a PostgreSQL-only test written outside [`store_test!`].

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use lumbar_store_sql::SqlStore;
use sqlx::Connection;

static COUNTER: AtomicU32 = AtomicU32::new(0);
static TEMPLATE: tokio::sync::Mutex<bool> = tokio::sync::Mutex::const_new(false);

/// A name no earlier test run used: process ids repeat (a CI container starts every run
/// from the same low numbers), so the name also carries the clock's nanoseconds.
fn unique(prefix: &str) -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default();
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A fresh, empty SQLite database URL in the system temp dir.
/// Any file left under the name by an earlier run (with its `-wal`/`-shm`) is removed first.
pub fn sqlite_url() -> String {
    let dir = std::env::temp_dir().join("lumbar-tests");
    let _ = std::fs::create_dir_all(&dir);
    let path: PathBuf = dir.join(format!("{}.db", unique("t")));
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    format!("sqlite:{}", path.display())
}

/// The data key of test stores (fixed, so a test can open what another handle sealed).
pub const TEST_DATA_KEY: [u8; 32] = [0x5a; 32];

/// The vault of test stores ([`TEST_DATA_KEY`]).
pub fn test_vault() -> std::sync::Arc<lumbar_store::Vault> {
    std::sync::Arc::new(lumbar_store::Vault::from_keys(&[TEST_DATA_KEY]).expect("one key"))
}

/// A fresh, migrated SQLite store sealing health data with [`test_vault`].
pub async fn sqlite_store() -> SqlStore {
    sqlite_store_at(&sqlite_url()).await
}

/// The SQLite store at `url` (migrated), sealing health data with [`test_vault`].
pub async fn sqlite_store_at(url: &str) -> SqlStore {
    lumbar_store_sqlite::open(url).await.expect("open sqlite test store").with_vault(test_vault())
}

/// Whether this build skips PostgreSQL on purpose (`LUMBAR_SKIP_POSTGRES=1` when the
/// testkit was built, which `cargo test` does in the same environment it runs in).
pub const POSTGRES_SKIPPED: bool = cfg!(lumbar_skip_postgres);

/// How to run the PostgreSQL tests; ends every message of a PostgreSQL test that cannot run.
pub const HOW_TO_RUN_POSTGRES: &str = "PostgreSQL tests need a test cluster: run the tests \
through scripts/test (it starts one), or set LUMBAR_TEST_PG_HOST to the socket dir (or host) of \
a running PostgreSQL (user: LUMBAR_TEST_PG_USER, default postgres), or set LUMBAR_SKIP_POSTGRES=1 \
to skip them on purpose (they are then reported as ignored; not allowed in CI)";

fn pg_url(db: &str) -> Option<String> {
    let host = std::env::var("LUMBAR_TEST_PG_HOST").ok().filter(|h| !h.is_empty())?;
    let user = std::env::var("LUMBAR_TEST_PG_USER").unwrap_or_else(|_| "postgres".to_owned());
    Some(format!("postgres://{user}@localhost/{db}?host={host}"))
}

fn unreachable_cluster(what: &str, admin: &str, err: impl std::fmt::Display) -> ! {
    panic!("PostgreSQL test cluster at {admin}: {what}: {err}\n{HOW_TO_RUN_POSTGRES}")
}

async fn connect_admin(admin: &str) -> sqlx::PgConnection {
    sqlx::PgConnection::connect(admin).await.unwrap_or_else(|e| unreachable_cluster("cannot connect", admin, e))
}

/// A fresh, migrated PostgreSQL database URL.
///
/// Returns `None` only when PostgreSQL is skipped on purpose ([`POSTGRES_SKIPPED`]); panics
/// when no test cluster is configured (`LUMBAR_TEST_PG_HOST` unset) or it cannot be reached.
pub async fn postgres_url() -> Option<String> {
    if POSTGRES_SKIPPED {
        eprintln!("PostgreSQL skipped on purpose (LUMBAR_SKIP_POSTGRES=1)");
        return None;
    }
    let Some(admin) = pg_url("postgres") else {
        panic!("no PostgreSQL test cluster: LUMBAR_TEST_PG_HOST is not set\n{HOW_TO_RUN_POSTGRES}");
    };
    let template = format!("lumbar_tmpl_{}", std::process::id());
    {
        let mut ready = TEMPLATE.lock().await;
        if !*ready {
            let mut conn = connect_admin(&admin).await;
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {template}")))
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| unreachable_cluster("drop the old template", &admin, e));
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {template}")))
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| unreachable_cluster("create the template", &admin, e));
            let store = lumbar_store_postgres::open(&pg_url(&template)?).await.expect("migrate template");
            store.pool().close().await;
            conn.close().await.ok();
            *ready = true;
        }
    }
    let db = unique("t");
    let mut conn = connect_admin(&admin).await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db} TEMPLATE {template}")))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| unreachable_cluster("clone the template", &admin, e));
    conn.close().await.ok();
    pg_url(&db)
}

/// A fresh, migrated PostgreSQL store; `None` only when PostgreSQL is skipped on purpose
/// (see [`postgres_url`], which panics when the cluster is missing or unreachable).
pub async fn postgres_store() -> Option<SqlStore> {
    let url = postgres_url().await?;
    Some(lumbar_store_postgres::open(&url).await.expect("open postgres test store").with_vault(test_vault()))
}

/// The message of a PostgreSQL test run although PostgreSQL is skipped on purpose
/// (`cargo test -- --include-ignored` with `LUMBAR_SKIP_POSTGRES=1`).
pub const RUN_BUT_SKIPPED: &str = "this PostgreSQL test was run although LUMBAR_SKIP_POSTGRES=1 \
skips PostgreSQL on purpose: unset it to run PostgreSQL tests";

/// One test body, run on SQLite and on PostgreSQL:
///
/// ```ignore
/// store_test!(round_trip, |store| {
///     assert!(store.import_runs().await.unwrap().is_empty());
/// });
/// ```
///
/// The `postgres` half fails when the test cluster is missing or unreachable, and is
/// reported as ignored under `LUMBAR_SKIP_POSTGRES=1` (see [`postgres_test!`]).
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

            $crate::postgres_test! {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let Some($store) = $crate::postgres_store().await else {
                        panic!("{}", $crate::RUN_BUT_SKIPPED)
                    };
                    $body
                }
            }
        }
    };
}

/// Test functions that need PostgreSQL, written outside [`store_test!`]: passed through
/// unchanged, except that under `LUMBAR_SKIP_POSTGRES=1` each one gets
/// `#[ignore = "LUMBAR_SKIP_POSTGRES=1: …"]`, so it is reported as ignored, never as passed.
///
/// ```ignore
/// lumbar_testkit::postgres_test! {
///     #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
///     async fn imports_on_postgres() {
///         let url = lumbar_testkit::postgres_url().await.expect(lumbar_testkit::RUN_BUT_SKIPPED);
///     }
/// }
/// ```
#[cfg(not(lumbar_skip_postgres))]
#[macro_export]
macro_rules! postgres_test {
    ($($(#[$attr:meta])* $vis:vis async fn $name:ident() $body:block)*) => {
        $($(#[$attr])* $vis async fn $name() $body)*
    };
}

/// Test functions that need PostgreSQL, written outside [`store_test!`]: passed through
/// unchanged, except that under `LUMBAR_SKIP_POSTGRES=1` each one gets
/// `#[ignore = "LUMBAR_SKIP_POSTGRES=1: …"]`, so it is reported as ignored, never as passed.
#[cfg(lumbar_skip_postgres)]
#[macro_export]
macro_rules! postgres_test {
    ($($(#[$attr:meta])* $vis:vis async fn $name:ident() $body:block)*) => {
        $(
            $(#[$attr])*
            #[ignore = "LUMBAR_SKIP_POSTGRES=1: PostgreSQL skipped on purpose"]
            $vis async fn $name() $body
        )*
    };
}
