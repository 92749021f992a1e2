//! `lumbar keys rotate`: every stored health document is re-sealed under a new key, the key
//! file ends with the new key only, and the old key no longer opens anything.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use lumbar_store::Vault;
use lumbar_store::prelude::*;
use serde_json::json;

fn lumbar_with_key_file(db: &str, key_file: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lumbar"))
        .args(["--db", db])
        .args(args)
        .env("LUMBAR_DATA_KEY_FILE", key_file)
        .env_remove("LUMBAR_DATA_KEY")
        .output()
        .expect("run lumbar");
    assert!(out.status.success(), "lumbar {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn open(db: &str, vault: Vault) -> lumbar_store_sql::SqlStore {
    let store = if db.starts_with("sqlite:") {
        lumbar_store_sqlite::open(db).await.expect("open")
    } else {
        lumbar_store_postgres::open(db).await.expect("open")
    };
    store.with_vault(Arc::new(vault))
}

/// Runs `f` on a runtime of its own thread (the PostgreSQL test already runs inside one).
fn block_on<T: Send>(f: impl std::future::Future<Output = T> + Send) -> T {
    std::thread::scope(|s| {
        s.spawn(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime").block_on(f))
            .join()
            .expect("thread")
    })
}

fn rotation(db: &str) {
    let dir = std::env::temp_dir().join(format!("lumbar-keys-{}-{}", std::process::id(), db.len()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let key_file = dir.join("data.key");
    let shown = lumbar_with_key_file(db, &key_file, &["keys", "show"]);
    let old_id = Vault::load_or_create(&key_file).expect("key file created").current_id().to_owned();
    assert!(shown.contains(&old_id), "{shown}");

    let (user, check) = block_on(async {
        let store = open(db, Vault::load_or_create(&key_file).expect("key")).await;
        let user = store
            .create_user("k@example.org", "$h", lumbar_store::Role::Person, "2026-11-28T00:00:00Z")
            .await
            .unwrap()
            .unwrap();
        let check = store.save_check(user, "2026-11-28T00:00:00Z", &json!({"answers": {"age": 52}})).await.unwrap();
        (user, check)
    });

    let out = lumbar_with_key_file(db, &key_file, &["keys", "rotate"]);
    assert!(out.contains("re-sealed 1 documents"), "{out}");
    let new = Vault::load_or_create(&key_file).expect("key file");
    assert_eq!(new.ids().len(), 1, "only the new key is left");
    assert_ne!(new.current_id(), old_id);
    assert!(out.contains(new.current_id()), "{out}");

    block_on(async {
        let store = open(db, new).await;
        assert_eq!(store.check(user, check).await.unwrap().unwrap().doc, json!({"answers": {"age": 52}}));
    });
    std::fs::remove_dir_all(&dir).ok();
}

on_both_backends!(rotating_the_key_reseals_the_journal, rotation);
