//! State rosters: every shipped profile, status columns checked against the hand-written
//! table in `status_table.rs`, Florida's quirks, filters, discipline, errors.

use std::collections::BTreeMap;
use std::path::Path;

use lumbar_core::directory::{Date, RosterRecord, RosterStatus};
use lumbar_import::ImportError;
use lumbar_import::roster::{
    DateFormat, Encoding, Profile, RosterItem, RosterReader, RosterStats, combine_statuses, profile, profiles,
};

use crate::common::TempDir;
use crate::status_table;

/// A row by column name, for a profile's header.
fn row(p: &Profile, values: &[(&str, &str)]) -> Vec<String> {
    let mut cells = vec![String::new(); p.expected_columns.len()];
    for (column, value) in values {
        let i =
            p.expected_columns.iter().position(|c| c.trim() == *column).unwrap_or_else(|| panic!("no column {column}"));
        cells[i] = (*value).to_owned();
    }
    cells
}

/// A file in the profile's layout and encoding (quoted CSV, or Florida's Latin-1 pipes with a
/// trailing `|`).
fn file(p: &Profile, rows: &[Vec<String>]) -> Vec<u8> {
    let sep = p.delimiter.to_string();
    let line = |cells: &[String], header: bool| -> String {
        if p.quoting {
            cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(&sep)
        } else {
            let mut l = cells.join(&sep);
            if !header && p.trailing_delimiter {
                l.push_str(&sep);
            }
            l
        }
    };
    let mut out = line(&p.expected_columns, true) + "\n";
    for r in rows {
        out.push_str(&line(r, false));
        out.push('\n');
    }
    match p.encoding {
        Encoding::Utf8 => out.into_bytes(),
        Encoding::Latin1 => out.chars().map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character")).collect(),
    }
}

fn date_in(format: DateFormat) -> &'static str {
    match format {
        DateFormat::MonthDayYear => "04/30/2027",
        DateFormat::Iso => "2027-04-30",
        DateFormat::Compact => "20270430",
        DateFormat::Socrata => "2027-04-30T00:00:00.000",
    }
}

/// A massage-therapist row with the given status texts (in the order of
/// `status_table::columns`), valid for the profile.
fn massage_row(p: &Profile, number: &str, status: &[&str]) -> Vec<String> {
    let mut v: Vec<(&str, &str)> = vec![(&p.license_column, number), (&p.credential_column, &p.massage_credentials[0])];
    if let Some(c) = &p.license_prefix_column {
        v.push((c, "MA"));
    }
    if let Some(c) = &p.last_name_column {
        v.push((c, "Núñez"));
    }
    if let Some(c) = &p.first_name_column {
        v.push((c, "Ana"));
    }
    if let Some(c) = &p.full_name_column {
        v.push((c, if p.code() == "tx" { "NÚÑEZ, ANA M" } else { "ANA M NÚÑEZ" }));
    }
    let code = p.code();
    v.extend(status_table::columns(&code).iter().copied().zip(status.iter().copied()));
    if let Some(c) = &p.expiry_column {
        v.push((c, date_in(p.expiry_formats[0])));
    }
    if let Some(c) = &p.discipline.flag_column {
        v.push((c, "N"));
    }
    if let Some(f) = &p.entity_filter {
        v.push((&f.column, f.include.first().map_or("N", String::as_str)));
    }
    row(p, &v)
}

fn read(path: &Path, p: &Profile) -> (Vec<RosterItem>, RosterStats) {
    let mut reader = RosterReader::open(path, p).unwrap();
    let items: Vec<RosterItem> = reader.by_ref().collect();
    assert!(reader.read_error().is_none());
    (items, reader.stats())
}

fn licenses(items: &[RosterItem]) -> Vec<&RosterRecord> {
    items
        .iter()
        .filter_map(|i| match i {
            RosterItem::License(r) => Some(r),
            _ => None,
        })
        .collect()
}

fn rejected(items: &[RosterItem]) -> Vec<(u64, String)> {
    items
        .iter()
        .filter_map(|i| match i {
            RosterItem::Rejected { line, reason } => Some((*line, reason.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn the_six_profiles_load_and_unknown_codes_are_refused() {
    let codes: Vec<String> = profiles().iter().map(Profile::code).collect();
    assert_eq!(codes, ["wa", "co", "ct", "tx", "fl", "il"]);
    assert_eq!(profile("WA").unwrap().state, "WA");
    let err = profile("ny").expect_err("an error");
    assert_eq!(err.to_string(), "no roster profile \"ny\"; known profiles: wa, co, ct, tx, fl, il");
    let fl = profile("fl").unwrap();
    assert_eq!(
        fl.expected_columns.last().map(String::as_str),
        Some("Other-License "),
        "FL header keeps its trailing space"
    );
    assert_eq!(fl.delimiter, '|');
}

/// Varies the case of every text (case does not matter).
fn cased(texts: &[&str], upper: bool) -> Vec<String> {
    texts.iter().map(|t| if upper { t.to_uppercase() } else { t.to_lowercase() }).collect()
}

#[test]
fn every_profile_reads_its_exact_header_and_gives_the_hand_written_status_of_every_row() {
    for p in profiles() {
        let code = p.code();
        let dir = TempDir::new(&format!("sample-{code}"));
        let entries = status_table::entries(&code);
        let mut rows = Vec::new();
        let mut want = Vec::new();
        let mut want_unknown: BTreeMap<String, u64> = BTreeMap::new();
        for (i, (texts, status, unknown_columns)) in entries.iter().enumerate() {
            let written = cased(texts, i % 2 == 0);
            let written: Vec<&str> = written.iter().map(String::as_str).collect();
            rows.push(massage_row(&p, &format!("000{}", 100 + i), &written));
            want.push(*status);
            for (column, text) in status_table::columns(&code).iter().zip(&written) {
                if unknown_columns.contains(column) {
                    let text = if text.is_empty() { "(empty)" } else { text };
                    *want_unknown.entry(format!("{column}: {text}")).or_insert(0) += 1;
                }
            }
        }
        // Another profession.
        let active = entries[0].0;
        let mut other = massage_row(&p, "888", active);
        let credential = p.expected_columns.iter().position(|c| c == &p.credential_column).unwrap();
        other[credential] = "Plumber".into();
        for rule in &p.massage_also_when {
            let i = p.expected_columns.iter().position(|c| c == &rule.column).unwrap();
            other[i] = "XX".into();
        }
        rows.push(other);

        let path = dir.write("roster.txt", file(&p, &rows));
        let (items, stats) = read(&path, &p);
        let got = licenses(&items);
        for (i, r) in got.iter().enumerate() {
            assert_eq!(r.status, want[i], "{code}: {:?}", entries[i].0);
        }
        assert_eq!(got.len(), want.len(), "{code}");
        let first = got[0];
        assert_eq!(first.state.as_str(), p.state);
        assert_eq!(first.license_key, "100", "{code}");
        assert_eq!(first.expires, Date::new(2027, 4, 30), "{code}");
        assert!(!first.disciplined, "{code}");
        assert_eq!(first.source_line, 2);
        assert_eq!(
            lumbar_core::directory::verify::fold_name(&first.last_name),
            "nunez",
            "{}: last name {:?}",
            code,
            first.last_name
        );
        assert_eq!(items.last(), Some(&RosterItem::NotMassage { line: rows.len() as u64 + 1 }), "{code}");
        assert_eq!(stats.rows, rows.len() as u64);
        assert_eq!((stats.licenses, stats.not_massage, stats.rejected), (want.len() as u64, 1, 0), "{code}");
        assert_eq!(stats.unknown_statuses, want_unknown, "{code}");
        assert_eq!(stats.bytes_read, std::fs::metadata(&path).unwrap().len());
    }
}

#[test]
fn the_hand_written_table_covers_every_status_text_every_profile_maps() {
    for p in profiles() {
        let code = p.code();
        let columns: Vec<&str> = p.status_columns.iter().map(|s| s.column.as_str()).collect();
        assert_eq!(columns, status_table::columns(&code), "{code}: status columns");
        for (k, sc) in p.status_columns.iter().enumerate() {
            for (text, _) in sc.mapped() {
                let covered =
                    status_table::entries(&code).iter().any(|(texts, _, _)| texts[k].eq_ignore_ascii_case(text));
                assert!(covered, "{code}: {} \"{text}\" has no hand-written expectation", sc.column);
            }
        }
    }
}

#[test]
fn florida_reads_both_status_columns() {
    let p = profile("fl").unwrap();
    let dir = TempDir::new("fl-status");
    let rows: Vec<Vec<String>> = [
        ["Clear", "Active"],
        ["Clear", "Inactive"],
        ["Clear", "Delinquent"],
        ["Clear", "Reserve Duty"],
        ["Probation", "Active"],
    ]
    .iter()
    .enumerate()
    .map(|(i, s)| massage_row(&p, &format!("{}", 500 + i), s))
    .collect();
    let path = dir.write("PROF_ALL.txt", file(&p, &rows));
    let (items, stats) = read(&path, &p);
    let got: Vec<(RosterStatus, &str)> = licenses(&items).iter().map(|r| (r.status, r.status_text.as_str())).collect();
    assert_eq!(
        got,
        [
            (RosterStatus::Active, "License-Status-Description: Clear; License-Active-Status-Description: Active"),
            (RosterStatus::Inactive, "License-Status-Description: Clear; License-Active-Status-Description: Inactive"),
            (RosterStatus::Expired, "License-Status-Description: Clear; License-Active-Status-Description: Delinquent"),
            (
                RosterStatus::Unknown,
                "License-Status-Description: Clear; License-Active-Status-Description: Reserve Duty"
            ),
            (RosterStatus::Unknown, "License-Status-Description: Probation; License-Active-Status-Description: Active"),
        ]
    );
    let unknown: Vec<(&str, u64)> = stats.unknown_statuses.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        unknown,
        [("License-Active-Status-Description: Reserve Duty", 1), ("License-Status-Description: Probation", 1)]
    );
}

#[test]
fn connecticut_is_active_only_when_status_active_flag_and_reason_agree() {
    let p = profile("ct").unwrap();
    let dir = TempDir::new("ct-status");
    let row = |n: &str, status: &[&str]| {
        let mut r = massage_row(&p, n, status);
        let name = p.expected_columns.iter().position(|c| c == "name").unwrap();
        r[name] = "ANA NUNEZ".into();
        r
    };
    let rows = [
        row("1", &["ACTIVE", "1", "CURRENT"]),
        row("2", &["ACTIVE", "0", "CURRENT"]),
        row("3", &["ACTIVE", "N", ""]),
        row("4", &["INACTIVE", "0", "LAPSED DUE TO NON-RENEWAL"]),
    ];
    let path = dir.write("ct.csv", file(&p, &rows));
    let (items, stats) = read(&path, &p);
    let got: Vec<(RosterStatus, &str)> = licenses(&items).iter().map(|r| (r.status, r.status_text.as_str())).collect();
    assert_eq!(
        got,
        [
            (RosterStatus::Active, "status: ACTIVE; active: 1; statusreason: CURRENT"),
            (RosterStatus::Inactive, "status: ACTIVE; active: 0; statusreason: CURRENT"),
            (RosterStatus::Unknown, "status: ACTIVE; active: N"),
            (RosterStatus::Expired, "status: INACTIVE; active: 0; statusreason: LAPSED DUE TO NON-RENEWAL"),
        ]
    );
    assert_eq!(stats.unknown_statuses.into_iter().collect::<Vec<_>>(), [("active: N".to_owned(), 1)]);
}

#[test]
fn several_columns_combine_to_the_worst_status() {
    use RosterStatus::*;
    // Hand-written order: revoked > suspended > expired > inactive > unknown > active.
    let cases = [
        (vec![Active, Active], Active),
        (vec![Active, Unknown], Unknown),
        (vec![Unknown, Inactive], Inactive),
        (vec![Inactive, Expired], Expired),
        (vec![Expired, Suspended], Suspended),
        (vec![Revoked, Suspended, Active], Revoked),
        (vec![Active], Active),
        (vec![], FromExpiry),
    ];
    for (statuses, want) in cases {
        assert_eq!(combine_statuses(statuses.clone()), want, "{statuses:?}");
    }
}

#[test]
fn texas_has_no_status_column_so_the_status_comes_from_the_expiry() {
    let p = profile("tx").unwrap();
    let dir = TempDir::new("tx");
    let rows = vec![
        row(
            &p,
            &[
                ("license_type", "Massage Therapist"),
                ("license_number", "123456"),
                ("owner_name", "NUNEZ, ANA M"),
                ("license_expiration_date_mmddccyy", "01/31/2025"),
            ],
        ),
        row(&p, &[("license_type", "Massage Establishment"), ("license_number", "9"), ("owner_name", "SPA INC")]),
        row(&p, &[("license_type", "Massage Therapy Instructor"), ("license_number", "8"), ("owner_name", "LEE, BO")]),
    ];
    let path = dir.write("tx.csv", file(&p, &rows));
    let (items, stats) = read(&path, &p);
    let r = licenses(&items)[0];
    assert_eq!((r.status, r.status_text.as_str()), (RosterStatus::FromExpiry, ""));
    assert_eq!((r.last_name.as_str(), r.first_name.as_str()), ("NUNEZ", "ANA"));
    assert_eq!(r.expires, Date::new(2025, 1, 31));
    assert_eq!(r.credential_type, "Massage Therapist");
    assert_eq!(stats.not_massage, 2);
    assert!(stats.unknown_statuses.is_empty());
}

#[test]
fn connecticut_reads_the_whole_name_and_keeps_individuals_only() {
    let p = profile("ct").unwrap();
    let dir = TempDir::new("ct");
    let base = [("credential", "MASSAGE THERAPIST"), ("credentialnumber", "004567"), ("status", "ACTIVE")];
    let mut person = base.to_vec();
    person.extend([
        ("name", "MARIA L O'BRIEN JR"),
        ("type", "INDIVIDUAL"),
        ("expirationdate", "2027-06-30T00:00:00.000"),
    ]);
    let mut business = base.to_vec();
    business.extend([("name", "CALM SPA"), ("type", "BUSINESS")]);
    let path = dir.write("ct.csv", file(&p, &[row(&p, &person), row(&p, &business)]));
    let (items, _) = read(&path, &p);
    let r = licenses(&items)[0];
    assert_eq!((r.last_name.as_str(), r.first_name.as_str(), r.license_key.as_str()), ("O'BRIEN", "MARIA", "4567"));
    assert_eq!(items[1], RosterItem::NotMassage { line: 3 });
}

#[test]
fn discipline_shows_from_flags_and_action_texts() {
    let dir = TempDir::new("discipline");
    // Colorado: one row per case; a non-empty programaction is a board action.
    let co = profile("co").unwrap();
    let common = [
        ("licensetype", "MT"),
        ("licensenumber", "0012345"),
        ("lastname", "Nuñez"),
        ("licensestatusdescription", "Active"),
    ];
    let mut case = common.to_vec();
    case.extend([
        ("programaction", "Letter of Admonition"),
        ("disciplineeffectivedate", "03/14/2024"),
        ("casenumber", "2024-00123"),
    ]);
    // A case number (or a discipline date) alone is a board action too (data-sources.md 2.2).
    let mut case_only = common.to_vec();
    case_only.push(("casenumber", "2023-00456"));
    let mut date_only = common.to_vec();
    date_only.push(("disciplineeffectivedate", "01/02/2023"));
    let rows = [row(&co, &common), row(&co, &case), row(&co, &case_only), row(&co, &date_only)];
    let path = dir.write("co.csv", file(&co, &rows));
    let (items, _) = read(&path, &co);
    let got = licenses(&items);
    assert_eq!(got.iter().map(|r| r.disciplined).collect::<Vec<_>>(), [false, true, true, true]);
    assert_eq!(got[1].discipline_text, "Letter of Admonition");
    assert_eq!(got[2].discipline_text, "casenumber: 2023-00456");
    assert_eq!(got[3].discipline_text, "disciplineeffectivedate: 01/02/2023");
    assert!(got.iter().all(|r| r.status == RosterStatus::Active), "discipline columns are not status columns");

    // Illinois: ever_disciplined + action; businesses are filtered.
    let il = profile("il").unwrap();
    let base = [
        ("description", "LICENSED MASSAGE THERAPIST"),
        ("license_number", "227012345"),
        ("last_name", "LEE"),
        ("license_status", "ACTIVE"),
    ];
    let mut flagged = base.to_vec();
    flagged.extend([("business", "N"), ("ever_disciplined", "Y"), ("action", "REPRIMAND")]);
    let mut flag_only = base.to_vec();
    flag_only.extend([("business", "N"), ("ever_disciplined", "Y")]);
    let mut none = base.to_vec();
    none.extend([("business", "N"), ("ever_disciplined", "N"), ("action", "NONE")]);
    let mut business = base.to_vec();
    business.push(("business", "Y"));
    let mut described = base.to_vec();
    described.extend([
        ("business", "N"),
        ("ever_disciplined", "Y"),
        ("action", "FINE"),
        ("discipline_reason", "UNPROFESSIONAL CONDUCT"),
        ("discipline_start_date", "05/01/2022"),
    ]);
    let mut dated = base.to_vec();
    dated.extend([("business", "N"), ("discipline_start_date", "05/01/2022")]);
    let rows = [
        row(&il, &flagged),
        row(&il, &flag_only),
        row(&il, &none),
        row(&il, &business),
        row(&il, &described),
        row(&il, &dated),
    ];
    let path = dir.write("il.csv", file(&il, &rows));
    let (items, stats) = read(&path, &il);
    let got = licenses(&items);
    assert_eq!(got.iter().map(|r| r.disciplined).collect::<Vec<_>>(), [true, true, false, true, true]);
    assert_eq!(got[0].discipline_text, "REPRIMAND");
    assert_eq!(got[1].discipline_text, "ever_disciplined: Y");
    assert_eq!(got[3].discipline_text, "FINE; UNPROFESSIONAL CONDUCT");
    assert_eq!(got[4].discipline_text, "discipline_start_date: 05/01/2022");
    assert_eq!(stats.not_massage, 1);

    // Washington: actiontaken Yes/No.
    let wa = profile("wa").unwrap();
    let base = [
        ("credentialtype", "Massage Therapist License"),
        ("credentialnumber", "MA60123456"),
        ("lastname", "Lee"),
        ("status", "Active"),
    ];
    let mut yes = base.to_vec();
    yes.push(("actiontaken", "Yes"));
    let mut no = base.to_vec();
    no.push(("actiontaken", "No"));
    let path = dir.write("wa.csv", file(&wa, &[row(&wa, &yes), row(&wa, &no)]));
    let (items, _) = read(&path, &wa);
    assert_eq!(licenses(&items).iter().map(|r| r.disciplined).collect::<Vec<_>>(), [true, false]);
}

#[test]
fn florida_pipes_trailing_space_trailing_pipe_latin1_stray_quote_and_wrong_counts() {
    let p = profile("fl").unwrap();
    let dir = TempDir::new("fl");
    let cells = |last: &[u8], suffix: &[u8], business: &[u8], rank: &[u8], profession: &[u8]| -> Vec<u8> {
        let mut values: Vec<Vec<u8>> = vec![Vec::new(); p.expected_columns.len()];
        let mut set = |column: &str, v: &[u8]| {
            let i = p.expected_columns.iter().position(|c| c.trim() == column).unwrap();
            values[i] = v.to_vec();
        };
        set("Profession-Name", profession);
        set("Rank-Code", rank);
        set("License-Number", b"12345");
        set("Expire-Date", b"08/31/2027");
        set("Board-Action-Indicator", b"N");
        set("License-Status-Description", b"Clear");
        set("License-Active-Status-Description", b"Active");
        set("Last-Name", last);
        set("First-Name", b"ANA");
        set("Name-Suffix", suffix);
        set("Business-Name", business);
        let mut line = values.join(&b'|');
        line.extend_from_slice(b"|\r\n");
        line
    };
    let mut bytes = p.expected_columns.join("|").into_bytes();
    bytes.extend_from_slice(b"\r\n");
    assert!(bytes.windows(15).any(|w| w == b"Other-License \r"), "header written with its trailing space");
    bytes.extend(cells(b"N\xDA\xD1EZ", b"\"DE", b"", b"MA", b"Massage Therapist"));
    bytes.extend(cells(b"SMITH", b"", b"SPA | WELLNESS", b"MA", b"Massage Therapist"));
    bytes.extend(cells(b"LEE", b"", b"", b"MA", b""));
    bytes.extend(cells(b"KIM", b"", b"", b"MM", b"Massage Establishment"));
    let no_trailing = {
        let mut l = cells(b"ROY", b"", b"", b"MA", b"Massage Therapist");
        l.truncate(l.len() - 3);
        l.extend_from_slice(b"\r\n");
        l
    };
    bytes.extend(no_trailing);
    let path = dir.write("PROF_ALL.txt", bytes);
    let (items, stats) = read(&path, &p);
    let got = licenses(&items);
    assert_eq!(got[0].last_name, "NÚÑEZ", "latin-1 decoded");
    assert_eq!(got[0].license_number, "MA12345", "Rank-Code + License-Number");
    assert_eq!(got[0].license_key, "12345");
    assert_eq!(got[0].status, RosterStatus::Active);
    assert_eq!(got[0].expires, Date::new(2027, 8, 31));
    assert_eq!(rejected(&items), vec![(3, "has 40 fields; the header has 39".to_owned())]);
    assert_eq!(got[1].last_name, "LEE", "Rank-Code MA is massage even without a profession name");
    assert_eq!(items[3], RosterItem::NotMassage { line: 5 }, "MM is a massage establishment");
    assert_eq!(got[2].last_name, "ROY", "a row without the trailing pipe is fine too");
    assert_eq!((stats.licenses, stats.not_massage, stats.rejected, stats.rows), (3, 1, 1, 5));
}

#[test]
fn a_quoted_value_may_span_lines_and_line_numbers_stay_physical() {
    let p = profile("tx").unwrap();
    let dir = TempDir::new("multiline");
    let r = |n: &str, line2: &str| {
        row(
            &p,
            &[
                ("license_type", "Massage Therapist"),
                ("license_number", n),
                ("owner_name", "LEE, BO"),
                ("mailing_address_line2", line2),
            ],
        )
    };
    let path = dir.write("tx.csv", file(&p, &[r("1", "SUITE 5\nBLDG \"B\""), r("2", "")]));
    let (items, _) = read(&path, &p);
    let got = licenses(&items);
    assert_eq!((got[0].source_line, got[1].source_line), (2, 4));

    let mut unclosed = file(&p, &[r("3", "")]);
    unclosed.extend_from_slice(b"\"Massage Therapist\",\"4\",\"never closed\n");
    let path = dir.write("tx2.csv", unclosed);
    let (items, stats) = read(&path, &p);
    assert_eq!(rejected(&items), vec![(3, "a quoted value is not closed before the end of the file".to_owned())]);
    assert_eq!(stats.licenses, 1);
}

#[test]
fn unusable_rows_are_rejected_with_a_reason() {
    let p = profile("wa").unwrap();
    let dir = TempDir::new("wa-rejected");
    let r = |number: &str, last: &str, expires: &str| {
        row(
            &p,
            &[
                ("credentialtype", "Massage Therapist License"),
                ("credentialnumber", number),
                ("lastname", last),
                ("status", "Active"),
                ("expirationdate", expires),
            ],
        )
    };
    let mut bytes =
        file(&p, &[r("", "Lee", ""), r("MA1", "", ""), r("MA2", "Lee", "30.04.2027"), r("MA3", "Lee", "02/30/2027")]);
    bytes.extend_from_slice(b"\"MA4\",\"Lee\"\n");
    let path = dir.write("wa.csv", bytes);
    let (items, stats) = read(&path, &p);
    assert_eq!(
        rejected(&items),
        vec![
            (2, "license number \"\" is empty or masked".to_owned()),
            (3, "license MA1 has no last name".to_owned()),
            (4, "expirationdate \"30.04.2027\" is not a date in an accepted format (MM/DD/YYYY, YYYYMMDD, YYYY-MM-DD, socrata)".to_owned()),
            (5, "expirationdate \"02/30/2027\" is not a real date".to_owned()),
            (6, "has 2 fields; the header has 12".to_owned()),
        ]
    );
    assert_eq!(stats.rejected, 5);
}

#[test]
fn missing_columns_the_profile_needs_are_named() {
    let p = profile("wa").unwrap();
    let dir = TempDir::new("wa-missing");
    let header: Vec<String> = p
        .expected_columns
        .iter()
        .filter(|c| *c != "status" && *c != "credentialtype")
        .map(|c| format!("\"{c}\""))
        .collect();
    let path = dir.write("wa.csv", header.join(",") + "\n");
    let err = RosterReader::open(&path, &p).err().expect("an error");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: missing required column(s) \"credentialtype\", \"status\" (header names are matched exactly, after \
             trimming spaces)",
            path.display()
        )
    );
    // Extra and reordered columns are fine.
    let mut columns = p.expected_columns.clone();
    columns.reverse();
    columns.push("newcolumn".into());
    let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let path = dir.write("wa2.csv", quoted.join(",") + "\n");
    assert!(RosterReader::open(&path, &p).is_ok());
}

#[test]
fn invalid_profiles_are_refused_when_loaded() {
    let wa = include_str!("../../profiles/wa.toml");
    let err = |text: &str| Profile::from_toml("test", text).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        err(&wa.replace("license_column = \"credentialnumber\"", "license_column = \"credential_number\"")),
        "roster profile test: column \"credential_number\" is not in expected_columns"
    );
    assert_eq!(
        err(&wa.replace("expired = [\"Expired\"]", "expired = [\"Expired\", \"active\"]")),
        "roster profile test: status column \"status\": text \"active\" is mapped twice"
    );
    assert_eq!(
        err(&wa.replace("active = [\"Active\"]", "active = []")),
        "roster profile test: status column \"status\": active is empty, no license could be active"
    );
    assert_eq!(
        err(&wa.replace("column = \"status\"", "column = \"state\"")),
        "roster profile test: column \"state\" is not in expected_columns"
    );
    assert_eq!(
        err(&wa.replace("[discipline]", "[[status_columns]]\ncolumn = \"status\"\nactive = [\"Y\"]\n\n[discipline]")),
        "roster profile test: status column \"status\" is listed twice"
    );
    assert_eq!(
        err(&wa.replace("active = [\"Active\"]", "active = [\"Active\", \"\"]")),
        "roster profile test: every status column maps an empty value to active: a row without any status would be \
         active"
    );
    // The same text may mean different things in different columns (Connecticut's reasons).
    let ct = include_str!("../../profiles/ct.toml");
    assert!(
        Profile::from_toml(
            "ct",
            &ct.replace("inactive = [\"0\", \"false\"]", "inactive = [\"0\", \"false\", \"INACTIVE\"]")
        )
        .is_ok()
    );
    assert!(err(&wa.replace("column = \"status\"", "column = \"status\"\nmap = 1")).contains("unknown field `map`"));
    assert!(err(&wa.replace("state = \"WA\"", "state = \"XX\"")).contains("state \"XX\""));
    assert!(err(&wa.replace("quoting = true", "quoting = true\ncolour = \"red\"")).contains("unknown field `colour`"));
    let err = Profile::from_toml("test", "state = 1").expect_err("an error");
    assert!(matches!(err, ImportError::Profile { .. }));
    // A profile changed in code is checked when a reader opens with it.
    let mut odd = profile("wa").unwrap();
    odd.delimiter = '"';
    let dir = TempDir::new("odd-profile");
    let path = dir.write("wa.csv", "\"a\"\n");
    let err = RosterReader::open(&path, &odd).err().expect("an error");
    assert!(err.to_string().contains("delimiter '\"' must be one ASCII character other than a quote"), "{err}");
}

#[test]
fn a_roster_inside_a_zip_is_read() {
    use std::io::Write;
    let p = profile("fl").unwrap();
    let dir = TempDir::new("fl-zip");
    let row = massage_row(&p, "54321", &["Clear", "Active"]);
    let path = dir.path().join("PROF_ALL.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("dbdumps/ldms/PROF_ALL.txt", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(&file(&p, &[row])).unwrap();
    zip.finish().unwrap();
    let (items, stats) = read(&path, &p);
    assert_eq!(licenses(&items)[0].license_number, "MA54321");
    assert_eq!(stats.total_bytes, Some(stats.bytes_read));
}
