//! Opening the database named by `--db` / `LUMBAR_DATABASE_URL`, with the data key that
//! seals health data at rest.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use lumbar_store::Vault;
use lumbar_store_sql::SqlStore;

/// Opens (creating and migrating when needed) the store at `url`, sealing health data with
/// the data key ([`vault_for`]).
pub async fn open(url: &str) -> anyhow::Result<SqlStore> {
    open_with(url, Arc::new(vault_for(url)?)).await
}

/// Opens the store at `url` sealing health data with `vault` (key rotation).
pub async fn open_with(url: &str, vault: Arc<Vault>) -> anyhow::Result<SqlStore> {
    let store = if url.starts_with("sqlite:") {
        lumbar_store_sqlite::open(url).await?
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        lumbar_store_postgres::open(url).await?
    } else {
        anyhow::bail!(
            "unsupported --db URL `{url}`: use sqlite:PATH (default sqlite:lumbar.db) or postgres://USER@HOST/DB"
        );
    };
    Ok(store.with_vault(vault))
}

/// Where the data key comes from, in order: `LUMBAR_DATA_KEY` (base64 keys separated by
/// commas, the first current: give every server node the same value); `LUMBAR_DATA_KEY_FILE`;
/// beside a SQLite database, `<database file>.key`; otherwise `lumbar-data.key` in the
/// working directory. A key file that does not exist is created with one new key, mode 0600.
pub fn key_source(url: &str) -> KeySource {
    if let Ok(keys) = std::env::var("LUMBAR_DATA_KEY")
        && !keys.trim().is_empty()
    {
        return KeySource::Env(keys);
    }
    if let Ok(path) = std::env::var("LUMBAR_DATA_KEY_FILE")
        && !path.trim().is_empty()
    {
        return KeySource::File(PathBuf::from(path));
    }
    let sqlite = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"));
    match sqlite.map(|p| p.split('?').next().unwrap_or(p)) {
        Some(":memory:") | Some("") => KeySource::Ephemeral,
        Some(path) => KeySource::File(PathBuf::from(format!("{path}.key"))),
        None => KeySource::File(PathBuf::from("lumbar-data.key")),
    }
}

/// Where a data key comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeySource {
    /// `LUMBAR_DATA_KEY`.
    Env(String),
    /// A key file.
    File(PathBuf),
    /// A key made for this process only (an in-memory database dies with it).
    Ephemeral,
}

/// The data keys for the database at `url`.
pub fn vault_for(url: &str) -> anyhow::Result<Vault> {
    match key_source(url) {
        KeySource::Env(keys) => Vault::parse(&keys).context("LUMBAR_DATA_KEY"),
        KeySource::File(path) => Vault::load_or_create(&path).map_err(anyhow::Error::from),
        KeySource::Ephemeral => Vault::parse(&lumbar_store::vault::new_key()).map_err(anyhow::Error::from),
    }
}

/// A current-thread runtime for one command.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?)
}
