//! Opening the database named by `--db` / `LUMBAR_DATABASE_URL`.

use lumbar_store_sql::SqlStore;

/// Opens (creating and migrating when needed) the store at `url`.
pub async fn open(url: &str) -> anyhow::Result<SqlStore> {
    let store = if url.starts_with("sqlite:") {
        lumbar_store_sqlite::open(url).await?
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        lumbar_store_postgres::open(url).await?
    } else {
        anyhow::bail!(
            "unsupported --db URL `{url}`: use sqlite:PATH (default sqlite:lumbar.db) or postgres://USER@HOST/DB"
        );
    };
    Ok(store)
}

/// A current-thread runtime for one command.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?)
}
