//! State massage-license rosters: one reader, one data-driven [`Profile`] per state
//! (`profiles/{wa,co,ct,tx,fl,il}.toml`).
//!
//! The reader streams the file, checks its header by name, keeps massage-therapist licenses
//! (`RosterItem::License`), counts other professions and businesses (`NotMassage`), and reports
//! unusable rows (`Rejected`, with the line number). A profile reads one or more status
//! columns, each with its own map; a text a column does not list is `Unknown` for that column —
//! never active — and counted per `column: text` for the report. The row's status is the worst
//! of its columns ([`combine_statuses`]).

mod profile;
mod reader;

pub use profile::{
    ColumnValues, DateFormat, Discipline, Encoding, EntityFilter, NameFormat, Profile, StatusColumn, combine_statuses,
    profile, profiles, status_severity,
};
pub use reader::{RosterItem, RosterReader, RosterStats};
