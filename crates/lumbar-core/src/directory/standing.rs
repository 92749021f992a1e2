//! A listing's standing: what its licenses, taken together and on a given day, say about it.
//!
//! [`verify_claim`](super::verify::verify_claim) decides one license against one roster.
//! This module decides what a person is shown for a listing that may claim several
//! licenses, on the day they look (never on the day `lumbar verify` last ran):
//!
//! - [`status_on`]: a license recorded as verified active whose expiry date has passed is
//!   expired from the next day on, without a new verification run;
//! - [`is_stale`]: a status resting on a roster older than the freshness limit
//!   ([`AsOf::stale_after_days`], default [`DEFAULT_STALE_AFTER_DAYS`]) is shown, labelled
//!   stale, and ranked after fresh ones;
//! - [`listing_standing`]: the **worst board finding wins**: a suspension, revocation or
//!   board action on any license, in any state, outweighs an active license; otherwise the
//!   licenses of the practice state decide, and one verified active there is enough (an old
//!   lapsed number beside a current one is not a finding about the therapist);
//! - [`result_group`]: which of the finder's three groups the listing belongs to —
//!   [`ResultGroup::Verified`], [`ResultGroup::NotVerified`] or
//!   [`ResultGroup::UnlicensedState`] — or `None` when it is hidden unless asked for
//!   (expired, inactive, not found, disciplined, suspended, revoked, or no license on file
//!   in a state that licenses massage therapists).
//!
//! Pure: the day comes in as an argument ([`AsOf`]), from the caller's clock.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::StateCode;
use super::verify::{Regulation, VerificationStatus, regulation};

/// Days after which a roster's statuses are stale, unless configured otherwise.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 60;

/// The day a standing is decided on, and how old a roster may be before it is stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AsOf {
    /// Today, from the caller's clock.
    pub today: Date,
    /// A roster whose data is more than this many days old is stale.
    pub stale_after_days: u32,
}

impl AsOf {
    /// `today` with the default freshness limit.
    pub fn new(today: Date) -> AsOf {
        AsOf { today, stale_after_days: DEFAULT_STALE_AFTER_DAYS }
    }
}

/// What is stored about one claimed license.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LicenseFact {
    /// State of the license.
    pub state: StateCode,
    /// Stored verification status; `None` before the license was verified.
    pub status: Option<VerificationStatus>,
    /// Expiry date from the roster.
    pub expires: Option<Date>,
    /// Date of the roster data the status rests on.
    pub roster_date: Option<Date>,
}

/// The status of a license on `today`: verified active past its expiry date is expired.
pub fn status_on(status: VerificationStatus, expires: Option<Date>, today: Date) -> VerificationStatus {
    match (status, expires) {
        (VerificationStatus::VerifiedActive, Some(e)) if e < today => VerificationStatus::Expired,
        _ => status,
    }
}

/// Whether a status resting on roster data of `roster_date` is stale on `as_of.today`.
/// A status that rests on no roster (state regulation) is never stale.
pub fn is_stale(roster_date: Option<Date>, as_of: AsOf) -> bool {
    roster_date
        .is_some_and(|d| as_of.today.days_since_epoch() - d.days_since_epoch() > i64::from(as_of.stale_after_days))
}

/// What a listing is shown as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The deciding status on the day; `None` when a license is claimed in the practice
    /// state but was not verified yet, or when no license is claimed there.
    pub status: Option<VerificationStatus>,
    /// Index (into the facts passed in) of the license that decided, if any.
    pub license: Option<usize>,
    /// The deciding status rests on a roster older than the freshness limit.
    pub stale: bool,
    /// No license is claimed in the practice state.
    pub no_license_here: bool,
}

/// Severe findings, worst first: any of these on any license decides the listing.
fn severity(s: VerificationStatus) -> Option<u8> {
    match s {
        VerificationStatus::SuspendedOrRevoked => Some(2),
        VerificationStatus::Disciplined => Some(1),
        _ => None,
    }
}

/// Preference among the practice state's non-severe statuses, best first.
fn preference(s: Option<VerificationStatus>) -> u8 {
    use VerificationStatus as V;
    match s {
        Some(V::VerifiedActive) => 0,
        Some(V::Expired) => 1,
        Some(V::Inactive) => 2,
        Some(V::NotFound) => 3,
        Some(V::NoRoster) => 4,
        None => 5,
        Some(V::VoluntaryCertification) => 6,
        Some(V::UnregulatedState) => 7,
        Some(V::SuspendedOrRevoked | V::Disciplined) => 8,
    }
}

/// The standing of a listing practising in `practice`, from all of its licenses, on
/// `as_of.today`. See the module documentation for the rule.
pub fn listing_standing(licenses: &[LicenseFact], practice: StateCode, as_of: AsOf) -> Standing {
    let on = |f: &LicenseFact| f.status.map(|s| status_on(s, f.expires, as_of.today));
    // 1. the worst board finding anywhere; the practice state's first among equals
    let severe = licenses
        .iter()
        .enumerate()
        .filter_map(|(i, f)| on(f).and_then(severity).map(|sev| (sev, f.state == practice, std::cmp::Reverse(i))))
        .max();
    if let Some((_, _, std::cmp::Reverse(i))) = severe {
        let f = &licenses[i];
        return Standing {
            status: on(f),
            license: Some(i),
            stale: false,
            no_license_here: !licenses.iter().any(|l| l.state == practice),
        };
    }
    // 2. the best of the practice state's licenses
    let here =
        licenses.iter().enumerate().filter(|(_, f)| f.state == practice).min_by_key(|(i, f)| (preference(on(f)), *i));
    match here {
        Some((i, f)) => {
            let status = on(f);
            let stale = status == Some(VerificationStatus::VerifiedActive) && is_stale(f.roster_date, as_of);
            Standing { status, license: Some(i), stale, no_license_here: false }
        }
        None => Standing { status: None, license: None, stale: false, no_license_here: true },
    }
}

/// The finder's groups, in the order results are listed; never mixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultGroup {
    /// Active against an imported state roster.
    Verified,
    /// In a state that licenses massage therapists, with a license lumbar could not check
    /// (the state's roster is not imported, or the license was not verified yet).
    NotVerified,
    /// In a state that does not license massage therapists (or certifies them voluntarily).
    UnlicensedState,
}

impl ResultGroup {
    /// All groups, in listing order.
    pub const ALL: [ResultGroup; 3] = [ResultGroup::Verified, ResultGroup::NotVerified, ResultGroup::UnlicensedState];

    /// The word used in JSON (`verified`, `not_verified`, `unlicensed_state`).
    pub fn as_str(self) -> &'static str {
        match self {
            ResultGroup::Verified => "verified",
            ResultGroup::NotVerified => "not_verified",
            ResultGroup::UnlicensedState => "unlicensed_state",
        }
    }
}

/// The group a listing with this standing belongs to, or `None` when it is hidden unless the
/// person asks to see listings whose license has a problem (then it is shown in no group,
/// labelled, after the not-verified results and before the unlicensed-state ones).
pub fn result_group(standing: &Standing, practice: StateCode) -> Option<ResultGroup> {
    use VerificationStatus as V;
    match standing.status {
        Some(V::VerifiedActive) => Some(ResultGroup::Verified),
        Some(V::NoRoster) => Some(ResultGroup::NotVerified),
        Some(V::UnregulatedState | V::VoluntaryCertification) => Some(ResultGroup::UnlicensedState),
        Some(V::Expired | V::Inactive | V::NotFound | V::Disciplined | V::SuspendedOrRevoked) => None,
        None if standing.no_license_here => match regulation(practice) {
            Regulation::Unregulated | Regulation::VoluntaryCertification => Some(ResultGroup::UnlicensedState),
            Regulation::Licensed => None,
        },
        None => Some(ResultGroup::NotVerified),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use VerificationStatus as V;

    fn st(s: &str) -> StateCode {
        StateCode::parse(s).unwrap()
    }

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn fact(state: &str, status: V, expires: &str, roster: &str) -> LicenseFact {
        LicenseFact {
            state: st(state),
            status: Some(status),
            expires: Date::parse(expires),
            roster_date: Date::parse(roster),
        }
    }

    const TODAY: &str = "2026-11-28";

    fn standing(facts: &[LicenseFact], practice: &str) -> Standing {
        listing_standing(facts, st(practice), AsOf::new(day(TODAY)))
    }

    #[test]
    fn expiry_is_a_fact_of_the_day() {
        let e = Some(day("2026-11-27"));
        assert_eq!(status_on(V::VerifiedActive, e, day("2026-11-27")), V::VerifiedActive);
        assert_eq!(status_on(V::VerifiedActive, e, day("2026-11-28")), V::Expired);
        assert_eq!(status_on(V::Disciplined, e, day("2026-11-28")), V::Disciplined);
        assert_eq!(status_on(V::VerifiedActive, None, day("2030-01-01")), V::VerifiedActive);
    }

    #[test]
    fn stale_after_sixty_days_by_default() {
        let as_of = AsOf::new(day("2026-11-28"));
        assert!(!is_stale(Some(day("2026-09-29")), as_of)); // 60 days
        assert!(is_stale(Some(day("2026-09-28")), as_of)); // 61 days
        assert!(!is_stale(None, as_of));
        assert!(is_stale(Some(day("2026-11-20")), AsOf { stale_after_days: 7, ..as_of }));
    }

    #[test]
    fn a_revoked_license_outweighs_an_active_one() {
        let s = standing(
            &[fact("WA", V::VerifiedActive, "2027-06-30", TODAY), fact("WA", V::SuspendedOrRevoked, "", TODAY)],
            "WA",
        );
        assert_eq!((s.status, s.license), (Some(V::SuspendedOrRevoked), Some(1)));
        // in another state too
        let s = standing(
            &[fact("WA", V::VerifiedActive, "2027-06-30", TODAY), fact("FL", V::Disciplined, "2027-01-01", TODAY)],
            "WA",
        );
        assert_eq!(s.status, Some(V::Disciplined));
        assert_eq!(result_group(&s, st("WA")), None);
        // suspended outweighs disciplined
        let s = standing(&[fact("OR", V::Disciplined, "", TODAY), fact("FL", V::SuspendedOrRevoked, "", TODAY)], "WA");
        assert_eq!((s.status, s.license, s.no_license_here), (Some(V::SuspendedOrRevoked), Some(1), true));
    }

    #[test]
    fn among_equal_findings_the_practice_state_license_is_the_evidence() {
        let s = standing(
            &[fact("OR", V::SuspendedOrRevoked, "", TODAY), fact("WA", V::SuspendedOrRevoked, "", TODAY)],
            "WA",
        );
        assert_eq!((s.status, s.license), (Some(V::SuspendedOrRevoked), Some(1)));
        let s = standing(&[fact("WA", V::Disciplined, "", TODAY), fact("OR", V::Disciplined, "", TODAY)], "WA");
        assert_eq!(s.license, Some(0), "then the first one");
    }

    #[test]
    fn one_current_license_in_the_practice_state_is_enough() {
        let s = standing(
            &[fact("WA", V::Expired, "2020-01-01", TODAY), fact("WA", V::VerifiedActive, "2027-06-30", TODAY)],
            "WA",
        );
        assert_eq!((s.status, s.license), (Some(V::VerifiedActive), Some(1)));
        assert_eq!(result_group(&s, st("WA")), Some(ResultGroup::Verified));
        // a license elsewhere does not count for the practice state
        let s = standing(&[fact("OR", V::VerifiedActive, "2027-06-30", TODAY)], "WA");
        assert_eq!((s.status, s.no_license_here), (None, true));
        assert_eq!(result_group(&s, st("WA")), None);
    }

    #[test]
    fn the_deciding_license_expires_at_midnight() {
        let facts = [fact("WA", V::VerifiedActive, "2026-11-27", "2026-11-20")];
        let s = standing(&facts, "WA");
        assert_eq!(s.status, Some(V::Expired));
        assert_eq!(result_group(&s, st("WA")), None);
        let yesterday = listing_standing(&facts, st("WA"), AsOf::new(day("2026-11-27")));
        assert_eq!(yesterday.status, Some(V::VerifiedActive));
    }

    #[test]
    fn stale_only_marks_active_statuses() {
        let s = standing(&[fact("WA", V::VerifiedActive, "2027-06-30", "2026-01-05")], "WA");
        assert_eq!((s.status, s.stale), (Some(V::VerifiedActive), true));
        assert_eq!(result_group(&s, st("WA")), Some(ResultGroup::Verified));
        let s = standing(&[fact("WA", V::Inactive, "", "2026-01-05")], "WA");
        assert!(!s.stale);
    }

    #[test]
    fn group_words_are_the_ones_the_api_documents() {
        let words: Vec<&str> = ResultGroup::ALL.iter().map(|g| g.as_str()).collect();
        assert_eq!(words, ["verified", "not_verified", "unlicensed_state"]);
        let json: Vec<String> = ResultGroup::ALL.iter().map(|g| serde_json::to_string(g).unwrap_or_default()).collect();
        assert_eq!(json, ["\"verified\"", "\"not_verified\"", "\"unlicensed_state\""]);
    }

    #[test]
    fn groups() {
        let g = |facts: &[LicenseFact], state: &str| result_group(&standing(facts, state), st(state));
        assert_eq!(g(&[fact("OH", V::NoRoster, "", "")], "OH"), Some(ResultGroup::NotVerified));
        assert_eq!(g(&[fact("KS", V::UnregulatedState, "", "")], "KS"), Some(ResultGroup::UnlicensedState));
        assert_eq!(g(&[fact("CA", V::VoluntaryCertification, "", "")], "CA"), Some(ResultGroup::UnlicensedState));
        assert_eq!(g(&[], "KS"), Some(ResultGroup::UnlicensedState));
        assert_eq!(g(&[], "OH"), None);
        assert_eq!(g(&[fact("WA", V::NotFound, "", TODAY)], "WA"), None);
        assert_eq!(g(&[fact("WA", V::Inactive, "", TODAY)], "WA"), None);
        let unverified = LicenseFact { state: st("OH"), status: None, expires: None, roster_date: None };
        assert_eq!(g(&[unverified], "OH"), Some(ResultGroup::NotVerified));
    }
}
