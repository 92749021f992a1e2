//! State massage-license rosters: one reader, one data-driven [`Profile`] per state
//! (`profiles/{wa,co,ct,tx,fl,il}.toml`).
//!
//! The reader streams the file, checks its header by name, keeps massage-therapist licenses
//! (`RosterItem::License`), counts other professions and businesses (`NotMassage`), and reports
//! unusable rows (`Rejected`, with the line number). Status texts are mapped by the profile;
//! an unmapped text is `Unknown` — never active — and counted per text for the report.

mod profile;
mod reader;

pub use profile::{
    ColumnValues, DateFormat, Discipline, Encoding, EntityFilter, NameFormat, Profile, StatusMap, profile, profiles,
};
pub use reader::{RosterItem, RosterReader, RosterStats};
