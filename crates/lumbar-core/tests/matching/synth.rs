//! The synthetic directory used by benchmarks.

use lumbar_core::directory::VerificationStatus as V;
use lumbar_core::matching::{MassageStyle, haversine_miles, synthetic_candidates};

use super::*;

#[test]
fn synthetic_candidates_are_deterministic_and_realistic() {
    let centers = [PORTLAND, SEATTLE, (40.7128, -74.0060), (29.7604, -95.3698), (39.1, -94.6)];
    let a = synthetic_candidates(20_000, 42, &centers);
    assert_eq!(a, synthetic_candidates(20_000, 42, &centers));
    assert_ne!(a, synthetic_candidates(20_000, 43, &centers));
    assert_eq!(a.len(), 20_000);
    assert!(a.iter().enumerate().all(|(i, c)| c.id == i as i64 + 1));
    assert!(a.iter().all(|c| centers.iter().any(|p| haversine_miles(p.0, p.1, c.lat, c.lon) <= 3.01)));
    let share = |f: &dyn Fn(&lumbar_core::matching::Candidate) -> bool| {
        a.iter().filter(|c| f(c)).count() as f64 / a.len() as f64
    };
    let verified = share(&|c| c.license == Some(V::VerifiedActive));
    assert!((0.75..0.9).contains(&verified), "{verified}");
    assert!(share(&|c| c.styles.contains(&MassageStyle::Prenatal)) > 0.1);
    assert!(share(&|c| c.styles == [MassageStyle::DeepTissue]) > 0.02);
    assert!(share(&|c| c.languages.iter().any(|l| l == "es")) > 0.1);
    assert!(share(&|c| c.price_min_usd.is_none()) > 0.05);
    assert!(share(&|c| c.reviews > 50) > 0.05);
    assert!(share(&|c| !c.insurance.is_empty()) > 0.1);
    // the practice state is roughly right
    let seattle = a.iter().find(|c| haversine_miles(SEATTLE.0, SEATTLE.1, c.lat, c.lon) < 3.1).unwrap();
    assert_eq!(seattle.practice_state.as_str(), "WA");
    assert!(synthetic_candidates(10, 1, &[]).is_empty());
}
