//! `lumbar find` groups and a license's standing on the day it is shown, through the binary,
//! on SQLite and PostgreSQL: Ohio (licenses, no roster) is "not verified" with the board's
//! lookup; Kansas (no licensing) is its own group, after Missouri's not-verified listing; an
//! area without listings says what its state requires; Seattle is verified, checked on the
//! day; an expiry date passes without a new `lumbar verify`; an old roster is stale; a Texas
//! license says where its discipline record is.
//!
//! Expected values are written by hand from data/demo/directory.toml, data/states.toml and
//! the demo rosters, never computed by lumbar's code.

use serde_json::Value;

use super::{backend, find_on, lumbar_on, temp_dir};

/// The day these tests act on, unless a test moves it.
const TODAY: &str = "2026-11-28";

/// data/states.toml, Ohio row: `board`, `lookup_url`.
const OHIO_BOARD: &str = "State Medical Board of Ohio";
const OHIO_LOOKUP: &str = "https://elicense.ohio.gov/oh_verifylicense";
/// data/states.toml, Missouri row: `lookup_url`.
const MISSOURI_LOOKUP: &str = "https://pr.mo.gov/licensee-search.asp";

/// The header of Washington's roster (shared/formats/roster-wa.csv).
const WA_HEADER: &str = "\"credentialnumber\",\"lastname\",\"firstname\",\"middlename\",\"credentialtype\",\"status\",\
\"birthyear\",\"ceduedate\",\"firstissuedate\",\"lastissuedate\",\"expirationdate\",\"actiontaken\"";

/// Ana Núñez (demo listing sea-ana-nunez, Seattle 98101, WA license MA60900101) as an active
/// row of the WA roster, expiring on `expires` (MM/DD/YYYY), no board action.
fn ana_row(expires: &str) -> String {
    format!(
        "\"MA60900101\",\"NUNEZ\",\"ANA\",\"M\",\"Massage Therapist License\",\"Active\",\"1984\",\"{expires}\",\
         \"06/15/2013\",\"05/20/2025\",\"{expires}\",\"No\""
    )
}

/// A WA roster file with the one row of Ana Núñez, in a temp folder of its own.
fn ana_roster(test: &str, db: &str, expires: &str) -> String {
    let dir = temp_dir(&format!("groups-{test}-{}", backend(db)));
    let path = dir.join("roster-wa-ana.csv");
    std::fs::write(&path, format!("{WA_HEADER}\n{}\n", ana_row(expires))).unwrap();
    path.to_str().unwrap().to_owned()
}

fn results(out: &Value) -> &Vec<Value> {
    assert_eq!(out["outcome"], "results", "{out}");
    out["results"].as_array().unwrap_or_else(|| panic!("results is an array: {out}"))
}

fn named<'a>(out: &'a Value, name: &str) -> Option<&'a Value> {
    results(out).iter().find(|r| r["name"] == name)
}

fn sorted_names(out: &Value) -> Vec<String> {
    let mut names: Vec<String> = results(out).iter().map(|r| r["name"].as_str().unwrap().to_owned()).collect();
    names.sort();
    names
}

/// Groups come verified, not verified, unlicensed state, then (on request) no group; never
/// mixed.
fn assert_groups_in_order(out: &Value) {
    let rank = |g: &Value| match g.as_str() {
        Some("verified") => 0,
        Some("not_verified") => 1,
        Some("unlicensed_state") => 2,
        None if g.is_null() => 3,
        other => panic!("unknown group {other:?}"),
    };
    let ranks: Vec<u8> = results(out).iter().map(|r| rank(&r["group"])).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "groups in order, never mixed: {ranks:?}\n{out}");
}

/// The license of the export line named `name`, on `today`.
fn exported_license(db: &str, today: &str, name: &str) -> Value {
    let out = lumbar_on(db, today, &["export", "therapists", "--state", "WA"]);
    let line = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("export line is JSON"))
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("{name} is exported:\n{out}"));
    let licenses = line["licenses"].as_array().expect("licenses");
    assert_eq!(licenses.len(), 1, "{line}");
    licenses[0].clone()
}

on_both_backends!(ohio_licenses_without_a_roster_are_not_verified, ohio);

fn ohio(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    let out = find_on(db, TODAY, &["--zip", "43215"]);
    assert_eq!(sorted_names(&out), ["Grace Whitfield", "Hopewell Spine & Massage Clinic"], "{out}");
    for r in results(&out) {
        assert_eq!(r["group"], "not_verified", "{r}");
        assert_eq!(r["license"]["state"], "OH", "{r}");
        assert_eq!(r["license"]["status"], "no_roster", "{r}");
        assert_eq!(r["license"]["lookup_url"], OHIO_LOOKUP, "{r}");
        assert_eq!(r["license"]["board"], OHIO_BOARD, "{r}");
        assert_eq!(r["license"]["stale"], false, "{r}");
    }
    assert_eq!(named(&out, "Grace Whitfield").unwrap()["license"]["number"], "33.019141");
    assert_eq!(named(&out, "Hopewell Spine & Massage Clinic").unwrap()["license"]["number"], "33.020277");
    assert!(results(&out).iter().all(|r| r["group"] != "verified"), "nobody in Ohio is verified: {out}");
    assert!(out["coverage"].is_null(), "coverage only when nobody is listed: {out}");
    // the table says to check the license on the board's lookup
    let text = lumbar_on(db, TODAY, &["find", "--zip", "43215"]);
    assert!(text.contains("Not verified by lumbar"), "{text}");
    assert!(text.contains(&format!("check the license: {OHIO_LOOKUP}")), "{text}");
}

on_both_backends!(kansas_listing_comes_after_the_missouri_one, kansas);

fn kansas(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    let out = find_on(db, TODAY, &["--zip", "66101", "--radius-miles", "5"]);
    assert_eq!(sorted_names(&out), ["Lena Brooks", "Sam Ortega"], "{out}");
    let position = |name: &str| results(&out).iter().position(|r| r["name"] == name).unwrap();
    let (lena, sam) = (&results(&out)[position("Lena Brooks")], &results(&out)[position("Sam Ortega")]);
    assert_eq!(lena["group"], "not_verified", "{lena}");
    assert_eq!(lena["license"]["state"], "MO", "{lena}");
    assert_eq!(lena["license"]["status"], "no_roster", "{lena}");
    assert_eq!(lena["license"]["number"], "2011004521", "{lena}");
    assert_eq!(lena["license"]["lookup_url"], MISSOURI_LOOKUP, "{lena}");
    assert_eq!(sam["group"], "unlicensed_state", "{sam}");
    assert_eq!(sam["license"]["state"], "KS", "{sam}");
    assert!(sam["license"]["number"].is_null(), "no license claimed: {sam}");
    assert!(sam["license"]["status"].is_null(), "no license claimed: {sam}");
    assert!(sam["license"]["lookup_url"].is_null(), "Kansas has no license lookup: {sam}");
    assert!(position("Lena Brooks") < position("Sam Ortega"), "not verified before unlicensed state: {out}");
    assert_groups_in_order(&out);
    assert!(out["coverage"].is_null(), "{out}");
}

on_both_backends!(an_area_without_listings_says_what_its_state_requires, empty_area);

fn empty_area(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    // Wichita, KS: no listing, a state that does not license massage therapists
    let out = find_on(db, TODAY, &["--zip", "67202"]);
    assert_eq!(out["results"], serde_json::json!([]), "{out}");
    let c = &out["coverage"];
    assert_eq!(c["state"], "KS", "{out}");
    assert_eq!(c["state_name"], "Kansas", "{out}");
    assert_eq!(c["regulation"], "unregulated", "{out}");
    assert_eq!(c["listed_nearby"], false, "{out}");
    assert!(c["board"].is_null() && c["lookup_url"].is_null(), "{out}");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("does not cover the area"), "{message}");
    assert!(message.contains("Kansas does not license massage therapists"), "{message}");

    // Cleveland, OH: far from the Columbus listings, a licensing state
    let out = find_on(db, TODAY, &["--zip", "44101", "--radius-miles", "15"]);
    assert_eq!(out["results"], serde_json::json!([]), "{out}");
    let c = &out["coverage"];
    assert_eq!(c["state"], "OH", "{out}");
    assert_eq!(c["state_name"], "Ohio", "{out}");
    assert_eq!(c["regulation"], "licensed", "{out}");
    assert_eq!(c["listed_nearby"], false, "{out}");
    assert_eq!(c["board"], OHIO_BOARD, "{out}");
    assert_eq!(c["lookup_url"], OHIO_LOOKUP, "{out}");
    assert_eq!(c["license_titles"], serde_json::json!(["LMT"]), "{out}");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("does not cover the area"), "{message}");
    assert!(message.contains(OHIO_LOOKUP), "{message}");

    // Columbus with a filter nobody there matches: listed nearby, but no match
    let out = find_on(db, TODAY, &["--zip", "43215", "--style", "oncology"]);
    assert_eq!(out["results"], serde_json::json!([]), "{out}");
    let c = &out["coverage"];
    assert_eq!(c["state"], "OH", "{out}");
    assert_eq!(c["listed_nearby"], true, "{out}");
    let message = c["message"].as_str().unwrap();
    assert!(message.contains("matches these filters") && !message.contains("does not cover"), "{message}");
}

on_both_backends!(seattle_is_verified_and_checked_on_the_day, seattle);

fn seattle(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    let out = find_on(db, TODAY, &["--zip", "98101"]);
    // Dana Kowalski (expired) and Sam Reyes (board action) are hidden by default.
    assert_eq!(
        sorted_names(&out),
        [
            "Ana Núñez",
            "Ben Okafor",
            "Capitol Hill Spine & Massage Clinic (fictional)",
            "Mei Lin",
            "Rainier Day Spa (fictional)"
        ],
        "{out}"
    );
    let first = &results(&out)[0];
    assert_eq!(first["group"], "verified", "{first}");
    assert_eq!(first["license"]["checked_at"], TODAY, "{first}");
    assert_eq!(first["license"]["roster_date"], TODAY, "the demo rosters are dated --today: {first}");
    for r in results(&out) {
        assert_eq!(r["group"], "verified", "{r}");
        assert_eq!(r["license"]["status"], "verified_active", "{r}");
        assert_eq!(r["license"]["state"], "WA", "{r}");
        assert_eq!(r["license"]["stale"], false, "{r}");
        assert!(r["license"]["note"].is_null(), "the WA roster carries discipline: {r}");
    }

    let all = find_on(db, TODAY, &["--zip", "98101", "--include-unverified"]);
    assert_groups_in_order(&all);
    let mut hidden: Vec<&str> =
        results(&all).iter().filter(|r| r["group"].is_null()).map(|r| r["name"].as_str().unwrap()).collect();
    hidden.sort();
    assert_eq!(hidden, ["Dana Kowalski", "Sam Reyes"], "{all}");
    assert_eq!(named(&all, "Dana Kowalski").unwrap()["license"]["status"], "expired");
    assert_eq!(named(&all, "Sam Reyes").unwrap()["license"]["status"], "disciplined");
}

on_both_backends!(an_expiry_date_passes_without_a_new_verification, expiry);

fn expiry(db: &str) {
    lumbar_on(db, "2026-11-20", &["demo", "load"]);
    let roster = ana_roster("expiry", db, "11/27/2026");
    let out =
        lumbar_on(db, "2026-11-20", &["import", "roster", "--format", "wa", &roster, "--data-date", "2026-11-20"]);
    assert!(out.contains("now the current roster"), "{out}");
    assert!(out.contains("data of 2026-11-20, imported 2026-11-20"), "{out}");
    assert!(out.contains("8 licenses claimed in WA verified again"), "{out}");

    // On its expiry date the license is still active. No `lumbar verify` from here on.
    let out = find_on(db, "2026-11-27", &["--zip", "98101"]);
    let ana = named(&out, "Ana Núñez").unwrap_or_else(|| panic!("verified on 2026-11-27: {out}"));
    assert_eq!(ana["group"], "verified", "{ana}");
    assert_eq!(ana["license"]["status"], "verified_active", "{ana}");
    assert_eq!(ana["license"]["checked_at"], "2026-11-20", "{ana}");
    assert_eq!(ana["license"]["roster_date"], "2026-11-20", "{ana}");
    assert_eq!(ana["license"]["stale"], false, "{ana}");
    let license = exported_license(db, "2026-11-27", "Ana Núñez");
    assert_eq!(license["status"], "verified_active", "{license}");
    assert_eq!(license["expires"], "2026-11-27", "{license}");

    // The next day it has expired: hidden by default, shown labelled on request.
    let out = find_on(db, "2026-11-28", &["--zip", "98101"]);
    assert!(named(&out, "Ana Núñez").is_none(), "an expired license is not listed by default: {out}");
    assert!(results(&out).iter().all(|r| r["group"] == "verified"), "{out}");
    let out = find_on(db, "2026-11-28", &["--zip", "98101", "--include-unverified"]);
    let ana = named(&out, "Ana Núñez").unwrap_or_else(|| panic!("shown on request: {out}"));
    assert_eq!(ana["license"]["status"], "expired", "{ana}");
    assert!(ana["group"].is_null(), "{ana}");
    assert_groups_in_order(&out);
    let license = exported_license(db, "2026-11-28", "Ana Núñez");
    assert_eq!(license["status"], "expired", "{license}");
}

on_both_backends!(an_old_roster_is_stale, stale);

fn stale(db: &str) {
    lumbar_on(db, "2026-11-20", &["demo", "load"]);
    let roster = ana_roster("stale", db, "05/31/2027");
    let out = lumbar_on(
        db,
        "2026-11-20",
        &["import", "roster", "--format", "wa", &roster, "--data-date", "2026-09-01", "--imported-on", "2026-11-20"],
    );
    assert!(out.contains("data of 2026-09-01, imported 2026-11-20"), "{out}");

    // 88 days after its data date: stale (the limit is 60 days), still verified.
    let out = find_on(db, TODAY, &["--zip", "98101"]);
    let ana = named(&out, "Ana Núñez").unwrap_or_else(|| panic!("still listed: {out}"));
    assert_eq!(ana["group"], "verified", "{ana}");
    assert_eq!(ana["license"]["status"], "verified_active", "{ana}");
    assert_eq!(ana["license"]["stale"], true, "{ana}");
    assert_eq!(ana["license"]["roster_date"], "2026-09-01", "{ana}");
    assert_eq!(ana["license"]["checked_at"], "2026-11-20", "{ana}");
    assert!(
        ana["why"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("roster it was checked against is old")),
        "a stale status says so: {ana}"
    );

    // With a limit of 120 days the same roster is fresh.
    let out = find_on(db, TODAY, &["--stale-after-days", "120", "--zip", "98101"]);
    let ana = named(&out, "Ana Núñez").unwrap_or_else(|| panic!("still listed: {out}"));
    assert_eq!(ana["group"], "verified", "{ana}");
    assert_eq!(ana["license"]["stale"], false, "{ana}");
    assert!(
        !ana["why"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("is old")),
        "a fresh status does not say it is old: {ana}"
    );
}

on_both_backends!(a_texas_license_says_where_discipline_is_recorded, texas);

fn texas(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    let out = find_on(db, TODAY, &["--zip", "78704"]);
    assert!(!results(&out).is_empty(), "{out}");
    for r in results(&out) {
        assert_eq!(r["group"], "verified", "{r}");
        assert_eq!(r["license"]["state"], "TX", "{r}");
        let note = r["license"]["note"].as_str().unwrap_or_else(|| panic!("a verified TX license has a note: {r}"));
        assert!(note.contains("TDLR") && note.contains("discipline"), "{note}");
    }
}
