//! `lumbar export therapists`: the directory as JSON Lines, one therapist or place a line
//! (format documented in docs/export-format.md).

use std::io::Write;

use lumbar_core::directory::AsOf;
use lumbar_store::{Store, TherapistFilter};

/// Writes every therapist matching `filter` to `out`, with license statuses as of `as_of`
/// (expired past the expiry date, stale rosters marked); returns how many.
pub async fn therapists(
    store: &dyn Store,
    filter: &TherapistFilter,
    as_of: AsOf,
    out: &mut dyn Write,
) -> anyhow::Result<u64> {
    let rows = store.therapists(filter).await?;
    for t in rows.iter().cloned() {
        serde_json::to_writer(&mut *out, &t.as_of(as_of))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(rows.len() as u64)
}
