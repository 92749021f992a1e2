//! How each state regulates massage therapists, and which state a ZIP code is in: the
//! shipped table `data/states.toml` (the 50 states, DC and Puerto Rico) and the USPS
//! three-digit ZIP prefix table `data/zip3-states.tsv`, compiled in and parsed once.
//!
//! Pure: no I/O. [`states`] gives the shipped table (validated by this crate's tests);
//! [`StateTable::parse`] reads any pair of texts and reports every problem at once
//! ([`StateTable::problems`] on a parsed table): a missing or duplicated state, a row for a
//! state outside the 52, a licensed state without a board or a lookup page, a bulk roster
//! without discipline data and without both notes saying where discipline is found, an
//! unverified row without its note, a ZIP prefix naming a state the table does not have.
//!
//! A row marked `verified = false` was not confirmed from a document actually read; every
//! place that shows it says "not yet confirmed". Vermont requires registration rather than a
//! license; [`Regulation`] has no value for that, so its row is `licensed` with a note.
//!
//! [`state_of_zip`] tells a person in a ZIP code with no listings which state's board to
//! consult. A few five-digit ZIP codes sit in another state's prefix (Fishers Island NY
//! 06390, American Samoa 96799); military and other territories' prefixes are not mapped.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::ids::StateCode;
use super::verify::Regulation;

/// `data/states.toml`, compiled in.
pub const SHIPPED_STATES_TOML: &str = include_str!("../../../../data/states.toml");
/// `data/zip3-states.tsv`, compiled in.
pub const SHIPPED_ZIP3_TSV: &str = include_str!("../../../../data/zip3-states.tsv");

/// The jurisdictions the table must cover, each exactly once: the 50 states, DC and
/// Puerto Rico.
pub const COVERED: [&str; 52] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
];

/// A text in English and Spanish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Localized {
    /// English.
    pub en: String,
    /// Spanish.
    pub es: String,
}

impl Localized {
    /// The text for a language code (`es`; anything else gets English).
    pub fn for_language(&self, lang: &str) -> &str {
        if lang.eq_ignore_ascii_case("es") { &self.es } else { &self.en }
    }
}

/// A state's bulk license file (roster), as far as lumbar knows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RosterPublication {
    /// The state publishes a bulk roster lumbar knows of.
    pub published: bool,
    /// `csv`, `pipe`, `none` (no bulk file); `None` when nobody has looked yet.
    pub format: Option<String>,
    /// Where to download it.
    pub url: Option<String>,
    /// The `lumbar-import` roster profile that reads it (`wa`, `co`, `ct`, `tx`, `fl`, `il`),
    /// when lumbar can import it.
    pub lumbar_profile: Option<String>,
    /// The bulk file carries board actions (discipline).
    pub has_discipline: bool,
    /// Where a person finds discipline instead; present whenever `has_discipline` is false.
    pub discipline_note: Option<Localized>,
}

/// One state's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateInfo {
    /// USPS code.
    pub code: StateCode,
    /// English name.
    pub name: String,
    /// How the state regulates massage therapists.
    #[serde(serialize_with = "serialize_regulation")]
    pub regulation: Regulation,
    /// Official name of the board or agency (CAMTC for California); `None` when unregulated.
    pub board: Option<String>,
    /// Titles and abbreviations credential holders use.
    pub titles: Vec<String>,
    /// Minimum training hours for the credential, when known.
    pub min_hours: Option<u32>,
    /// The public license lookup page (or the board's home page; see `unverified_note`).
    pub lookup_url: Option<String>,
    /// The state's bulk roster.
    pub roster: RosterPublication,
    /// Where the facts come from.
    pub sources: Vec<String>,
    /// Every field was confirmed from a document actually read.
    pub verified: bool,
    /// What is not confirmed, when `verified` is false.
    pub unverified_note: Option<String>,
}

/// The parsed, validated table and the ZIP prefix map.
#[derive(Clone, Debug)]
pub struct StateTable {
    rows: Vec<StateInfo>,
    zip3: Vec<Option<StateCode>>,
}

/// The shipped table, parsed once. The shipped files are checked by this crate's tests, so
/// this only panics on a build whose data files were broken by hand.
pub fn states() -> &'static StateTable {
    static TABLE: OnceLock<StateTable> = OnceLock::new();
    TABLE.get_or_init(|| match StateTable::parse(SHIPPED_STATES_TOML, SHIPPED_ZIP3_TSV) {
        Ok(table) => table,
        Err(problems) => panic!("data/states.toml or data/zip3-states.tsv is invalid:\n{}", problems.join("\n")),
    })
}

/// The state of a ZIP code (`43215`, `43215-1234` or `432151234`), from its first three
/// digits; `None` for anything else, and for prefixes outside the 50 states, DC and Puerto
/// Rico (military mail, other territories) or not assigned.
pub fn state_of_zip(zip: &str) -> Option<StateCode> {
    states().state_of_zip(zip)
}

/// The data name of a regulation: `licensed`, `unregulated`, `voluntary_certification`.
pub fn regulation_code(r: Regulation) -> &'static str {
    match r {
        Regulation::Licensed => "licensed",
        Regulation::Unregulated => "unregulated",
        Regulation::VoluntaryCertification => "voluntary_certification",
    }
}

/// Parses a regulation's data name.
pub fn parse_regulation(text: &str) -> Option<Regulation> {
    match text {
        "licensed" => Some(Regulation::Licensed),
        "unregulated" => Some(Regulation::Unregulated),
        "voluntary_certification" => Some(Regulation::VoluntaryCertification),
        _ => None,
    }
}

fn serialize_regulation<S: serde::Serializer>(r: &Regulation, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(regulation_code(*r))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    state: Vec<RawState>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    code: String,
    name: String,
    regulation: String,
    board: Option<String>,
    #[serde(default)]
    titles: Vec<String>,
    min_hours: Option<u32>,
    lookup_url: Option<String>,
    roster: RawRoster,
    #[serde(default)]
    sources: Vec<String>,
    verified: bool,
    unverified_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoster {
    published: bool,
    format: Option<String>,
    url: Option<String>,
    lumbar_profile: Option<String>,
    has_discipline: bool,
    discipline_note_en: Option<String>,
    discipline_note_es: Option<String>,
}

/// `Some` trimmed text, `None` for absent or blank.
fn text(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

impl StateTable {
    /// Parses the states TOML and the ZIP prefix TSV (header `zip3\tstate[\tnote]`, one
    /// prefix a line) and validates them; on failure, every problem found.
    pub fn parse(states_toml: &str, zip3_tsv: &str) -> Result<StateTable, Vec<String>> {
        let mut problems = Vec::new();
        let raw: RawFile = toml::from_str(states_toml).map_err(|e| vec![format!("states.toml: {e}")])?;
        let mut rows = Vec::with_capacity(raw.state.len());
        for (i, r) in raw.state.into_iter().enumerate() {
            let at = format!("states.toml row {} ({})", i + 1, r.code.trim());
            let code = match StateCode::parse(&r.code) {
                Ok(c) => Some(c),
                Err(e) => {
                    problems.push(format!("{at}: code: {e}"));
                    None
                }
            };
            let regulation = parse_regulation(r.regulation.trim());
            if regulation.is_none() {
                problems.push(format!(
                    "{at}: regulation must be licensed, unregulated or voluntary_certification, not {:?}",
                    r.regulation
                ));
            }
            let discipline_note = match (text(r.roster.discipline_note_en), text(r.roster.discipline_note_es)) {
                (Some(en), Some(es)) => Some(Localized { en, es }),
                (None, None) => None,
                _ => {
                    problems.push(format!("{at}: roster: discipline_note_en and discipline_note_es go together"));
                    None
                }
            };
            let (Some(code), Some(regulation)) = (code, regulation) else { continue };
            rows.push(StateInfo {
                code,
                name: r.name.trim().to_owned(),
                regulation,
                board: text(r.board),
                titles: r.titles.into_iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect(),
                min_hours: r.min_hours,
                lookup_url: text(r.lookup_url),
                roster: RosterPublication {
                    published: r.roster.published,
                    format: text(r.roster.format),
                    url: text(r.roster.url),
                    lumbar_profile: text(r.roster.lumbar_profile),
                    has_discipline: r.roster.has_discipline,
                    discipline_note,
                },
                sources: r.sources.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
                verified: r.verified,
                unverified_note: text(r.unverified_note),
            });
        }
        let zip3 = parse_zip3(zip3_tsv, &mut problems);
        let table = StateTable { rows, zip3 };
        problems.extend(table.problems());
        if problems.is_empty() { Ok(table) } else { Err(problems) }
    }

    /// Every problem of a parsed table, at once (empty when it is valid).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for row in &self.rows {
            *seen.entry(row.code.as_str()).or_default() += 1;
        }
        for code in COVERED {
            match seen.get(code) {
                None => problems.push(format!("{code}: missing (the table covers the 50 states, DC and Puerto Rico)")),
                Some(&n) if n > 1 => problems.push(format!("{code}: {n} rows, expected one")),
                Some(_) => {}
            }
        }
        for code in seen.keys().filter(|c| !COVERED.contains(*c)) {
            problems.push(format!("{code}: not one of the 50 states, DC or Puerto Rico"));
        }
        for row in &self.rows {
            problems.extend(row_problems(row).into_iter().map(|p| format!("{}: {p}", row.code)));
        }
        let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
        for code in self.zip3.iter().flatten() {
            if !self.rows.iter().any(|r| r.code == *code) {
                *unknown.entry(code.as_str()).or_default() += 1;
            }
        }
        for (code, n) in unknown {
            problems.push(format!("zip3-states.tsv: {n} prefixes name {code}, which has no row in states.toml"));
        }
        for row in &self.rows {
            if !self.zip3.contains(&Some(row.code)) {
                problems.push(format!("zip3-states.tsv: no ZIP prefix for {}", row.code));
            }
        }
        problems
    }

    /// A state's row.
    pub fn get(&self, code: StateCode) -> Option<&StateInfo> {
        self.rows.iter().find(|r| r.code == code)
    }

    /// Every row, in the file's order (alphabetical by English name).
    pub fn iter(&self) -> impl Iterator<Item = &StateInfo> {
        self.rows.iter()
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no rows (never for the shipped table).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The state of a ZIP code in this table's prefix map (see [`state_of_zip`]).
    pub fn state_of_zip(&self, zip: &str) -> Option<StateCode> {
        let z = zip.trim();
        let digits: String = match z.len() {
            5 => z.to_owned(),
            9 => z.to_owned(),
            10 if z.as_bytes()[5] == b'-' => format!("{}{}", &z[..5], &z[6..]),
            _ => return None,
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let prefix: usize = digits[..3].parse().ok()?;
        self.zip3.get(prefix).copied().flatten()
    }
}

fn row_problems(row: &StateInfo) -> Vec<String> {
    let mut p = Vec::new();
    if row.name.is_empty() {
        p.push("name is empty".to_owned());
    }
    match row.regulation {
        Regulation::Licensed | Regulation::VoluntaryCertification => {
            if row.board.is_none() {
                p.push("a state that licenses or certifies needs its board".to_owned());
            }
            if row.lookup_url.is_none() {
                p.push("a state that licenses or certifies needs a lookup_url".to_owned());
            }
        }
        Regulation::Unregulated => {
            if row.board.is_some() || row.lookup_url.is_some() {
                p.push("an unregulated state has no board and no lookup_url".to_owned());
            }
            if row.roster.published {
                p.push("an unregulated state has no roster to publish".to_owned());
            }
        }
    }
    for (what, url) in [("lookup_url", &row.lookup_url), ("roster url", &row.roster.url)] {
        if let Some(u) = url
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            p.push(format!("{what} is not a web address"));
        }
    }
    if let Some(f) = &row.roster.format
        && !matches!(f.as_str(), "csv" | "pipe" | "none")
    {
        p.push(format!("roster format must be csv, pipe or none, not {f:?}"));
    }
    if row.roster.published {
        if row.roster.url.is_none() {
            p.push("a published roster needs its url".to_owned());
        }
        if matches!(row.roster.format.as_deref(), None | Some("none")) {
            p.push("a published roster needs its format (csv or pipe)".to_owned());
        }
    } else {
        if row.roster.lumbar_profile.is_some() {
            p.push("lumbar_profile names an import for a roster that is not published".to_owned());
        }
        if row.roster.has_discipline {
            p.push("has_discipline is true for a roster that is not published".to_owned());
        }
    }
    if !row.roster.has_discipline && row.roster.discipline_note.is_none() {
        p.push(
            "has_discipline is false: discipline_note_en and discipline_note_es must say where discipline is found"
                .to_owned(),
        );
    }
    if row.sources.is_empty() {
        p.push("no sources".to_owned());
    }
    match (row.verified, &row.unverified_note) {
        (false, None) => p.push("verified = false needs an unverified_note".to_owned()),
        (true, Some(_)) => p.push("verified = true with an unverified_note: which is it?".to_owned()),
        _ => {}
    }
    p
}

fn parse_zip3(tsv: &str, problems: &mut Vec<String>) -> Vec<Option<StateCode>> {
    let mut map = vec![None; 1000];
    let mut lines = tsv.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim_end().split('\t').take(2).eq(["zip3", "state"]) => {}
        _ => problems.push("zip3-states.tsv line 1: the header must start with zip3<TAB>state".to_owned()),
    }
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let mut cols = line.split('\t');
        let (Some(prefix), Some(state)) = (cols.next(), cols.next()) else {
            problems.push(format!("zip3-states.tsv line {n}: expected zip3<TAB>state"));
            continue;
        };
        let index = (prefix.len() == 3 && prefix.bytes().all(|b| b.is_ascii_digit()))
            .then(|| prefix.parse::<usize>().ok())
            .flatten();
        let Some(index) = index else {
            problems.push(format!("zip3-states.tsv line {n}: {prefix:?} is not a three-digit prefix"));
            continue;
        };
        match StateCode::parse(state) {
            Ok(code) if map[index].is_none() => map[index] = Some(code),
            Ok(_) => problems.push(format!("zip3-states.tsv line {n}: prefix {prefix} appears twice")),
            Err(e) => problems.push(format!("zip3-states.tsv line {n}: {e}")),
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, regulation: &str, extra: &str) -> String {
        format!(
            "[[state]]\ncode = \"{code}\"\nname = \"Name {code}\"\nregulation = \"{regulation}\"\n{extra}\n\
             sources = [\"a source\"]\nverified = true\n[state.roster]\npublished = false\nhas_discipline = false\n\
             discipline_note_en = \"en\"\ndiscipline_note_es = \"es\"\n"
        )
    }

    /// A valid file: every covered state licensed with a board and a lookup page.
    fn valid_toml() -> String {
        COVERED.iter().map(|c| row(c, "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\"")).collect()
    }

    fn valid_zip3() -> String {
        let mut s = String::from("zip3\tstate\tnote\n");
        for (i, c) in COVERED.iter().enumerate() {
            s.push_str(&format!("{:03}\t{c}\t\n", 100 + i));
        }
        s
    }

    #[test]
    fn shipped_table_is_valid() {
        let t = StateTable::parse(SHIPPED_STATES_TOML, SHIPPED_ZIP3_TSV);
        assert!(t.is_ok(), "{:#?}", t.err());
        assert_eq!(states().len(), 52);
    }

    #[test]
    fn a_valid_synthetic_table_parses() {
        let t = StateTable::parse(&valid_toml(), &valid_zip3()).unwrap();
        assert_eq!(t.len(), 52);
        assert_eq!(t.state_of_zip("10001").map(|c| c.to_string()).as_deref(), Some("AL"));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut toml = valid_toml();
        // Drop Alaska, duplicate Texas, add Guam, unregulated Kansas keeps a board, Ohio has
        // no lookup page, Utah's roster lacks its notes, Iowa is unverified without a note.
        toml = toml.replace(&row("AK", "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\""), "");
        toml.push_str(&row("TX", "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\""));
        toml.push_str(&row("GU", "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\""));
        toml = toml.replace(
            "code = \"KS\"\nname = \"Name KS\"\nregulation = \"licensed\"",
            "code = \"KS\"\nname = \"Name KS\"\nregulation = \"unregulated\"",
        );
        toml = toml.replace(
            "code = \"OH\"\nname = \"Name OH\"\nregulation = \"licensed\"\nboard = \"B\"\nlookup_url = \"https://example.org/\"",
            "code = \"OH\"\nname = \"Name OH\"\nregulation = \"licensed\"\nboard = \"B\"",
        );
        let ut = row("UT", "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\"");
        toml = toml.replace(&ut, &ut.replace("discipline_note_en = \"en\"\ndiscipline_note_es = \"es\"\n", ""));
        let ia = row("IA", "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\"");
        toml = toml.replace(&ia, &ia.replace("verified = true", "verified = false"));
        let problems = StateTable::parse(&toml, &valid_zip3()).unwrap_err();
        let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
        assert!(has("AK: missing"), "{problems:#?}");
        assert!(has("TX: 2 rows"), "{problems:#?}");
        assert!(has("GU: not one of"), "{problems:#?}");
        assert!(has("KS: an unregulated state has no board"), "{problems:#?}");
        assert!(has("OH: a state that licenses or certifies needs a lookup_url"), "{problems:#?}");
        assert!(has("UT: has_discipline is false"), "{problems:#?}");
        assert!(has("IA: verified = false needs an unverified_note"), "{problems:#?}");
        assert!(has("zip3-states.tsv: 1 prefixes name AK"), "{problems:#?}");
    }

    #[test]
    fn bad_values_are_named() {
        let toml = valid_toml().replacen("regulation = \"licensed\"", "regulation = \"registered\"", 1).replacen(
            "code = \"AK\"",
            "code = \"XX\"",
            1,
        );
        let problems = StateTable::parse(&toml, "zip\tstate\n1234\tWA\n100\tZZ\n").unwrap_err();
        let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
        assert!(has("regulation must be licensed"), "{problems:#?}");
        assert!(has("row 2 (XX): code"), "{problems:#?}");
        assert!(has("the header must start with zip3"), "{problems:#?}");
        assert!(has("\"1234\" is not a three-digit prefix"), "{problems:#?}");
        assert!(has("line 3: not a US state"), "{problems:#?}");
    }

    #[test]
    fn published_rosters_need_a_url_and_a_format() {
        let wa = row("WA", "licensed", "board = \"B\"\nlookup_url = \"https://example.org/\"");
        let toml = valid_toml().replace(&wa, &wa.replace("published = false", "published = true"));
        let problems = StateTable::parse(&toml, &valid_zip3()).unwrap_err();
        assert!(problems.iter().any(|p| p == "WA: a published roster needs its url"), "{problems:#?}");
        assert!(problems.iter().any(|p| p.starts_with("WA: a published roster needs its format")), "{problems:#?}");
    }

    #[test]
    fn zip_forms() {
        let t = states();
        let oh = StateCode::parse("OH").ok();
        assert_eq!(t.state_of_zip("43215"), oh);
        assert_eq!(t.state_of_zip(" 43215-1234 "), oh);
        assert_eq!(t.state_of_zip("432151234"), oh);
        for bad in ["4321", "432156", "43a15", "", "43215-12", "-----"] {
            assert_eq!(t.state_of_zip(bad), None, "{bad:?}");
        }
        assert_eq!(t.state_of_zip("09001"), None, "military (AE) is not a state");
        assert_eq!(t.state_of_zip("00000"), None, "unassigned");
    }

    #[test]
    fn regulation_names_round_trip() {
        for r in [Regulation::Licensed, Regulation::Unregulated, Regulation::VoluntaryCertification] {
            assert_eq!(parse_regulation(regulation_code(r)), Some(r));
        }
        assert_eq!(parse_regulation("registered"), None);
    }

    #[test]
    fn localized_picks_spanish_only_for_es() {
        let l = Localized { en: "en".into(), es: "es".into() };
        assert_eq!(l.for_language("es"), "es");
        assert_eq!(l.for_language("ES"), "es");
        assert_eq!(l.for_language("en"), "en");
        assert_eq!(l.for_language("fr"), "en");
    }
}
