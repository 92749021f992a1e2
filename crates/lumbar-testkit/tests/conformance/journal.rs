//! The journal: saved checks, plans, entries and share links, each readable only by its
//! owner; share links that expire, are revoked and record their openings; key rotation.

use std::sync::Arc;

use lumbar_store::prelude::*;
use lumbar_store::{Role, Vault};
use lumbar_testkit::store_test;
use serde_json::json;

const NOW: &str = "2026-11-28T12:00:00Z";

async fn two_people(store: &dyn Store) -> (i64, i64) {
    let a = store.create_user("ana@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    let b = store.create_user("bo@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    (a, b)
}

store_test!(checks_are_kept_newest_first_and_only_for_their_owner, |store| {
    let (ana, bo) = two_people(&store).await;
    let first = store.save_check(ana, "2026-11-01T00:00:00Z", &json!({"triage": "massage_suitable"})).await.unwrap();
    let second = store.save_check(ana, NOW, &json!({"triage": "see_provider_first"})).await.unwrap();
    let listed = store.checks(ana).await.unwrap();
    assert_eq!(listed.iter().map(|c| c.id).collect::<Vec<_>>(), vec![second, first]);
    assert_eq!(listed[1].doc, json!({"triage": "massage_suitable"}));
    assert_eq!(listed[1].created_at, "2026-11-01T00:00:00Z");
    assert!(store.checks(bo).await.unwrap().is_empty());
    assert!(store.check(bo, first).await.unwrap().is_none(), "another person's check is not found");
    assert!(!store.delete_check(bo, first).await.unwrap());
    assert!(store.delete_check(ana, first).await.unwrap());
    assert!(store.check(ana, first).await.unwrap().is_none());
});

store_test!(plans_and_entries_follow_their_owner, |store| {
    let (ana, bo) = two_people(&store).await;
    let check = store.save_check(ana, NOW, &json!({})).await.unwrap();
    assert_eq!(store.start_plan(bo, check, NOW, &json!({})).await.unwrap(), None, "bo cannot use ana's check");
    let plan =
        store.start_plan(ana, check, NOW, &json!({"baseline": {"pain_average_week": 6}})).await.unwrap().unwrap();
    assert_eq!(store.add_entry(bo, plan, NOW, &json!({})).await.unwrap(), None, "bo cannot log in ana's plan");
    let e1 =
        store.add_entry(ana, plan, NOW, &json!({"kind": "session", "pain_average_week": 6})).await.unwrap().unwrap();
    let e2 =
        store.add_entry(ana, plan, NOW, &json!({"kind": "check_in", "pain_average_week": 5})).await.unwrap().unwrap();
    let entries = store.entries(ana, plan).await.unwrap();
    assert_eq!(entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![e1, e2]);
    assert_eq!(entries[1].doc["kind"], "check_in");
    assert!(store.entries(bo, plan).await.unwrap().is_empty());
    assert!(!store.delete_entry(bo, e1).await.unwrap());
    assert!(store.delete_entry(ana, e1).await.unwrap());
    let plans = store.plans(ana).await.unwrap();
    assert_eq!((plans.len(), plans[0].ended, plans[0].check_id), (1, false, check));
    assert_eq!(plans[0].doc["baseline"]["pain_average_week"], 6);
    assert!(!store.update_plan(bo, plan, &json!({"x": 1})).await.unwrap(), "not bo's plan");
    assert!(
        store.update_plan(ana, plan, &json!({"baseline": {"pain_average_week": 6}, "summary": "s"})).await.unwrap()
    );
    assert_eq!(store.plans(ana).await.unwrap()[0].doc["summary"], "s");
    assert!(!store.end_plan(bo, plan).await.unwrap());
    assert!(store.end_plan(ana, plan).await.unwrap());
    assert!(store.plans(ana).await.unwrap()[0].ended);
    // deleting the check takes its plans and entries with it
    assert!(store.delete_check(ana, check).await.unwrap());
    assert!(store.plans(ana).await.unwrap().is_empty());
});

store_test!(share_links_open_until_revoked_or_expired_and_record_openings, |store| {
    let (ana, bo) = two_people(&store).await;
    let check = store.save_check(ana, NOW, &json!({})).await.unwrap();
    assert_eq!(store.create_share(bo, check, "x", NOW, 2_000, &json!({})).await.unwrap(), None);
    let id = store
        .create_share(ana, check, "tok", NOW, 2_000, &json!({"sections": ["precautions"]}))
        .await
        .unwrap()
        .unwrap();
    let opened = store.open_share("tok", 1_000, "2026-11-29T08:00:00Z").await.unwrap().unwrap();
    assert_eq!(opened.doc, json!({"sections": ["precautions"]}));
    assert_eq!(opened.opened, vec!["2026-11-29T08:00:00Z".to_owned()]);
    store.open_share("tok", 1_001, "2026-11-29T09:00:00Z").await.unwrap().unwrap();
    assert_eq!(store.open_share("tok", 2_000, NOW).await.unwrap(), None, "expired at its second");
    let listed = store.shares(ana).await.unwrap();
    assert_eq!(listed[0].opened, vec!["2026-11-29T08:00:00Z".to_owned(), "2026-11-29T09:00:00Z".to_owned()]);
    assert!(store.shares(bo).await.unwrap().is_empty());
    assert!(!store.revoke_share(bo, id).await.unwrap());
    assert!(store.revoke_share(ana, id).await.unwrap());
    assert_eq!(store.open_share("tok", 1_002, NOW).await.unwrap(), None, "revoked");
    assert!(store.shares(ana).await.unwrap()[0].revoked);
});

store_test!(a_store_without_a_data_key_refuses_health_data, |store| {
    let (ana, _) = two_people(&store).await;
    let keyless = lumbar_store_sql::SqlStore::new(store.pool().clone(), store.backend());
    let err = keyless.save_check(ana, NOW, &json!({"answers": {}})).await.unwrap_err();
    assert!(err.to_string().contains("no data key"), "{err}");
});

store_test!(rotating_the_key_reseals_everything_and_the_old_key_is_no_longer_needed, |store| {
    let (ana, _) = two_people(&store).await;
    let check = store.save_check(ana, NOW, &json!({"answers": {"age": 40}})).await.unwrap();
    let plan = store.start_plan(ana, check, NOW, &json!({"b": 1})).await.unwrap().unwrap();
    store.add_entry(ana, plan, NOW, &json!({"e": 1})).await.unwrap();
    store.create_share(ana, check, "tok", NOW, 9_999_999_999, &json!({"s": 1})).await.unwrap();
    let new_key = [0x77; 32];
    let both = Arc::new(Vault::from_keys(&[new_key, lumbar_testkit::TEST_DATA_KEY]).unwrap());
    let rotating = store.clone().with_vault(both);
    assert_eq!(rotating.reseal_all().await.unwrap(), 4, "one check, one plan, one entry, one share");
    assert_eq!(rotating.reseal_all().await.unwrap(), 0, "already under the new key");
    let new_only = store.clone().with_vault(Arc::new(Vault::from_keys(&[new_key]).unwrap()));
    assert_eq!(new_only.check(ana, check).await.unwrap().unwrap().doc, json!({"answers": {"age": 40}}));
    assert_eq!(new_only.entries(ana, plan).await.unwrap()[0].doc, json!({"e": 1}));
    let err = store.check(ana, check).await.unwrap_err();
    assert!(err.to_string().contains("not configured"), "the old key alone no longer opens: {err}");
});
