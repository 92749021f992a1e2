//! `lumbar serve`: the website and JSON API over the chosen database.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use lumbar_core::screening::Ruleset;
use lumbar_store::prelude::*;
use lumbar_web::{AppState, WebConfig};

use lumbar_directory::demo;

use crate::db;

/// Opens the store, loads the demo when asked and the database is empty, and serves until
/// Ctrl-C / SIGTERM.
pub fn run(
    url: &str,
    listen: &str,
    load_demo: bool,
    clock: lumbar_store::Clock,
    stale_after_days: u32,
) -> anyhow::Result<ExitCode> {
    // One line per request (method, path, status, latency); never bodies or form values.
    tracing_subscriber::fmt().with_target(false).with_writer(std::io::stderr).init();
    let rt = db::runtime()?;
    rt.block_on(async {
        let store = db::open(url).await.with_context(|| format!("opening {url}"))?;
        if load_demo {
            if store.import_runs().await?.is_empty() {
                let s = demo::load(&store, clock.today()).await?;
                eprintln!(
                    "loaded the fictional demo directory: {} listings, {} licenses verified",
                    s.listings, s.verify.checked
                );
            } else {
                eprintln!("--demo: the database already has data; the demo directory was not loaded again");
            }
        }
        let ruleset = Arc::new(Ruleset::shipped()?);
        let store: Arc<dyn Store> = Arc::new(store);
        let config = WebConfig { clock, stale_after_days, ..WebConfig::from_env()? };
        let state = AppState::new(ruleset, config).with_store(store);
        let listener =
            tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
        let addr = listener.local_addr()?;
        eprintln!("lumbar is running: open http://{addr}/  (Ctrl-C to stop)");
        lumbar_web::serve(listener, state).await?;
        Ok(ExitCode::SUCCESS)
    })
}
