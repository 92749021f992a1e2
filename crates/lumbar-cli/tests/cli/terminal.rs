//! What a person reads in the terminal: the `find` table in words with each listing's
//! address and phone, `therapist show` (licenses with their evidence as of `--today`, the
//! board's lookup, contact, profile; `--json`; an unknown id), and `--help` examples one per
//! line.

use serde_json::Value;

use super::{find_on, lumbar, lumbar_on};

/// The day every command of these tests acts on (the demo rosters are dated that day).
const TODAY: &str = "2026-11-28";

/// Ana Núñez's result near 98101 (find JSON).
fn ana(db: &str) -> Value {
    let out = find_on(db, TODAY, &["--zip", "98101"]);
    out["results"].as_array().unwrap().iter().find(|r| r["name"] == "Ana Núñez").expect("Ana Núñez near 98101").clone()
}

on_both_backends!(find_table_is_in_words_with_address_and_phone, find_table);

fn find_table(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    let text = lumbar_on(db, TODAY, &["find", "--zip", "98101"]);
    assert!(text.contains("Verified: license active in the state's own roster"), "group heading kept: {text}");
    assert!(text.contains("license in WA: verified active"), "{text}");
    assert!(text.contains("independent therapist"), "place kinds in words: {text}");
    assert!(text.contains("deep tissue"), "{text}");
    for word in ["verified_active", "deep_tissue", "trigger_point", "school_clinic", "(independent,"] {
        assert!(!text.contains(word), "data word {word:?} in the table: {text}");
    }
    assert!(text.contains("phone: 206-555-"), "{text}");
    assert!(text.contains("address: 1420 Alder Court, Suite 3, Seattle, WA 98101"), "{text}");
    assert!(text.contains("checked on 2026-11-28 against the WA roster of 2026-11-28"), "{text}");
    let id = ana(db)["id"].as_i64().unwrap();
    assert!(text.contains(&format!("lumbar therapist show {id}")), "each result says how to open it: {text}");
    // every result has its phone and address (the demo listings all have them)
    let results = text.lines().filter(|l| l.trim_start().starts_with("license in ")).count();
    assert!(results >= 3, "{text}");
    assert_eq!(text.lines().filter(|l| l.trim_start().starts_with("phone: ")).count(), results, "{text}");
    assert_eq!(text.lines().filter(|l| l.trim_start().starts_with("address: ")).count(), results, "{text}");
}

on_both_backends!(therapist_show_gives_licenses_with_evidence_as_of_today, show);

fn show(db: &str) {
    lumbar_on(db, TODAY, &["demo", "load"]);
    let found = ana(db);
    let id = found["id"].as_i64().unwrap().to_string();
    let lookup = found["license"]["lookup_url"].as_str().expect("WA has a lookup").to_owned();
    assert!(lookup.starts_with("https://"), "{lookup}");

    let text = lumbar_on(db, TODAY, &["therapist", "show", &id]);
    for want in [
        "Ana Núñez, LMT",
        "independent therapist",
        "address: 1420 Alder Court, Suite 3, Seattle, WA 98101",
        "phone: 206-555-0101",
        "book online: https://example.org/book/ana-nunez",
        "Licenses, as of 2026-11-28",
        "WA license MA60900101: verified active",
        "checked on 2026-11-28 against the WA roster of 2026-11-28",
        "expires 2027-05-31",
        "styles: Swedish, deep tissue, myofascial release (self-reported)",
        "languages: English, Spanish",
        "price for 60 minutes: $95–$140",
        "training: Cascade School of Massage (fictional), 850 hours",
        "(verified)",
        "20 client reviews",
        "3 clinician endorsements",
    ] {
        assert!(text.contains(want), "missing {want:?}: {text}");
    }
    assert!(text.contains(&format!("look the license up yourself: {lookup}")), "{text}");
    assert!(!text.contains("verified_active") && !text.contains("STALE"), "{text}");

    // --json: the detail of GET /api/v1/therapists/{id}
    let v: Value = serde_json::from_str(&lumbar_on(db, TODAY, &["therapist", "show", &id, "--json"])).unwrap();
    assert_eq!(v["id"].as_i64().unwrap().to_string(), id);
    assert_eq!(v["name"], "Ana Núñez");
    assert_eq!(v["license_verified"], true);
    assert_eq!(v["licenses"][0]["state"], "WA");
    assert_eq!(v["licenses"][0]["status"], "verified_active");
    assert_eq!(v["licenses"][0]["stale"], false);
    assert_eq!(v["licenses"][0]["lookup_url"], lookup.as_str());
    assert_eq!(v["profile"]["phone"], "206-555-0101");
    assert_eq!(v["recommendations"]["reviews"], 20);

    // as of a later --today: stale after 60 days, expired the day after the expiry date
    let stale = lumbar_on(db, "2027-03-01", &["therapist", "show", &id]);
    assert!(stale.contains("WA license MA60900101: verified active"), "{stale}");
    assert!(stale.contains("STALE: that roster is more than 60 days old on 2027-03-01"), "{stale}");
    let v: Value = serde_json::from_str(&lumbar_on(db, "2027-03-01", &["therapist", "show", &id, "--json"])).unwrap();
    assert_eq!(v["licenses"][0]["stale"], true);
    let expired = lumbar_on(db, "2027-06-01", &["therapist", "show", &id]);
    assert!(expired.contains("WA license MA60900101: expired"), "{expired}");
    assert!(expired.contains("not verified active in the practice state"), "{expired}");
    let v: Value = serde_json::from_str(&lumbar_on(db, "2027-06-01", &["therapist", "show", &id, "--json"])).unwrap();
    assert_eq!(v["licenses"][0]["status"], "expired");
    assert_eq!(v["license_verified"], false);

    // an unknown id: a clear error naming it, and a non-zero exit code
    for extra in [&[][..], &["--json"][..]] {
        let mut args = vec!["--db", db, "--today", TODAY, "therapist", "show", "987654"];
        args.extend_from_slice(extra);
        let out = lumbar(&args, "");
        assert_ne!(out.status.code(), Some(0));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("987654") && err.contains("lumbar find"), "{err}");
        assert!(out.stdout.is_empty(), "nothing on stdout: {}", String::from_utf8_lossy(&out.stdout));
    }
}

/// `lumbar ARGS --help`, asserting every example is a line of its own.
fn help_has_lines(args: &[&str], examples: &[&str]) {
    let mut full = args.to_vec();
    full.push("--help");
    let out = lumbar(&full, "");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for example in examples {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(example)),
            "{args:?} --help: {example:?} does not start a line:\n{text}"
        );
    }
}

#[test]
fn help_examples_are_one_per_line() {
    help_has_lines(
        &["find"],
        &[
            "Examples:",
            "lumbar find --zip 98101 --radius-miles 15",
            "lumbar find --zip 78704 --radius-miles 10 --assessment my-answers.json --language es",
            "lumbar find --zip 80202 --radius-miles 25 --style prenatal --json",
            "lumbar therapist show 3",
        ],
    );
    help_has_lines(
        &["screen"],
        &[
            "Examples:",
            "lumbar screen  ",
            "lumbar screen --save answers.json",
            "lumbar screen --json answers.json",
            "cat answers.json | lumbar screen --json",
            "lumbar find --zip 98101 --assessment answers.json",
        ],
    );
    help_has_lines(
        &["therapist", "show"],
        &["Examples:", "lumbar therapist show 3  ", "lumbar therapist show 3 --json", "lumbar --today 2027-01-15"],
    );
}
