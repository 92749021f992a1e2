//! The NPPES dissemination file (`npidata_pfile_*.csv`, monthly or weekly, plain or inside the
//! CMS zip), streamed: massage therapists (taxonomy `225700000X` in any of the 15 slots)
//! become [`NppesItem::Provider`], deactivations of NPIs already in the directory become
//! [`NppesItem::Deactivated`], malformed rows become [`NppesItem::Rejected`].
//!
//! Speed comes from not parsing what is not needed: the file is read in 256 KiB chunks into a
//! 4 MiB buffer, lines are found with `memchr`, and only a line containing `225700000X` (one
//! `memmem` search per buffered region, not per line) or starting with a known NPI is split
//! into fields. Memory stays bounded whatever the file size: one buffer, one reused field
//! buffer (about 13 MB peak RSS reading a 1 GB file).
//!
//! Columns are found by their header names, never by position; every value is trimmed, and
//! CMS's placeholders for "no value" (`NULL`, masked `$$$$…`, `****…`, `____…`) read as empty.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use lumbar_core::directory::{
    Address, ClaimedLicense, Date, EntityKind, Npi, ProviderRecord, StateCode, normalize_license,
};
use memchr::memmem;

use crate::error::ImportError;
use crate::fields::{Fields, Split, clean, utf8_lossy};
use crate::header;
use crate::lines::{Line, LineBuffer};
use crate::source;

/// The NUCC taxonomy code of a massage therapist (the only one; it has no specializations).
pub const MASSAGE_TAXONOMY: &str = "225700000X";

/// Taxonomy slots per row (`Healthcare Provider Taxonomy Code_1` … `_15`).
pub const TAXONOMY_SLOTS: usize = 15;

/// Buffer size: the longest line accepted (real rows are a few KiB).
const BUFFER_BYTES: usize = 4 << 20;

/// What one line of the file means for the directory.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "items are moved one at a time; `Provider` is the payload that matters")]
pub enum NppesItem {
    /// A massage therapist (individual or organization), active or not.
    Provider {
        /// The provider.
        record: ProviderRecord,
        /// 1-based physical line (the header is line 1).
        line: u64,
    },
    /// An NPI from the `known` set that is deactivated and no longer carries the massage
    /// taxonomy (CMS blanks deactivated rows down to the NPI and the date).
    Deactivated {
        /// The NPI.
        npi: Npi,
        /// `NPI Deactivation Date`.
        date: Date,
        /// 1-based physical line.
        line: u64,
    },
    /// A line that could not be used. Show it as `line {line}: {reason}`.
    Rejected {
        /// 1-based physical line.
        line: u64,
        /// What is wrong, in words a user understands (without the line number).
        reason: String,
    },
}

/// Counters for a progress bar and the import report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NppesStats {
    /// Data lines seen (the header and blank lines not counted).
    pub rows: u64,
    /// Bytes of CSV read so far (uncompressed).
    pub bytes_read: u64,
    /// Size of the CSV when known (the file size, or the zip entry's uncompressed size).
    pub total_bytes: Option<u64>,
    /// Massage-therapist rows returned as `Provider`.
    pub therapists: u64,
    /// Lines returned as `Rejected`.
    pub rejected: u64,
}

/// Streaming reader of an NPPES `npidata_pfile` (`.csv` or the CMS `.zip`).
pub struct NppesReader {
    lines: LineBuffer,
    name: String,
    columns: Columns,
    known: KnownNpis,
    finder: memmem::Finder<'static>,
    fields: Fields,
    hit: HitCache,
    stats: NppesStats,
    error: Option<ImportError>,
    done: bool,
}

impl NppesReader {
    /// Opens `path` (a `.csv`, or a zip whose entry matches `npidata_pfile_*.csv` and is not
    /// the `_fileheader.csv`) and checks its header. `known` holds the NPIs already in the
    /// directory, so their deactivation is reported even when the row lost its taxonomy.
    pub fn open(path: &Path, known: HashSet<Npi>) -> Result<NppesReader, ImportError> {
        let input = source::open_input(path, is_npidata_entry, |entries| ImportError::NoDataEntry {
            path: path.to_owned(),
            wanted: "NPPES data file (an entry named npidata_pfile_*.csv that is not the _fileheader.csv)".to_owned(),
            entries,
        })?;
        let mut lines = LineBuffer::new(input.reader, BUFFER_BYTES);
        let mut fields = Fields::default();
        let names = header::read_header(&mut lines, &mut fields, &input.name, b',', true, false)?;
        let columns = Columns::resolve(&names, &input.name)?;
        let stats =
            NppesStats { bytes_read: lines.bytes_read(), total_bytes: input.total_bytes, ..NppesStats::default() };
        Ok(NppesReader {
            lines,
            name: input.name,
            columns,
            known: known.into_iter().map(Npi::get).collect(),
            finder: memmem::Finder::new(MASSAGE_TAXONOMY.as_bytes()).into_owned(),
            fields,
            hit: HitCache::default(),
            stats,
            error: None,
            done: false,
        })
    }

    /// Counters so far.
    pub fn stats(&self) -> NppesStats {
        NppesStats { bytes_read: self.lines.bytes_read(), ..self.stats }
    }

    /// The read error that ended the iteration early, if any (it was also returned as a
    /// final `Rejected` item): the file is truncated or damaged and the import incomplete.
    pub fn read_error(&self) -> Option<&ImportError> {
        self.error.as_ref()
    }

    /// Whether the line `data()[start..end]` contains the taxonomy code, using one search per
    /// buffer region instead of one per line.
    fn line_has_taxonomy(&mut self, start: usize, end: usize) -> bool {
        let generation = self.lines.generation();
        if self.hit.generation != generation || self.hit.from > start || self.hit.pos.is_some_and(|p| p < start) {
            let ahead = &self.lines.data()[start..self.lines.filled()];
            self.hit = HitCache { generation, from: start, pos: self.finder.find(ahead).map(|i| start + i) };
        }
        self.hit.pos.is_some_and(|p| p < end)
    }

    fn reject(&mut self, line: u64, reason: String) -> NppesItem {
        self.stats.rejected += 1;
        NppesItem::Rejected { line, reason }
    }
}

impl Iterator for NppesReader {
    type Item = NppesItem;

    fn next(&mut self) -> Option<NppesItem> {
        while !self.done {
            let (number, start, end) = match self.lines.next_line() {
                Ok(Some(Line::Text { number, start, end })) => (number, start, end),
                Ok(Some(Line::TooLong { number })) => {
                    self.stats.rows += 1;
                    let reason =
                        format!("the line is longer than {} MiB; NPPES rows are a few KiB", BUFFER_BYTES >> 20);
                    return Some(self.reject(number, reason));
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(source) => {
                    self.done = true;
                    let line = self.lines.line_number() + 1;
                    let err = ImportError::Read { what: self.name.clone(), source };
                    let reason = format!("reading stopped here, the rest of the file is missing: {err}");
                    self.error = Some(err);
                    return Some(self.reject(line, reason));
                }
            };
            if start == end {
                continue;
            }
            self.stats.rows += 1;
            let has_taxonomy = self.line_has_taxonomy(start, end);
            let line = &self.lines.data()[start..end];
            if !has_taxonomy
                && (self.known.is_empty() || !first_field_npi(line).is_some_and(|n| self.known.contains(&n)))
            {
                continue;
            }
            if self.fields.split(line, b',', true) == Split::OpenQuote {
                let reason = "a quoted value is not closed (NPPES rows never span lines)".to_owned();
                return Some(self.reject(number, reason));
            }
            match interpret(&self.fields, &self.columns, &self.known, number) {
                Ok(Some(item)) => {
                    if matches!(item, NppesItem::Provider { .. }) {
                        self.stats.therapists += 1;
                    }
                    return Some(item);
                }
                Ok(None) => {}
                Err(reason) => return Some(self.reject(number, reason)),
            }
        }
        None
    }
}

/// Where the next taxonomy match is, for one generation of the line buffer.
#[derive(Debug, Default)]
struct HitCache {
    generation: u64,
    from: usize,
    pos: Option<usize>,
}

/// NPIs as numbers with a cheap hash (they are already uniformly spread digits).
type KnownNpis = HashSet<u64, BuildHasherDefault<NpiHasher>>;

#[derive(Default)]
struct NpiHasher(u64);

impl Hasher for NpiHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        let x = (n ^ (n >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 29);
    }
}

/// The 10-digit number at the start of a line (`"1234567893",…`), without parsing the rest.
fn first_field_npi(line: &[u8]) -> Option<u64> {
    let rest = line.strip_prefix(b"\"").unwrap_or(line);
    let digits = rest.get(..10)?;
    if !digits.iter().all(u8::is_ascii_digit) || !matches!(rest.get(10), None | Some(b'"' | b',')) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0')))
}

/// Whether a zip entry is the NPPES data file (not its `_fileheader.csv`, not the other files).
fn is_npidata_entry(name: &str) -> bool {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
    file.starts_with("npidata_pfile_") && file.ends_with(".csv") && !file.ends_with("_fileheader.csv")
}

/// Column indexes resolved from the header.
#[derive(Debug)]
struct Columns {
    count: usize,
    npi: usize,
    entity: usize,
    organization: usize,
    last: usize,
    first: usize,
    middle: usize,
    credential: usize,
    sex: usize,
    line1: usize,
    line2: usize,
    city: usize,
    state: usize,
    postal: usize,
    country: Option<usize>,
    phone: usize,
    last_update: usize,
    deactivation: usize,
    reactivation: usize,
    /// Per slot: taxonomy code, license number, license state.
    slots: [(usize, usize, usize); TAXONOMY_SLOTS],
}

const NPI: &str = "NPI";
const ENTITY: &str = "Entity Type Code";
const ORGANIZATION: &str = "Provider Organization Name (Legal Business Name)";
const LAST: &str = "Provider Last Name (Legal Name)";
const FIRST: &str = "Provider First Name";
const MIDDLE: &str = "Provider Middle Name";
const CREDENTIAL: &str = "Provider Credential Text";
const SEX: &str = "Provider Sex Code";
/// The V1 name of `Provider Sex Code`, accepted as well.
const SEX_V1: &str = "Provider Gender Code";
const LINE1: &str = "Provider First Line Business Practice Location Address";
const LINE2: &str = "Provider Second Line Business Practice Location Address";
const CITY: &str = "Provider Business Practice Location Address City Name";
const STATE: &str = "Provider Business Practice Location Address State Name";
const POSTAL: &str = "Provider Business Practice Location Address Postal Code";
const COUNTRY: &str = "Provider Business Practice Location Address Country Code (If outside U.S.)";
const PHONE: &str = "Provider Business Practice Location Address Telephone Number";
const LAST_UPDATE: &str = "Last Update Date";
const DEACTIVATION: &str = "NPI Deactivation Date";
const REACTIVATION: &str = "NPI Reactivation Date";

impl Columns {
    fn resolve(names: &[String], file: &str) -> Result<Columns, ImportError> {
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            index.entry(name.as_str()).or_insert(i);
        }
        let mut missing = Vec::new();
        let mut need = |name: &str| -> usize {
            index.get(name).copied().unwrap_or_else(|| {
                missing.push(name.to_owned());
                0
            })
        };
        let npi = need(NPI);
        let entity = need(ENTITY);
        let organization = need(ORGANIZATION);
        let last = need(LAST);
        let first = need(FIRST);
        let middle = need(MIDDLE);
        let credential = need(CREDENTIAL);
        let sex = match index.get(SEX_V1) {
            Some(&i) if !index.contains_key(SEX) => i,
            _ => need(SEX),
        };
        let line1 = need(LINE1);
        let line2 = need(LINE2);
        let city = need(CITY);
        let state = need(STATE);
        let postal = need(POSTAL);
        let phone = need(PHONE);
        let last_update = need(LAST_UPDATE);
        let deactivation = need(DEACTIVATION);
        let reactivation = need(REACTIVATION);
        let mut slots = [(0, 0, 0); TAXONOMY_SLOTS];
        for (n, slot) in slots.iter_mut().enumerate() {
            let k = n + 1;
            *slot = (
                need(&format!("Healthcare Provider Taxonomy Code_{k}")),
                need(&format!("Provider License Number_{k}")),
                need(&format!("Provider License Number State Code_{k}")),
            );
        }
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns { file: file.to_owned(), missing });
        }
        Ok(Columns {
            count: names.len(),
            npi,
            entity,
            organization,
            last,
            first,
            middle,
            credential,
            sex,
            line1,
            line2,
            city,
            state,
            postal,
            country: index.get(COUNTRY).copied(),
            phone,
            last_update,
            deactivation,
            reactivation,
            slots,
        })
    }
}

/// Turns a split line into an item: `Ok(None)` for a row that is not for the directory.
fn interpret(fields: &Fields, cols: &Columns, known: &KnownNpis, line: u64) -> Result<Option<NppesItem>, String> {
    if fields.len() != cols.count {
        return Err(format!("has {} fields; the header has {}", fields.len(), cols.count));
    }
    let raw = |i: usize| -> Cow<'_, str> { utf8_lossy(fields.get(i)) };
    let text = |i: usize| -> String { clean(&raw(i)).to_owned() };
    let slots: Vec<usize> =
        (0..TAXONOMY_SLOTS).filter(|&n| clean(&raw(cols.slots[n].0)).eq_ignore_ascii_case(MASSAGE_TAXONOMY)).collect();
    let npi_text = text(cols.npi);
    let date = |i: usize, column: &str| -> Result<Option<Date>, String> {
        let t = text(i);
        if t.is_empty() {
            return Ok(None);
        }
        Date::parse(&t).map(Some).ok_or_else(|| format!("{column} \"{t}\" is not a date (expected MM/DD/YYYY)"))
    };

    if slots.is_empty() {
        // Not (or no longer) a massage therapist: only a deactivation of a known NPI matters.
        let Ok(npi) = Npi::parse(&npi_text) else { return Ok(None) };
        if !known.contains(&npi.get()) {
            return Ok(None);
        }
        let deactivated = date(cols.deactivation, DEACTIVATION)?;
        let reactivated = date(cols.reactivation, REACTIVATION)?;
        return Ok(match deactivated {
            Some(d) if reactivated.is_none_or(|r| r < d) => Some(NppesItem::Deactivated { npi, date: d, line }),
            _ => None,
        });
    }

    let npi =
        Npi::parse(&npi_text).map_err(|_| format!("NPI \"{npi_text}\" is not 10 digits with a valid check digit"))?;
    let kind = match text(cols.entity).as_str() {
        "1" => EntityKind::Individual,
        "2" => EntityKind::Organization,
        other => return Err(format!("{ENTITY} \"{other}\" is neither 1 (individual) nor 2 (organization)")),
    };
    let (name, last_name, first_name) = match kind {
        EntityKind::Individual => {
            let (first, middle, last) = (text(cols.first), text(cols.middle), text(cols.last));
            let name = [first.as_str(), middle.as_str(), last.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            (name, last, first)
        }
        EntityKind::Organization => (text(cols.organization), String::new(), String::new()),
    };
    let sex = match text(cols.sex).to_ascii_uppercase().as_str() {
        "M" => Some('M'),
        "F" => Some('F'),
        _ => None,
    };
    let country = cols.country.map(text).unwrap_or_default();
    let practice = Address {
        line1: text(cols.line1),
        line2: text(cols.line2),
        city: text(cols.city),
        state: StateCode::parse(&text(cols.state)).ok(),
        postal_code: postal_code(&text(cols.postal), &country),
        phone: text(cols.phone),
    };
    let mut licenses: Vec<ClaimedLicense> = Vec::new();
    for &n in &slots {
        let (_, number_col, state_col) = cols.slots[n];
        let number = text(number_col);
        let Ok(state) = StateCode::parse(&text(state_col)) else { continue };
        if normalize_license(&number).is_none() {
            continue;
        }
        let claim = ClaimedLicense { state, number };
        if !licenses.contains(&claim) {
            licenses.push(claim);
        }
    }
    let record = ProviderRecord {
        npi,
        kind,
        name,
        last_name,
        first_name,
        credential: text(cols.credential),
        sex,
        practice,
        licenses,
        last_update: date(cols.last_update, LAST_UPDATE)?,
        deactivated: date(cols.deactivation, DEACTIVATION)?,
        reactivated: date(cols.reactivation, REACTIVATION)?,
    };
    Ok(Some(NppesItem::Provider { record, line }))
}

/// A US five-digit ZIP from a 5- or 9-digit postal code (`981011234` → `98101`); `None` for
/// foreign addresses and anything else.
fn postal_code(raw: &str, country: &str) -> Option<String> {
    if !country.is_empty() && !country.eq_ignore_ascii_case("US") {
        return None;
    }
    let b = raw.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let ok = match b.len() {
        5 | 9 => digits(b),
        10 => b[5] == b'-' && digits(&b[..5]) && digits(&b[6..]),
        _ => false,
    };
    ok.then(|| raw[..5].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes() {
        assert_eq!(postal_code("981011234", "").as_deref(), Some("98101"));
        assert_eq!(postal_code("98101", "US").as_deref(), Some("98101"));
        assert_eq!(postal_code("98101-1234", "").as_deref(), Some("98101"));
        assert_eq!(postal_code("98101", "CA"), None);
        assert_eq!(postal_code("M5V3L9", ""), None);
        assert_eq!(postal_code("1234", ""), None);
        assert_eq!(postal_code("", ""), None);
    }

    #[test]
    fn npi_at_line_start() {
        assert_eq!(first_field_npi(br#""1234567893","1""#), Some(1_234_567_893));
        assert_eq!(first_field_npi(b"1234567893,1"), Some(1_234_567_893));
        assert_eq!(first_field_npi(br#""12345678931","1""#), None);
        assert_eq!(first_field_npi(br#""12345""#), None);
    }

    #[test]
    fn zip_entry_names() {
        assert!(is_npidata_entry("npidata_pfile_20050523-20261109.csv"));
        assert!(is_npidata_entry("NPIDATA_PFILE_20261102-20261108.CSV"));
        assert!(is_npidata_entry("dir/npidata_pfile_x.csv"));
        assert!(!is_npidata_entry("npidata_pfile_20050523-20261109_fileheader.csv"));
        assert!(!is_npidata_entry("npidata_pfile_20050523-20261109_FileHeader.csv"));
        assert!(!is_npidata_entry("othername_pfile_20050523-20261109.csv"));
    }
}
