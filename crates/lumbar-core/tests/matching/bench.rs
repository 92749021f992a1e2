//! A timing report, not an assertion: 1,000,000 synthetic candidates around ~30,000 points
//! over the continental US, 10,000 random queries of radius 10–50 miles.
//!
//! `cargo test --release -p lumbar-core --test matching -- --ignored --nocapture bench`

use std::time::Instant;

use lumbar_core::matching::{GeoIndex, MassageStyle, Needs, Query, synthetic_candidates};

/// SplitMix64.
fn next(s: &mut u64) -> u64 {
    *s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *s;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn unit(s: &mut u64) -> f64 {
    (next(s) >> 11) as f64 / (1u64 << 53) as f64
}

/// Large metro areas (lat, lon, relative population).
const METROS: &[(f64, f64, f64)] = &[
    (40.71, -74.01, 19.5),
    (34.05, -118.24, 13.0),
    (41.88, -87.63, 9.4),
    (32.78, -96.80, 7.6),
    (29.76, -95.37, 7.1),
    (38.91, -77.04, 6.3),
    (25.76, -80.19, 6.1),
    (39.95, -75.17, 6.2),
    (33.75, -84.39, 6.1),
    (42.36, -71.06, 4.9),
    (33.45, -112.07, 4.9),
    (37.77, -122.42, 4.7),
    (34.05, -117.29, 4.6),
    (42.33, -83.05, 4.4),
    (47.61, -122.33, 4.0),
    (44.98, -93.27, 3.7),
    (32.72, -117.16, 3.3),
    (27.95, -82.46, 3.2),
    (39.74, -104.99, 3.0),
    (38.63, -90.20, 2.8),
    (39.29, -76.61, 2.8),
    (35.23, -80.84, 2.7),
    (28.54, -81.38, 2.7),
    (29.42, -98.49, 2.6),
    (45.52, -122.68, 2.5),
    (38.58, -121.49, 2.4),
    (40.44, -80.00, 2.4),
    (36.17, -115.14, 2.3),
    (30.27, -97.74, 2.3),
    (39.10, -84.51, 2.2),
    (39.10, -94.58, 2.2),
    (39.96, -83.00, 2.1),
    (39.77, -86.16, 2.1),
    (41.50, -81.69, 2.1),
    (37.34, -121.89, 2.0),
    (36.16, -86.78, 2.0),
];

/// ~30,000 points: 60 % around metros (by population), 40 % spread over the continental US.
fn centers(seed: u64) -> Vec<(f64, f64)> {
    let mut s = seed;
    let total: f64 = METROS.iter().map(|m| m.2).sum();
    (0..30_000)
        .map(|_| {
            if unit(&mut s) < 0.6 {
                let mut x = unit(&mut s) * total;
                let m = METROS.iter().find(|m| {
                    x -= m.2;
                    x < 0.0
                });
                let m = m.unwrap_or(&METROS[0]);
                // a metro spreads over ~40 miles
                let r = 0.6 * unit(&mut s).sqrt();
                let a = std::f64::consts::TAU * unit(&mut s);
                (m.0 + r * a.sin(), m.1 + r * a.cos() / m.0.to_radians().cos())
            } else {
                (25.0 + 24.0 * unit(&mut s), -124.0 + 57.0 * unit(&mut s))
            }
        })
        .collect()
}

#[test]
#[ignore = "timing report; run in release with --ignored --nocapture"]
fn bench_national_directory() {
    let centers = centers(7);
    let t = Instant::now();
    let cands = synthetic_candidates(1_000_000, 42, &centers);
    let gen_time = t.elapsed();
    let t = Instant::now();
    let index = GeoIndex::build(cands);
    let build = t.elapsed();
    println!(
        "generate {:.0} ms, build {:.0} ms, {} candidates, memory {:.1} MB",
        gen_time.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3,
        index.len(),
        index.memory_bytes() as f64 / 1e6
    );
    let screened = Needs {
        advisable_now: true,
        styles: vec![MassageStyle::Swedish],
        precautions: vec!["light_pressure".into(), "no_deep_tissue".into()],
        pregnant: false,
    };
    let cases = [
        ("no screening", None, false, false),
        ("screened (no_deep_tissue)", Some(screened.clone()), false, false),
        ("filters (es, ≤$100, swedish)", None, true, false),
        ("densest: New York, 50 mi, screened", Some(screened), false, true),
    ];
    for (label, needs, filters, dense) in cases {
        let mut s = 99u64;
        let mut times = Vec::with_capacity(10_000);
        let mut found = 0usize;
        for i in 0..10_000 {
            // users are where the therapists are: a random center, jittered
            let c = centers[(next(&mut s) % centers.len() as u64) as usize];
            let c = if dense { (40.71 + 0.3 * (unit(&mut s) - 0.5), -74.01 + 0.3 * (unit(&mut s) - 0.5)) } else { c };
            let mut q = Query::near(
                c.0 + 0.05 * (unit(&mut s) - 0.5),
                c.1 + 0.05 * (unit(&mut s) - 0.5),
                10.0 + 40.0 * unit(&mut s),
            );
            if dense {
                q.radius_miles = 50.0;
            }
            q.needs = needs.clone();
            q.include_unverified = i % 4 == 0;
            if filters {
                q.language = Some("es".into());
                q.max_price_usd = Some(100);
                q.style = Some(MassageStyle::Swedish);
            }
            let t = Instant::now();
            let out = index.search(&q);
            times.push(t.elapsed().as_secs_f64() * 1e6);
            found += out.results().len();
        }
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
        println!(
            "{label}: p50 {:.0} µs, p90 {:.0} µs, p99 {:.0} µs, max {:.0} µs, mean results {:.1}",
            pct(0.5),
            pct(0.9),
            pct(0.99),
            pct(1.0),
            found as f64 / times.len() as f64
        );
    }
}
