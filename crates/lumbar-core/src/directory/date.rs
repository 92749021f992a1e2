//! Calendar dates as the official files write them (`MM/DD/YYYY`, `YYYY-MM-DD`,
//! `YYYYMMDD`, Socrata's `YYYY-MM-DDT00:00:00.000`), stored and compared as ISO dates.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) && (1800..=9999).contains(&year))
            .then_some(Date { year, month, day })
    }

    /// Parses any of the formats the official files use. Empty text is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let t = t.split('T').next().unwrap_or(t);
        let num = |s: &str| s.parse::<i32>().ok();
        if let [m, d, y] = t.split('/').collect::<Vec<_>>()[..] {
            return Date::new(num(y)?, num(m)? as u8, num(d)? as u8);
        }
        if let [y, m, d] = t.split('-').collect::<Vec<_>>()[..] {
            return Date::new(num(y)?, num(m)? as u8, num(d)? as u8);
        }
        if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
            return Date::new(num(&t[..4])?, num(&t[4..6])? as u8, num(&t[6..])? as u8);
        }
        None
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_official_format() {
        let want = Date::new(2027, 4, 30).unwrap();
        for t in ["04/30/2027", "2027-04-30", "20270430", "2027-04-30T00:00:00.000", " 4/30/2027 "] {
            assert_eq!(Date::parse(t), Some(want), "{t}");
        }
        for bad in ["", "NULL", "02/30/2027", "13/01/2027", "2027-4", "abc"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn epoch_days_round_trip() {
        for d in [Date::new(1970, 1, 1).unwrap(), Date::new(2000, 2, 29).unwrap(), Date::new(2026, 11, 25).unwrap()] {
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        }
        assert_eq!(Date::new(1970, 1, 2).unwrap().days_since_epoch(), 1);
    }
}
