//! Reading one roster file with a [`Profile`].

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use lumbar_core::directory::{Date, RosterRecord, RosterStatus, StateCode, normalize_license};

use super::profile::{DateFormat, Encoding, NameFormat, Profile, combine_statuses};
use crate::error::ImportError;
use crate::fields::{Fields, Split, latin1, utf8_lossy};
use crate::header;
use crate::lines::{Line, LineBuffer};
use crate::source;

/// Buffer size: the longest line, and the longest record (a quoted value may span lines).
const BUFFER_BYTES: usize = 1 << 20;

/// What one roster row means.
#[derive(Clone, Debug, PartialEq)]
pub enum RosterItem {
    /// A massage-therapist license.
    License(RosterRecord),
    /// Another profession, a business, or an establishment license (counted, not kept).
    NotMassage {
        /// 1-based line where the row starts.
        line: u64,
    },
    /// A row that could not be used. Show it as `line {line}: {reason}`.
    Rejected {
        /// 1-based line where the row starts.
        line: u64,
        /// What is wrong (without the line number).
        reason: String,
    },
}

/// Counters for progress and the import report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterStats {
    /// Data rows seen (header and blank lines not counted).
    pub rows: u64,
    /// Massage licenses returned.
    pub licenses: u64,
    /// Rows of other professions or businesses.
    pub not_massage: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// Status texts a status column does not map, among massage licenses: `column: text` as
    /// written (`column: (empty)` for an empty value) → rows. Counted whatever the row's
    /// combined status is.
    pub unknown_statuses: BTreeMap<String, u64>,
    /// Bytes read so far (uncompressed).
    pub bytes_read: u64,
    /// Size of the file (or zip entry) when known.
    pub total_bytes: Option<u64>,
}

/// Streaming reader of one state roster.
pub struct RosterReader {
    lines: LineBuffer,
    name: String,
    plan: Plan,
    fields: Fields,
    record: Vec<u8>,
    /// The unknown status keys of the row being read.
    unknown: Vec<String>,
    stats: RosterStats,
    error: Option<ImportError>,
    done: bool,
}

impl RosterReader {
    /// Opens `path` (the file, or a zip holding one `.csv`/`.txt`) and checks its header
    /// against the columns `profile` needs.
    pub fn open(path: &Path, profile: &Profile) -> Result<RosterReader, ImportError> {
        profile.validate()?;
        let input = source::open_input(
            path,
            |n| {
                let n = n.to_ascii_lowercase();
                n.ends_with(".csv") || n.ends_with(".txt")
            },
            |entries| ImportError::NoDataEntry {
                path: path.to_owned(),
                wanted: "roster (.csv or .txt entry)".to_owned(),
                entries,
            },
        )?;
        let mut lines = LineBuffer::new(input.reader, BUFFER_BYTES);
        let mut fields = Fields::default();
        let latin1_names = profile.encoding == Encoding::Latin1;
        let delimiter = profile.delimiter as u8;
        let header =
            header::read_header(&mut lines, &mut fields, &input.name, delimiter, profile.quoting, latin1_names)?;
        let plan = Plan::new(profile, &header, &input.name)?;
        let stats = RosterStats { total_bytes: input.total_bytes, ..RosterStats::default() };
        Ok(RosterReader {
            lines,
            name: input.name,
            plan,
            fields,
            record: Vec::new(),
            unknown: Vec::new(),
            stats,
            error: None,
            done: false,
        })
    }

    /// Counters so far.
    pub fn stats(&self) -> RosterStats {
        RosterStats { bytes_read: self.lines.bytes_read(), ..self.stats.clone() }
    }

    /// The read error that ended the iteration early, if any (also returned as a final
    /// `Rejected` item).
    pub fn read_error(&self) -> Option<&ImportError> {
        self.error.as_ref()
    }

    fn reject(&mut self, line: u64, reason: String) -> RosterItem {
        self.stats.rejected += 1;
        RosterItem::Rejected { line, reason }
    }

    fn read_failed(&mut self, source: std::io::Error) -> RosterItem {
        self.done = true;
        let line = self.lines.line_number() + 1;
        let err = ImportError::Read { what: self.name.clone(), source };
        let reason = format!("reading stopped here, the rest of the file is missing: {err}");
        self.error = Some(err);
        self.reject(line, reason)
    }

    /// Completes a record whose quoted value continues on the next lines. `Err` is the
    /// rejection reason.
    fn continue_record(&mut self) -> Result<Result<(), String>, std::io::Error> {
        loop {
            match self.lines.next_line()? {
                None => return Ok(Err("a quoted value is not closed before the end of the file".to_owned())),
                Some(Line::TooLong { .. }) => {
                    return Ok(Err("a quoted value runs over a line longer than 1 MiB".to_owned()));
                }
                Some(Line::Text { start, end, .. }) => {
                    let more = &self.lines.data()[start..end];
                    // Without a quote the value is still open: no need to split again.
                    let may_close = more.contains(&b'"');
                    self.record.push(b'\n');
                    self.record.extend_from_slice(more);
                    if self.record.len() > BUFFER_BYTES {
                        return Ok(Err("a quoted value is not closed within 1 MiB".to_owned()));
                    }
                    if may_close && self.fields.split(&self.record, self.plan.delimiter, true) == Split::Complete {
                        return Ok(Ok(()));
                    }
                }
            }
        }
    }
}

impl Iterator for RosterReader {
    type Item = RosterItem;

    fn next(&mut self) -> Option<RosterItem> {
        while !self.done {
            let (number, start, end) = match self.lines.next_line() {
                Ok(Some(Line::Text { number, start, end })) => (number, start, end),
                Ok(Some(Line::TooLong { number })) => {
                    self.stats.rows += 1;
                    return Some(self.reject(number, "the line is longer than 1 MiB".to_owned()));
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => return Some(self.read_failed(e)),
            };
            if start == end {
                continue;
            }
            self.stats.rows += 1;
            let line = &self.lines.data()[start..end];
            if self.fields.split(line, self.plan.delimiter, self.plan.quoting) == Split::OpenQuote {
                self.record.clear();
                self.record.extend_from_slice(line);
                match self.continue_record() {
                    Ok(Ok(())) => {}
                    Ok(Err(reason)) => return Some(self.reject(number, reason)),
                    Err(e) => return Some(self.read_failed(e)),
                }
            }
            self.unknown.clear();
            let item = match self.plan.interpret(&mut self.fields, number, &mut self.unknown) {
                Ok(Some(record)) => {
                    for key in self.unknown.drain(..) {
                        *self.stats.unknown_statuses.entry(key).or_insert(0) += 1;
                    }
                    self.stats.licenses += 1;
                    RosterItem::License(record)
                }
                Ok(None) => {
                    self.stats.not_massage += 1;
                    RosterItem::NotMassage { line: number }
                }
                Err(reason) => self.reject(number, reason),
            };
            return Some(item);
        }
        None
    }
}

/// A profile resolved against one file's header.
struct Plan {
    state: StateCode,
    delimiter: u8,
    quoting: bool,
    encoding: Encoding,
    trailing_delimiter: bool,
    columns: usize,
    license: usize,
    license_prefix: Option<usize>,
    names: Names,
    credential: usize,
    massage: Vec<(usize, Vec<String>)>,
    entity: Option<(usize, Vec<String>, Vec<String>)>,
    /// Status columns: index, name, lower-cased text → status.
    status: Vec<(usize, String, HashMap<String, RosterStatus>)>,
    expiry: Option<(usize, String, Vec<DateFormat>)>,
    flag: Option<(usize, String, Vec<String>)>,
    discipline_texts: Vec<usize>,
    /// Marker columns: index and name.
    discipline_markers: Vec<(usize, String)>,
    discipline_none: Vec<String>,
}

enum Names {
    Split { last: usize, first: Option<usize> },
    Full { column: usize, format: NameFormat },
}

fn lower_all(values: &[String]) -> Vec<String> {
    values.iter().map(|v| v.trim().to_lowercase()).collect()
}

impl Plan {
    fn new(profile: &Profile, header: &[String], file: &str) -> Result<Plan, ImportError> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            index.entry(name.as_str()).or_insert(i);
        }
        let missing: Vec<String> =
            profile.required_columns().into_iter().filter(|c| !index.contains_key(c)).map(str::to_owned).collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns { file: file.to_owned(), missing });
        }
        // Every required column is present from here on.
        let col = |name: &str| index.get(name).copied().unwrap_or(0);
        let names = match (&profile.last_name_column, &profile.full_name_column, profile.full_name_format) {
            (Some(last), _, _) => {
                Names::Split { last: col(last), first: profile.first_name_column.as_deref().map(col) }
            }
            (None, Some(full), format) => {
                Names::Full { column: col(full), format: format.unwrap_or(NameFormat::FirstLast) }
            }
            (None, None, _) => {
                return Err(ImportError::Profile { name: profile.name.clone(), reason: "no name column".to_owned() });
            }
        };
        let mut massage = vec![(col(&profile.credential_column), lower_all(&profile.massage_credentials))];
        massage.extend(profile.massage_also_when.iter().map(|r| (col(&r.column), lower_all(&r.values))));
        let status = profile
            .status_columns
            .iter()
            .map(|sc| {
                let map = sc.mapped().map(|(t, status)| (t.trim().to_lowercase(), status)).collect();
                (col(&sc.column), sc.column.trim().to_owned(), map)
            })
            .collect();
        let d = &profile.discipline;
        Ok(Plan {
            state: profile.state_code()?,
            delimiter: profile.delimiter as u8,
            quoting: profile.quoting,
            encoding: profile.encoding,
            trailing_delimiter: profile.trailing_delimiter,
            columns: header.len(),
            license: col(&profile.license_column),
            license_prefix: profile.license_prefix_column.as_deref().map(col),
            names,
            credential: col(&profile.credential_column),
            massage,
            entity: profile
                .entity_filter
                .as_ref()
                .map(|f| (col(&f.column), lower_all(&f.include), lower_all(&f.exclude))),
            status,
            expiry: profile.expiry_column.as_deref().map(|c| (col(c), c.to_owned(), profile.expiry_formats.clone())),
            flag: d.flag_column.as_deref().map(|c| (col(c), c.to_owned(), lower_all(&d.flag_values))),
            discipline_texts: d.text_columns.iter().map(|c| col(c)).collect(),
            discipline_markers: d.marker_columns.iter().map(|c| (col(c), c.trim().to_owned())).collect(),
            discipline_none: lower_all(&d.text_none_values),
        })
    }

    /// `Ok(None)`: not a massage-therapist license. The `column: text` keys of status texts no
    /// column maps are pushed to `unknown` (only kept by the caller for licenses).
    fn interpret(
        &self,
        fields: &mut Fields,
        line: u64,
        unknown: &mut Vec<String>,
    ) -> Result<Option<RosterRecord>, String> {
        if self.trailing_delimiter && fields.len() > self.columns && fields.get(fields.len() - 1).is_empty() {
            fields.pop();
        }
        if fields.len() != self.columns {
            return Err(format!("has {} fields; the header has {}", fields.len(), self.columns));
        }
        let text = |i: usize| -> String {
            let raw: Cow<'_, str> = match self.encoding {
                Encoding::Utf8 => utf8_lossy(fields.get(i)),
                Encoding::Latin1 => latin1(fields.get(i)),
            };
            raw.trim().to_owned()
        };
        if let Some((column, include, exclude)) = &self.entity {
            let value = text(*column).to_lowercase();
            if (!include.is_empty() && !include.contains(&value)) || exclude.contains(&value) {
                return Ok(None);
            }
        }
        if !self.massage.iter().any(|(column, values)| values.contains(&text(*column).to_lowercase())) {
            return Ok(None);
        }

        let number = text(self.license);
        let license_number = match self.license_prefix {
            Some(p) => format!("{}{number}", text(p)),
            None => number,
        };
        let license_key = normalize_license(&license_number)
            .ok_or_else(|| format!("license number \"{license_number}\" is empty or masked"))?;
        let (last_name, first_name) = match &self.names {
            Names::Split { last, first } => (text(*last), first.map(text).unwrap_or_default()),
            Names::Full { column, format } => split_full_name(&text(*column), *format),
        };
        if last_name.is_empty() {
            return Err(format!("license {license_number} has no last name"));
        }
        // Every status column gives a status (an unlisted text: Unknown); the worst one wins.
        let mut statuses = Vec::with_capacity(self.status.len());
        let mut shown = Vec::with_capacity(self.status.len());
        for (column, name, map) in &self.status {
            let t = text(*column);
            let status = map.get(&t.to_lowercase()).copied().unwrap_or_else(|| {
                unknown.push(format!("{name}: {}", if t.is_empty() { "(empty)" } else { t.as_str() }));
                RosterStatus::Unknown
            });
            statuses.push(status);
            shown.push((name, t));
        }
        let status = combine_statuses(statuses);
        // Evidence: the text as written; with several columns `column: text; …` (empty ones left out).
        let status_text = match shown.as_slice() {
            [(_, t)] => t.clone(),
            _ => shown
                .iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(name, t)| format!("{name}: {t}"))
                .collect::<Vec<_>>()
                .join("; "),
        };
        let expires = match &self.expiry {
            Some((column, name, formats)) => parse_expiry(&text(*column), name, formats)?,
            None => None,
        };
        let mut discipline: Vec<String> = Vec::new();
        if let Some((column, name, values)) = &self.flag {
            let v = text(*column);
            if values.contains(&v.to_lowercase()) {
                discipline.push(format!("{name}: {v}"));
            }
        }
        let present = |t: &String| !t.is_empty() && !self.discipline_none.contains(&t.to_lowercase());
        let markers: Vec<String> = self
            .discipline_markers
            .iter()
            .map(|(c, name)| (name, text(*c)))
            .filter(|(_, t)| present(t))
            .map(|(name, t)| format!("{name}: {t}"))
            .collect();
        if !markers.is_empty() {
            // A case number or a discipline date says more than a yes/no flag…
            discipline = markers;
        }
        let texts: Vec<String> = self.discipline_texts.iter().map(|&c| text(c)).filter(present).collect();
        if !texts.is_empty() {
            // …and a descriptive text says the most.
            discipline = texts;
        }
        Ok(Some(RosterRecord {
            state: self.state,
            license_number,
            license_key,
            credential_type: text(self.credential),
            last_name,
            first_name,
            status,
            status_text,
            expires,
            disciplined: !discipline.is_empty(),
            discipline_text: discipline.join("; "),
            source_line: line,
        }))
    }
}

fn parse_expiry(t: &str, column: &str, formats: &[DateFormat]) -> Result<Option<Date>, String> {
    if t.is_empty() {
        return Ok(None);
    }
    match DateFormat::of(t) {
        Some(f) if formats.contains(&f) => {
            Date::parse(t).map(Some).ok_or_else(|| format!("{column} \"{t}\" is not a real date"))
        }
        _ => {
            let accepted: Vec<&str> = formats.iter().map(|f| f.as_str()).collect();
            Err(format!("{column} \"{t}\" is not a date in an accepted format ({})", accepted.join(", ")))
        }
    }
}

const SUFFIXES: [&str; 10] = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "md", "lmt"];

/// (last, first) from a whole-name value.
fn split_full_name(full: &str, format: NameFormat) -> (String, String) {
    if format == NameFormat::LastCommaFirst
        && let Some((last, rest)) = full.split_once(',')
    {
        let first = rest.split_whitespace().next().unwrap_or("");
        return (last.trim().to_owned(), first.to_owned());
    }
    let mut words: Vec<&str> = full.split_whitespace().collect();
    while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(&w.to_lowercase().as_str())) {
        words.pop();
    }
    let last = words.pop().unwrap_or("");
    let first = if words.is_empty() { "" } else { words[0] };
    (last.to_owned(), first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names() {
        let s = |t, f| split_full_name(t, f);
        assert_eq!(s("MARIA L NUNEZ", NameFormat::FirstLast), ("NUNEZ".into(), "MARIA".into()));
        assert_eq!(s("JOHN SMITH JR", NameFormat::FirstLast), ("SMITH".into(), "JOHN".into()));
        assert_eq!(s("SMITH, JOHN A", NameFormat::LastCommaFirst), ("SMITH".into(), "JOHN".into()));
        assert_eq!(s("JOHN SMITH", NameFormat::LastCommaFirst), ("SMITH".into(), "JOHN".into()));
        assert_eq!(s("", NameFormat::FirstLast), (String::new(), String::new()));
    }

    #[test]
    fn expiry_formats() {
        let f = [DateFormat::MonthDayYear, DateFormat::Socrata];
        assert_eq!(parse_expiry("04/30/2027", "x", &f), Ok(Date::new(2027, 4, 30)));
        assert_eq!(parse_expiry("2027-04-30T00:00:00.000", "x", &f), Ok(Date::new(2027, 4, 30)));
        assert_eq!(parse_expiry("", "x", &f), Ok(None));
        assert!(parse_expiry("2027-04-30", "x", &f).unwrap_err().contains("accepted format (MM/DD/YYYY, socrata)"));
        assert!(parse_expiry("02/30/2027", "x", &f).unwrap_err().contains("not a real date"));
    }
}
