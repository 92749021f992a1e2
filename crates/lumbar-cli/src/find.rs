//! `lumbar find`: licensed therapists near a ZIP, ranked by what the screening asks for.
//!
//! The ranking is `lumbar_core::matching` (pure); the search runs on the web server's
//! directory snapshot (`lumbar_web::directory::Snapshot`) and answers with the JSON of
//! `GET /api/v1/therapists`, so the CLI and the API cannot disagree. This module prints it
//! as a table, group by group (verified, not verified, unlicensed state), in words, with
//! each listing's address and phone.

use std::path::Path;

use anyhow::Context;
use lumbar_core::directory::{AsOf, ResultGroup};
use lumbar_core::matching::{MassageStyle, Needs, Outcome, Query};
use lumbar_core::screening::{Answers, Ruleset};
use lumbar_store::Store;
use lumbar_web::directory::Snapshot;
use lumbar_web::routes::directory_api::{SearchResults, TherapistMatch, search_results};
use serde::Serialize;
use serde_json::Value;

use crate::style::{address_line, massage_styles, place_kind_label, printable, status_label};

/// What to search for: a ZIP, optionally a screening, and the search itself (its
/// coordinates are filled in from the ZIP).
pub struct FindArgs {
    pub zip: String,
    pub assessment: Option<std::path::PathBuf>,
    pub query: Query,
}

/// The answer of a search: the same JSON as `GET /api/v1/therapists`, or no list.
#[derive(Serialize)]
#[serde(untagged)]
pub enum FindOutput {
    /// Massage is not advisable now: no list, the next step is a clinician.
    SeeClinicianFirst {
        /// Always `see_clinician_first`.
        outcome: &'static str,
        /// What to do.
        message: String,
    },
    /// Ranked results (possibly empty, then with what the ZIP's state says).
    Results(Box<SearchResults>),
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

/// Runs a search on the day `as_of`, through the same snapshot and JSON as the web API.
pub async fn run(store: &dyn Store, a: &FindArgs, as_of: AsOf) -> anyhow::Result<FindOutput> {
    anyhow::ensure!(
        a.query.radius_miles > 0.0 && a.query.radius_miles <= 200.0,
        "--radius-miles must be more than 0 and at most 200"
    );
    let needs = a.assessment.as_deref().map(needs_from_file).transpose()?;
    let snapshot = Snapshot::load(store, 0, as_of).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let zip5: String = a.zip.chars().take(5).collect();
    let Some((lat, lon)) = snapshot.locate(&zip5) else {
        anyhow::bail!(
            "ZIP {} is not in the ZIP centroid table (Census ZCTAs; PO-box-only ZIPs have none): try a nearby residential ZIP",
            a.zip
        );
    };
    let query = Query { lat, lon, needs, ..a.query.clone() };
    Ok(match snapshot.search(&query) {
        Outcome::SeeClinicianFirst => FindOutput::SeeClinicianFirst {
            outcome: "see_clinician_first",
            message: "Your screening says massage is not advisable right now. See a clinician first (the assessment \
                      says how soon); a therapist list is not shown."
                .to_owned(),
        },
        outcome => FindOutput::Results(Box::new(search_results(&snapshot, zip5, &query, &outcome))),
    })
}

fn group_heading(group: Option<ResultGroup>) -> &'static str {
    match group {
        Some(ResultGroup::Verified) => "Verified: license active in the state's own roster",
        Some(ResultGroup::NotVerified) => "Not verified by lumbar: check the license on the state board's lookup",
        Some(ResultGroup::UnlicensedState) => "In a state that does not license massage therapists",
        None => "License with a problem (shown because you asked)",
    }
}

/// How to reach a listing: its practice address and booking phone, when known.
#[derive(Default)]
struct Contact {
    address: Option<String>,
    phone: Option<String>,
}

/// The address and phone of a listing, from its detail (`None` fields when unknown).
async fn contact(store: &dyn Store, id: i64) -> anyhow::Result<Contact> {
    let Some(d) = store.therapist_detail(id).await.map_err(|e| anyhow::anyhow!("{e}"))? else {
        return Ok(Contact::default());
    };
    Ok(Contact {
        address: address_line(&d.therapist.practice),
        phone: d.profile.and_then(|p| p.phone).filter(|p| !p.trim().is_empty()),
    })
}

/// The table for a terminal: group by group, each result in words with its address and
/// phone (read from the store, one listing at a time; there are at most `--limit`).
pub async fn print_table(store: &dyn Store, out: &FindOutput) -> anyhow::Result<()> {
    let r = match out {
        FindOutput::SeeClinicianFirst { message, .. } => {
            println!("{message}");
            return Ok(());
        }
        FindOutput::Results(r) => r,
    };
    if r.results.is_empty() {
        match &r.coverage {
            Some(c) => println!("{}", c.message),
            None => println!("Nobody within {} miles of {} matches.", r.radius_miles, r.zip),
        }
        println!(
            "Try a larger --radius-miles, fewer filters, or --include-unverified to see therapists whose license has a problem."
        );
        return Ok(());
    }
    println!(
        "{} therapists and places within {} miles of {}, best match first:",
        r.results.len(),
        r.radius_miles,
        r.zip
    );
    let mut group = None;
    for (i, m) in r.results.iter().enumerate() {
        if i == 0 || m.group != group {
            group = m.group;
            println!("\n{}", group_heading(group));
        }
        let c = contact(store, m.id).await?;
        println!("{:>2}. {}  ({}, {:.1} mi)", i + 1, printable(&m.name), place_kind_label(m.kind), m.distance_miles);
        println!("    license in {}: {}{}", m.license.state, status_label(m.license.status), stale_mark(m));
        if let (Some(checked), Some(roster)) = (&m.license.checked_at, &m.license.roster_date) {
            println!("    checked on {checked} against the {} roster of {roster}", m.license.state);
        }
        if let Some(a) = &c.address {
            println!("    address: {}", printable(a));
        }
        if let Some(p) = &c.phone {
            println!("    phone: {}", printable(p));
        }
        println!("    styles: {}", massage_styles(&m.styles));
        for w in &m.why {
            println!("    · {w}");
        }
        if let Some(note) = &m.license.note {
            println!("    note: {note}");
        }
        if let Some(url) = &m.license.lookup_url
            && (m.group != Some(ResultGroup::Verified) || m.license.stale)
        {
            println!("    check the license: {url}");
        }
        // The score's hundreds encode the safety rank; the rest is the fit.
        println!("    match {:.0}/100 · more: lumbar therapist show {}", m.score.rem_euclid(100.0), m.id);
    }
    Ok(())
}

fn stale_mark(m: &TherapistMatch) -> &'static str {
    if m.license.stale { " (stale: the roster is old; check the board's lookup)" } else { "" }
}
