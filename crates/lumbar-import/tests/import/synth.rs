//! The generator: determinism, the exact header, and that importing + verifying its files
//! gives exactly what `expected.json` says.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use lumbar_core::directory::{Date, Npi, RosterRecord, StateCode, normalize_license, verify_claim};
use lumbar_import::nppes::{NppesItem, NppesReader};
use lumbar_import::roster::{RosterItem, RosterReader, profiles};
use lumbar_import::synth::{
    EXPECTED_FILE, Expected, FULL_COVERAGE_THERAPISTS, NPPES_FILE, SynthConfig, SynthSummary, ZIP_FILE, generate,
    roster_file_name,
};

use crate::common::TempDir;

fn config(dir: &Path, seed: u64, zip: bool) -> SynthConfig {
    SynthConfig { seed, providers: 2_500, massage_share: 0.02, zip, ..SynthConfig::new(dir) }
}

fn run(cfg: &SynthConfig) -> SynthSummary {
    let mut calls = Vec::new();
    let summary = generate(cfg, &mut |rows| calls.push(rows)).unwrap();
    assert_eq!(calls.last(), Some(&cfg.providers), "progress ends with the row count");
    summary
}

#[test]
fn the_same_seed_gives_byte_identical_files_and_another_seed_does_not() {
    let (a, b, c) = (TempDir::new("seed-a"), TempDir::new("seed-b"), TempDir::new("seed-c"));
    let sa = run(&config(a.path(), 7, true));
    let sb = run(&config(b.path(), 7, true));
    run(&config(c.path(), 8, false));
    assert_eq!(sa.files.len(), 9, "{:?}", sa.files);
    for (fa, fb) in sa.files.iter().zip(&sb.files) {
        assert_eq!(fa.file_name(), fb.file_name());
        assert!(std::fs::read(fa).unwrap() == std::fs::read(fb).unwrap(), "{} differs", fa.display());
    }
    for name in [NPPES_FILE.to_owned(), roster_file_name("wa"), EXPECTED_FILE.to_owned()] {
        assert!(std::fs::read(a.path().join(&name)).unwrap() != std::fs::read(c.path().join(&name)).unwrap(), "{name}");
    }
    assert_eq!(sa.providers, 2_500);
    assert_eq!(sa.therapists, 50);
    assert_eq!(sa.bytes, std::fs::metadata(a.path().join(NPPES_FILE)).unwrap().len());
}

#[test]
fn the_nppes_file_starts_with_the_exact_shipped_header() {
    let dir = TempDir::new("header");
    run(&SynthConfig { providers: 10, ..config(dir.path(), 1, false) });
    let text = std::fs::read_to_string(dir.path().join(NPPES_FILE)).unwrap();
    let shipped = include_str!("../../data/nppes-header.csv");
    assert!(text.starts_with(shipped));
    assert_eq!(shipped.matches("\",\"").count() + 1, 330);
    assert_eq!(text.lines().count(), 11);
    assert!(text.lines().skip(1).all(|l| l.split("\",\"").count() == 330 && l.starts_with('"') && l.ends_with('"')));
}

/// Reads every roster of a generated folder.
fn read_rosters(dir: &Path, expected: &Expected) -> HashMap<(StateCode, String), Vec<RosterRecord>> {
    let mut by_key: HashMap<(StateCode, String), Vec<RosterRecord>> = HashMap::new();
    for p in profiles() {
        let name = roster_file_name(&p.code());
        let mut reader = RosterReader::open(&dir.join(&name), &p).unwrap();
        let mut rejected = Vec::new();
        for item in reader.by_ref() {
            match item {
                RosterItem::License(r) => by_key.entry((r.state, r.license_key.clone())).or_default().push(r),
                RosterItem::NotMassage { .. } => {}
                RosterItem::Rejected { line, reason } => rejected.push((line, reason)),
            }
        }
        let stats = reader.stats();
        let lines: Vec<u64> = rejected.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, expected.deliberately_rejected[&name], "{name}: {rejected:?}");
        assert_eq!(stats.licenses, expected.roster_licenses[&name], "{name}");
        assert_eq!(stats.unknown_statuses, expected.unknown_statuses[&name], "{name}");
        assert!(stats.not_massage >= 10, "{name}");
    }
    by_key
}

#[test]
fn importing_and_verifying_the_generated_files_gives_exactly_the_expected_statuses() {
    let dir = TempDir::new("roundtrip");
    let cfg = SynthConfig { providers: 4_000, ..config(dir.path(), 42, true) };
    assert!((cfg.providers as f64 * cfg.massage_share) as u64 >= FULL_COVERAGE_THERAPISTS);
    let summary = run(&cfg);
    let expected = Expected::read(&dir.path().join(EXPECTED_FILE)).unwrap();
    assert_eq!(expected.today, cfg.today.to_string());
    assert_eq!(expected.therapists.len() as u64, summary.therapists);

    // NPPES: exactly the therapists, with exactly the expected claims, nothing rejected.
    let known: HashSet<Npi> = expected.blanked_deactivations.iter().map(|b| Npi::parse(&b.npi).unwrap()).collect();
    assert!(!known.is_empty());
    let mut reader = NppesReader::open(&dir.path().join(NPPES_FILE), known).unwrap();
    let mut providers = BTreeMap::new();
    let mut deactivated = Vec::new();
    for item in reader.by_ref() {
        match item {
            NppesItem::Provider { record, .. } => {
                providers.insert(record.npi.to_string(), record);
            }
            NppesItem::Deactivated { npi, date, .. } => deactivated.push((npi.to_string(), date.to_string())),
            NppesItem::Rejected { line, reason } => panic!("line {line}: {reason}"),
        }
    }
    let stats = reader.stats();
    assert_eq!((stats.rows, stats.therapists, stats.rejected), (4_000, summary.therapists, 0));
    assert_eq!(providers.keys().collect::<Vec<_>>(), expected.therapists.keys().collect::<Vec<_>>());
    for (npi, claims) in &expected.therapists {
        let got: Vec<(String, String)> =
            providers[npi].licenses.iter().map(|l| (l.state.to_string(), l.number.clone())).collect();
        let want: Vec<(String, String)> = claims.iter().map(|c| (c.state.clone(), c.number.clone())).collect();
        assert_eq!(got, want, "{npi}");
    }
    let inactive: Vec<&String> = providers.iter().filter(|(_, p)| !p.active()).map(|(n, _)| n).collect();
    assert_eq!(inactive, expected.inactive_npis.iter().collect::<Vec<_>>());
    let blanked: Vec<(String, String)> =
        expected.blanked_deactivations.iter().map(|b| (b.npi.clone(), b.date.clone())).collect();
    assert_eq!(deactivated, blanked);

    // Rosters: only the deliberate rejections; then verification agrees with expected.json.
    let rosters = read_rosters(dir.path(), &expected);
    let roster_states: Vec<StateCode> = profiles().iter().map(|p| p.state_code().unwrap()).collect();
    let today = Date::parse(&expected.today).unwrap();
    let mut seen = BTreeSet::new();
    for (npi, claims) in &expected.therapists {
        let provider = &providers[npi];
        for claim in claims {
            let state = StateCode::parse(&claim.state).unwrap();
            let key = normalize_license(&claim.number).unwrap();
            let rows = rosters.get(&(state, key)).map_or(&[][..], Vec::as_slice);
            let got = verify_claim(state, &provider.last_name, rows, roster_states.contains(&state), today).status;
            assert_eq!(got.as_str(), claim.expected_status, "{npi} {} {}", claim.state, claim.number);
            seen.insert(claim.expected_status.clone());
        }
    }
    let all: BTreeSet<String> =
        lumbar_core::directory::VerificationStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    assert_eq!(seen, all, "every verification outcome occurs");

    // The zip holds the same file.
    let mut from_zip = NppesReader::open(&dir.path().join(ZIP_FILE), HashSet::new()).unwrap();
    let zipped: Vec<String> = from_zip
        .by_ref()
        .filter_map(|i| match i {
            NppesItem::Provider { record, .. } => Some(record.npi.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(zipped, providers.keys().cloned().collect::<Vec<_>>());
    assert_eq!(from_zip.stats().total_bytes, Some(summary.bytes));
}

#[test]
fn settings_that_cannot_work_are_refused() {
    let dir = TempDir::new("bad-config");
    let err = generate(&SynthConfig { massage_share: 1.5, ..config(dir.path(), 1, false) }, &mut |_| {}).err();
    assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("synthetic data: massage_share 1.5 is not between 0 and 1"));
}

#[test]
fn the_rosters_fill_each_states_real_status_and_discipline_columns() {
    use lumbar_core::directory::RosterStatus;
    let dir = TempDir::new("layouts");
    run(&config(dir.path(), 5, false));
    let read = |code: &str| -> Vec<RosterRecord> {
        let p = lumbar_import::roster::profile(code).unwrap();
        RosterReader::open(&dir.path().join(roster_file_name(code)), &p)
            .unwrap()
            .filter_map(|i| match i {
                RosterItem::License(r) => Some(r),
                _ => None,
            })
            .collect()
    };
    let has = |rows: &[RosterRecord], text: &str, status: RosterStatus| {
        rows.iter().any(|r| r.status_text == text && r.status == status)
    };
    // Florida: both columns; Clear is not enough.
    let fl = read("fl");
    let fl_pair = |a: &str, b: &str| format!("License-Status-Description: {a}; License-Active-Status-Description: {b}");
    assert!(has(&fl, &fl_pair("Clear", "Active"), RosterStatus::Active));
    assert!(has(&fl, &fl_pair("Clear", "Inactive"), RosterStatus::Inactive));
    assert!(has(&fl, &fl_pair("Clear", "Delinquent"), RosterStatus::Expired));
    // Connecticut: status, active and statusreason.
    let ct = read("ct");
    assert!(has(&ct, "status: ACTIVE; active: 1; statusreason: CURRENT", RosterStatus::Active));
    assert!(has(&ct, "status: INACTIVE; active: 0; statusreason: LAPSED DUE TO NON-RENEWAL", RosterStatus::Expired));
    assert!(has(&ct, "status: ACTIVE; active: 1; statusreason: RENEWAL IN PROCESS", RosterStatus::Unknown));
    // Colorado: a case with only a case number and a discipline date is a board action.
    let co = read("co");
    assert!(co.iter().any(|r| r.disciplined && r.discipline_text.starts_with("casenumber: ")));
    assert!(co.iter().any(|r| r.disciplined && r.discipline_text == "Stipulation"));
}
