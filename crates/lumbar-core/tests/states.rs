//! The shipped state table and ZIP prefix map against hand-written expectations (from
//! clinical.md section 7 and data-sources.md section 2, and USPS prefixes), never read back
//! from the data files themselves.

use lumbar_core::directory::StateCode;
use lumbar_core::directory::states::{StateInfo, state_of_zip, states};
use lumbar_core::directory::verify::Regulation;

fn code(c: &str) -> StateCode {
    StateCode::parse(c).unwrap_or_else(|e| panic!("{c}: {e}"))
}

fn row(c: &str) -> &'static StateInfo {
    states().get(code(c)).unwrap_or_else(|| panic!("no row for {c}"))
}

#[test]
fn fifty_states_dc_and_puerto_rico_once_each() {
    assert_eq!(states().len(), 52);
    let mut codes: Vec<String> = states().iter().map(|r| r.code.to_string()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 52, "no duplicates");
    for c in ["DC", "PR", "AK", "HI", "WY"] {
        assert!(codes.iter().any(|x| x == c), "{c}");
    }
    for c in ["GU", "VI", "AS", "MP"] {
        assert!(states().get(code(c)).is_none(), "{c} is not in the table");
    }
}

#[test]
fn who_regulates() {
    for c in ["KS", "MN", "WY"] {
        let r = row(c);
        assert_eq!(r.regulation, Regulation::Unregulated, "{c}");
        assert_eq!(r.board, None, "{c}");
        assert_eq!(r.lookup_url, None, "{c}");
        assert!(!r.roster.published, "{c}");
    }
    let ca = row("CA");
    assert_eq!(ca.regulation, Regulation::VoluntaryCertification);
    assert!(ca.board.as_deref().is_some_and(|b| b.contains("CAMTC")));
    assert_eq!(ca.min_hours, Some(500));
    for c in ["WA", "TX", "FL", "CO", "CT", "IL", "NY", "OR", "OK", "AL", "AK", "DC", "PR", "VT"] {
        assert_eq!(row(c).regulation, Regulation::Licensed, "{c}");
    }
    let vt = row("VT");
    assert!(vt.titles.iter().any(|t| t.contains("Registered")), "Vermont registers");
    assert_eq!(vt.min_hours, Some(0), "Vermont requires no training");
}

#[test]
fn every_licensed_state_has_a_board_and_a_lookup_page() {
    for r in states().iter().filter(|r| r.regulation != Regulation::Unregulated) {
        assert!(r.board.is_some(), "{}", r.code);
        let url = r.lookup_url.as_deref().unwrap_or_else(|| panic!("{}: no lookup", r.code));
        assert!(url.starts_with("https://"), "{}: {url}", r.code);
    }
}

#[test]
fn washington() {
    let wa = row("WA");
    assert_eq!(wa.name, "Washington");
    assert_eq!(wa.regulation, Regulation::Licensed);
    assert!(wa.lookup_url.as_deref().is_some_and(|u| u.starts_with("https://")));
    assert!(wa.titles.iter().any(|t| t == "LMT"));
    assert!(wa.titles.iter().any(|t| t.starts_with("LMP")), "the title before 1 July 2017");
    assert_eq!(wa.min_hours, Some(625));
    assert!(wa.roster.published);
    assert_eq!(wa.roster.lumbar_profile.as_deref(), Some("wa"));
    assert!(wa.roster.has_discipline);
}

#[test]
fn texas_roster_has_no_discipline_and_says_where_it_is() {
    let tx = row("TX");
    assert_eq!(tx.min_hours, Some(500));
    assert!(tx.roster.published);
    assert_eq!(tx.roster.format.as_deref(), Some("csv"));
    assert_eq!(tx.roster.lumbar_profile.as_deref(), Some("tx"));
    assert!(!tx.roster.has_discipline);
    let note = tx.roster.discipline_note.as_ref().expect("Texas explains where discipline is");
    for text in [&note.en, &note.es] {
        assert!(text.contains("https://www.tdlr.texas.gov/LicenseSearch/"), "{text}");
    }
    assert!(note.en.contains("License Search"));
    assert!(note.es.contains("sanciones"), "real Spanish: {}", note.es);
    assert_eq!(tx.lookup_url.as_deref(), Some("https://www.tdlr.texas.gov/LicenseSearch/"));
}

#[test]
fn the_six_importable_rosters() {
    let mut importable: Vec<(String, String)> =
        states().iter().filter_map(|r| r.roster.lumbar_profile.clone().map(|p| (r.code.to_string(), p))).collect();
    importable.sort();
    let expected = [("CO", "co"), ("CT", "ct"), ("FL", "fl"), ("IL", "il"), ("TX", "tx"), ("WA", "wa")];
    assert_eq!(importable, expected.map(|(c, p)| (c.to_owned(), p.to_owned())).to_vec());
    assert_eq!(row("FL").roster.format.as_deref(), Some("pipe"));
    assert!(!row("CT").roster.has_discipline, "Connecticut's file has status only");
    for c in ["NY", "OR"] {
        let r = row(c);
        assert!(!r.roster.published, "{c}: no bulk roster found (data-sources.md 2.7)");
        assert_eq!(r.roster.format.as_deref(), Some("none"), "{c}");
    }
}

#[test]
fn unverified_rows_say_why() {
    let mut unverified = 0;
    for r in states().iter() {
        assert_eq!(r.verified, r.unverified_note.is_none(), "{}", r.code);
        assert!(!r.sources.is_empty(), "{}", r.code);
        if !r.verified {
            unverified += 1;
        }
        if !r.roster.has_discipline {
            let n = r.roster.discipline_note.as_ref().unwrap_or_else(|| panic!("{}: note", r.code));
            assert!(!n.en.is_empty() && !n.es.is_empty() && n.en != n.es, "{}", r.code);
        }
    }
    assert!(unverified > 0, "most rows are only partly confirmed");
    assert!(!row("VT").verified, "Vermont's lookup is not confirmed");
}

#[test]
fn zip_codes_to_states() {
    for (zip, state) in [
        ("43215", "OH"),
        ("66101", "KS"),
        ("64105", "MO"),
        ("98101", "WA"),
        ("00901", "PR"),
        ("20001", "DC"),
        ("05501", "MA"),
        ("05401", "VT"),
        ("06103", "CT"),
        ("00501", "NY"),
        ("73301", "TX"),
        ("88510", "TX"),
        ("87101", "NM"),
        ("20101", "VA"),
        ("99501", "AK"),
        ("96813", "HI"),
        ("78704", "TX"),
        ("80202", "CO"),
        ("33130", "FL"),
        ("60601", "IL"),
        ("10001", "NY"),
        ("97201", "OR"),
        ("55401", "MN"),
        ("82001", "WY"),
        ("90210", "CA"),
    ] {
        assert_eq!(state_of_zip(zip), Some(code(state)), "{zip}");
    }
    for zip in ["09001", "96201", "34001", "00801", "96910", "abcde", "1234"] {
        assert_eq!(state_of_zip(zip), None, "{zip}: military, territory or not a ZIP");
    }
}

#[test]
fn every_state_has_a_zip_prefix_and_its_own_zip_maps_back() {
    // A ZIP code well inside each jurisdiction, written by hand.
    for (state, zip) in [
        ("AL", "35203"),
        ("AZ", "85004"),
        ("AR", "72201"),
        ("DE", "19901"),
        ("GA", "30303"),
        ("ID", "83702"),
        ("IN", "46204"),
        ("IA", "50309"),
        ("KY", "40202"),
        ("LA", "70112"),
        ("ME", "04101"),
        ("MD", "21201"),
        ("MI", "48226"),
        ("MS", "39201"),
        ("MT", "59601"),
        ("NE", "68102"),
        ("NV", "89101"),
        ("NH", "03301"),
        ("NJ", "07102"),
        ("NC", "27601"),
        ("ND", "58501"),
        ("OK", "73102"),
        ("PA", "19103"),
        ("RI", "02903"),
        ("SC", "29201"),
        ("SD", "57501"),
        ("TN", "37219"),
        ("UT", "84111"),
        ("WV", "25301"),
        ("WI", "53703"),
        ("MA", "02108"),
    ] {
        assert_eq!(state_of_zip(zip), Some(code(state)), "{zip}");
    }
}

#[test]
fn json_names_the_regulation() {
    let v = serde_json::to_value(row("CA")).unwrap();
    assert_eq!(v["regulation"], "voluntary_certification");
    assert_eq!(v["code"], "CA");
    let v = serde_json::to_value(row("KS")).unwrap();
    assert_eq!(v["regulation"], "unregulated");
    assert!(v["board"].is_null());
}
