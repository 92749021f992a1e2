//! `lumbar export therapists`: the directory as JSON Lines, one therapist or place a line
//! (format documented in docs/export-format.md).

use std::io::Write;

use lumbar_store::{Store, TherapistFilter};

/// Writes every therapist matching `filter` to `out`; returns how many.
pub async fn therapists(store: &dyn Store, filter: &TherapistFilter, out: &mut dyn Write) -> anyhow::Result<u64> {
    let rows = store.therapists(filter).await?;
    for t in &rows {
        serde_json::to_writer(&mut *out, t)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(rows.len() as u64)
}
