//! Where generated providers practise: real ZCTAs of the shipped centroid table, grouped by
//! state through their ZIP3 prefix, with the nearest of a few real cities as the city name.

use super::rng::Rng;
use crate::zcta::Centroid;

/// A state the generator places providers in.
pub(crate) struct StateInfo {
    pub(crate) code: &'static str,
    zip3: &'static [(u16, u16)],
    cities: &'static [(&'static str, f64, f64)],
    area_codes: &'static [u16],
}

/// The states used: the six with rosters, two unregulated (KS, MN), voluntary (CA) and one
/// licensed state without an open roster (NY).
pub(crate) const STATES: &[StateInfo] = &[
    StateInfo {
        code: "WA",
        zip3: &[(980, 994)],
        cities: &[
            ("Seattle", 47.61, -122.33),
            ("Spokane", 47.66, -117.43),
            ("Tacoma", 47.25, -122.44),
            ("Vancouver", 45.64, -122.66),
            ("Bellingham", 48.75, -122.48),
            ("Yakima", 46.60, -120.51),
            ("Olympia", 47.04, -122.90),
        ],
        area_codes: &[206, 253, 360, 425, 509],
    },
    StateInfo {
        code: "CO",
        zip3: &[(800, 816)],
        cities: &[
            ("Denver", 39.74, -104.99),
            ("Colorado Springs", 38.83, -104.82),
            ("Fort Collins", 40.59, -105.08),
            ("Boulder", 40.01, -105.27),
            ("Grand Junction", 39.06, -108.55),
            ("Pueblo", 38.25, -104.61),
            ("Durango", 37.28, -107.88),
        ],
        area_codes: &[303, 719, 720, 970],
    },
    StateInfo {
        code: "CT",
        zip3: &[(60, 69)],
        cities: &[
            ("Hartford", 41.76, -72.67),
            ("New Haven", 41.31, -72.92),
            ("Bridgeport", 41.19, -73.20),
            ("Stamford", 41.05, -73.54),
            ("Norwich", 41.52, -72.08),
            ("Waterbury", 41.56, -73.05),
        ],
        area_codes: &[203, 475, 860],
    },
    StateInfo {
        code: "TX",
        zip3: &[(750, 799), (885, 885)],
        cities: &[
            ("Houston", 29.76, -95.37),
            ("Dallas", 32.78, -96.80),
            ("Austin", 30.27, -97.74),
            ("San Antonio", 29.42, -98.49),
            ("El Paso", 31.76, -106.49),
            ("Lubbock", 33.58, -101.86),
            ("Amarillo", 35.22, -101.83),
            ("Corpus Christi", 27.80, -97.40),
            ("Tyler", 32.35, -95.30),
        ],
        area_codes: &[210, 214, 361, 512, 713, 806, 903, 915],
    },
    StateInfo {
        code: "FL",
        zip3: &[(320, 339), (341, 349)],
        cities: &[
            ("Miami", 25.76, -80.19),
            ("Orlando", 28.54, -81.38),
            ("Tampa", 27.95, -82.46),
            ("Jacksonville", 30.33, -81.66),
            ("Tallahassee", 30.44, -84.28),
            ("Pensacola", 30.42, -87.22),
            ("Fort Myers", 26.64, -81.87),
            ("Gainesville", 29.65, -82.32),
        ],
        area_codes: &[239, 305, 352, 407, 813, 850, 904],
    },
    StateInfo {
        code: "IL",
        zip3: &[(600, 629)],
        cities: &[
            ("Chicago", 41.88, -87.63),
            ("Springfield", 39.78, -89.65),
            ("Peoria", 40.69, -89.59),
            ("Rockford", 42.27, -89.09),
            ("Champaign", 40.12, -88.24),
            ("Carbondale", 37.73, -89.22),
        ],
        area_codes: &[217, 309, 312, 773, 815],
    },
    StateInfo {
        code: "KS",
        zip3: &[(660, 679)],
        cities: &[
            ("Wichita", 37.69, -97.34),
            ("Kansas City", 39.11, -94.63),
            ("Topeka", 39.05, -95.68),
            ("Dodge City", 37.75, -100.02),
        ],
        area_codes: &[316, 620, 785, 913],
    },
    StateInfo {
        code: "MN",
        zip3: &[(550, 567)],
        cities: &[
            ("Minneapolis", 44.98, -93.27),
            ("Saint Paul", 44.95, -93.09),
            ("Duluth", 46.79, -92.10),
            ("Rochester", 44.02, -92.47),
            ("Moorhead", 46.87, -96.77),
        ],
        area_codes: &[218, 507, 612, 651],
    },
    StateInfo {
        code: "CA",
        zip3: &[(900, 961)],
        cities: &[
            ("Los Angeles", 34.05, -118.24),
            ("San Francisco", 37.77, -122.42),
            ("San Diego", 32.72, -117.16),
            ("Sacramento", 38.58, -121.49),
            ("Fresno", 36.74, -119.79),
            ("Eureka", 40.80, -124.16),
        ],
        area_codes: &[213, 415, 559, 619, 707, 916],
    },
    StateInfo {
        code: "NY",
        zip3: &[(100, 149)],
        cities: &[
            ("New York", 40.71, -74.01),
            ("Buffalo", 42.89, -78.88),
            ("Albany", 42.65, -73.76),
            ("Rochester", 43.16, -77.61),
            ("Syracuse", 43.05, -76.15),
        ],
        area_codes: &[212, 315, 518, 585, 716],
    },
];

/// The state table entry for a code.
pub(crate) fn state(code: &str) -> Option<&'static StateInfo> {
    STATES.iter().find(|s| s.code == code)
}

/// One ZCTA with its city.
#[derive(Clone, Debug)]
pub(crate) struct Place {
    pub(crate) zip: String,
    pub(crate) city: &'static str,
}

/// ZCTAs per state (same order as [`STATES`]).
pub(crate) struct Places {
    by_state: Vec<Vec<Place>>,
}

impl Places {
    /// Groups the centroids by state; fails when a state has none (a broken centroid table).
    pub(crate) fn new(centroids: &[Centroid]) -> Result<Places, String> {
        let mut by_state: Vec<Vec<Place>> = STATES.iter().map(|_| Vec::new()).collect();
        for c in centroids {
            let Ok(zip3) = c.zip[..3.min(c.zip.len())].parse::<u16>() else { continue };
            if let Some(i) = STATES.iter().position(|s| s.zip3.iter().any(|&(lo, hi)| (lo..=hi).contains(&zip3))) {
                let info = &STATES[i];
                let nearest = info
                    .cities
                    .iter()
                    .min_by(|a, b| {
                        let da = (a.1 - c.lat).powi(2) + (a.2 - c.lon).powi(2);
                        let db = (b.1 - c.lat).powi(2) + (b.2 - c.lon).powi(2);
                        da.total_cmp(&db)
                    })
                    .map_or("", |city| city.0);
                by_state[i].push(Place { zip: c.zip.clone(), city: nearest });
            }
        }
        if let Some(i) = by_state.iter().position(Vec::is_empty) {
            return Err(format!("the centroid table has no ZCTA in {}", STATES[i].code));
        }
        Ok(Places { by_state })
    }

    /// A random place in the state (`code` must be one of [`STATES`]).
    pub(crate) fn pick(&self, rng: &mut Rng, code: &str) -> Place {
        let i = STATES.iter().position(|s| s.code == code).unwrap_or(0);
        rng.pick(&self.by_state[i]).clone()
    }
}

/// A phone number with one of the state's area codes (digits only, as NPPES writes them).
pub(crate) fn phone(rng: &mut Rng, code: &str) -> String {
    let area = state(code).map_or(555, |s| rng.one(s.area_codes));
    format!("{area}{}{:04}", rng.range(200, 989), rng.below(10_000))
}
