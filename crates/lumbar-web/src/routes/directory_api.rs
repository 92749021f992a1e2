//! JSON API v1 for the directory and feedback:
//!
//! - `GET /api/v1/therapists`: a search ([`crate::search`]) answered like
//!   `lumbar find --json` (a search without a screening; screening-aware searches are the
//!   web finder's `POST /find`, which keeps answers out of URLs);
//! - `GET /api/v1/therapists/{id}`: one listing with its licenses and their evidence, the
//!   profile with each field's provenance, and recommendations;
//! - `POST /api/v1/feedback`: `{page, helpful, comment}` → `201 {id}`.
//!
//! Problems are `application/problem+json` naming every invalid parameter or field; an
//! unknown ZIP is a 422 naming `zip`. Without a store these answer 503.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use lumbar_core::directory::states::{regulation_code, state_of_zip, states};
use lumbar_core::directory::{ProfileField, Provenance, Regulation, ResultGroup, VerificationStatus};
use lumbar_core::matching::{Gender, MassageStyle, MatchResult, Outcome, PlaceKind, Query, bayesian_rating};
use lumbar_store::{LicenseView, TherapistDetail};
use serde::Serialize;
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::directory::{Listing, Snapshot};
use crate::error::{AppError, Problem, ProblemField};
use crate::routes::Shared;
use crate::routes::api::is_json;
use crate::routes::feedback::{MAX_COMMENT, PAGES};
use crate::search::{self, Mode, ParamProblem, api_problem};

/// Search parameters (documentation of the query string; read by [`crate::search`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParamsDoc {
    /// Five-digit US ZIP code to search around (ZIP+4 is accepted).
    #[param(example = "98101")]
    pub zip: String,
    /// Search radius in miles: more than 0, at most 200 (default 15).
    #[param(minimum = 0, maximum = 200)]
    pub radius_miles: Option<f64>,
    /// Only therapists offering this style.
    #[param(value_type = Option<MassageStyleDoc>)]
    pub style: Option<String>,
    /// Only therapists speaking this language (a tag such as `es`; `es` also matches `es-mx`).
    #[param(example = "es")]
    pub language: Option<String>,
    /// Only therapists of this gender, as they state it.
    #[param(value_type = Option<GenderDoc>)]
    pub gender: Option<String>,
    /// Only therapists whose lowest price for 60 minutes is at most this many US dollars
    /// (unknown prices pass, with "price not listed" in `why`).
    #[param(minimum = 0, maximum = 100000)]
    pub max_price: Option<u32>,
    /// Only places accepting this insurance payer (lower-case name, e.g. `aetna`).
    pub insurance: Option<String>,
    /// Only this kind of place.
    #[param(value_type = Option<PlaceKindDoc>)]
    pub kind: Option<String>,
    /// Also list therapists whose license is not verified active, after every verified one,
    /// each with its status in `why` (default false).
    pub include_unverified: Option<bool>,
    /// At most this many results, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

/// A massage style.
#[derive(Serialize, ToSchema)]
#[schema(as = MassageStyle)]
#[serde(rename_all = "snake_case")]
pub enum MassageStyleDoc {
    /// Deep tissue.
    DeepTissue,
    /// Swedish / relaxation.
    Swedish,
    /// Pregnancy.
    Prenatal,
    /// Oncology.
    Oncology,
    /// Medical / clinical.
    Medical,
    /// Myofascial release.
    Myofascial,
    /// Trigger point therapy.
    TriggerPoint,
    /// Sports.
    Sports,
    /// Manual lymphatic drainage.
    Lymphatic,
    /// Anything else (never a filter).
    Other,
}

/// A kind of place.
#[derive(Serialize, ToSchema)]
#[schema(as = PlaceKind)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKindDoc {
    /// A therapist working on their own.
    Independent,
    /// A clinic.
    Clinic,
    /// A spa.
    Spa,
    /// A massage school's student clinic (supervised students).
    SchoolClinic,
}

/// A therapist's gender, as the therapist states it.
#[derive(Serialize, ToSchema)]
#[schema(as = Gender)]
#[serde(rename_all = "snake_case")]
pub enum GenderDoc {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Nonbinary.
    Nonbinary,
}

/// A license verification status.
#[derive(Serialize, ToSchema)]
#[schema(as = LicenseStatus)]
#[serde(rename_all = "snake_case")]
pub enum LicenseStatusDoc {
    /// Found in the state roster, active, not expired, no board action.
    VerifiedActive,
    /// Past its expiry date or marked expired.
    Expired,
    /// Inactive.
    Inactive,
    /// A board action is on record.
    Disciplined,
    /// Suspended or revoked.
    SuspendedOrRevoked,
    /// A roster for the state is imported and has no matching row.
    NotFound,
    /// No roster for the state has been imported yet.
    NoRoster,
    /// The state does not license massage therapists.
    UnregulatedState,
    /// Voluntary certification only (California); not checked.
    VoluntaryCertification,
}

/// Where a profile field's value comes from.
#[derive(Serialize, ToSchema)]
#[schema(as = Provenance)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceDoc {
    /// Stated by the therapist, not checked.
    SelfReported,
    /// Checked by lumbar against a document or a source.
    Verified,
}

/// A page feedback can be about.
#[derive(Serialize, ToSchema)]
#[schema(as = FeedbackPage)]
#[serde(rename_all = "kebab-case")]
pub enum FeedbackPageDoc {
    /// The screening result.
    CheckResult,
    /// The evidence page.
    Evidence,
    /// The therapist finder.
    Find,
    /// The "prepare for your visit" intake summary.
    Intake,
}

/// The license that counts for a result: its status in the practice state.
#[derive(Serialize, ToSchema)]
#[schema(as = MatchLicense)]
pub struct LicenseBrief {
    /// Status on the day of the search of the license that decides the listing's standing
    /// (a license past its expiry date is `expired` from the next day); `null` when no
    /// license is claimed in the practice state, or it was not checked yet.
    #[schema(value_type = Option<LicenseStatusDoc>)]
    pub status: Option<VerificationStatus>,
    /// The state of that license (the practice state unless a board action elsewhere
    /// decides), two letters.
    pub state: String,
    /// The license number as claimed (in NPPES or by the listing); `null` without one.
    pub number: Option<String>,
    /// The verified status rests on a roster older than the freshness limit (60 days unless
    /// configured): check the license on the board's lookup.
    pub stale: bool,
    /// Date lumbar checked the status against the roster (`YYYY-MM-DD`).
    pub checked_at: Option<String>,
    /// Date of the roster's data (`YYYY-MM-DD`).
    pub roster_date: Option<String>,
    /// The roster or rule the status comes from.
    pub source: Option<String>,
    /// The state's licensing board (`data/states.toml`).
    pub board: Option<String>,
    /// The board's public license lookup, to check the license yourself.
    pub lookup_url: Option<String>,
    /// What the state's roster does not tell (Texas: no discipline data), in English.
    pub note: Option<String>,
}

/// What the state of the searched ZIP says, when a search lists nobody: who licenses
/// massage therapists there, what the license is called, where to check one.
#[derive(Serialize, ToSchema)]
pub struct Coverage {
    /// The ZIP's state (two letters), from its three-digit prefix.
    pub state: String,
    /// Its name.
    pub state_name: String,
    /// `licensed`, `unregulated` or `voluntary_certification`.
    pub regulation: String,
    /// There are listings within the radius, but none matched the filters.
    pub listed_nearby: bool,
    /// The licensing board.
    pub board: Option<String>,
    /// License titles (`LMT`, …).
    pub license_titles: Vec<String>,
    /// The board's public license lookup.
    pub lookup_url: Option<String>,
    /// The answer in plain English.
    pub message: String,
}

/// One result, as `lumbar find --json` prints it.
#[derive(Serialize, ToSchema)]
pub struct TherapistMatch {
    /// Directory id (`GET /api/v1/therapists/{id}`).
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Kind of place.
    #[schema(value_type = PlaceKindDoc)]
    pub kind: PlaceKind,
    /// Great-circle distance from the ZIP's centroid, miles, two decimals.
    pub distance_miles: f64,
    /// `verified` (active against an imported state roster), `not_verified` (a state that
    /// licenses massage therapists and whose roster lumbar has not imported: check the
    /// license on the board's lookup), `unlicensed_state` (a state that does not license
    /// them); `null` only for a listing shown on request (`include_unverified`) because its
    /// license has a problem. Results come group by group, in that order, never mixed.
    #[schema(value_type = Option<String>)]
    pub group: Option<ResultGroup>,
    /// The license that decides the listing's standing, with its evidence.
    pub license: LicenseBrief,
    /// Styles offered.
    #[schema(value_type = Vec<MassageStyleDoc>)]
    pub styles: Vec<MassageStyle>,
    /// Why it matched, in plain English, most important first.
    pub why: Vec<String>,
    /// Ranking score, two decimals: `100 × rank + fit` (safety order first; fit out of 100).
    pub score: f64,
}

/// The answer of a search.
#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    /// Always `results`.
    #[schema(example = "results")]
    pub outcome: String,
    /// The five-digit ZIP searched around.
    pub zip: String,
    /// The radius, miles.
    pub radius_miles: f64,
    /// Best match first; empty when nobody matches.
    pub results: Vec<TherapistMatch>,
    /// When nobody is listed: the state's board, license title and lookup.
    pub coverage: Option<Coverage>,
}

/// A license with what the state table says about checking it.
pub fn license_brief(listing: Option<&Listing>, status: Option<VerificationStatus>) -> LicenseBrief {
    let evidence = listing.and_then(|l| l.license.as_ref());
    let state = evidence.map(|e| e.state).or(listing.map(|l| l.state));
    let info = state.and_then(|s| states().get(s));
    LicenseBrief {
        status,
        state: state.map(|s| s.to_string()).unwrap_or_default(),
        number: evidence.map(|e| e.number.clone()),
        stale: evidence.is_some_and(|e| e.stale),
        checked_at: evidence.and_then(|e| e.checked_at).map(|d| d.to_string()),
        roster_date: evidence.and_then(|e| e.roster_date).map(|d| d.to_string()),
        source: evidence.and_then(|e| e.source.as_deref().map(str::to_owned)),
        board: info.and_then(|i| i.board.clone()),
        lookup_url: info.and_then(|i| i.lookup_url.clone()),
        note: info
            .filter(|_| status == Some(VerificationStatus::VerifiedActive))
            .and_then(|i| i.roster.discipline_note.as_ref())
            .map(|n| n.en.clone()),
    }
}

/// One result as JSON.
pub fn therapist_match(snapshot: &Snapshot, r: &MatchResult) -> TherapistMatch {
    let listing = snapshot.listing(r.id);
    TherapistMatch {
        id: r.id,
        name: listing.map(|l| l.name.clone()).unwrap_or_default(),
        kind: listing.map_or(PlaceKind::Independent, |l| l.kind),
        distance_miles: r.distance_miles,
        group: r.group,
        license: license_brief(listing, r.license),
        styles: listing.map(|l| l.styles.clone()).unwrap_or_default(),
        why: r.why.clone(),
        score: round2(r.score),
    }
}

/// What to say when a search around `zip` lists nobody: `None` when the ZIP's state is not
/// known (a military or territory prefix).
pub fn coverage(snapshot: &Snapshot, zip: &str, query: &Query) -> Option<Coverage> {
    let info = states().get(state_of_zip(zip)?)?;
    let everyone =
        Query { include_unverified: true, limit: 1, ..Query::near(query.lat, query.lon, query.radius_miles) };
    let listed_nearby = !snapshot.search(&everyone).results().is_empty();
    let miles = query.radius_miles;
    let check = match (&info.board, &info.lookup_url) {
        (Some(board), Some(url)) => format!(" Licenses are issued by the {board}; check one at {url}."),
        (Some(board), None) => format!(" Licenses are issued by the {board}."),
        _ => String::new(),
    };
    let titles = if info.titles.is_empty() { String::new() } else { format!(" ({})", info.titles.join(", ")) };
    let about_state = match info.regulation {
        Regulation::Licensed => format!("{} licenses massage therapists{titles}.{check}", info.name),
        Regulation::Unregulated => format!(
            "{} does not license massage therapists: ask a therapist about their training and certification.",
            info.name
        ),
        Regulation::VoluntaryCertification => {
            format!("{} certifies massage therapists voluntarily{titles}.{check}", info.name)
        }
    };
    let message = if listed_nearby {
        format!("Nobody within {miles} miles of {zip} matches these filters. {about_state}")
    } else {
        format!(
            "lumbar's directory does not cover the area within {miles} miles of {zip} yet: it has no listings there. \
             {about_state}"
        )
    };
    Some(Coverage {
        state: info.code.to_string(),
        state_name: info.name.clone(),
        regulation: regulation_code(info.regulation).to_owned(),
        listed_nearby,
        board: info.board.clone(),
        license_titles: info.titles.clone(),
        lookup_url: info.lookup_url.clone(),
        message,
    })
}

/// The answer of a search on a snapshot, as JSON (the API's and `lumbar find --json`'s).
pub fn search_results(snapshot: &Snapshot, zip: String, query: &Query, outcome: &Outcome) -> SearchResults {
    let results: Vec<TherapistMatch> = outcome.results().iter().map(|r| therapist_match(snapshot, r)).collect();
    let coverage = if results.is_empty() { coverage(snapshot, &zip, query) } else { None };
    SearchResults { outcome: "results".to_owned(), zip, radius_miles: query.radius_miles, results, coverage }
}

/// A license with the evidence of its verification.
#[derive(Serialize, ToSchema)]
#[schema(as = LicenseEvidence)]
pub struct LicenseEvidenceJson {
    /// State (two letters).
    pub state: String,
    /// License number as claimed.
    pub number: String,
    /// Verification status; `null` before it was checked.
    #[schema(value_type = Option<LicenseStatusDoc>)]
    pub status: Option<VerificationStatus>,
    /// Expiry from the roster (`YYYY-MM-DD`).
    pub expires: Option<String>,
    /// Where the status comes from (a roster file, `state regulation`).
    pub source: Option<String>,
    /// Date lumbar checked the status against the roster (`YYYY-MM-DD`).
    pub checked_at: Option<String>,
    /// Date of the roster's data (`YYYY-MM-DD`).
    pub roster_date: Option<String>,
    /// Verified against a roster older than the freshness limit.
    pub stale: bool,
    /// The state board's public license lookup.
    pub lookup_url: Option<String>,
}

/// Training.
#[derive(Serialize, ToSchema)]
#[schema(as = Training)]
pub struct TrainingJson {
    /// School or programme.
    pub school: String,
    /// Hours of training.
    pub hours: Option<u32>,
    /// Certifications.
    pub certifications: Vec<String>,
}

/// Where each verifiable profile field comes from.
#[derive(Serialize, ToSchema)]
#[schema(as = ProfileProvenance)]
pub struct ProvenanceJson {
    /// Styles offered.
    #[schema(value_type = ProvenanceDoc)]
    pub styles: Provenance,
    /// Years of back-pain experience.
    #[schema(value_type = ProvenanceDoc)]
    pub back_pain_years: Provenance,
    /// Share of back-pain clients.
    #[schema(value_type = ProvenanceDoc)]
    pub back_pain_share: Provenance,
    /// Training.
    #[schema(value_type = ProvenanceDoc)]
    pub training: Provenance,
    /// Languages.
    #[schema(value_type = ProvenanceDoc)]
    pub languages: Provenance,
    /// Price.
    #[schema(value_type = ProvenanceDoc)]
    pub price: Provenance,
    /// Insurance.
    #[schema(value_type = ProvenanceDoc)]
    pub insurance: Provenance,
}

/// What the therapist tells people beyond the official registry. Fields not in
/// `provenance` (gender, booking, phone, hours) are always self-reported.
#[derive(Serialize, ToSchema)]
#[schema(as = Profile)]
pub struct ProfileJson {
    /// Kind of place.
    #[schema(value_type = PlaceKindDoc)]
    pub place_kind: PlaceKind,
    /// Styles offered.
    #[schema(value_type = Vec<MassageStyleDoc>)]
    pub styles: Vec<MassageStyle>,
    /// Years of experience with lower back pain.
    pub back_pain_years: Option<u8>,
    /// Share of clients who come for lower back pain, percent.
    pub back_pain_share_pct: Option<u8>,
    /// Training.
    pub training: Option<TrainingJson>,
    /// Languages (lower-case tags).
    pub languages: Vec<String>,
    /// Gender, as the therapist states it.
    #[schema(value_type = Option<GenderDoc>)]
    pub gender: Option<Gender>,
    /// Lowest price for 60 minutes, USD.
    pub price_min_usd: Option<u32>,
    /// Highest price for 60 minutes, USD.
    pub price_max_usd: Option<u32>,
    /// Insurance payers accepted.
    pub insurance: Vec<String>,
    /// Where to book online.
    pub booking_url: Option<String>,
    /// Phone for booking.
    pub phone: Option<String>,
    /// Opening hours.
    pub hours: Option<String>,
    /// Verified or self-reported, per field.
    pub provenance: ProvenanceJson,
}

/// Practice location.
#[derive(Serialize, ToSchema)]
#[schema(as = Practice)]
pub struct PracticeJson {
    /// Street address.
    pub address: String,
    /// City.
    pub city: String,
    /// State (two letters).
    pub state: Option<String>,
    /// ZIP code.
    pub postal_code: Option<String>,
}

/// Reviews and endorsements.
#[derive(Serialize, ToSchema)]
#[schema(as = Recommendations)]
pub struct RecommendationsJson {
    /// Number of client reviews.
    pub reviews: u32,
    /// Plain average of the 1–5 star ratings, two decimals; `null` without reviews.
    pub average_stars: Option<f64>,
    /// Bayesian average (pulled towards 3.5 by 10 imaginary reviews, so a few glowing
    /// reviews do not outrank many good ones), two decimals; what the ranking uses.
    pub bayesian_stars: f64,
    /// Clinician endorsements.
    pub endorsements: u32,
}

/// One therapist or place.
#[derive(Serialize, ToSchema)]
#[schema(as = TherapistDetail)]
pub struct TherapistDetailJson {
    /// Directory id.
    pub id: i64,
    /// NPI, when known.
    pub npi: Option<String>,
    /// `individual` or `organization`.
    pub entity: String,
    /// Display name.
    pub name: String,
    /// Credential text (`LMT`).
    pub credential: String,
    /// Practice location.
    pub practice: PracticeJson,
    /// Active in the NPPES registry.
    pub active: bool,
    /// A license is verified active in the practice state.
    pub license_verified: bool,
    /// Every claimed license with its verification evidence.
    pub licenses: Vec<LicenseEvidenceJson>,
    /// The profile, when the therapist has one.
    pub profile: Option<ProfileJson>,
    /// Reviews and endorsements.
    pub recommendations: RecommendationsJson,
}

/// Feedback (never screening answers).
#[derive(ToSchema)]
#[schema(as = FeedbackRequest)]
pub struct FeedbackRequestDoc {
    /// The page it is about.
    pub page: FeedbackPageDoc,
    /// Was it helpful?
    pub helpful: bool,
    /// Optional words, at most 2,000 characters. Please no names or health details.
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// Stored feedback.
#[derive(Serialize, ToSchema)]
pub struct FeedbackCreated {
    /// Its id.
    pub id: i64,
}

fn problems(list: &[ParamProblem]) -> Vec<ProblemField> {
    list.iter()
        .map(|p| ProblemField { field: p.field.to_owned(), code: p.code.to_owned(), problem: api_problem(p) })
        .collect()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Search therapists.
///
/// Licensed massage therapists and places near a ZIP code, best match first, exactly as
/// `lumbar find --json` lists them: only those whose license is verified active in their
/// practice state unless `include_unverified` is true. Each result says why it matched.
/// This search applies no screening (screening answers never go in a URL).
#[utoipa::path(
    get,
    path = "/api/v1/therapists",
    tag = "directory",
    params(SearchParamsDoc),
    responses(
        (status = 200, description = "The results (possibly none)", body = SearchResults),
        (status = 422, description = "Unusable parameters, or a ZIP code that is not known; `errors` names each parameter", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "This server has no directory, or its database did not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search_therapists(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Result<Json<SearchResults>, AppError> {
    let pairs: Vec<(String, String)> =
        query.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect()).unwrap_or_default();
    let parsed = search::parse(&pairs, Mode::Api);
    let mut errors = problems(&parsed.problems);
    errors.extend(parsed.unknown.iter().map(|name| ProblemField {
        field: name.clone(),
        code: "unknown_parameter".to_owned(),
        problem: "is not a parameter of this endpoint".to_owned(),
    }));
    if !errors.is_empty() {
        return Err(AppError::InvalidParameters(errors));
    }
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    let config = &shared.state.config;
    let snapshot = shared.state.directory.get(store, config).await.map_err(|e| AppError::store(&e))?;
    let s = &parsed.search;
    let zip = s.zip.clone().unwrap_or_default();
    let (lat, lon) = snapshot
        .locate(&zip)
        .ok_or_else(|| AppError::InvalidParameters(problems(&[ParamProblem { field: "zip", code: "unknown_zip" }])))?;
    let query = s.query(lat, lon, None);
    let outcome = snapshot.search(&query);
    Ok(Json(search_results(&snapshot, zip, &query, &outcome)))
}

fn license_json(l: &LicenseView) -> LicenseEvidenceJson {
    LicenseEvidenceJson {
        state: l.state.to_string(),
        number: l.number.clone(),
        status: l.status,
        expires: l.expires.map(|d| d.to_string()),
        source: l.source.clone(),
        checked_at: l.checked_at.map(|d| d.to_string()),
        roster_date: l.roster_date.map(|d| d.to_string()),
        stale: l.stale,
        lookup_url: states().get(l.state).and_then(|i| i.lookup_url.clone()),
    }
}

/// One listing as `GET /api/v1/therapists/{id}` answers it (also `lumbar therapist show --json`).
pub fn detail_json(d: &TherapistDetail) -> TherapistDetailJson {
    let t = &d.therapist;
    let practice_state = t.practice.state;
    let profile = d.profile.as_ref().map(|p| ProfileJson {
        place_kind: p.place_kind,
        styles: p.styles.clone(),
        back_pain_years: p.back_pain_years,
        back_pain_share_pct: p.back_pain_share_pct,
        training: p.training.as_ref().map(|t| TrainingJson {
            school: t.school.clone(),
            hours: t.hours,
            certifications: t.certifications.clone(),
        }),
        languages: p.languages.clone(),
        gender: p.gender,
        price_min_usd: p.price_min_usd,
        price_max_usd: p.price_max_usd,
        insurance: p.insurance.clone(),
        booking_url: p.booking_url.clone(),
        phone: p.phone.clone(),
        hours: p.hours.clone(),
        provenance: ProvenanceJson {
            styles: p.provenance(ProfileField::Styles),
            back_pain_years: p.provenance(ProfileField::BackPainYears),
            back_pain_share: p.provenance(ProfileField::BackPainShare),
            training: p.provenance(ProfileField::Training),
            languages: p.provenance(ProfileField::Languages),
            price: p.provenance(ProfileField::Price),
            insurance: p.provenance(ProfileField::Insurance),
        },
    });
    TherapistDetailJson {
        id: t.id,
        npi: t.npi.map(|n| n.to_string()),
        entity: t.kind.clone(),
        name: t.name.clone(),
        credential: t.credential.clone(),
        practice: PracticeJson {
            address: t.practice.address.clone(),
            city: t.practice.city.clone(),
            state: practice_state.map(|s| s.to_string()),
            postal_code: t.practice.postal_code.clone(),
        },
        active: t.active,
        license_verified: t.licenses.iter().any(|l| {
            practice_state.is_none_or(|s| s == l.state) && l.status == Some(VerificationStatus::VerifiedActive)
        }),
        licenses: t.licenses.iter().map(license_json).collect(),
        profile,
        recommendations: RecommendationsJson {
            reviews: d.reviews,
            average_stars: (d.reviews > 0).then(|| {
                round2(f64::from(d.rating_sum.clamp(d.reviews, d.reviews.saturating_mul(5))) / f64::from(d.reviews))
            }),
            bayesian_stars: round2(bayesian_rating(d.reviews, d.rating_sum)),
            endorsements: d.endorsements,
        },
    }
}

/// One therapist or place.
///
/// Licenses with their verification evidence (status, source, date checked, expiry), the
/// profile with each field marked verified or self-reported, and recommendations.
#[utoipa::path(
    get,
    path = "/api/v1/therapists/{id}",
    tag = "directory",
    params(("id" = i64, Path, description = "Directory id")),
    responses(
        (status = 200, description = "The therapist or place", body = TherapistDetailJson),
        (status = 404, description = "No such id", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "This server has no directory, or its database did not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn therapist_detail(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<TherapistDetailJson>, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    let mut d = store.therapist_detail(id).await.map_err(|e| AppError::store(&e))?.ok_or(AppError::NotFound)?;
    // a listing an operator hid is not available, as on its page
    if store.listing_hidden(id).await.map_err(|e| AppError::store(&e))?.is_some() {
        return Err(AppError::NotFound);
    }
    d.therapist = d.therapist.as_of(shared.state.config.as_of());
    Ok(Json(detail_json(&d)))
}

fn field_problem(field: &str, code: &str, problem: &str) -> ProblemField {
    ProblemField { field: field.to_owned(), code: code.to_owned(), problem: problem.to_owned() }
}

/// The feedback body, checked; every problem at once, no value repeated.
fn read_feedback(body: &[u8]) -> Result<(&'static str, bool, String), AppError> {
    let bad_json = || {
        AppError::InvalidParameters(vec![field_problem(
            "$",
            "invalid_json",
            "the body is not JSON; send one JSON object",
        )])
    };
    let text = std::str::from_utf8(body).map_err(|_| bad_json())?;
    let value: Value = serde_json::from_str(text).map_err(|_| bad_json())?;
    let Some(object) = value.as_object() else {
        return Err(AppError::InvalidParameters(vec![field_problem(
            "$",
            "not_an_object",
            "the body must be one JSON object: {\"page\", \"helpful\", \"comment\"}",
        )]));
    };
    let mut errors = Vec::new();
    let pages: Vec<&str> = PAGES.iter().map(|(p, _, _)| *p).collect();
    let page = match object.get("page") {
        None => {
            errors.push(field_problem("page", "missing", "is required"));
            None
        }
        Some(Value::String(s)) => match PAGES.iter().find(|(p, _, _)| p == s) {
            Some((p, _, _)) => Some(*p),
            None => {
                errors.push(field_problem("page", "not_allowed", &format!("must be one of: {}", pages.join(", "))));
                None
            }
        },
        Some(_) => {
            errors.push(field_problem("page", "wrong_type", "must be a string"));
            None
        }
    };
    let helpful = match object.get("helpful") {
        None => {
            errors.push(field_problem("helpful", "missing", "is required: true or false"));
            None
        }
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => {
            errors.push(field_problem("helpful", "wrong_type", "must be true or false"));
            None
        }
    };
    let comment = match object.get("comment") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) if s.trim().chars().count() <= MAX_COMMENT => s.trim().to_owned(),
        Some(Value::String(_)) => {
            errors.push(field_problem("comment", "too_long", &format!("must be at most {MAX_COMMENT} characters")));
            String::new()
        }
        Some(_) => {
            errors.push(field_problem("comment", "wrong_type", "must be a string"));
            String::new()
        }
    };
    for key in object.keys() {
        if !["page", "helpful", "comment"].contains(&key.as_str()) {
            errors.push(field_problem(key, "unknown_field", "is not a field of feedback (page, helpful, comment)"));
        }
    }
    match (page, helpful) {
        (Some(p), Some(h)) if errors.is_empty() => Ok((p, h, comment)),
        _ => Err(AppError::InvalidParameters(errors)),
    }
}

/// Send feedback.
///
/// "Was this helpful?" about a page: stored for the operator (pending moderation). Never
/// send screening answers, names or health details.
#[utoipa::path(
    post,
    path = "/api/v1/feedback",
    tag = "feedback",
    request_body(content = FeedbackRequestDoc, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored", body = FeedbackCreated),
        (status = 400, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; `errors` names each", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "This server stores no feedback, or its database did not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_feedback(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    if !is_json(&headers) {
        return Err(AppError::UnsupportedMediaType);
    }
    let (page, helpful, comment) = read_feedback(&body)?;
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    let id = match store.add_feedback(page, helpful, &comment).await {
        Ok(id) => id,
        Err(_) => {
            // The error text is not logged: it could quote the comment.
            tracing::error!("feedback could not be stored");
            return Err(AppError::StoreFailed);
        }
    };
    Ok((StatusCode::CREATED, Json(FeedbackCreated { id })).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_bodies() {
        let ok = read_feedback(br#"{"page":"evidence","helpful":true,"comment":" thanks "}"#);
        assert!(matches!(ok, Ok(("evidence", true, ref c)) if c == "thanks"));
        let Err(AppError::InvalidParameters(e)) =
            read_feedback(br#"{"page":"nope","helpful":"yes","comment":7,"age":37}"#)
        else {
            panic!("expected problems")
        };
        let got: Vec<(&str, &str)> = e.iter().map(|p| (p.field.as_str(), p.code.as_str())).collect();
        assert_eq!(
            got,
            [("page", "not_allowed"), ("helpful", "wrong_type"), ("comment", "wrong_type"), ("age", "unknown_field")]
        );
        let long = format!(r#"{{"page":"find","helpful":false,"comment":"{}"}}"#, "x".repeat(2001));
        assert!(
            matches!(read_feedback(long.as_bytes()), Err(AppError::InvalidParameters(e)) if e[0].code == "too_long")
        );
        assert!(
            matches!(read_feedback(b"{"), Err(ref e @ AppError::InvalidParameters(_)) if e.status() == StatusCode::BAD_REQUEST)
        );
    }
}
