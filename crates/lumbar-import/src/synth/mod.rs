//! Deterministic synthetic data for demos, tests and benchmarks: an NPPES file with the real
//! 330-column header, six state rosters in their real layouts, and `expected.json` — the
//! verification status every generated therapist's license must get once the files are
//! imported and verified. The same seed gives byte-identical files.
//!
//! What is in the files (see [`generate`]): mostly other providers; massage therapists
//! (individuals and some organizations) with `225700000X` in random slots 1..15 and the
//! license in the same slot, some with two states or a duplicate slot; deactivations (some
//! reactivated, some blanked as CMS does); `NULL` license states and masked numbers; ZIP+4
//! codes of real ZCTAs in WA/CO/CT/TX/FL/IL and a few in KS/MN/CA/NY. Rosters list the
//! therapists as active, expired, disciplined, suspended/revoked, inactive or with an unknown
//! status, with formatting differences in numbers and names, some therapists missing, plus
//! other professions and businesses.
//!
//! Memory is bounded by the number of therapists (kept to write the rosters), not by the
//! number of rows; the NPPES file is streamed.

mod dates;
mod nppes_file;
mod numbers;
mod people;
mod places;
mod rng;
mod rosters;
mod therapists;

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use lumbar_core::directory::{Date, Npi, RosterRecord, StateCode, normalize_license, verify_claim};
use serde::{Deserialize, Serialize};

use self::dates::days_from;
use self::numbers::{Numbers, ROSTER_STATES};
use self::places::Places;
use self::rng::Rng;
use self::therapists::Therapist;
use crate::error::ImportError;
use crate::roster;

pub use self::nppes_file::NPPES_HEADER;
pub use self::rosters::roster_file_name;

/// With at least this many therapists (`providers × massage_share`), every scenario the
/// generator knows appears at least once (the first therapists follow a fixed list).
pub const FULL_COVERAGE_THERAPISTS: u64 = therapists::FORCED_SCENARIOS as u64;

/// Name of the generated NPPES file (the monthly file's name pattern).
pub const NPPES_FILE: &str = "npidata_pfile_20050523-20261109.csv";
/// Its header-only companion inside the zip.
pub const NPPES_HEADER_FILE: &str = "npidata_pfile_20050523-20261109_fileheader.csv";
/// Name of the zip written when [`SynthConfig::zip`] is set (the monthly zip's name pattern).
pub const ZIP_FILE: &str = "NPPES_Data_Dissemination_November_2026_V2.zip";
/// Name of the expectations file.
pub const EXPECTED_FILE: &str = "expected.json";

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthConfig {
    /// Seed: the same seed gives byte-identical files.
    pub seed: u64,
    /// Total NPPES data rows.
    pub providers: u64,
    /// Share of rows that are massage therapists (e.g. `0.02`); exactly
    /// `floor(providers × massage_share)` are.
    pub massage_share: f64,
    /// Where the files go (created if missing; existing files of the same names are replaced).
    pub out_dir: PathBuf,
    /// Also write the NPPES file zipped like CMS ships it ([`ZIP_FILE`]).
    pub zip: bool,
    /// The "today" expiry dates and `expected.json` are computed against
    /// ([`SynthConfig::default_today`] in [`SynthConfig::new`]); verify with the same date.
    pub today: Date,
}

impl SynthConfig {
    /// The default "today": 2026-11-25, shortly after the file's 2026-11-09 cut-off.
    pub fn default_today() -> Date {
        Date::from_days_since_epoch(20_782)
    }

    /// A demo-sized configuration: seed 42, 20,000 providers, 2 % therapists, no zip,
    /// today = [`SynthConfig::default_today`].
    pub fn new(out_dir: impl Into<PathBuf>) -> SynthConfig {
        SynthConfig {
            seed: 42,
            providers: 20_000,
            massage_share: 0.02,
            out_dir: out_dir.into(),
            zip: false,
            today: SynthConfig::default_today(),
        }
    }
}

/// What was generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthSummary {
    /// Every file written: the NPPES CSV, the six rosters, `expected.json`, and the zip.
    pub files: Vec<PathBuf>,
    /// NPPES data rows.
    pub providers: u64,
    /// Massage-therapist rows among them.
    pub therapists: u64,
    /// Size of the NPPES CSV in bytes.
    pub bytes: u64,
}

/// `expected.json`: what importing and verifying the generated files must give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Expected {
    /// Seed the files were generated with.
    pub seed: u64,
    /// The "today" the statuses were computed against (ISO date).
    pub today: String,
    /// Every NPI whose row carries `225700000X` (what the NPPES reader must return as
    /// providers) → its claimed licenses, in slot order, with the verification status word
    /// (`lumbar_core::directory::VerificationStatus::as_str`). An empty list: no usable
    /// license in NPPES (a `NULL` state, a masked number, or none given).
    pub therapists: BTreeMap<String, Vec<ExpectedClaim>>,
    /// Therapist NPIs that are deactivated and not reactivated (`ProviderRecord::active()` is false).
    pub inactive_npis: Vec<String>,
    /// Rows blanked by deactivation (only NPI and date): reported as `Deactivated` when the
    /// NPI is passed to the reader as known.
    pub blanked_deactivations: Vec<BlankedDeactivation>,
    /// Roster file → the lines that are malformed on purpose and must be `Rejected`.
    pub deliberately_rejected: BTreeMap<String, Vec<u64>>,
    /// Roster file → `column: text` of unmapped status texts → rows (what
    /// `RosterStats::unknown_statuses` must say).
    pub unknown_statuses: BTreeMap<String, BTreeMap<String, u64>>,
    /// Roster file → massage licenses the reader must return.
    pub roster_licenses: BTreeMap<String, u64>,
}

/// One claimed license and its expected verification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedClaim {
    /// Issuing state (USPS code).
    pub state: String,
    /// The number as written in NPPES.
    pub number: String,
    /// `verified_active`, `expired`, `inactive`, `disciplined`, `suspended_or_revoked`,
    /// `not_found`, `no_roster`, `unregulated_state` or `voluntary_certification`.
    pub expected_status: String,
}

/// A blanked deactivation row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlankedDeactivation {
    /// The NPI.
    pub npi: String,
    /// The deactivation date (ISO).
    pub date: String,
}

impl Expected {
    /// Reads an `expected.json`.
    pub fn read(path: &Path) -> Result<Expected, ImportError> {
        let text = fs::read_to_string(path).map_err(|source| ImportError::Open { path: path.to_owned(), source })?;
        serde_json::from_str(&text).map_err(|e| ImportError::Synth(format!("{}: {e}", path.display())))
    }
}

/// How often `progress` is called, in rows.
const PROGRESS_EVERY: u64 = 16_384;

/// Writes the synthetic files into `cfg.out_dir`; `progress` receives the number of NPPES rows
/// written so far, periodically and once at the end.
pub fn generate(cfg: &SynthConfig, progress: &mut dyn FnMut(u64)) -> Result<SynthSummary, ImportError> {
    if !(0.0..=1.0).contains(&cfg.massage_share) {
        return Err(ImportError::Synth(format!("massage_share {} is not between 0 and 1", cfg.massage_share)));
    }
    if cfg.providers > 300_000_000 {
        return Err(ImportError::Synth(format!(
            "{} providers is more than the NPI space used (300 million)",
            cfg.providers
        )));
    }
    let dir = &cfg.out_dir;
    fs::create_dir_all(dir).map_err(|source| ImportError::Write { path: dir.clone(), source })?;
    let places = Places::new(&crate::zcta::shipped()).map_err(ImportError::Synth)?;
    let mut numbers = Numbers::new();

    // 1. The NPPES file, streamed.
    let nppes_path = dir.join(NPPES_FILE);
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source: io::Error| ImportError::Write { path, source }
    };
    let file = File::create(&nppes_path).map_err(write_err(&nppes_path))?;
    let mut writer =
        nppes_file::NppesWriter::new(BufWriter::with_capacity(1 << 20, file)).map_err(ImportError::Synth)?;
    let mut rng = Rng::new(cfg.seed, 1);
    let npi_base = 100_000_000 + rng.below(50_000_000);
    let share = cfg.massage_share;
    let mut therapists: Vec<Therapist> = Vec::new();
    let mut blanked: Vec<BlankedDeactivation> = Vec::new();
    for i in 0..cfg.providers {
        // Three candidates per row keep NPIs unique and increasing but not evenly spaced.
        let npi = Npi::with_check_digit(npi_base + 3 * i + rng.below(3));
        let is_therapist = ((i + 1) as f64 * share).floor() > (i as f64 * share).floor();
        let written = if is_therapist {
            let t = therapists::plan(therapists.len(), npi, &mut rng, &mut numbers, cfg.today);
            let r = writer.therapist(&t, &mut rng, &places, cfg.today);
            therapists.push(t);
            r
        } else if rng.below(400) == 0 {
            let date = days_from(cfg.today, -rng.range(30, 4000));
            blanked.push(BlankedDeactivation { npi: npi.to_string(), date: date.to_string() });
            writer.blanked(npi, date)
        } else {
            writer.other(npi, &mut rng, &places, cfg.today)
        };
        written.map_err(write_err(&nppes_path))?;
        if (i + 1) % PROGRESS_EVERY == 0 {
            progress(i + 1);
        }
    }
    writer.finish().map_err(write_err(&nppes_path))?;
    progress(cfg.providers);
    let bytes = fs::metadata(&nppes_path).map_err(write_err(&nppes_path))?.len();
    let mut files = vec![nppes_path.clone()];

    // 2. The rosters, and the licenses reading them must give.
    let mut rng = Rng::new(cfg.seed, 2);
    let mut candidates: HashMap<(StateCode, String), Vec<RosterRecord>> = HashMap::new();
    let mut deliberately_rejected = BTreeMap::new();
    let mut unknown_statuses = BTreeMap::new();
    let mut roster_licenses = BTreeMap::new();
    for profile in roster::profiles() {
        let out = rosters::write_roster(&profile, &therapists, &mut rng, &mut numbers, &places, cfg.today, dir)?;
        let name = file_name(&out.path);
        roster_licenses.insert(name.clone(), out.intended.len() as u64);
        unknown_statuses.insert(name.clone(), out.unknown_statuses);
        deliberately_rejected.insert(name, out.rejected_lines);
        for record in out.intended {
            candidates.entry((record.state, record.license_key.clone())).or_default().push(record);
        }
        files.push(out.path);
    }

    // 3. What verification must say, decided by lumbar-core's own rule.
    let roster_states: Vec<StateCode> = ROSTER_STATES.iter().filter_map(|s| StateCode::parse(s).ok()).collect();
    let mut expected_therapists = BTreeMap::new();
    let mut inactive_npis = Vec::new();
    for t in &therapists {
        let mut claims = Vec::new();
        for claim in &t.claims {
            let state = StateCode::parse(claim.state).map_err(ImportError::Synth)?;
            let key = normalize_license(&claim.number).unwrap_or_default();
            let rows = candidates.get(&(state, key)).map_or(&[][..], Vec::as_slice);
            let decision = verify_claim(state, t.last_name(), rows, roster_states.contains(&state), cfg.today);
            claims.push(ExpectedClaim {
                state: claim.state.to_owned(),
                number: claim.number.clone(),
                expected_status: decision.status.as_str().to_owned(),
            });
        }
        expected_therapists.insert(t.npi.to_string(), claims);
        if t.deactivated.is_some() && t.reactivated.is_none() {
            inactive_npis.push(t.npi.to_string());
        }
    }
    let expected = Expected {
        seed: cfg.seed,
        today: cfg.today.to_string(),
        therapists: expected_therapists,
        inactive_npis,
        blanked_deactivations: blanked,
        deliberately_rejected,
        unknown_statuses,
        roster_licenses,
    };
    let expected_path = dir.join(EXPECTED_FILE);
    let json = serde_json::to_string_pretty(&expected).map_err(|e| ImportError::Synth(e.to_string()))?;
    fs::write(&expected_path, json + "\n").map_err(write_err(&expected_path))?;
    files.push(expected_path);

    // 4. The zip, as CMS ships it.
    if cfg.zip {
        let zip_path = dir.join(ZIP_FILE);
        write_zip(&zip_path, &nppes_path, bytes)?;
        files.push(zip_path);
    }
    Ok(SynthSummary { files, providers: cfg.providers, therapists: therapists.len() as u64, bytes })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The NPPES CSV and its header-only companion, deflated (fast level), with fixed timestamps
/// so the archive is reproducible.
fn write_zip(zip_path: &Path, csv_path: &Path, csv_bytes: u64) -> Result<(), ImportError> {
    use zip::write::SimpleFileOptions;
    let err = |e: zip::result::ZipError| ImportError::Write { path: zip_path.to_owned(), source: io::Error::other(e) };
    let io_err = |source| ImportError::Write { path: zip_path.to_owned(), source };
    let file = File::create(zip_path).map_err(io_err)?;
    let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(1 << 20, file));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    zip.start_file(NPPES_HEADER_FILE, options).map_err(err)?;
    zip.write_all(NPPES_HEADER.as_bytes()).map_err(io_err)?;
    zip.start_file(NPPES_FILE, options.large_file(csv_bytes >= u64::from(u32::MAX))).map_err(err)?;
    let mut csv = File::open(csv_path).map_err(|source| ImportError::Open { path: csv_path.to_owned(), source })?;
    io::copy(&mut csv, &mut zip).map_err(io_err)?;
    zip.finish().map_err(err)?.flush().map_err(io_err)?;
    Ok(())
}
