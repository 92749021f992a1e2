//! Official files into the directory: streaming, in transactional batches, with progress
//! reported to the caller and a summary at the end.
//!
//! A killed import leaves every committed batch consistent; running it again completes it
//! (upserts are idempotent; a roster only becomes current when fully staged).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use lumbar_core::directory::{Date, Npi, StateCode};
use lumbar_import::nppes::{NppesItem, NppesReader};
use lumbar_import::roster::{self, RosterItem, RosterReader};
use lumbar_import::zcta;
use lumbar_store::{ImportKind, ProviderUpsert, Published, RosterDigest, Store, UpsertCounts, ZipCentroid};
use serde::Serialize;

use crate::{DirectoryError, Result};

/// At most this many rejected rows are listed line by line; all are counted.
const LISTED_REJECTS: usize = 20;
const BATCH: usize = 2_000;

/// A rejected row, for the summary.
#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    /// 1-based line.
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// What an NPPES import did.
#[derive(Debug, Default, Serialize)]
pub struct NppesSummary {
    /// Rows read.
    pub rows: u64,
    /// Massage therapists and places found.
    pub therapists: u64,
    /// Inserted / updated / unchanged.
    #[serde(flatten)]
    pub counts: UpsertCounts,
    /// Known NPIs newly marked deactivated from blanked rows.
    pub deactivated: u64,
    /// Practice ZIPs not in the centroid table (no coordinates).
    pub unknown_zip: u64,
    /// Rejected rows (count).
    pub rejected: u64,
    /// The first rejected rows with reasons.
    pub rejected_rows: Vec<Rejected>,
}

/// What a roster import did.
#[derive(Debug, Default, Serialize)]
pub struct RosterSummary {
    /// State.
    pub state: String,
    /// Rows read.
    pub rows: u64,
    /// Massage-therapy license rows kept.
    pub licenses: u64,
    /// Other professions skipped.
    pub not_massage: u64,
    /// Rejected rows.
    pub rejected: u64,
    /// The first rejected rows with reasons.
    pub rejected_rows: Vec<Rejected>,
    /// Status texts the profile does not know → count (mapped to `unknown`, never active).
    pub unknown_statuses: BTreeMap<String, u64>,
    /// Whether the roster replaced the current one or was identical to it.
    pub published: Option<Published>,
    /// Date of the roster's data.
    pub data_date: Option<Date>,
    /// The state's claimed licenses verified again against it, inside the import.
    pub verify: Option<crate::verify::VerifySummary>,
}

/// Progress of a running import, for a progress bar.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Bytes read so far (uncompressed).
    pub bytes_read: u64,
    /// Total bytes, when known.
    pub total_bytes: Option<u64>,
    /// Rows read so far.
    pub rows: u64,
}

/// Receives progress now and then (a no-op is fine).
pub type ProgressFn<'a> = &'a mut (dyn FnMut(Progress) + Send);

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The ZIP centroid table: the imported one when present, else the shipped 2021 table.
pub async fn centroid_map(store: &dyn Store) -> Result<HashMap<String, (f64, f64)>> {
    let stored = store.centroids().await?;
    Ok(if stored.is_empty() {
        zcta::shipped().into_iter().map(|c| (c.zip, (c.lat, c.lon))).collect()
    } else {
        stored.into_iter().map(|c| (c.zip, (c.lat, c.lon))).collect()
    })
}

/// Imports an NPPES monthly or weekly file (`.csv` or `.zip`).
pub async fn nppes(store: &dyn Store, path: &Path, strict: bool, progress: ProgressFn<'_>) -> Result<NppesSummary> {
    let centroids = centroid_map(store).await?;
    let known = store.known_npis().await?;
    let mut reader = NppesReader::open(path, known)?;
    let run = store.begin_import(ImportKind::Nppes, &file_name(path)).await?;
    let mut summary = NppesSummary::default();
    let mut batch: Vec<ProviderUpsert> = Vec::with_capacity(BATCH);
    let mut deactivations: Vec<(Npi, Date)> = Vec::new();
    let mut items = 0u64;
    while let Some(item) = reader.next() {
        match item {
            NppesItem::Provider { record, line } => {
                let coords = record.practice.postal_code.as_ref().and_then(|z| centroids.get(z));
                if coords.is_none() {
                    summary.unknown_zip += 1;
                }
                batch.push(ProviderUpsert {
                    lat: coords.map(|c| c.0),
                    lon: coords.map(|c| c.1),
                    record,
                    source_line: line,
                });
                summary.therapists += 1;
            }
            NppesItem::Deactivated { npi, date, .. } => deactivations.push((npi, date)),
            NppesItem::Rejected { line, reason } => {
                summary.rejected += 1;
                if strict {
                    store.upsert_providers(run, &batch).await?;
                    return Err(DirectoryError::Strict { line, reason, what: "rows before it were imported" });
                }
                if summary.rejected_rows.len() < LISTED_REJECTS {
                    summary.rejected_rows.push(Rejected { line, reason });
                }
            }
        }
        if batch.len() >= BATCH {
            summary.counts += store.upsert_providers(run, &batch).await?;
            batch.clear();
        }
        items += 1;
        if items.is_multiple_of(4096) {
            let stats = reader.stats();
            progress(Progress { bytes_read: stats.bytes_read, total_bytes: stats.total_bytes, rows: stats.rows });
        }
    }
    summary.counts += store.upsert_providers(run, &batch).await?;
    for chunk in deactivations.chunks(BATCH) {
        summary.deactivated += store.deactivate(run, chunk).await?;
    }
    summary.rows = reader.stats().rows;
    store.finish_import(run, &serde_json::to_string(&summary).unwrap_or_default()).await?;
    Ok(summary)
}

/// Imports a state roster with the named profile; it becomes the state's current roster,
/// and every license claimed in that state is verified again against it at once (no
/// separate `lumbar verify` is needed). `data_date` is the date of the file's data (the
/// state's publication or download date); it ages the statuses (stale after the freshness
/// limit) and may not be after `imported_on`.
pub async fn roster(
    store: &dyn Store,
    format: &str,
    path: &Path,
    strict: bool,
    imported_on: Date,
    data_date: Date,
    progress: ProgressFn<'_>,
) -> Result<RosterSummary> {
    if data_date > imported_on {
        return Err(DirectoryError::Invalid(format!(
            "the roster's data date {data_date} is after today ({imported_on}): pass the date the file was published or downloaded"
        )));
    }
    let profile = roster::profile(format)?;
    let state =
        StateCode::parse(&profile.state).map_err(|e| DirectoryError::Invalid(format!("profile {format}: {e}")))?;
    let mut reader = RosterReader::open(path, &profile)?;
    let run = store.begin_import(ImportKind::Roster, &file_name(path)).await?;
    let mut summary = RosterSummary { state: state.to_string(), ..RosterSummary::default() };
    let mut batch = Vec::with_capacity(BATCH);
    let mut digest = RosterDigest::default();
    while let Some(item) = reader.next() {
        match item {
            RosterItem::License(r) => {
                digest.add(&r);
                batch.push(r);
            }
            RosterItem::NotMassage { .. } => {}
            RosterItem::Rejected { line, reason } => {
                summary.rejected += 1;
                if strict {
                    return Err(DirectoryError::Strict { line, reason, what: "the roster was not published" });
                }
                if summary.rejected_rows.len() < LISTED_REJECTS {
                    summary.rejected_rows.push(Rejected { line, reason });
                }
            }
        }
        if batch.len() >= BATCH {
            store.stage_roster_rows(run, &batch).await?;
            batch.clear();
            let stats = reader.stats();
            progress(Progress { bytes_read: stats.bytes_read, total_bytes: stats.total_bytes, rows: stats.rows });
        }
    }
    store.stage_roster_rows(run, &batch).await?;
    summary.published = Some(store.publish_roster(run, state, imported_on, data_date, &digest.finish()).await?);
    summary.data_date = Some(data_date);
    summary.verify = Some(crate::verify::run_for(store, imported_on, Some(state)).await?);
    let stats = reader.stats();
    summary.rows = stats.rows;
    summary.licenses = stats.licenses;
    summary.not_massage = stats.not_massage;
    summary.unknown_statuses = stats.unknown_statuses.clone();
    store.finish_import(run, &serde_json::to_string(&summary).unwrap_or_default()).await?;
    Ok(summary)
}

/// Replaces the ZIP centroid table from a Census Gazetteer ZCTA file.
pub async fn zcta_file(store: &dyn Store, path: &Path) -> Result<u64> {
    let file = std::fs::File::open(path)
        .map_err(|e| DirectoryError::Invalid(format!("cannot open {}: {e}", path.display())))?;
    let rows = zcta::read_gazetteer(std::io::BufReader::new(file))?;
    let run = store.begin_import(ImportKind::Zcta, &file_name(path)).await?;
    let centroids: Vec<ZipCentroid> =
        rows.into_iter().map(|c| ZipCentroid { zip: c.zip, lat: c.lat, lon: c.lon }).collect();
    store.replace_centroids(&centroids).await?;
    store.finish_import(run, &format!("{{\"centroids\":{}}}", centroids.len())).await?;
    Ok(centroids.len() as u64)
}
