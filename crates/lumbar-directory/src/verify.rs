//! Verification: every claimed license checked against its state's current roster.
//!
//! The decision is `lumbar_core::directory::verify_claim` (pure); this module loads rosters
//! once per state, keeps the evidence, and saves only what changed, so a re-run changes
//! nothing and a newer roster moves statuses.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use lumbar_core::directory::{Date, Regulation, RosterRecord, StateCode, VerificationStatus, regulation, verify_claim};
use lumbar_store::{RosterSnapshot, Store, Verification};

/// What a verification run did.
#[derive(Debug, Default, serde::Serialize)]
pub struct VerifySummary {
    /// Licenses checked.
    pub checked: u64,
    /// Verification records written or changed.
    pub changed: u64,
    /// Count per status after the run.
    pub by_status: BTreeMap<&'static str, u64>,
}

struct IndexedRoster {
    snapshot: RosterSnapshot,
    by_key: HashMap<String, Vec<usize>>,
}

/// Verifies every claimed license. `today` decides expiry and stamps decisions that rest on
/// no roster (state regulation, no roster imported).
pub async fn run(store: &dyn Store, today: Date) -> crate::Result<VerifySummary> {
    run_for(store, today, None).await
}

/// Verifies the claimed licenses of one state (after its roster was imported), or of every
/// state when `state` is `None`.
pub async fn run_for(store: &dyn Store, today: Date, state: Option<StateCode>) -> crate::Result<VerifySummary> {
    let mut claims = store.license_claims().await?;
    if let Some(state) = state {
        claims.retain(|c| c.state == state);
    }
    let mut rosters: HashMap<StateCode, Option<IndexedRoster>> = HashMap::new();
    let mut summary = VerifySummary::default();
    let mut updates = Vec::new();
    for claim in &claims {
        let roster = match rosters.entry(claim.state) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let loaded = store.roster(claim.state).await?.map(|snapshot| {
                    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
                    for (i, r) in snapshot.rows.iter().enumerate() {
                        by_key.entry(r.license_key.clone()).or_default().push(i);
                    }
                    IndexedRoster { snapshot, by_key }
                });
                e.insert(loaded)
            }
        };
        let roster = roster.as_ref();
        let candidates: Vec<RosterRecord> = roster
            .and_then(|r| {
                r.by_key.get(&claim.license_key).map(|ix| ix.iter().map(|&i| r.snapshot.rows[i].clone()).collect())
            })
            .unwrap_or_default();
        let decision = verify_claim(claim.state, &claim.last_name, &candidates, roster.is_some(), today);
        let evidence = decision.evidence.map(|i| &candidates[i]);
        let v = Verification {
            license_id: claim.license_id,
            status: decision.status,
            expires: evidence.and_then(|e| e.expires),
            discipline: evidence
                .filter(|e| e.disciplined)
                .map(|e| {
                    if e.discipline_text.is_empty() {
                        "board action on record".to_owned()
                    } else {
                        e.discipline_text.clone()
                    }
                })
                .unwrap_or_default(),
            source: source_text(claim.state, decision.status, roster.map(|r| &r.snapshot)),
            source_run: roster.map(|r| r.snapshot.run),
            source_line: evidence.map(|e| e.source_line),
            checked_at: roster.map_or(today, |r| r.snapshot.imported_on),
            roster_date: roster.map(|r| r.snapshot.data_date),
        };
        *summary.by_status.entry(v.status.as_str()).or_default() += 1;
        summary.checked += 1;
        let same = claim.current.as_ref().is_some_and(|c| {
            c.status == v.status
                && c.expires == v.expires
                && c.discipline == v.discipline
                && c.source == v.source
                && c.source_run == v.source_run
                && c.source_line == v.source_line
                && c.roster_date == v.roster_date
                && (roster.is_none() || c.checked_at == v.checked_at)
        });
        if !same {
            updates.push(v);
        }
    }
    for chunk in updates.chunks(1000) {
        summary.changed += store.save_verifications(chunk).await?;
    }
    Ok(summary)
}

fn source_text(state: StateCode, status: VerificationStatus, roster: Option<&RosterSnapshot>) -> String {
    match (roster, regulation(state)) {
        (Some(r), _) => format!("{state} license roster {} of {} (imported {})", r.source, r.data_date, r.imported_on),
        (None, Regulation::Unregulated) => {
            format!("{state} does not license massage therapists; credentials are self-reported")
        }
        (None, Regulation::VoluntaryCertification) => {
            "California: voluntary CAMTC certification; no roster imported".to_owned()
        }
        (None, Regulation::Licensed) => {
            debug_assert_eq!(status, VerificationStatus::NoRoster);
            format!("no {state} license roster imported yet")
        }
    }
}
