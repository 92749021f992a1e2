//! Every row of the status table (PROGRESS.md §2) and each boundary, from hand-written cases:
//! the 2-point and 30% thresholds, `C − B = 2`, `B ≤ 2`, `n = 3` against `n = 4`, a warning
//! sign only on an earlier entry, entries on the same date, check-ins that are not sessions,
//! `B = 0`, and `pain_before` / `pain_after` that the rule never reads.

use lumbar_core::progress::{ProgressOutcome, Status};
use serde_json::{Value, json};

use super::outcome;

/// A session on day `day` of December 2026: average pain `pain`, warning sign `warning`.
fn s(day: u32, pain: u8, warning: bool) -> Value {
    json!({"kind": "session", "date": format!("2026-12-{day:02}"), "pain_average_week": pain, "new_warning_sign": warning})
}

/// A check-in on day `day` of December 2026.
fn c(day: u32, pain: u8, warning: bool) -> Value {
    json!({"kind": "check_in", "date": format!("2026-12-{day:02}"), "pain_average_week": pain, "new_warning_sign": warning})
}

/// A log whose baseline is 2026-12-01 with average pain `b`.
fn log(b: u8, entries: &[Value]) -> Value {
    json!({"baseline": {"date": "2026-12-01", "pain_average_week": b}, "entries": entries})
}

/// The expected outcome, field by field in the contract's order.
fn want(
    status: Status,
    baseline: u8,
    current: u8,
    change: i8,
    change_pct: f64,
    sessions: u32,
    meaningful_improvement: bool,
) -> ProgressOutcome {
    ProgressOutcome { status, baseline, current, change, change_pct, sessions, meaningful_improvement }
}

/// Checks every case and reports all that differ.
fn check(cases: &[(&str, Value, ProgressOutcome)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, log, expected)| {
            let got = outcome(log);
            (got != *expected).then(|| format!("{name}:\n  got      {got:?}\n  expected {expected:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use Status::{Improving, LowPain, NotHelping, StopWarningSign, TooEarly, Worsening};

#[test]
fn row_1_stop_warning_sign_at_the_latest_entry() {
    check(&[
        (
            "warning at the latest entry, while improving",
            log(6, &[s(3, 5, false), c(6, 4, true)]),
            want(StopWarningSign, 6, 4, 2, 33.3, 1, true),
        ),
        (
            "warning at the latest entry comes before worsening",
            log(5, &[s(3, 8, true)]),
            want(StopWarningSign, 5, 8, -3, -60.0, 1, false),
        ),
        (
            "warning at the latest entry with a low baseline",
            log(1, &[s(3, 1, true)]),
            want(StopWarningSign, 1, 1, 0, 0.0, 1, false),
        ),
        (
            "warning only on an earlier entry: the latest re-screen is the current truth",
            log(6, &[s(3, 6, true), s(10, 4, false)]),
            want(Improving, 6, 4, 2, 33.3, 2, true),
        ),
        (
            "warning only on an earlier entry, nothing else applies",
            log(6, &[s(3, 6, true), s(10, 6, false)]),
            want(TooEarly, 6, 6, 0, 0.0, 2, false),
        ),
        (
            "the latest by date carries the warning though it is listed first",
            log(6, &[c(20, 5, true), s(3, 6, false), s(10, 5, false)]),
            want(StopWarningSign, 6, 5, 1, 16.7, 2, false),
        ),
    ]);
}

#[test]
fn row_2_worsening_from_two_points_worse() {
    check(&[
        ("C − B = 2", log(5, &[s(3, 6, false), s(10, 7, false)]), want(Worsening, 5, 7, -2, -40.0, 2, false)),
        ("C − B = 1 is not worsening", log(5, &[s(3, 6, false)]), want(TooEarly, 5, 6, -1, -20.0, 1, false)),
        ("C − B = 2 from 8 to 10", log(8, &[c(3, 10, false)]), want(Worsening, 8, 10, -2, -25.0, 0, false)),
        ("worsening comes before low_pain", log(2, &[s(3, 4, false)]), want(Worsening, 2, 4, -2, -100.0, 1, false)),
        (
            "worsening comes before not_helping",
            log(4, &[s(3, 4, false), s(10, 5, false), s(17, 5, false), s(24, 6, false)]),
            want(Worsening, 4, 6, -2, -50.0, 4, false),
        ),
        (
            "worse at an earlier entry but not at the latest",
            log(5, &[s(3, 9, false), s(10, 6, false)]),
            want(TooEarly, 5, 6, -1, -20.0, 2, false),
        ),
    ]);
}

#[test]
fn row_3_low_pain_when_the_baseline_is_two_or_less() {
    check(&[
        ("B = 2", log(2, &[s(3, 2, false)]), want(LowPain, 2, 2, 0, 0.0, 1, false)),
        (
            "B = 2 down to 0 is meaningful, but low_pain comes first",
            log(2, &[s(3, 1, false), s(10, 0, false), s(17, 0, false), s(24, 0, false)]),
            want(LowPain, 2, 0, 2, 100.0, 4, true),
        ),
        ("B = 2 up by 1", log(2, &[s(3, 3, false)]), want(LowPain, 2, 3, -1, -50.0, 1, false)),
        ("B = 1", log(1, &[]), want(LowPain, 1, 1, 0, 0.0, 0, false)),
        ("B = 3 is judged: 2 points is 66.7%", log(3, &[s(3, 1, false)]), want(Improving, 3, 1, 2, 66.7, 1, true)),
    ]);
}

#[test]
fn b_zero_gives_a_change_pct_of_zero() {
    check(&[
        ("B = 0, no entries", log(0, &[]), want(LowPain, 0, 0, 0, 0.0, 0, false)),
        ("B = 0, up by 1", log(0, &[s(3, 1, false)]), want(LowPain, 0, 1, -1, 0.0, 1, false)),
        ("B = 0, up by 2", log(0, &[s(3, 2, false)]), want(Worsening, 0, 2, -2, 0.0, 1, false)),
    ]);
}

#[test]
fn row_4_improving_needs_two_points_and_thirty_percent() {
    check(&[
        ("B = 6, change 2 = 33.3%: meaningful", log(6, &[s(3, 4, false)]), want(Improving, 6, 4, 2, 33.3, 1, true)),
        (
            "B = 7, change 2 = 28.6%: not meaningful",
            log(7, &[s(3, 6, false), s(10, 5, false)]),
            want(TooEarly, 7, 5, 2, 28.6, 2, false),
        ),
        (
            "B = 7, change 2, four sessions: not helping",
            log(7, &[s(3, 7, false), s(10, 6, false), s(17, 6, false), s(24, 5, false)]),
            want(NotHelping, 7, 5, 2, 28.6, 4, false),
        ),
        ("B = 7, change 3 = 42.9%", log(7, &[s(3, 4, false)]), want(Improving, 7, 4, 3, 42.9, 1, true)),
        ("B = 10, change 3 = 30.0% exactly", log(10, &[s(3, 7, false)]), want(Improving, 10, 7, 3, 30.0, 1, true)),
        ("B = 10, change 2 = 20.0%", log(10, &[s(3, 8, false)]), want(TooEarly, 10, 8, 2, 20.0, 1, false)),
        ("B = 9, change 2 = 22.2%", log(9, &[s(3, 7, false)]), want(TooEarly, 9, 7, 2, 22.2, 1, false)),
        ("B = 4, change 1 = 25.0%", log(4, &[s(3, 3, false)]), want(TooEarly, 4, 3, 1, 25.0, 1, false)),
        (
            "B = 3, change 1 = 33.3% but under 2 points",
            log(3, &[s(3, 2, false)]),
            want(TooEarly, 3, 2, 1, 33.3, 1, false),
        ),
        ("B = 8, change 8 = 100.0%", log(8, &[c(3, 0, false)]), want(Improving, 8, 0, 8, 100.0, 0, true)),
        ("B = 6, change 1 = 16.7%", log(6, &[s(3, 5, false)]), want(TooEarly, 6, 5, 1, 16.7, 1, false)),
    ]);
}

#[test]
fn row_5_not_helping_from_the_fourth_session() {
    check(&[
        (
            "n = 3 without a meaningful improvement: too early",
            log(6, &[s(3, 6, false), s(10, 5, false), s(17, 5, false)]),
            want(TooEarly, 6, 5, 1, 16.7, 3, false),
        ),
        (
            "n = 4 without a meaningful improvement: not helping",
            log(6, &[s(3, 6, false), s(10, 5, false), s(17, 5, false), s(24, 5, false)]),
            want(NotHelping, 6, 5, 1, 16.7, 4, false),
        ),
        (
            "n = 5 with a meaningful improvement: improving",
            log(6, &[s(3, 6, false), s(10, 6, false), s(17, 5, false), s(24, 5, false), s(31, 4, false)]),
            want(Improving, 6, 4, 2, 33.3, 5, true),
        ),
    ]);
}

#[test]
fn check_ins_do_not_count_as_sessions() {
    check(&[
        (
            "three sessions and three check-ins",
            log(
                6,
                &[s(3, 6, false), c(5, 6, false), s(10, 6, false), c(12, 6, false), s(17, 6, false), c(19, 6, false)],
            ),
            want(TooEarly, 6, 6, 0, 0.0, 3, false),
        ),
        (
            "four check-ins only",
            log(6, &[c(3, 6, false), c(10, 6, false), c(17, 6, false), c(24, 6, false)]),
            want(TooEarly, 6, 6, 0, 0.0, 0, false),
        ),
        (
            "a check-in is still the latest entry",
            log(6, &[s(3, 6, false), c(10, 4, false)]),
            want(Improving, 6, 4, 2, 33.3, 1, true),
        ),
    ]);
}

#[test]
fn row_6_too_early_otherwise() {
    check(&[
        ("no entries", log(6, &[]), want(TooEarly, 6, 6, 0, 0.0, 0, false)),
        ("one session, no change", log(5, &[s(3, 5, false)]), want(TooEarly, 5, 5, 0, 0.0, 1, false)),
    ]);
}

#[test]
fn entries_are_sorted_by_date_and_same_date_entries_keep_their_order() {
    check(&[
        (
            "out of order: the latest by date counts",
            log(7, &[s(21, 4, false), s(3, 7, false), s(10, 6, false)]),
            want(Improving, 7, 4, 3, 42.9, 3, true),
        ),
        (
            "same date: the one given last is the latest",
            log(6, &[s(10, 3, false), c(10, 6, false)]),
            want(TooEarly, 6, 6, 0, 0.0, 1, false),
        ),
        (
            "same date, the other order",
            log(6, &[c(10, 6, false), s(10, 3, false)]),
            want(Improving, 6, 3, 3, 50.0, 1, true),
        ),
        (
            "same date after an earlier date given between them",
            log(6, &[s(10, 5, false), s(3, 2, false), c(10, 4, false)]),
            want(Improving, 6, 4, 2, 33.3, 2, true),
        ),
        (
            "same date: a warning on the one given first is not the latest",
            log(6, &[s(10, 4, true), c(10, 4, false)]),
            want(Improving, 6, 4, 2, 33.3, 1, true),
        ),
        (
            "same date: a warning on the one given last is the latest",
            log(6, &[c(10, 4, false), s(10, 4, true)]),
            want(StopWarningSign, 6, 4, 2, 33.3, 1, true),
        ),
        ("an entry on the baseline's own date", log(6, &[s(1, 5, false)]), want(TooEarly, 6, 5, 1, 16.7, 1, false)),
        (
            "across a month end",
            json!({"baseline": {"date": "2026-12-20", "pain_average_week": 6}, "entries": [
                {"kind": "session", "date": "2027-01-02", "pain_average_week": 4, "new_warning_sign": false},
                {"kind": "session", "date": "2026-12-28", "pain_average_week": 6, "new_warning_sign": false}
            ]}),
            want(Improving, 6, 4, 2, 33.3, 2, true),
        ),
    ]);
}

#[test]
fn pain_before_and_after_a_session_are_never_read_by_the_rule() {
    let mut entry = s(3, 6, false);
    entry["pain_before"] = json!(9);
    entry["pain_after"] = json!(0);
    check(&[("immediate relief only", log(6, &[entry]), want(TooEarly, 6, 6, 0, 0.0, 1, false))]);
}

#[test]
fn a_long_log_keeps_the_input_order_within_each_date() {
    // 66 entries on three dates, given interleaved; each date's average pains, in input
    // order, are 0, 1, …, 10, 0, 1, …, 10 — a sort that is not stable would shuffle them.
    let days = [17, 3, 10];
    let mut entries = Vec::new();
    for i in 0..66u8 {
        entries.push(s(days[usize::from(i % 3)], (i / 3) % 11, false));
    }
    let input = super::input(&log(6, &entries));
    let sorted: Vec<(String, u8)> =
        input.sorted_entries().iter().map(|e| (e.date.to_string(), e.pain_average_week.get())).collect();
    let mut expected = Vec::new();
    for day in ["2026-12-03", "2026-12-10", "2026-12-17"] {
        for pain in (0..=10).chain(0..=10) {
            expected.push((day.to_owned(), pain));
        }
    }
    assert_eq!(sorted, expected);
    // the latest is the last entry given for 2026-12-17: average pain 10
    assert_eq!(super::outcome(&log(6, &entries)), want(Worsening, 6, 10, -4, -66.7, 66, false));
}
