//! The license-verification decision, free of I/O: a claimed license, the roster rows
//! with the same state and normalised number, and today's date give one status.
//!
//! Never on name alone: a row is a match only when state, normalised number and folded
//! last name all agree.

use serde::Serialize;

use super::date::Date;
use super::ids::StateCode;
use super::records::{RosterRecord, RosterStatus};

/// How a state regulates massage therapy (clinical.md §7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regulation {
    /// Licensure or registration is required.
    Licensed,
    /// No state regulation (KS, MN, WY).
    Unregulated,
    /// Voluntary certification (CA, CAMTC).
    VoluntaryCertification,
}

/// The regulation of a state, from the state table (`data/states.toml`). Territories outside
/// the table (VI, GU, AS, MP) count as licensing: their listings are never called verified
/// without a roster.
pub fn regulation(state: StateCode) -> Regulation {
    super::states::states().get(state).map_or(Regulation::Licensed, |s| s.regulation)
}

/// The outcome of checking one claimed license.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationStatus {
    /// Found, active, not expired, no board action.
    VerifiedActive,
    /// Found, past its expiry date or marked expired.
    Expired,
    /// Found, inactive (or a status the roster profile does not know).
    Inactive,
    /// Found, with a board action on record.
    Disciplined,
    /// Found, suspended or revoked.
    SuspendedOrRevoked,
    /// A roster for the state is imported and has no matching row.
    NotFound,
    /// No roster for the state has been imported.
    NoRoster,
    /// The state does not regulate massage therapy (KS, MN, WY).
    UnregulatedState,
    /// California: voluntary CAMTC certification only.
    VoluntaryCertification,
}

impl VerificationStatus {
    /// All statuses.
    pub const ALL: [VerificationStatus; 9] = [
        VerificationStatus::VerifiedActive,
        VerificationStatus::Expired,
        VerificationStatus::Inactive,
        VerificationStatus::Disciplined,
        VerificationStatus::SuspendedOrRevoked,
        VerificationStatus::NotFound,
        VerificationStatus::NoRoster,
        VerificationStatus::UnregulatedState,
        VerificationStatus::VoluntaryCertification,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            VerificationStatus::VerifiedActive => "verified_active",
            VerificationStatus::Expired => "expired",
            VerificationStatus::Inactive => "inactive",
            VerificationStatus::Disciplined => "disciplined",
            VerificationStatus::SuspendedOrRevoked => "suspended_or_revoked",
            VerificationStatus::NotFound => "not_found",
            VerificationStatus::NoRoster => "no_roster",
            VerificationStatus::UnregulatedState => "unregulated_state",
            VerificationStatus::VoluntaryCertification => "voluntary_certification",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<VerificationStatus> {
        VerificationStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Folds a name for comparison: lower case, common Latin accents removed, only letters
/// and digits kept (`O'Brien-Núñez` → `obriennunez`).
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            c => c,
        };
        if base.is_alphanumeric() {
            out.push(base);
        }
    }
    out
}

/// The decision for one claimed license.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The status.
    pub status: VerificationStatus,
    /// Index of the roster row that decided it, among the candidates passed in.
    pub evidence: Option<usize>,
}

/// Decides the status of a claim.
///
/// `candidates` are the roster rows of the claim's state whose normalised number equals the
/// claim's; `roster_imported` says whether any roster for the state exists.
pub fn verify_claim(
    state: StateCode,
    last_name: &str,
    candidates: &[RosterRecord],
    roster_imported: bool,
    today: Date,
) -> Decision {
    let wanted = fold_name(last_name);
    let matched: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            candidates[i].state == state && !wanted.is_empty() && fold_name(&candidates[i].last_name) == wanted
        })
        .collect();
    if matched.is_empty() {
        let status = match regulation(state) {
            Regulation::Unregulated => VerificationStatus::UnregulatedState,
            Regulation::VoluntaryCertification if !roster_imported => VerificationStatus::VoluntaryCertification,
            _ if !roster_imported => VerificationStatus::NoRoster,
            _ => VerificationStatus::NotFound,
        };
        return Decision { status, evidence: None };
    }
    // Several rows (e.g. one per discipline case in Colorado): the worst finding wins, so a
    // board action on any row is never hidden by a clean duplicate.
    let (status, evidence) = matched
        .iter()
        .map(|&i| (row_status(&candidates[i], today), i))
        .max_by_key(|(s, i)| (severity(*s), std::cmp::Reverse(*i)))
        .unwrap_or((VerificationStatus::NotFound, 0));
    Decision { status, evidence: Some(evidence) }
}

fn severity(s: VerificationStatus) -> u8 {
    match s {
        VerificationStatus::SuspendedOrRevoked => 6,
        VerificationStatus::Disciplined => 5,
        VerificationStatus::Expired => 4,
        VerificationStatus::Inactive => 3,
        VerificationStatus::VerifiedActive => 2,
        _ => 1,
    }
}

fn row_status(row: &RosterRecord, today: Date) -> VerificationStatus {
    let expired_by_date = row.expires.is_some_and(|e| e < today);
    match row.status {
        RosterStatus::Suspended | RosterStatus::Revoked => VerificationStatus::SuspendedOrRevoked,
        _ if row.disciplined => VerificationStatus::Disciplined,
        RosterStatus::Expired => VerificationStatus::Expired,
        RosterStatus::Inactive | RosterStatus::Unknown => VerificationStatus::Inactive,
        RosterStatus::Active | RosterStatus::FromExpiry if expired_by_date => VerificationStatus::Expired,
        RosterStatus::FromExpiry if row.expires.is_none() => VerificationStatus::Inactive,
        RosterStatus::Active | RosterStatus::FromExpiry => VerificationStatus::VerifiedActive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(last: &str, status: RosterStatus, expires: &str, disciplined: bool) -> RosterRecord {
        RosterRecord {
            state: StateCode::parse("WA").unwrap(),
            license_number: "MA60123456".into(),
            license_key: "60123456".into(),
            credential_type: "Massage Therapist License".into(),
            last_name: last.into(),
            first_name: "Ana".into(),
            status,
            status_text: String::new(),
            expires: Date::parse(expires),
            disciplined,
            discipline_text: String::new(),
            source_line: 2,
        }
    }

    fn decide(last: &str, rows: &[RosterRecord], state: &str, imported: bool) -> VerificationStatus {
        verify_claim(StateCode::parse(state).unwrap(), last, rows, imported, Date::new(2026, 11, 25).unwrap()).status
    }

    #[test]
    fn statuses() {
        use RosterStatus::*;
        use VerificationStatus as V;
        assert_eq!(decide("Núñez", &[row("NUNEZ", Active, "2027-01-01", false)], "WA", true), V::VerifiedActive);
        assert_eq!(decide("Nunez", &[row("Nunez", Active, "2026-01-01", false)], "WA", true), V::Expired);
        assert_eq!(decide("Nunez", &[row("Nunez", Expired, "", false)], "WA", true), V::Expired);
        assert_eq!(decide("Nunez", &[row("Nunez", Inactive, "2027-01-01", false)], "WA", true), V::Inactive);
        assert_eq!(decide("Nunez", &[row("Nunez", Unknown, "2027-01-01", false)], "WA", true), V::Inactive);
        assert_eq!(decide("Nunez", &[row("Nunez", Active, "2027-01-01", true)], "WA", true), V::Disciplined);
        assert_eq!(decide("Nunez", &[row("Nunez", Revoked, "2027-01-01", false)], "WA", true), V::SuspendedOrRevoked);
        assert_eq!(decide("Nunez", &[row("Nunez", FromExpiry, "2027-01-01", false)], "WA", true), V::VerifiedActive);
        assert_eq!(decide("Nunez", &[row("Nunez", FromExpiry, "2025-01-01", false)], "WA", true), V::Expired);
    }

    #[test]
    fn never_on_name_alone_and_state_cases() {
        use VerificationStatus as V;
        // same number, different last name: not a match
        assert_eq!(
            decide("Smith", &[row("Nunez", RosterStatus::Active, "2027-01-01", false)], "WA", true),
            V::NotFound
        );
        assert_eq!(decide("Smith", &[], "WA", false), V::NoRoster);
        assert_eq!(decide("Smith", &[], "KS", false), V::UnregulatedState);
        assert_eq!(decide("Smith", &[], "MN", true), V::UnregulatedState);
        assert_eq!(decide("Smith", &[], "CA", false), V::VoluntaryCertification);
    }

    #[test]
    fn a_board_action_on_any_row_is_not_hidden() {
        let rows = [
            row("Nunez", RosterStatus::Active, "2027-01-01", false),
            row("Nunez", RosterStatus::Active, "2027-01-01", true),
        ];
        let d = verify_claim(StateCode::parse("WA").unwrap(), "Nunez", &rows, true, Date::new(2026, 11, 25).unwrap());
        assert_eq!(d.status, VerificationStatus::Disciplined);
        assert_eq!(d.evidence, Some(1));
    }

    #[test]
    fn the_worst_row_decides_and_the_edges_of_expiry() {
        use RosterStatus::*;
        use VerificationStatus as V;
        let d = |rows: &[RosterRecord]| decide("Nunez", rows, "WA", true);
        let active = row("Nunez", Active, "2027-01-01", false);
        assert_eq!(d(&[active.clone(), row("Nunez", Revoked, "", false)]), V::SuspendedOrRevoked);
        assert_eq!(
            d(&[row("Nunez", Active, "2027-01-01", true), row("Nunez", Suspended, "", false)]),
            V::SuspendedOrRevoked
        );
        assert_eq!(d(&[active.clone(), row("Nunez", Expired, "", false)]), V::Expired);
        assert_eq!(d(&[active.clone(), row("Nunez", Inactive, "2027-01-01", false)]), V::Inactive);
        assert_eq!(d(&[row("Nunez", Inactive, "2027-01-01", false), row("Nunez", Expired, "", false)]), V::Expired);
        // a license expiring today is still valid today (2026-11-25 in `decide`)
        assert_eq!(d(&[row("Nunez", Active, "2026-11-25", false)]), V::VerifiedActive);
        assert_eq!(d(&[row("Nunez", Active, "2026-11-24", false)]), V::Expired);
        // a file without status columns and without an expiry proves nothing
        assert_eq!(d(&[row("Nunez", FromExpiry, "", false)]), V::Inactive);
        // California with an imported roster: not found, not "voluntary"
        assert_eq!(decide("Smith", &[], "CA", true), V::NotFound);
    }

    #[test]
    fn stored_words_are_the_documented_ones_and_parse_back() {
        // docs/export-format.md, licenses[].status
        let words: Vec<&str> = VerificationStatus::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(
            words,
            [
                "verified_active",
                "expired",
                "inactive",
                "disciplined",
                "suspended_or_revoked",
                "not_found",
                "no_roster",
                "unregulated_state",
                "voluntary_certification"
            ]
        );
        for v in VerificationStatus::ALL {
            assert_eq!(VerificationStatus::parse(v.as_str()), Some(v));
        }
        assert_eq!(VerificationStatus::parse("active"), None);
    }

    #[test]
    fn name_folding() {
        assert_eq!(fold_name("O'Brien-Núñez"), "obriennunez");
        assert_eq!(fold_name("STRAUß"), "strauss");
    }
}
