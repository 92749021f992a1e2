//! What the official files become: a provider from NPPES and a license row from a state
//! roster. Imports produce these; stores keep them.

use serde::Serialize;

use super::date::Date;
use super::ids::{Npi, StateCode};

/// Individual (NPI type 1) or organization (type 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Individual,
    /// A clinic, spa, school clinic or other business.
    Organization,
}

impl EntityKind {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Individual => "individual",
            EntityKind::Organization => "organization",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "individual" => Some(EntityKind::Individual),
            "organization" => Some(EntityKind::Organization),
            _ => None,
        }
    }
}

/// A practice address.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Address {
    /// First line.
    pub line1: String,
    /// Second line.
    pub line2: String,
    /// City.
    pub city: String,
    /// State, when a valid US code.
    pub state: Option<StateCode>,
    /// Five-digit ZIP (ZIP+4 reduced), when present.
    pub postal_code: Option<String>,
    /// Telephone.
    pub phone: String,
}

/// A license a provider claims (NPPES taxonomy slot, or a profile).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ClaimedLicense {
    /// Issuing state.
    pub state: StateCode,
    /// The number as written.
    pub number: String,
}

/// A massage therapist or place from the NPPES dissemination file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProviderRecord {
    /// NPI.
    pub npi: Npi,
    /// Individual or organization.
    pub kind: EntityKind,
    /// Display name (`First Middle Last` or the organization's legal name).
    pub name: String,
    /// Last name (individuals; empty for organizations), used to match rosters.
    pub last_name: String,
    /// First name (individuals).
    pub first_name: String,
    /// Credential text as written (`LMT`).
    pub credential: String,
    /// `M`/`F` when given.
    pub sex: Option<char>,
    /// Primary practice location.
    pub practice: Address,
    /// Licenses from the taxonomy slots holding 225700000X (number and state from the same slot).
    pub licenses: Vec<ClaimedLicense>,
    /// `Last Update Date`.
    pub last_update: Option<Date>,
    /// `NPI Deactivation Date`.
    pub deactivated: Option<Date>,
    /// `NPI Reactivation Date`.
    pub reactivated: Option<Date>,
}

impl ProviderRecord {
    /// Active unless deactivated without a later reactivation.
    pub fn active(&self) -> bool {
        match (self.deactivated, self.reactivated) {
            (None, _) => true,
            (Some(d), Some(r)) => r >= d,
            (Some(_), None) => false,
        }
    }
}

/// A license status as a roster states it, mapped to a closed set. Anything not recognised
/// is `Unknown` (reported by the import, never treated as active).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RosterStatus {
    /// Current and in good standing.
    Active,
    /// Lapsed by date.
    Expired,
    /// Inactive, retired, lapsed, deceased, military or similar.
    Inactive,
    /// Suspended.
    Suspended,
    /// Revoked or surrendered.
    Revoked,
    /// The roster has no status column (Texas): decided from the expiry date.
    FromExpiry,
    /// A value the profile does not know.
    Unknown,
}

impl RosterStatus {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            RosterStatus::Active => "active",
            RosterStatus::Expired => "expired",
            RosterStatus::Inactive => "inactive",
            RosterStatus::Suspended => "suspended",
            RosterStatus::Revoked => "revoked",
            RosterStatus::FromExpiry => "from_expiry",
            RosterStatus::Unknown => "unknown",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<RosterStatus> {
        [
            RosterStatus::Active,
            RosterStatus::Expired,
            RosterStatus::Inactive,
            RosterStatus::Suspended,
            RosterStatus::Revoked,
            RosterStatus::FromExpiry,
            RosterStatus::Unknown,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// One massage-therapy license row from a state roster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RosterRecord {
    /// Issuing state.
    pub state: StateCode,
    /// License number as written (with prefix, e.g. `MA12345`).
    pub license_number: String,
    /// Normalised number for matching ([`super::ids::normalize_license`]).
    pub license_key: String,
    /// Credential type text as written.
    pub credential_type: String,
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// Mapped status.
    pub status: RosterStatus,
    /// The status text as written (evidence).
    pub status_text: String,
    /// Expiry date.
    pub expires: Option<Date>,
    /// A board action / discipline is on record.
    pub disciplined: bool,
    /// What the discipline was, when the roster says.
    pub discipline_text: String,
    /// 1-based line in the source file (evidence).
    pub source_line: u64,
}
