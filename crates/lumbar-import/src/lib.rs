//! # lumbar-import
//!
//! Streaming readers for the official public files lumbar's therapist directory is built
//! from, and a deterministic generator of realistic stand-ins for them. No database code:
//! readers yield domain records (`lumbar_core::directory`) and counters; the caller stores.
//!
//! - [`nppes`]: the CMS NPPES dissemination file (`.csv` or `.zip`) → massage therapists;
//! - [`roster`]: state massage-license rosters, one data-driven profile per state;
//! - [`zcta`]: ZIP (ZCTA) centroids, shipped 2021 table and Census Gazetteer files;
//! - [`synth`]: generated NPPES file, rosters and the verification outcome each should give.
//!
//! Row problems never stop a reader: they come out as `Rejected` items with the line number.
//! Only what makes a whole file unusable is an [`ImportError`].

mod error;
mod fields;
mod header;
mod lines;
pub mod nppes;
pub mod roster;
mod source;
pub mod synth;
pub mod zcta;

pub use error::ImportError;
