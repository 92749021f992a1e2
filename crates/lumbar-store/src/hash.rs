//! Stable content hashes of directory entries, so a re-import can tell "unchanged" from
//! "updated" without comparing every column in SQL.

use lumbar_core::directory::{Address, ClaimedLicense, ProviderRecord, RosterRecord};

use crate::ListingUpsert;

/// FNV-1a (64-bit) with a field separator; stable across runs and machines.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn feed(&mut self, s: &str) {
        for b in s.bytes().chain(std::iter::once(0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn address(&mut self, a: &Address) {
        for s in [&a.line1, &a.line2, &a.city, &a.phone] {
            self.feed(s);
        }
        self.feed(a.state.as_ref().map_or("", |s| s.as_str()));
        self.feed(a.postal_code.as_deref().unwrap_or(""));
    }
    fn licenses(&mut self, licenses: &[ClaimedLicense]) {
        for l in licenses {
            self.feed(l.state.as_str());
            self.feed(&l.number);
        }
    }
    fn finish(self, lat: Option<f64>, lon: Option<f64>) -> String {
        let mut h = self;
        h.feed(&format!("{lat:?}{lon:?}"));
        format!("{:016x}", h.0)
    }
}

/// Hash of an NPPES provider with its coordinates.
pub fn provider_hash(r: &ProviderRecord, lat: Option<f64>, lon: Option<f64>) -> String {
    let mut h = Fnv::new();
    h.feed(&r.npi.to_string());
    h.feed(r.kind.as_str());
    for s in [&r.name, &r.last_name, &r.first_name, &r.credential] {
        h.feed(s);
    }
    h.feed(&r.sex.map(String::from).unwrap_or_default());
    h.address(&r.practice);
    h.licenses(&r.licenses);
    for d in [r.last_update, r.deactivated, r.reactivated] {
        h.feed(&d.map(|d| d.to_string()).unwrap_or_default());
    }
    h.finish(lat, lon)
}

/// Hash of a listing.
pub fn listing_hash(l: &ListingUpsert) -> String {
    let mut h = Fnv::new();
    h.feed(&l.key);
    h.feed(l.kind.as_str());
    for s in [&l.name, &l.last_name, &l.first_name, &l.credential] {
        h.feed(s);
    }
    h.address(&l.practice);
    h.licenses(&l.licenses);
    h.finish(l.lat, l.lon)
}

/// An order-sensitive digest of a roster's rows, so re-importing an identical roster can
/// keep the current one (and every verification that cites it) unchanged.
pub struct RosterDigest(Fnv);

impl Default for RosterDigest {
    fn default() -> Self {
        RosterDigest(Fnv::new())
    }
}

impl RosterDigest {
    /// Adds one row.
    pub fn add(&mut self, r: &RosterRecord) {
        let h = &mut self.0;
        for s in [&r.license_number, &r.license_key, &r.credential_type, &r.last_name, &r.first_name, &r.status_text] {
            h.feed(s);
        }
        h.feed(r.state.as_str());
        h.feed(r.status.as_str());
        h.feed(&r.expires.map(|d| d.to_string()).unwrap_or_default());
        h.feed(if r.disciplined { "1" } else { "0" });
        h.feed(&r.discipline_text);
        h.feed(&r.source_line.to_string());
    }

    /// The digest.
    pub fn finish(self) -> String {
        format!("{:016x}", self.0.0)
    }
}
