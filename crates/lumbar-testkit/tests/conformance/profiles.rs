//! Listings, profiles, recommendations and the matcher's candidates.

use lumbar_core::directory::{
    Address, AsOf, ClaimedLicense, Date, EntityKind, Profile, ProfileField, ResultGroup, StateCode, Training,
    VerificationStatus,
};
use lumbar_core::matching::{Gender, MassageStyle, PlaceKind};
use lumbar_store::prelude::*;
use lumbar_store::{ImportKind, ListingUpsert, Review, Verification};
use lumbar_testkit::store_test;

fn listing(key: &str, state: &str, license_state: &str) -> ListingUpsert {
    let st = StateCode::parse(state).unwrap();
    ListingUpsert {
        key: key.into(),
        kind: EntityKind::Individual,
        name: "Ana Núñez".into(),
        first_name: "Ana".into(),
        last_name: "Núñez".into(),
        credential: "LMT".into(),
        practice: Address {
            line1: "1 Pine St".into(),
            line2: String::new(),
            city: "Seattle".into(),
            state: Some(st),
            postal_code: Some("98101".into()),
            phone: "206-555-0100".into(),
        },
        lat: Some(47.61),
        lon: Some(-122.33),
        licenses: vec![ClaimedLicense { state: StateCode::parse(license_state).unwrap(), number: "MA1".into() }],
    }
}

fn profile() -> Profile {
    Profile {
        place_kind: PlaceKind::Clinic,
        styles: vec![MassageStyle::Swedish, MassageStyle::Prenatal],
        back_pain_years: Some(9),
        back_pain_share_pct: Some(40),
        training: Some(Training { school: "Fictional School".into(), hours: Some(700), certifications: vec![] }),
        languages: vec!["en".into(), "es".into()],
        gender: Some(Gender::Female),
        price_min_usd: Some(80),
        price_max_usd: Some(120),
        insurance: vec!["aetna".into()],
        booking_url: Some("https://example.org/book".into()),
        phone: None,
        hours: None,
        verified: vec![ProfileField::Training],
    }
}

store_test!(listings_upsert_by_key_and_carry_profiles_and_recommendations, |store| {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let id = store.upsert_listing(run, &listing("k1", "WA", "WA")).await.unwrap();
    assert_eq!(store.upsert_listing(run, &listing("k1", "WA", "WA")).await.unwrap(), id, "same key, same id");
    store.save_profile(id, &profile()).await.unwrap();
    store
        .replace_recommendations(
            id,
            "demo",
            &[Review { rating: 5, comment: String::new() }, Review { rating: 4, comment: "kind".into() }],
            &["Dr A".into()],
        )
        .await
        .unwrap();
    store
        .replace_recommendations(
            id,
            "demo",
            &[Review { rating: 5, comment: String::new() }, Review { rating: 4, comment: String::new() }],
            &["Dr A".into()],
        )
        .await
        .unwrap();
    let d = store.therapist_detail(id).await.unwrap().unwrap();
    assert_eq!(d.profile.as_ref(), Some(&profile()));
    assert_eq!((d.reviews, d.rating_sum, d.endorsements), (2, 9, 1));
    assert_eq!(d.therapist.npi, None);
    assert!(store.therapist_detail(id + 1000).await.unwrap().is_none());
});

store_test!(candidates_carry_the_license_status_of_the_practice_state, |store| {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let here = store.upsert_listing(run, &listing("here", "WA", "WA")).await.unwrap();
    let elsewhere = store.upsert_listing(run, &listing("elsewhere", "WA", "OR")).await.unwrap();
    store.save_profile(here, &profile()).await.unwrap();
    for c in store.license_claims().await.unwrap() {
        let v = Verification {
            license_id: c.license_id,
            status: VerificationStatus::VerifiedActive,
            expires: None,
            discipline: String::new(),
            source: "test".into(),
            source_run: None,
            source_line: None,
            checked_at: Date::parse("2026-11-25").unwrap(),
            roster_date: Date::parse("2026-11-25"),
        };
        store.save_verifications(&[v]).await.unwrap();
    }
    let cands = store.candidates(AsOf::new(Date::parse("2026-11-28").unwrap())).await.unwrap();
    let a = cands.iter().find(|c| c.id == here).unwrap();
    assert_eq!(a.license, Some(VerificationStatus::VerifiedActive));
    assert_eq!(a.kind, PlaceKind::Clinic);
    assert_eq!(a.styles, vec![MassageStyle::Swedish, MassageStyle::Prenatal]);
    assert!(a.completeness > 0.5);
    let b = cands.iter().find(|c| c.id == elsewhere).unwrap();
    assert_eq!(b.license, None, "a license in another state does not count where they practise");
    assert_eq!(b.kind, PlaceKind::Independent, "no profile: an individual is independent");
});

/// Saves one verification for every claimed license, in claim order, from `(status, expires,
/// roster date)`.
async fn verify_all(store: &dyn Store, outcomes: &[(VerificationStatus, &str, &str)]) {
    let claims = store.license_claims().await.unwrap();
    assert_eq!(claims.len(), outcomes.len());
    let batch: Vec<Verification> = claims
        .iter()
        .zip(outcomes)
        .map(|(c, (status, expires, roster))| Verification {
            license_id: c.license_id,
            status: *status,
            expires: Date::parse(expires),
            discipline: String::new(),
            source: "roster".into(),
            source_run: None,
            source_line: Some(2),
            checked_at: Date::parse("2026-11-20").unwrap(),
            roster_date: Date::parse(roster),
        })
        .collect();
    store.save_verifications(&batch).await.unwrap();
}

fn day(s: &str) -> AsOf {
    AsOf::new(Date::parse(s).unwrap())
}

store_test!(a_revoked_license_outweighs_an_active_one_in_the_candidates, |store| {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let mut two = listing("two", "WA", "WA");
    two.licenses.push(ClaimedLicense { state: StateCode::parse("WA").unwrap(), number: "MA2".into() });
    let id = store.upsert_listing(run, &two).await.unwrap();
    verify_all(
        &store,
        &[
            (VerificationStatus::VerifiedActive, "2027-06-30", "2026-11-19"),
            (VerificationStatus::SuspendedOrRevoked, "", "2026-11-19"),
        ],
    )
    .await;
    let c = store.candidates(day("2026-11-28")).await.unwrap().into_iter().find(|c| c.id == id).unwrap();
    assert_eq!(c.license, Some(VerificationStatus::SuspendedOrRevoked));
    assert_eq!(c.group, None, "hidden unless asked for");
});

store_test!(a_license_is_expired_the_day_after_its_expiry_without_a_new_verification, |store| {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let id = store.upsert_listing(run, &listing("one", "WA", "WA")).await.unwrap();
    verify_all(&store, &[(VerificationStatus::VerifiedActive, "2026-11-27", "2026-11-19")]).await;
    let on = |d: &'static str| {
        let store = &store;
        async move { store.candidates(day(d)).await.unwrap().into_iter().find(|c| c.id == id).unwrap() }
    };
    let before = on("2026-11-27").await;
    assert_eq!((before.license, before.group), (Some(VerificationStatus::VerifiedActive), Some(ResultGroup::Verified)));
    let after = on("2026-11-28").await;
    assert_eq!((after.license, after.group), (Some(VerificationStatus::Expired), None));
    // the export and the profile read the same day's status
    let view = store.therapists(&lumbar_store::TherapistFilter::default()).await.unwrap().remove(0);
    assert_eq!(view.licenses[0].status, Some(VerificationStatus::VerifiedActive), "stored as verified");
    assert_eq!(view.as_of(day("2026-11-28")).licenses[0].status, Some(VerificationStatus::Expired));
});

store_test!(a_roster_older_than_sixty_days_makes_a_verified_status_stale, |store| {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let id = store.upsert_listing(run, &listing("one", "WA", "WA")).await.unwrap();
    verify_all(&store, &[(VerificationStatus::VerifiedActive, "2027-06-30", "2026-09-29")]).await;
    let c = |cands: Vec<lumbar_core::matching::Candidate>| cands.into_iter().find(|c| c.id == id).unwrap();
    // 2026-09-29 + 60 days = 2026-11-28: fresh that day, stale the next
    assert!(!c(store.candidates(day("2026-11-28")).await.unwrap()).stale);
    let stale = c(store.candidates(day("2026-11-29")).await.unwrap());
    assert!(stale.stale);
    assert_eq!(stale.group, Some(ResultGroup::Verified), "still shown, labelled");
    let view = store.therapists(&lumbar_store::TherapistFilter::default()).await.unwrap().remove(0);
    assert!(view.as_of(day("2026-11-29")).licenses[0].stale);
});
