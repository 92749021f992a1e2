//! Matching tests: one per rule and filter, geometry, the screening → needs bridge,
//! properties of the index against brute force, synthetic data, and an ignored timing
//! report (`cargo test --release -p lumbar-core --test matching -- --ignored --nocapture`).

mod assessment;
mod bench;
mod filters;
mod geo;
mod props;
mod rules;
mod synth;

use lumbar_core::directory::{StateCode, VerificationStatus};
use lumbar_core::matching::{Candidate, GeoIndex, MassageStyle, MatchResult, Needs, Outcome, PlaceKind, Query};

/// Downtown Portland, OR.
pub const PORTLAND: (f64, f64) = (45.5152, -122.6784);
/// Downtown Seattle, WA.
pub const SEATTLE: (f64, f64) = (47.6062, -122.3321);
/// Downtown Vancouver, WA (across the Columbia River from Portland).
pub const VANCOUVER_WA: (f64, f64) = (45.6387, -122.6615);

pub fn state(code: &str) -> StateCode {
    StateCode::parse(code).unwrap()
}

/// The point `north` and `east` miles from `(lat, lon)` (flat approximation, fine for a few
/// miles).
pub fn offset((lat, lon): (f64, f64), north: f64, east: f64) -> (f64, f64) {
    (lat + north / 69.09, lon + east / (69.09 * lat.to_radians().cos()))
}

/// A plain verified Oregon therapist offering Swedish massage, with no reviews and nothing
/// else stated.
pub fn cand(id: i64, (lat, lon): (f64, f64)) -> Candidate {
    let mut c = Candidate {
        id,
        name: format!("Therapist {id}"),
        kind: PlaceKind::Independent,
        lat,
        lon,
        practice_state: state("OR"),
        license: None,
        group: None,
        stale: false,
        styles: vec![MassageStyle::Swedish],
        back_pain_years: None,
        back_pain_share_pct: None,
        languages: vec!["en".into()],
        gender: None,
        price_min_usd: Some(80),
        price_max_usd: Some(100),
        insurance: Vec::new(),
        reviews: 0,
        rating_sum: 0,
        endorsements: 0,
        completeness: 0.5,
    };
    c.set_license(Some(VerificationStatus::VerifiedActive));
    c
}

/// Needs for a suitable massage with these styles and precautions.
pub fn needs(styles: &[MassageStyle], precautions: &[&str]) -> Needs {
    Needs {
        advisable_now: true,
        styles: styles.to_vec(),
        precautions: precautions.iter().map(|p| (*p).to_owned()).collect(),
        pregnant: false,
    }
}

pub fn near(p: (f64, f64), radius: f64) -> Query {
    Query::near(p.0, p.1, radius)
}

/// The results of a search that must list.
pub fn results(index: &GeoIndex, q: &Query) -> Vec<MatchResult> {
    match index.search(q) {
        Outcome::Results(r) => r,
        Outcome::SeeClinicianFirst => panic!("expected results, got see_clinician_first"),
    }
}

pub fn ids(r: &[MatchResult]) -> Vec<i64> {
    r.iter().map(|m| m.id).collect()
}

pub fn search_ids(index: &GeoIndex, q: &Query) -> Vec<i64> {
    ids(&results(index, q))
}

pub fn why_has(m: &MatchResult, text: &str) -> bool {
    m.why.iter().any(|w| w.contains(text))
}
