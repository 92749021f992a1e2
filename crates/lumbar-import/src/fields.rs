//! Splitting one CSV record into fields, and the small text clean-ups every reader shares.
//!
//! The splitter is RFC 4180 with the `csv` crate's leniency: a quote only opens a quoted field
//! at the start of a field, `""` inside quotes is one quote, and text after a closing quote up
//! to the delimiter is kept. With quoting off (Florida) every byte is literal.

use std::borrow::Cow;

/// The fields of one record, stored in one reused buffer.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    buf: Vec<u8>,
    ends: Vec<usize>,
}

/// Whether a record ended inside a quoted field (it continues on the next physical line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    Complete,
    OpenQuote,
}

impl Fields {
    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`, empty when out of range.
    pub(crate) fn get(&self, i: usize) -> &[u8] {
        match self.ends.get(i) {
            Some(&end) => {
                let start = if i == 0 { 0 } else { self.ends[i - 1] };
                &self.buf[start..end]
            }
            None => &[],
        }
    }

    /// Drops the last field (a trailing delimiter's empty field).
    pub(crate) fn pop(&mut self) {
        self.ends.pop();
    }

    /// Splits `line` into fields.
    ///
    /// A plain byte loop writing into a buffer sized once: NPPES fields are a few bytes long,
    /// so per-field `memchr` calls cost more than they save.
    pub(crate) fn split(&mut self, line: &[u8], delimiter: u8, quoting: bool) -> Split {
        self.ends.clear();
        self.buf.clear();
        self.buf.resize(line.len(), 0);
        let out = &mut self.buf[..];
        let mut o = 0;
        let mut i = 0;
        let n = line.len();
        let mut outcome = Split::Complete;
        loop {
            if quoting && i < n && line[i] == b'"' {
                i += 1;
                loop {
                    if i == n {
                        outcome = Split::OpenQuote;
                        break;
                    }
                    let b = line[i];
                    i += 1;
                    if b == b'"' {
                        if i < n && line[i] == b'"' {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    out[o] = b;
                    o += 1;
                }
            }
            // Unquoted text, or what follows a closing quote, up to the delimiter.
            while i < n && line[i] != delimiter {
                out[o] = line[i];
                o += 1;
                i += 1;
            }
            self.ends.push(o);
            if i >= n {
                break;
            }
            i += 1;
        }
        self.buf.truncate(o);
        outcome
    }
}

/// Bytes as text: UTF-8 with invalid bytes replaced (never an error).
pub(crate) fn utf8_lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Bytes as ISO-8859-1 (Latin-1) text: every byte is the code point of the same value.
pub(crate) fn latin1(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.is_ascii() {
        // ASCII is valid UTF-8 and the same in Latin-1.
        String::from_utf8_lossy(bytes)
    } else {
        Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

/// A value with surrounding spaces removed, and the placeholders CMS writes for "no value"
/// (the literal `NULL`; masked identifiers like `$$$$$$$$$`, `********`, `_________`)
/// turned into the empty string.
pub(crate) fn clean(value: &str) -> &str {
    let t = value.trim();
    if t == "NULL" || (!t.is_empty() && t.bytes().all(|b| matches!(b, b'$' | b'*' | b'_'))) { "" } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str, delimiter: u8, quoting: bool) -> (Vec<String>, Split) {
        let mut f = Fields::default();
        let s = f.split(line.as_bytes(), delimiter, quoting);
        ((0..f.len()).map(|i| String::from_utf8_lossy(f.get(i)).into_owned()).collect(), s)
    }

    #[test]
    fn quoted_unquoted_escaped_and_empty_fields() {
        assert_eq!(
            split(r#""a","b,c","","d""e""#, b',', true),
            (vec!["a".into(), "b,c".into(), "".into(), "d\"e".into()], Split::Complete)
        );
        assert_eq!(split("a,,b,", b',', true), (vec!["a".into(), "".into(), "b".into(), "".into()], Split::Complete));
        assert_eq!(split("", b',', true), (vec!["".into()], Split::Complete));
        assert_eq!(split(r#"x"y,"z"w"#, b',', true), (vec!["x\"y".into(), "zw".into()], Split::Complete));
        assert_eq!(split(r#""open,"#, b',', true).1, Split::OpenQuote);
    }

    #[test]
    fn unquoted_mode_keeps_stray_quotes() {
        assert_eq!(split(r#"A|"DE||"#, b'|', false).0, vec!["A", "\"DE", "", ""]);
    }

    #[test]
    fn cleaning_placeholders() {
        assert_eq!(clean(" NULL "), "");
        assert_eq!(clean("$$$$$$$$$"), "");
        assert_eq!(clean("********"), "");
        assert_eq!(clean("____"), "");
        assert_eq!(clean(" MA123 "), "MA123");
        assert_eq!(clean("Null"), "Null");
    }

    #[test]
    fn latin1_decoding() {
        assert_eq!(latin1(b"N\xfa\xf1ez"), "Núñez");
        assert_eq!(utf8_lossy(b"N\xfa"), "N\u{fffd}");
    }
}
