//! One test per matching rule (module docs of `lumbar_core::matching`).

use lumbar_core::directory::{ResultGroup, Standing, VerificationStatus as V};
use lumbar_core::matching::{GeoIndex, MassageStyle as S, MatchLabel, Outcome, PlaceKind};

use super::*;

// ---- rule 1: verified first ----

#[test]
fn rule1_three_groups_by_default_problems_hidden() {
    // Oregon licenses massage therapists: verified first, then not verified (no roster),
    // then the unlicensed-state group; expired, inactive, board actions, not found and no
    // license on file are hidden.
    let mut cands = Vec::new();
    for (i, status) in V::ALL.into_iter().map(Some).chain([None]).enumerate() {
        let mut c = cand(i as i64 + 1, offset(PORTLAND, 0.1 * i as f64, 0.0));
        c.set_license(status);
        cands.push(c);
    }
    let index = GeoIndex::build(cands);
    // V::ALL order: 1 verified_active, 2 expired, 3 inactive, 4 disciplined,
    // 5 suspended_or_revoked, 6 not_found, 7 no_roster, 8 unregulated_state,
    // 9 voluntary_certification, 10 none
    let r = results(&index, &near(PORTLAND, 10.0));
    assert_eq!(ids(&r), vec![1, 7, 8, 9]);
    let groups: Vec<Option<ResultGroup>> = r.iter().map(|m| m.group).collect();
    assert_eq!(
        groups,
        vec![
            Some(ResultGroup::Verified),
            Some(ResultGroup::NotVerified),
            Some(ResultGroup::UnlicensedState),
            Some(ResultGroup::UnlicensedState)
        ]
    );
    assert!(why_has(&r[1], "license not checked by lumbar: check it on the OR board's lookup"));
    assert!(why_has(&r[2], "OR does not license massage therapists: ask about training and certification"));
}

#[test]
fn stale_verified_after_fresh_verified_before_not_verified() {
    // the stale one is closer and better reviewed: it still comes after the fresh one
    let fresh = cand(1, offset(PORTLAND, 5.0, 0.0));
    let mut stale = cand(2, PORTLAND);
    stale.set_standing(&Standing {
        status: Some(V::VerifiedActive),
        license: None,
        stale: true,
        no_license_here: false,
    });
    stale.reviews = 100;
    stale.rating_sum = 500;
    let mut no_roster = cand(3, PORTLAND);
    no_roster.set_license(Some(V::NoRoster));
    let r = results(&GeoIndex::build(vec![no_roster, stale, fresh]), &near(PORTLAND, 10.0));
    assert_eq!(ids(&r), vec![1, 2, 3]);
    assert_eq!(r[1].group, Some(ResultGroup::Verified));
    assert!(r[1].stale && r[1].labels.contains(&MatchLabel::Stale));
    assert!(!r[0].stale && r[0].labels.is_empty());
}

#[test]
fn rule1_unverified_on_request_ranked_after_every_verified_with_status() {
    // the unverified ones are closer, better reviewed and endorsed: they still come last
    let mut far_verified = cand(1, offset(PORTLAND, 9.0, 0.0));
    far_verified.completeness = 0.0;
    let mut expired = cand(2, PORTLAND);
    expired.set_license(Some(V::Expired));
    expired.reviews = 300;
    expired.rating_sum = 1500;
    expired.endorsements = 9;
    let mut unclaimed = cand(3, offset(PORTLAND, 0.5, 0.0));
    unclaimed.set_license(None);
    let verified_near = cand(4, offset(PORTLAND, 2.0, 0.0));
    let index = GeoIndex::build(vec![far_verified, expired, unclaimed, verified_near]);

    assert_eq!(search_ids(&index, &near(PORTLAND, 10.0)), vec![4, 1]);
    let mut q = near(PORTLAND, 10.0);
    q.include_unverified = true;
    let r = results(&index, &q);
    assert_eq!(ids(&r), vec![4, 1, 2, 3]);
    assert!(why_has(&r[0], "license verified active in OR"));
    assert!(r[0].labels.is_empty());
    assert_eq!(r[2].license, Some(V::Expired));
    assert!(
        r[2].why.contains(
            &"license expired (OR) — listed because you asked to see therapists whose license has a problem".to_owned()
        ),
        "{:?}",
        r[2].why
    );
    assert!(r[2].labels.contains(&MatchLabel::Unverified));
    assert!(why_has(
        &r[3],
        "no OR license on file — listed because you asked to see therapists whose license has a problem"
    ));
    assert_eq!((r[2].group, r[3].group), (None, None));
}

#[test]
fn rule1_license_counts_in_the_therapists_own_state() {
    // Searching from Portland OR reaches Vancouver WA: the WA therapist keeps its WA status,
    // and an Oregon-verified therapist who practises in WA is shown with the WA status.
    let mut wa = cand(1, VANCOUVER_WA);
    wa.practice_state = state("WA");
    let mut wa_expired = cand(2, offset(VANCOUVER_WA, 0.3, 0.0));
    wa_expired.practice_state = state("WA");
    wa_expired.set_license(Some(V::Expired));
    let index = GeoIndex::build(vec![wa, wa_expired, cand(3, PORTLAND)]);
    let r = results(&index, &near(PORTLAND, 15.0));
    assert_eq!(ids(&r), vec![3, 1]);
    assert!(why_has(&r[1], "license verified active in WA"), "{:?}", r[1].why);
    let mut q = near(PORTLAND, 15.0);
    q.include_unverified = true;
    let r = results(&index, &q);
    assert_eq!(ids(&r), vec![3, 1, 2]);
    assert!(why_has(&r[2], "license expired (WA)"));
}

// ---- rule 2: not advisable now ----

#[test]
fn rule2_not_advisable_now_lists_nobody_whatever_the_filters() {
    let index = GeoIndex::build(vec![cand(1, PORTLAND), cand(2, offset(PORTLAND, 1.0, 1.0))]);
    let mut n = needs(&[], &[]);
    n.advisable_now = false;
    let mut q = near(PORTLAND, 25.0).with_needs(n.clone());
    assert_eq!(index.search(&q), Outcome::SeeClinicianFirst);
    q.include_unverified = true;
    q.style = Some(S::Swedish);
    q.language = Some("en".into());
    q.kind = Some(PlaceKind::Independent);
    q.max_price_usd = Some(500);
    assert_eq!(index.search(&q), Outcome::SeeClinicianFirst);
    // even with nobody nearby, or a limit of zero
    q.limit = 0;
    assert_eq!(GeoIndex::build(Vec::new()).search(&q), Outcome::SeeClinicianFirst);
    assert_eq!(index.search(&q), Outcome::SeeClinicianFirst);
}

// ---- rule 3: pregnancy ----

#[test]
fn rule3_pregnancy_shows_only_prenatal() {
    let mut prenatal = cand(1, offset(PORTLAND, 5.0, 0.0));
    prenatal.styles = vec![S::Swedish, S::Prenatal];
    let mut near_swedish = cand(2, PORTLAND);
    near_swedish.reviews = 100;
    near_swedish.rating_sum = 500;
    let mut deep = cand(3, PORTLAND);
    deep.styles = vec![S::DeepTissue];
    let index = GeoIndex::build(vec![prenatal, near_swedish, deep]);
    let mut n = needs(&[S::Prenatal], &["side_lying", "prenatal_trained_therapist"]);
    n.pregnant = true;
    let q = near(PORTLAND, 10.0).with_needs(n.clone());
    let r = results(&index, &q);
    assert_eq!(ids(&r), vec![1]);
    assert!(r[0].why.contains(&"offers prenatal massage (needed in pregnancy)".to_owned()), "{:?}", r[0].why);
    // the pregnant flag alone is enough
    let mut only_flag = n;
    only_flag.precautions.clear();
    only_flag.styles = vec![S::Swedish];
    assert_eq!(search_ids(&index, &near(PORTLAND, 10.0).with_needs(only_flag)), vec![1]);
}

// ---- rule 4: deep tissue caution ----

#[test]
fn rule4_deep_tissue_only_is_never_first_under_no_deep_tissue() {
    // the deep-tissue-only therapist is the closest and best reviewed
    let mut deep = cand(1, PORTLAND);
    deep.styles = vec![S::DeepTissue];
    deep.reviews = 400;
    deep.rating_sum = 2000;
    deep.endorsements = 10;
    deep.back_pain_years = Some(25);
    let swedish_far = cand(2, offset(PORTLAND, 9.5, 0.0));
    let mut myofascial_and_swedish = cand(3, offset(PORTLAND, 7.0, 0.0));
    myofascial_and_swedish.styles = vec![S::Myofascial, S::Swedish];
    let mut deep_and_swedish = cand(4, offset(PORTLAND, 8.0, 0.0));
    deep_and_swedish.styles = vec![S::DeepTissue, S::Swedish];
    let index = GeoIndex::build(vec![deep, swedish_far, myofascial_and_swedish, deep_and_swedish]);

    // without the precaution it wins
    assert_eq!(search_ids(&index, &near(PORTLAND, 10.0).with_needs(needs(&[S::Swedish, S::DeepTissue], &[])))[0], 1);

    let q = near(PORTLAND, 10.0).with_needs(needs(&[S::Swedish], &["light_pressure", "no_deep_tissue"]));
    let r = results(&index, &q);
    assert_eq!(*ids(&r).last().unwrap(), 1, "below every gentler candidate: {:?}", ids(&r));
    assert_eq!(r.len(), 4);
    let last = &r[3];
    assert!(last.labels.contains(&MatchLabel::DeepTissueOnlyCaution));
    assert!(why_has(last, "which your screening advises against (precaution: no deep tissue)"), "{:?}", last.why);
    // the one offering both is not demoted, and is told about the precaution
    let both = r.iter().find(|m| m.id == 4).unwrap();
    assert!(both.labels.is_empty());
    assert!(why_has(both, "tell them your screening advises against it"));
}

#[test]
fn rule4_deep_tissue_only_is_left_out_when_nothing_gentler_comes_first() {
    let mut deep = cand(1, PORTLAND);
    deep.styles = vec![S::DeepTissue];
    let mut deep_sports = cand(2, offset(PORTLAND, 1.0, 0.0));
    deep_sports.styles = vec![S::DeepTissue, S::Sports];
    let mut unverified_swedish = cand(3, offset(PORTLAND, 2.0, 0.0));
    unverified_swedish.set_license(Some(V::NoRoster));
    let index = GeoIndex::build(vec![deep, deep_sports, unverified_swedish]);
    // the gentle not-verified one is listed; the verified deep-tissue-only ones would come
    // first, and are never first, so they are left out
    let n = needs(&[S::Swedish], &["no_deep_tissue"]);
    assert_eq!(search_ids(&index, &near(PORTLAND, 10.0).with_needs(n.clone())), vec![3]);
    // light_pressure alone demotes too (deep tissue is firm pressure)
    let lp = needs(&[S::Swedish], &["light_pressure"]);
    assert_eq!(search_ids(&index, &near(PORTLAND, 10.0).with_needs(lp)), vec![3]);
    let mut q = near(PORTLAND, 10.0).with_needs(n);
    q.include_unverified = true;
    assert_eq!(search_ids(&index, &q), vec![3]);
    // without the gentle one nothing is listed
    let mut deep_only = cand(1, PORTLAND);
    deep_only.styles = vec![S::DeepTissue];
    let index = GeoIndex::build(vec![deep_only]);
    assert!(search_ids(&index, &near(PORTLAND, 10.0).with_needs(needs(&[S::Swedish], &["no_deep_tissue"]))).is_empty());
}

// ---- rule 5: score ----

fn order_of(cands: Vec<lumbar_core::matching::Candidate>, q: &lumbar_core::matching::Query) -> Vec<i64> {
    search_ids(&GeoIndex::build(cands), q)
}

#[test]
fn rule5_closer_is_better_relative_to_radius() {
    let q = near(PORTLAND, 10.0);
    assert_eq!(order_of(vec![cand(1, offset(PORTLAND, 6.0, 0.0)), cand(2, offset(PORTLAND, 2.0, 0.0))], &q), [2, 1]);
    let r = results(&GeoIndex::build(vec![cand(1, offset(PORTLAND, 5.0, 0.0))]), &q);
    let r50 = results(&GeoIndex::build(vec![cand(1, offset(PORTLAND, 5.0, 0.0))]), &near(PORTLAND, 50.0));
    assert!(r50[0].score > r[0].score, "5 miles is nearer in a 50-mile search than in a 10-mile one");
}

#[test]
fn rule5_style_fit_first_beats_later_beats_none() {
    let mut first = cand(1, offset(PORTLAND, 3.0, 0.0));
    first.styles = vec![S::DeepTissue];
    let mut later = cand(2, offset(PORTLAND, 2.0, 0.0));
    later.styles = vec![S::Swedish];
    let mut none = cand(3, offset(PORTLAND, 1.0, 0.0));
    none.styles = vec![S::Sports];
    let q = near(PORTLAND, 10.0).with_needs(needs(&[S::DeepTissue, S::Swedish], &[]));
    let r = results(&GeoIndex::build(vec![first, later, none]), &q);
    assert_eq!(ids(&r), [1, 2, 3]);
    assert!(why_has(&r[0], "offers deep tissue massage (recommended first for you)"), "{:?}", r[0].why);
    assert!(why_has(&r[1], "offers swedish massage (also recommended for you)"));
    assert!(why_has(&r[2], "does not list deep tissue massage"));
}

#[test]
fn rule5_back_pain_experience_counts() {
    let mut years = cand(1, PORTLAND);
    years.back_pain_years = Some(12);
    let mut share = cand(2, PORTLAND);
    share.back_pain_share_pct = Some(20);
    let plain = cand(3, PORTLAND);
    let r = results(&GeoIndex::build(vec![years, share, plain]), &near(PORTLAND, 10.0));
    assert_eq!(ids(&r), [1, 2, 3]);
    assert!(r[0].why.contains(&"12 years helping people with back pain".to_owned()), "{:?}", r[0].why);
    assert!(why_has(&r[1], "back pain is about 20% of their clients"));
}

#[test]
fn rule5_bayesian_average_resists_a_few_glowing_reviews() {
    let mut glowing = cand(1, PORTLAND);
    glowing.reviews = 2;
    glowing.rating_sum = 10;
    let mut many = cand(2, PORTLAND);
    many.reviews = 200;
    many.rating_sum = 920; // 4.6
    let r = results(&GeoIndex::build(vec![glowing, many]), &near(PORTLAND, 10.0));
    assert_eq!(ids(&r), [2, 1]);
    assert!(why_has(&r[0], "4.6★ from 200 reviews"), "{:?}", r[0].why);
    assert!(why_has(&r[1], "5.0★ from 2 reviews"));
    assert!(lumbar_core::matching::bayesian_rating(2, 10) < lumbar_core::matching::bayesian_rating(200, 920));
}

#[test]
fn rule5_endorsements_add_with_diminishing_returns() {
    let scores: Vec<f64> = [0u32, 1, 2, 3, 10, 11]
        .iter()
        .map(|&e| {
            let mut c = cand(1, PORTLAND);
            c.endorsements = e;
            results(&GeoIndex::build(vec![c]), &near(PORTLAND, 10.0))[0].score
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[1] > w[0]), "{scores:?}");
    let (first, third, eleventh) = (scores[1] - scores[0], scores[3] - scores[2], scores[5] - scores[4]);
    assert!(first > third && third > eleventh, "{scores:?}");
    let mut c = cand(1, PORTLAND);
    c.endorsements = 3;
    c.reviews = 23;
    c.rating_sum = 106;
    let r = results(&GeoIndex::build(vec![c]), &near(PORTLAND, 10.0));
    assert!(r[0].why.contains(&"4.6★ from 23 reviews, 3 clinician endorsements".to_owned()), "{:?}", r[0].why);
}

#[test]
fn rule5_profile_completeness_counts() {
    let mut full = cand(1, PORTLAND);
    full.completeness = 1.0;
    let mut sparse = cand(2, PORTLAND);
    sparse.completeness = 0.2;
    assert_eq!(order_of(vec![sparse, full], &near(PORTLAND, 10.0)), [1, 2]);
}

// ---- rule 7: deterministic ties ----

#[test]
fn rule7_ties_break_by_distance_then_id_whatever_the_input_order() {
    // same score: identical profiles at the same distance → by id
    let p = offset(PORTLAND, 3.0, 0.0);
    let mut cands: Vec<_> = [7, 3, 9, 1].iter().map(|&id| cand(id, p)).collect();
    let index = GeoIndex::build(cands.clone());
    let r = results(&index, &near(PORTLAND, 10.0));
    assert_eq!(ids(&r), [1, 3, 7, 9]);
    assert!(r.windows(2).all(|w| w[0].score == w[1].score));
    // shuffled inputs give exactly the same answer
    cands.extend(lumbar_core::matching::synthetic_candidates(500, 5, &[PORTLAND, VANCOUVER_WA]));
    for c in cands.iter_mut().skip(4) {
        c.id += 1000;
    }
    let mut q = near(PORTLAND, 12.0);
    q.include_unverified = true;
    q.limit = 50;
    let want = index_results(cands.clone(), &q);
    for seed in 0..5u64 {
        let mut shuffled = cands.clone();
        // deterministic Fisher–Yates
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        assert_eq!(index_results(shuffled, &q), want);
    }
}

fn index_results(
    cands: Vec<lumbar_core::matching::Candidate>,
    q: &lumbar_core::matching::Query,
) -> Vec<lumbar_core::matching::MatchResult> {
    results(&GeoIndex::build(cands), q)
}

#[test]
fn rule7_equal_scores_order_by_distance_then_id() {
    // a dense answer has many equal scores; check the whole order
    let cands = lumbar_core::matching::synthetic_candidates(3000, 11, &[PORTLAND]);
    let mut q = near(PORTLAND, 5.0);
    q.limit = 3000;
    q.include_unverified = true;
    let r = results(&GeoIndex::build(cands), &q);
    assert!(r.len() > 100);
    for w in r.windows(2) {
        let ok = w[0].score > w[1].score
            || (w[0].score == w[1].score
                && (w[0].distance_miles < w[1].distance_miles
                    || (w[0].distance_miles == w[1].distance_miles && w[0].id < w[1].id)));
        assert!(ok, "{:?} before {:?}", (w[0].id, w[0].score, w[0].distance_miles), (w[1].id, w[1].score));
    }
}
