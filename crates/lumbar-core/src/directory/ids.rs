//! Identifiers that are parsed once and trusted after: NPI, US state code, and the
//! normalised form of a license number used for matching.

use std::fmt;

/// A National Provider Identifier: 10 digits with a valid Luhn check digit over `80840`
/// + the NPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Npi(u64);

impl Npi {
    /// Parses and checks an NPI.
    pub fn parse(text: &str) -> Result<Npi, String> {
        let t = text.trim();
        if t.len() != 10 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err("an NPI is exactly 10 digits".to_owned());
        }
        let digits = "80840".bytes().chain(t.bytes()).map(|b| u32::from(b - b'0'));
        let sum: u32 = digits
            .collect::<Vec<_>>()
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| {
                if i % 2 == 1 {
                    let x = d * 2;
                    if x > 9 { x - 9 } else { x }
                } else {
                    d
                }
            })
            .sum();
        if !sum.is_multiple_of(10) {
            return Err("the NPI check digit is wrong".to_owned());
        }
        Ok(Npi(t.parse().map_err(|_| "an NPI is exactly 10 digits".to_owned())?))
    }

    /// Computes the check digit for the first 9 digits (used by the generator).
    pub fn with_check_digit(first9: u64) -> Npi {
        for d in 0..10 {
            let n = first9 * 10 + d;
            if Npi::parse(&format!("{n:010}")).is_ok() {
                return Npi(n);
            }
        }
        unreachable!("one of ten check digits always satisfies Luhn")
    }

    /// The number.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Npi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:010}", self.0)
    }
}

impl serde::Serialize for Npi {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

const STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
];

/// A US state, DC or territory, as its two-letter USPS code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StateCode([u8; 2]);

impl StateCode {
    /// Parses a USPS code (case-insensitive).
    pub fn parse(text: &str) -> Result<StateCode, String> {
        let t = text.trim().to_ascii_uppercase();
        if STATES.contains(&t.as_str()) {
            let b = t.as_bytes();
            Ok(StateCode([b[0], b[1]]))
        } else {
            Err("not a US state or territory code (two letters, e.g. WA)".to_owned())
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for StateCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Normalises a license number for matching (data-sources.md §2.8): the last run of digits
/// with leading zeros stripped (`MA60123456` → `60123456`, `LMT.00123` → `123`). Numbers
/// without digits normalise to their upper-cased alphanumerics. Empty and masked values
/// (`$$$$`, `****`, `____`, `NULL`) give `None`.
pub fn normalize_license(raw: &str) -> Option<String> {
    let t = raw.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("null") || t.chars().all(|c| matches!(c, '$' | '*' | '_' | '-' | ' ')) {
        return None;
    }
    let bytes = t.as_bytes();
    let end = bytes.iter().rposition(u8::is_ascii_digit);
    match end {
        Some(end) => {
            let start = bytes[..=end].iter().rposition(|b| !b.is_ascii_digit()).map_or(0, |i| i + 1);
            let digits = t[start..=end].trim_start_matches('0');
            Some(if digits.is_empty() { "0".to_owned() } else { digits.to_owned() })
        }
        None => {
            let s: String = t.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase();
            (!s.is_empty()).then_some(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npi_luhn() {
        assert!(Npi::parse("1234567893").is_ok());
        assert!(Npi::parse("1234567890").is_err());
        assert!(Npi::parse("123456789").is_err());
        assert_eq!(Npi::with_check_digit(123_456_789).to_string(), "1234567893");
    }

    #[test]
    fn states() {
        assert_eq!(StateCode::parse("wa").unwrap().as_str(), "WA");
        assert!(StateCode::parse("XX").is_err());
        assert!(StateCode::parse("NULL").is_err());
    }

    #[test]
    fn license_normalisation() {
        assert_eq!(normalize_license("MA60123456").as_deref(), Some("60123456"));
        assert_eq!(normalize_license("MA0012345").as_deref(), Some("12345"));
        assert_eq!(normalize_license("LMT-00123").as_deref(), Some("123"));
        assert_eq!(normalize_license(" 7890 ").as_deref(), Some("7890"));
        assert_eq!(normalize_license("MT.12345.LIC").as_deref(), Some("12345"));
        assert_eq!(normalize_license("$$$$$$$$$"), None);
        assert_eq!(normalize_license("NULL"), None);
        assert_eq!(normalize_license(""), None);
        assert_eq!(normalize_license("ABC"), Some("ABC".into()));
    }
}
