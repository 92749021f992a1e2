//! Matching (PRODUCT.md §4): "who near me can help my back, safely?" — an in-memory geo
//! index over therapists and places, and a ranking that follows the screening.
//!
//! - [`types`]: styles, kinds of place, [`Candidate`], [`Needs`] (from an
//!   [`Assessment`](crate::screening::Assessment)), [`Query`], [`Outcome`], [`MatchResult`];
//! - [`geo`]: [`haversine_miles`] and the geometry the grid needs;
//! - [`index`]: [`GeoIndex`], the grid index and the search;
//! - [`score`]: the ranking weights, each a named constant with its reason;
//! - [`why`]: the plain-words reasons a result matched;
//! - [`synth`]: [`synthetic_candidates`] for benchmarks.
//!
//! # Rules
//!
//! 1. **Verified first.** By default only candidates whose license is verified active are
//!    shown. With [`Query::include_unverified`] the others are shown too, all after every
//!    verified one, each with its status in `why` and the [`MatchLabel::Unverified`] label.
//!    The license counted is the one in the therapist's own practice state, so a search
//!    radius crossing a state line (Portland OR → Vancouver WA) keeps the WA status.
//! 2. **Not advisable now → nobody.** When the screening says massage is not advisable now
//!    the answer is [`Outcome::SeeClinicianFirst`], whatever the filters.
//! 3. **Pregnancy → prenatal only.** Only candidates offering prenatal massage are shown
//!    (also under the `prenatal_trained_therapist` precaution).
//! 4. **Deep-tissue caution.** Under `no_deep_tissue` (or `light_pressure`: deep tissue is
//!    firm pressure), a candidate offering deep tissue and no gentle style (swedish,
//!    prenatal, oncology, lymphatic) is ranked below every gentler candidate of its
//!    verification group and is never first: when no gentler candidate would come before
//!    it, it is left out. Its `why` explains the precaution.
//! 5. **Score.** Fit out of 100 from distance relative to the radius, style fit (first
//!    recommended style > later one > none), stated back-pain experience, a Bayesian
//!    average of reviews, clinician endorsements (diminishing returns) and profile
//!    completeness; see [`score`] for the weights. The result's `score` is
//!    `100 × group + fit`, the group keeping rules 1 and 4.
//! 6. **Filters** (style, language, gender, maximum price, insurance, kind) are applied
//!    before scoring; an unknown price passes, labelled "price not listed". Distance is the
//!    haversine distance (Earth radius 3958.8 miles), rounded to two decimals; candidates
//!    farther than the radius are left out.
//! 7. **Deterministic.** Results are ordered by score (descending), then distance, then id;
//!    the same candidates in any order give the same answer.

pub mod geo;
pub mod index;
pub mod score;
pub mod synth;
pub mod types;
pub mod why;

pub use geo::{EARTH_RADIUS_MILES, haversine_miles};
pub use index::GeoIndex;
pub use score::bayesian_rating;
pub use synth::synthetic_candidates;
pub use types::{Candidate, Gender, MassageStyle, MatchLabel, MatchResult, Needs, Outcome, PlaceKind, Query};
