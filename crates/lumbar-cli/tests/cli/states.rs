//! `lumbar states`: the table in columns, one state in detail, JSON, a state outside the
//! table, and the examples in `--help`. Expected values are written by hand.

use super::{json, lumbar};

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The line of columns that starts with `code`.
fn line<'a>(text: &'a str, code: &str) -> &'a str {
    text.lines().find(|l| l.starts_with(&format!("{code} "))).unwrap_or_else(|| panic!("no line for {code}:\n{text}"))
}

#[test]
fn columns_for_every_state() {
    let text = stdout(&lumbar(&["states"], ""));
    assert!(text.starts_with("CODE"), "a header line first: {text}");
    for code in ["KS", "MN", "WY"] {
        assert!(line(&text, code).contains("unregulated"), "{code}");
    }
    assert!(line(&text, "CA").contains("voluntary_certification"));
    let wa = line(&text, "WA");
    assert!(
        wa.contains("Washington") && wa.contains("licensed") && wa.contains("625") && wa.contains("yes (wa)"),
        "{wa}"
    );
    assert!(wa.contains("confirmed") && !wa.contains("not yet"), "{wa}");
    assert!(text.lines().all(|l| l == l.trim_end()), "no trailing spaces");
    assert!(line(&text, "AL").contains("not yet confirmed"));
    assert!(line(&text, "NY").contains(" no "), "New York's roster is not imported");
    assert!(text.contains("look up a license: https://www.tdlr.texas.gov/LicenseSearch/"));
    assert_eq!(
        text.lines()
            .filter(|l| l.len() > 5
                && l.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
                && &l.as_bytes()[2..5] == b"   ")
            .count(),
        52,
        "one line of columns per state, DC and Puerto Rico"
    );
    assert!(text.contains("6 of 52 rows confirmed"));
}

#[test]
fn one_state_in_detail() {
    let text = stdout(&lumbar(&["states", "--state", "tx"], ""));
    assert!(text.starts_with("Texas (TX)"), "{text}");
    assert!(text.contains("lumbar import roster --format tx FILE"), "{text}");
    assert!(text.contains("no discipline data"), "{text}");
    assert!(text.contains("https://www.tdlr.texas.gov/LicenseSearch/"), "{text}");
    assert!(text.contains("  sources\n    - "), "{text}");
    let ks = stdout(&lumbar(&["states", "--state", "KS"], ""));
    assert!(ks.contains("unregulated") && ks.contains("no state lookup"), "{ks}");
}

#[test]
fn json_is_one_array() {
    let all = json(&lumbar(&["states", "--json"], ""));
    let rows = all.as_array().expect("an array");
    assert_eq!(rows.len(), 52);
    let ca = rows.iter().find(|r| r["code"] == "CA").expect("California");
    assert_eq!(ca["regulation"], "voluntary_certification");
    let one = json(&lumbar(&["states", "--json", "--state", "TX"], ""));
    let one = one.as_array().expect("an array");
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["code"], "TX");
    assert_eq!(one[0]["roster"]["has_discipline"], false);
    assert_eq!(one[0]["roster"]["lumbar_profile"], "tx");
    assert!(one[0]["roster"]["discipline_note"]["es"].as_str().is_some_and(|s| s.contains("sanciones")));
}

#[test]
fn states_outside_the_table_are_refused() {
    let out = lumbar(&["states", "--state", "GU"], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no row for GU"));
    let out = lumbar(&["states", "--state", "ZZ"], "");
    assert_eq!(out.status.code(), Some(2), "clap rejects a code that is not a state");
}

#[test]
fn help_lists_examples_on_their_own_lines() {
    let help = stdout(&lumbar(&["states", "--help"], ""));
    for example in ["lumbar states ", "lumbar states --state TX ", "lumbar states --json "] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(example)), "{example:?} on its own line:\n{help}");
    }
    let top = stdout(&lumbar(&["--help"], ""));
    assert!(top.lines().any(|l| l.trim_start().starts_with("states ")), "{top}");
}
