//! The generated massage therapists: who they are, which taxonomy slots of their NPPES row
//! carry `225700000X` and which license, and what each state roster will say about each
//! claimed license (its [`Fate`]). The first therapists follow a fixed list of scenarios so
//! even a small run covers every case; the rest are drawn at random.

use lumbar_core::directory::{Date, EntityKind, Npi};

use super::dates::days_from;
use super::numbers::{Numbers, ROSTER_STATES, nppes_number};
use super::people::{
    FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, MIDDLE_INITIALS, ORG_FIRST, ORG_SECOND, ORG_SUFFIX,
    THERAPIST_CREDENTIALS, THERAPIST_EXTRA_TAXONOMIES, strip_accents,
};
use super::rng::Rng;
use crate::nppes::{MASSAGE_TAXONOMY, TAXONOMY_SLOTS};

/// What a state roster says about one claimed license.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Active, expiring in the future, no board action.
    Active,
    /// Marked expired.
    ExpiredStatus,
    /// Marked active, but the expiry date has passed.
    ExpiredByDate,
    /// Active with a board action (Colorado: a second row for the case).
    Disciplined,
    /// Suspended or revoked.
    SuspendedRevoked,
    /// Inactive (Texas: no expiry date).
    Inactive,
    /// A status text the profile does not know.
    UnknownStatus,
    /// Not in the roster at all.
    Missing,
    /// The number is in the roster under a different last name.
    NameMismatch,
}

/// How the massage slot's cells are spoiled, as CMS data sometimes is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SlotQuirk {
    None,
    /// `Provider License Number State Code_n` is the literal `NULL`: no claim.
    NullState,
    /// The number is masked (`$$$$$$$$$`): no claim.
    Masked,
    /// The same license in a second massage slot: still one claim.
    Duplicate,
}

/// Deactivation of the NPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Deactivation {
    No,
    Yes,
    Reactivated,
}

/// A license the NPPES reader should report, and its roster fate.
#[derive(Clone, Debug)]
pub(crate) struct Claim {
    pub(crate) state: &'static str,
    /// As typed into NPPES.
    pub(crate) number: String,
    /// The roster identity of the number ([`super::numbers::roster_number`]).
    pub(crate) digits: u64,
    pub(crate) fate: Fate,
    /// How the roster spells the last name.
    pub(crate) roster_last: String,
    /// The first (0-based) slot holding it: claims are reported in slot order.
    pub(crate) slot: usize,
}

/// One filled taxonomy slot of the NPPES row.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    /// 0-based (`_1` is 0).
    pub(crate) index: usize,
    pub(crate) taxonomy: &'static str,
    pub(crate) number: String,
    pub(crate) state: String,
    pub(crate) primary: bool,
}

/// A person's name.
#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub(crate) first: String,
    pub(crate) middle: String,
    pub(crate) last: String,
    pub(crate) sex: char,
}

/// One generated massage therapist (an individual or an organization).
#[derive(Clone, Debug)]
pub(crate) struct Therapist {
    pub(crate) npi: Npi,
    pub(crate) kind: EntityKind,
    /// The therapist, or an organization's authorized official.
    pub(crate) person: Person,
    pub(crate) org_name: String,
    pub(crate) credential: &'static str,
    pub(crate) practice_state: &'static str,
    pub(crate) slots: Vec<Slot>,
    /// What the reader must report, in slot order, without duplicates.
    pub(crate) claims: Vec<Claim>,
    pub(crate) deactivated: Option<Date>,
    pub(crate) reactivated: Option<Date>,
}

impl Therapist {
    /// The last name the NPPES reader reports (empty for organizations).
    pub(crate) fn last_name(&self) -> &str {
        match self.kind {
            EntityKind::Individual => &self.person.last,
            EntityKind::Organization => "",
        }
    }
}

struct Scenario {
    state: &'static str,
    fate: Fate,
    kind: EntityKind,
    quirk: SlotQuirk,
    second: Option<(&'static str, Fate)>,
    deactivation: Deactivation,
}

const fn s(state: &'static str, fate: Fate) -> Scenario {
    Scenario {
        state,
        fate,
        kind: EntityKind::Individual,
        quirk: SlotQuirk::None,
        second: None,
        deactivation: Deactivation::No,
    }
}

/// The first therapists, so that every case appears even in a small run.
const FORCED: &[Scenario] = &[
    s("WA", Fate::Active),
    s("CO", Fate::Disciplined),
    s("CT", Fate::Active),
    s("TX", Fate::Active),
    s("FL", Fate::Active),
    s("IL", Fate::Active),
    s("WA", Fate::ExpiredStatus),
    s("CO", Fate::ExpiredByDate),
    s("FL", Fate::Disciplined),
    s("IL", Fate::SuspendedRevoked),
    s("WA", Fate::SuspendedRevoked),
    s("CT", Fate::Inactive),
    s("TX", Fate::ExpiredByDate),
    s("TX", Fate::Inactive),
    s("IL", Fate::UnknownStatus),
    s("WA", Fate::UnknownStatus),
    s("FL", Fate::ExpiredStatus),
    s("WA", Fate::Missing),
    s("FL", Fate::NameMismatch),
    s("CO", Fate::Missing),
    s("KS", Fate::Active),
    s("MN", Fate::Active),
    s("CA", Fate::Active),
    s("NY", Fate::Active),
    Scenario { kind: EntityKind::Organization, ..s("WA", Fate::Active) },
    Scenario { quirk: SlotQuirk::NullState, ..s("WA", Fate::Active) },
    Scenario { quirk: SlotQuirk::Masked, ..s("CO", Fate::Active) },
    Scenario { second: Some(("FL", Fate::Active)), ..s("TX", Fate::Active) },
    Scenario { quirk: SlotQuirk::Duplicate, ..s("IL", Fate::Active) },
    Scenario { deactivation: Deactivation::Yes, ..s("FL", Fate::Active) },
    Scenario { deactivation: Deactivation::Reactivated, ..s("CT", Fate::Active) },
    s("IL", Fate::Disciplined),
    s("CT", Fate::ExpiredStatus),
    s("CO", Fate::SuspendedRevoked),
    s("FL", Fate::UnknownStatus),
    s("WA", Fate::Disciplined),
    s("CO", Fate::UnknownStatus),
    s("IL", Fate::Missing),
];

/// How many therapists follow the fixed scenarios.
pub const FORCED_SCENARIOS: usize = FORCED.len();

const STATE_WEIGHTS: &[(&str, u32)] = &[
    ("WA", 14),
    ("CO", 12),
    ("CT", 8),
    ("TX", 16),
    ("FL", 16),
    ("IL", 12),
    ("KS", 3),
    ("MN", 3),
    ("CA", 8),
    ("NY", 8),
];

const FATE_WEIGHTS: &[(Fate, u32)] = &[
    (Fate::Active, 50),
    (Fate::ExpiredStatus, 6),
    (Fate::ExpiredByDate, 6),
    (Fate::Disciplined, 6),
    (Fate::SuspendedRevoked, 4),
    (Fate::Inactive, 6),
    (Fate::UnknownStatus, 3),
    (Fate::Missing, 12),
    (Fate::NameMismatch, 3),
];

/// What a roster can express: Texas has no status and no discipline, Connecticut no discipline,
/// states without a roster have no fate at all.
fn possible(state: &str, fate: Fate) -> Fate {
    match (state, fate) {
        (s, _) if !ROSTER_STATES.contains(&s) => Fate::Active,
        ("TX", Fate::ExpiredStatus) => Fate::ExpiredByDate,
        ("TX", Fate::Disciplined | Fate::SuspendedRevoked | Fate::UnknownStatus) => Fate::Active,
        ("CT", Fate::Disciplined) => Fate::Active,
        (_, f) => f,
    }
}

fn random_scenario(rng: &mut Rng) -> Scenario {
    let state = rng.weighted(STATE_WEIGHTS);
    let kind = if rng.chance(0.08) { EntityKind::Organization } else { EntityKind::Individual };
    let quirk = match rng.below(100) {
        0..=3 => SlotQuirk::NullState,
        4..=7 => SlotQuirk::Masked,
        8..=11 => SlotQuirk::Duplicate,
        _ => SlotQuirk::None,
    };
    let second = rng.chance(0.10).then(|| {
        let other = rng.weighted(STATE_WEIGHTS);
        (other, rng.weighted(FATE_WEIGHTS))
    });
    let deactivation = match rng.below(100) {
        0..=1 => Deactivation::Yes,
        2 => Deactivation::Reactivated,
        _ => Deactivation::No,
    };
    Scenario { state, fate: rng.weighted(FATE_WEIGHTS), kind, quirk, second, deactivation }
}

/// A random person.
pub(crate) fn person(rng: &mut Rng, female_share: f64) -> Person {
    let sex = if rng.chance(female_share) { 'F' } else { 'M' };
    let first = if sex == 'F' { rng.one(FIRST_NAMES_F) } else { rng.one(FIRST_NAMES_M) };
    Person {
        first: first.to_owned(),
        middle: rng.one(MIDDLE_INITIALS).to_owned(),
        last: rng.one(LAST_NAMES).to_owned(),
        sex,
    }
}

/// How a roster might spell a last name: as is, upper case, without accents or punctuation
/// (always folding to the same letters, see `lumbar_core::directory::verify::fold_name`).
fn roster_spelling(rng: &mut Rng, last: &str) -> String {
    match rng.below(5) {
        0 | 1 => last.to_owned(),
        2 => last.to_uppercase(),
        3 => strip_accents(last).to_uppercase(),
        // Without punctuation, and without a space: whole-name columns split on spaces.
        _ => strip_accents(last).replace(['\'', '-'], "").to_uppercase(),
    }
}

/// Plans therapist number `ordinal` (0-based).
pub(crate) fn plan(ordinal: usize, npi: Npi, rng: &mut Rng, numbers: &mut Numbers, today: Date) -> Therapist {
    let random;
    let scenario = match FORCED.get(ordinal) {
        Some(s) => s,
        None => {
            random = random_scenario(rng);
            &random
        }
    };
    let person = person(rng, 0.72);
    let org_name = match scenario.kind {
        EntityKind::Organization => {
            format!("{} {} {}", rng.pick(ORG_FIRST), rng.pick(ORG_SECOND), rng.pick(ORG_SUFFIX))
        }
        EntityKind::Individual => String::new(),
    };

    // Slot positions: the main massage slot, a duplicate, a second state, up to two others.
    let duplicate = scenario.quirk == SlotQuirk::Duplicate;
    let massage_slots = 1 + usize::from(duplicate) + usize::from(scenario.second.is_some());
    let other_slots = match rng.below(10) {
        0..=6 => 0,
        7 | 8 => 1,
        _ => 2,
    };
    let mut positions: Vec<usize> = (0..TAXONOMY_SLOTS).collect();
    rng.shuffle(&mut positions);
    positions.truncate(massage_slots + other_slots);

    let unregulated = matches!(scenario.state, "KS" | "MN");
    let mut slots = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let claim_in = |rng: &mut Rng, numbers: &mut Numbers, state: &'static str, fate: Fate| -> Claim {
        let digits = numbers.fresh(rng, state);
        let fate = if scenario.kind == EntityKind::Organization { Fate::Missing } else { possible(state, fate) };
        let roster_last = if fate == Fate::NameMismatch {
            let mut other = rng.one(LAST_NAMES).to_owned();
            while lumbar_core::directory::verify::fold_name(&other)
                == lumbar_core::directory::verify::fold_name(&person.last)
            {
                other = rng.one(LAST_NAMES).to_owned();
            }
            other
        } else {
            roster_spelling(rng, &person.last)
        };
        Claim { state, number: nppes_number(rng, state, digits), digits, fate, roster_last, slot: 0 }
    };

    // Organizations and therapists in unregulated states (after the fixed scenarios) often
    // leave the license empty.
    let no_license = ordinal >= FORCED.len()
        && ((scenario.kind == EntityKind::Organization && rng.chance(0.6)) || (unregulated && rng.chance(0.5)));
    let main = claim_in(rng, numbers, scenario.state, scenario.fate);
    let (number, state) = match scenario.quirk {
        _ if no_license => (String::new(), String::new()),
        SlotQuirk::NullState => (main.number.clone(), "NULL".to_owned()),
        SlotQuirk::Masked => ("$$$$$$$$$".to_owned(), main.state.to_owned()),
        SlotQuirk::None | SlotQuirk::Duplicate => (main.number.clone(), main.state.to_owned()),
    };
    let main_counts = !no_license && matches!(scenario.quirk, SlotQuirk::None | SlotQuirk::Duplicate);
    if duplicate {
        // The same cells again, in another slot.
        let (number, state) = (number.clone(), state.clone());
        slots.push(Slot { index: positions[1], taxonomy: MASSAGE_TAXONOMY, number, state, primary: false });
    }
    slots.push(Slot { index: positions[0], taxonomy: MASSAGE_TAXONOMY, number, state, primary: true });
    if main_counts {
        // Reported at its first slot (the duplicate may come first).
        let slot = if duplicate { positions[0].min(positions[1]) } else { positions[0] };
        claims.push(Claim { slot, ..main });
    }
    if let Some((second_state, fate)) = scenario.second {
        let second_state = if second_state == scenario.state {
            ROSTER_STATES.iter().copied().find(|s| *s != scenario.state).unwrap_or("WA")
        } else {
            second_state
        };
        let second = claim_in(rng, numbers, second_state, fate);
        let index = positions[massage_slots - 1];
        slots.push(Slot {
            index,
            taxonomy: MASSAGE_TAXONOMY,
            number: second.number.clone(),
            state: second.state.to_owned(),
            primary: false,
        });
        claims.push(Claim { slot: index, ..second });
    }
    claims.sort_by_key(|c| c.slot);
    for &index in &positions[massage_slots..] {
        let state = scenario.state;
        slots.push(Slot {
            index,
            taxonomy: rng.one(THERAPIST_EXTRA_TAXONOMIES),
            number: format!("{}", 100_000 + rng.below(900_000)),
            state: state.to_owned(),
            primary: false,
        });
    }

    let (deactivated, reactivated) = match scenario.deactivation {
        Deactivation::No => (None, None),
        Deactivation::Yes => (Some(days_from(today, -rng.range(30, 1500))), None),
        Deactivation::Reactivated => {
            let d = days_from(today, -rng.range(400, 1500));
            (Some(d), Some(days_from(d, rng.range(10, 300))))
        }
    };
    Therapist {
        npi,
        kind: scenario.kind,
        person,
        org_name,
        credential: rng.one(THERAPIST_CREDENTIALS),
        practice_state: scenario.state,
        slots,
        claims,
        deactivated,
        reactivated,
    }
}
