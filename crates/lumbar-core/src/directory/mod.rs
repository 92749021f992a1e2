//! The therapist directory's domain: identifiers that parse once (NPI, state, license
//! number), dates, the records imports produce, and the pure license-verification decision.
//!
//! - [`ids`]: `Npi` (Luhn-checked), `StateCode`, license-number normalisation;
//! - [`date`]: a small calendar date type with the formats the official files use;
//! - [`profile`]: what a therapist tells people beyond NPPES, field by field self-reported
//!   or verified;
//! - [`records`]: what an NPPES row and a state-roster row become;
//! - [`verify`]: how a claimed license and roster rows become a verification status;
//! - [`standing`]: what a listing's licenses, together and on a given day, say about it
//!   (expiry, staleness, worst finding wins, the finder's groups).

pub mod date;
pub mod ids;
pub mod profile;
pub mod records;
pub mod standing;
pub mod states;
pub mod verify;

pub use date::Date;
pub use ids::{Npi, StateCode, normalize_license};
pub use profile::{Profile, ProfileField, Provenance, Training};
pub use records::{Address, ClaimedLicense, EntityKind, ProviderRecord, RosterRecord, RosterStatus};
pub use standing::{AsOf, LicenseFact, ResultGroup, Standing, listing_standing, result_group, status_on};
pub use verify::{Regulation, VerificationStatus, regulation, verify_claim};
