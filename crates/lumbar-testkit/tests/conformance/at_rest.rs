//! Health data is encrypted at rest: known answers, notes and intake text written through
//! the store are searched for in the raw SQLite files and in a `pg_dump` of the PostgreSQL
//! database, and must not be found. (The email, which is not health data, is found: proof
//! that the search reads the right bytes.)

use std::path::PathBuf;

use lumbar_store::Role;
use lumbar_store::prelude::*;
use serde_json::json;

const NOW: &str = "2026-11-28T12:00:00Z";
/// Distinctive words no schema or index would contain.
const SECRETS: [&str; 4] = ["saddlenumbnesszebra", "warfarinquokka", "notesaboutmyhusbandxyz", "avoidleftcalfplatypus"];

async fn write_health_data(store: &dyn Store) {
    let ana = store.create_user("marker.person@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    let check =
        store.save_check(ana, NOW, &json!({"answers": {"note": SECRETS[0], "medicine": SECRETS[1]}})).await.unwrap();
    let plan = store.start_plan(ana, check, NOW, &json!({"baseline": 6})).await.unwrap().unwrap();
    store.add_entry(ana, plan, NOW, &json!({"notes": SECRETS[2]})).await.unwrap().unwrap();
    store.create_share(ana, check, "tok", NOW, 9_999_999_999, &json!({"avoid": SECRETS[3]})).await.unwrap();
}

fn assert_sealed(haystack: &[u8], what: &str) {
    let text = String::from_utf8_lossy(haystack);
    assert!(text.contains("marker.person@example.org"), "{what}: the search does not see the stored rows");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} holds health data in plain text: {secret}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_files_hold_no_health_data_in_plain_text() {
    let url = lumbar_testkit::sqlite_url();
    let store = lumbar_testkit::sqlite_store_at(&url).await;
    write_health_data(&store).await;
    store.pool().close().await;
    let path = PathBuf::from(url.trim_start_matches("sqlite:"));
    let mut bytes = Vec::new();
    for suffix in ["", "-wal"] {
        if let Ok(b) = std::fs::read(format!("{}{suffix}", path.display())) {
            bytes.extend(b);
        }
    }
    assert_sealed(&bytes, "the SQLite file");
}

/// `pg_dump` of the test cluster's version: `LUMBAR_TEST_PG_BIN` (set by scripts/test),
/// else the newest /usr/lib/postgresql/*/bin, else the PATH.
fn pg_dump() -> PathBuf {
    if let Ok(dir) = std::env::var("LUMBAR_TEST_PG_BIN") {
        return PathBuf::from(dir).join("pg_dump");
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path().join("bin/pg_dump")).filter(|p| p.exists()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.pop().unwrap_or_else(|| PathBuf::from("pg_dump"))
}

lumbar_testkit::postgres_test! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_postgres_dump_holds_no_health_data_in_plain_text() {
        let Some(url) = lumbar_testkit::postgres_url().await else { panic!("{}", lumbar_testkit::RUN_BUT_SKIPPED) };
        let store = lumbar_store_postgres::open(&url).await.unwrap().with_vault(lumbar_testkit::test_vault());
        write_health_data(&store).await;
        let out = std::process::Command::new(pg_dump())
            .arg("--data-only")
            .arg(format!("--dbname={url}"))
            .output()
            .unwrap_or_else(|e| panic!("pg_dump could not run ({e}); {}", lumbar_testkit::HOW_TO_RUN_POSTGRES));
        assert!(out.status.success(), "pg_dump failed: {}", String::from_utf8_lossy(&out.stderr));
        assert_sealed(&out.stdout, "the PostgreSQL dump");
    }
}
