//! The words of matching: styles, kinds of place, therapist gender, what the index holds per
//! therapist ([`Candidate`]), what the screening asks of a therapist ([`Needs`]), a search
//! ([`Query`]) and its answer ([`Outcome`], [`MatchResult`]).

use serde::{Deserialize, Serialize};

use crate::directory::{ResultGroup, Standing, StateCode, VerificationStatus, result_group};
use crate::screening::{Assessment, Style};

/// A massage style a therapist offers (or a person asks for).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MassageStyle {
    /// Deep tissue / structural massage.
    DeepTissue,
    /// Swedish / relaxation massage.
    Swedish,
    /// Pregnancy massage.
    Prenatal,
    /// Oncology massage (people living with or after cancer).
    Oncology,
    /// Medical / clinical massage.
    Medical,
    /// Myofascial release.
    Myofascial,
    /// Trigger point therapy.
    TriggerPoint,
    /// Sports massage.
    Sports,
    /// Manual lymphatic drainage.
    Lymphatic,
    /// Anything else.
    Other,
}

impl MassageStyle {
    /// All styles, in declaration order.
    pub const ALL: [MassageStyle; 10] = [
        MassageStyle::DeepTissue,
        MassageStyle::Swedish,
        MassageStyle::Prenatal,
        MassageStyle::Oncology,
        MassageStyle::Medical,
        MassageStyle::Myofascial,
        MassageStyle::TriggerPoint,
        MassageStyle::Sports,
        MassageStyle::Lymphatic,
        MassageStyle::Other,
    ];

    /// The stored word (`deep_tissue`).
    pub fn as_str(self) -> &'static str {
        match self {
            MassageStyle::DeepTissue => "deep_tissue",
            MassageStyle::Swedish => "swedish",
            MassageStyle::Prenatal => "prenatal",
            MassageStyle::Oncology => "oncology",
            MassageStyle::Medical => "medical",
            MassageStyle::Myofascial => "myofascial",
            MassageStyle::TriggerPoint => "trigger_point",
            MassageStyle::Sports => "sports",
            MassageStyle::Lymphatic => "lymphatic",
            MassageStyle::Other => "other",
        }
    }

    /// Parses the stored word (case and surrounding space ignored).
    pub fn parse(s: &str) -> Option<MassageStyle> {
        let t = s.trim().to_ascii_lowercase();
        MassageStyle::ALL.into_iter().find(|m| m.as_str() == t)
    }

    /// The style in plain words (`deep tissue`, `trigger point`).
    pub fn label(self) -> &'static str {
        match self {
            MassageStyle::DeepTissue => "deep tissue",
            MassageStyle::TriggerPoint => "trigger point",
            MassageStyle::Lymphatic => "lymphatic drainage",
            other => other.as_str(),
        }
    }

    /// True for the styles done with light to moderate pressure, which suit a person told to
    /// avoid deep tissue work (`swedish`, `prenatal`, `oncology`, `lymphatic`).
    pub fn is_gentle(self) -> bool {
        matches!(
            self,
            MassageStyle::Swedish | MassageStyle::Prenatal | MassageStyle::Oncology | MassageStyle::Lymphatic
        )
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl From<Style> for MassageStyle {
    fn from(s: Style) -> MassageStyle {
        match s {
            Style::Prenatal => MassageStyle::Prenatal,
            Style::Swedish => MassageStyle::Swedish,
            Style::DeepTissue => MassageStyle::DeepTissue,
        }
    }
}

/// What kind of practice a directory entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A therapist working on their own.
    Independent,
    /// A clinic (physiotherapy, chiropractic, integrative or massage clinic).
    Clinic,
    /// A spa.
    Spa,
    /// A massage school's student clinic (supervised students).
    SchoolClinic,
}

impl PlaceKind {
    /// All kinds.
    pub const ALL: [PlaceKind; 4] =
        [PlaceKind::Independent, PlaceKind::Clinic, PlaceKind::Spa, PlaceKind::SchoolClinic];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Independent => "independent",
            PlaceKind::Clinic => "clinic",
            PlaceKind::Spa => "spa",
            PlaceKind::SchoolClinic => "school_clinic",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        let t = s.trim().to_ascii_lowercase();
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == t)
    }
}

/// A therapist's gender as the therapist states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Nonbinary.
    Nonbinary,
}

impl Gender {
    /// All values.
    pub const ALL: [Gender; 3] = [Gender::Female, Gender::Male, Gender::Nonbinary];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Nonbinary => "nonbinary",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Gender> {
        let t = s.trim().to_ascii_lowercase();
        Gender::ALL.into_iter().find(|g| g.as_str() == t)
    }
}

/// One therapist or place, as the index holds it.
///
/// `id`s are expected to be unique; the ranking breaks its last ties on them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// Directory id.
    pub id: i64,
    /// Display name (not kept by the index; the caller shows profiles by id).
    pub name: String,
    /// Independent therapist, clinic, spa or school clinic.
    pub kind: PlaceKind,
    /// Practice latitude, degrees.
    pub lat: f64,
    /// Practice longitude, degrees.
    pub lon: f64,
    /// The state the practice is in, whose license counts.
    pub practice_state: StateCode,
    /// The listing's license status on the day the candidates were read (see
    /// [`crate::directory::standing`]); `None` when no license is claimed in
    /// `practice_state` or it was not verified yet.
    pub license: Option<VerificationStatus>,
    /// The finder group on that day; `None`: hidden unless
    /// [`Query::include_unverified`] (a license with a problem, or none in a state that
    /// licenses massage therapists). Set both with [`Candidate::set_standing`].
    pub group: Option<ResultGroup>,
    /// The verified status rests on a roster older than the freshness limit.
    pub stale: bool,
    /// Styles offered.
    pub styles: Vec<MassageStyle>,
    /// Years of working with people with back pain, as the therapist states it.
    pub back_pain_years: Option<u8>,
    /// Share of clients who come for back pain, percent, as the therapist states it.
    pub back_pain_share_pct: Option<u8>,
    /// Languages spoken, lower-case BCP 47 tags (`en`, `es`, `es-mx`).
    pub languages: Vec<String>,
    /// Gender, as the therapist states it.
    pub gender: Option<Gender>,
    /// Lowest session price, US dollars.
    pub price_min_usd: Option<u32>,
    /// Highest session price, US dollars.
    pub price_max_usd: Option<u32>,
    /// Insurance payers accepted, lower-case names.
    pub insurance: Vec<String>,
    /// Number of client reviews.
    pub reviews: u32,
    /// Sum of the reviews' 1–5 star ratings.
    pub rating_sum: u32,
    /// Number of clinician endorsements.
    pub endorsements: u32,
    /// Share of profile fields filled, 0–1.
    pub completeness: f32,
}

impl Candidate {
    /// Sets `license`, `group` and `stale` from the listing's standing on the day.
    pub fn set_standing(&mut self, standing: &Standing) {
        self.license = standing.status;
        self.group = result_group(standing, self.practice_state);
        self.stale = standing.stale;
    }

    /// Sets the standing of a listing with one license in the practice state of this
    /// status (`None`: no license there), fresh: for synthetic data and tests.
    pub fn set_license(&mut self, status: Option<VerificationStatus>) {
        let standing = Standing { status, license: None, stale: false, no_license_here: status.is_none() };
        self.set_standing(&standing);
    }
}

/// What the screening asks of a therapist, derived from an [`Assessment`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Needs {
    /// Massage is advisable now (`massage_with_precautions` or `massage_suitable`). When false
    /// a search answers [`Outcome::SeeClinicianFirst`] and lists nobody.
    pub advisable_now: bool,
    /// Recommended styles, best first.
    pub styles: Vec<MassageStyle>,
    /// Precaution ids (`no_deep_tissue`, `light_pressure`, …).
    pub precautions: Vec<String>,
    /// The person is pregnant: only therapists offering prenatal massage are shown.
    pub pregnant: bool,
}

impl Needs {
    /// What an assessment asks of a therapist. `pregnant` is true when the `pregnancy`
    /// finding fired or the only recommended style is prenatal.
    pub fn from_assessment(a: &Assessment<'_>) -> Needs {
        let styles: Vec<MassageStyle> = a.styles.iter().map(|&s| MassageStyle::from(s)).collect();
        let pregnant = a.finding_rules().any(|r| r.id == "pregnancy") || a.styles == [Style::Prenatal];
        Needs {
            advisable_now: a.massage_advisable_now(),
            styles,
            precautions: a.precaution_ids().map(str::to_owned).collect(),
            pregnant,
        }
    }

    /// Whether a precaution id is among the needs.
    pub fn has_precaution(&self, id: &str) -> bool {
        self.precautions.iter().any(|p| p == id)
    }

    /// Only prenatal-trained therapists will do: pregnant, or the `prenatal_trained_therapist`
    /// precaution.
    pub fn requires_prenatal(&self) -> bool {
        self.pregnant || self.has_precaution("prenatal_trained_therapist")
    }

    /// The precaution that makes deep tissue work unsuitable, if any: `no_deep_tissue`, or
    /// `light_pressure` (deep tissue is firm pressure by definition).
    pub fn deep_tissue_caution(&self) -> Option<&'static str> {
        if self.has_precaution("no_deep_tissue") {
            Some("no_deep_tissue")
        } else if self.has_precaution("light_pressure") {
            Some("light_pressure")
        } else {
            None
        }
    }
}

/// A search: where, how far, what the screening needs, and the person's filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// Latitude of the person (or their ZIP centroid), degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Search radius, miles (finite and ≥ 0, else nothing is found).
    pub radius_miles: f64,
    /// What the screening asks; `None` when the person searches without screening.
    pub needs: Option<Needs>,
    /// Only therapists offering this style.
    pub style: Option<MassageStyle>,
    /// Only therapists speaking this language (BCP 47; `es` also matches `es-mx`).
    pub language: Option<String>,
    /// Only therapists of this gender.
    pub gender: Option<Gender>,
    /// Only therapists whose lowest price is at most this (unknown prices pass, labelled).
    pub max_price_usd: Option<u32>,
    /// Only therapists taking this payer (lower-case name).
    pub insurance: Option<String>,
    /// Only this kind of place.
    pub kind: Option<PlaceKind>,
    /// Also show therapists whose license is not verified active, after all verified ones.
    pub include_unverified: bool,
    /// At most this many results.
    pub limit: usize,
}

impl Query {
    /// The default number of results.
    pub const DEFAULT_LIMIT: usize = 20;

    /// A search around a point with no screening and no filters.
    pub fn near(lat: f64, lon: f64, radius_miles: f64) -> Query {
        Query {
            lat,
            lon,
            radius_miles,
            needs: None,
            style: None,
            language: None,
            gender: None,
            max_price_usd: None,
            insurance: None,
            kind: None,
            include_unverified: false,
            limit: Query::DEFAULT_LIMIT,
        }
    }

    /// The same search with the screening's needs.
    pub fn with_needs(mut self, needs: Needs) -> Query {
        self.needs = Some(needs);
        self
    }
}

/// A machine-readable mark on a result, next to the plain-words `why`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchLabel {
    /// The license has a problem (expired, inactive, not found, a board action) or none is
    /// on file in a state that licenses massage therapists; shown only on request.
    Unverified,
    /// Verified active, but against a roster older than the freshness limit: listed after
    /// the fresh ones.
    Stale,
    /// The price is not listed (shown under a price filter).
    PriceNotListed,
    /// Offers deep tissue and no gentle style while the screening advises against deep
    /// tissue work: listed after the gentler options.
    DeepTissueOnlyCaution,
}

/// One therapist in the answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatchResult {
    /// Directory id.
    pub id: i64,
    /// Great-circle distance, miles, two decimals.
    pub distance_miles: f64,
    /// Ranking score, four decimals; results are sorted by score (descending), then
    /// distance, then id. It is `100 × rank + fit`: the rank (`2 × tier + 1`, or `2 × tier`
    /// for a deep-tissue-only therapist under a deep-tissue precaution; tiers 4 verified
    /// fresh, 3 verified stale, 2 not verified, 1 license with a problem (on request),
    /// 0 unlicensed state) keeps safety order, and `fit` (0–100) is the weighted match.
    pub score: f64,
    /// The finder group; `None` only for a listing shown on request whose license has a
    /// problem (it is listed at the end of the not-verified results).
    pub group: Option<ResultGroup>,
    /// License status in the practice state on the day.
    pub license: Option<VerificationStatus>,
    /// The verified status rests on a stale roster.
    pub stale: bool,
    /// Why it matched, in plain English words, most important first (the words of
    /// `reasons`).
    pub why: Vec<String>,
    /// Why it matched, as data, in the same order (for interfaces that word them in
    /// another language).
    #[serde(skip)]
    pub reasons: Vec<super::why::Reason>,
    /// Marks for the interface.
    pub labels: Vec<MatchLabel>,
}

/// The answer to a search.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The screening says massage is not advisable now: see a clinician first; nobody is
    /// listed.
    SeeClinicianFirst,
    /// Therapists, best first (possibly none).
    Results(Vec<MatchResult>),
}

impl Outcome {
    /// The results, empty for [`Outcome::SeeClinicianFirst`].
    pub fn results(&self) -> &[MatchResult] {
        match self {
            Outcome::SeeClinicianFirst => &[],
            Outcome::Results(r) => r,
        }
    }
}
