//! Properties over random directories and queries: the index finds exactly what a brute
//! force scan finds, every result is within the radius, and the order is score desc,
//! distance, id.

use lumbar_core::directory::{ResultGroup, Standing, VerificationStatus as V};
use lumbar_core::matching::{
    Candidate, Gender, GeoIndex, MassageStyle, MatchLabel, Needs, PlaceKind, Query, haversine_miles,
};
use proptest::prelude::*;

use super::*;

fn candidate_strategy(center: (f64, f64)) -> impl Strategy<Value = Candidate> {
    (
        (-70.0f64..70.0, -70.0f64..70.0),
        prop::sample::subsequence(MassageStyle::ALL.to_vec(), 0..4),
        (
            prop_oneof![
                6 => Just(Some(V::VerifiedActive)),
                1 => Just(Some(V::Expired)),
                1 => Just(Some(V::NoRoster)),
                1 => Just(Some(V::UnregulatedState)),
                1 => Just(None)
            ],
            prop::bool::weighted(0.2),
        ),
        (0u32..50, 0u32..=5, 0u32..5),
        prop::option::of(prop::sample::select(Gender::ALL.to_vec())),
        prop::option::of(40u32..160),
        prop::sample::select(PlaceKind::ALL.to_vec()),
        prop::sample::subsequence(vec!["en", "es", "vi"], 0..3),
        (prop::option::of(0u8..30), 0.0f32..=1.0),
    )
        .prop_map(
            move |(
                (n, e),
                styles,
                (license, stale),
                (reviews, stars, endorsements),
                gender,
                price,
                kind,
                langs,
                (years, comp),
            )| {
                let mut c = cand(0, offset(center, n, e));
                c.styles = styles;
                c.set_standing(&Standing { status: license, license: None, stale, no_license_here: license.is_none() });
                c.reviews = reviews;
                c.rating_sum = reviews * stars.max(1);
                c.endorsements = endorsements;
                c.gender = gender;
                c.price_min_usd = price;
                c.kind = kind;
                c.languages = langs.into_iter().map(str::to_owned).collect();
                c.back_pain_years = years;
                c.completeness = comp;
                c
            },
        )
}

fn directory() -> impl Strategy<Value = Vec<Candidate>> {
    // a few ids repeat the same spot, so ties in distance occur
    prop::collection::vec(candidate_strategy(PORTLAND), 0..120).prop_map(|mut v| {
        for (i, c) in v.iter_mut().enumerate() {
            c.id = i as i64 + 1;
            if i % 10 == 9 {
                c.lat = PORTLAND.0 + 0.05;
                c.lon = PORTLAND.1;
            }
        }
        v
    })
}

fn needs_strategy() -> impl Strategy<Value = Option<Needs>> {
    prop::option::of((
        prop::sample::select(vec![
            vec![MassageStyle::Swedish],
            vec![MassageStyle::Swedish, MassageStyle::DeepTissue],
            vec![MassageStyle::DeepTissue, MassageStyle::Swedish],
            vec![MassageStyle::Prenatal],
        ]),
        prop::sample::subsequence(vec!["no_deep_tissue", "light_pressure", "side_lying"], 0..3),
        any::<bool>(),
    ))
    .prop_map(|o| {
        o.map(|(styles, precautions, pregnant)| Needs {
            advisable_now: true,
            pregnant: pregnant && styles == [MassageStyle::Prenatal],
            styles,
            precautions: precautions.into_iter().map(str::to_owned).collect(),
        })
    })
}

fn query_strategy() -> impl Strategy<Value = Query> {
    (
        (-30.0f64..30.0, -30.0f64..30.0, 0.0f64..60.0),
        needs_strategy(),
        prop::option::of(prop::sample::select(MassageStyle::ALL.to_vec())),
        prop::option::of(prop::sample::select(vec!["en", "es", "vi"])),
        prop::option::of(prop::sample::select(Gender::ALL.to_vec())),
        prop::option::of(50u32..150),
        any::<bool>(),
        1usize..40,
    )
        .prop_map(|((n, e, radius), needs, style, language, gender, max_price, include_unverified, limit)| {
            let (lat, lon) = offset(PORTLAND, n, e);
            let mut q = Query::near(lat, lon, radius);
            q.needs = needs;
            q.style = style;
            q.language = language.map(str::to_owned);
            q.gender = gender;
            q.max_price_usd = max_price;
            q.include_unverified = include_unverified;
            q.limit = limit;
            q
        })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// What the filters and rules 1 and 3 let through, by brute force.
fn brute_force(cands: &[Candidate], q: &Query) -> Vec<i64> {
    let mut out: Vec<i64> = cands
        .iter()
        .filter(|c| round2(haversine_miles(q.lat, q.lon, c.lat, c.lon)) <= q.radius_miles)
        .filter(|c| q.include_unverified || c.group.is_some())
        .filter(|c| q.style.is_none_or(|s| c.styles.contains(&s)))
        .filter(|c| {
            !q.needs.as_ref().is_some_and(|n| n.requires_prenatal()) || c.styles.contains(&MassageStyle::Prenatal)
        })
        .filter(|c| q.language.as_ref().is_none_or(|l| c.languages.contains(l)))
        .filter(|c| q.gender.is_none_or(|g| c.gender == Some(g)))
        .filter(|c| q.max_price_usd.is_none_or(|m| c.price_min_usd.is_none_or(|p| p <= m)))
        .map(|c| c.id)
        .collect();
    out.sort();
    out
}

/// The listing order of results, best first, written from the contract of the finder
/// groups: verified fresh, verified stale, not verified, a license with a problem (on
/// request), unlicensed state.
fn tier(m: &lumbar_core::matching::MatchResult) -> u8 {
    match (m.group, m.stale) {
        (Some(ResultGroup::Verified), false) => 4,
        (Some(ResultGroup::Verified), true) => 3,
        (Some(ResultGroup::NotVerified), _) => 2,
        (None, _) => 1,
        (Some(ResultGroup::UnlicensedState), _) => 0,
    }
}

fn sorted_ranking(r: &[lumbar_core::matching::MatchResult]) -> bool {
    r.windows(2).all(|w| {
        w[0].score > w[1].score
            || (w[0].score == w[1].score
                && (w[0].distance_miles < w[1].distance_miles
                    || (w[0].distance_miles == w[1].distance_miles && w[0].id < w[1].id)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn results_are_within_the_radius_and_sorted(cands in directory(), q in query_strategy()) {
        let index = GeoIndex::build(cands.clone());
        let r = results(&index, &q);
        prop_assert!(r.len() <= q.limit);
        for m in &r {
            prop_assert!(m.distance_miles <= q.radius_miles, "{} > {}", m.distance_miles, q.radius_miles);
            let c = cands.iter().find(|c| c.id == m.id).unwrap();
            prop_assert_eq!(m.distance_miles, round2(haversine_miles(q.lat, q.lon, c.lat, c.lon)));
            prop_assert_eq!(m.license, c.license);
        }
        prop_assert!(sorted_ranking(&r), "{:?}", r.iter().map(|m| (m.id, m.score, m.distance_miles)).collect::<Vec<_>>());
        // rule 1: groups never mixed, in safety order; only the hidden ones carry Unverified
        prop_assert!(r.windows(2).all(|w| tier(&w[0]) >= tier(&w[1])));
        for m in &r {
            prop_assert_eq!(m.labels.contains(&MatchLabel::Unverified), m.group.is_none());
            prop_assert_eq!(m.labels.contains(&MatchLabel::Stale), m.stale && m.group == Some(ResultGroup::Verified));
            prop_assert!(m.group.is_some() || q.include_unverified);
            prop_assert_eq!(m.group == Some(ResultGroup::Verified), m.license == Some(V::VerifiedActive));
        }
        // rule 4: never first, and after every gentler one of its group
        if let Some(first) = r.first() {
            prop_assert!(!first.labels.contains(&MatchLabel::DeepTissueOnlyCaution));
        }
        for w in r.windows(2) {
            let same_group = tier(&w[0]) == tier(&w[1]);
            if same_group && w[0].labels.contains(&MatchLabel::DeepTissueOnlyCaution) {
                prop_assert!(w[1].labels.contains(&MatchLabel::DeepTissueOnlyCaution));
            }
        }
    }

    #[test]
    fn the_index_finds_what_brute_force_finds(cands in directory(), mut q in query_strategy()) {
        // without the deep-tissue caution nothing is left out beyond the filters
        if let Some(n) = q.needs.as_mut() {
            n.precautions.retain(|p| p != "no_deep_tissue" && p != "light_pressure");
        }
        q.limit = usize::MAX;
        let index = GeoIndex::build(cands.clone());
        let mut got = search_ids(&index, &q);
        got.sort();
        prop_assert_eq!(got, brute_force(&cands, &q));
    }

    #[test]
    fn a_smaller_limit_gives_a_prefix(cands in directory(), q in query_strategy()) {
        let index = GeoIndex::build(cands);
        let mut all = q.clone();
        all.limit = usize::MAX;
        let full = results(&index, &all);
        let top = results(&index, &q);
        prop_assert_eq!(&full[..q.limit.min(full.len())], &top[..]);
    }
}

#[test]
fn dense_directory_matches_brute_force() {
    // many candidates per cell, queries of every radius, pruning at work
    let centers: Vec<(f64, f64)> =
        (0..40).map(|i| offset(PORTLAND, (i % 7) as f64 * 6.0, (i / 7) as f64 * 6.0)).collect();
    let cands = lumbar_core::matching::synthetic_candidates(20_000, 3, &centers);
    let index = GeoIndex::build(cands.clone());
    for (i, radius) in [0.5, 3.0, 10.0, 25.0, 50.0].into_iter().enumerate() {
        let (lat, lon) = offset(PORTLAND, 10.0 + i as f64, 12.0 - i as f64);
        let mut q = Query::near(lat, lon, radius);
        q.include_unverified = i % 2 == 0;
        q.limit = usize::MAX;
        let full = results(&index, &q);
        let mut got = ids(&full);
        got.sort();
        assert_eq!(got, brute_force(&cands, &q), "radius {radius}");
        for limit in [1, 10, 100] {
            q.limit = limit;
            assert_eq!(results(&index, &q), full[..limit.min(full.len())].to_vec(), "radius {radius} limit {limit}");
        }
    }
}
