//! Drives the built `lumbar` binary: exit codes, stdout and the messages a user sees.
//!
//! A test that needs a database is written once, as `fn check(db: &str)`, and expanded by
//! [`on_both_backends!`] into a `sqlite` test and a `postgres` one: the latter fails when the
//! PostgreSQL test cluster is unreachable and is reported as ignored (never as passed) under
//! `LUMBAR_SKIP_POSTGRES=1`.

/// `on_both_backends!(name, check)`: a module `name` with two tests running `check(db_url)`
/// (a `fn(&str)` of the enclosing module) on a fresh database: `sqlite`, and `postgres`
/// (wrapped in `lumbar_testkit::postgres_test!`).
macro_rules! on_both_backends {
    ($name:ident, $check:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$check(&lumbar_testkit::sqlite_url());
            }

            lumbar_testkit::postgres_test! {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let url = lumbar_testkit::postgres_url().await.expect(lumbar_testkit::RUN_BUT_SKIPPED);
                    super::$check(&url);
                }
            }
        }
    };
}

mod demo;
mod directory;
mod groups;
mod keys;
mod progress;
mod screen;
mod states;
mod terminal;
mod users;

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `lumbar` with `args`, feeding `stdin`.
pub fn lumbar(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lumbar"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lumbar");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("wait for lumbar")
}

/// Runs `lumbar --db URL args…` and asserts success; returns stdout.
pub fn lumbar_ok(db: &str, args: &[&str]) -> String {
    let mut full = vec!["--db", db];
    full.extend_from_slice(args);
    let out = lumbar(&full, "");
    assert!(
        out.status.success(),
        "lumbar {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `lumbar --db URL --today DAY args…` (the day every date is judged on) and asserts
/// success; returns stdout.
pub fn lumbar_on(db: &str, today: &str, args: &[&str]) -> String {
    let mut full = vec!["--today", today];
    full.extend_from_slice(args);
    lumbar_ok(db, &full)
}

/// `lumbar find --json args…` on `today`, parsed.
pub fn find_on(db: &str, today: &str, args: &[&str]) -> serde_json::Value {
    let mut full = vec!["find", "--json"];
    full.extend_from_slice(args);
    serde_json::from_str(&lumbar_on(db, today, &full)).expect("find --json prints JSON")
}

/// `sqlite` or `postgres`: the backend of a database URL, to keep the two backends' temp
/// folders apart (their tests run at the same time, in one process).
pub fn backend(db: &str) -> &'static str {
    if db.starts_with("sqlite") { "sqlite" } else { "postgres" }
}

/// A fresh temp folder.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lumbar-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Stdout as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}
