//! Search parameters, shared by the finder page (`/find`) and `GET /api/v1/therapists`:
//! read from name/value pairs with every problem reported at once. A problem names the
//! parameter and a code, never the value sent.
//!
//! | parameter | value |
//! |---|---|
//! | `zip` | five digits (ZIP+4 accepted) |
//! | `radius_miles` | page: 5, 10, 15, 25 or 50; API: more than 0, at most 200 |
//! | `style` | a style word (`prenatal`, `deep_tissue`, …) |
//! | `language` | a language tag (`es`) |
//! | `gender` | `female`, `male`, `nonbinary` |
//! | `max_price` | whole US dollars |
//! | `insurance` | a payer name (`aetna`) |
//! | `kind` | `independent`, `clinic`, `spa`, `school_clinic` |
//! | `include_unverified` | page: a checkbox; API: `true` or `false` |
//! | `limit` | API only: 1–100 |
//!
//! An empty value means "not given". The page ignores parameters it does not know (its
//! forms also carry `csrf`, `nav` and the hidden answers); the API refuses them.

use lumbar_core::matching::{Gender, MassageStyle, Needs, PlaceKind, Query};

/// The radii the page offers, miles.
pub const RADII: [u32; 5] = [5, 10, 15, 25, 50];
/// The page's default radius, miles.
pub const PAGE_RADIUS: u32 = 10;
/// The API's default radius, miles (the CLI's too).
pub const API_RADIUS: f64 = 15.0;
/// The largest radius the API accepts, miles.
pub const API_MAX_RADIUS: f64 = 200.0;
/// The API's default number of results.
pub const API_LIMIT: usize = 20;
/// The most results the API returns.
pub const API_MAX_LIMIT: usize = 100;
/// The highest price filter accepted, US dollars.
pub const MAX_PRICE: u32 = 100_000;

/// The styles a person can filter on (every style but "other").
pub fn filter_styles() -> impl Iterator<Item = MassageStyle> {
    MassageStyle::ALL.into_iter().filter(|s| *s != MassageStyle::Other)
}

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The finder page.
    Page,
    /// The JSON API.
    Api,
}

/// A search, as far as it could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    /// Five-digit ZIP, when given and well formed.
    pub zip: Option<String>,
    /// Radius, miles.
    pub radius_miles: f64,
    /// Only this style.
    pub style: Option<MassageStyle>,
    /// Only this language (lower-case tag).
    pub language: Option<String>,
    /// Only this gender.
    pub gender: Option<Gender>,
    /// Highest lowest-price, US dollars.
    pub max_price: Option<u32>,
    /// Only this payer (lower-case).
    pub insurance: Option<String>,
    /// Only this kind of place.
    pub kind: Option<PlaceKind>,
    /// Also therapists whose license is not verified active.
    pub include_unverified: bool,
    /// At most this many results.
    pub limit: usize,
}

/// One unusable parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    /// Parameter name.
    pub field: &'static str,
    /// `missing`, `invalid`, `not_allowed`, `out_of_range`, `unknown_parameter` or
    /// `unknown_zip`.
    pub code: &'static str,
}

/// A parsed search with its problems and what was typed (to show it again).
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The usable values (defaults where a value was missing or unusable).
    pub search: Search,
    /// Every problem, in parameter order.
    pub problems: Vec<ParamProblem>,
    /// Whether a `zip` parameter was sent at all (the page was submitted).
    pub submitted: bool,
    /// The ZIP as typed.
    pub zip_text: String,
    /// The maximum price as typed.
    pub max_price_text: String,
    /// The other unknown-parameter names (API only).
    pub unknown: Vec<String>,
}

impl Parsed {
    /// The problem of one parameter, if any.
    pub fn problem(&self, field: &str) -> Option<&ParamProblem> {
        self.problems.iter().find(|p| p.field == field)
    }
}

const KNOWN: &[&str] = &[
    "zip",
    "radius_miles",
    "style",
    "language",
    "gender",
    "max_price",
    "insurance",
    "kind",
    "include_unverified",
    "limit",
];

/// A five-digit ZIP from `98101`, `98101-1234` or `981011234`.
pub fn zip5(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match t.len() {
        5 | 9 => digits(&t),
        10 => t.as_bytes()[5] == b'-' && digits(&t[..5]) && digits(&t[6..]),
        _ => false,
    };
    ok.then(|| t[..5].to_owned())
}

fn language_tag(text: &str) -> Option<String> {
    let t = text.trim().to_lowercase();
    let mut parts = t.split('-');
    let primary = parts.next()?;
    let ok = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    ok.then_some(t)
}

fn payer(text: &str) -> Option<String> {
    let t = text.trim().to_lowercase();
    (t.chars().count() <= 100 && !t.chars().any(char::is_control)).then_some(t)
}

/// Reads search parameters from name/value pairs (the last value of a name wins).
pub fn parse(pairs: &[(String, String)], mode: Mode) -> Parsed {
    let mut search = Search {
        zip: None,
        radius_miles: match mode {
            Mode::Page => f64::from(PAGE_RADIUS),
            Mode::Api => API_RADIUS,
        },
        style: None,
        language: None,
        gender: None,
        max_price: None,
        insurance: None,
        kind: None,
        include_unverified: false,
        limit: match mode {
            Mode::Page => Query::DEFAULT_LIMIT,
            Mode::Api => API_LIMIT,
        },
    };
    let get = |name: &str| pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.trim());
    let given = |name: &str| get(name).filter(|v| !v.is_empty());
    let mut problems = Vec::new();
    let mut bad = |field: &'static str, code: &'static str| problems.push(ParamProblem { field, code });

    let submitted = get("zip").is_some();
    let zip_text = get("zip").unwrap_or("").to_owned();
    match given("zip") {
        None if mode == Mode::Api || submitted => bad("zip", "missing"),
        None => {}
        Some(z) => match zip5(z) {
            Some(z) => search.zip = Some(z),
            None => bad("zip", "invalid"),
        },
    }
    if let Some(r) = given("radius_miles") {
        match (mode, r.parse::<f64>()) {
            (Mode::Page, Ok(x)) if RADII.iter().any(|&n| f64::from(n) == x) => search.radius_miles = x,
            (Mode::Page, _) => bad("radius_miles", "not_allowed"),
            (Mode::Api, Ok(x)) if x.is_finite() && x > 0.0 && x <= API_MAX_RADIUS => search.radius_miles = x,
            (Mode::Api, Ok(_)) => bad("radius_miles", "out_of_range"),
            (Mode::Api, Err(_)) => bad("radius_miles", "invalid"),
        }
    }
    if let Some(s) = given("style") {
        match MassageStyle::parse(s).filter(|s| *s != MassageStyle::Other) {
            Some(s) => search.style = Some(s),
            None => bad("style", "not_allowed"),
        }
    }
    if let Some(l) = given("language") {
        match language_tag(l) {
            Some(l) => search.language = Some(l),
            None => bad("language", "invalid"),
        }
    }
    if let Some(g) = given("gender") {
        match Gender::parse(g) {
            Some(g) => search.gender = Some(g),
            None => bad("gender", "not_allowed"),
        }
    }
    let max_price_text = get("max_price").unwrap_or("").to_owned();
    if let Some(p) = given("max_price") {
        let digits = p.trim_start_matches('$').trim();
        match digits.parse::<u64>() {
            Ok(n) if n <= u64::from(MAX_PRICE) => search.max_price = Some(n as u32),
            Ok(_) => bad("max_price", "out_of_range"),
            Err(_) => bad("max_price", "invalid"),
        }
    }
    if let Some(i) = given("insurance") {
        match payer(i) {
            Some(i) => search.insurance = Some(i),
            None => bad("insurance", "invalid"),
        }
    }
    if let Some(k) = given("kind") {
        match PlaceKind::parse(k) {
            Some(k) => search.kind = Some(k),
            None => bad("kind", "not_allowed"),
        }
    }
    if let Some(u) = given("include_unverified") {
        match (mode, u.to_ascii_lowercase().as_str()) {
            (_, "true") | (Mode::Page, "yes" | "on" | "1") => search.include_unverified = true,
            (_, "false") | (Mode::Page, "no" | "off" | "0") => {}
            _ => bad("include_unverified", "invalid"),
        }
    }
    let mut unknown = Vec::new();
    if mode == Mode::Api {
        if let Some(l) = given("limit") {
            match l.parse::<usize>() {
                Ok(n) if (1..=API_MAX_LIMIT).contains(&n) => search.limit = n,
                Ok(_) => bad("limit", "out_of_range"),
                Err(_) => bad("limit", "invalid"),
            }
        }
        for (k, _) in pairs {
            if !KNOWN.contains(&k.as_str()) && !unknown.contains(k) {
                unknown.push(k.clone());
            }
        }
    }
    Parsed { search, problems, submitted, zip_text, max_price_text, unknown }
}

impl Search {
    /// The matcher's query around a point.
    pub fn query(&self, lat: f64, lon: f64, needs: Option<Needs>) -> Query {
        Query {
            lat,
            lon,
            radius_miles: self.radius_miles,
            needs,
            style: self.style,
            language: self.language.clone(),
            gender: self.gender,
            max_price_usd: self.max_price,
            insurance: self.insurance.clone(),
            kind: self.kind,
            include_unverified: self.include_unverified,
            limit: self.limit,
        }
    }

    /// The page's query string for this search (without a language), with another radius.
    pub fn page_query(&self, radius_miles: f64) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(z) = &self.zip {
            s.append_pair("zip", z);
        }
        s.append_pair("radius_miles", &format!("{radius_miles}"));
        if let Some(v) = self.style {
            s.append_pair("style", v.as_str());
        }
        if let Some(v) = &self.language {
            s.append_pair("language", v);
        }
        if let Some(v) = self.gender {
            s.append_pair("gender", v.as_str());
        }
        if let Some(v) = self.max_price {
            s.append_pair("max_price", &v.to_string());
        }
        if let Some(v) = &self.insurance {
            s.append_pair("insurance", v);
        }
        if let Some(v) = self.kind {
            s.append_pair("kind", v.as_str());
        }
        if self.include_unverified {
            s.append_pair("include_unverified", "true");
        }
        s.finish()
    }

    /// Whether any filter beyond ZIP and radius is set.
    pub fn filtered(&self) -> bool {
        self.style.is_some()
            || self.language.is_some()
            || self.gender.is_some()
            || self.max_price.is_some()
            || self.insurance.is_some()
            || self.kind.is_some()
    }
}

/// The English problem text of the API for a parameter problem (never the value).
pub fn api_problem(p: &ParamProblem) -> String {
    match (p.field, p.code) {
        ("zip", "missing") => "is required: a five-digit US ZIP code".to_owned(),
        ("zip", "invalid") => "must be a five-digit US ZIP code (ZIP+4 is accepted)".to_owned(),
        ("zip", "unknown_zip") => "is not in the ZIP centroid table (Census ZCTAs; PO-box-only ZIPs have none): \
                                   try a nearby residential ZIP"
            .to_owned(),
        ("radius_miles", _) => format!("must be a number of miles more than 0 and at most {API_MAX_RADIUS}"),
        ("style", _) => {
            format!("must be one of: {}", filter_styles().map(MassageStyle::as_str).collect::<Vec<_>>().join(", "))
        }
        ("language", _) => "must be a language tag such as en, es or zh".to_owned(),
        ("gender", _) => "must be one of: female, male, nonbinary".to_owned(),
        ("max_price", _) => format!("must be a whole number of US dollars from 0 to {MAX_PRICE}"),
        ("insurance", _) => "must be a payer name of at most 100 characters".to_owned(),
        ("kind", _) => "must be one of: independent, clinic, spa, school_clinic".to_owned(),
        ("include_unverified", _) => "must be true or false".to_owned(),
        ("limit", _) => format!("must be a whole number from 1 to {API_MAX_LIMIT}"),
        _ => "is not a parameter of this endpoint".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn zips() {
        assert_eq!(zip5("98101").as_deref(), Some("98101"));
        assert_eq!(zip5(" 98101-1234 ").as_deref(), Some("98101"));
        assert_eq!(zip5("981011234").as_deref(), Some("98101"));
        for bad in ["9810", "98a01", "98101-12", "", "981011"] {
            assert_eq!(zip5(bad), None, "{bad}");
        }
    }

    #[test]
    fn page_and_api_read_the_same_names() {
        let p = parse(
            &pairs(&[
                ("zip", "98101"),
                ("radius_miles", "25"),
                ("style", "prenatal"),
                ("language", "ES"),
                ("max_price", "$120"),
                ("kind", "spa"),
                ("include_unverified", "yes"),
                ("csrf", "x"),
            ]),
            Mode::Page,
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let s = &p.search;
        assert_eq!((s.radius_miles, s.style, s.language.as_deref()), (25.0, Some(MassageStyle::Prenatal), Some("es")));
        assert_eq!((s.max_price, s.kind, s.include_unverified), (Some(120), Some(PlaceKind::Spa), true));
        let back =
            parse(&form_urlencoded::parse(s.page_query(25.0).as_bytes()).into_owned().collect::<Vec<_>>(), Mode::Page);
        assert_eq!(&back.search, s, "the query string round-trips");
    }

    #[test]
    fn every_problem_is_reported_without_values() {
        let p = parse(
            &pairs(&[
                ("zip", "abc"),
                ("radius_miles", "7"),
                ("style", "hot_stone"),
                ("gender", "x"),
                ("max_price", "cheap"),
                ("include_unverified", "maybe"),
                ("limit", "0"),
                ("colour", "blue"),
            ]),
            Mode::Api,
        );
        let fields: Vec<(&str, &str)> = p.problems.iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            fields,
            [
                ("zip", "invalid"),
                ("style", "not_allowed"),
                ("gender", "not_allowed"),
                ("max_price", "invalid"),
                ("include_unverified", "invalid"),
                ("limit", "out_of_range")
            ]
        );
        assert_eq!(p.search.radius_miles, 7.0, "any radius up to 200 in the API");
        assert_eq!(p.unknown, ["colour"]);
        for pr in &p.problems {
            let text = api_problem(pr);
            assert!(!text.contains("abc") && !text.contains("hot_stone") && !text.contains("cheap"));
        }
        let page = parse(&pairs(&[("zip", ""), ("radius_miles", "7")]), Mode::Page);
        let fields: Vec<(&str, &str)> = page.problems.iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(fields, [("zip", "missing"), ("radius_miles", "not_allowed")]);
        assert!(parse(&[], Mode::Page).problems.is_empty(), "a first visit is no error");
    }
}
