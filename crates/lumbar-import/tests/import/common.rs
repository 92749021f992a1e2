//! Helpers shared by the tests: temporary folders and NPPES rows built by column name.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A folder under the system temp dir, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("lumbar-import-test-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `name` in the folder and returns the path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write test file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shipped NPPES header's column names.
pub fn nppes_columns() -> Vec<String> {
    lumbar_import::synth::NPPES_HEADER.trim_end().split(',').map(|n| n.trim_matches('"').to_owned()).collect()
}

/// An NPPES row assembled by column name, written with every value quoted.
#[derive(Clone)]
pub struct Row {
    columns: Vec<String>,
    values: Vec<String>,
}

impl Row {
    /// An empty row for the shipped header.
    pub fn new() -> Row {
        Row::for_columns(nppes_columns())
    }

    pub fn for_columns(columns: Vec<String>) -> Row {
        let values = vec![String::new(); columns.len()];
        Row { columns, values }
    }

    pub fn set(mut self, column: &str, value: &str) -> Row {
        let i = self.columns.iter().position(|c| c == column).unwrap_or_else(|| panic!("no column {column}"));
        self.values[i] = value.to_owned();
        self
    }

    /// An individual with the basic fields filled.
    pub fn individual(npi: &str, last: &str, first: &str) -> Row {
        Row::new()
            .set("NPI", npi)
            .set("Entity Type Code", "1")
            .set("Provider Last Name (Legal Name)", last)
            .set("Provider First Name", first)
            .set("Provider Credential Text", "LMT")
            .set("Provider Sex Code", "F")
            .set("Provider First Line Business Practice Location Address", "12 MAIN ST")
            .set("Provider Business Practice Location Address City Name", "SEATTLE")
            .set("Provider Business Practice Location Address State Name", "WA")
            .set("Provider Business Practice Location Address Postal Code", "981011234")
            .set("Provider Business Practice Location Address Telephone Number", "2065550100")
            .set("Last Update Date", "07/08/2026")
    }

    /// Taxonomy slot `n` (1-based) with license number and state.
    pub fn slot(self, n: usize, taxonomy: &str, number: &str, state: &str) -> Row {
        self.set(&format!("Healthcare Provider Taxonomy Code_{n}"), taxonomy)
            .set(&format!("Provider License Number_{n}"), number)
            .set(&format!("Provider License Number State Code_{n}"), state)
    }

    /// The quoted CSV line (without line end).
    pub fn line(&self) -> String {
        self.values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(",")
    }
}

/// The shipped header line (without line end).
pub fn header_line() -> String {
    lumbar_import::synth::NPPES_HEADER.trim_end().to_owned()
}

/// A file: header then rows, joined by `eol`.
pub fn nppes_file(rows: &[Row], eol: &str) -> String {
    let mut out = header_line();
    for r in rows {
        out.push_str(eol);
        out.push_str(&r.line());
    }
    out.push_str(eol);
    out
}

/// Valid NPIs for tests (Luhn over 80840 + NPI).
pub fn npi(n: u64) -> String {
    lumbar_core::directory::Npi::with_check_digit(100_000_000 + n).to_string()
}
