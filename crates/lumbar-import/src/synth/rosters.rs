//! The generated state rosters: a row for each claimed license according to its fate, plus
//! licensees without an NPI, other professions and businesses (to be filtered out), a few
//! unknown status texts, and the deliberately malformed rows listed in `expected.json`:
//!
//! - `roster-fl.txt`: one row with a `|` inside the business name (wrong field count);
//! - `roster-il.csv`: one massage row without a license number.
//!
//! Also valid but awkward on purpose: a stray `"` in a Florida name suffix, a Texas address
//! with a line break inside quotes (one record over two lines), Latin-1 names in Florida.
//!
//! Every state's real status layout is written: Florida's two status columns (including
//! `Clear` + `Inactive` and `Clear` + `Delinquent`, which are not active), Connecticut's
//! `status` + `active` + `statusreason`, Colorado's case number and discipline date (a case
//! sometimes without a `programaction`). What each row must mean comes from the hand-written
//! tables below ([`status_cells`]), not from the profiles' maps.
//!
//! Next to each file comes what the reader must return for it (the intended
//! [`RosterRecord`]s) and the unknown status texts it must report, from which `expected.json`
//! is computed.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use lumbar_core::directory::{Date, RosterRecord, RosterStatus, normalize_license};

use super::dates::{compact, days_from, mdy, socrata};
use super::numbers::{Numbers, roster_number, roster_parts};
use super::places::{Places, phone};
use super::rng::Rng;
use super::therapists::{Fate, Therapist, person};
use crate::error::ImportError;
use crate::roster::Profile;

/// A license standing as the generator means it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Active,
    Expired,
    Inactive,
    Suspended,
    Revoked,
    Unknown,
}

/// What the row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Massage,
    /// Another profession: credential text and (Florida) rank code.
    Other(&'static str, &'static str),
    /// A business holding a massage credential (filtered by the entity filter).
    Business,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowQuirk {
    None,
    /// Florida: a `|` inside a value, so the row has one field too many (rejected).
    EmbeddedDelimiter,
    /// No license number (rejected).
    EmptyNumber,
    /// Florida: a stray `"` in the name suffix (valid).
    StrayQuote,
    /// A quoted value with a line break (valid, two physical lines).
    MultiLine,
}

struct Row {
    kind: RowKind,
    digits: u64,
    last: String,
    first: String,
    middle: String,
    standing: Standing,
    /// Which of the standing's status-text combinations to write ([`choices`]); `None`: a
    /// random one.
    variant: Option<usize>,
    expires: Option<Date>,
    /// The board action; Colorado's empty action is a case with only a case number and a
    /// discipline date.
    discipline: Option<&'static str>,
    quirk: RowQuirk,
}

/// A written roster and what reading it must give.
pub(crate) struct RosterOutput {
    pub(crate) path: PathBuf,
    /// The massage licenses the reader must return, in file order.
    pub(crate) intended: Vec<RosterRecord>,
    /// Lines that must come back `Rejected`.
    pub(crate) rejected_lines: Vec<u64>,
    /// What `RosterStats::unknown_statuses` must say (`column: text` → rows).
    pub(crate) unknown_statuses: BTreeMap<String, u64>,
}

/// The file name of a state's generated roster.
pub fn roster_file_name(code: &str) -> String {
    let code = code.to_ascii_lowercase();
    if code == "fl" { "roster-fl.txt".to_owned() } else { format!("roster-{code}.csv") }
}

const ACTIONS: &[&str] = &["Letter of Admonition", "Stipulation", "Probation", "Fine", "Reprimand"];

/// Builds, shuffles and writes one roster.
pub(crate) fn write_roster(
    profile: &Profile,
    therapists: &[Therapist],
    rng: &mut Rng,
    numbers: &mut Numbers,
    places: &Places,
    today: Date,
    out_dir: &Path,
) -> Result<RosterOutput, ImportError> {
    let state_code = profile.state_code()?;
    let state: &'static str =
        super::numbers::ROSTER_STATES.iter().copied().find(|s| *s == state_code.as_str()).unwrap_or("WA");
    let mut rows = rows_for(state, therapists, rng, numbers, today);
    rng.shuffle(&mut rows);

    let path = out_dir.join(roster_file_name(state));
    let write_err = |source| ImportError::Write { path: path.clone(), source };
    let mut out = BufWriter::new(File::create(&path).map_err(write_err)?);
    let fl = state == "FL";
    let header: Vec<String> = profile.expected_columns.clone();
    write_record(&mut out, &header, fl, true).map_err(write_err)?;

    let mut line = 2u64;
    let mut intended = Vec::new();
    let mut rejected_lines = Vec::new();
    let mut unknown_statuses = BTreeMap::new();
    for row in &rows {
        let status = status_cells(state, row.standing, row.variant, rng);
        let place = places.pick(rng, state);
        let Rendered { cells, discipline_text } =
            render(state, row, &status.cells, &place.zip, place.city, profile, rng, today);
        write_record(&mut out, &cells, fl, false).map_err(write_err)?;
        match row.quirk {
            RowQuirk::EmbeddedDelimiter | RowQuirk::EmptyNumber => rejected_lines.push(line),
            _ if row.kind == RowKind::Massage => {
                for key in &status.unknown {
                    *unknown_statuses.entry(key.clone()).or_insert(0) += 1;
                }
                let (last_name, first_name) = displayed_name(state, row);
                let license_number = roster_number(state, row.digits);
                intended.push(RosterRecord {
                    state: state_code,
                    license_key: normalize_license(&license_number).unwrap_or_default(),
                    license_number,
                    credential_type: massage_credential(state).to_owned(),
                    last_name,
                    first_name,
                    status: status.status,
                    status_text: status.text(),
                    expires: row.expires,
                    disciplined: row.discipline.is_some(),
                    discipline_text,
                    source_line: line,
                });
            }
            _ => {}
        }
        line += 1 + cells.iter().map(|c| c.matches('\n').count() as u64).sum::<u64>();
    }
    out.flush().map_err(write_err)?;
    Ok(RosterOutput { path, intended, rejected_lines, unknown_statuses })
}

/// The rows of one state's roster, before shuffling.
fn rows_for(
    state: &'static str,
    therapists: &[Therapist],
    rng: &mut Rng,
    numbers: &mut Numbers,
    today: Date,
) -> Vec<Row> {
    let future = |rng: &mut Rng| Some(days_from(today, rng.range(20, 900)));
    let past = |rng: &mut Rng| Some(days_from(today, -rng.range(5, 900)));
    let row = |kind, digits, last: &str, first: &str, standing, expires| Row {
        kind,
        digits,
        last: last.to_owned(),
        first: first.to_owned(),
        middle: String::new(),
        standing,
        variant: None,
        expires,
        discipline: None,
        quirk: RowQuirk::None,
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut claims = 0u64;
    // The first suitable row of a state carries its awkward-but-valid quirk.
    let mut valid_quirk = match state {
        "FL" => Some(RowQuirk::StrayQuote),
        "TX" => Some(RowQuirk::MultiLine),
        _ => None,
    };
    for t in therapists {
        for claim in t.claims.iter().filter(|c| c.state == state) {
            claims += 1;
            let (first, last) = (t.person.first.as_str(), claim.roster_last.as_str());
            let mut r = row(RowKind::Massage, claim.digits, last, first, Standing::Active, future(rng));
            r.middle = t.person.middle.clone();
            match claim.fate {
                Fate::Active | Fate::NameMismatch => {}
                Fate::ExpiredStatus => (r.standing, r.expires) = (Standing::Expired, past(rng)),
                Fate::ExpiredByDate => r.expires = past(rng),
                Fate::Disciplined => {
                    if state == "CO" {
                        // Colorado: one row per case; the clean row comes too.
                        let mut clean = row(RowKind::Massage, claim.digits, last, first, Standing::Active, r.expires);
                        clean.middle = r.middle.clone();
                        rows.push(clean);
                    }
                    // Colorado: some cases only have a case number and a date (still an action).
                    r.discipline = Some(if state == "CO" && rng.chance(0.3) { "" } else { rng.one(ACTIONS) });
                }
                Fate::SuspendedRevoked => {
                    r.standing = if rng.chance(0.5) { Standing::Suspended } else { Standing::Revoked };
                }
                Fate::Inactive => {
                    r.standing = Standing::Inactive;
                    r.expires = if state == "TX" { None } else { past(rng) };
                }
                Fate::UnknownStatus => r.standing = Standing::Unknown,
                Fate::Missing => {
                    // Sometimes the same number and name under another profession: still not found.
                    if rng.chance(0.5) {
                        rows.push(row(
                            other_kind(state, rng),
                            claim.digits,
                            last,
                            first,
                            Standing::Active,
                            future(rng),
                        ));
                    }
                    continue;
                }
            }
            if let Some(quirk) = valid_quirk.take() {
                r.quirk = quirk;
            }
            rows.push(r);
        }
    }

    // Licensees without an NPI. First every status-text combination of the state once (so
    // Florida's Clear + Inactive and Clear + Delinquent, Connecticut's three columns and the
    // unknown texts always occur), and a board action of each kind the roster can show…
    let mut fresh_row = |rng: &mut Rng, standing: Standing| {
        let p = person(rng, 0.7);
        let expires = match standing {
            Standing::Expired => past(rng),
            Standing::Inactive if state == "TX" => None,
            _ => future(rng),
        };
        let mut r = row(RowKind::Massage, numbers.fresh(rng, state), &p.last, &p.first, standing, expires);
        r.middle = p.middle;
        r
    };
    for standing in [
        Standing::Active,
        Standing::Expired,
        Standing::Inactive,
        Standing::Suspended,
        Standing::Revoked,
        Standing::Unknown,
    ] {
        for variant in 0..choices(state, standing).len() {
            let mut r = fresh_row(rng, standing);
            r.variant = Some(variant);
            rows.push(r);
        }
    }
    let actions: &[&'static str] = match state {
        "TX" | "CT" => &[],
        "CO" => &["Stipulation", ""],
        _ => &["Reprimand"],
    };
    for action in actions {
        let mut r = fresh_row(rng, Standing::Active);
        r.discipline = Some(action);
        rows.push(r);
    }
    // …then random ones.
    for _ in 0..(claims / 2).max(5) {
        let standing =
            rng.one(&[Standing::Active, Standing::Active, Standing::Active, Standing::Expired, Standing::Inactive]);
        rows.push(fresh_row(rng, standing));
    }
    // Other professions and businesses.
    for _ in 0..claims.max(10) {
        let p = person(rng, 0.6);
        let kind =
            if rng.chance(0.2) && matches!(state, "CT" | "IL") { RowKind::Business } else { other_kind(state, rng) };
        rows.push(row(kind, numbers.fresh(rng, state), &p.last, &p.first, Standing::Active, future(rng)));
    }
    // Deliberately malformed rows.
    let quirk = match state {
        "FL" => Some(RowQuirk::EmbeddedDelimiter),
        "IL" => Some(RowQuirk::EmptyNumber),
        _ => None,
    };
    if let Some(quirk) = quirk {
        let p = person(rng, 0.5);
        let mut r = row(RowKind::Massage, numbers.fresh(rng, state), &p.last, &p.first, Standing::Active, future(rng));
        r.quirk = quirk;
        rows.push(r);
    }
    rows
}

fn other_kind(state: &str, rng: &mut Rng) -> RowKind {
    let options: &[(&str, &str)] = match state {
        "WA" => &[
            ("Registered Nurse License", ""),
            ("Physician And Surgeon License", ""),
            ("Reflexologist Certification", ""),
        ],
        "CO" => &[("RN", ""), ("DEN", ""), ("DH", ""), ("PT", "")],
        "CT" => &[("REGISTERED NURSE", ""), ("DENTAL HYGIENIST", ""), ("PACKAGE STORE LIQUOR", "")],
        "TX" => &[
            ("Cosmetology Operator", ""),
            ("Massage Establishment", ""),
            ("Massage Therapy Instructor", ""),
            ("Electrician", ""),
        ],
        "FL" => &[("Registered Nurse", "RN"), ("Medical Doctor", "ME"), ("Massage Establishment", "MM")],
        _ => &[
            ("REGISTERED PROFESSIONAL NURSE", ""),
            ("LICENSED PHYSICIAN AND SURGEON", ""),
            ("LICENSED CLINICAL SOCIAL WORKER", ""),
        ],
    };
    let (credential, rank) = rng.one(options);
    RowKind::Other(credential, rank)
}

fn massage_credential(state: &str) -> &'static str {
    match state {
        "WA" => "Massage Therapist License",
        "CO" => "MT",
        "CT" => "MASSAGE THERAPIST",
        "TX" => "Massage Therapist",
        "FL" => "Massage Therapist",
        _ => "LICENSED MASSAGE THERAPIST",
    }
}

/// States that print names in capitals.
fn upper_case_names(state: &str) -> bool {
    matches!(state, "CT" | "TX" | "FL" | "IL")
}

/// (last, first) as the reader will return them.
fn displayed_name(state: &str, row: &Row) -> (String, String) {
    if upper_case_names(state) {
        (row.last.to_uppercase(), row.first.to_uppercase())
    } else {
        (row.last.clone(), row.first.clone())
    }
}

/// The status cells of one row and what they must mean.
struct StatusCells {
    /// Status columns and the texts written in them.
    cells: Vec<(&'static str, &'static str)>,
    /// The row's status once every column is read.
    status: RosterStatus,
    /// `column: text` of the texts the profile must not know (reported as unknown).
    unknown: Vec<String>,
}

impl StatusCells {
    /// The evidence text the reader keeps: the text itself for one column, else
    /// `column: text; …` without the empty ones.
    fn text(&self) -> String {
        match self.cells.as_slice() {
            [(_, t)] => (*t).to_owned(),
            cells => cells
                .iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(c, t)| format!("{c}: {t}"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// One choice of status texts: the texts per column, the status they mean, and which of
/// them (by column) the profile must not know.
type Choice = (&'static [&'static str], RosterStatus, &'static [&'static str]);

/// The status columns of a state, in the order a [`Choice`] gives its texts.
fn status_columns(state: &str) -> &'static [&'static str] {
    match state {
        "TX" => &[],
        "WA" => &["status"],
        "CO" => &["licensestatusdescription"],
        "CT" => &["status", "active", "statusreason"],
        "FL" => &["License-Status-Description", "License-Active-Status-Description"],
        _ => &["license_status"],
    }
}

/// The status texts of each state's real combinations for a standing, and what they mean,
/// written by hand from data-sources.md section 2 (and the sources cited in the profiles),
/// never taken from the profiles' maps.
fn choices(state: &str, standing: Standing) -> &'static [Choice] {
    use RosterStatus as R;
    use Standing as S;
    match (state, standing) {
        ("TX", _) => &[(&[], R::FromExpiry, &[])],
        ("WA", S::Active) => &[(&["Active"], R::Active, &[]), (&["ACTIVE"], R::Active, &[])],
        ("WA", S::Expired) => &[(&["Expired"], R::Expired, &[])],
        ("WA", S::Inactive) => &[(&["Inactive"], R::Inactive, &[]), (&["Retired"], R::Inactive, &[])],
        ("WA", S::Suspended) => &[(&["Suspended"], R::Suspended, &[])],
        ("WA", S::Revoked) => &[(&["Revoked"], R::Revoked, &[])],
        ("WA", S::Unknown) => {
            &[(&["Pending Review"], R::Unknown, &["status"]), (&["Superseded"], R::Unknown, &["status"])]
        }
        ("CO", S::Active) => &[(&["Active"], R::Active, &[])],
        ("CO", S::Expired) => &[(&["Expired"], R::Expired, &[])],
        ("CO", S::Inactive) => &[(&["Inactive"], R::Inactive, &[])],
        ("CO", S::Suspended) => &[(&["Suspended"], R::Suspended, &[])],
        ("CO", S::Revoked) => &[(&["Revoked"], R::Revoked, &[]), (&["Surrendered"], R::Revoked, &[])],
        ("CO", S::Unknown) => &[
            (&["Pending"], R::Unknown, &["licensestatusdescription"]),
            (&["Probation"], R::Unknown, &["licensestatusdescription"]),
        ],
        // Connecticut: status, active (1/0), statusreason (CURRENT or empty when active).
        ("CT", S::Active) => &[(&["ACTIVE", "1", "CURRENT"], R::Active, &[]), (&["ACTIVE", "1", ""], R::Active, &[])],
        // A lapsed license is INACTIVE with the reason saying it was not renewed: expired.
        ("CT", S::Expired) => &[(&["INACTIVE", "0", "LAPSED DUE TO NON-RENEWAL"], R::Expired, &[])],
        ("CT", S::Inactive) => &[(&["INACTIVE", "0", "VOLUNTARY NON-RENEWAL"], R::Inactive, &[])],
        ("CT", S::Suspended) => &[(&["SUSPENDED", "0", ""], R::Suspended, &[])],
        ("CT", S::Revoked) => &[(&["REVOKED", "0", ""], R::Revoked, &[])],
        ("CT", S::Unknown) => &[
            // An unknown status with active = 0: inactive is known, so it wins over unknown.
            (&["PENDING", "0", ""], R::Inactive, &["status"]),
            // ACTIVE and 1, but a reason the profile does not know: never active.
            (&["ACTIVE", "1", "RENEWAL IN PROCESS"], R::Unknown, &["statusreason"]),
        ],
        // Florida: License-Status-Description, License-Active-Status-Description.
        ("FL", S::Active) => &[(&["Clear", "Active"], R::Active, &[])],
        ("FL", S::Expired) => {
            &[(&["Clear", "Delinquent"], R::Expired, &[]), (&["Clear", "Null and Void"], R::Expired, &[])]
        }
        ("FL", S::Inactive) => &[(&["Clear", "Inactive"], R::Inactive, &[]), (&["Clear", "Retired"], R::Inactive, &[])],
        ("FL", S::Suspended) => {
            &[(&["Suspended", "Active"], R::Suspended, &[]), (&["Emergency Suspension", "Active"], R::Suspended, &[])]
        }
        ("FL", S::Revoked) => {
            &[(&["Revoked", "Inactive"], R::Revoked, &[]), (&["Voluntary Relinquishment", "Inactive"], R::Revoked, &[])]
        }
        ("FL", S::Unknown) => &[
            (&["Probation", "Active"], R::Unknown, &["License-Status-Description"]),
            (&["Obligations", "Active"], R::Unknown, &["License-Status-Description"]),
            (&["Clear", "Pending"], R::Unknown, &["License-Active-Status-Description"]),
        ],
        (_, S::Active) => &[(&["ACTIVE"], R::Active, &[])],
        (_, S::Expired) => &[(&["EXPIRED"], R::Expired, &[]), (&["NOT RENEWED"], R::Expired, &[])],
        (_, S::Inactive) => &[(&["INACTIVE"], R::Inactive, &[])],
        (_, S::Suspended) => &[(&["SUSPENDED"], R::Suspended, &[])],
        (_, S::Revoked) => &[(&["REVOKED"], R::Revoked, &[])],
        (_, S::Unknown) => &[
            (&["PROBATION"], R::Unknown, &["license_status"]),
            (&["TEMPORARY PERMIT"], R::Unknown, &["license_status"]),
        ],
    }
}

/// The status cells written for a row: combination `variant` of its standing, or a random one.
fn status_cells(state: &str, standing: Standing, variant: Option<usize>, rng: &mut Rng) -> StatusCells {
    let options = choices(state, standing);
    let (texts, status, unknown_columns) = match variant {
        Some(k) => options[k % options.len()],
        None => rng.one(options),
    };
    let cells: Vec<(&'static str, &'static str)> =
        status_columns(state).iter().copied().zip(texts.iter().copied()).collect();
    let unknown = cells
        .iter()
        .filter(|(c, _)| unknown_columns.contains(c))
        .map(|(c, t)| format!("{c}: {}", if t.is_empty() { "(empty)" } else { t }))
        .collect();
    StatusCells { cells, status, unknown }
}

/// Values by column name, in the profile's column order.
struct Cells<'a> {
    columns: &'a [String],
    values: Vec<String>,
}

impl Cells<'_> {
    fn set(&mut self, column: &str, value: impl Into<String>) {
        if let Some(i) = self.columns.iter().position(|c| c.trim() == column) {
            self.values[i] = value.into();
        }
    }
}

/// One row's cells, and the discipline text the reader must give for it.
struct Rendered {
    cells: Vec<String>,
    discipline_text: String,
}

/// One row's cells.
#[allow(clippy::too_many_arguments)]
fn render(
    state: &str,
    row: &Row,
    status: &[(&'static str, &'static str)],
    zip: &str,
    city: &'static str,
    profile: &Profile,
    rng: &mut Rng,
    today: Date,
) -> Rendered {
    let mut c =
        Cells { columns: &profile.expected_columns, values: vec![String::new(); profile.expected_columns.len()] };
    for (column, text) in status {
        c.set(column, *text);
    }
    let mut discipline_text = String::new();
    let (prefix, number) = roster_parts(state, row.digits);
    let number = if row.quirk == RowQuirk::EmptyNumber { String::new() } else { number };
    let (last, first) = displayed_name(state, row);
    let middle = if upper_case_names(state) { row.middle.to_uppercase() } else { row.middle.clone() };
    let credential = match row.kind {
        RowKind::Massage | RowKind::Business => massage_credential(state),
        RowKind::Other(credential, _) => credential,
    };
    let issued = days_from(today, -rng.range(400, 6000));
    let expires = row.expires;
    let disciplined = row.discipline.is_some();
    match state {
        "WA" => {
            c.set("credentialnumber", number);
            c.set("lastname", last);
            c.set("firstname", first);
            c.set("middlename", middle);
            c.set("credentialtype", credential);
            c.set("birthyear", format!("{}", rng.range(1950, 2000)));
            c.set("firstissuedate", compact(issued));
            c.set("lastissuedate", compact(days_from(issued, 365)));
            // Both date formats seen in clients of this dataset.
            c.set(
                "expirationdate",
                expires.map(|d| if rng.chance(0.5) { mdy(d) } else { compact(d) }).unwrap_or_default(),
            );
            c.set("actiontaken", if disciplined { "Yes" } else { "No" });
            if disciplined {
                discipline_text = "actiontaken: Yes".to_owned();
            }
        }
        "CO" => {
            c.set("lastname", last);
            c.set("firstname", first);
            c.set("middlename", middle);
            c.set("city", city);
            c.set("state", "CO");
            c.set("mailzipcode", zip);
            c.set("licensetype", credential);
            c.set("licensenumber", number.clone());
            c.set("licensefirstissuedate", socrata(issued));
            c.set("licenselastreneweddate", socrata(days_from(issued, 730)));
            c.set("licenseexpirationdate", expires.map(socrata).unwrap_or_default());
            if let Some(action) = row.discipline {
                let date = mdy(days_from(today, -rng.range(30, 900)));
                let case = format!("{}-{}", rng.range(2018, 2026), rng.range(100, 9999));
                // Most cases name the action; some only have the case number and the date,
                // which are a board action all the same (data-sources.md 2.2).
                discipline_text = if action.is_empty() {
                    format!("casenumber: {case}; disciplineeffectivedate: {date}")
                } else {
                    c.set("programaction", action);
                    action.to_owned()
                };
                c.set("disciplineeffectivedate", date);
                c.set("casenumber", case);
            }
            c.set(
                "linktoverifylicense",
                format!("https://apps.colorado.gov/dora/licensing/Lookup/LicenseLookup.aspx?lic={number}"),
            );
        }
        "CT" => {
            c.set("credentialid", format!("{}", 1_000_000 + row.digits));
            let full = [first.as_str(), middle.as_str(), last.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>();
            c.set("name", full.join(" "));
            c.set("type", if row.kind == RowKind::Business { "BUSINESS" } else { "INDIVIDUAL" });
            if row.kind == RowKind::Business {
                c.set("businessname", format!("{last} WELLNESS LLC"));
            }
            let code = if matches!(row.kind, RowKind::Other(..)) { "GEN" } else { "MT" };
            c.set("fullcredentialcode", format!("{code}.{number}"));
            c.set("credentialnumber", number);
            c.set("credentialtype", code);
            c.set("credential", credential);
            c.set("issuedate", socrata(issued));
            c.set("effectivedate", socrata(days_from(issued, 30)));
            c.set("expirationdate", expires.map(socrata).unwrap_or_default());
            c.set("city", city.to_uppercase());
            c.set("state", "CT");
            c.set("zip", zip);
            c.set("recordrefreshedon", socrata(today));
        }
        "TX" => {
            c.set("license_type", credential);
            c.set("license_number", number);
            c.set("business_county", "TRAVIS");
            c.set("business_city_state_zip", format!("{} TX {zip}", city.to_uppercase()));
            let full_middle = if middle.is_empty() { String::new() } else { format!(" {middle}") };
            c.set("owner_name", format!("{last}, {first}{full_middle}"));
            c.set("owner_telephone", phone(rng, "TX"));
            c.set("mailing_address_line1", format!("{} MAIN ST", rng.range(10, 9999)));
            if row.quirk == RowQuirk::MultiLine {
                c.set("mailing_address_line2", "SUITE 5\nBLDG B");
            }
            c.set("mailing_address_city_state_zip", format!("{} TX {zip}", city.to_uppercase()));
            c.set("license_expiration_date_mmddccyy", expires.map(mdy).unwrap_or_default());
            c.set("continuing_education_flag", if rng.chance(0.8) { "Y" } else { "N" });
        }
        "FL" => {
            // Profession codes: 1501 medical doctor (documented); the others are made up.
            let (profession, rank, code) = match row.kind {
                RowKind::Other(credential, rank) => (credential, rank, if rank == "ME" { "1501" } else { "2701" }),
                _ => (credential, prefix.as_str(), "2800"),
            };
            c.set("pro_cde", code);
            c.set("Profession-Name", profession);
            c.set("lic_id", format!("{}", 500_000 + row.digits));
            c.set("Expire-Date", expires.map(mdy).unwrap_or_default());
            c.set("Original-Date", mdy(issued));
            c.set("Rank-Code", rank);
            c.set("License-Number", number);
            c.set("Status-Effective-Date", mdy(days_from(issued, 100)));
            c.set("Board-Action-Indicator", if disciplined { "Y" } else { "N" });
            if disciplined {
                discipline_text = "Board-Action-Indicator: Y".to_owned();
            }
            c.set("Last-Name", last);
            c.set("First-Name", first);
            c.set("Middle-Name", middle);
            if row.quirk == RowQuirk::StrayQuote {
                c.set("Name-Suffix", "\"JR");
            }
            if row.quirk == RowQuirk::EmbeddedDelimiter {
                c.set("Business-Name", "SPA | WELLNESS");
            }
            c.set("Mailing-Address-City", city.to_uppercase());
            c.set("Mailing-Address-State", "FL");
            c.set("Mailing-Address-ZIPcode", zip);
            c.set("Practice-Location-Address-City", city.to_uppercase());
            c.set("Practice-Location-Address-State", "FL");
            c.set("Practice-Location-Address-ZIPcode", zip);
            c.set("Birth-Year-Range", "40 - 50");
            c.set("Other-License", "N");
        }
        _ => {
            c.set("license_type", credential);
            c.set("description", credential);
            c.set("license_number", number);
            c.set("business", if row.kind == RowKind::Business { "Y" } else { "N" });
            c.set("first_name", first);
            c.set("middle", middle);
            c.set("last_name", last);
            c.set("original_issue_date", mdy(issued));
            c.set("effective_date", mdy(days_from(issued, 30)));
            c.set("expiration_date", expires.map(mdy).unwrap_or_default());
            c.set("city", city.to_uppercase());
            c.set("state", "IL");
            c.set("ever_disciplined", if disciplined { "Y" } else { "N" });
            if let Some(action) = row.discipline {
                c.set("discipline_start_date", mdy(days_from(today, -rng.range(30, 900))));
                c.set("action", action.to_uppercase());
                c.set("discipline_reason", "UNPROFESSIONAL CONDUCT");
                discipline_text = format!("{}; UNPROFESSIONAL CONDUCT", action.to_uppercase());
            }
        }
    }
    Rendered { cells: c.values, discipline_text }
}

/// Writes one record: quoted CSV, or Florida's unquoted Latin-1 pipes (data rows end with a
/// trailing `|`, the header does not).
fn write_record(out: &mut impl Write, cells: &[String], florida: bool, header: bool) -> std::io::Result<()> {
    if florida {
        let mut line: Vec<u8> = Vec::with_capacity(256);
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                line.push(b'|');
            }
            line.extend(cell.chars().map(|ch| u8::try_from(u32::from(ch)).unwrap_or(b'?')));
        }
        if !header {
            line.push(b'|');
        }
        line.push(b'\n');
        return out.write_all(&line);
    }
    let mut line = String::with_capacity(256);
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push('"');
        line.push_str(&cell.replace('"', "\"\""));
        line.push('"');
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}
