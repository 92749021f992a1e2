//! What each state's status texts mean, transcribed by hand from
//! `shared/reference/data-sources.md` section 2 (and the sources the profiles cite), never
//! read from a profile's maps. Where no source says how a text maps, the entry is our
//! conservative choice (never active) and says so.
//!
//! One entry is one row's status cells, in the order of the state's status columns, the
//! status the row must get, and the columns whose text the import report must list as unknown.

use lumbar_core::directory::RosterStatus::{self, Active, Expired, FromExpiry, Inactive, Revoked, Suspended, Unknown};

/// One row's status texts, its expected status, and the columns reported as unknown.
pub type Entry = (&'static [&'static str], RosterStatus, &'static [&'static str]);

/// The state's status columns, in the order the entries give their texts.
pub fn columns(code: &str) -> &'static [&'static str] {
    match code {
        "wa" => &["status"],
        "co" => &["licensestatusdescription"],
        "ct" => &["status", "active", "statusreason"],
        "tx" => &[],
        "fl" => &["License-Status-Description", "License-Active-Status-Description"],
        "il" => &["license_status"],
        other => panic!("no status table for {other}"),
    }
}

/// The hand-written table of a state.
pub fn entries(code: &str) -> &'static [Entry] {
    match code {
        "wa" => WA,
        "co" => CO,
        "ct" => CT,
        "tx" => TX,
        "fl" => FL,
        "il" => IL,
        other => panic!("no status table for {other}"),
    }
}

/// Washington (data-sources.md 2.1): the nine values of the DOH Provider Credential Search FAQ.
const WA: &[Entry] = &[
    (&["active"], Active, &[]),
    (&["expired"], Expired, &[]),
    (&["inactive"], Inactive, &[]),
    (&["revoked"], Revoked, &[]),
    (&["suspended"], Suspended, &[]),
    // The FAQ lists these without a meaning for verification; our choice: inactive.
    (&["deceased"], Inactive, &[]),
    (&["military"], Inactive, &[]),
    (&["retired"], Inactive, &[]),
    (&["unlicensed"], Inactive, &[]),
    // Not on the FAQ list.
    (&["Pending Review"], Unknown, &["status"]),
    (&[""], Unknown, &["status"]),
];

/// Colorado (data-sources.md 2.2): only "Active" is documented; the section expects
/// Active/Expired/Inactive/Revoked/Suspended. The rest is our choice by plain meaning.
const CO: &[Entry] = &[
    (&["Active"], Active, &[]),
    (&["Expired"], Expired, &[]),
    (&["Inactive"], Inactive, &[]),
    (&["Suspended"], Suspended, &[]),
    (&["Revoked"], Revoked, &[]),
    // Choices (UNVERIFIED values): retired and deceased inactive, surrendered revoked.
    (&["Retired"], Inactive, &[]),
    (&["Deceased"], Inactive, &[]),
    (&["Surrendered"], Revoked, &[]),
    (&["Relinquished"], Revoked, &[]),
    // Probation is a board action, not a standing we can call active: unknown.
    (&["Probation"], Unknown, &["licensestatusdescription"]),
];

/// Connecticut (data-sources.md 2.3): status ACTIVE / INACTIVE with a statusreason such as
/// LAPSED DUE TO NON-RENEWAL. `active` (1/0, TRUE/FALSE) and the CURRENT / empty reason on
/// active rows are from the Accountability Project's notes on ngch-56tr (cited in ct.toml).
const CT: &[Entry] = &[
    (&["ACTIVE", "1", "CURRENT"], Active, &[]),
    (&["ACTIVE", "1", ""], Active, &[]),
    (&["ACTIVE", "true", "CURRENT"], Active, &[]),
    // ACTIVE but the active column says no: not active.
    (&["ACTIVE", "0", "CURRENT"], Inactive, &[]),
    (&["ACTIVE", "false", ""], Inactive, &[]),
    // "N" is not a documented value of `active`: unknown, never active.
    (&["ACTIVE", "N", "CURRENT"], Unknown, &["active"]),
    // Our choice: lapsed for non-renewal is expired; a voluntary non-renewal is inactive.
    (&["INACTIVE", "0", "LAPSED DUE TO NON-RENEWAL"], Expired, &[]),
    (&["INACTIVE", "0", "VOLUNTARY NON-RENEWAL"], Inactive, &[]),
    (&["INACTIVE", "0", "LACK OF SPONSORSHIP"], Inactive, &[]),
    (&["INACTIVE", "0", ""], Inactive, &[]),
    // UNVERIFIED status values, by plain meaning.
    (&["EXPIRED", "0", ""], Expired, &[]),
    (&["SUSPENDED", "0", ""], Suspended, &[]),
    (&["REVOKED", "0", ""], Revoked, &[]),
    // A reason nobody documented on an otherwise active row: never active.
    (&["ACTIVE", "1", "UNDER REVIEW"], Unknown, &["statusreason"]),
    // A known inactive column beats an unknown status.
    (&["PENDING", "0", ""], Inactive, &["status"]),
    (&["PENDING", "1", ""], Unknown, &["status"]),
    (&["ACTIVE", "", ""], Unknown, &["active"]),
];

/// Texas (data-sources.md 2.4): no status column; every row's status comes from its expiry.
const TX: &[Entry] = &[(&[], FromExpiry, &[])];

/// Florida (data-sources.md 2.5): License-Status-Description ("Clear") and
/// License-Active-Status-Description ("Active") are separate columns. Inactive: may not
/// practice (floridasmassagetherapy.gov); Delinquent: not renewed (F.S. 455.271).
const FL: &[Entry] = &[
    (&["Clear", "Active"], Active, &[]),
    (&["Clear", "Inactive"], Inactive, &[]),
    (&["Clear", "Delinquent"], Expired, &[]),
    // Our choices: null and void (a delinquent license not renewed in time) expired, retired
    // inactive.
    (&["Clear", "Null and Void"], Expired, &[]),
    (&["Clear", "Retired"], Inactive, &[]),
    (&["Clear", "Something New"], Unknown, &["License-Active-Status-Description"]),
    (&["Clear", ""], Unknown, &["License-Active-Status-Description"]),
    (&["", "Active"], Unknown, &["License-Status-Description"]),
    // Discipline statuses, by plain meaning (UNVERIFIED spellings for this file).
    (&["Suspended", "Active"], Suspended, &[]),
    (&["Emergency Suspension", "Active"], Suspended, &[]),
    (&["Emergency Restriction/Suspension", "Active"], Suspended, &[]),
    (&["Administrative Suspension", "Active"], Suspended, &[]),
    (&["Revoked", "Inactive"], Revoked, &[]),
    (&["Voluntary Relinquishment", "Inactive"], Revoked, &[]),
    (&["Relinquished", "Inactive"], Revoked, &[]),
    // Practising under conditions: not "clear", so never active (Board-Action-Indicator says
    // why); our choice: unknown.
    (&["Probation", "Active"], Unknown, &["License-Status-Description"]),
    (&["Obligations", "Active"], Unknown, &["License-Status-Description"]),
    (&["Emergency Restriction", "Active"], Unknown, &["License-Status-Description"]),
    // The worst column wins.
    (&["Suspended", "Delinquent"], Suspended, &[]),
    (&["Probation", "Inactive"], Inactive, &["License-Status-Description"]),
    // The combined forms the MQA pages display (the demo roster writes them in the first
    // column): they still need the second column to say Active.
    (&["Clear/Active", "Active"], Active, &[]),
    (&["Clear/Active", "Inactive"], Inactive, &[]),
    (&["Clear/Inactive", "Inactive"], Inactive, &[]),
];

/// Illinois (data-sources.md 2.6 lists no status values): ACTIVE is what clients use; the rest
/// is our choice by plain meaning.
const IL: &[Entry] = &[
    (&["ACTIVE"], Active, &[]),
    (&["EXPIRED"], Expired, &[]),
    (&["NOT RENEWED"], Expired, &[]),
    (&["INACTIVE"], Inactive, &[]),
    (&["DECEASED"], Inactive, &[]),
    (&["RETIRED"], Inactive, &[]),
    (&["SUSPENDED"], Suspended, &[]),
    (&["REVOKED"], Revoked, &[]),
    (&["PERMANENTLY REVOKED"], Revoked, &[]),
    (&["SURRENDERED"], Revoked, &[]),
    // Practising under conditions: never active; ever_disciplined flags it.
    (&["PROBATION"], Unknown, &["license_status"]),
];
