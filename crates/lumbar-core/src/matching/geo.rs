//! Great-circle geometry: the haversine distance and the small helpers the grid needs to
//! cover a search circle exactly.

/// Mean Earth radius, miles.
pub const EARTH_RADIUS_MILES: f64 = 3958.8;

/// Great-circle distance in miles between two points given in degrees (haversine formula,
/// Earth radius [`EARTH_RADIUS_MILES`]).
pub fn haversine_miles(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_MILES * h.clamp(0.0, 1.0).sqrt().asin()
}

/// Rounds to two decimals (the precision distances are shown, compared and ranked with).
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The unit vector of a point on the sphere.
pub(crate) fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (p, l) = (lat.to_radians(), lon.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

/// The largest longitude difference (radians) from the centre `(phi0, _)` reached by the
/// spherical cap of angular radius `theta` at latitudes in `[a, b]` (radians). `None` when
/// no latitude in the band is inside the cap; `Some(PI)` when the band wraps all the way
/// round (the cap holds a pole, or the centre is at one).
pub(crate) fn cap_lon_half_width(phi0: f64, theta: f64, a: f64, b: f64) -> Option<f64> {
    use std::f64::consts::{FRAC_PI_2, PI};
    let lo = a.max(phi0 - theta);
    let hi = b.min(phi0 + theta);
    if lo > hi {
        return None;
    }
    if phi0 + theta >= FRAC_PI_2 || phi0 - theta <= -FRAC_PI_2 || phi0.cos() < 1e-12 {
        return Some(PI);
    }
    // Δλ(φ) = acos((cos θ − sin φ sin φ0) / (cos φ cos φ0)) grows up to the latitude where the
    // cap is widest, φc = asin(sin φ0 / cos θ), and falls after: its maximum over [lo, hi] is
    // at φc when inside, else at the end nearest to φc.
    let phic = (phi0.sin() / theta.cos()).clamp(-1.0, 1.0).asin();
    let phi = phic.clamp(lo, hi);
    let denom = phi.cos() * phi0.cos();
    if denom < 1e-12 {
        return Some(PI);
    }
    let arg = (theta.cos() - phi.sin() * phi0.sin()) / denom;
    Some(if arg <= -1.0 { PI } else { arg.min(1.0).acos() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_width_matches_brute_force() {
        for &(lat0, r) in &[(45.0f64, 50.0f64), (25.0, 10.0), (64.0, 50.0), (-14.0, 30.0), (0.0, 5.0)] {
            let theta = r / EARTH_RADIUS_MILES;
            let phi0 = lat0.to_radians();
            let a = (lat0 - 0.3).to_radians();
            let b = (lat0 + 0.1).to_radians();
            let w = cap_lon_half_width(phi0, theta, a, b).unwrap();
            // brute force: the widest longitude at which some latitude in [a, b] is within r
            let mut best = 0.0f64;
            for i in 0..=400 {
                let lat = (lat0 - 0.3) + 0.4 * f64::from(i) / 400.0;
                let mut lo = 0.0f64;
                let mut hi = 10.0f64;
                for _ in 0..60 {
                    let mid = (lo + hi) / 2.0;
                    if haversine_miles(lat0, 0.0, lat, mid) <= r { lo = mid } else { hi = mid }
                }
                if haversine_miles(lat0, 0.0, lat, lo) <= r {
                    best = best.max(lo);
                }
            }
            assert!((w.to_degrees() - best).abs() < 1e-6, "{lat0} {r}: {} vs {best}", w.to_degrees());
        }
    }
}
