//! `lumbar synth`: realistic generated data (an NPPES V2 file and matching state rosters).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use lumbar_core::directory::Date;
use lumbar_import::synth::{SynthConfig, generate};

#[derive(Args)]
pub struct SynthArgs {
    /// Output folder (created if missing).
    #[arg(long, default_value = "synth")]
    out: PathBuf,
    /// Seed: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Total NPPES rows (≈ 850,000 rows make about 1 GB).
    #[arg(long, default_value_t = 20_000)]
    providers: u64,
    /// Share of rows that are massage therapists.
    #[arg(long, default_value_t = 0.02)]
    massage_share: f64,
    /// Also write the .zip CMS ships.
    #[arg(long)]
    zip: bool,
}

/// Writes the files; expected statuses are computed for `today` (the global `--today`).
pub fn run(a: SynthArgs, today: Date) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&a.out)?;
    let cfg = SynthConfig {
        seed: a.seed,
        providers: a.providers,
        massage_share: a.massage_share,
        out_dir: a.out.clone(),
        zip: a.zip,
        today,
    };
    let mut last = 0;
    let summary = generate(&cfg, &mut |rows| {
        if rows >= last + 500_000 {
            last = rows;
            eprintln!("  {rows} rows written…");
        }
    })?;
    println!(
        "wrote {} providers ({} massage therapists and places), {} bytes:",
        summary.providers, summary.therapists, summary.bytes
    );
    for f in &summary.files {
        println!("  {}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}
