//! Roster profiles: how one state's file is laid out and what its values mean, as data
//! (`crates/lumbar-import/profiles/<code>.toml`, compiled in). Every field is documented in
//! the TOML files themselves; [`Profile::from_toml`] checks a profile before any file is read.

use std::collections::HashSet;

use lumbar_core::directory::{RosterStatus, StateCode};
use serde::Deserialize;

use crate::error::ImportError;

/// The shipped profiles: code and TOML text.
const SHIPPED: [(&str, &str); 6] = [
    ("wa", include_str!("../../profiles/wa.toml")),
    ("co", include_str!("../../profiles/co.toml")),
    ("ct", include_str!("../../profiles/ct.toml")),
    ("tx", include_str!("../../profiles/tx.toml")),
    ("fl", include_str!("../../profiles/fl.toml")),
    ("il", include_str!("../../profiles/il.toml")),
];

/// How one state's roster file is read.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// USPS code of the issuing state (`WA`); its lower case is the profile's code.
    pub state: String,
    /// Human name of the roster.
    pub name: String,
    /// Where the file is downloaded.
    pub source: String,
    /// Field separator, one ASCII character.
    pub delimiter: char,
    /// RFC 4180 quoting (`true`), or every byte literal (`false`, Florida).
    pub quoting: bool,
    /// Text encoding of the file.
    pub encoding: Encoding,
    /// Rows may end with one extra empty field from a trailing delimiter (Florida).
    #[serde(default)]
    pub trailing_delimiter: bool,
    /// The exact header the state publishes (`shared/formats/roster-XX.csv`).
    pub expected_columns: Vec<String>,
    /// License number.
    pub license_column: String,
    /// A column whose value is prefixed to the number (Florida `Rank-Code` + `License-Number`).
    #[serde(default)]
    pub license_prefix_column: Option<String>,
    /// Last name (with `first_name_column`), or use `full_name_column`.
    #[serde(default)]
    pub last_name_column: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name_column: Option<String>,
    /// One column with the whole name (Connecticut `name`, Texas `owner_name`).
    #[serde(default)]
    pub full_name_column: Option<String>,
    /// How the whole name is written.
    #[serde(default)]
    pub full_name_format: Option<NameFormat>,
    /// The credential / license type / profession column.
    pub credential_column: String,
    /// Values of `credential_column` (case-insensitive) that are massage-therapist licenses.
    pub massage_credentials: Vec<String>,
    /// Further rules that also mark a row as massage therapy (any one suffices).
    #[serde(default)]
    pub massage_also_when: Vec<ColumnValues>,
    /// The status columns, each with its own map (Florida has two, Connecticut three); the
    /// row's status is the worst of them ([`combine_statuses`]). Empty when the roster has no
    /// status column (Texas: the status comes from the expiry date).
    #[serde(default)]
    pub status_columns: Vec<StatusColumn>,
    /// The expiry-date column.
    #[serde(default)]
    pub expiry_column: Option<String>,
    /// Date formats accepted in `expiry_column`.
    #[serde(default)]
    pub expiry_formats: Vec<DateFormat>,
    /// Where a board action / discipline shows.
    #[serde(default)]
    pub discipline: Discipline,
    /// Only rows whose entity column passes this are individual licensees.
    #[serde(default)]
    pub entity_filter: Option<EntityFilter>,
}

/// Text encoding of a roster file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Encoding {
    /// UTF-8; invalid bytes are replaced, never an error.
    #[serde(rename = "utf-8")]
    Utf8,
    /// ISO-8859-1.
    #[serde(rename = "latin-1")]
    Latin1,
}

/// How a single full-name column is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameFormat {
    /// `FIRST [MIDDLE] LAST [SUFFIX]`: the last word (before a suffix) is the last name.
    FirstLast,
    /// `LAST, FIRST [MIDDLE]`; without a comma read as `first_last`.
    LastCommaFirst,
}

/// A date format of an expiry column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum DateFormat {
    /// `04/30/2027`.
    #[serde(rename = "MM/DD/YYYY")]
    MonthDayYear,
    /// `2027-04-30`.
    #[serde(rename = "YYYY-MM-DD")]
    Iso,
    /// `20270430`.
    #[serde(rename = "YYYYMMDD")]
    Compact,
    /// Socrata floating timestamp `2027-04-30T00:00:00.000`.
    #[serde(rename = "socrata")]
    Socrata,
}

impl DateFormat {
    /// The format a text is written in, by its shape (not yet checked as a real date).
    pub(crate) fn of(text: &str) -> Option<DateFormat> {
        if text.contains('/') {
            Some(DateFormat::MonthDayYear)
        } else if text.contains('T') {
            Some(DateFormat::Socrata)
        } else if text.contains('-') {
            Some(DateFormat::Iso)
        } else if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
            Some(DateFormat::Compact)
        } else {
            None
        }
    }

    /// The name used in the TOML.
    pub fn as_str(self) -> &'static str {
        match self {
            DateFormat::MonthDayYear => "MM/DD/YYYY",
            DateFormat::Iso => "YYYY-MM-DD",
            DateFormat::Compact => "YYYYMMDD",
            DateFormat::Socrata => "socrata",
        }
    }
}

/// A column and the values (case-insensitive) that count.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnValues {
    /// The column.
    pub column: String,
    /// The values.
    pub values: Vec<String>,
}

/// One status column and what its texts mean (case-insensitive, trimmed). A text the column
/// does not list is `Unknown` for that column: never active, counted in the import report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusColumn {
    /// The column.
    pub column: String,
    /// Current and in good standing (for this column: "no objection").
    #[serde(default)]
    pub active: Vec<String>,
    /// Lapsed, not renewed.
    #[serde(default)]
    pub expired: Vec<String>,
    /// Inactive, retired, deceased…
    #[serde(default)]
    pub inactive: Vec<String>,
    /// Suspended.
    #[serde(default)]
    pub suspended: Vec<String>,
    /// Revoked or surrendered.
    #[serde(default)]
    pub revoked: Vec<String>,
}

impl StatusColumn {
    /// Every listed text with the status it maps to, in the order active, expired, inactive,
    /// suspended, revoked.
    pub fn mapped(&self) -> impl Iterator<Item = (&str, RosterStatus)> {
        [
            (&self.active, RosterStatus::Active),
            (&self.expired, RosterStatus::Expired),
            (&self.inactive, RosterStatus::Inactive),
            (&self.suspended, RosterStatus::Suspended),
            (&self.revoked, RosterStatus::Revoked),
        ]
        .into_iter()
        .flat_map(|(texts, status)| texts.iter().map(move |t| (t.as_str(), status)))
    }
}

/// How bad a status is when several status columns are combined: revoked > suspended >
/// expired > inactive > unknown > active.
///
/// Revoked and suspended are board actions (revoked is permanent); expired comes before
/// inactive as in `lumbar_core`'s verification (a lapsed license is the stronger "may not
/// practice" than one put on hold); a status that is known not to be active says more than an
/// unknown one; unknown is worse than active, so an unknown text never lets a row be active.
/// `FromExpiry` (no status column) ranks like unknown; it is never combined in practice.
pub fn status_severity(status: RosterStatus) -> u8 {
    match status {
        RosterStatus::Active => 0,
        RosterStatus::Unknown | RosterStatus::FromExpiry => 1,
        RosterStatus::Inactive => 2,
        RosterStatus::Expired => 3,
        RosterStatus::Suspended => 4,
        RosterStatus::Revoked => 5,
    }
}

/// The status of a row from the statuses its status columns give: the worst one
/// ([`status_severity`]); a row is active only when every column says active. No column at
/// all: `FromExpiry`.
pub fn combine_statuses(statuses: impl IntoIterator<Item = RosterStatus>) -> RosterStatus {
    statuses.into_iter().max_by_key(|s| status_severity(*s)).unwrap_or(RosterStatus::FromExpiry)
}

/// Where a board action shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discipline {
    /// A yes/no column.
    #[serde(default)]
    pub flag_column: Option<String>,
    /// Values of `flag_column` (case-insensitive) meaning "there is an action".
    #[serde(default)]
    pub flag_values: Vec<String>,
    /// Columns whose non-empty value describes an action.
    #[serde(default)]
    pub text_columns: Vec<String>,
    /// Columns whose non-empty value alone means an action is on record (a case number, a
    /// discipline date); shown as `column: value` when no descriptive text says more.
    #[serde(default)]
    pub marker_columns: Vec<String>,
    /// Values of `text_columns` and `marker_columns` (case-insensitive) that mean "none".
    #[serde(default)]
    pub text_none_values: Vec<String>,
}

/// Keeps individual licensees only.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityFilter {
    /// The column.
    pub column: String,
    /// If not empty, the value must be one of these (case-insensitive).
    #[serde(default)]
    pub include: Vec<String>,
    /// The value must not be one of these (case-insensitive).
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// The shipped profile for a state code (`wa`, `co`, `ct`, `tx`, `fl`, `il`; case-insensitive).
pub fn profile(code: &str) -> Result<Profile, ImportError> {
    let wanted = code.trim().to_ascii_lowercase();
    match SHIPPED.iter().find(|(c, _)| *c == wanted) {
        Some((c, text)) => Profile::from_toml(c, text),
        None => Err(ImportError::UnknownProfile {
            code: code.to_owned(),
            known: SHIPPED.iter().map(|(c, _)| (*c).to_owned()).collect(),
        }),
    }
}

/// Every shipped profile, in the order WA, CO, CT, TX, FL, IL.
pub fn profiles() -> Vec<Profile> {
    // The shipped profiles are checked by the tests; one that failed would be left out.
    SHIPPED.iter().filter_map(|(c, text)| Profile::from_toml(c, text).ok()).collect()
}

impl Profile {
    /// Parses and checks a profile (`name` is used in error messages).
    pub fn from_toml(name: &str, text: &str) -> Result<Profile, ImportError> {
        let err = |reason: String| ImportError::Profile { name: name.to_owned(), reason };
        let profile: Profile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        profile.check().map_err(err)?;
        Ok(profile)
    }

    /// Checks a profile built or changed in code (a TOML profile is checked when parsed).
    pub fn validate(&self) -> Result<(), ImportError> {
        self.check().map_err(|reason| ImportError::Profile { name: self.name.clone(), reason })
    }

    /// The profile's code (`wa`).
    pub fn code(&self) -> String {
        self.state.to_ascii_lowercase()
    }

    /// The state as a checked code.
    pub fn state_code(&self) -> Result<StateCode, ImportError> {
        StateCode::parse(&self.state).map_err(|e| ImportError::Profile { name: self.name.clone(), reason: e })
    }

    /// Every column the reader needs, in a stable order, without duplicates.
    pub fn required_columns(&self) -> Vec<&str> {
        let optional =
            [&self.license_prefix_column, &self.last_name_column, &self.first_name_column, &self.full_name_column];
        let later = [&self.expiry_column, &self.discipline.flag_column];
        let all = std::iter::once(&self.license_column)
            .chain(optional.into_iter().flatten())
            .chain(std::iter::once(&self.credential_column))
            .chain(self.massage_also_when.iter().map(|r| &r.column))
            .chain(self.status_columns.iter().map(|s| &s.column))
            .chain(later.into_iter().flatten())
            .chain(&self.discipline.text_columns)
            .chain(&self.discipline.marker_columns)
            .chain(self.entity_filter.iter().map(|f| &f.column));
        let mut out: Vec<&str> = Vec::new();
        for c in all {
            if !out.contains(&c.as_str()) {
                out.push(c);
            }
        }
        out
    }

    fn check(&self) -> Result<(), String> {
        StateCode::parse(&self.state).map_err(|e| format!("state \"{}\": {e}", self.state))?;
        if !self.delimiter.is_ascii() || matches!(self.delimiter, '"' | '\n' | '\r') {
            return Err(format!(
                "delimiter {:?} must be one ASCII character other than a quote or newline",
                self.delimiter
            ));
        }
        let mut seen = HashSet::new();
        if let Some(dup) = self.expected_columns.iter().find(|c| !seen.insert(c.trim())) {
            return Err(format!("expected_columns lists \"{dup}\" twice"));
        }
        for c in self.required_columns() {
            if !self.expected_columns.iter().any(|e| e.trim() == c) {
                return Err(format!("column \"{c}\" is not in expected_columns"));
            }
        }
        match (&self.last_name_column, &self.full_name_column, &self.full_name_format) {
            (Some(_), None, None) => {}
            (None, Some(_), Some(_)) if self.first_name_column.is_none() => {}
            _ => {
                return Err("give either last_name_column (and first_name_column) or full_name_column with \
                            full_name_format"
                    .to_owned());
            }
        }
        if self.massage_credentials.is_empty() {
            return Err("massage_credentials is empty: no row would be a massage license".to_owned());
        }
        let mut status_columns = HashSet::new();
        for sc in &self.status_columns {
            let column = sc.column.trim();
            if !status_columns.insert(column) {
                return Err(format!("status column \"{column}\" is listed twice"));
            }
            let mut texts = HashSet::new();
            for (t, _) in sc.mapped() {
                if !texts.insert(t.trim().to_lowercase()) {
                    return Err(format!("status column \"{column}\": text \"{t}\" is mapped twice"));
                }
            }
            if sc.active.is_empty() {
                return Err(format!("status column \"{column}\": active is empty, no license could be active"));
            }
        }
        let empty_is_active = |sc: &StatusColumn| sc.active.iter().any(|t| t.trim().is_empty());
        if !self.status_columns.is_empty() && self.status_columns.iter().all(empty_is_active) {
            return Err("every status column maps an empty value to active: a row without any status would be \
                        active"
                .to_owned());
        }
        if self.expiry_column.is_some() && self.expiry_formats.is_empty() {
            return Err("expiry_formats is empty".to_owned());
        }
        if self.discipline.flag_column.is_some() && self.discipline.flag_values.is_empty() {
            return Err("discipline.flag_values is empty".to_owned());
        }
        if let Some(f) = &self.entity_filter
            && f.include.is_empty()
            && f.exclude.is_empty()
        {
            return Err("entity_filter needs include or exclude values".to_owned());
        }
        Ok(())
    }
}
