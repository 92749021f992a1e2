//! Generates a synthetic NPPES file (if missing) and times reading it with `NppesReader`.
//!
//! ```text
//! cargo run --release -p lumbar-import --example nppes_throughput -- DIR [PROVIDERS [zip]]
//! ```
//!
//! With `zip`, the CMS-style zip is generated too and read as well.
//!
//! Compare with `time cat DIR/npidata_pfile_*.csv > /dev/null` (both from the page cache).

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use lumbar_import::nppes::{NppesItem, NppesReader};
use lumbar_import::synth::{NPPES_FILE, SynthConfig, ZIP_FILE, generate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: nppes_throughput DIR [PROVIDERS]")?);
    let providers: u64 = args.next().map(|p| p.parse()).transpose()?.unwrap_or(200_000);
    let zip = args.next().as_deref() == Some("zip");
    let path = dir.join(NPPES_FILE);
    if !path.exists() {
        let started = Instant::now();
        let cfg = SynthConfig { providers, zip, ..SynthConfig::new(&dir) };
        let summary = generate(&cfg, &mut |_| {})?;
        let secs = started.elapsed().as_secs_f64();
        println!(
            "generated {} rows, {} therapists, {:.1} MB in {secs:.2} s ({:.0} MB/s)",
            summary.providers,
            summary.therapists,
            summary.bytes as f64 / 1e6,
            summary.bytes as f64 / 1e6 / secs
        );
    }
    let zip_path = dir.join(ZIP_FILE);
    let runs = [
        ("csv, no known NPIs", &path, 0usize),
        ("csv, 50,000 known NPIs", &path, 50_000),
        ("zip, no known NPIs", &zip_path, 0),
    ];
    for (label, file, known) in runs {
        if !file.exists() {
            continue;
        }
        let known: HashSet<_> =
            (0..known as u64).map(|i| lumbar_core::directory::Npi::with_check_digit(100_000_000 + i * 7)).collect();
        let started = Instant::now();
        let mut reader = NppesReader::open(file, known)?;
        let providers = reader.by_ref().filter(|i| matches!(i, NppesItem::Provider { .. })).count();
        let secs = started.elapsed().as_secs_f64();
        let stats = reader.stats();
        println!(
            "read {} rows, {providers} therapists, {:.1} MB in {secs:.3} s: {:.0} MB/s ({label})",
            stats.rows,
            stats.bytes_read as f64 / 1e6,
            stats.bytes_read as f64 / 1e6 / secs
        );
    }
    Ok(())
}
