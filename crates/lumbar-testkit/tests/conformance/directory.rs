//! Directory use cases: provenance, provider upserts, deactivation, rosters, verification,
//! export and ZIP centroids.

use lumbar_core::directory::{
    Address, ClaimedLicense, Date, EntityKind, Npi, ProviderRecord, RosterRecord, RosterStatus, StateCode,
    VerificationStatus,
};
use lumbar_store::prelude::*;
use lumbar_store::{ImportKind, ProviderUpsert, Published, TherapistFilter, UpsertCounts, Verification, ZipCentroid};
use lumbar_testkit::store_test;

fn wa() -> StateCode {
    StateCode::parse("WA").unwrap()
}

fn provider(first9: u64, last: &str, updated: &str, license: &str) -> ProviderUpsert {
    ProviderUpsert {
        record: ProviderRecord {
            npi: Npi::with_check_digit(first9),
            kind: EntityKind::Individual,
            name: format!("Ana {last}"),
            last_name: last.into(),
            first_name: "Ana".into(),
            credential: "LMT".into(),
            sex: Some('F'),
            practice: Address {
                line1: "1 Pine St".into(),
                line2: String::new(),
                city: "Seattle".into(),
                state: Some(wa()),
                postal_code: Some("98101".into()),
                phone: "2065550100".into(),
            },
            licenses: vec![ClaimedLicense { state: wa(), number: license.into() }],
            last_update: Date::parse(updated),
            deactivated: None,
            reactivated: None,
        },
        lat: Some(47.61),
        lon: Some(-122.33),
        source_line: 2,
    }
}

fn roster_row(last: &str, number: &str, status: RosterStatus) -> RosterRecord {
    RosterRecord {
        state: wa(),
        license_number: number.into(),
        license_key: lumbar_core::directory::normalize_license(number).unwrap(),
        credential_type: "Massage Therapist License".into(),
        last_name: last.into(),
        first_name: "Ana".into(),
        status,
        status_text: status.as_str().into(),
        expires: Date::parse("2030-01-01"),
        disciplined: false,
        discipline_text: String::new(),
        source_line: 7,
    }
}

store_test!(import_runs_are_recorded, |store| {
    let run = store.begin_import(ImportKind::Nppes, "npidata.csv").await.unwrap();
    let runs = store.import_runs().await.unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].finished_at, None);
    store.finish_import(run, r#"{"rows":1}"#).await.unwrap();
    let runs = store.import_runs().await.unwrap();
    assert_eq!(runs[0].kind, "nppes");
    assert!(runs[0].finished_at.is_some());
    assert_eq!(runs[0].summary.as_deref(), Some(r#"{"rows":1}"#));
    assert!(store.finish_import(run + 100, "{}").await.is_err());
});

store_test!(upserts_insert_update_and_leave_unchanged, |store| {
    let run = store.begin_import(ImportKind::Nppes, "a.csv").await.unwrap();
    let a = provider(100_000_001, "Nunez", "01/02/2026", "MA60123456");
    let b = provider(100_000_002, "Smith", "01/02/2026", "MA00777");
    let c = store.upsert_providers(run, &[a.clone(), b.clone()]).await.unwrap();
    assert_eq!(c, UpsertCounts { inserted: 2, updated: 0, unchanged: 0 });
    // the same batch again changes nothing
    let c = store.upsert_providers(run, &[a.clone(), b.clone()]).await.unwrap();
    assert_eq!(c, UpsertCounts { inserted: 0, updated: 0, unchanged: 2 });
    // a newer record updates; an older one is ignored
    let mut newer = a.clone();
    newer.record.credential = "LMT, CMT".into();
    newer.record.last_update = Date::parse("03/01/2026");
    let mut older = b.clone();
    older.record.credential = "OLD".into();
    older.record.last_update = Date::parse("01/01/2025");
    let c = store.upsert_providers(run, &[newer, older]).await.unwrap();
    assert_eq!(c, UpsertCounts { inserted: 0, updated: 1, unchanged: 1 });
    let all = store.therapists(&TherapistFilter::default()).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].credential, "LMT, CMT");
    assert_eq!(all[1].credential, "LMT");
    assert_eq!(store.known_npis().await.unwrap().len(), 2);
});

store_test!(licenses_are_replaced_but_kept_verifications_survive, |store| {
    let run = store.begin_import(ImportKind::Nppes, "a.csv").await.unwrap();
    let mut a = provider(100_000_001, "Nunez", "01/02/2026", "MA60123456");
    store.upsert_providers(run, std::slice::from_ref(&a)).await.unwrap();
    let claims = store.license_claims().await.unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].license_key, "60123456");
    let v = Verification {
        license_id: claims[0].license_id,
        status: VerificationStatus::VerifiedActive,
        expires: Date::parse("2030-01-01"),
        discipline: String::new(),
        source: "roster WA".into(),
        source_run: None,
        source_line: Some(7),
        checked_at: Date::parse("2026-11-20").unwrap(),
        roster_date: Date::parse("2026-11-18"),
    };
    assert_eq!(store.save_verifications(std::slice::from_ref(&v)).await.unwrap(), 1);
    assert_eq!(store.save_verifications(std::slice::from_ref(&v)).await.unwrap(), 0, "saving the same is a no-op");
    // the same license written differently plus a second state: first keeps its verification
    a.record.last_update = Date::parse("02/02/2026");
    a.record.licenses = vec![
        ClaimedLicense { state: wa(), number: "60123456".into() },
        ClaimedLicense { state: StateCode::parse("OR").unwrap(), number: "9999".into() },
    ];
    store.upsert_providers(run, &[a]).await.unwrap();
    let claims = store.license_claims().await.unwrap();
    assert_eq!(claims.len(), 2);
    let kept = claims.iter().find(|c| c.state == wa()).unwrap();
    assert_eq!(kept.current.as_ref().map(|v| v.status), Some(VerificationStatus::VerifiedActive));
    assert!(claims.iter().find(|c| c.state.as_str() == "OR").unwrap().current.is_none());
});

store_test!(deactivation_marks_known_npis_inactive_once, |store| {
    let run = store.begin_import(ImportKind::Nppes, "a.csv").await.unwrap();
    let a = provider(100_000_001, "Nunez", "01/02/2026", "MA1");
    store.upsert_providers(run, std::slice::from_ref(&a)).await.unwrap();
    let date = Date::parse("05/05/2026").unwrap();
    assert_eq!(store.deactivate(run, &[(a.record.npi, date)]).await.unwrap(), 1);
    assert_eq!(store.deactivate(run, &[(a.record.npi, date)]).await.unwrap(), 0);
    assert_eq!(store.deactivate(run, &[(Npi::with_check_digit(999_999_999), date)]).await.unwrap(), 0);
    assert!(!store.therapists(&TherapistFilter::default()).await.unwrap()[0].active);
});

store_test!(rosters_publish_atomically_and_replace_the_previous, |store| {
    assert!(store.roster(wa()).await.unwrap().is_none());
    let r1 = store.begin_import(ImportKind::Roster, "roster-wa.csv").await.unwrap();
    store.stage_roster_rows(r1, &[roster_row("Nunez", "MA60123456", RosterStatus::Active)]).await.unwrap();
    assert!(store.roster(wa()).await.unwrap().is_none(), "staged rows are invisible until published");
    assert_eq!(
        store
            .publish_roster(r1, wa(), Date::parse("2026-11-01").unwrap(), Date::parse("2026-11-01").unwrap(), "d1")
            .await
            .unwrap(),
        Published::Replaced
    );
    let snap = store.roster(wa()).await.unwrap().unwrap();
    assert_eq!(snap.rows.len(), 1);
    assert_eq!(snap.source, "roster-wa.csv");
    assert_eq!(snap.rows[0].status, RosterStatus::Active);
    // a killed import leaves staged rows that never show; the next publish drops them
    let killed = store.begin_import(ImportKind::Roster, "roster-wa.csv").await.unwrap();
    store.stage_roster_rows(killed, &[roster_row("Ghost", "1", RosterStatus::Active)]).await.unwrap();
    let r2 = store.begin_import(ImportKind::Roster, "roster-wa-2.csv").await.unwrap();
    let rows: Vec<RosterRecord> =
        (0..450).map(|i| roster_row(&format!("N{i}"), &format!("{i}"), RosterStatus::Expired)).collect();
    store.stage_roster_rows(r2, &rows).await.unwrap();
    assert_eq!(
        store
            .publish_roster(r2, wa(), Date::parse("2026-11-20").unwrap(), Date::parse("2026-11-20").unwrap(), "d2")
            .await
            .unwrap(),
        Published::Replaced
    );
    let snap = store.roster(wa()).await.unwrap().unwrap();
    assert_eq!(snap.rows.len(), 450);
    assert_eq!(snap.imported_on, Date::parse("2026-11-20").unwrap());
    assert!(snap.rows.iter().all(|r| r.last_name != "Ghost" && r.status == RosterStatus::Expired));
    assert_eq!(store.roster_states().await.unwrap(), vec![wa()]);
    // the same content again: the current roster stays, only its date moves
    let r3 = store.begin_import(ImportKind::Roster, "roster-wa-3.csv").await.unwrap();
    store.stage_roster_rows(r3, &rows).await.unwrap();
    assert_eq!(
        store
            .publish_roster(r3, wa(), Date::parse("2026-11-25").unwrap(), Date::parse("2026-11-24").unwrap(), "d2")
            .await
            .unwrap(),
        Published::Unchanged
    );
    let snap = store.roster(wa()).await.unwrap().unwrap();
    assert_eq!((snap.run, snap.rows.len(), snap.source.as_str()), (r2, 450, "roster-wa-2.csv"));
    assert_eq!(snap.imported_on, Date::parse("2026-11-25").unwrap());
    assert_eq!(snap.data_date, Date::parse("2026-11-24").unwrap(), "the data date moves with it");
});

store_test!(every_change_to_what_the_finder_shows_moves_the_change_counter, |store| {
    let v0 = store.directory_version().await.unwrap();
    let run = store.begin_import(ImportKind::Nppes, "a.csv").await.unwrap();
    let a = provider(100_000_001, "Nunez", "01/02/2026", "MA60123456");
    store.upsert_providers(run, std::slice::from_ref(&a)).await.unwrap();
    let v1 = store.directory_version().await.unwrap();
    assert!(v1 > v0, "an import of a new provider");
    store.upsert_providers(run, std::slice::from_ref(&a)).await.unwrap();
    assert_eq!(store.directory_version().await.unwrap(), v1, "an identical import changes nothing");
    let claim = store.license_claims().await.unwrap().remove(0);
    let v = Verification {
        license_id: claim.license_id,
        status: VerificationStatus::SuspendedOrRevoked,
        expires: None,
        discipline: String::new(),
        source: "roster WA".into(),
        source_run: None,
        source_line: Some(2),
        checked_at: Date::parse("2026-11-20").unwrap(),
        roster_date: Date::parse("2026-11-19"),
    };
    store.save_verifications(std::slice::from_ref(&v)).await.unwrap();
    let v2 = store.directory_version().await.unwrap();
    assert!(v2 > v1, "a verification that changed");
    store.save_verifications(std::slice::from_ref(&v)).await.unwrap();
    assert_eq!(store.directory_version().await.unwrap(), v2, "the same verification again");
    let r = store.begin_import(ImportKind::Roster, "roster-wa.csv").await.unwrap();
    store.stage_roster_rows(r, &[roster_row("Nunez", "MA60123456", RosterStatus::Active)]).await.unwrap();
    let day = Date::parse("2026-11-20").unwrap();
    store.publish_roster(r, wa(), day, day, "d").await.unwrap();
    assert!(store.directory_version().await.unwrap() > v2, "a roster published");
});

store_test!(export_filters_by_state_and_carries_verification, |store| {
    let run = store.begin_import(ImportKind::Nppes, "a.csv").await.unwrap();
    let mut tx = provider(100_000_003, "Lopez", "01/02/2026", "MT123");
    tx.record.practice.state = Some(StateCode::parse("TX").unwrap());
    store.upsert_providers(run, &[provider(100_000_001, "Nunez", "01/02/2026", "MA1"), tx]).await.unwrap();
    let only_tx = store
        .therapists(&TherapistFilter { state: Some(StateCode::parse("TX").unwrap()), ..TherapistFilter::default() })
        .await
        .unwrap();
    assert_eq!(only_tx.len(), 1);
    assert_eq!(only_tx[0].name, "Ana Lopez");
    let json = serde_json::to_value(&only_tx[0]).unwrap();
    assert_eq!(json["kind"], "individual");
    assert_eq!(json["practice"]["postal_code"], "98101");
    assert_eq!(json["licenses"][0]["status"], serde_json::Value::Null);
});

store_test!(centroids_replace_and_read_back, |store| {
    assert!(store.centroids().await.unwrap().is_empty());
    let rows: Vec<ZipCentroid> = (0..700)
        .map(|i| ZipCentroid { zip: format!("{:05}", 10000 + i), lat: 40.0, lon: -70.0 - f64::from(i) / 1000.0 })
        .collect();
    store.replace_centroids(&rows).await.unwrap();
    store.replace_centroids(&rows).await.unwrap();
    let back = store.centroids().await.unwrap();
    assert_eq!(back.len(), 700);
    assert_eq!(back[1], rows[1]);
});

store_test!(concurrent_writers_wait_their_turn_instead_of_failing, |store| {
    // An NPPES import (read, then write, batch after batch), verification runs and feedback
    // posts at once: every write succeeds (on SQLite, write transactions start as writers).
    let run = store.begin_import(ImportKind::Nppes, "a.csv").await.unwrap();
    let seed = provider(100_000_001, "Nunez", "01/02/2026", "MA60123456");
    store.upsert_providers(run, std::slice::from_ref(&seed)).await.unwrap();
    let importer = {
        let store = store.clone();
        tokio::spawn(async move {
            for batch in 0..20u64 {
                let rows: Vec<ProviderUpsert> = (0..25u64)
                    .map(|i| provider(100_001_000 + batch * 100 + i, "Lee", "01/02/2026", &format!("MA{i}")))
                    .collect();
                store.upsert_providers(run, &rows).await.unwrap();
            }
        })
    };
    let verifier = {
        let store = store.clone();
        tokio::spawn(async move {
            for i in 0..40 {
                let claim = store.license_claims().await.unwrap().remove(0);
                let v = Verification {
                    license_id: claim.license_id,
                    status: if i % 2 == 0 { VerificationStatus::VerifiedActive } else { VerificationStatus::Expired },
                    expires: None,
                    discipline: String::new(),
                    source: "roster WA".into(),
                    source_run: None,
                    source_line: Some(2),
                    checked_at: Date::parse("2026-11-20").unwrap(),
                    roster_date: Date::parse("2026-11-19"),
                };
                store.save_verifications(&[v]).await.unwrap();
            }
        })
    };
    let feedback = {
        let store = store.clone();
        tokio::spawn(async move {
            for _ in 0..40 {
                store.add_feedback("find", true, "").await.unwrap();
            }
        })
    };
    for task in [importer, verifier, feedback] {
        task.await.expect("a writer failed");
    }
    assert_eq!(store.therapists(&TherapistFilter::default()).await.unwrap().len(), 1 + 20 * 25);
    assert_eq!(store.feedback(None, 100).await.unwrap().len(), 40);
});
