//! The directory end to end through the binary, on SQLite and PostgreSQL: synthetic NPPES
//! file and rosters → import → verify → export, every therapist's exact status checked
//! against the generator's expectations; re-import and re-verify change nothing.

use std::collections::HashMap;

use serde_json::Value;

use super::{databases, lumbar, lumbar_ok, temp_dir};

fn export(db: &str) -> HashMap<String, Value> {
    lumbar_ok(db, &["export", "therapists"])
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("export line is JSON");
            (v["npi"].as_str().expect("npi").to_owned(), v)
        })
        .collect()
}

fn import_all(db: &str, dir: &std::path::Path, csv: &str) -> Vec<String> {
    let mut outputs = vec![lumbar_ok(db, &["import", "nppes", csv])];
    for (format, file) in [
        ("wa", "roster-wa.csv"),
        ("co", "roster-co.csv"),
        ("ct", "roster-ct.csv"),
        ("tx", "roster-tx.csv"),
        ("il", "roster-il.csv"),
        ("fl", "roster-fl.txt"),
    ] {
        let path = dir.join(file);
        outputs.push(lumbar_ok(
            db,
            &["import", "roster", "--format", format, path.to_str().unwrap(), "--imported-on", "2026-11-20"],
        ));
    }
    outputs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn synthetic_directory_verifies_exactly_and_reruns_change_nothing() {
    let dir = temp_dir("synth");
    lumbar_ok(
        "sqlite::memory:",
        &["synth", "--out", dir.to_str().unwrap(), "--seed", "11", "--providers", "4000", "--today", "2026-11-25"],
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

    for db in databases().await {
        let first = import_all(&db, &dir, csv);
        assert!(first[0].contains(&format!("{} inserted, 0 updated, 0 unchanged", therapists.len())), "{}", first[0]);
        assert!(first[0].contains("rejected"));
        lumbar_ok(&db, &["verify", "--today", "2026-11-25"]);
        let got = export(&db);
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
        let again = import_all(&db, &dir, csv);
        assert!(again[0].contains(&format!("0 inserted, 0 updated, {} unchanged", therapists.len())), "{}", again[0]);
        let verify_again = lumbar_ok(&db, &["verify", "--today", "2026-11-25"]);
        assert!(verify_again.contains("0 records changed"), "{verify_again}");
        assert_eq!(export(&db), got, "{db}: re-import and re-verify changed the directory");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newer_roster_moves_statuses() {
    let dir = temp_dir("newer-roster");
    for db in databases().await {
        lumbar_ok(&db, &["demo", "load", "--today", "2026-11-25"]);
        let before = lumbar_ok(&db, &["export", "therapists", "--state", "WA"]);
        assert!(before.contains("\"verified_active\""));
        // The same WA roster a year later: every license has lapsed.
        let wa = include_str!("../../../../data/demo/rosters/roster-wa.csv").replace("\"Active\"", "\"Expired\"");
        let path = dir.join("roster-wa-2027.csv");
        std::fs::write(&path, wa).unwrap();
        lumbar_ok(&db, &["import", "roster", "--format", "wa", path.to_str().unwrap(), "--imported-on", "2027-12-01"]);
        let out = lumbar_ok(&db, &["verify", "--today", "2027-12-01"]);
        assert!(!out.contains("0 records changed"), "{out}");
        let after = lumbar_ok(&db, &["export", "therapists", "--state", "WA"]);
        assert!(!after.contains("\"verified_active\""), "{after}");
        assert!(after.contains("roster-wa-2027.csv"));
    }
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
