//! Distances and the grid at its edges: state lines, the antimeridian, the poles.

use lumbar_core::matching::{GeoIndex, haversine_miles};

use super::*;

#[test]
fn haversine_known_distances() {
    let d = haversine_miles(SEATTLE.0, SEATTLE.1, PORTLAND.0, PORTLAND.1);
    assert!((d - 145.0).abs() <= 2.0, "Seattle–Portland {d}");
    // New York – Los Angeles, about 2,445 miles
    let d = haversine_miles(40.7128, -74.0060, 34.0522, -118.2437);
    assert!((d - 2445.0).abs() <= 5.0, "NYC–LA {d}");
    // one degree of latitude is 69.09 miles on a sphere of radius 3958.8
    assert!((haversine_miles(45.0, 0.0, 46.0, 0.0) - 69.093).abs() < 0.01);
    // half the circumference between antipodes
    assert!((haversine_miles(0.0, 0.0, 0.0, 180.0) - std::f64::consts::PI * 3958.8).abs() < 1e-6);
    assert_eq!(haversine_miles(PORTLAND.0, PORTLAND.1, PORTLAND.0, PORTLAND.1), 0.0);
    let (a, b) = (haversine_miles(10.0, 20.0, 30.0, 40.0), haversine_miles(30.0, 40.0, 10.0, 20.0));
    assert!((a - b).abs() < 1e-9);
}

#[test]
fn cross_state_radius_finds_the_neighbouring_state() {
    let mut wa = cand(1, VANCOUVER_WA);
    wa.practice_state = state("WA");
    let index = GeoIndex::build(vec![wa]);
    let r = results(&index, &near(PORTLAND, 10.0));
    assert_eq!(ids(&r), [1]);
    let want = (haversine_miles(PORTLAND.0, PORTLAND.1, VANCOUVER_WA.0, VANCOUVER_WA.1) * 100.0).round() / 100.0;
    assert_eq!(r[0].distance_miles, want);
    assert!(why_has(&r[0], "license verified active in WA"));
    assert!(search_ids(&index, &near(PORTLAND, 8.0)).is_empty());
}

#[test]
fn searches_across_the_antimeridian() {
    // Aleutian Islands: Adak is at 176.6° W; put therapists on both sides of 180°
    let index = GeoIndex::build(vec![cand(1, (51.9, 179.95)), cand(2, (51.9, -179.95)), cand(3, (51.9, 178.0))]);
    let mut r = search_ids(&index, &near((51.9, -179.99), 10.0));
    r.sort();
    assert_eq!(r, [1, 2]);
    assert_eq!(search_ids(&index, &near((51.9, 179.99), 2.0)), [1]);
    // a longitude written past 180 is the same place
    let index = GeoIndex::build(vec![cand(4, (51.9, 180.05))]);
    assert_eq!(search_ids(&index, &near((51.9, -179.95), 1.0)), [4]);
}

#[test]
fn searches_near_a_pole() {
    let index = GeoIndex::build(vec![cand(1, (89.95, 0.0)), cand(2, (89.95, 179.0)), cand(3, (88.0, 90.0))]);
    let mut r = search_ids(&index, &near((89.99, -90.0), 10.0));
    r.sort();
    assert_eq!(r, [1, 2]);
    let mut r = search_ids(&index, &near((90.0, 0.0), 200.0));
    r.sort();
    assert_eq!(r, [1, 2, 3]);
}

#[test]
fn impossible_positions_are_not_indexed_and_bad_queries_find_nothing() {
    let index = GeoIndex::build(vec![cand(1, (f64::NAN, 0.0)), cand(2, (95.0, 0.0)), cand(3, PORTLAND)]);
    assert_eq!(index.len(), 1);
    assert!(index.memory_bytes() > 0);
    assert!(search_ids(&index, &near((f64::NAN, 0.0), 10.0)).is_empty());
    assert!(search_ids(&index, &near(PORTLAND, -1.0)).is_empty());
    assert!(search_ids(&index, &near(PORTLAND, f64::INFINITY)).is_empty());
    assert_eq!(search_ids(&index, &near(PORTLAND, 0.0)), [3]);
}
