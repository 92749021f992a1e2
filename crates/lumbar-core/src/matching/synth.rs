//! Deterministic synthetic candidates for benchmarks and demos: scattered around points the
//! caller passes (e.g. ZIP centroids), with realistic mixes of licenses, styles, languages,
//! prices and reviews. Not real people; never shown as such.

use crate::directory::{Regulation, StateCode, VerificationStatus, regulation};

use super::types::{Candidate, Gender, MassageStyle, PlaceKind};
use crate::rng::SplitMix64 as Rng;

/// Candidates lie within this many miles of their centre (uniform over the disc).
pub const SCATTER_MILES: f64 = 3.0;

/// Picks from `(weight, value)` pairs.
fn weighted<T: Copy>(rng: &mut Rng, items: &[(f64, T)]) -> T {
    let total: f64 = items.iter().map(|(w, _)| w).sum();
    let mut x = rng.unit() * total;
    for &(w, v) in items {
        if x < w {
            return v;
        }
        x -= w;
    }
    items[items.len() - 1].1
}

/// Rough state centroids: a synthetic candidate's practice state is the nearest one (good
/// enough for benchmarks; border towns may get the neighbour).
const STATE_CENTROIDS: &[(&str, f64, f64)] = &[
    ("AL", 32.8, -86.8),
    ("AK", 61.4, -149.5),
    ("AZ", 34.3, -111.7),
    ("AR", 34.9, -92.4),
    ("CA", 37.2, -119.5),
    ("CO", 39.0, -105.5),
    ("CT", 41.6, -72.7),
    ("DE", 39.0, -75.5),
    ("DC", 38.9, -77.0),
    ("FL", 28.6, -82.4),
    ("GA", 32.7, -83.4),
    ("HI", 20.8, -156.3),
    ("ID", 44.4, -114.6),
    ("IL", 40.0, -89.2),
    ("IN", 39.9, -86.3),
    ("IA", 42.1, -93.5),
    ("KS", 38.5, -98.4),
    ("KY", 37.5, -85.3),
    ("LA", 31.1, -92.0),
    ("ME", 45.4, -69.2),
    ("MD", 39.0, -76.8),
    ("MA", 42.3, -71.8),
    ("MI", 44.3, -85.4),
    ("MN", 46.3, -94.3),
    ("MS", 32.7, -89.7),
    ("MO", 38.4, -92.5),
    ("MT", 47.0, -109.6),
    ("NE", 41.5, -99.8),
    ("NV", 39.3, -116.6),
    ("NH", 43.7, -71.6),
    ("NJ", 40.2, -74.7),
    ("NM", 34.4, -106.1),
    ("NY", 42.9, -75.5),
    ("NC", 35.6, -79.4),
    ("ND", 47.5, -100.5),
    ("OH", 40.3, -82.8),
    ("OK", 35.6, -97.5),
    ("OR", 43.9, -120.6),
    ("PA", 40.9, -77.8),
    ("RI", 41.7, -71.5),
    ("SC", 33.9, -80.9),
    ("SD", 44.4, -100.2),
    ("TN", 35.9, -86.4),
    ("TX", 31.5, -99.3),
    ("UT", 39.3, -111.7),
    ("VT", 44.1, -72.7),
    ("VA", 37.5, -78.9),
    ("WA", 47.4, -120.5),
    ("WV", 38.6, -80.6),
    ("WI", 44.6, -89.9),
    ("WY", 43.0, -107.6),
    ("PR", 18.2, -66.5),
];

fn nearest_state(lat: f64, lon: f64) -> StateCode {
    let k = lat.to_radians().cos();
    let code = STATE_CENTROIDS
        .iter()
        .min_by(|a, b| {
            let da = (a.1 - lat).powi(2) + ((a.2 - lon) * k).powi(2);
            let db = (b.1 - lat).powi(2) + ((b.2 - lon) * k).powi(2);
            da.total_cmp(&db)
        })
        .map_or("WA", |s| s.0);
    StateCode::parse(code).unwrap_or_else(|_| unreachable!("the table holds valid codes"))
}

const LANGUAGES: &[(f64, &str)] = &[
    (15.0, "es"),
    (2.0, "zh"),
    (1.5, "vi"),
    (1.0, "ko"),
    (1.0, "tl"),
    (1.0, "ru"),
    (1.0, "fr"),
    (0.8, "pt"),
    (0.7, "ar"),
    (0.5, "de"),
    (0.5, "ht"),
    (0.4, "ase"),
    (0.3, "ja"),
    (0.3, "pl"),
    (0.3, "hi"),
];

const PAYERS: &[&str] = &[
    "aetna",
    "blue cross blue shield",
    "cigna",
    "unitedhealthcare",
    "kaiser permanente",
    "humana",
    "workers compensation",
    "auto insurance (pip)",
];

/// `n` candidates scattered within [`SCATTER_MILES`] of `centers` (picked uniformly), with ids
/// `1..=n`. The same arguments always give the same candidates. About 85 % hold a license
/// verified active in their (approximate) practice state.
pub fn synthetic_candidates(n: usize, seed: u64, centers: &[(f64, f64)]) -> Vec<Candidate> {
    use VerificationStatus as V;
    if centers.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::from_state(seed ^ 0x6C75_6D62_6172_0001);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (clat, clon) = centers[rng.below(centers.len() as u64) as usize];
        let r = SCATTER_MILES * rng.unit().sqrt();
        let a = std::f64::consts::TAU * rng.unit();
        let lat = (clat + r * a.sin() / 69.09).clamp(-89.9, 89.9);
        let lon = clon + r * a.cos() / (69.09 * lat.to_radians().cos().max(0.01));
        let state = nearest_state(lat, lon);

        let license = match regulation(state) {
            Regulation::Unregulated if rng.chance(0.9) => Some(V::UnregulatedState),
            _ => weighted(
                &mut rng,
                &[
                    (85.0, Some(V::VerifiedActive)),
                    (4.0, Some(V::Expired)),
                    (2.0, Some(V::Inactive)),
                    (1.0, Some(V::Disciplined)),
                    (0.5, Some(V::SuspendedOrRevoked)),
                    (3.0, Some(V::NotFound)),
                    (2.0, Some(V::NoRoster)),
                    (2.5, None),
                ],
            ),
        };
        let kind = weighted(
            &mut rng,
            &[
                (75.0, PlaceKind::Independent),
                (15.0, PlaceKind::Clinic),
                (7.0, PlaceKind::Spa),
                (3.0, PlaceKind::SchoolClinic),
            ],
        );

        let mut styles = Vec::new();
        for (p, s) in [
            (0.70, MassageStyle::Swedish),
            (0.65, MassageStyle::DeepTissue),
            (0.20, MassageStyle::Prenatal),
            (0.20, MassageStyle::Sports),
            (0.20, MassageStyle::TriggerPoint),
            (0.15, MassageStyle::Myofascial),
            (0.10, MassageStyle::Medical),
            (0.06, MassageStyle::Lymphatic),
            (0.04, MassageStyle::Oncology),
            (0.10, MassageStyle::Other),
        ] {
            if rng.chance(p) {
                styles.push(s);
            }
        }
        if styles.is_empty() {
            styles.push(if rng.chance(0.5) { MassageStyle::Swedish } else { MassageStyle::DeepTissue });
        }

        let mut languages = Vec::new();
        if rng.chance(0.97) {
            languages.push("en".to_owned());
        }
        for &(w, tag) in LANGUAGES {
            if rng.chance(w / 100.0) {
                languages.push(tag.to_owned());
            }
        }
        if languages.is_empty() {
            languages.push("es".to_owned());
        }

        let gender = weighted(
            &mut rng,
            &[(75.0, Some(Gender::Female)), (20.0, Some(Gender::Male)), (2.0, Some(Gender::Nonbinary)), (3.0, None)],
        );
        let (price_min_usd, price_max_usd) = if rng.chance(0.85) {
            let lo = 50 + 5 * rng.below(21) as u32;
            (Some(lo), Some(lo + 10 * rng.below(7) as u32))
        } else {
            (None, None)
        };
        let mut insurance = Vec::new();
        if rng.chance(0.2) {
            for _ in 0..=rng.below(2) {
                let p = PAYERS[rng.below(PAYERS.len() as u64) as usize].to_owned();
                if !insurance.contains(&p) {
                    insurance.push(p);
                }
            }
        }
        let reviews = if rng.chance(0.3) { 0 } else { (-(1.0 - rng.unit()).ln() * 30.0) as u32 };
        let mean = (3.6 + 1.4 * rng.unit()).min(5.0);
        let rating_sum = ((f64::from(reviews) * mean).round() as u32).clamp(reviews, reviews * 5);
        let endorsements = if rng.chance(0.15) { 1 + rng.below(5) as u32 } else { 0 };
        let back_pain_years = rng.chance(0.7).then(|| rng.below(31) as u8);
        let back_pain_share_pct = rng.chance(0.5).then(|| rng.below(81) as u8);
        let completeness = (0.3 + 0.7 * rng.unit()) as f32;

        let id = i as i64 + 1;
        let mut candidate = Candidate {
            id,
            name: format!("Synthetic therapist {id}"),
            kind,
            lat,
            lon,
            practice_state: state,
            license: None,
            group: None,
            stale: false,
            styles,
            back_pain_years,
            back_pain_share_pct,
            languages,
            gender,
            price_min_usd,
            price_max_usd,
            insurance,
            reviews,
            rating_sum,
            endorsements,
            completeness,
        };
        candidate.set_license(license);
        out.push(candidate);
    }
    out
}
