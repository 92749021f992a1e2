//! The header line of a delimited file: found (leading blank lines skipped), checked to be a
//! header at all, and split into trimmed column names. Readers then resolve the columns they
//! need by name.

use crate::error::ImportError;
use crate::fields::{Fields, Split, latin1, utf8_lossy};
use crate::lines::{Line, LineBuffer};

/// Reads the first non-blank line as the header; `latin1` decodes names as ISO-8859-1.
pub(crate) fn read_header(
    lines: &mut LineBuffer,
    fields: &mut Fields,
    file: &str,
    delimiter: u8,
    quoting: bool,
    latin1_names: bool,
) -> Result<Vec<String>, ImportError> {
    let not_csv = |reason: String| ImportError::HeaderNotCsv { file: file.to_owned(), reason };
    loop {
        match lines.next_line() {
            Err(source) => return Err(ImportError::Read { what: file.to_owned(), source }),
            Ok(None) => return Err(ImportError::Empty { file: file.to_owned() }),
            Ok(Some(Line::TooLong { .. })) => {
                return Err(not_csv(format!("it is longer than {} MiB", lines.capacity() >> 20)));
            }
            Ok(Some(Line::Text { start, end, .. })) if start == end => {}
            Ok(Some(Line::Text { start, end, .. })) => {
                let line = &lines.data()[start..end];
                return names(line, fields, delimiter, quoting, latin1_names).map_err(not_csv);
            }
        }
    }
}

/// Splits a header line into trimmed names (BOM removed), refusing what cannot be a header.
fn names(
    line: &[u8],
    fields: &mut Fields,
    delimiter: u8,
    quoting: bool,
    latin1_names: bool,
) -> Result<Vec<String>, String> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    if line.contains(&0) {
        return Err("it contains binary data (is this a compressed or spreadsheet file?)".to_owned());
    }
    if fields.split(line, delimiter, quoting) == Split::OpenQuote {
        return Err("a quoted column name is not closed".to_owned());
    }
    if fields.len() < 2 {
        let shown: String = utf8_lossy(line).chars().take(80).collect();
        return Err(format!("it has no '{}' separators: \"{shown}\"", char::from(delimiter)));
    }
    let decode = |b: &[u8]| if latin1_names { latin1(b).trim().to_owned() } else { utf8_lossy(b).trim().to_owned() };
    Ok((0..fields.len()).map(|i| decode(fields.get(i))).collect())
}
