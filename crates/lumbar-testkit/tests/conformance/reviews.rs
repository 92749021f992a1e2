//! Reviews: one per person and listing, editable, held for moderation; only approved ones
//! count on the profile and in the finder's candidates.

use lumbar_core::directory::{Address, AsOf, Date, EntityKind, StateCode};
use lumbar_store::prelude::*;
use lumbar_store::{ImportKind, ListingUpsert, Moderation, ReviewInput, Role};
use lumbar_testkit::store_test;

const NOW: &str = "2026-11-28T12:00:00Z";

async fn listing(store: &dyn Store) -> i64 {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let wa = StateCode::parse("WA").unwrap();
    let l = ListingUpsert {
        key: "k1".into(),
        kind: EntityKind::Individual,
        name: "Ana Núñez".into(),
        first_name: "Ana".into(),
        last_name: "Núñez".into(),
        credential: "LMP".into(),
        practice: Address {
            line1: "1 Pine St".into(),
            line2: String::new(),
            city: "Seattle".into(),
            state: Some(wa),
            postal_code: Some("98101".into()),
            phone: String::new(),
        },
        lat: Some(47.61),
        lon: Some(-122.33),
        licenses: vec![],
    };
    store.upsert_listing(run, &l).await.unwrap()
}

fn review(overall: u8, text: &str) -> ReviewInput {
    ReviewInput {
        overall,
        helped_back: Some(true),
        listened: Some(false),
        respected_precautions: None,
        text: text.into(),
    }
}

store_test!(a_review_waits_for_approval_and_an_edit_waits_again, |store| {
    let id = listing(&store).await;
    let ana = store.create_user("ana@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    let version = store.directory_version().await.unwrap();
    let r = store.upsert_review(ana, id, &review(4, "good"), NOW).await.unwrap();
    assert!(store.directory_version().await.unwrap() > version, "reviews feed the ranking");
    assert_eq!(store.therapist_detail(id).await.unwrap().unwrap().reviews, 0, "pending does not count");
    let pending = store.reviews_by_state(Moderation::Pending, 10).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].review, review(4, "good"));
    assert!(store.moderate_review(r, Moderation::Approved).await.unwrap());
    let d = store.therapist_detail(id).await.unwrap().unwrap();
    assert_eq!((d.reviews, d.rating_sum), (1, 4));
    let today = AsOf::new(Date::parse("2026-11-28").unwrap());
    let c = store.candidates(today).await.unwrap().into_iter().find(|c| c.id == id).unwrap();
    assert_eq!((c.reviews, c.rating_sum), (1, 4));
    assert_eq!(store.listing_reviews(id, Moderation::Approved).await.unwrap().len(), 1);

    // an edit keeps the same review and sends it back to moderation
    assert_eq!(store.upsert_review(ana, id, &review(2, "changed my mind"), NOW).await.unwrap(), r);
    assert_eq!(store.therapist_detail(id).await.unwrap().unwrap().reviews, 0);
    let mine = store.my_review(ana, id).await.unwrap().unwrap();
    assert_eq!((mine.review.overall, mine.moderation), (2, Moderation::Pending));
    assert!(store.moderate_review(r, Moderation::Hidden).await.unwrap());
    assert!(store.listing_reviews(id, Moderation::Approved).await.unwrap().is_empty());
    assert!(!store.moderate_review(r + 100, Moderation::Approved).await.unwrap());
    assert_eq!(store.my_reviews(ana).await.unwrap().len(), 1);
});
