//! What a therapist or place tells people beyond NPPES: styles, back-pain experience,
//! training, languages, price, insurance, booking — each field marked self-reported or
//! verified. Stored as one document per listing through the `Store`.

use serde::{Deserialize, Serialize};

use crate::matching::{Gender, MassageStyle, PlaceKind};

/// A profile field that can be verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// Styles offered.
    Styles,
    /// Years of experience with lower back pain.
    BackPainYears,
    /// Share of clients with lower back pain.
    BackPainShare,
    /// School, hours, certifications.
    Training,
    /// Languages spoken.
    Languages,
    /// Price range.
    Price,
    /// Insurance accepted.
    Insurance,
}

/// Whether lumbar checked a field or the therapist stated it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Stated by the therapist, not checked.
    SelfReported,
    /// Checked by lumbar against a document or a source.
    Verified,
}

/// Training.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// School or programme.
    pub school: String,
    /// Hours of training.
    #[serde(default)]
    pub hours: Option<u32>,
    /// Certifications.
    #[serde(default)]
    pub certifications: Vec<String>,
}

/// A therapist's or place's profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Independent, clinic, spa or school student clinic.
    pub place_kind: PlaceKind,
    /// Styles offered.
    #[serde(default)]
    pub styles: Vec<MassageStyle>,
    /// Years of experience with lower back pain.
    #[serde(default)]
    pub back_pain_years: Option<u8>,
    /// Share of clients who come for lower back pain (0–100).
    #[serde(default)]
    pub back_pain_share_pct: Option<u8>,
    /// Training.
    #[serde(default)]
    pub training: Option<Training>,
    /// Languages (lower-case BCP 47: `en`, `es`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Therapist gender, as the therapist states it (individuals).
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Lowest price for 60 minutes, USD.
    #[serde(default)]
    pub price_min_usd: Option<u32>,
    /// Highest price for 60 minutes, USD.
    #[serde(default)]
    pub price_max_usd: Option<u32>,
    /// Insurance accepted (lower-case payer names).
    #[serde(default)]
    pub insurance: Vec<String>,
    /// Where to book online.
    #[serde(default)]
    pub booking_url: Option<String>,
    /// Phone for booking.
    #[serde(default)]
    pub phone: Option<String>,
    /// Opening hours, as text.
    #[serde(default)]
    pub hours: Option<String>,
    /// Fields lumbar verified; all others are self-reported.
    #[serde(default)]
    pub verified: Vec<ProfileField>,
}

impl Profile {
    /// Where a field's value comes from.
    pub fn provenance(&self, field: ProfileField) -> Provenance {
        if self.verified.contains(&field) { Provenance::Verified } else { Provenance::SelfReported }
    }

    /// Share of the fields that are filled in (0–1), for ranking and for nudging therapists.
    pub fn completeness(&self) -> f32 {
        let filled = [
            !self.styles.is_empty(),
            self.back_pain_years.is_some(),
            self.back_pain_share_pct.is_some(),
            self.training.is_some(),
            !self.languages.is_empty(),
            self.price_min_usd.is_some() || self.price_max_usd.is_some(),
            !self.insurance.is_empty(),
            self.booking_url.is_some() || self.phone.is_some(),
            self.hours.is_some(),
        ];
        filled.iter().filter(|x| **x).count() as f32 / filled.len() as f32
    }

    /// Problems that make a profile invalid (empty when valid).
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.back_pain_share_pct.is_some_and(|x| x > 100) {
            p.push("back_pain_share_pct must be 0 to 100".to_owned());
        }
        if let (Some(a), Some(b)) = (self.price_min_usd, self.price_max_usd)
            && a > b
        {
            p.push("price_min_usd is above price_max_usd".to_owned());
        }
        if self.booking_url.as_ref().is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://"))) {
            p.push("booking_url must start with https://".to_owned());
        }
        if self.languages.iter().any(|l| l.is_empty() || l.chars().any(|c| !(c.is_ascii_lowercase() || c == '-'))) {
            p.push("languages must be lower-case BCP 47 tags such as en or es".to_owned());
        }
        p
    }
}
