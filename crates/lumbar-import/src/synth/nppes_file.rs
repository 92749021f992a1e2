//! Writing the generated NPPES file: the exact 330-column V2 header (embedded from
//! `crates/lumbar-import/data/nppes-header.csv`), every value double-quoted, LF line ends.
//! Rows are assembled in one reused buffer and streamed through a `BufWriter`.

use std::io::{self, Write};

use lumbar_core::directory::{Date, EntityKind, Npi};

use super::dates::{days_from, mdy};
use super::people::{OTHER_CREDENTIALS, OTHER_ORG_TAXONOMIES, OTHER_TAXONOMIES, STREET_KINDS, STREETS, SUITES};
use super::places::{Place, Places, STATES, phone};
use super::rng::Rng;
use super::therapists::{Person, Therapist, person};

/// The NPPES V2 dissemination header, one line with its LF.
pub const NPPES_HEADER: &str = include_str!("../../data/nppes-header.csv");

/// Column positions, found by name in [`NPPES_HEADER`].
struct Cols {
    count: usize,
    npi: usize,
    entity: usize,
    ein: usize,
    org: usize,
    last: usize,
    first: usize,
    middle: usize,
    prefix: usize,
    credential: usize,
    mail: [usize; 6],
    practice: [usize; 6],
    enumeration: usize,
    last_update: usize,
    deactivation: usize,
    reactivation: usize,
    sex: usize,
    official: [usize; 4],
    /// Per slot: taxonomy, license number, license state, primary switch.
    slots: Vec<[usize; 4]>,
    other_id: [usize; 4],
    sole_proprietor: usize,
    subpart: usize,
    group: usize,
    certification: usize,
}

/// Streams rows of the generated NPPES file.
pub(crate) struct NppesWriter<W: Write> {
    out: W,
    cols: Cols,
    row: Vec<String>,
    line: Vec<u8>,
}

impl<W: Write> NppesWriter<W> {
    /// Writes the header; fails if the embedded header lacks a column the generator fills.
    pub(crate) fn new(mut out: W) -> Result<NppesWriter<W>, String> {
        let names: Vec<&str> = NPPES_HEADER.trim_end().split(',').map(|n| n.trim_matches('"')).collect();
        let mut missing = Vec::new();
        let mut col = |name: &str| {
            names.iter().position(|n| *n == name).unwrap_or_else(|| {
                missing.push(name.to_owned());
                0
            })
        };
        let address = |col: &mut dyn FnMut(&str) -> usize, kind: &str| {
            [
                col(&format!("Provider First Line Business {kind} Address")),
                col(&format!("Provider Second Line Business {kind} Address")),
                col(&format!("Provider Business {kind} Address City Name")),
                col(&format!("Provider Business {kind} Address State Name")),
                col(&format!("Provider Business {kind} Address Postal Code")),
                col(&format!("Provider Business {kind} Address Telephone Number")),
            ]
        };
        let cols = Cols {
            count: names.len(),
            npi: col("NPI"),
            entity: col("Entity Type Code"),
            ein: col("Employer Identification Number (EIN)"),
            org: col("Provider Organization Name (Legal Business Name)"),
            last: col("Provider Last Name (Legal Name)"),
            first: col("Provider First Name"),
            middle: col("Provider Middle Name"),
            prefix: col("Provider Name Prefix Text"),
            credential: col("Provider Credential Text"),
            mail: address(&mut col, "Mailing"),
            practice: address(&mut col, "Practice Location"),
            enumeration: col("Provider Enumeration Date"),
            last_update: col("Last Update Date"),
            deactivation: col("NPI Deactivation Date"),
            reactivation: col("NPI Reactivation Date"),
            sex: col("Provider Sex Code"),
            official: [
                col("Authorized Official Last Name"),
                col("Authorized Official First Name"),
                col("Authorized Official Title or Position"),
                col("Authorized Official Telephone Number"),
            ],
            slots: (1..=crate::nppes::TAXONOMY_SLOTS)
                .map(|k| {
                    [
                        col(&format!("Healthcare Provider Taxonomy Code_{k}")),
                        col(&format!("Provider License Number_{k}")),
                        col(&format!("Provider License Number State Code_{k}")),
                        col(&format!("Healthcare Provider Primary Taxonomy Switch_{k}")),
                    ]
                })
                .collect(),
            other_id: [
                col("Other Provider Identifier_1"),
                col("Other Provider Identifier Type Code_1"),
                col("Other Provider Identifier State_1"),
                col("Other Provider Identifier Issuer_1"),
            ],
            sole_proprietor: col("Is Sole Proprietor"),
            subpart: col("Is Organization Subpart"),
            group: col("Healthcare Provider Taxonomy Group_1"),
            certification: col("Certification Date"),
        };
        if !missing.is_empty() {
            return Err(format!("the embedded NPPES header lacks {}", missing.join(", ")));
        }
        out.write_all(NPPES_HEADER.as_bytes()).map_err(|e| e.to_string())?;
        let row = vec![String::new(); cols.count];
        Ok(NppesWriter { out, cols, row, line: Vec::with_capacity(4096) })
    }

    fn set(&mut self, col: usize, value: impl AsRef<str>) {
        let cell = &mut self.row[col];
        cell.clear();
        cell.push_str(value.as_ref());
    }

    /// Writes the assembled row and clears it.
    fn finish_row(&mut self) -> io::Result<()> {
        self.line.clear();
        for (i, cell) in self.row.iter_mut().enumerate() {
            if i > 0 {
                self.line.push(b',');
            }
            self.line.push(b'"');
            // NPPES replaces embedded double quotes by single quotes.
            self.line.extend(cell.bytes().map(|b| if b == b'"' { b'\'' } else { b }));
            self.line.push(b'"');
            cell.clear();
        }
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    /// Flushes and returns the writer.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }

    fn address(&mut self, rng: &mut Rng, place: &Place, state: &str, zip_plus4: bool) {
        let line1 = format!("{} {} {}", rng.range(1, 9999), rng.pick(STREETS), rng.pick(STREET_KINDS)).to_uppercase();
        let line2 = rng.one(SUITES).to_uppercase();
        let postal = if zip_plus4 { format!("{}{:04}", place.zip, rng.range(1, 9999)) } else { place.zip.clone() };
        let tel = phone(rng, state);
        for cols in [self.cols.mail, self.cols.practice] {
            self.set(cols[0], &line1);
            self.set(cols[1], &line2);
            self.set(cols[2], place.city.to_uppercase());
            self.set(cols[3], state);
            self.set(cols[4], &postal);
            self.set(cols[5], &tel);
        }
    }

    fn dates(&mut self, rng: &mut Rng, today: Date) {
        let enumerated = days_from(today, -rng.range(200, 7000));
        let updated = days_from(today, -rng.range(1, 190));
        self.set(self.cols.enumeration, mdy(enumerated));
        self.set(self.cols.last_update, mdy(updated));
        self.set(self.cols.certification, mdy(updated));
    }

    fn individual(&mut self, p: &Person, credential: &str) {
        self.set(self.cols.entity, "1");
        self.set(self.cols.last, p.last.to_uppercase());
        self.set(self.cols.first, p.first.to_uppercase());
        self.set(self.cols.middle, p.middle.to_uppercase());
        self.set(self.cols.prefix, if p.sex == 'F' { "MS." } else { "MR." });
        self.set(self.cols.credential, credential);
        self.set(self.cols.sex, p.sex.to_string());
        self.set(self.cols.sole_proprietor, "N");
    }

    fn organization(&mut self, rng: &mut Rng, name: &str, official: &Person, state: &str) {
        self.set(self.cols.entity, "2");
        self.set(self.cols.ein, "<UNAVAIL>");
        self.set(self.cols.org, name.to_uppercase());
        self.set(self.cols.official[0], official.last.to_uppercase());
        self.set(self.cols.official[1], official.first.to_uppercase());
        self.set(self.cols.official[2], "OWNER");
        self.set(self.cols.official[3], phone(rng, state));
        self.set(self.cols.subpart, "N");
    }

    /// A massage therapist's row.
    pub(crate) fn therapist(&mut self, t: &Therapist, rng: &mut Rng, places: &Places, today: Date) -> io::Result<()> {
        self.set(self.cols.npi, t.npi.to_string());
        match t.kind {
            EntityKind::Individual => self.individual(&t.person, t.credential),
            EntityKind::Organization => self.organization(rng, &t.org_name, &t.person, t.practice_state),
        }
        let place = places.pick(rng, t.practice_state);
        let plus4 = rng.chance(0.6);
        self.address(rng, &place, t.practice_state, plus4);
        self.dates(rng, today);
        for slot in &t.slots {
            let [taxonomy, number, state, primary] = self.cols.slots[slot.index];
            self.set(taxonomy, slot.taxonomy);
            self.set(number, &slot.number);
            self.set(state, &slot.state);
            self.set(primary, if slot.primary { "Y" } else { "N" });
        }
        if let Some(d) = t.deactivated {
            self.set(self.cols.deactivation, mdy(d));
        }
        if let Some(r) = t.reactivated {
            self.set(self.cols.reactivation, mdy(r));
        }
        self.finish_row()
    }

    /// Any other provider (never with the massage taxonomy). Some license-state cells hold
    /// the literal `NULL` and some numbers are masked, as in the real file.
    pub(crate) fn other(&mut self, npi: Npi, rng: &mut Rng, places: &Places, today: Date) -> io::Result<()> {
        let state = rng.pick(STATES).code;
        let place = places.pick(rng, state);
        self.set(self.cols.npi, npi.to_string());
        let org = rng.chance(0.2);
        let official = person(rng, 0.5);
        let taxonomies = if org {
            self.organization(rng, &format!("{} {} Health Partners LLC", official.last, place.city), &official, state);
            OTHER_ORG_TAXONOMIES
        } else {
            self.individual(&official, rng.one(OTHER_CREDENTIALS));
            OTHER_TAXONOMIES
        };
        let plus4 = rng.chance(0.5);
        self.address(rng, &place, state, plus4);
        self.dates(rng, today);
        let count = 1 + rng.below(3) as usize;
        for k in 0..count {
            let cols = self.cols.slots[k];
            self.set(cols[0], rng.one(taxonomies));
            let number = match rng.below(40) {
                0 => "$$$$$$$$$".to_owned(),
                1..=8 => String::new(),
                _ => format!("{}{}", ["", "MD", "RN", "A"][rng.below(4) as usize], rng.range(1000, 9_999_999)),
            };
            let license_state = if number.is_empty() {
                ""
            } else if rng.below(30) == 0 {
                "NULL"
            } else {
                state
            };
            self.set(cols[1], &number);
            self.set(cols[2], license_state);
            self.set(cols[3], if k == 0 { "Y" } else { "N" });
        }
        if rng.chance(0.3) {
            self.set(self.cols.other_id[0], format!("{}", rng.range(100_000, 99_999_999)));
            self.set(self.cols.other_id[1], "05");
            self.set(self.cols.other_id[2], state);
            self.set(self.cols.other_id[3], "MEDICAID");
        }
        if org && rng.chance(0.3) {
            self.set(self.cols.group, "193200000X MULTI-SPECIALTY GROUP");
        }
        if rng.chance(0.01) {
            let d = days_from(today, -rng.range(400, 3000));
            self.set(self.cols.deactivation, mdy(d));
            self.set(self.cols.reactivation, mdy(days_from(d, rng.range(5, 300))));
        }
        self.finish_row()
    }

    /// A deactivated NPI as CMS publishes it: only the NPI and the deactivation date.
    pub(crate) fn blanked(&mut self, npi: Npi, date: Date) -> io::Result<()> {
        self.set(self.cols.npi, npi.to_string());
        self.set(self.cols.deactivation, mdy(date));
        self.finish_row()
    }
}
