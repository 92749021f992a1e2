//! `lumbar therapist show ID`: one therapist or place in full, as of `--today`: where and
//! how to reach them, every license with its status in words and the evidence behind it
//! (date checked, roster date, stale mark, the state board's lookup), the profile with each
//! field marked verified or self-reported, and reviews. `--json` prints the same detail as
//! `GET /api/v1/therapists/{id}`.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use lumbar_core::directory::states::states;
use lumbar_core::directory::{AsOf, ProfileField, Provenance, VerificationStatus, listing_standing};
use lumbar_store::{LicenseView, Store, TherapistDetail};
use lumbar_web::routes::directory_api::detail_json;

use crate::style::{
    address_line, gender_label, language_name, massage_styles, place_kind_label, printable, status_label,
};

#[derive(Subcommand)]
pub enum TherapistCommand {
    /// One therapist or place in full, as of --today.
    ///
    /// Address, phone, booking link, every license with its status and how it was checked
    /// (date, roster, stale mark, the state board's lookup), styles, languages, prices,
    /// training, reviews and endorsements.
    ///
    /// Examples:
    ///   lumbar therapist show 3                  the listing with id 3 (ids are in `lumbar find`)
    ///   lumbar therapist show 3 --json           the same as JSON (as GET /api/v1/therapists/3)
    ///   lumbar --today 2027-01-15 therapist show 3   licenses as they stand on that day
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
}

#[derive(Args)]
pub struct ShowArgs {
    /// The directory id, as `lumbar find` shows it.
    id: i64,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs `lumbar therapist …` on the day `as_of`.
pub async fn run(store: &dyn Store, cmd: TherapistCommand, as_of: AsOf) -> anyhow::Result<ExitCode> {
    let TherapistCommand::Show(args) = cmd;
    let Some(mut d) = store.therapist_detail(args.id).await.map_err(|e| anyhow::anyhow!("{e}"))? else {
        anyhow::bail!(
            "no therapist or place has id {} in this directory; the ids are in `lumbar find` results",
            args.id
        );
    };
    d.therapist = d.therapist.as_of(as_of);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&detail_json(&d))?);
    } else {
        // names, addresses and links come from outside files: shown, never obeyed
        for line in render(&d, as_of).lines() {
            println!("{}", printable(line));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the listing is verified active where it practises, by the finder's own rule (a
/// board action on any license wins: `lumbar_core::directory::standing`).
fn license_verified(d: &TherapistDetail, as_of: AsOf) -> bool {
    let facts: Vec<_> = d.therapist.licenses.iter().map(LicenseView::fact).collect();
    d.therapist
        .practice
        .state
        .is_some_and(|s| listing_standing(&facts, s, as_of).status == Some(VerificationStatus::VerifiedActive))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn average_stars(d: &TherapistDetail) -> Option<f64> {
    (d.reviews > 0)
        .then(|| round2(f64::from(d.rating_sum.clamp(d.reviews, d.reviews.saturating_mul(5))) / f64::from(d.reviews)))
}

fn provenance(p: Provenance) -> &'static str {
    match p {
        Provenance::Verified => "verified",
        Provenance::SelfReported => "self-reported",
    }
}

/// The evidence lines of one license (after its status line).
fn license_lines(out: &mut String, l: &LicenseView, as_of: AsOf) {
    let info = states().get(l.state);
    let state = l.state;
    match (l.checked_at, l.roster_date) {
        (Some(checked), Some(roster)) => {
            let _ = writeln!(out, "    checked on {checked} against the {state} roster of {roster}");
        }
        (Some(checked), None) => {
            let _ = writeln!(out, "    checked on {checked}");
        }
        _ => {
            let _ = writeln!(out, "    not checked against official records yet");
        }
    }
    if let Some(source) = l.source.as_deref().filter(|s| !s.is_empty()) {
        let _ = writeln!(out, "    source: {source}");
    }
    if l.stale {
        let _ = writeln!(
            out,
            "    STALE: that roster is more than {} days old on {}; check the license on the board's lookup",
            as_of.stale_after_days, as_of.today
        );
    }
    if let Some(expires) = l.expires {
        let _ = writeln!(out, "    expires {expires}");
    }
    if let Some(i) = info {
        match (&i.board, &i.lookup_url) {
            (Some(board), Some(url)) => {
                let _ = writeln!(out, "    state board: {board}; look the license up yourself: {url}");
            }
            (None, Some(url)) => {
                let _ = writeln!(out, "    look the license up yourself: {url}");
            }
            (Some(board), None) => {
                let _ = writeln!(out, "    state board: {board}");
            }
            (None, None) => {}
        }
    }
}

fn price(min: Option<u32>, max: Option<u32>) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) if a == b => Some(format!("${a}")),
        (Some(a), Some(b)) => Some(format!("${a}–${b}")),
        (Some(a), None) => Some(format!("from ${a}")),
        (None, Some(b)) => Some(format!("up to ${b}")),
        (None, None) => None,
    }
}

/// The detail as text for a terminal, on the day `as_of` (the licenses are already
/// `as_of` that day).
fn render(d: &TherapistDetail, as_of: AsOf) -> String {
    let t = &d.therapist;
    let mut out = String::new();
    let w = &mut out;
    let credential = if t.credential.trim().is_empty() { String::new() } else { format!(", {}", t.credential) };
    let _ = writeln!(w, "{}{credential}", t.name);
    let mut what: Vec<String> = Vec::new();
    if let Some(p) = &d.profile {
        what.push(place_kind_label(p.place_kind).to_owned());
    } else {
        what.push(if t.kind == "organization" { "organization" } else { "individual therapist" }.to_owned());
    }
    if let Some(npi) = t.npi {
        what.push(format!("NPI {npi}"));
    }
    what.push(format!("id {}", t.id));
    let _ = writeln!(w, "{}", what.join(" · "));
    if !t.active {
        let _ = writeln!(w, "This listing is marked deactivated in the national NPPES registry.");
    }
    let profile = d.profile.as_ref();
    let _ = writeln!(w, "address: {}", address_line(&t.practice).as_deref().unwrap_or("not known"));
    let _ = writeln!(w, "phone: {}", profile.and_then(|p| p.phone.as_deref()).unwrap_or("not known"));
    if let Some(url) = profile.and_then(|p| p.booking_url.as_deref()) {
        let _ = writeln!(w, "book online: {url}");
    }
    if let Some(hours) = profile.and_then(|p| p.hours.as_deref()) {
        let _ = writeln!(w, "hours: {hours}");
    }

    let _ = writeln!(w, "\nLicenses, as of {}", as_of.today);
    if t.licenses.is_empty() {
        let _ = writeln!(w, "  No license is on file.");
    }
    for l in &t.licenses {
        let _ = writeln!(w, "  {} license {}: {}", l.state, l.number, status_label(l.status));
        license_lines(w, l, as_of);
    }
    if license_verified(d, as_of) {
        let state = t.practice.state.map_or_else(String::new, |s| format!(" in {s}"));
        let stale = t.licenses.iter().any(|l| l.stale);
        let how = if stale {
            "verified active, but against an old roster: check the board's lookup"
        } else {
            "verified active against the state's own roster"
        };
        let _ = writeln!(w, "  → licensed{state}: {how}");
    } else {
        let _ = writeln!(
            w,
            "  → not verified active in the practice state: check the license with the state board before you book"
        );
    }

    match profile {
        None => {
            let _ = writeln!(w, "\nNo profile: only what the national registry (NPPES) says.");
        }
        Some(p) => {
            let _ = writeln!(w, "\nAbout (verified: lumbar checked it; self-reported: the therapist told us)");
            if !p.styles.is_empty() {
                let _ = writeln!(
                    w,
                    "  styles: {} ({})",
                    massage_styles(&p.styles),
                    provenance(p.provenance(ProfileField::Styles))
                );
            }
            if let Some(y) = p.back_pain_years {
                let _ = writeln!(
                    w,
                    "  back pain experience: {y} years ({})",
                    provenance(p.provenance(ProfileField::BackPainYears))
                );
            }
            if let Some(pct) = p.back_pain_share_pct {
                let _ = writeln!(
                    w,
                    "  clients who come for lower back pain: {pct}% ({})",
                    provenance(p.provenance(ProfileField::BackPainShare))
                );
            }
            if let Some(tr) = &p.training {
                let mut s = tr.school.clone();
                if let Some(h) = tr.hours {
                    let _ = write!(s, ", {h} hours");
                }
                if !tr.certifications.is_empty() {
                    let _ = write!(s, "; {}", tr.certifications.join(", "));
                }
                let _ = writeln!(w, "  training: {s} ({})", provenance(p.provenance(ProfileField::Training)));
            }
            if !p.languages.is_empty() {
                let names: Vec<String> = p.languages.iter().map(|l| language_name(l)).collect();
                let _ = writeln!(
                    w,
                    "  languages: {} ({})",
                    names.join(", "),
                    provenance(p.provenance(ProfileField::Languages))
                );
            }
            if let Some(g) = p.gender {
                let _ = writeln!(w, "  gender: {}", gender_label(g));
            }
            if let Some(pr) = price(p.price_min_usd, p.price_max_usd) {
                let _ = writeln!(w, "  price for 60 minutes: {pr} ({})", provenance(p.provenance(ProfileField::Price)));
            }
            if !p.insurance.is_empty() {
                let _ = writeln!(
                    w,
                    "  insurance accepted: {} ({})",
                    p.insurance.join(", "),
                    provenance(p.provenance(ProfileField::Insurance))
                );
            }
        }
    }

    let reviews = match (d.reviews, average_stars(d)) {
        (0, _) | (_, None) => "no client reviews yet".to_owned(),
        (1, Some(avg)) => format!("1 client review, {avg:.1} stars"),
        (n, Some(avg)) => format!("{n} client reviews, average {avg:.1} stars"),
    };
    let endorsements = match d.endorsements {
        0 => "no clinician endorsements".to_owned(),
        1 => "1 clinician endorsement".to_owned(),
        n => format!("{n} clinician endorsements"),
    };
    let _ = writeln!(w, "\nReviews: {reviews}; {endorsements}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_in_words() {
        assert_eq!(price(Some(95), Some(140)).as_deref(), Some("$95–$140"));
        assert_eq!(price(Some(95), Some(95)).as_deref(), Some("$95"));
        assert_eq!(price(Some(95), None).as_deref(), Some("from $95"));
        assert_eq!(price(None, None), None);
    }
}
