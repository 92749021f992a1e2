//! `LUMBAR_SKIP_POSTGRES=1` → `cfg(lumbar_skip_postgres)`: PostgreSQL tests written with
//! `store_test!` or `postgres_test!` are then marked `#[ignore]` (reported as ignored, never as
//! passed). Without it a PostgreSQL test that cannot reach its cluster fails.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(lumbar_skip_postgres)");
    println!("cargo::rerun-if-env-changed=LUMBAR_SKIP_POSTGRES");
    if std::env::var("LUMBAR_SKIP_POSTGRES").is_ok_and(|v| v == "1") {
        println!("cargo::rustc-cfg=lumbar_skip_postgres");
    }
}
