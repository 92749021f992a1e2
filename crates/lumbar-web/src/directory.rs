//! The therapist directory as the web app searches it: a [`Snapshot`] of the store — the
//! [`GeoIndex`] over `Store::candidates()`, a lookup of each candidate's name, kind, styles
//! and license evidence, and the ZIP centroid table — held by the [`DirectoryCache`].
//!
//! The store stays the source of truth. The snapshot is built from it on first use, and
//! again when the store's change counter ([`Store::directory_version`], raised by every
//! import, verification and listing change, on any node) moved — asked at most every
//! [`crate::WebConfig::change_poll`] — when the day changed (expiry and roster freshness
//! are facts of the day: [`lumbar_core::directory::standing`]), when it is older than
//! [`crate::WebConfig::index_max_age`], or when [`crate::WebConfig::refresh`] was
//! triggered. One rebuild runs at a time; the request that starts it waits for it, while
//! other requests keep using the previous snapshot (only the very first build is waited
//! for by all). When a rebuild fails and there is a previous snapshot, it is kept and the
//! failure logged (store errors never carry health data).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lumbar_core::directory::{AsOf, Date, StateCode, VerificationStatus, listing_standing};
use lumbar_core::matching::{Candidate, GeoIndex, MassageStyle, Outcome, PlaceKind, Query};
use lumbar_store::{LicenseView, PracticeView, Store, TherapistFilter, TherapistView};
use tokio::sync::{Mutex, RwLock};

use crate::state::IndexRefresh;

/// The license that decides a listing's standing, with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct LicenseEvidence {
    /// State of the license.
    pub state: StateCode,
    /// The number as claimed.
    pub number: String,
    /// Verification status on the day; `None` before it was verified.
    pub status: Option<VerificationStatus>,
    /// Where the status comes from (`roster WA roster-wa.csv`).
    pub source: Option<Arc<str>>,
    /// Date the status was checked against the roster.
    pub checked_at: Option<Date>,
    /// Date of the roster data the status rests on.
    pub roster_date: Option<Date>,
    /// The roster is older than the freshness limit.
    pub stale: bool,
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
    /// Number of client reviews.
    pub reviews: u32,
    /// Sum of their stars (1–5 each).
    pub rating_sum: u32,
    /// Clinician endorsements.
    pub endorsements: u32,
    /// Languages spoken (lower-case tags).
    pub languages: Vec<String>,
    /// Lowest price for 60 minutes, USD.
    pub price_min: Option<u32>,
    /// Highest price for 60 minutes, USD.
    pub price_max: Option<u32>,
    /// The practice address in one line (empty when unknown).
    pub address: String,
}

/// A practice address in one line: street, city, state and ZIP.
pub fn practice_address(p: &PracticeView) -> String {
    let mut parts: Vec<String> = Vec::new();
    for s in [&p.address, &p.city] {
        if !s.trim().is_empty() {
            parts.push(s.trim().to_owned());
        }
    }
    let state_zip = [p.state.map(|s| s.to_string()), p.postal_code.clone()].into_iter().flatten().collect::<Vec<_>>();
    if !state_zip.is_empty() {
        parts.push(state_zip.join(" "));
    }
    parts.join(", ")
}

/// One build of the directory: index, listings, ZIP centroids.
pub struct Snapshot {
    /// The day its standings were decided on.
    day: Date,
    /// The store's change counter it was built at.
    version: i64,
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

/// The license that decides a listing's standing on the day (the same rule the candidate's
/// status came from: `lumbar_core::directory::listing_standing`), with its evidence.
fn deciding_license(
    view: Option<&TherapistView>,
    state: StateCode,
    as_of: AsOf,
    sources: &mut HashMap<String, Arc<str>>,
) -> Option<LicenseEvidence> {
    let view = view?;
    let facts: Vec<_> = view.licenses.iter().map(LicenseView::fact).collect();
    let chosen: &LicenseView = &view.licenses[listing_standing(&facts, state, as_of).license?];
    let source =
        chosen.source.as_ref().map(|s| sources.entry(s.clone()).or_insert_with(|| Arc::from(s.as_str())).clone());
    Some(LicenseEvidence {
        state: chosen.state,
        number: chosen.number.clone(),
        status: chosen.status,
        source,
        checked_at: chosen.checked_at,
        roster_date: chosen.roster_date,
        stale: chosen.stale,
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
    /// Reads the store: candidates and their license evidence on the day `as_of`, the ZIP
    /// centroids.
    pub async fn load(store: &dyn Store, generation: u64, as_of: AsOf) -> Result<Snapshot, LoadError> {
        // read the counter first: a change made while reading is seen by the next check
        let version = store.directory_version().await?;
        let candidates: Vec<Candidate> = store.candidates(as_of).await?;
        let views: HashMap<i64, TherapistView> =
            store.therapists(&TherapistFilter::default()).await?.into_iter().map(|t| (t.id, t.as_of(as_of))).collect();
        let centroids = lumbar_directory::pipeline::centroid_map(store).await?;
        // Building the grid is CPU work: keep it off the async workers.
        tokio::task::spawn_blocking(move || {
            let mut s = Snapshot::from_parts(candidates, &views, centroids, generation, as_of);
            s.version = version;
            s
        })
        .await
        .map_err(|e| LoadError(format!("the index build stopped: {e}")))
    }

    /// A snapshot from what the store returned (`views` already [`TherapistView::as_of`]).
    pub fn from_parts(
        candidates: Vec<Candidate>,
        views: &HashMap<i64, TherapistView>,
        centroids: HashMap<String, (f64, f64)>,
        generation: u64,
        as_of: AsOf,
    ) -> Snapshot {
        let mut sources = HashMap::new();
        let listings = candidates
            .iter()
            .map(|c| {
                let license = deciding_license(views.get(&c.id), c.practice_state, as_of, &mut sources);
                let listing = Listing {
                    name: c.name.clone(),
                    kind: c.kind,
                    styles: c.styles.clone(),
                    state: c.practice_state,
                    license,
                    reviews: c.reviews,
                    rating_sum: c.rating_sum,
                    endorsements: c.endorsements,
                    languages: c.languages.clone(),
                    price_min: c.price_min_usd,
                    price_max: c.price_max_usd,
                    address: views.get(&c.id).map(|v| practice_address(&v.practice)).unwrap_or_default(),
                };
                (c.id, listing)
            })
            .collect();
        let languages = distinct(candidates.iter().flat_map(|c| c.languages.iter().cloned()));
        let insurers = distinct(candidates.iter().flat_map(|c| c.insurance.iter().cloned()));
        Snapshot {
            day: as_of.today,
            version: 0,
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

    /// The day its standings were decided on.
    pub fn day(&self) -> Date {
        self.day
    }

    fn fresh(&self, max_age: Duration, refresh: &IndexRefresh, today: Date, version: Option<i64>) -> bool {
        self.generation == refresh.generation()
            && self.built_at.elapsed() < max_age
            && self.day == today
            && version.is_none_or(|v| v == self.version)
    }
}

/// The current [`Snapshot`], built lazily and rebuilt when stale (see the module docs).
#[derive(Default)]
pub struct DirectoryCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    building: Arc<Mutex<()>>,
    /// When the store's change counter was last read.
    polled: std::sync::Mutex<Option<Instant>>,
}

impl std::fmt::Debug for DirectoryCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let current = self.current.try_read().ok().and_then(|c| c.as_ref().map(|s| s.len()));
        f.debug_struct("DirectoryCache").field("listings", &current).finish()
    }
}

impl DirectoryCache {
    /// The store's change counter when it is time to ask again (at most every
    /// `change_poll`), else `None` (the snapshot's own counter is taken as current).
    async fn poll_version(&self, store: &dyn Store, change_poll: Duration) -> Option<i64> {
        {
            let mut polled = self.polled.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if polled.is_some_and(|t| t.elapsed() < change_poll) {
                return None;
            }
            *polled = Some(Instant::now());
        }
        match store.directory_version().await {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the directory's change counter; the index stays in use");
                None
            }
        }
    }

    /// A fresh enough snapshot of `store` (see the module docs for "fresh").
    ///
    /// A build runs as a task of its own, so a request that times out while waiting for it
    /// does not cancel it: the next request finds it done (or still running).
    pub async fn get(
        self: &Arc<Self>,
        store: &Arc<dyn Store>,
        config: &crate::WebConfig,
    ) -> Result<Arc<Snapshot>, LoadError> {
        let (max_age, refresh) = (config.index_max_age, &config.refresh);
        let as_of = config.as_of();
        let current = self.current.read().await.clone();
        let version = match &current {
            Some(_) => self.poll_version(store.as_ref(), config.change_poll).await,
            None => {
                // the first build reads the counter itself: the next poll is due one interval on
                *self.polled.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Instant::now());
                None
            }
        };
        let guard = match &current {
            Some(s) if s.fresh(max_age, refresh, as_of.today, version) => return Ok(s.clone()),
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
            && s.fresh(max_age, refresh, as_of.today, version)
        {
            return Ok(s.clone());
        }
        let generation = refresh.generation();
        let this = Arc::clone(self);
        let store = Arc::clone(store);
        let task = tokio::spawn(async move {
            let _guard = guard;
            let fresh = Arc::new(Snapshot::load(store.as_ref(), generation, as_of).await?);
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
            group: Some(lumbar_core::directory::ResultGroup::Verified),
            stale: false,
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
            roster_date: Date::parse("2026-11-24"),
            stale: false,
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
        let s = Snapshot::from_parts(vec![candidate(1), candidate(2)], &views, HashMap::new(), 0, as_of());
        let l = s.listing(1).and_then(|l| l.license.clone());
        assert_eq!(l.as_ref().map(|l| (l.state, l.status)), Some((wa, Some(VerificationStatus::VerifiedActive))));
        assert_eq!(s.listing(2).map(|l| l.license.is_none()), Some(true), "no licenses known");
        assert_eq!(s.languages(), ["en", "es"]);
        assert_eq!(s.insurers(), ["aetna"]);
    }

    fn as_of() -> AsOf {
        AsOf::new(Date::parse("2026-11-28").unwrap_or_else(|| panic!("date")))
    }

    #[test]
    fn staleness_follows_age_refresh_day_and_changes() {
        let refresh = IndexRefresh::new();
        let today = as_of().today;
        let s = Snapshot::from_parts(Vec::new(), &HashMap::new(), HashMap::new(), refresh.generation(), as_of());
        let minute = Duration::from_secs(60);
        assert!(s.fresh(minute, &refresh, today, None));
        assert!(s.fresh(minute, &refresh, today, Some(0)));
        assert!(!s.fresh(minute, &refresh, today, Some(1)), "the directory changed");
        assert!(
            !s.fresh(minute, &refresh, Date::from_days_since_epoch(today.days_since_epoch() + 1), None),
            "a new day"
        );
        assert!(!s.fresh(Duration::ZERO, &refresh, today, None), "too old");
        refresh.trigger();
        assert!(!s.fresh(minute, &refresh, today, None), "refresh triggered");
    }
}
