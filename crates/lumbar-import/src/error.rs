//! The one error type of this crate: everything that stops an import before or while it
//! starts (a file that cannot be opened, a zip without the expected entry, a header that
//! lacks columns, an invalid profile). Row-level problems are not errors: readers report
//! them as `Rejected` items and keep going.

use std::io;
use std::path::PathBuf;

/// Why an import, a profile or the generator could not proceed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file does not exist or cannot be opened.
    #[error("cannot open {}: {source}", path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// Reading failed part-way (truncated download, damaged zip, disk error).
    #[error("cannot read {what}: {source}")]
    Read {
        /// The file or stream.
        what: String,
        /// What went wrong.
        source: io::Error,
    },
    /// Writing failed (generator).
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file starts like a zip archive but cannot be read as one.
    #[error("{} is not a readable zip archive: {reason}", path.display())]
    Zip {
        /// The archive.
        path: PathBuf,
        /// What the zip reader said.
        reason: String,
    },
    /// A zip archive without the data entry the reader looks for.
    #[error(
        "{} contains no {wanted}; it contains: {}",
        path.display(),
        if entries.is_empty() { "nothing".to_owned() } else { entries.join(", ") }
    )]
    NoDataEntry {
        /// The archive.
        path: PathBuf,
        /// What was looked for.
        wanted: String,
        /// The entries it does contain (at most the first 50).
        entries: Vec<String>,
    },
    /// The file has no header line at all.
    #[error("{file} is empty: expected a header line")]
    Empty {
        /// The file.
        file: String,
    },
    /// The first line cannot be a CSV header.
    #[error("{file}: the first line is not a CSV header: {reason}")]
    HeaderNotCsv {
        /// The file.
        file: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The header lacks columns the reader needs.
    #[error(
        "{file}: missing required column(s) {} (header names are matched exactly, after trimming spaces)",
        quoted_list(missing)
    )]
    MissingColumns {
        /// The file.
        file: String,
        /// Every missing column, in the order the reader needs them.
        missing: Vec<String>,
    },
    /// A line of a reference file (ZCTA gazetteer) is malformed; the whole file is refused.
    #[error("{file} line {line}: {reason}")]
    BadLine {
        /// The file or stream.
        file: String,
        /// 1-based physical line.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// `roster::profile` was asked for a state it has no profile for.
    #[error("no roster profile \"{code}\"; known profiles: {}", known.join(", "))]
    UnknownProfile {
        /// What was asked for.
        code: String,
        /// The known codes.
        known: Vec<String>,
    },
    /// A roster profile (TOML) is invalid.
    #[error("roster profile {name}: {reason}")]
    Profile {
        /// The profile (file or state).
        name: String,
        /// What is wrong.
        reason: String,
    },
    /// The generator was given settings it cannot honour.
    #[error("synthetic data: {0}")]
    Synth(String),
}

/// `"a", "b", "c"`.
pub(crate) fn quoted_list(names: &[String]) -> String {
    names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
}
