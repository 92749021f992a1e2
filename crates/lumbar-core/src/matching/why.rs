//! The plain-words reasons a result matched ("2.3 miles away", "license verified active in
//! WA", "offers prenatal massage (needed in pregnancy)", …) and its labels.

use crate::directory::{ResultGroup, StateCode, VerificationStatus};

use super::types::{Gender, MassageStyle, MatchLabel, PlaceKind, Query};

/// What the reasons are written from.
pub(crate) struct View<'a> {
    pub distance: f64,
    pub license: Option<VerificationStatus>,
    pub group: Option<ResultGroup>,
    pub stale: bool,
    pub state: StateCode,
    pub styles: u16,
    pub kind: PlaceKind,
    pub gender: Option<Gender>,
    pub back_pain_years: Option<u8>,
    pub back_pain_share_pct: Option<u8>,
    pub price_min: Option<u32>,
    pub price_max: Option<u32>,
    pub reviews: u32,
    pub rating_sum: u32,
    pub endorsements: u32,
    pub languages: Vec<&'a str>,
    pub demoted: bool,
}

impl View<'_> {
    fn offers(&self, s: MassageStyle) -> bool {
        self.styles & s.bit() != 0
    }
}

/// The English name of a language tag's primary subtag, for the common ones.
pub fn language_name(tag: &str) -> Option<&'static str> {
    let primary = tag.split('-').next().unwrap_or(tag);
    Some(match primary {
        "en" => "English",
        "es" => "Spanish",
        "zh" => "Chinese",
        "yue" => "Cantonese",
        "cmn" => "Mandarin",
        "vi" => "Vietnamese",
        "tl" | "fil" => "Tagalog",
        "ko" => "Korean",
        "ru" => "Russian",
        "ar" => "Arabic",
        "fr" => "French",
        "ht" => "Haitian Creole",
        "de" => "German",
        "pt" => "Portuguese",
        "it" => "Italian",
        "pl" => "Polish",
        "hi" => "Hindi",
        "ja" => "Japanese",
        "fa" => "Persian",
        "he" => "Hebrew",
        "uk" => "Ukrainian",
        "so" => "Somali",
        "hmn" => "Hmong",
        "ase" => "American Sign Language",
        _ => return None,
    })
}

/// A license status as words, for a therapist practising in `state`.
fn license_words(status: Option<VerificationStatus>, state: StateCode) -> String {
    use VerificationStatus as V;
    match status {
        None => format!("no {state} license checked yet"),
        Some(V::VerifiedActive) => format!("license verified active in {state}"),
        Some(V::Expired) => format!("license expired ({state})"),
        Some(V::Inactive) => format!("license inactive ({state})"),
        Some(V::Disciplined) => format!("license has a board action on record ({state})"),
        Some(V::SuspendedOrRevoked) => format!("license suspended or revoked ({state})"),
        Some(V::NotFound) => format!("license not found in the {state} roster"),
        Some(V::NoRoster) => format!("license not checked by lumbar: check it on the {state} board's lookup"),
        Some(V::UnregulatedState) => format!("{state} does not license massage therapists"),
        Some(V::VoluntaryCertification) => format!("{state} has voluntary certification only; not checked"),
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The reasons and labels of one result, most important first.
pub(crate) fn explain(v: &View<'_>, q: &Query) -> (Vec<String>, Vec<MatchLabel>) {
    let mut why = Vec::new();
    let mut labels = Vec::new();
    let d = v.distance;
    why.push(if d < 0.1 {
        "less than 0.1 miles away".to_owned()
    } else if (d - 1.0).abs() < 0.05 {
        "1 mile away".to_owned()
    } else {
        format!("{d:.1} miles away")
    });

    match v.group {
        Some(ResultGroup::Verified) if v.stale => {
            labels.push(MatchLabel::Stale);
            why.push(format!(
                "{}, but the {} roster it was checked against is old: check the license on the board's lookup",
                license_words(v.license, v.state),
                v.state
            ));
        }
        Some(ResultGroup::Verified | ResultGroup::NotVerified) => why.push(license_words(v.license, v.state)),
        Some(ResultGroup::UnlicensedState) => {
            why.push(format!("{} does not license massage therapists: ask about training and certification", v.state))
        }
        None => {
            labels.push(MatchLabel::Unverified);
            let words = match v.license {
                None => format!("no {} license on file", v.state),
                status => license_words(status, v.state),
            };
            why.push(format!("{words} — listed because you asked to see therapists whose license has a problem"));
        }
    }

    // the style line: what the screening asks for, else the style filter
    let mut mentioned = None;
    if let Some(n) = q.needs.as_ref() {
        if n.requires_prenatal() {
            let reason = if n.pregnant { "needed in pregnancy" } else { "a prenatal-trained therapist is advised" };
            why.push(format!("offers prenatal massage ({reason})"));
            mentioned = Some(MassageStyle::Prenatal);
        } else if let Some((rank, style)) = n.styles.iter().enumerate().find(|(_, s)| v.offers(**s)) {
            let note = match (rank, n.styles.len()) {
                (0, 1) => "the style recommended for you",
                (0, _) => "recommended first for you",
                _ => "also recommended for you",
            };
            why.push(format!("offers {} massage ({note})", style.label()));
            mentioned = Some(*style);
        } else if let Some(first) = n.styles.first() {
            why.push(format!("does not list {} massage, the style recommended for you", first.label()));
        }
        if let Some(p) = n.deep_tissue_caution() {
            let words = p.replace('_', " ");
            if v.demoted {
                labels.push(MatchLabel::DeepTissueOnlyCaution);
                why.push(format!(
                    "offers only deep tissue work, which your screening advises against (precaution: {words}) \
                     — listed after gentler options"
                ));
            } else if v.offers(MassageStyle::DeepTissue) {
                why.push(format!(
                    "also does deep tissue work: tell them your screening advises against it (precaution: {words})"
                ));
            }
        }
    }
    if let Some(s) = q.style
        && mentioned != Some(s)
    {
        why.push(format!("offers {} massage (as you asked)", s.label()));
    }

    match (v.back_pain_years, v.back_pain_share_pct) {
        (Some(y), Some(s)) if y > 0 && s > 0 => why.push(format!(
            "{} helping people with back pain (about {s}% of clients)",
            plural(y.into(), "year", "years")
        )),
        (Some(y), _) if y > 0 => {
            why.push(format!("{} helping people with back pain", plural(y.into(), "year", "years")))
        }
        (_, Some(s)) if s > 0 => why.push(format!("back pain is about {s}% of their clients")),
        _ => {}
    }

    let mut rec = if v.reviews == 0 {
        "no reviews yet".to_owned()
    } else {
        let avg = f64::from(v.rating_sum.clamp(v.reviews, v.reviews.saturating_mul(5))) / f64::from(v.reviews);
        format!("{avg:.1}★ from {}", plural(v.reviews, "review", "reviews"))
    };
    if v.endorsements > 0 {
        rec.push_str(&format!(", {}", plural(v.endorsements, "clinician endorsement", "clinician endorsements")));
    }
    why.push(rec);

    if let Some(l) = &q.language {
        let want = l.trim().to_lowercase();
        let spoken = v.languages.iter().find(|t| **t == want || t.starts_with(&format!("{want}-")));
        let tag = spoken.copied().unwrap_or(want.as_str());
        why.push(format!("speaks {}", language_name(tag).unwrap_or(tag)));
    }
    if let (Some(g), Some(_)) = (v.gender, q.gender) {
        why.push(format!("{} therapist (as you asked)", g.as_str()));
    }
    match (v.price_min, v.price_max) {
        (Some(lo), Some(hi)) if hi > lo => why.push(format!("${lo}–${hi} per session")),
        (Some(lo), _) => why.push(format!("from ${lo} per session")),
        (None, Some(hi)) if q.max_price_usd.is_none_or(|m| hi <= m) => why.push(format!("up to ${hi} per session")),
        (None, _) if q.max_price_usd.is_some() => {
            labels.push(MatchLabel::PriceNotListed);
            why.push("price not listed".to_owned());
        }
        _ => {}
    }
    if let Some(p) = &q.insurance {
        why.push(format!("takes {}", p.trim().to_lowercase()));
    }
    match v.kind {
        PlaceKind::Independent => {}
        PlaceKind::Clinic => why.push("a clinic".to_owned()),
        PlaceKind::Spa => why.push("a spa".to_owned()),
        PlaceKind::SchoolClinic => why.push("a massage school's student clinic (supervised students)".to_owned()),
    }
    (why, labels)
}
