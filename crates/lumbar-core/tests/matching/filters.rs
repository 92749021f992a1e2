//! Each filter, the radius, an empty area and the limit.

use lumbar_core::matching::{Gender, GeoIndex, MassageStyle as S, MatchLabel, PlaceKind};

use super::*;

fn index_of(cands: Vec<lumbar_core::matching::Candidate>) -> GeoIndex {
    GeoIndex::build(cands)
}

#[test]
fn style_filter() {
    let mut deep = cand(1, PORTLAND);
    deep.styles = vec![S::DeepTissue, S::TriggerPoint];
    let index = index_of(vec![deep, cand(2, PORTLAND)]);
    let mut q = near(PORTLAND, 5.0);
    q.style = Some(S::TriggerPoint);
    let r = results(&index, &q);
    assert_eq!(ids(&r), [1]);
    assert!(why_has(&r[0], "offers trigger point massage (as you asked)"));
    q.style = Some(S::Oncology);
    assert!(search_ids(&index, &q).is_empty());
}

#[test]
fn language_filter() {
    let mut es = cand(1, PORTLAND);
    es.languages = vec!["en".into(), "es".into()];
    let mut es_mx = cand(2, PORTLAND);
    es_mx.languages = vec!["es-mx".into()];
    let mut vi = cand(3, PORTLAND);
    vi.languages = vec!["vi".into()];
    let index = index_of(vec![es, es_mx, vi, cand(4, PORTLAND)]);
    let mut q = near(PORTLAND, 5.0);
    q.language = Some("ES".into());
    let r = results(&index, &q);
    assert_eq!(ids(&r), [1, 2]);
    assert!(r.iter().all(|m| m.why.contains(&"speaks Spanish".to_owned())), "{:?}", r[0].why);
    q.language = Some("es-mx".into());
    assert_eq!(search_ids(&index, &q), [2]);
    q.language = Some("vi".into());
    assert_eq!(search_ids(&index, &q), [3]);
    q.language = Some("ko".into());
    assert!(search_ids(&index, &q).is_empty());
}

#[test]
fn language_and_insurance_filters_beyond_the_mask_bits() {
    // more than 63 distinct languages and payers: the rare ones take the slow path
    let mut cands = Vec::new();
    for i in 0..100i64 {
        let mut c = cand(i + 1, PORTLAND);
        c.languages = vec![format!("x{i:02}")];
        c.insurance = vec![format!("payer {i:02}")];
        for _ in 0..(100 - i) {
            c.languages.push("en".into());
        }
        cands.push(c);
    }
    let index = index_of(cands);
    for i in [0i64, 62, 63, 99] {
        let mut q = near(PORTLAND, 5.0);
        q.language = Some(format!("x{i:02}"));
        assert_eq!(search_ids(&index, &q), [i + 1], "language x{i:02}");
        let mut q = near(PORTLAND, 5.0);
        q.insurance = Some(format!("Payer {i:02}"));
        assert_eq!(search_ids(&index, &q), [i + 1], "payer {i:02}");
    }
}

#[test]
fn gender_filter() {
    let mut f = cand(1, PORTLAND);
    f.gender = Some(Gender::Female);
    let mut m = cand(2, PORTLAND);
    m.gender = Some(Gender::Male);
    let mut nb = cand(3, PORTLAND);
    nb.gender = Some(Gender::Nonbinary);
    let index = index_of(vec![f, m, nb, cand(4, PORTLAND)]);
    for (g, want) in [(Gender::Female, 1), (Gender::Male, 2), (Gender::Nonbinary, 3)] {
        let mut q = near(PORTLAND, 5.0);
        q.gender = Some(g);
        let r = results(&index, &q);
        assert_eq!(ids(&r), [want]);
        assert!(why_has(&r[0], &format!("{} therapist (as you asked)", g.as_str())));
    }
    assert_eq!(search_ids(&index, &near(PORTLAND, 5.0)).len(), 4);
}

#[test]
fn max_price_filter_lets_unknown_prices_through_labelled() {
    let cheap = cand(1, PORTLAND); // from $80
    let mut dear = cand(2, PORTLAND);
    dear.price_min_usd = Some(140);
    dear.price_max_usd = Some(180);
    let mut unknown = cand(3, PORTLAND);
    unknown.price_min_usd = None;
    unknown.price_max_usd = None;
    let mut exact = cand(4, PORTLAND);
    exact.price_min_usd = Some(100);
    let index = index_of(vec![cheap, dear, unknown, exact]);
    let mut q = near(PORTLAND, 5.0);
    q.max_price_usd = Some(100);
    let r = results(&index, &q);
    assert_eq!(ids(&r), [1, 3, 4]);
    let unknown = r.iter().find(|m| m.id == 3).unwrap();
    assert!(unknown.why.contains(&"price not listed".to_owned()));
    assert!(unknown.labels.contains(&MatchLabel::PriceNotListed));
    let cheap = r.iter().find(|m| m.id == 1).unwrap();
    assert!(why_has(cheap, "$80–$100 per session"), "{:?}", cheap.why);
    assert!(cheap.labels.is_empty());
    q.max_price_usd = Some(79);
    assert_eq!(search_ids(&index, &q), [3]);
}

#[test]
fn insurance_filter() {
    let mut aetna = cand(1, PORTLAND);
    aetna.insurance = vec!["aetna".into(), "cigna".into()];
    let mut pip = cand(2, PORTLAND);
    pip.insurance = vec!["auto insurance (pip)".into()];
    let index = index_of(vec![aetna, pip, cand(3, PORTLAND)]);
    let mut q = near(PORTLAND, 5.0);
    q.insurance = Some(" Cigna ".into());
    let r = results(&index, &q);
    assert_eq!(ids(&r), [1]);
    assert!(why_has(&r[0], "takes cigna"));
    q.insurance = Some("auto insurance (pip)".into());
    assert_eq!(search_ids(&index, &q), [2]);
    q.insurance = Some("medicaid".into());
    assert!(search_ids(&index, &q).is_empty());
}

#[test]
fn kind_filter() {
    let mut cands = Vec::new();
    for (i, k) in PlaceKind::ALL.into_iter().enumerate() {
        let mut c = cand(i as i64 + 1, PORTLAND);
        c.kind = k;
        cands.push(c);
    }
    let index = index_of(cands);
    for (i, k) in PlaceKind::ALL.into_iter().enumerate() {
        let mut q = near(PORTLAND, 5.0);
        q.kind = Some(k);
        assert_eq!(search_ids(&index, &q), [i as i64 + 1]);
    }
    let mut q = near(PORTLAND, 5.0);
    q.kind = Some(PlaceKind::SchoolClinic);
    assert!(why_has(&results(&index, &q)[0], "student clinic"));
}

#[test]
fn outside_the_radius_is_excluded() {
    let index = index_of(vec![
        cand(1, offset(PORTLAND, 4.9, 0.0)),
        cand(2, offset(PORTLAND, 5.2, 0.0)),
        cand(3, offset(PORTLAND, 0.0, -4.9)),
        cand(4, offset(PORTLAND, 0.0, 5.2)),
    ]);
    let r = results(&index, &near(PORTLAND, 5.0));
    assert_eq!(ids(&r), [1, 3]);
    assert!(r.iter().all(|m| m.distance_miles <= 5.0));
    assert!(why_has(&r[0], "4.9 miles away"), "{:?}", r[0].why);
    assert_eq!(search_ids(&index, &near(PORTLAND, 6.0)).len(), 4);
}

#[test]
fn empty_area_gives_empty_results() {
    let index = index_of(vec![cand(1, SEATTLE), cand(2, PORTLAND)]);
    // Boise, ID: nobody within 50 miles
    assert!(search_ids(&index, &near((43.615, -116.2023), 50.0)).is_empty());
    // an empty index
    assert!(search_ids(&GeoIndex::build(Vec::new()), &near(PORTLAND, 50.0)).is_empty());
    // a filter naming a language nobody speaks
    let mut q = near(PORTLAND, 50.0);
    q.language = Some("tlh".into());
    assert!(search_ids(&index, &q).is_empty());
}

#[test]
fn limit_caps_the_answer_and_keeps_the_best() {
    let cands: Vec<_> = (0..30).map(|i| cand(i + 1, offset(PORTLAND, 0.3 * i as f64, 0.0))).collect();
    let index = index_of(cands);
    let mut q = near(PORTLAND, 20.0);
    q.limit = 5;
    assert_eq!(search_ids(&index, &q), [1, 2, 3, 4, 5]);
    q.limit = 0;
    assert!(search_ids(&index, &q).is_empty());
}

/// The reasons come as data too, in the order of the English words, which are their
/// rendering (the web app words the data in the page's language).
#[test]
fn reasons_are_data_in_the_order_of_the_words() {
    use lumbar_core::directory::{ResultGroup, VerificationStatus};
    use lumbar_core::matching::why::{Reason, StyleNote};
    let mut c = cand(1, PORTLAND);
    c.languages = vec!["en".into(), "es".into()];
    c.back_pain_years = Some(12);
    c.back_pain_share_pct = Some(60);
    c.reviews = 2;
    c.rating_sum = 9;
    c.endorsements = 1;
    c.kind = PlaceKind::Clinic;
    let index = index_of(vec![c]);
    let mut q = near(PORTLAND, 5.0);
    q.language = Some("es".into());
    q.style = Some(S::Swedish);
    let r = results(&index, &q);
    assert_eq!(r.len(), 1);
    let m = &r[0];
    assert_eq!(m.reasons[0], Reason::Distance { miles: m.distance_miles });
    assert_eq!(
        m.reasons[1..],
        [
            Reason::License {
                group: Some(ResultGroup::Verified),
                status: Some(VerificationStatus::VerifiedActive),
                state: state("OR"),
                stale: false,
            },
            Reason::Style { style: S::Swedish, note: StyleNote::AsAsked },
            Reason::Experience { years: Some(12), share_pct: Some(60) },
            Reason::Rating { reviews: 2, rating_sum: 9, endorsements: 1 },
            Reason::Language { tag: "es".into() },
            Reason::Price { min: Some(80), max: Some(100) },
            Reason::Kind { kind: PlaceKind::Clinic },
        ]
    );
    assert_eq!(
        m.why[1..],
        [
            "license verified active in OR",
            "offers swedish massage (as you asked)",
            "12 years helping people with back pain (about 60% of clients)",
            "4.5★ from 2 reviews, 1 clinician endorsement",
            "speaks Spanish",
            "$80–$100 per session",
            "a clinic",
        ]
    );
}
