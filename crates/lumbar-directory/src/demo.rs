//! The fictional demo directory (`data/demo/`) into a database, through
//! the same roads real data takes: listings and profiles through the `Store`, the demo
//! rosters through the real roster importer, statuses through `lumbar verify`.

use std::path::PathBuf;

use lumbar_core::directory::{Address, ClaimedLicense, Date, EntityKind, Profile, ProfileField, StateCode, Training};
use lumbar_core::matching::{Gender, MassageStyle, PlaceKind};
use lumbar_store::{ImportKind, ListingUpsert, Review, Store};
use serde::Deserialize;

use crate::pipeline as import;
use crate::{DirectoryError, Result, verify};

const DIRECTORY: &str = include_str!("../../../data/demo/directory.toml");
const ROSTERS: &[(&str, &str, &[u8])] = &[
    ("wa", "roster-wa.csv", include_bytes!("../../../data/demo/rosters/roster-wa.csv")),
    ("tx", "roster-tx.csv", include_bytes!("../../../data/demo/rosters/roster-tx.csv")),
    ("co", "roster-co.csv", include_bytes!("../../../data/demo/rosters/roster-co.csv")),
    ("fl", "roster-fl.txt", include_bytes!("../../../data/demo/rosters/roster-fl.txt")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    listing: Vec<DemoListing>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoLicense {
    state: String,
    number: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoListing {
    key: String,
    kind: String,
    place_kind: PlaceKind,
    name: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    license_holder_last_name: String,
    credential: String,
    address: String,
    city: String,
    state: String,
    zip: String,
    phone: String,
    /// `None`: no license (a state that does not license massage therapists).
    license: Option<DemoLicense>,
    styles: Vec<MassageStyle>,
    back_pain_years: Option<u8>,
    back_pain_share_pct: Option<u8>,
    training: Option<Training>,
    languages: Vec<String>,
    #[serde(default)]
    gender: Option<Gender>,
    price_min_usd: Option<u32>,
    price_max_usd: Option<u32>,
    insurance: Vec<String>,
    booking_url: Option<String>,
    hours: Option<String>,
    verified: Vec<ProfileField>,
    reviews: Vec<u8>,
    endorsements: u32,
}

/// What loading the demo did.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Listings loaded.
    pub listings: usize,
    /// Roster rows imported.
    pub roster_licenses: u64,
    /// Verification summary.
    pub verify: verify::VerifySummary,
}

/// Loads the demo directory and rosters, then verifies. Idempotent.
pub async fn load(store: &dyn Store, today: Date) -> Result<DemoSummary> {
    let file: DemoFile =
        toml::from_str(DIRECTORY).map_err(|e| DirectoryError::Invalid(format!("data/demo/directory.toml: {e}")))?;
    let centroids = import::centroid_map(store).await?;
    let run = store.begin_import(ImportKind::Demo, "data/demo/directory.toml").await?;
    let mut summary = DemoSummary::default();
    for l in &file.listing {
        let bad = |e: String| DirectoryError::Invalid(format!("demo listing {}: {e}", l.key));
        let state = StateCode::parse(&l.state).map_err(bad)?;
        let licenses = match &l.license {
            Some(lic) => {
                vec![ClaimedLicense { state: StateCode::parse(&lic.state).map_err(bad)?, number: lic.number.clone() }]
            }
            None => Vec::new(),
        };
        let kind = EntityKind::parse(&l.kind).ok_or_else(|| bad(format!("unknown kind {}", l.kind)))?;
        let coords = centroids.get(&l.zip).copied();
        let (address, line2) = match l.address.split_once(", ") {
            Some((a, b)) => (a.to_owned(), b.to_owned()),
            None => (l.address.clone(), String::new()),
        };
        let last_name = if kind == EntityKind::Organization { &l.license_holder_last_name } else { &l.last_name };
        let listing = ListingUpsert {
            key: l.key.clone(),
            kind,
            name: l.name.clone(),
            first_name: l.first_name.clone(),
            last_name: last_name.clone(),
            credential: l.credential.clone(),
            practice: Address {
                line1: address,
                line2,
                city: l.city.clone(),
                state: Some(state),
                postal_code: Some(l.zip.clone()),
                phone: l.phone.clone(),
            },
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            licenses,
        };
        let id = store.upsert_listing(run, &listing).await?;
        let profile = Profile {
            place_kind: l.place_kind,
            styles: l.styles.clone(),
            back_pain_years: l.back_pain_years,
            back_pain_share_pct: l.back_pain_share_pct,
            training: l.training.clone(),
            languages: l.languages.clone(),
            gender: l.gender,
            price_min_usd: l.price_min_usd,
            price_max_usd: l.price_max_usd,
            insurance: l.insurance.clone(),
            booking_url: l.booking_url.clone(),
            phone: Some(l.phone.clone()),
            hours: l.hours.clone(),
            verified: l.verified.clone(),
        };
        let problems = profile.problems();
        if !problems.is_empty() {
            return Err(bad(problems.join("; ")));
        }
        store.save_profile(id, &profile).await?;
        let reviews: Vec<Review> = l.reviews.iter().map(|&rating| Review { rating, comment: String::new() }).collect();
        let endorsements: Vec<String> =
            (1..=l.endorsements).map(|i| format!("Fictional clinician {i} (demo)")).collect();
        store.replace_recommendations(id, "demo", &reviews, &endorsements).await?;
        summary.listings += 1;
    }
    // One folder per call: loads may run concurrently in one process (tests, servers).
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("lumbar-demo-{}-{call}", std::process::id()));
    let io = |e: std::io::Error| DirectoryError::Invalid(format!("writing the demo rosters to {}: {e}", dir.display()));
    std::fs::create_dir_all(&dir).map_err(io)?;
    for (format, name, bytes) in ROSTERS {
        let path: PathBuf = dir.join(name);
        std::fs::write(&path, bytes).map_err(io)?;
        let s = import::roster(store, format, &path, true, today, today, &mut |_| {}).await?;
        summary.roster_licenses += s.licenses;
    }
    std::fs::remove_dir_all(&dir).ok();
    summary.verify = verify::run(store, today).await?;
    store.finish_import(run, &format!("{{\"listings\":{}}}", summary.listings)).await?;
    Ok(summary)
}
