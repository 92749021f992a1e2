//! The directory end to end through the binary, on SQLite and PostgreSQL: synthetic NPPES
//! file and rosters → import (a roster import verifies its state's licenses again) → verify
//! → export, every therapist's exact status checked against the generator's expectations;
//! re-import and re-verify change nothing.

use std::collections::HashMap;

use serde_json::Value;

use super::{backend, lumbar, lumbar_ok, lumbar_on, temp_dir};

/// The day the synthetic data is generated for, verified and exported on.
const TODAY: &str = "2026-11-25";
/// The day its rosters are imported, and the date of their data.
const IMPORTED_ON: &str = "2026-11-20";

fn export(db: &str) -> HashMap<String, Value> {
    lumbar_on(db, TODAY, &["export", "therapists"])
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("export line is JSON");
            (v["npi"].as_str().expect("npi").to_owned(), v)
        })
        .collect()
}

fn import_all(db: &str, dir: &std::path::Path, csv: &str) -> Vec<String> {
    let mut outputs = vec![lumbar_on(db, TODAY, &["import", "nppes", csv])];
    for (format, file) in [
        ("wa", "roster-wa.csv"),
        ("co", "roster-co.csv"),
        ("ct", "roster-ct.csv"),
        ("tx", "roster-tx.csv"),
        ("il", "roster-il.csv"),
        ("fl", "roster-fl.txt"),
    ] {
        let path = dir.join(file);
        let out = lumbar_on(
            db,
            TODAY,
            &[
                "import",
                "roster",
                "--format",
                format,
                path.to_str().unwrap(),
                "--imported-on",
                IMPORTED_ON,
                "--data-date",
                IMPORTED_ON,
            ],
        );
        assert!(out.contains(&format!("data of {IMPORTED_ON}, imported {IMPORTED_ON}")), "{out}");
        assert!(out.contains("verified again"), "a roster import verifies its state's licenses: {out}");
        outputs.push(out);
    }
    outputs
}

on_both_backends!(synthetic_directory_verifies_exactly_and_reruns_change_nothing, synthetic_directory);

fn synthetic_directory(db: &str) {
    let dir = temp_dir(&format!("synth-{}", backend(db)));
    lumbar_ok(
        "sqlite::memory:",
        &["synth", "--out", dir.to_str().unwrap(), "--seed", "11", "--providers", "4000", "--today", TODAY],
    );
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let csv = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("npidata_pfile_"))
        .expect("npidata file");
    let csv = csv.to_str().unwrap();
    let therapists = expected["therapists"].as_object().unwrap();
    assert!(therapists.len() > 40, "the generator makes a useful number of therapists");

    let first = import_all(db, &dir, csv);
    assert!(first[0].contains(&format!("{} inserted, 0 updated, 0 unchanged", therapists.len())), "{}", first[0]);
    assert!(first[0].contains("rejected"));
    lumbar_on(db, TODAY, &["verify"]);
    let got = export(db);
    assert_eq!(got.len(), therapists.len(), "{db}");
    let mut seen_statuses = std::collections::BTreeSet::new();
    for (npi, licenses) in therapists {
        let t = &got[npi];
        for want in licenses.as_array().unwrap() {
            let state = want["state"].as_str().unwrap();
            let status = want["expected_status"].as_str().unwrap();
            let have: Vec<&str> = t["licenses"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| l["state"] == state)
                .filter_map(|l| l["status"].as_str())
                .collect();
            assert!(have.contains(&status), "{db}: NPI {npi} {state}: expected {status}, got {have:?}");
            seen_statuses.insert(status.to_owned());
        }
    }
    for s in [
        "verified_active",
        "expired",
        "inactive",
        "disciplined",
        "suspended_or_revoked",
        "not_found",
        "no_roster",
        "unregulated_state",
        "voluntary_certification",
    ] {
        assert!(seen_statuses.contains(s), "the synthetic data exercises {s}");
    }
    for npi in expected["inactive_npis"].as_array().unwrap() {
        assert_eq!(got[npi.as_str().unwrap()]["active"], false, "deactivated NPI {npi} is inactive");
    }

    // Re-import and re-verify: nothing changes.
    let again = import_all(db, &dir, csv);
    assert!(again[0].contains(&format!("0 inserted, 0 updated, {} unchanged", therapists.len())), "{}", again[0]);
    for out in &again[1..] {
        assert!(out.contains("identical to the current roster, which stays"), "{out}");
    }
    let verify_again = lumbar_on(db, TODAY, &["verify"]);
    assert!(verify_again.contains("0 records changed"), "{verify_again}");
    assert_eq!(export(db), got, "{db}: re-import and re-verify changed the directory");
    std::fs::remove_dir_all(&dir).ok();
}

on_both_backends!(a_newer_roster_moves_statuses, newer_roster);

fn newer_roster(db: &str) {
    let dir = temp_dir(&format!("newer-roster-{}", backend(db)));
    lumbar_on(db, TODAY, &["demo", "load"]);
    let before = lumbar_on(db, TODAY, &["export", "therapists", "--state", "WA"]);
    assert!(before.contains("\"verified_active\""));
    // The same WA roster a year later: every license has lapsed.
    let wa = include_str!("../../../../data/demo/rosters/roster-wa.csv").replace("\"Active\"", "\"Expired\"");
    let path = dir.join("roster-wa-2027.csv");
    std::fs::write(&path, wa).unwrap();
    // The import itself verifies the 8 WA licenses of the demo again: no `lumbar verify`.
    let out = lumbar_on(
        db,
        "2027-12-01",
        &["import", "roster", "--format", "wa", path.to_str().unwrap(), "--data-date", "2027-12-01"],
    );
    assert!(out.contains("now the current roster"), "{out}");
    assert!(out.contains("data of 2027-12-01, imported 2027-12-01"), "{out}");
    assert!(out.contains("8 licenses claimed in WA verified again; 8 records changed"), "{out}");
    let after = lumbar_on(db, "2027-12-01", &["export", "therapists", "--state", "WA"]);
    assert!(!after.contains("\"verified_active\""), "{after}");
    assert!(after.contains("roster-wa-2027.csv"));
    let out = super::find_on(db, "2027-12-01", &["--zip", "98101", "--radius-miles", "15"]);
    assert_eq!(out["results"], serde_json::json!([]), "nobody verified any more in Seattle: {out}");
}

#[test]
fn bad_inputs_give_messages_a_user_can_act_on() {
    let dir = temp_dir("bad-input");
    let db = format!("sqlite:{}", dir.join("t.db").display());
    let header_only = dir.join("npidata_pfile_bad.csv");
    std::fs::write(&header_only, "\"NPI\",\"Entity Type Code\"\n\"1234567893\",\"1\"\n").unwrap();
    let out = lumbar(&["--db", &db, "import", "nppes", header_only.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Healthcare Provider Taxonomy Code_1"), "names the missing columns: {err}");

    let out = lumbar(&["--db", &db, "import", "nppes", "/nonexistent/npidata.csv"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/npidata.csv"));

    let out = lumbar(&["--db", &db, "import", "roster", "--format", "zz", header_only.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wa") && err.contains("fl"), "lists the known formats: {err}");

    let out = lumbar(&["--db", "mysql://x", "export", "therapists"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sqlite:PATH"));
}
