//! Drives the built `lumbar` binary: exit codes, stdout and the messages a user sees.

mod demo;
mod directory;
mod screen;

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

/// The database URLs to run a directory test on: SQLite always, PostgreSQL when the test
/// cluster is up (required in CI).
pub async fn databases() -> Vec<String> {
    let mut urls = vec![lumbar_testkit::sqlite_url()];
    urls.extend(lumbar_testkit::postgres_url().await);
    urls
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
