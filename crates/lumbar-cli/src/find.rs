//! `lumbar find`: licensed therapists near a ZIP, ranked by what the screening asks for.
//!
//! The ranking is `lumbar_core::matching` (pure); this module resolves the ZIP, reads the
//! candidates from the store into the in-memory geo index, and prints a table or JSON.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use lumbar_core::directory::VerificationStatus;
use lumbar_core::matching::{GeoIndex, MassageStyle, Needs, Outcome, PlaceKind, Query};
use lumbar_core::screening::{Answers, Ruleset};
use lumbar_store::Store;
use serde::Serialize;
use serde_json::Value;

use lumbar_directory::pipeline::centroid_map;

/// What to search for: a ZIP, optionally a screening, and the search itself (its
/// coordinates are filled in from the ZIP).
pub struct FindArgs {
    pub zip: String,
    pub assessment: Option<std::path::PathBuf>,
    pub query: Query,
}

/// One result as printed with `--json`.
#[derive(Serialize)]
pub struct FoundJson {
    pub id: i64,
    pub name: String,
    pub kind: PlaceKind,
    pub distance_miles: f64,
    pub license: LicenseJson,
    pub styles: Vec<MassageStyle>,
    pub why: Vec<String>,
    pub score: f64,
}

/// License status and the state it was checked in.
#[derive(Serialize)]
pub struct LicenseJson {
    pub status: Option<VerificationStatus>,
    pub state: String,
}

/// The answer of a search.
#[derive(Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum FindOutput {
    /// Massage is not advisable now: no list, the next step is a clinician.
    SeeClinicianFirst { message: String },
    /// Ranked results (possibly empty).
    Results { zip: String, radius_miles: f64, results: Vec<FoundJson> },
}

/// Reads `--assessment FILE`: an assessment (`lumbar screen --json` output) or answers
/// (`lumbar screen --save` output), which are assessed here.
pub fn needs_from_file(path: &Path) -> anyhow::Result<Needs> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let v: Value = serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    if v.get("schema").and_then(Value::as_str) == Some(lumbar_core::screening::SCHEMA) {
        let strings = |k: &str| -> Vec<String> {
            v[k].as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
                .unwrap_or_default()
        };
        let styles: Vec<MassageStyle> = strings("styles").iter().filter_map(|s| MassageStyle::parse(s)).collect();
        let findings: Vec<String> = v["findings"]
            .as_array()
            .map(|a| a.iter().filter_map(|f| f["id"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        let advisable = v["massage_advisable_now"]
            .as_bool()
            .with_context(|| format!("{}: massage_advisable_now missing", path.display()))?;
        return Ok(Needs {
            advisable_now: advisable,
            pregnant: findings.iter().any(|f| f == "pregnancy") || styles == [MassageStyle::Prenatal],
            styles,
            precautions: strings("precautions"),
        });
    }
    let answers = Answers::from_json(&v)
        .map_err(|e| anyhow::anyhow!("{} is neither an assessment nor valid answers:\n{e}", path.display()))?;
    let rs = Ruleset::shipped()?;
    Ok(Needs::from_assessment(&rs.assess(&answers)))
}

/// Runs a search.
pub async fn run(store: &dyn Store, a: &FindArgs) -> anyhow::Result<FindOutput> {
    let centroids = centroid_map(store).await?;
    let zip5: String = a.zip.chars().take(5).collect();
    let Some(&(lat, lon)) = centroids.get(&zip5) else {
        anyhow::bail!(
            "ZIP {} is not in the ZIP centroid table (Census ZCTAs; PO-box-only ZIPs have none): try a nearby residential ZIP",
            a.zip
        );
    };
    anyhow::ensure!(
        a.query.radius_miles > 0.0 && a.query.radius_miles <= 200.0,
        "--radius-miles must be more than 0 and at most 200"
    );
    let needs = a.assessment.as_deref().map(needs_from_file).transpose()?;
    let candidates = store.candidates().await?;
    let info: HashMap<i64, (String, PlaceKind, Vec<MassageStyle>, String)> = candidates
        .iter()
        .map(|c| (c.id, (c.name.clone(), c.kind, c.styles.clone(), c.practice_state.to_string())))
        .collect();
    let index = GeoIndex::build(candidates);
    let query = Query { lat, lon, needs, ..a.query.clone() };
    Ok(match index.search(&query) {
        Outcome::SeeClinicianFirst => FindOutput::SeeClinicianFirst {
            message: "Your screening says massage is not advisable right now. See a clinician first (the assessment \
                      says how soon); a therapist list is not shown."
                .to_owned(),
        },
        Outcome::Results(results) => FindOutput::Results {
            zip: zip5,
            radius_miles: a.query.radius_miles,
            results: results
                .into_iter()
                .map(|r| {
                    let (name, kind, styles, state) = info
                        .get(&r.id)
                        .cloned()
                        .unwrap_or_else(|| (String::new(), PlaceKind::Independent, Vec::new(), String::new()));
                    FoundJson {
                        id: r.id,
                        name,
                        kind,
                        distance_miles: r.distance_miles,
                        license: LicenseJson { status: r.license, state },
                        styles,
                        why: r.why,
                        score: (r.score * 100.0).round() / 100.0,
                    }
                })
                .collect(),
        },
    })
}

/// The table for a terminal.
pub fn print_table(out: &FindOutput) {
    match out {
        FindOutput::SeeClinicianFirst { message } => println!("{message}"),
        FindOutput::Results { zip, radius_miles, results } if results.is_empty() => println!(
            "No licensed, verified therapist within {radius_miles} miles of {zip} matches. Try a larger --radius-miles, \
             fewer filters, or --include-unverified to see therapists whose license could not be verified."
        ),
        FindOutput::Results { zip, radius_miles, results } => {
            println!(
                "{} therapists and places within {radius_miles} miles of {zip}, best match first:\n",
                results.len()
            );
            for (i, r) in results.iter().enumerate() {
                let status = r.license.status.map_or("no license claimed", VerificationStatus::as_str);
                println!(
                    "{:>2}. {}  ({}, {:.1} mi, license {} in {})",
                    i + 1,
                    r.name,
                    r.kind.as_str(),
                    r.distance_miles,
                    status,
                    r.license.state
                );
                let styles: Vec<&str> = r.styles.iter().map(|s| s.as_str()).collect();
                println!("    styles: {}", styles.join(", "));
                for w in &r.why {
                    println!("    · {w}");
                }
                // The score's hundreds encode the group (verified first); the rest is the fit.
                println!("    id {}  match {:.0}/100", r.id, r.score.rem_euclid(100.0));
            }
        }
    }
}
