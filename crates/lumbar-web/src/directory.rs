//! The therapist directory as the web app searches it: a [`Snapshot`] of the store — the
//! [`GeoIndex`] over `Store::candidates()`, a lookup of each candidate's name, kind, styles
//! and license evidence, and the ZIP centroid table — held by the [`DirectoryCache`].
//!
//! The store stays the source of truth. The snapshot is built from it on first use, and
//! again when it is older than [`crate::WebConfig::index_max_age`] or when
//! [`crate::WebConfig::refresh`] was triggered since it was built. One rebuild runs at a
//! time; while it runs, other requests keep using the previous snapshot (only the very
//! first build is waited for). When a rebuild fails and there is a previous snapshot, it
//! is kept and the failure logged (store errors never carry health data).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lumbar_core::directory::{Date, StateCode, VerificationStatus};
use lumbar_core::matching::{Candidate, GeoIndex, MassageStyle, Outcome, PlaceKind, Query};
use lumbar_store::{LicenseView, Store, TherapistFilter, TherapistView};
use tokio::sync::{Mutex, RwLock};

use crate::state::IndexRefresh;

/// The license that counts for a listing (its practice state's), with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct LicenseEvidence {
    /// State of the license.
    pub state: StateCode,
    /// Verification status; `None` before `lumbar verify` ran.
    pub status: Option<VerificationStatus>,
    /// Where the status comes from (`roster WA roster-wa.csv`).
    pub source: Option<Arc<str>>,
    /// Date of the data the status rests on.
    pub checked_at: Option<Date>,
    /// Expiry from the roster.
    pub expires: Option<Date>,
}

/// What a result shows beyond the index's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    /// Display name.
    pub name: String,
    /// Kind of place.
    pub kind: PlaceKind,
    /// Styles offered.
    pub styles: Vec<MassageStyle>,
    /// Practice state (whose license counts).
    pub state: StateCode,
    /// The license in the practice state, `None` when none is claimed there.
    pub license: Option<LicenseEvidence>,
}

/// One build of the directory: index, listings, ZIP centroids.
pub struct Snapshot {
    index: GeoIndex,
    listings: HashMap<i64, Listing>,
    centroids: HashMap<String, (f64, f64)>,
    languages: Vec<String>,
    insurers: Vec<String>,
    built_at: Instant,
    generation: u64,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("listings", &self.listings.len())
            .field("centroids", &self.centroids.len())
            .field("age", &self.built_at.elapsed())
            .field("generation", &self.generation)
            .finish()
    }
}

/// Why the directory could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LoadError(String);

impl From<lumbar_store::StoreError> for LoadError {
    fn from(e: lumbar_store::StoreError) -> LoadError {
        LoadError(e.to_string())
    }
}

impl From<lumbar_directory::DirectoryError> for LoadError {
    fn from(e: lumbar_directory::DirectoryError) -> LoadError {
        LoadError(e.to_string())
    }
}

/// The license of a listing in its practice state: the one whose status the candidate
/// carries (the best one there), else the first one there.
fn practice_license(
    view: Option<&TherapistView>,
    state: StateCode,
    status: Option<VerificationStatus>,
    sources: &mut HashMap<String, Arc<str>>,
) -> Option<LicenseEvidence> {
    let here: Vec<&LicenseView> = view.map(|v| v.licenses.iter().filter(|l| l.state == state).collect())?;
    let chosen = here.iter().find(|l| l.status == status).or_else(|| here.first())?;
    let source =
        chosen.source.as_ref().map(|s| sources.entry(s.clone()).or_insert_with(|| Arc::from(s.as_str())).clone());
    Some(LicenseEvidence {
        state: chosen.state,
        status: chosen.status,
        source,
        checked_at: chosen.checked_at,
        expires: chosen.expires,
    })
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = values.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()).collect();
    v.sort();
    v.dedup();
    v
}

impl Snapshot {
    /// Reads the store: candidates, their license evidence, the ZIP centroids.
    pub async fn load(store: &dyn Store, generation: u64) -> Result<Snapshot, LoadError> {
        let candidates: Vec<Candidate> = store.candidates().await?;
        let views: HashMap<i64, TherapistView> =
            store.therapists(&TherapistFilter::default()).await?.into_iter().map(|t| (t.id, t)).collect();
        let centroids = lumbar_directory::pipeline::centroid_map(store).await?;
        // Building the grid is CPU work: keep it off the async workers.
        tokio::task::spawn_blocking(move || Snapshot::from_parts(candidates, &views, centroids, generation))
            .await
            .map_err(|e| LoadError(format!("the index build stopped: {e}")))
    }

    /// A snapshot from what the store returned.
    pub fn from_parts(
        candidates: Vec<Candidate>,
        views: &HashMap<i64, TherapistView>,
        centroids: HashMap<String, (f64, f64)>,
        generation: u64,
    ) -> Snapshot {
        let mut sources = HashMap::new();
        let listings = candidates
            .iter()
            .map(|c| {
                let license = practice_license(views.get(&c.id), c.practice_state, c.license, &mut sources);
                let listing = Listing {
                    name: c.name.clone(),
                    kind: c.kind,
                    styles: c.styles.clone(),
                    state: c.practice_state,
                    license,
                };
                (c.id, listing)
            })
            .collect();
        let languages = distinct(candidates.iter().flat_map(|c| c.languages.iter().cloned()));
        let insurers = distinct(candidates.iter().flat_map(|c| c.insurance.iter().cloned()));
        Snapshot {
            index: GeoIndex::build(candidates),
            listings,
            centroids,
            languages,
            insurers,
            built_at: Instant::now(),
            generation,
        }
    }

    /// The centroid of a five-digit ZIP, if the table has it.
    pub fn locate(&self, zip5: &str) -> Option<(f64, f64)> {
        self.centroids.get(zip5).copied()
    }

    /// Runs a search on the index.
    pub fn search(&self, q: &Query) -> Outcome {
        self.index.search(q)
    }

    /// What to show for a result id.
    pub fn listing(&self, id: i64) -> Option<&Listing> {
        self.listings.get(&id)
    }

    /// Languages spoken by someone in the directory (lower-case tags, sorted).
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// Insurance payers taken by someone in the directory (lower-case, sorted).
    pub fn insurers(&self) -> &[String] {
        &self.insurers
    }

    /// Number of listings in the index.
    pub fn len(&self) -> usize {
        self.listings.len()
    }

    /// True when the directory is empty.
    pub fn is_empty(&self) -> bool {
        self.listings.is_empty()
    }

    fn fresh(&self, max_age: Duration, refresh: &IndexRefresh) -> bool {
        self.generation == refresh.generation() && self.built_at.elapsed() < max_age
    }
}

/// The current [`Snapshot`], built lazily and rebuilt when stale (see the module docs).
#[derive(Default)]
pub struct DirectoryCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    building: Arc<Mutex<()>>,
}

impl std::fmt::Debug for DirectoryCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let current = self.current.try_read().ok().and_then(|c| c.as_ref().map(|s| s.len()));
        f.debug_struct("DirectoryCache").field("listings", &current).finish()
    }
}

impl DirectoryCache {
    /// A fresh enough snapshot of `store`.
    ///
    /// A build runs as a task of its own, so a request that times out while waiting for it
    /// does not cancel it: the next request finds it done (or still running).
    pub async fn get(
        self: &Arc<Self>,
        store: &Arc<dyn Store>,
        max_age: Duration,
        refresh: &IndexRefresh,
    ) -> Result<Arc<Snapshot>, LoadError> {
        let current = self.current.read().await.clone();
        let guard = match &current {
            Some(s) if s.fresh(max_age, refresh) => return Ok(s.clone()),
            // Someone is rebuilding: the previous snapshot will do meanwhile.
            Some(s) => match Arc::clone(&self.building).try_lock_owned() {
                Ok(guard) => guard,
                Err(_) => return Ok(s.clone()),
            },
            None => Arc::clone(&self.building).lock_owned().await,
        };
        // Another request may have finished a build while this one waited.
        let current = self.current.read().await.clone();
        if let Some(s) = &current
            && s.fresh(max_age, refresh)
        {
            return Ok(s.clone());
        }
        let generation = refresh.generation();
        let this = Arc::clone(self);
        let store = Arc::clone(store);
        let task = tokio::spawn(async move {
            let _guard = guard;
            let fresh = Arc::new(Snapshot::load(store.as_ref(), generation).await?);
            *this.current.write().await = Some(fresh.clone());
            tracing::info!(listings = fresh.len(), "directory index built");
            Ok::<_, LoadError>(fresh)
        });
        let built = task.await.unwrap_or_else(|e| Err(LoadError(format!("the index build stopped: {e}"))));
        match (built, current) {
            (Ok(fresh), _) => Ok(fresh),
            (Err(e), Some(stale)) => {
                tracing::warn!(error = %e, "directory index rebuild failed; the previous index stays in use");
                Ok(stale)
            }
            (Err(e), None) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i64) -> Candidate {
        Candidate {
            id,
            name: format!("T{id}"),
            kind: PlaceKind::Independent,
            lat: 47.6,
            lon: -122.3,
            practice_state: StateCode::parse("WA").unwrap_or_else(|e| panic!("{e}")),
            license: Some(VerificationStatus::VerifiedActive),
            styles: vec![MassageStyle::Swedish],
            back_pain_years: None,
            back_pain_share_pct: None,
            languages: vec!["ES".into(), "en".into()],
            gender: None,
            price_min_usd: None,
            price_max_usd: None,
            insurance: vec!["aetna".into()],
            reviews: 0,
            rating_sum: 0,
            endorsements: 0,
            completeness: 0.5,
        }
    }

    #[test]
    fn the_practice_state_license_is_the_evidence() {
        let wa = StateCode::parse("WA").unwrap_or_else(|e| panic!("{e}"));
        let or = StateCode::parse("OR").unwrap_or_else(|e| panic!("{e}"));
        let lic = |state, status| LicenseView {
            state,
            number: "1".into(),
            status,
            expires: None,
            source: Some("roster".into()),
            checked_at: Date::parse("2026-11-25"),
        };
        let view = TherapistView {
            id: 1,
            npi: None,
            kind: "individual".into(),
            name: "T1".into(),
            credential: String::new(),
            practice: lumbar_store::PracticeView {
                address: String::new(),
                city: String::new(),
                state: Some(wa),
                postal_code: None,
                lat: None,
                lon: None,
            },
            licenses: vec![
                lic(or, Some(VerificationStatus::VerifiedActive)),
                lic(wa, Some(VerificationStatus::Expired)),
                lic(wa, Some(VerificationStatus::VerifiedActive)),
            ],
            active: true,
        };
        let views: HashMap<i64, TherapistView> = [(1, view)].into_iter().collect();
        let s = Snapshot::from_parts(vec![candidate(1), candidate(2)], &views, HashMap::new(), 0);
        let l = s.listing(1).and_then(|l| l.license.clone());
        assert_eq!(l.as_ref().map(|l| (l.state, l.status)), Some((wa, Some(VerificationStatus::VerifiedActive))));
        assert_eq!(s.listing(2).map(|l| l.license.is_none()), Some(true), "no licenses known");
        assert_eq!(s.languages(), ["en", "es"]);
        assert_eq!(s.insurers(), ["aetna"]);
    }

    #[test]
    fn staleness_follows_age_and_refresh() {
        let refresh = IndexRefresh::new();
        let s = Snapshot::from_parts(Vec::new(), &HashMap::new(), HashMap::new(), refresh.generation());
        assert!(s.fresh(Duration::from_secs(60), &refresh));
        assert!(!s.fresh(Duration::ZERO, &refresh), "too old");
        refresh.trigger();
        assert!(!s.fresh(Duration::from_secs(60), &refresh), "refresh triggered");
    }
}
