//! The audit area: an append-only log listed newest first and filtered by action prefix or
//! target; "report this listing" reports, open until closed once; hiding a listing with a
//! reason takes it out of the finder's candidates and moves the change counter.

use lumbar_core::directory::{Address, AsOf, Date, EntityKind, StateCode};
use lumbar_store::prelude::*;
use lumbar_store::{AuditFilter, AuditInput, ImportKind, ListingUpsert, ReportCategory, ReportStatus};
use lumbar_testkit::store_test;

const NOW: &str = "2026-11-28T12:00:00Z";
const LATER: &str = "2026-11-29T09:30:00Z";

async fn listing(store: &dyn Store, key: &str, name: &str) -> i64 {
    let run = store.begin_import(ImportKind::Demo, "demo").await.unwrap();
    let wa = StateCode::parse("WA").unwrap();
    let l = ListingUpsert {
        key: key.into(),
        kind: EntityKind::Individual,
        name: name.into(),
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

fn entry(actor: &str, action: &str, target: &str, reason: &str) -> AuditInput {
    AuditInput {
        at: NOW.into(),
        actor: actor.into(),
        action: action.into(),
        target: target.into(),
        reason: reason.into(),
    }
}

store_test!(the_audit_log_lists_newest_first_and_filters, |store| {
    let a = store.append_audit(&entry("7", "review.approve", "review:12", "")).await.unwrap();
    let b = store.append_audit(&entry("cli", "review.hide", "review:13", "phone number in the text")).await.unwrap();
    let c = store.append_audit(&entry("7", "report.hide_listing", "report:2", "license revoked")).await.unwrap();
    let d = store
        .append_audit(&entry("7", "report.hideXlisting", "report:3", "not an action, a look-alike"))
        .await
        .unwrap();

    let all = store.audit(&AuditFilter::default()).await.unwrap();
    assert_eq!(all.iter().map(|e| e.id).collect::<Vec<_>>(), vec![d, c, b, a], "newest first");
    assert_eq!(all[2].actor, "cli");
    assert_eq!(all[2].action, "review.hide");
    assert_eq!(all[2].target, "review:13");
    assert_eq!(all[2].reason, "phone number in the text");
    assert_eq!(all[2].at, NOW);

    let reviews = AuditFilter { action_prefix: Some("review.".into()), ..AuditFilter::default() };
    assert_eq!(store.audit(&reviews).await.unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), vec![b, a]);
    // `_` is a character, not a wildcard
    let hide = AuditFilter { action_prefix: Some("report.hide_".into()), ..AuditFilter::default() };
    assert_eq!(store.audit(&hide).await.unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), vec![c]);
    let target = AuditFilter { target: Some("review:12".into()), ..AuditFilter::default() };
    assert_eq!(store.audit(&target).await.unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), vec![a]);
    let one = AuditFilter { limit: 1, ..AuditFilter::default() };
    assert_eq!(store.audit(&one).await.unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), vec![d]);
    let none = AuditFilter { action_prefix: Some("role.".into()), ..AuditFilter::default() };
    assert!(store.audit(&none).await.unwrap().is_empty());
});

store_test!(a_report_is_open_until_closed_once, |store| {
    let id = listing(&store, "k1", "Ana Núñez").await;
    assert_eq!(store.add_report(id + 999, ReportCategory::Other, "", NOW).await.unwrap(), None, "no such listing");
    let r1 = store
        .add_report(id, ReportCategory::WrongLicense, "The number is someone else's.", NOW)
        .await
        .unwrap()
        .unwrap();
    let r2 = store.add_report(id, ReportCategory::Other, "", NOW).await.unwrap().unwrap();

    let open = store.reports(Some(ReportStatus::Open), 10).await.unwrap();
    assert_eq!(open.iter().map(|r| r.id).collect::<Vec<_>>(), vec![r1, r2], "oldest first");
    assert_eq!(open[0].therapist_id, id);
    assert_eq!(open[0].category, ReportCategory::WrongLicense);
    assert_eq!(open[0].text, "The number is someone else's.");
    assert_eq!(open[0].note, "");
    assert_eq!(open[0].created_at, NOW);
    assert_eq!(open[0].closed_at, None);

    assert!(store.close_report(r1, ReportStatus::Resolved, "Checked the roster: it is hers.", LATER).await.unwrap());
    assert!(!store.close_report(r1, ReportStatus::ListingHidden, "again", LATER).await.unwrap(), "closed once");
    assert!(!store.close_report(r2 + 99, ReportStatus::Resolved, "x", LATER).await.unwrap(), "no such report");
    let closed = store.report(r1).await.unwrap().unwrap();
    assert_eq!(closed.status, ReportStatus::Resolved);
    assert_eq!(closed.note, "Checked the roster: it is hers.");
    assert_eq!(closed.closed_at.as_deref(), Some(LATER));
    assert_eq!(
        store.reports(Some(ReportStatus::Open), 10).await.unwrap().iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![r2]
    );
    assert_eq!(store.reports(None, 10).await.unwrap().len(), 2);
    assert_eq!(store.report(r2 + 99).await.unwrap(), None);
});

store_test!(a_hidden_listing_leaves_the_candidates_and_moves_the_counter, |store| {
    let shown = listing(&store, "k1", "Ana Núñez").await;
    let hidden = listing(&store, "k2", "Bea Ortiz").await;
    let as_of = AsOf::new(Date::parse("2026-11-28").unwrap());
    let ids = |c: Vec<lumbar_core::matching::Candidate>| c.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(ids(store.candidates(as_of).await.unwrap()), vec![shown, hidden]);
    assert_eq!(store.listing_hidden(hidden).await.unwrap(), None);

    let version = store.directory_version().await.unwrap();
    assert!(store.hide_listing(hidden, "Not a massage therapist: a dog groomer.").await.unwrap());
    assert!(store.directory_version().await.unwrap() > version, "the running finder sees it");
    assert!(!store.hide_listing(hidden + 999, "x").await.unwrap(), "no such listing");
    assert_eq!(ids(store.candidates(as_of).await.unwrap()), vec![shown]);
    assert_eq!(store.listing_hidden(hidden).await.unwrap().as_deref(), Some("Not a massage therapist: a dog groomer."));
    // nothing is deleted: the listing is still there for the operator
    assert!(store.therapist_detail(hidden).await.unwrap().is_some());
});
