//! The in-memory geo index and the search.
//!
//! Candidates are bucketed into a global latitude/longitude grid of [`CELL_DEG`]° cells and
//! stored as flat arrays sorted by cell. Per candidate, the search reads only a 12-byte unit
//! vector and a 16-byte "hot" record (styles, kind, gender, verification, price,
//! pre-computed query-independent fit); the rest is read for the few that can enter the
//! top `limit`. A search:
//!
//! 1. covers the circle exactly, row by row (the widest longitude of the spherical cap
//!    within each row's latitude band), so nothing inside the radius is missed, and visits
//!    the covering cells nearest first;
//! 2. skips a whole cell when even its best candidate (a per-cell bound of the
//!    query-independent fit, at the cell's nearest possible distance) cannot enter the top
//!    `limit`, and stops when no farther cell can;
//! 3. drops candidates outside the circle by chord length (no trigonometry; a small slack
//!    covers `f32` rounding), then applies the filters on the hot record;
//! 4. bounds each survivor's score with a chord-derived lower bound of its distance and
//!    skips it when it cannot enter the top `limit` of its group;
//! 5. computes the exact haversine distance only for the rest, rounded to two decimals,
//!    and keeps a bounded heap per safety group;
//! 6. writes the plain-words reasons for the results only.
//!
//! Every bound is conservative, and the heaps keep a total order, so the answer is exactly
//! the one a full sort of every matching candidate would give, whatever the input order.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use crate::directory::{ResultGroup, StateCode, VerificationStatus};

use super::geo::{EARTH_RADIUS_MILES, cap_lon_half_width, haversine_miles, round2, unit_vector};
use super::score::{
    GROUP_STEP, STYLE_LATER_FIT, W_COMPLETENESS, W_ENDORSEMENT, W_EXPERIENCE, W_RECOMMENDATION, W_STYLE, base_fit,
    distance_fit, final_score,
};
use super::types::{Candidate, Gender, MassageStyle, MatchLabel, MatchResult, Needs, Outcome, PlaceKind, Query};
use super::why;

/// Grid cell size, degrees (about 7 miles north–south). Small cells cost only the offset
/// table (4 bytes per cell over the populated latitudes), since a search reads one
/// contiguous range per grid row, and they make the cover hug the circle.
pub const CELL_DEG: f64 = 360.0 / COLS as f64;
const COLS: usize = 3600;

/// Miles beyond the radius the cover and the chord prefilter keep, so that a distance that
/// rounds to the radius is still found.
const RADIUS_SLACK_MILES: f64 = 0.01;
/// Chord slack (unit sphere) for the `f32` unit vectors: each coordinate is within
/// 6·10⁻⁸ of the exact value, so a chord is within about 2·10⁻⁷ (≈ 0.001 mile).
const CHORD_SLACK: f64 = 5e-7;
/// Score slack for pruning by an upper bound.
const PRUNE_SLACK: f64 = 1e-3;

const FLAG_LANG_OVERFLOW: u8 = 2;
const FLAG_INS_OVERFLOW: u8 = 4;
/// Bit 63 of a language or insurance mask: the candidate has a value whose id is ≥ 63.
const OVERFLOW_BIT: u64 = 1 << 63;
const PRICE_UNKNOWN: u32 = u32::MAX;

fn styles_mask(styles: &[MassageStyle]) -> u16 {
    styles.iter().fold(0, |m, s| m | s.bit())
}

fn gentle_mask() -> u16 {
    MassageStyle::ALL.iter().filter(|s| s.is_gentle()).fold(0, |m, s| m | s.bit())
}

/// Safety tiers, best first in the results: verified against a fresh roster, verified
/// against a stale one, not verified (no roster imported, or not checked yet), a license with
/// a problem (shown only on request), a state that does not license massage therapists.
const TIER_FRESH: u8 = 4;
const TIER_STALE: u8 = 3;
const TIER_NOT_VERIFIED: u8 = 2;
const TIER_PROBLEM: u8 = 1;
const TIER_UNLICENSED: u8 = 0;
const TIERS: usize = 5;
/// Bound classes (`2 × tier + deep_tissue_only`) and ranks (`2 × tier + !demoted`).
const CLASSES: usize = 2 * TIERS;

fn tier_of(c: &Candidate) -> u8 {
    match c.group {
        Some(ResultGroup::Verified) if c.stale => TIER_STALE,
        Some(ResultGroup::Verified) => TIER_FRESH,
        Some(ResultGroup::NotVerified) => TIER_NOT_VERIFIED,
        None => TIER_PROBLEM,
        Some(ResultGroup::UnlicensedState) => TIER_UNLICENSED,
    }
}

/// What the search reads for every candidate in the circle.
#[derive(Clone, Copy, Debug)]
struct Hot {
    /// Query-independent part of the fit.
    base: f32,
    /// Lowest price, [`PRICE_UNKNOWN`] when not listed.
    price_min: u32,
    styles: u16,
    flags: u8,
    /// Safety tier (`TIER_*`).
    tier: u8,
    /// [`PlaceKind`] as its index.
    kind: u8,
    /// 0 none, else 1 + [`Gender`] index.
    gender: u8,
}

/// What the search reads for candidates that may enter the results.
#[derive(Clone, Debug)]
struct Cold {
    id: i64,
    lat: f64,
    lon: f64,
    license: Option<VerificationStatus>,
    group: Option<ResultGroup>,
    stale: bool,
    state: StateCode,
    back_pain_years: Option<u8>,
    back_pain_share_pct: Option<u8>,
    price_max: Option<u32>,
    reviews: u32,
    rating_sum: u32,
    endorsements: u32,
    lang_start: u32,
    ins_start: u32,
    lang_len: u8,
    ins_len: u8,
}

/// A string table: the most frequent values get the low ids (and the mask bits).
#[derive(Clone, Debug, Default)]
struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u16>,
}

impl Interner {
    fn build<'a>(values: impl Iterator<Item = &'a str>) -> Interner {
        let mut counts: HashMap<String, u64> = HashMap::new();
        for v in values {
            *counts.entry(normalize_word(v)).or_default() += 1;
        }
        let mut names: Vec<(String, u64)> = counts.into_iter().filter(|(n, _)| !n.is_empty()).collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        names.truncate(usize::from(u16::MAX));
        let names: Vec<String> = names.into_iter().map(|(n, _)| n).collect();
        let ids = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u16)).collect();
        Interner { names, ids }
    }

    fn heap_bytes(&self) -> usize {
        self.names.capacity() * size_of::<String>()
            + self.names.iter().map(|n| 2 * n.capacity() + size_of::<(String, u16)>() + 8).sum::<usize>()
    }
}

fn normalize_word(s: &str) -> String {
    s.trim().to_lowercase()
}

fn mask_of(ids: &[u16]) -> u64 {
    ids.iter().fold(0, |m, &i| m | if i < 63 { 1 << i } else { OVERFLOW_BIT })
}

/// An in-memory index of therapists and places for "who near me can help my back, safely?".
///
/// Build once with [`GeoIndex::build`]; [`GeoIndex::search`] is read-only and can be called
/// from many threads at once.
#[derive(Clone, Debug, Default)]
pub struct GeoIndex {
    /// Latitude of the south edge of grid row 0.
    lat0: f64,
    rows: usize,
    /// Offsets into the candidate arrays, `rows × COLS + 1` long.
    cell_start: Vec<u32>,
    /// Per cell, an upper bound of the query-independent fit of its candidates of each class
    /// (`2 × tier + deep_tissue_only`), quantised ([`quantize_up`]), to skip cells that
    /// cannot reach the results.
    cell_max_base: Vec<[u8; CLASSES]>,
    /// The same over the whole index.
    max_base: [u8; CLASSES],
    pos: Vec<[f32; 3]>,
    hot: Vec<Hot>,
    /// Language and insurance masks (read only under those filters).
    masks: Vec<[u64; 2]>,
    cold: Vec<Cold>,
    lang_pool: Vec<u16>,
    ins_pool: Vec<u16>,
    languages: Interner,
    insurers: Interner,
}

/// A heap entry; `Ord` is the ranking order (less = better), so a max-heap keeps the worst
/// of the kept ones on top.
#[derive(Clone, Copy, Debug)]
struct Ranked {
    score: f64,
    distance: f64,
    id: i64,
    slot: u32,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| self.distance.total_cmp(&other.distance))
            .then_with(|| self.id.cmp(&other.id))
            .then_with(|| self.slot.cmp(&other.slot))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// A language or insurance filter resolved against the index's table.
struct SetFilter {
    /// Mask bits of the accepted ids below 63.
    mask: u64,
    /// Accepted ids (all of them, for candidates with overflow ids).
    ids: Vec<u16>,
    /// Some accepted id is ≥ 63.
    overflow: bool,
}

impl SetFilter {
    fn new(table: &Interner, accept: impl Fn(&str) -> bool) -> SetFilter {
        let ids: Vec<u16> = table.names.iter().enumerate().filter(|(_, n)| accept(n)).map(|(i, _)| i as u16).collect();
        let overflow = ids.iter().any(|&i| i >= 63);
        SetFilter { mask: mask_of(&ids) & !OVERFLOW_BIT, ids, overflow }
    }

    fn passes(&self, mask: u64, has_overflow: bool, pool: &[u16]) -> bool {
        mask & self.mask != 0 || (self.overflow && has_overflow && pool.iter().any(|i| self.ids.contains(i)))
    }
}

/// The query, resolved once against the index.
struct Plan {
    radius: f64,
    required_styles: u16,
    kind: Option<u8>,
    gender: Option<u8>,
    max_price: Option<u32>,
    include_unverified: bool,
    language: Option<SetFilter>,
    insurance: Option<SetFilter>,
    /// Styles recommended first / later.
    first_styles: u16,
    later_styles: u16,
    /// Deep-tissue-only candidates are demoted.
    caution: bool,
}

/// The largest query-independent fit (experience, recommendations, endorsements,
/// completeness).
const BASE_MAX: f32 = (W_EXPERIENCE + W_RECOMMENDATION + W_ENDORSEMENT + W_COMPLETENESS) as f32;

/// A fit as one byte that never rounds down: 0 means "no candidate", `q ≥ 1` means a fit of
/// at most [`dequantize`]`(q)`.
fn quantize_up(base: f32) -> u8 {
    1 + ((base.clamp(0.0, BASE_MAX) / BASE_MAX * 254.0).ceil() as u8).min(254)
}

/// The upper bound a quantised fit stands for (−∞ for "no candidate").
fn dequantize(q: u8) -> f32 {
    if q == 0 { f32::NEG_INFINITY } else { f32::from(q - 1) / 254.0 * BASE_MAX * (1.0 + 1e-6) + 1e-6 }
}

/// True when the candidate offers deep tissue and no gentle style.
fn deep_only(styles: u16) -> bool {
    styles & MassageStyle::DeepTissue.bit() != 0 && styles & gentle_mask() == 0
}

impl GeoIndex {
    /// Builds the index. Candidates with an impossible position (not finite, latitude
    /// beyond ±90°) cannot be found and are left out.
    pub fn build(candidates: Vec<Candidate>) -> GeoIndex {
        let mut candidates: Vec<Candidate> = candidates
            .into_iter()
            .filter(|c| c.lat.is_finite() && c.lon.is_finite() && (-90.0..=90.0).contains(&c.lat))
            .collect();
        for c in &mut candidates {
            c.lon = (c.lon + 180.0).rem_euclid(360.0) - 180.0;
        }
        if candidates.is_empty() {
            return GeoIndex::default();
        }
        assert!(candidates.len() < u32::MAX as usize, "the index holds fewer than 2^32 candidates");
        let languages = Interner::build(candidates.iter().flat_map(|c| c.languages.iter().map(String::as_str)));
        let insurers = Interner::build(candidates.iter().flat_map(|c| c.insurance.iter().map(String::as_str)));

        let min_lat = candidates.iter().map(|c| c.lat).fold(f64::INFINITY, f64::min);
        let max_lat = candidates.iter().map(|c| c.lat).fold(f64::NEG_INFINITY, f64::max);
        let lat0 = (min_lat / CELL_DEG).floor() * CELL_DEG;
        let rows = ((max_lat - lat0) / CELL_DEG).floor() as usize + 1;
        let mut index = GeoIndex { lat0, rows, languages, insurers, ..GeoIndex::default() };

        let mut keyed: Vec<(u32, i64, usize)> =
            candidates.iter().enumerate().map(|(i, c)| (index.cell_of(c.lat, c.lon), c.id, i)).collect();
        keyed.sort_unstable();

        let n = candidates.len();
        index.cell_start = vec![0; rows * COLS + 1];
        for &(cell, _, _) in &keyed {
            index.cell_start[cell as usize + 1] += 1;
        }
        for i in 1..index.cell_start.len() {
            index.cell_start[i] += index.cell_start[i - 1];
        }
        index.pos.reserve_exact(n);
        index.hot.reserve_exact(n);
        index.masks.reserve_exact(n);
        index.cold.reserve_exact(n);
        index.cell_max_base = vec![[0; CLASSES]; rows * COLS];
        for &(cell, _, i) in &keyed {
            index.push(&candidates[i]);
            let h = index.hot[index.hot.len() - 1];
            let class = 2 * usize::from(h.tier) + usize::from(deep_only(h.styles));
            let q = quantize_up(h.base);
            let m = &mut index.cell_max_base[cell as usize][class];
            *m = (*m).max(q);
            index.max_base[class] = index.max_base[class].max(q);
        }
        index.lang_pool.shrink_to_fit();
        index.ins_pool.shrink_to_fit();
        index
    }

    fn push(&mut self, c: &Candidate) {
        let [x, y, z] = unit_vector(c.lat, c.lon);
        self.pos.push([x as f32, y as f32, z as f32]);
        let intern = |table: &Interner, values: &[String]| -> Vec<u16> {
            let mut ids: Vec<u16> = values.iter().filter_map(|v| table.ids.get(&normalize_word(v)).copied()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.truncate(usize::from(u8::MAX));
            ids
        };
        let langs = intern(&self.languages, &c.languages);
        let ins = intern(&self.insurers, &c.insurance);
        let (lang_mask, ins_mask) = (mask_of(&langs), mask_of(&ins));
        let mut flags = 0;
        if lang_mask & OVERFLOW_BIT != 0 {
            flags |= FLAG_LANG_OVERFLOW;
        }
        if ins_mask & OVERFLOW_BIT != 0 {
            flags |= FLAG_INS_OVERFLOW;
        }
        let base =
            base_fit(c.back_pain_years, c.back_pain_share_pct, c.reviews, c.rating_sum, c.endorsements, c.completeness);
        self.hot.push(Hot {
            base: base as f32,
            price_min: c.price_min_usd.map_or(PRICE_UNKNOWN, |p| p.min(PRICE_UNKNOWN - 1)),
            styles: styles_mask(&c.styles),
            flags,
            tier: tier_of(c),
            kind: c.kind as u8,
            gender: c.gender.map_or(0, |g| g as u8 + 1),
        });
        self.masks.push([lang_mask, ins_mask]);
        self.cold.push(Cold {
            id: c.id,
            lat: c.lat,
            lon: c.lon,
            license: c.license,
            group: c.group,
            stale: c.stale,
            state: c.practice_state,
            back_pain_years: c.back_pain_years,
            back_pain_share_pct: c.back_pain_share_pct,
            price_max: c.price_max_usd,
            reviews: c.reviews,
            rating_sum: c.rating_sum,
            endorsements: c.endorsements,
            lang_start: self.lang_pool.len() as u32,
            ins_start: self.ins_pool.len() as u32,
            lang_len: langs.len() as u8,
            ins_len: ins.len() as u8,
        });
        self.lang_pool.extend_from_slice(&langs);
        self.ins_pool.extend_from_slice(&ins);
    }

    fn row_of(&self, lat: f64) -> usize {
        (((lat - self.lat0) / CELL_DEG).floor().max(0.0) as usize).min(self.rows - 1)
    }

    fn col_of(lon: f64) -> usize {
        (((lon + 180.0) / CELL_DEG).floor() as i64).rem_euclid(COLS as i64) as usize
    }

    fn cell_of(&self, lat: f64, lon: f64) -> u32 {
        (self.row_of(lat) * COLS + GeoIndex::col_of(lon)) as u32
    }

    /// Number of candidates indexed.
    pub fn len(&self) -> usize {
        self.cold.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.cold.is_empty()
    }

    /// Approximate heap size in bytes (for benchmark reports).
    pub fn memory_bytes(&self) -> usize {
        self.cell_start.capacity() * size_of::<u32>()
            + self.cell_max_base.capacity() * size_of::<[u8; CLASSES]>()
            + self.pos.capacity() * size_of::<[f32; 3]>()
            + self.hot.capacity() * size_of::<Hot>()
            + self.masks.capacity() * size_of::<[u64; 2]>()
            + self.cold.capacity() * size_of::<Cold>()
            + (self.lang_pool.capacity() + self.ins_pool.capacity()) * size_of::<u16>()
            + self.languages.heap_bytes()
            + self.insurers.heap_bytes()
    }

    fn plan(&self, q: &Query) -> Option<Plan> {
        let needs: Option<&Needs> = q.needs.as_ref();
        let mut required_styles = q.style.map_or(0, MassageStyle::bit);
        if needs.is_some_and(Needs::requires_prenatal) {
            required_styles |= MassageStyle::Prenatal.bit();
        }
        let (first_styles, later_styles) = match needs.map(|n| n.styles.as_slice()) {
            Some([first, rest @ ..]) => (first.bit(), styles_mask(rest) & !first.bit()),
            _ => (0, 0),
        };
        let language = match &q.language {
            None => None,
            Some(l) => {
                let want = normalize_word(l);
                let prefix = format!("{want}-");
                let f = SetFilter::new(&self.languages, |n| n == want || n.starts_with(&prefix));
                if f.ids.is_empty() {
                    return None;
                }
                Some(f)
            }
        };
        let insurance = match &q.insurance {
            None => None,
            Some(p) => {
                let want = normalize_word(p);
                let f = SetFilter::new(&self.insurers, |n| n == want);
                if f.ids.is_empty() {
                    return None;
                }
                Some(f)
            }
        };
        Some(Plan {
            radius: q.radius_miles,
            required_styles,
            kind: q.kind.map(|k| k as u8),
            gender: q.gender.map(|g| g as u8 + 1),
            max_price: q.max_price_usd,
            include_unverified: q.include_unverified,
            language,
            insurance,
            first_styles,
            later_styles,
            caution: needs.and_then(Needs::deep_tissue_caution).is_some(),
        })
    }

    fn passes(&self, p: &Plan, i: usize) -> bool {
        let h = &self.hot[i];
        if h.tier == TIER_PROBLEM && !p.include_unverified {
            return false;
        }
        if h.styles & p.required_styles != p.required_styles {
            return false;
        }
        if p.kind.is_some_and(|k| k != h.kind) || p.gender.is_some_and(|g| g != h.gender) {
            return false;
        }
        if let Some(max) = p.max_price
            && h.price_min != PRICE_UNKNOWN
            && h.price_min > max
        {
            return false;
        }
        if let Some(f) = &p.language {
            let c = &self.cold[i];
            let pool = &self.lang_pool[c.lang_start as usize..][..usize::from(c.lang_len)];
            if !f.passes(self.masks[i][0], h.flags & FLAG_LANG_OVERFLOW != 0, pool) {
                return false;
            }
        }
        if let Some(f) = &p.insurance {
            let c = &self.cold[i];
            let pool = &self.ins_pool[c.ins_start as usize..][..usize::from(c.ins_len)];
            if !f.passes(self.masks[i][1], h.flags & FLAG_INS_OVERFLOW != 0, pool) {
                return false;
            }
        }
        true
    }

    /// The non-empty cells covering the circle, each with a lower bound of the distance
    /// (miles) from the query point to anything in it.
    fn cover(&self, lat: f64, lon: f64, radius: f64) -> Vec<(f64, u32)> {
        use std::f64::consts::PI;
        let theta = (radius + RADIUS_SLACK_MILES) / EARTH_RADIUS_MILES;
        let phi0 = lat.to_radians();
        let south = lat - theta.to_degrees();
        let north = lat + theta.to_degrees();
        let top = self.lat0 + self.rows as f64 * CELL_DEG;
        let mut cells = Vec::new();
        if north < self.lat0 || south > top {
            return cells;
        }
        let lon0 = (lon + 180.0).rem_euclid(360.0) - 180.0;
        for row in self.row_of(south)..=self.row_of(north) {
            let a = self.lat0 + row as f64 * CELL_DEG;
            // widen the band a hair: a candidate exactly on an edge may sit in either row
            let band = ((a - 1e-9).to_radians(), (a + CELL_DEG + 1e-9).to_radians());
            let Some(half) = cap_lon_half_width(phi0, theta, band.0, band.1) else { continue };
            let half = half.to_degrees() + 1e-7;
            // distance ≥ the latitude difference to the band
            let d_lat = if phi0 < band.0 {
                band.0 - phi0
            } else if phi0 > band.1 {
                phi0 - band.1
            } else {
                0.0
            };
            let base = row * COLS;
            let mut push = |c0: usize, c1: usize| {
                for col in c0..=c1 {
                    let cell = base + col;
                    if self.cell_start[cell] == self.cell_start[cell + 1] {
                        continue;
                    }
                    // distance ≥ the cross-track distance to the nearest meridian of the cell:
                    // for a fixed latitude, distance grows with the longitude difference
                    let west = col as f64 * CELL_DEG - 180.0;
                    let delta = if (west..=west + CELL_DEG).contains(&lon0) {
                        0.0
                    } else {
                        let gap = |x: f64| {
                            let d = (x - lon0).rem_euclid(360.0);
                            d.min(360.0 - d)
                        };
                        gap(west).min(gap(west + CELL_DEG)).to_radians()
                    };
                    let d_lon = (phi0.cos() * delta.min(PI).sin()).clamp(0.0, 1.0).asin();
                    let lb = EARTH_RADIUS_MILES * d_lat.max(d_lon) * (1.0 - 1e-9);
                    cells.push((lb, cell as u32));
                }
            };
            if half * 2.0 >= 360.0 - CELL_DEG {
                push(0, COLS - 1);
                continue;
            }
            let c0 = GeoIndex::col_of(lon - half);
            let c1 = GeoIndex::col_of(lon + half);
            if c0 <= c1 {
                push(c0, c1);
            } else {
                push(c0, COLS - 1);
                push(0, c1);
            }
        }
        cells
    }

    /// Finds who near the query point can help, safely. See the module documentation of
    /// [`crate::matching`] for the rules.
    pub fn search(&self, q: &Query) -> Outcome {
        if q.needs.as_ref().is_some_and(|n| !n.advisable_now) {
            return Outcome::SeeClinicianFirst;
        }
        let valid = q.lat.is_finite()
            && q.lon.is_finite()
            && (-90.0..=90.0).contains(&q.lat)
            && q.radius_miles.is_finite()
            && q.radius_miles >= 0.0;
        if !valid || q.limit == 0 || self.is_empty() {
            return Outcome::Results(Vec::new());
        }
        let Some(plan) = self.plan(q) else { return Outcome::Results(Vec::new()) };
        let limit = q.limit;
        let r = plan.radius;
        let [qx, qy, qz] = unit_vector(q.lat, q.lon);
        let (qx, qy, qz) = (qx as f32, qy as f32, qz as f32);
        let theta = ((r + RADIUS_SLACK_MILES) / EARTH_RADIUS_MILES).min(std::f64::consts::PI);
        let chord_max = 2.0 * (theta / 2.0).sin() + CHORD_SLACK;
        let chord2_max = (chord_max * chord_max) as f32;

        let mut heaps: [BinaryHeap<Ranked>; CLASSES] = Default::default();
        let cap = limit.min(1024);
        for h in &mut heaps {
            h.reserve(cap + 1);
        }
        // The ranks this search can fill (`2 × tier + !demoted`): a demoted rank only under
        // a caution, the problem tier only on request.
        let active: Vec<u8> = (0..CLASSES as u8)
            .filter(|&g| (g / 2 != TIER_PROBLEM || plan.include_unverified) && (g % 2 == 1 || plan.caution))
            .collect();
        // The best style points of each group: a demoted candidate offers no gentle style.
        let style_points = |allowed: u16| {
            if plan.first_styles & allowed != 0 {
                W_STYLE
            } else if plan.later_styles & allowed != 0 {
                W_STYLE * STYLE_LATER_FIT
            } else {
                0.0
            }
        };
        let style_max = [style_points(!gentle_mask()), style_points(u16::MAX)];
        // Which classes of candidates (2 × tier + deep-tissue-only) fall in rank `g`.
        let classes = |g: u8| -> [Option<usize>; 2] {
            let v = 2 * usize::from(g / 2);
            match (plan.caution, g % 2 == 1) {
                (true, true) => [Some(v), None],
                (true, false) => [Some(v + 1), None],
                (false, _) => [Some(v), Some(v + 1)],
            }
        };
        // Whether a candidate of group `g`, with a fit bounded by `bases`, at distance ≥
        // `d_lb`, could still enter that group's heap.
        let can_enter = |heaps: &[BinaryHeap<Ranked>; CLASSES], g: u8, bases: &[u8; CLASSES], d_lb: f64| {
            let heap = &heaps[usize::from(g)];
            let base = classes(g).iter().flatten().map(|&k| dequantize(bases[k])).fold(f32::NEG_INFINITY, f32::max);
            if base == f32::NEG_INFINITY {
                return false;
            }
            if heap.len() < limit {
                return true;
            }
            let worst = heap.peek().map_or(f64::NEG_INFINITY, |w| w.score);
            let style = style_max[usize::from(g % 2 == 1 || !plan.caution)];
            let ub = f64::from(g) * GROUP_STEP + f64::from(base) + style + distance_fit(d_lb, r);
            ub + PRUNE_SLACK >= worst
        };

        // Nearest cells first, so the heaps fill with good candidates early and the far
        // cells can be skipped whole.
        let mut cells = self.cover(q.lat, q.lon, r);
        cells.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (cell_lb, cell) in cells {
            let d_lb = (cell_lb - 0.005).max(0.0);
            let cell_max = &self.cell_max_base[cell as usize];
            if !active.iter().any(|&g| can_enter(&heaps, g, cell_max, d_lb)) {
                // and no farther cell can do better than the best of the whole index
                if !active.iter().any(|&g| can_enter(&heaps, g, &self.max_base, d_lb)) {
                    break;
                }
                continue;
            }
            let (start, end) = (self.cell_start[cell as usize] as usize, self.cell_start[cell as usize + 1] as usize);
            for i in start..end {
                let [x, y, z] = self.pos[i];
                let (dx, dy, dz) = (x - qx, y - qy, z - qz);
                let c2 = dx * dx + dy * dy + dz * dz;
                if c2 > chord2_max || !self.passes(&plan, i) {
                    continue;
                }
                let h = self.hot[i];
                let demoted = plan.caution && deep_only(h.styles);
                let group = 2 * h.tier + u8::from(!demoted);
                let style = if h.styles & plan.first_styles != 0 {
                    W_STYLE
                } else if h.styles & plan.later_styles != 0 {
                    W_STYLE * STYLE_LATER_FIT
                } else {
                    0.0
                };
                let heap = &mut heaps[usize::from(group)];
                if heap.len() >= limit {
                    let worst = heap.peek().map_or(f64::NEG_INFINITY, |w| w.score);
                    // arc ≥ chord; less half a hundredth for the rounding of the distance
                    let chord_lb = (f64::from(c2).sqrt() - CHORD_SLACK).max(0.0);
                    let d_lb = (EARTH_RADIUS_MILES * chord_lb - 0.005).max(0.0);
                    let ub = f64::from(group) * GROUP_STEP + f64::from(h.base) + style + distance_fit(d_lb, r);
                    if ub + PRUNE_SLACK < worst {
                        continue;
                    }
                }
                let c = &self.cold[i];
                let d = round2(haversine_miles(q.lat, q.lon, c.lat, c.lon));
                if d > r {
                    continue;
                }
                let entry = Ranked {
                    score: final_score(group, h.base, style, distance_fit(d, r)),
                    distance: d,
                    id: c.id,
                    slot: i as u32,
                };
                if heap.len() < limit {
                    heap.push(entry);
                } else if heap.peek().is_some_and(|w| entry < *w) {
                    heap.pop();
                    heap.push(entry);
                }
            }
        }
        // Best rank first. Under a deep-tissue precaution a deep-tissue-only therapist is
        // listed only after a gentler option: a demoted rank needs a gentler one of its tier
        // or a better tier before it.
        let sorted = heaps.map(BinaryHeap::into_sorted_vec);
        let mut gentler_before = false;
        let mut ranked = Vec::new();
        for g in (0..CLASSES).rev() {
            if g % 2 == 1 {
                gentler_before |= !sorted[g].is_empty();
            } else if !gentler_before {
                continue;
            }
            ranked.extend(sorted[g].iter().copied());
        }
        let ranked = ranked.into_iter().take(limit);
        let results = ranked.map(|e| self.result(q, &plan, e)).collect();
        Outcome::Results(results)
    }

    fn result(&self, q: &Query, plan: &Plan, e: Ranked) -> MatchResult {
        let i = e.slot as usize;
        let (h, c) = (&self.hot[i], &self.cold[i]);
        let langs: Vec<&str> = self.lang_pool[c.lang_start as usize..][..usize::from(c.lang_len)]
            .iter()
            .map(|&l| self.languages.names[usize::from(l)].as_str())
            .collect();
        let view = why::View {
            distance: e.distance,
            license: c.license,
            group: c.group,
            stale: c.stale,
            state: c.state,
            styles: h.styles,
            kind: PlaceKind::ALL[usize::from(h.kind)],
            gender: if h.gender == 0 { None } else { Some(Gender::ALL[usize::from(h.gender - 1)]) },
            back_pain_years: c.back_pain_years,
            back_pain_share_pct: c.back_pain_share_pct,
            price_min: (h.price_min != PRICE_UNKNOWN).then_some(h.price_min),
            price_max: c.price_max,
            reviews: c.reviews,
            rating_sum: c.rating_sum,
            endorsements: c.endorsements,
            languages: langs,
            demoted: plan.caution && deep_only(h.styles),
        };
        let (reasons, labels): (Vec<why::Reason>, Vec<MatchLabel>) = why::explain(&view, q);
        let why = reasons.iter().map(why::Reason::english).collect();
        MatchResult {
            id: c.id,
            distance_miles: e.distance,
            score: e.score,
            group: c.group,
            license: c.license,
            stale: c.stale,
            why,
            reasons,
            labels,
        }
    }
}
