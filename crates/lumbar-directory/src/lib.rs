//! # lumbar-directory
//!
//! What operators do to the therapist directory, over any [`lumbar_store::Store`]:
//!
//! - [`pipeline`]: the official files into the store — NPPES (streaming, transactional
//!   batches, rejected rows reported), state rosters (staged, then published atomically;
//!   an identical roster changes nothing), ZCTA centroids;
//! - [`verify`]: every claimed license against its state's current roster (the decision
//!   itself is pure, in `lumbar_core::directory::verify`);
//! - [`demo`]: the fictional demo directory (`data/demo/`), loaded through the same roads.
//!
//! The CLI (`lumbar import|verify|demo`) and the web server (`lumbar serve --demo`) call these.

pub mod demo;
pub mod pipeline;
pub mod verify;

/// What can stop a directory operation.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    /// The file could not be read as a whole.
    #[error(transparent)]
    Import(#[from] lumbar_import::ImportError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] lumbar_store::StoreError),
    /// `--strict` stopped at a malformed row.
    #[error("line {line}: {reason} (stopped by --strict; {what})")]
    Strict {
        /// 1-based line.
        line: u64,
        /// Why the row was rejected.
        reason: String,
        /// What was kept.
        what: &'static str,
    },
    /// Bad input that is not a file format problem (a profile's state, demo data).
    #[error("{0}")]
    Invalid(String),
}

/// Result alias.
pub type Result<T, E = DirectoryError> = std::result::Result<T, E>;
