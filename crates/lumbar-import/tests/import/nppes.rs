//! The NPPES reader: slots, claims, placeholders, encodings, deactivations, zip input, errors.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use lumbar_core::directory::{ClaimedLicense, Date, EntityKind, Npi, ProviderRecord, StateCode};
use lumbar_import::ImportError;
use lumbar_import::nppes::{MASSAGE_TAXONOMY, NppesItem, NppesReader};

use crate::common::{Row, TempDir, header_line, npi, nppes_columns, nppes_file};

fn read(path: &Path, known: &[&str]) -> (Vec<NppesItem>, lumbar_import::nppes::NppesStats) {
    let known: HashSet<Npi> = known.iter().map(|n| Npi::parse(n).unwrap()).collect();
    let mut reader = NppesReader::open(path, known).unwrap();
    let items: Vec<NppesItem> = reader.by_ref().collect();
    assert!(reader.read_error().is_none());
    (items, reader.stats())
}

fn providers(items: &[NppesItem]) -> Vec<&ProviderRecord> {
    items
        .iter()
        .filter_map(|i| match i {
            NppesItem::Provider { record, .. } => Some(record),
            _ => None,
        })
        .collect()
}

fn claim(state: &str, number: &str) -> ClaimedLicense {
    ClaimedLicense { state: StateCode::parse(state).unwrap(), number: number.to_owned() }
}

#[test]
fn the_taxonomy_in_slot_1_or_slot_9_is_found_and_its_license_comes_from_the_same_slot() {
    let dir = TempDir::new("slots");
    let rows = [
        Row::individual(&npi(1), "NUNEZ", "ANA").slot(1, MASSAGE_TAXONOMY, "MA60123456", "WA"),
        Row::individual(&npi(2), "LEE", "BO")
            .slot(1, "225100000X", "PT999", "OR")
            .slot(9, MASSAGE_TAXONOMY, "MT.0012345", "CO")
            .slot(10, "171100000X", "AC111", "CA"),
        Row::individual(&npi(3), "DOE", "JO").slot(1, "207Q00000X", "MD1", "WA"),
    ];
    let path = dir.write("npidata_pfile_1.csv", nppes_file(&rows, "\n"));
    let (items, stats) = read(&path, &[]);
    let found = providers(&items);
    assert_eq!(found.len(), 2, "{items:?}");
    assert_eq!(found[0].npi.to_string(), npi(1));
    assert_eq!(found[0].licenses, vec![claim("WA", "MA60123456")]);
    assert_eq!(found[1].npi.to_string(), npi(2));
    assert_eq!(found[1].licenses, vec![claim("CO", "MT.0012345")], "slot 9's license, not slot 1's or 10's");
    assert!(matches!(items[1], NppesItem::Provider { line: 3, .. }), "physical line numbers, header = 1");
    assert_eq!((stats.rows, stats.therapists, stats.rejected), (3, 2, 0));
    assert_eq!(stats.total_bytes, Some(std::fs::metadata(&path).unwrap().len()));
    assert_eq!(stats.bytes_read, stats.total_bytes.unwrap());
}

#[test]
fn the_code_elsewhere_in_a_row_does_not_make_a_therapist() {
    let dir = TempDir::new("elsewhere");
    let rows = [Row::individual(&npi(4), "DOE", "JO")
        .slot(1, "207Q00000X", "MD1", "WA")
        .set("Healthcare Provider Taxonomy Group_1", "225700000X SINGLE SPECIALTY GROUP")];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, stats) = read(&path, &[]);
    assert!(items.is_empty(), "{items:?}");
    assert_eq!((stats.rows, stats.therapists), (1, 0));
}

#[test]
fn several_slots_give_several_claims_without_duplicates() {
    let dir = TempDir::new("several");
    let rows = [Row::individual(&npi(5), "KIM", "MEI")
        .slot(2, MASSAGE_TAXONOMY, "MA60000001", "WA")
        .slot(5, MASSAGE_TAXONOMY, "MA60000001", "WA")
        .slot(15, MASSAGE_TAXONOMY, "MA12345", "FL")];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, _) = read(&path, &[]);
    assert_eq!(providers(&items)[0].licenses, vec![claim("WA", "MA60000001"), claim("FL", "MA12345")]);
}

#[test]
fn null_state_and_masked_numbers_give_no_claim_but_keep_the_provider() {
    let dir = TempDir::new("placeholders");
    let rows = [
        Row::individual(&npi(6), "A", "A").slot(1, MASSAGE_TAXONOMY, "MA60000002", "NULL"),
        Row::individual(&npi(7), "B", "B").slot(1, MASSAGE_TAXONOMY, "$$$$$$$$$", "WA"),
        Row::individual(&npi(8), "C", "C").slot(1, MASSAGE_TAXONOMY, "********", "WA"),
        Row::individual(&npi(9), "D", "D").slot(1, MASSAGE_TAXONOMY, "NULL", "WA"),
        Row::individual(&npi(10), "E", "E").slot(1, MASSAGE_TAXONOMY, "123", "XX"),
        Row::individual(&npi(11), "F", "F").slot(1, MASSAGE_TAXONOMY, "", ""),
    ];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, stats) = read(&path, &[]);
    let found = providers(&items);
    assert_eq!(found.len(), 6);
    assert!(found.iter().all(|p| p.licenses.is_empty()), "{found:?}");
    assert_eq!(stats.rejected, 0);
}

#[test]
fn null_is_empty_everywhere_and_zip_plus_4_becomes_five_digits() {
    let dir = TempDir::new("postal");
    let rows = [
        Row::individual(&npi(12), "NUNEZ", "ANA")
            .slot(1, MASSAGE_TAXONOMY, "MA1", "WA")
            .set("Provider Middle Name", "NULL")
            .set("Provider Credential Text", "NULL"),
        Row::individual(&npi(13), "ROY", "LEA")
            .slot(1, MASSAGE_TAXONOMY, "MA2", "WA")
            .set("Provider Business Practice Location Address Postal Code", "M5V3L9")
            .set("Provider Business Practice Location Address Country Code (If outside U.S.)", "CA"),
        Row::individual(&npi(14), "ROY", "LEA")
            .slot(1, MASSAGE_TAXONOMY, "MA3", "WA")
            .set("Provider Business Practice Location Address Postal Code", "98101"),
    ];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, _) = read(&path, &[]);
    let found = providers(&items);
    assert_eq!(found[0].practice.postal_code.as_deref(), Some("98101"));
    assert_eq!(found[0].name, "ANA NUNEZ", "NULL middle name is empty");
    assert_eq!(found[0].credential, "");
    assert_eq!(found[0].practice.state, Some(StateCode::parse("WA").unwrap()));
    assert_eq!(found[0].practice.city, "SEATTLE");
    assert_eq!(found[0].sex, Some('F'));
    assert_eq!(found[0].last_update, Date::new(2026, 7, 8));
    assert_eq!(found[1].practice.postal_code, None, "foreign postal code");
    assert_eq!(found[2].practice.postal_code.as_deref(), Some("98101"));
}

#[test]
fn crlf_line_ends_and_columns_in_another_order_work() {
    let dir = TempDir::new("crlf");
    // Columns are found by name: reverse the whole layout.
    let mut columns = nppes_columns();
    columns.reverse();
    let header = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(",");
    let row = Row::for_columns(columns)
        .set("NPI", &npi(15))
        .set("Entity Type Code", "1")
        .set("Provider Last Name (Legal Name)", "NUNEZ")
        .set("Healthcare Provider Taxonomy Code_3", MASSAGE_TAXONOMY)
        .set("Provider License Number_3", "MA60000003")
        .set("Provider License Number State Code_3", "WA")
        .set("NPI", &npi(15));
    let other = Row::individual(&npi(16), "X", "Y").slot(1, "207Q00000X", "1", "WA");
    let body = format!("{header}\r\n{}\r\n\r\n{}\r\n", row.line(), row.line());
    let path = dir.write("n.csv", body);
    let (items, stats) = read(&path, &[]);
    assert_eq!(providers(&items).len(), 2);
    assert!(matches!(items[1], NppesItem::Provider { line: 4, .. }), "the blank line 3 still counts: {items:?}");
    assert_eq!(providers(&items)[0].licenses, vec![claim("WA", "MA60000003")]);
    assert_eq!(stats.rows, 2);
    drop(other);
}

#[test]
fn non_utf8_bytes_are_decoded_lossily() {
    let dir = TempDir::new("latin1");
    let line = Row::individual(&npi(17), "MxLLER", "JxRGEN").slot(1, MASSAGE_TAXONOMY, "MA1", "WA").line();
    let mut bytes = format!("{}\n", header_line()).into_bytes();
    bytes.extend(line.bytes().map(|b| if b == b'x' { 0xDC } else { b }));
    bytes.push(b'\n');
    let path = dir.write("n.csv", bytes);
    let (items, stats) = read(&path, &[]);
    let found = providers(&items);
    assert_eq!(found[0].last_name, "M\u{FFFD}LLER");
    assert_eq!(found[0].name, "J\u{FFFD}RGEN M\u{FFFD}LLER");
    assert_eq!(stats.rejected, 0);
}

#[test]
fn an_organization_has_its_legal_name_and_no_last_name() {
    let dir = TempDir::new("org");
    let rows = [Row::new()
        .set("NPI", &npi(18))
        .set("Entity Type Code", "2")
        .set("Provider Organization Name (Legal Business Name)", "SERENITY BODYWORK LLC")
        .set("Authorized Official Last Name", "SMITH")
        .slot(4, MASSAGE_TAXONOMY, "MM123", "FL")];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, _) = read(&path, &[]);
    let p = providers(&items)[0];
    assert_eq!(p.kind, EntityKind::Organization);
    assert_eq!(p.name, "SERENITY BODYWORK LLC");
    assert_eq!((p.last_name.as_str(), p.first_name.as_str()), ("", ""));
    assert_eq!(p.licenses, vec![claim("FL", "MM123")]);
}

#[test]
fn deactivation_with_and_without_reactivation() {
    let dir = TempDir::new("deact");
    let rows = [
        Row::individual(&npi(19), "A", "A")
            .slot(1, MASSAGE_TAXONOMY, "MA1", "WA")
            .set("NPI Deactivation Date", "03/01/2025"),
        Row::individual(&npi(20), "B", "B")
            .slot(1, MASSAGE_TAXONOMY, "MA2", "WA")
            .set("NPI Deactivation Date", "03/01/2025")
            .set("NPI Reactivation Date", "04/15/2025"),
    ];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, _) = read(&path, &[]);
    let found = providers(&items);
    assert_eq!(found[0].deactivated, Date::new(2025, 3, 1));
    assert!(!found[0].active());
    assert_eq!(found[1].reactivated, Date::new(2025, 4, 15));
    assert!(found[1].active());
}

#[test]
fn a_blanked_deactivation_row_is_reported_only_for_a_known_npi() {
    let dir = TempDir::new("blanked");
    let blank = |n| Row::new().set("NPI", &npi(n)).set("NPI Deactivation Date", "05/06/2026");
    let rows = [blank(21), blank(22), Row::individual(&npi(23), "A", "A").slot(1, MASSAGE_TAXONOMY, "MA1", "WA")];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let known = npi(21);
    let (items, stats) = read(&path, &[&known, &npi(23), &npi(99)]);
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(
        items[0],
        NppesItem::Deactivated { npi: Npi::parse(&known).unwrap(), date: Date::new(2026, 5, 6).unwrap(), line: 2 }
    );
    assert!(matches!(items[1], NppesItem::Provider { line: 4, .. }), "a known therapist is still a provider");
    assert_eq!((stats.rows, stats.therapists), (3, 1));
    // Without `known`, nothing but the therapist.
    let (items, _) = read(&path, &[]);
    assert_eq!(items.len(), 1);
}

#[test]
fn a_known_npi_that_lost_the_taxonomy_but_is_active_is_silent() {
    let dir = TempDir::new("lost");
    let rows = [Row::individual(&npi(24), "A", "A").slot(1, "207Q00000X", "MD1", "WA")];
    let path = dir.write("n.csv", nppes_file(&rows, "\n"));
    let (items, stats) = read(&path, &[&npi(24)]);
    assert!(items.is_empty());
    assert_eq!(stats.rows, 1);
}

fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn the_data_entry_of_a_cms_zip_is_read_and_the_fileheader_skipped() {
    let dir = TempDir::new("zip");
    let rows = [Row::individual(&npi(25), "NUNEZ", "ANA").slot(7, MASSAGE_TAXONOMY, "MA60000004", "WA")];
    let csv = nppes_file(&rows, "\n");
    let header = format!("{}\n", header_line());
    let path = dir.path().join("NPPES_Data_Dissemination_November_2026_V2.zip");
    write_zip(
        &path,
        &[
            ("NPPES_Data_Dissemination_Readme.pdf", b"%PDF"),
            ("npidata_pfile_20050523-20261109_FileHeader.csv", header.as_bytes()),
            ("othername_pfile_20050523-20261109.csv", b"\"NPI\"\n"),
            ("npidata_pfile_20050523-20261109.csv", csv.as_bytes()),
        ],
    );
    let (items, stats) = read(&path, &[]);
    assert_eq!(providers(&items)[0].licenses, vec![claim("WA", "MA60000004")]);
    assert_eq!(stats.total_bytes, Some(csv.len() as u64), "uncompressed size of the entry");
    assert_eq!(stats.bytes_read, csv.len() as u64);
}

#[test]
fn a_zip_without_npidata_names_what_it_contains() {
    let dir = TempDir::new("zip-empty");
    let path = dir.path().join("x.zip");
    write_zip(&path, &[("readme.txt", b"hi"), ("npidata_pfile_1_fileheader.csv", b"\"NPI\"\n")]);
    let err = NppesReader::open(&path, HashSet::new()).err().expect("an error");
    let text = err.to_string();
    assert!(text.contains("contains no NPPES data file"), "{text}");
    assert!(text.ends_with("it contains: readme.txt, npidata_pfile_1_fileheader.csv"), "{text}");
}

#[test]
fn missing_columns_are_all_named() {
    let dir = TempDir::new("missing");
    let header: Vec<String> = nppes_columns()
        .into_iter()
        .filter(|c| c != "NPI" && c != "Provider License Number State Code_7" && c != "NPI Reactivation Date")
        .map(|c| format!("\"{c}\""))
        .collect();
    let path = dir.write("n.csv", header.join(",") + "\n");
    let err = NppesReader::open(&path, HashSet::new()).err().expect("an error");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: missing required column(s) \"NPI\", \"NPI Reactivation Date\", \"Provider License Number State Code_7\" \
             (header names are matched exactly, after trimming spaces)",
            path.display()
        )
    );
    match err {
        ImportError::MissingColumns { missing, .. } => assert_eq!(missing.len(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn header_names_are_trimmed_and_a_bom_is_ignored() {
    let dir = TempDir::new("trim");
    let header: Vec<String> = nppes_columns().iter().map(|c| format!("\" {c} \"")).collect();
    let row = Row::individual(&npi(26), "A", "A").slot(1, MASSAGE_TAXONOMY, "MA1", "WA");
    let path = dir.write("n.csv", format!("\u{feff}{}\n{}\n", header.join(","), row.line()));
    let (items, _) = read(&path, &[]);
    assert_eq!(providers(&items).len(), 1);
}

#[test]
fn malformed_rows_are_rejected_with_their_line_and_a_clear_reason() {
    let dir = TempDir::new("rejected");
    let good = Row::individual(&npi(27), "A", "A").slot(1, MASSAGE_TAXONOMY, "MA1", "WA");
    let body = [
        header_line(),
        good.clone().set("NPI", "1234567890").line(),
        good.clone().set("NPI", "123").line(),
        format!("\"{}\",\"1\",\"{MASSAGE_TAXONOMY}\",\"x\",\"y\"", npi(28)),
        good.clone().set("Entity Type Code", "3").line(),
        good.clone().set("Last Update Date", "13/45/2026").line(),
        good.line().strip_suffix('"').unwrap_or_default().to_owned(),
        good.line(),
    ]
    .join("\n");
    let path = dir.write("n.csv", body);
    let (items, stats) = read(&path, &[]);
    let rejected: Vec<(u64, String)> = items
        .iter()
        .filter_map(|i| match i {
            NppesItem::Rejected { line, reason } => Some((*line, reason.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(rejected[0], (2, "NPI \"1234567890\" is not 10 digits with a valid check digit".to_owned()));
    assert_eq!(rejected[1], (3, "NPI \"123\" is not 10 digits with a valid check digit".to_owned()));
    assert_eq!(rejected[2], (4, "has 5 fields; the header has 330".to_owned()));
    assert_eq!(rejected[3], (5, "Entity Type Code \"3\" is neither 1 (individual) nor 2 (organization)".to_owned()));
    assert_eq!(rejected[4], (6, "Last Update Date \"13/45/2026\" is not a date (expected MM/DD/YYYY)".to_owned()));
    assert_eq!(rejected[5], (7, "a quoted value is not closed (NPPES rows never span lines)".to_owned()));
    assert_eq!(stats.rejected, rejected.len() as u64);
    assert!(matches!(items.last(), Some(NppesItem::Provider { line: 8, .. })), "reading goes on after rejections");
}

#[test]
fn unusable_files_are_clear_errors() {
    let dir = TempDir::new("errors");
    let missing = dir.path().join("nope.csv");
    let err = NppesReader::open(&missing, HashSet::new()).err().expect("an error");
    assert!(matches!(err, ImportError::Open { .. }));
    assert!(err.to_string().starts_with(&format!("cannot open {}: ", missing.display())), "{err}");

    let empty = dir.write("empty.csv", "");
    let err = NppesReader::open(&empty, HashSet::new()).err().expect("an error");
    assert_eq!(err.to_string(), format!("{} is empty: expected a header line", empty.display()));

    let binary = dir.write("bin.csv", b"\x1f\x8b\x08\x00\x00binary,\x00stuff\n");
    let err = NppesReader::open(&binary, HashSet::new()).err().expect("an error");
    assert!(err.to_string().contains("the first line is not a CSV header: it contains binary data"), "{err}");

    let prose = dir.write("prose.csv", "hello world\n");
    let err = NppesReader::open(&prose, HashSet::new()).err().expect("an error");
    assert!(err.to_string().contains("it has no ',' separators"), "{err}");

    let err = NppesReader::open(dir.path(), HashSet::new()).err().expect("an error");
    assert!(err.to_string().contains("it is a directory"), "{err}");
}

#[test]
fn a_damaged_zip_is_an_error_at_open_or_a_final_rejection_not_a_silent_end() {
    let dir = TempDir::new("damaged");
    let garbage = dir.write("garbage.zip", b"PK\x03\x04 this is not really a zip archive");
    let err = NppesReader::open(&garbage, HashSet::new()).err().expect("an error");
    assert!(err.to_string().contains("is not a readable zip archive"), "{err}");

    // Corrupt the compressed data near its end: the reader must stop with a rejection and
    // report the read error, never pretend the file ended there.
    // More than one 1 MiB chunk of CSV, so the damage is met after reading has begun.
    let rows: Vec<Row> = (0..3000)
        .map(|i| {
            Row::individual(&npi(1000 + i), &format!("NAME{i}"), "X").slot(1, MASSAGE_TAXONOMY, &format!("MA{i}"), "WA")
        })
        .collect();
    let path = dir.path().join("n.zip");
    write_zip(&path, &[("npidata_pfile_1.csv", nppes_file(&rows, "\n").as_bytes())]);
    let mut bytes = std::fs::read(&path).unwrap();
    let late = bytes.len() * 9 / 10;
    for b in &mut bytes[late..late + 64] {
        *b ^= 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let mut reader = NppesReader::open(&path, HashSet::new()).unwrap();
    let items: Vec<NppesItem> = reader.by_ref().collect();
    match items.last() {
        Some(NppesItem::Rejected { reason, .. }) => assert!(reason.starts_with("reading stopped here"), "{reason}"),
        other => panic!("expected a final rejection, got {other:?}"),
    }
    assert!(providers(&items).len() < 3000);
    assert!(matches!(reader.read_error(), Some(ImportError::Read { .. })));
}

#[test]
fn readers_can_move_to_another_thread() {
    fn send<T: Send + 'static>() {}
    send::<NppesReader>();
    send::<lumbar_import::roster::RosterReader>();
    send::<ImportError>();
}
