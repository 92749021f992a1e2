//! The directory area: therapists and places from NPPES and the demo, state rosters,
//! license verification, profiles, recommendations, ZIP centroids and the finder's candidates.
//! Its SQL lives in `lumbar-store-sql/src/directory.rs`.

use std::collections::HashSet;

use async_trait::async_trait;
use lumbar_core::directory::{
    Address, AsOf, ClaimedLicense, Date, EntityKind, LicenseFact, Npi, Profile, ProviderRecord, RosterRecord,
    StateCode, VerificationStatus, standing,
};
use lumbar_core::matching::Candidate;
use serde::Serialize;

use crate::Result;

/// Id of an import run (provenance of every imported row).
pub type RunId = i64;

/// What an import run imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// NPPES monthly or weekly file.
    Nppes,
    /// A state license roster.
    Roster,
    /// Census ZCTA centroids.
    Zcta,
    /// The fictional demo directory.
    Demo,
}

impl ImportKind {
    /// Stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Nppes => "nppes",
            ImportKind::Roster => "roster",
            ImportKind::Zcta => "zcta",
            ImportKind::Demo => "demo",
        }
    }
}

/// A recorded import run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportRun {
    /// Id.
    pub id: RunId,
    /// Kind (`nppes`, `roster`, …).
    pub kind: String,
    /// The file name imported.
    pub source: String,
    /// RFC 3339 UTC.
    pub started_at: String,
    /// RFC 3339 UTC, `None` while running or if killed.
    pub finished_at: Option<String>,
    /// JSON summary written at the end.
    pub summary: Option<String>,
}

/// A provider to insert or update, with its geocoded practice location.
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderUpsert {
    /// The record from the file.
    pub record: ProviderRecord,
    /// Latitude of the practice ZIP's centroid.
    pub lat: Option<f64>,
    /// Longitude of the practice ZIP's centroid.
    pub lon: Option<f64>,
    /// Line in the source file.
    pub source_line: u64,
}

/// What a batch upsert did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UpsertCounts {
    /// New therapists.
    pub inserted: u64,
    /// Changed therapists.
    pub updated: u64,
    /// Identical, or older than what is stored (a weekly file never overwrites newer data).
    pub unchanged: u64,
}

impl std::ops::AddAssign for UpsertCounts {
    fn add_assign(&mut self, o: UpsertCounts) {
        self.inserted += o.inserted;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
    }
}

/// The current roster of a state.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterSnapshot {
    /// State.
    pub state: StateCode,
    /// The import run it came from.
    pub run: RunId,
    /// File name.
    pub source: String,
    /// Date it was imported (the date its statuses were checked).
    pub imported_on: Date,
    /// Date of its data (the state's publication or download date), at most `imported_on`.
    pub data_date: Date,
    /// The massage-therapy license rows.
    pub rows: Vec<RosterRecord>,
}

/// What publishing a roster did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Published {
    /// The new roster is now current.
    Replaced,
    /// Identical to the current roster, which stays.
    Unchanged,
}

/// A claimed license, with what is known about it, for `lumbar verify`.
#[derive(Clone, Debug, PartialEq)]
pub struct LicenseClaim {
    /// License row id.
    pub license_id: i64,
    /// Therapist id.
    pub therapist_id: i64,
    /// Last name of the therapist (organizations: empty, so never a roster match).
    pub last_name: String,
    /// State.
    pub state: StateCode,
    /// Number as claimed.
    pub number: String,
    /// Normalised number.
    pub license_key: String,
    /// The stored verification, if any.
    pub current: Option<Verification>,
}

/// A verification record (evidence kept with the status).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verification {
    /// License row id.
    pub license_id: i64,
    /// Outcome.
    pub status: VerificationStatus,
    /// Expiry from the roster.
    pub expires: Option<Date>,
    /// Discipline text from the roster.
    pub discipline: String,
    /// Where the decision came from (`roster WA roster-wa.csv`, `state regulation`).
    pub source: String,
    /// The roster run used.
    pub source_run: Option<RunId>,
    /// Line in the roster file.
    pub source_line: Option<u64>,
    /// Date the decision was made against the roster (its import date), or the day of the
    /// run for decisions that rest on no roster.
    pub checked_at: Date,
    /// Date of the roster data the decision rests on; `None` without a roster.
    pub roster_date: Option<Date>,
}

/// Filter for listing/exporting therapists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TherapistFilter {
    /// Only this practice state.
    pub state: Option<StateCode>,
    /// Only this id.
    pub id: Option<i64>,
}

/// A license as shown and exported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LicenseView {
    /// State.
    pub state: StateCode,
    /// Number as claimed.
    pub number: String,
    /// Verification status (`no_roster` style words), `None` before `lumbar verify` ran.
    /// As stored; [`TherapistView::as_of`] turns it into the status of a given day.
    pub status: Option<VerificationStatus>,
    /// Expiry.
    pub expires: Option<Date>,
    /// Source of the status.
    pub source: Option<String>,
    /// Date checked.
    pub checked_at: Option<Date>,
    /// Date of the roster data the status rests on.
    pub roster_date: Option<Date>,
    /// The status rests on a roster older than the freshness limit (set by
    /// [`TherapistView::as_of`]).
    pub stale: bool,
}

impl LicenseView {
    /// The stored facts the standing rules of `lumbar_core::directory::standing` read.
    pub fn fact(&self) -> LicenseFact {
        LicenseFact { state: self.state, status: self.status, expires: self.expires, roster_date: self.roster_date }
    }
}

/// A practice location as shown and exported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeView {
    /// Street address (lines joined).
    pub address: String,
    /// City.
    pub city: String,
    /// State.
    pub state: Option<StateCode>,
    /// ZIP.
    pub postal_code: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A therapist or place as exported (`lumbar export therapists`, one JSON line each).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TherapistView {
    /// Directory id.
    pub id: i64,
    /// NPI when known.
    pub npi: Option<Npi>,
    /// `individual` or `organization`.
    pub kind: String,
    /// Display name.
    pub name: String,
    /// Credential text.
    pub credential: String,
    /// Practice location.
    pub practice: PracticeView,
    /// Licenses with their verification.
    pub licenses: Vec<LicenseView>,
    /// Active in NPPES.
    pub active: bool,
}

impl TherapistView {
    /// The view on a given day: a license verified active whose expiry date has passed is
    /// expired, and a verified status resting on a roster older than the freshness limit is
    /// marked stale (`lumbar_core::directory::standing`).
    pub fn as_of(mut self, as_of: AsOf) -> TherapistView {
        for l in &mut self.licenses {
            l.status = l.status.map(|s| standing::status_on(s, l.expires, as_of.today));
            l.stale = l.status == Some(VerificationStatus::VerifiedActive) && standing::is_stale(l.roster_date, as_of);
        }
        self
    }
}

/// A ZIP centroid.
#[derive(Clone, Debug, PartialEq)]
pub struct ZipCentroid {
    /// Five-digit ZIP (ZCTA).
    pub zip: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A directory entry that does not come from NPPES (the demo directory, later therapist
/// sign-up), keyed by a stable `key`.
#[derive(Clone, Debug, PartialEq)]
pub struct ListingUpsert {
    /// Stable key (`sea-ana-nunez`).
    pub key: String,
    /// Individual or organization.
    pub kind: EntityKind,
    /// Display name.
    pub name: String,
    /// First name (individuals).
    pub first_name: String,
    /// Last name used to match rosters (organizations: the licensed therapist on staff).
    pub last_name: String,
    /// Credential text.
    pub credential: String,
    /// Practice address.
    pub practice: Address,
    /// Latitude of the practice ZIP.
    pub lat: Option<f64>,
    /// Longitude of the practice ZIP.
    pub lon: Option<f64>,
    /// Claimed licenses.
    pub licenses: Vec<ClaimedLicense>,
}

/// A review from a client (or, in the demo, a fictional one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// 1–5 stars.
    pub rating: u8,
    /// Optional words.
    pub comment: String,
}

/// Everything the profile page shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TherapistDetail {
    /// Directory entry with licenses and their verification.
    pub therapist: TherapistView,
    /// Profile beyond NPPES, when there is one.
    pub profile: Option<Profile>,
    /// Number of reviews.
    pub reviews: u32,
    /// Sum of the star ratings.
    pub rating_sum: u32,
    /// Clinician endorsements.
    pub endorsements: u32,
}

/// The directory's use cases.
#[async_trait]
pub trait DirectoryStore: Send + Sync {
    /// Records the start of an import; every row it writes points to this run.
    async fn begin_import(&self, kind: ImportKind, source: &str) -> Result<RunId>;
    /// Marks a run finished with its JSON summary.
    async fn finish_import(&self, run: RunId, summary: &str) -> Result<()>;
    /// All runs, newest first.
    async fn import_runs(&self) -> Result<Vec<ImportRun>>;

    /// NPIs already in the directory.
    async fn known_npis(&self) -> Result<HashSet<Npi>>;
    /// Inserts or updates a batch of providers in one transaction. A stored provider is
    /// only overwritten when the incoming `Last Update Date` is not older and the content
    /// differs; its licenses are replaced (verifications of licenses that stay are kept).
    async fn upsert_providers(&self, run: RunId, batch: &[ProviderUpsert]) -> Result<UpsertCounts>;
    /// Marks known NPIs deactivated (blanked NPPES rows); returns how many changed.
    async fn deactivate(&self, run: RunId, batch: &[(Npi, Date)]) -> Result<u64>;

    /// Adds rows to a roster import in progress (not visible until published).
    async fn stage_roster_rows(&self, run: RunId, rows: &[RosterRecord]) -> Result<()>;
    /// Makes a staged roster the current one for its state, atomically, and drops the
    /// previous one. When its `digest` equals the current roster's, the current one stays
    /// (only its import and data dates move) and the staged rows are dropped: re-importing
    /// the same file changes no status.
    async fn publish_roster(
        &self,
        run: RunId,
        state: StateCode,
        imported_on: Date,
        data_date: Date,
        digest: &str,
    ) -> Result<Published>;
    /// The current roster of a state.
    async fn roster(&self, state: StateCode) -> Result<Option<RosterSnapshot>>;
    /// States with a current roster.
    async fn roster_states(&self) -> Result<Vec<StateCode>>;

    /// Every claimed license with its current verification.
    async fn license_claims(&self) -> Result<Vec<LicenseClaim>>;
    /// Saves verifications in one transaction; rows equal to the stored one are left
    /// untouched. Returns how many changed.
    async fn save_verifications(&self, batch: &[Verification]) -> Result<u64>;

    /// Therapists and places with licenses and verification, ordered by id.
    async fn therapists(&self, filter: &TherapistFilter) -> Result<Vec<TherapistView>>;

    /// Inserts or updates a listing by key (content unchanged → untouched); returns its id.
    async fn upsert_listing(&self, run: RunId, listing: &ListingUpsert) -> Result<i64>;
    /// Saves (replaces) a therapist's profile.
    async fn save_profile(&self, therapist_id: i64, profile: &Profile) -> Result<()>;
    /// Replaces the reviews and endorsements of one source (`demo`) for a therapist.
    async fn replace_recommendations(
        &self,
        therapist_id: i64,
        source: &str,
        reviews: &[Review],
        endorsements: &[String],
    ) -> Result<()>;
    /// One therapist with profile and recommendation counts.
    async fn therapist_detail(&self, id: i64) -> Result<Option<TherapistDetail>>;
    /// Every therapist with coordinates, as the matcher's candidates: profile attributes,
    /// recommendation counts and the listing's standing on `as_of` (worst finding wins,
    /// expiry and staleness of that day: `lumbar_core::directory::standing`).
    async fn candidates(&self, as_of: AsOf) -> Result<Vec<Candidate>>;

    /// A number that grows with every change to what the finder shows (imports,
    /// verifications, listings, profiles, recommendations, ZIP centroids). A running server
    /// compares it to the one its index was built at.
    async fn directory_version(&self) -> Result<i64>;

    /// Replaces the ZIP centroid table.
    async fn replace_centroids(&self, rows: &[ZipCentroid]) -> Result<()>;
    /// The stored ZIP centroids (empty until `lumbar import zcta`; the shipped table is used then).
    async fn centroids(&self) -> Result<Vec<ZipCentroid>>;
}
