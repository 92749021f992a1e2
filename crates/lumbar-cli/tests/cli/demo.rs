//! `lumbar demo load` and `lumbar find` on the demo directory: sensible, explained results
//! for Seattle, Austin, Denver and Miami, identical on both backends.

use serde_json::Value;

use super::{backend, find_on, lumbar, lumbar_ok, lumbar_on, temp_dir};

/// The day every command of these tests acts on.
const TODAY: &str = "2026-11-25";

fn find(db: &str, args: &[&str]) -> Value {
    find_on(db, TODAY, args)
}

/// The demo cities' results, checked; returned to compare the backends.
fn demo_cities(db: &str) -> Vec<Value> {
    lumbar_on(db, TODAY, &["demo", "load"]);
    // loading twice changes nothing
    lumbar_on(db, TODAY, &["demo", "load"]);
    let mut outputs = Vec::new();
    for (zip, city_state) in [("98101", "WA"), ("78704", "TX"), ("80202", "CO"), ("33130", "FL")] {
        let out = find(db, &["--zip", zip, "--radius-miles", "15"]);
        assert_eq!(out["outcome"], "results");
        let results = out["results"].as_array().unwrap();
        assert!(results.len() >= 3, "{zip}: {out}");
        for r in results {
            assert_eq!(r["license"]["status"], "verified_active", "{zip}: only verified by default");
            assert_eq!(r["group"], "verified", "{zip}: {r}");
            assert_eq!(r["license"]["state"], city_state);
            assert!(r["why"].as_array().unwrap().len() >= 2, "each result explains itself");
            assert!(r["distance_miles"].as_f64().unwrap() <= 15.0);
        }
        outputs.push(out);
    }
    outputs
}

mod demo_cities_give_explained_verified_results_identically_on_both_backends {
    #[test]
    fn sqlite() {
        super::demo_cities(&lumbar_testkit::sqlite_url());
    }

    lumbar_testkit::postgres_test! {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn postgres() {
            let url = lumbar_testkit::postgres_url().await.expect(lumbar_testkit::RUN_BUT_SKIPPED);
            let on_postgres = super::demo_cities(&url);
            let on_sqlite = super::demo_cities(&lumbar_testkit::sqlite_url());
            assert_eq!(on_postgres, on_sqlite, "SQLite and PostgreSQL give identical results");
        }
    }
}

on_both_backends!(assessment_drives_the_list, assessment);

fn assessment(db: &str) {
    let dir = temp_dir(&format!("find-assessment-{}", backend(db)));
    let vignettes: Value =
        serde_json::from_str(include_str!("../../../lumbar-core/tests/data/vignettes-public.json")).unwrap();
    let answers = |id: &str| {
        vignettes["vignettes"].as_array().unwrap().iter().find(|v| v["id"] == id).unwrap()["answers"].clone()
    };
    let write = |name: &str, v: &Value| {
        let p = dir.join(name);
        std::fs::write(&p, v.to_string()).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let pregnant = write("a23.json", &answers("A23"));
    let urgent = write("a12.json", &answers("A12"));
    lumbar_on(db, TODAY, &["demo", "load"]);
    // pregnancy: only prenatal-trained therapists
    let out = find(db, &["--zip", "78704", "--radius-miles", "20", "--assessment", &pregnant]);
    let results = out["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(r["styles"].as_array().unwrap().iter().any(|s| s == "prenatal"), "{r}");
    }
    // not advisable now: no list, see a clinician
    let out = find(db, &["--zip", "98101", "--radius-miles", "20", "--assessment", &urgent]);
    assert_eq!(out["outcome"], "see_clinician_first");
    // the assessment JSON printed by `screen --json` works too
    let assessment = lumbar(&["screen", "--json", &pregnant], "");
    let path = dir.join("assessment.json");
    std::fs::write(&path, &assessment.stdout).unwrap();
    let out = find(db, &["--zip", "78704", "--radius-miles", "20", "--assessment", path.to_str().unwrap()]);
    assert!(
        out["results"].as_array().unwrap().iter().all(|r| r["styles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "prenatal"))
    );
    // unverified only on request, labelled
    let out = find(db, &["--zip", "98103", "--radius-miles", "5", "--include-unverified"]);
    let results = out["results"].as_array().unwrap();
    let statuses: Vec<&str> = results.iter().filter_map(|r| r["license"]["status"].as_str()).collect();
    assert!(statuses.contains(&"expired") && statuses.contains(&"disciplined"), "{statuses:?}");
    let first_unverified = statuses.iter().position(|s| *s != "verified_active").unwrap();
    assert!(statuses[first_unverified..].iter().all(|s| *s != "verified_active"), "unverified come last");
    for r in results {
        match r["license"]["status"].as_str() {
            Some("verified_active") => assert_eq!(r["group"], "verified", "{r}"),
            Some("expired" | "disciplined") => {
                assert!(r["group"].is_null(), "a license with a problem is in no group: {r}")
            }
            other => panic!("unexpected status {other:?} near 98103: {r}"),
        }
    }
}

#[test]
fn cross_state_radius_keeps_the_license_of_the_therapists_own_state() {
    let dir = temp_dir("find-cross-state");
    let db = format!("sqlite:{}", dir.join("t.db").display());
    lumbar_on(&db, TODAY, &["demo", "load"]);
    // Portland, OR: the Vancouver, WA therapist is across the river, licensed in WA.
    let out = find(&db, &["--zip", "97201", "--radius-miles", "15"]);
    let results = out["results"].as_array().unwrap();
    let tom = results.iter().find(|r| r["name"] == "Tom Harlow").expect("found across the state line");
    assert_eq!(tom["license"]["state"], "WA");
    assert_eq!(tom["license"]["status"], "verified_active");
    assert_eq!(tom["group"], "verified");
    assert!(tom["why"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("verified active in WA")));
}

#[test]
fn feedback_can_be_listed_and_moderated_from_the_cli() {
    let dir = temp_dir("feedback-cli");
    let db = format!("sqlite:{}", dir.join("t.db").display());
    assert!(lumbar_ok(&db, &["feedback", "list"]).contains("no feedback yet"));
    // hiding needs a reason (it goes into the audit log)
    let out = lumbar(&["--db", &db, "feedback", "moderate", "7", "hidden"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reason is required to hide feedback"));
    let out = lumbar(&["--db", &db, "feedback", "moderate", "7", "hidden", "--reason", "spam"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no feedback #7"));
    let out = lumbar(&["--db", &db, "reviews", "reject", "3"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reason is required to reject a review"));
    let out = lumbar(&["--db", &db, "reports", "hide-listing", "3", "--reason", " "], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reason is required to hide a listing"));
    assert!(lumbar_ok(&db, &["reports", "list"]).contains("no open reports"));
    assert!(lumbar_ok(&db, &["audit", "list"]).contains("no decisions recorded"), "nothing was decided");
    let out = lumbar(&["--db", &db, "feedback", "list", "--state", "maybe"], "");
    assert_eq!(out.status.code(), Some(2), "clap rejects a bad state");
    assert!(String::from_utf8_lossy(&out.stderr).contains("pending, approved or hidden"));
}

#[test]
fn unknown_zip_and_empty_area_are_clear() {
    let dir = temp_dir("find-errors");
    let db = format!("sqlite:{}", dir.join("t.db").display());
    lumbar_on(&db, TODAY, &["demo", "load"]);
    let out = lumbar(&["--db", &db, "--today", TODAY, "find", "--zip", "00000"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ZIP 00000 is not in the ZIP centroid table"));
    // Wichita, KS: no demo therapist within 10 miles, and Kansas does not license them
    let out = lumbar_on(&db, TODAY, &["find", "--zip", "67202", "--radius-miles", "10"]);
    assert!(out.contains("does not cover the area within 10 miles of 67202"), "{out}");
    assert!(out.contains("Kansas does not license massage therapists"), "{out}");
    assert!(out.contains("Try a larger --radius-miles"), "{out}");
}

#[tokio::test]
async fn feedback_list_shows_control_characters_instead_of_obeying_them() {
    use lumbar_store::prelude::*;
    let url = lumbar_testkit::sqlite_url();
    let store = lumbar_store_sqlite::open(&url).await.expect("open");
    // clear screen, retitle the window (OSC 0 + BEL), a hyperlink (OSC 8), a C1 CSI, a CR
    let nasty = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]8;;https://example.invalid\u{1b}\\click\u{9b}31m\rX";
    store.add_feedback("find", false, nasty).await.expect("stored");
    drop(store);
    let out = lumbar_ok(&url, &["feedback", "list"]);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}') && !out.contains('\r'),
        "{out:?}"
    );
    assert!(out.contains("\\u{1b}[2J\\u{1b}]0;owned\\u{7}"), "{out}");
    assert!(out.contains("\\u{9b}31m\\u{d}X"), "{out}");
}
