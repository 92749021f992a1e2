//! ZCTA centroids: both Gazetteer formats, errors, the shipped table.

use lumbar_import::ImportError;
use lumbar_import::zcta::{Centroid, read_gazetteer, shipped};

#[test]
fn the_tab_format_up_to_2024_with_trailing_whitespace() {
    let text = "GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\tINTPTLAT\tINTPTLONG                 \n\
                00601\t166847909\t799292\t64.42\t0.309\t18.180555\t-66.749961                \n\
                98101\t1345\t0\t0.5\t0\t47.611\t-122.334 \r\n\n";
    let got = read_gazetteer(text.as_bytes()).unwrap();
    assert_eq!(
        got,
        vec![
            Centroid { zip: "00601".into(), lat: 18.180555, lon: -66.749961 },
            Centroid { zip: "98101".into(), lat: 47.611, lon: -122.334 },
        ]
    );
}

#[test]
fn the_pipe_format_from_2025_with_geoidfq() {
    let text = "GEOID|GEOIDFQ|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG\n\
                10001|860Z200US10001|1616221|0|0.624|0.|40.750649|-73.997298\n";
    let got = read_gazetteer(text.as_bytes()).unwrap();
    assert_eq!(got, vec![Centroid { zip: "10001".into(), lat: 40.750649, lon: -73.997298 }]);
}

#[test]
fn the_shipped_three_column_format() {
    let got = read_gazetteer("GEOID\tINTPTLAT\tINTPTLONG\n10001\t40.750650\t-73.997293\n".as_bytes()).unwrap();
    assert_eq!(got[0].zip, "10001");
}

#[test]
fn a_bad_line_names_the_line_and_the_problem() {
    let bad = |text: &str| read_gazetteer(text.as_bytes()).err().map(|e| e.to_string()).unwrap_or_default();
    let head = "GEOID\tINTPTLAT\tINTPTLONG\n10001\t40.7\t-73.9\n";
    assert_eq!(
        bad(&format!("{head}10002\tabc\t-73.9\n")),
        "ZCTA gazetteer line 3: INTPTLAT \"abc\" is not a number between -90 and 90"
    );
    assert_eq!(
        bad(&format!("{head}10002\t40.7\t-273.9\n")),
        "ZCTA gazetteer line 3: INTPTLONG \"-273.9\" is not a number between -180 and 180"
    );
    assert_eq!(
        bad(&format!("{head}1002\t40.7\t-73.9\n")),
        "ZCTA gazetteer line 3: GEOID \"1002\" is not a five-digit ZCTA"
    );
    assert_eq!(bad(&format!("{head}10002\t40.7\n")), "ZCTA gazetteer line 3: has 2 fields; the header has 3");
    assert_eq!(
        bad("GEOID INTPTLAT INTPTLONG\n"),
        "ZCTA gazetteer: the first line is not a CSV header: the header has neither tabs nor '|' between column names"
    );
    assert_eq!(bad(""), "ZCTA gazetteer is empty: expected a header line");
    let err = read_gazetteer("GEOID|ALAND|INTPTLAT\n".as_bytes()).expect_err("an error");
    assert!(
        matches!(&err, ImportError::MissingColumns { missing, .. } if missing == &["INTPTLONG".to_owned()]),
        "{err}"
    );
}

#[test]
fn the_shipped_table_has_every_zcta_and_seattle_is_where_it_belongs() {
    let all = shipped();
    assert_eq!(all.len(), 33_791);
    let seattle = all.iter().find(|c| c.zip == "98101").expect("98101");
    assert!((seattle.lat - 47.6).abs() < 0.05 && (seattle.lon + 122.3).abs() < 0.1, "{seattle:?}");
}
