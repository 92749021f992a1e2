//! Date arithmetic and the text forms the generated files use.

use lumbar_core::directory::Date;

/// `date` moved by `days`.
pub(crate) fn days_from(date: Date, days: i64) -> Date {
    Date::from_days_since_epoch(date.days_since_epoch() + days)
}

/// `MM/DD/YYYY` (NPPES, Texas, Florida, Illinois).
pub(crate) fn mdy(d: Date) -> String {
    let iso = d.to_string();
    format!("{}/{}/{}", &iso[5..7], &iso[8..10], &iso[..4])
}

/// Socrata floating timestamp `YYYY-MM-DDT00:00:00.000`.
pub(crate) fn socrata(d: Date) -> String {
    format!("{d}T00:00:00.000")
}

/// `YYYYMMDD`.
pub(crate) fn compact(d: Date) -> String {
    d.to_string().replace('-', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_parse_back() {
        let d = Date::new(2027, 4, 3).unwrap();
        assert_eq!(mdy(d), "04/03/2027");
        for text in [mdy(d), socrata(d), compact(d)] {
            assert_eq!(Date::parse(&text), Some(d));
        }
        assert_eq!(days_from(d, 28), Date::new(2027, 5, 1).unwrap());
    }

    #[test]
    fn the_default_today_is_2026_11_25() {
        assert_eq!(super::super::SynthConfig::default_today(), Date::new(2026, 11, 25).unwrap());
    }
}
