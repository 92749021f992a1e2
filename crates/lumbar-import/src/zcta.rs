//! ZIP Code Tabulation Area centroids: the shipped 2021 table (`data/zcta-centroids-2021.tsv`,
//! compiled in) and the Census Gazetteer ZCTA national file in either of its formats
//! (tab-delimited up to 2024, pipe-delimited with `GEOIDFQ` from 2025).
//!
//! The Gazetteer is a reference file: a malformed line refuses the whole file with an error
//! that names the line, rather than silently placing ZIPs in the wrong spot.

use std::io::{BufRead, BufReader, Read};

use crate::error::ImportError;

/// The shipped table: US Census Bureau 2021 Gazetteer ZCTA file (public domain), 3 columns.
const SHIPPED: &str = include_str!("../../../data/zcta-centroids-2021.tsv");

/// Where a ZCTA is: its internal point.
#[derive(Clone, Debug, PartialEq)]
pub struct Centroid {
    /// The five-digit ZCTA (ZIP) code.
    pub zip: String,
    /// Latitude, decimal degrees.
    pub lat: f64,
    /// Longitude, decimal degrees.
    pub lon: f64,
}

/// The shipped 2021 table (33,791 ZCTAs).
pub fn shipped() -> Vec<Centroid> {
    // The shipped table is checked by the tests; it cannot fail at run time.
    read_gazetteer(SHIPPED.as_bytes()).unwrap_or_default()
}

/// Reads a Census Gazetteer ZCTA file (or the shipped 3-column table): the delimiter (tab or
/// pipe) is detected from the header, columns `GEOID`, `INTPTLAT`, `INTPTLONG` are found by
/// name, surrounding whitespace is ignored.
pub fn read_gazetteer(reader: impl Read) -> Result<Vec<Centroid>, ImportError> {
    const FILE: &str = "ZCTA gazetteer";
    let bad = |line: u64, reason: String| ImportError::BadLine { file: FILE.to_owned(), line, reason };
    let mut lines = BufReader::new(reader).split(b'\n');
    let mut number = 0u64;
    let mut next_line = || -> Result<Option<(u64, String)>, ImportError> {
        match lines.next() {
            None => Ok(None),
            Some(Err(source)) => Err(ImportError::Read { what: FILE.to_owned(), source }),
            Some(Ok(bytes)) => {
                number += 1;
                Ok(Some((number, String::from_utf8_lossy(&bytes).trim_end_matches(['\r', '\n']).to_owned())))
            }
        }
    };

    let header = loop {
        match next_line()? {
            None => return Err(ImportError::Empty { file: FILE.to_owned() }),
            Some((_, text)) if text.trim().is_empty() => {}
            Some((_, text)) => break text,
        }
    };
    let header = header.trim_start_matches('\u{feff}');
    let delimiter = if header.contains('|') {
        '|'
    } else if header.contains('\t') {
        '\t'
    } else {
        return Err(ImportError::HeaderNotCsv {
            file: FILE.to_owned(),
            reason: "the header has neither tabs nor '|' between column names".to_owned(),
        });
    };
    let names: Vec<&str> = header.split(delimiter).map(str::trim).collect();
    let find = |n: &str| names.iter().position(|h| *h == n);
    let (geoid, lat, lon) = match (find("GEOID"), find("INTPTLAT"), find("INTPTLONG")) {
        (Some(g), Some(a), Some(o)) => (g, a, o),
        (g, a, o) => {
            let missing = [("GEOID", g), ("INTPTLAT", a), ("INTPTLONG", o)]
                .iter()
                .filter(|(_, i)| i.is_none())
                .map(|(n, _)| (*n).to_owned())
                .collect();
            return Err(ImportError::MissingColumns { file: FILE.to_owned(), missing });
        }
    };

    let mut out = Vec::with_capacity(34_000);
    while let Some((line, text)) = next_line()? {
        if text.trim().is_empty() {
            continue;
        }
        let values: Vec<&str> = text.split(delimiter).map(str::trim).collect();
        if values.len() != names.len() {
            return Err(bad(line, format!("has {} fields; the header has {}", values.len(), names.len())));
        }
        let zip = values[geoid];
        if zip.len() != 5 || !zip.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(line, format!("GEOID \"{zip}\" is not a five-digit ZCTA")));
        }
        let coordinate = |i: usize, name: &str, limit: f64| -> Result<f64, ImportError> {
            let v = values[i];
            match v.parse::<f64>() {
                Ok(x) if x.is_finite() && x.abs() <= limit => Ok(x),
                _ => Err(bad(line, format!("{name} \"{v}\" is not a number between -{limit} and {limit}"))),
            }
        };
        out.push(Centroid {
            zip: zip.to_owned(),
            lat: coordinate(lat, "INTPTLAT", 90.0)?,
            lon: coordinate(lon, "INTPTLONG", 180.0)?,
        });
    }
    Ok(out)
}
