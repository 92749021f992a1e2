//! The plain-words reasons a result matched ("2.3 miles away", "license verified active in
//! WA", "offers prenatal massage (needed in pregnancy)", …) and its labels. The reasons are
//! data ([`Reason`]) so the web app can word them in the page's language;
//! [`Reason::english`] is the plain English of `MatchResult::why` (CLI, JSON API).

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

/// How a style line relates to what the screening recommends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleNote {
    /// The only style recommended.
    Only,
    /// The first of several recommended styles.
    First,
    /// A later recommended style.
    Also,
    /// The style filter the person chose.
    AsAsked,
}

/// One reason a result matched, as data: the web app words it in the page's language,
/// [`Reason::english`] gives the plain English words of `MatchResult::why`.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Great-circle distance, miles.
    Distance {
        /// Miles.
        miles: f64,
    },
    /// The license line (its group, status and state).
    License {
        /// The finder group; `None` for a license with a problem shown on request.
        group: Option<ResultGroup>,
        /// Status on the day.
        status: Option<VerificationStatus>,
        /// Practice state.
        state: StateCode,
        /// Verified against a stale roster.
        stale: bool,
    },
    /// Offers prenatal massage, which the screening requires.
    Prenatal {
        /// The person is pregnant (else a prenatal-trained therapist is advised).
        pregnant: bool,
    },
    /// Offers a style the screening recommends or the person asked for.
    Style {
        /// The style.
        style: MassageStyle,
        /// Why it is mentioned.
        note: StyleNote,
    },
    /// Does not list the recommended style.
    StyleMissing {
        /// The first recommended style.
        style: MassageStyle,
    },
    /// Offers only deep tissue work under a deep tissue precaution (listed after gentler
    /// options).
    DeepTissueOnly {
        /// The precaution's id.
        precaution: String,
    },
    /// Also offers deep tissue work under a deep tissue precaution.
    DeepTissueAlso {
        /// The precaution's id.
        precaution: String,
    },
    /// Experience with back pain.
    Experience {
        /// Years, when stated (and above zero).
        years: Option<u8>,
        /// Share of clients with back pain, percent, when stated (and above zero).
        share_pct: Option<u8>,
    },
    /// Reviews and clinician endorsements.
    Rating {
        /// Number of reviews.
        reviews: u32,
        /// Sum of their stars.
        rating_sum: u32,
        /// Clinician endorsements.
        endorsements: u32,
    },
    /// Speaks the language asked for (a lower-case tag).
    Language {
        /// The tag as listed (or as asked when not listed).
        tag: String,
    },
    /// The therapist gender asked for.
    Gender {
        /// As the therapist states it.
        gender: Gender,
    },
    /// Price for a session, USD.
    Price {
        /// Lowest price.
        min: Option<u32>,
        /// Highest price.
        max: Option<u32>,
    },
    /// No price listed (under a price filter).
    PriceNotListed,
    /// Takes the insurance asked for (lower-case payer id).
    Insurance {
        /// The payer.
        payer: String,
    },
    /// A clinic, spa or school clinic (never for an independent therapist).
    Kind {
        /// The kind of place.
        kind: PlaceKind,
    },
}

impl Reason {
    /// The reason in plain English (the words of `MatchResult::why`).
    pub fn english(&self) -> String {
        match self {
            Reason::Distance { miles: d } => {
                let d = *d;
                if d < 0.1 {
                    "less than 0.1 miles away".to_owned()
                } else if (d - 1.0).abs() < 0.05 {
                    "1 mile away".to_owned()
                } else {
                    format!("{d:.1} miles away")
                }
            }
            Reason::License { group, status, state, stale } => match group {
                Some(ResultGroup::Verified) if *stale => format!(
                    "{}, but the {state} roster it was checked against is old: check the license on the board's lookup",
                    license_words(*status, *state),
                ),
                Some(ResultGroup::Verified | ResultGroup::NotVerified) => license_words(*status, *state),
                Some(ResultGroup::UnlicensedState) => {
                    format!("{state} does not license massage therapists: ask about training and certification")
                }
                None => {
                    let words = match status {
                        None => format!("no {state} license on file"),
                        s => license_words(*s, *state),
                    };
                    format!("{words} — listed because you asked to see therapists whose license has a problem")
                }
            },
            Reason::Prenatal { pregnant } => {
                let reason = if *pregnant { "needed in pregnancy" } else { "a prenatal-trained therapist is advised" };
                format!("offers prenatal massage ({reason})")
            }
            Reason::Style { style, note } => {
                let note = match note {
                    StyleNote::Only => "the style recommended for you",
                    StyleNote::First => "recommended first for you",
                    StyleNote::Also => "also recommended for you",
                    StyleNote::AsAsked => "as you asked",
                };
                format!("offers {} massage ({note})", style.label())
            }
            Reason::StyleMissing { style } => {
                format!("does not list {} massage, the style recommended for you", style.label())
            }
            Reason::DeepTissueOnly { precaution } => format!(
                "offers only deep tissue work, which your screening advises against (precaution: {}) \
                 — listed after gentler options",
                precaution.replace('_', " ")
            ),
            Reason::DeepTissueAlso { precaution } => format!(
                "also does deep tissue work: tell them your screening advises against it (precaution: {})",
                precaution.replace('_', " ")
            ),
            Reason::Experience { years, share_pct } => match (years, share_pct) {
                (Some(y), Some(s)) => format!(
                    "{} helping people with back pain (about {s}% of clients)",
                    plural((*y).into(), "year", "years")
                ),
                (Some(y), None) => format!("{} helping people with back pain", plural((*y).into(), "year", "years")),
                (None, Some(s)) => format!("back pain is about {s}% of their clients"),
                (None, None) => String::new(),
            },
            Reason::Rating { reviews, rating_sum, endorsements } => {
                let mut rec = if *reviews == 0 {
                    "no reviews yet".to_owned()
                } else {
                    let avg = f64::from((*rating_sum).clamp(*reviews, reviews.saturating_mul(5))) / f64::from(*reviews);
                    format!("{avg:.1}★ from {}", plural(*reviews, "review", "reviews"))
                };
                if *endorsements > 0 {
                    rec.push_str(&format!(
                        ", {}",
                        plural(*endorsements, "clinician endorsement", "clinician endorsements")
                    ));
                }
                rec
            }
            Reason::Language { tag } => format!("speaks {}", language_name(tag).unwrap_or(tag)),
            Reason::Gender { gender } => format!("{} therapist (as you asked)", gender.as_str()),
            Reason::Price { min, max } => match (min, max) {
                (Some(lo), Some(hi)) if hi > lo => format!("${lo}–${hi} per session"),
                (Some(lo), _) => format!("from ${lo} per session"),
                (None, Some(hi)) => format!("up to ${hi} per session"),
                (None, None) => "price not listed".to_owned(),
            },
            Reason::PriceNotListed => "price not listed".to_owned(),
            Reason::Insurance { payer } => format!("takes {payer}"),
            Reason::Kind { kind } => match kind {
                PlaceKind::Independent => "an independent therapist".to_owned(),
                PlaceKind::Clinic => "a clinic".to_owned(),
                PlaceKind::Spa => "a spa".to_owned(),
                PlaceKind::SchoolClinic => "a massage school's student clinic (supervised students)".to_owned(),
            },
        }
    }
}

/// The reasons and labels of one result, most important first.
pub(crate) fn explain(v: &View<'_>, q: &Query) -> (Vec<Reason>, Vec<MatchLabel>) {
    let mut why = Vec::new();
    let mut labels = Vec::new();
    why.push(Reason::Distance { miles: v.distance });

    match v.group {
        Some(ResultGroup::Verified) if v.stale => labels.push(MatchLabel::Stale),
        None => labels.push(MatchLabel::Unverified),
        _ => {}
    }
    why.push(Reason::License { group: v.group, status: v.license, state: v.state, stale: v.stale });

    // the style line: what the screening asks for, else the style filter
    let mut mentioned = None;
    if let Some(n) = q.needs.as_ref() {
        if n.requires_prenatal() {
            why.push(Reason::Prenatal { pregnant: n.pregnant });
            mentioned = Some(MassageStyle::Prenatal);
        } else if let Some((rank, style)) = n.styles.iter().enumerate().find(|(_, s)| v.offers(**s)) {
            let note = match (rank, n.styles.len()) {
                (0, 1) => StyleNote::Only,
                (0, _) => StyleNote::First,
                _ => StyleNote::Also,
            };
            why.push(Reason::Style { style: *style, note });
            mentioned = Some(*style);
        } else if let Some(first) = n.styles.first() {
            why.push(Reason::StyleMissing { style: *first });
        }
        if let Some(p) = n.deep_tissue_caution() {
            if v.demoted {
                labels.push(MatchLabel::DeepTissueOnlyCaution);
                why.push(Reason::DeepTissueOnly { precaution: p.to_string() });
            } else if v.offers(MassageStyle::DeepTissue) {
                why.push(Reason::DeepTissueAlso { precaution: p.to_string() });
            }
        }
    }
    if let Some(s) = q.style
        && mentioned != Some(s)
    {
        why.push(Reason::Style { style: s, note: StyleNote::AsAsked });
    }

    let years = v.back_pain_years.filter(|y| *y > 0);
    let share_pct = v.back_pain_share_pct.filter(|s| *s > 0);
    if years.is_some() || share_pct.is_some() {
        why.push(Reason::Experience { years, share_pct });
    }

    why.push(Reason::Rating { reviews: v.reviews, rating_sum: v.rating_sum, endorsements: v.endorsements });

    if let Some(l) = &q.language {
        let want = l.trim().to_lowercase();
        let spoken = v.languages.iter().find(|t| **t == want || t.starts_with(&format!("{want}-")));
        let tag = spoken.map_or(want.clone(), |t| (*t).to_owned());
        why.push(Reason::Language { tag });
    }
    if let (Some(g), Some(_)) = (v.gender, q.gender) {
        why.push(Reason::Gender { gender: g });
    }
    match (v.price_min, v.price_max) {
        (Some(lo), hi) => why.push(Reason::Price { min: Some(lo), max: hi }),
        (None, Some(hi)) if q.max_price_usd.is_none_or(|m| hi <= m) => {
            why.push(Reason::Price { min: None, max: Some(hi) })
        }
        (None, _) if q.max_price_usd.is_some() => {
            labels.push(MatchLabel::PriceNotListed);
            why.push(Reason::PriceNotListed);
        }
        _ => {}
    }
    if let Some(p) = &q.insurance {
        why.push(Reason::Insurance { payer: p.trim().to_lowercase() });
    }
    if v.kind != PlaceKind::Independent {
        why.push(Reason::Kind { kind: v.kind });
    }
    (why, labels)
}
