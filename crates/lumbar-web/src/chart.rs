//! The plan page's charts, drawn on the server as inline SVG (no JavaScript), and the data
//! table that says the same for screen readers. Pure: numbers in, markup and rows out.
//!
//! - **Average pain per week** ([`trend_svg`]): the baseline (the check that started the
//!   plan, day 0) and every entry's "average pain in the past week", in date order, on a
//!   0–10 scale against the weeks since the baseline. The band of meaningful improvement
//!   (PROGRESS.md §2, Ostelo 2008: at least 2 points *and* at least 30% below the baseline)
//!   is shaded: every whole score at or below [`band_top`]. There is no band when the
//!   baseline is 2 or less (the 2-point rule cannot judge it).
//! - **Right before and right after each session** ([`bars_svg`]): two bars per session
//!   that has both numbers, the last [`MAX_BARS`] sessions. Charted only: immediate relief is
//!   short-lived and the rule never reads it.
//! - **The table** ([`table`]): one row for the baseline and one per entry, in date order,
//!   with whether the value lies in the band.
//!
//! Each SVG has `role="img"` and an `aria-label` the caller writes (in the page language);
//! every text inside is escaped here.

use std::fmt::Write;

use lumbar_core::directory::Date;

/// One logged entry, as the chart reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartEntry {
    /// A massage session (else a check-in).
    pub session: bool,
    /// The day it was logged for.
    pub date: Date,
    /// Average pain in the past week, 0–10.
    pub pain_average_week: u8,
    /// Right before the session, 0–10.
    pub pain_before: Option<u8>,
    /// Right after the session, 0–10.
    pub pain_after: Option<u8>,
}

/// What the charts are drawn from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartInput {
    /// The day of the check that started the plan.
    pub baseline_date: Date,
    /// Its average pain in the past week (PEG "P"), 0–10.
    pub baseline: u8,
    /// The entries, in any order.
    pub entries: Vec<ChartEntry>,
}

/// Width of both charts' view box.
pub const WIDTH: f64 = 640.0;
/// Height of both charts' view box.
pub const HEIGHT: f64 = 300.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;
const PLOT_W: f64 = WIDTH - LEFT - RIGHT;
const PLOT_H: f64 = HEIGHT - TOP - BOTTOM;
/// The shortest time axis, in days (4 weeks), so a new plan is not stretched.
pub const MIN_SPAN_DAYS: i64 = 28;
/// Sessions shown in the before/after chart (the table lists all of them).
pub const MAX_BARS: usize = 12;

const BAND_FILL: &str = "#d7efe0";
const BAND_EDGE: &str = "#1b6e3c";
const LINE: &str = "#1f4e8c";
const BEFORE: &str = "#8a5a00";
const AFTER: &str = "#1f4e8c";
const GRID: &str = "#c9d1d6";
const INK: &str = "#1b1f23";

/// The highest whole score that is a meaningful improvement on `baseline`: at least 2
/// points and at least 30% below it (`B − max(2, ⌈0.3 × B⌉)`); `None` when the baseline is
/// 2 or less, where the rule cannot judge.
pub fn band_top(baseline: u8) -> Option<u8> {
    if baseline <= 2 {
        return None;
    }
    let b = u32::from(baseline);
    let needed = (3 * b).div_ceil(10).max(2);
    u8::try_from(b - needed).ok()
}

/// The entries sorted by date; entries on the same date keep their order (as the rule).
pub fn sorted(input: &ChartInput) -> Vec<ChartEntry> {
    let mut out = input.entries.clone();
    out.sort_by_key(|e| e.date);
    out
}

/// Days from the baseline to `date`.
fn day_of(input: &ChartInput, date: Date) -> i64 {
    date.days_since_epoch() - input.baseline_date.days_since_epoch()
}

/// The time axis's length in days: whole weeks, at least [`MIN_SPAN_DAYS`].
pub fn span_days(input: &ChartInput) -> i64 {
    let last = input.entries.iter().map(|e| day_of(input, e.date)).max().unwrap_or(0).max(0);
    (((last + 6) / 7) * 7).max(MIN_SPAN_DAYS)
}

/// The vertical position of a 0–10 score.
pub fn y_of(score: f64) -> f64 {
    TOP + PLOT_H * (10.0 - score.clamp(0.0, 10.0)) / 10.0
}

/// A point of the trend line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Days since the baseline.
    pub day: i64,
    /// The score.
    pub value: u8,
    /// Horizontal position in the view box.
    pub x: f64,
    /// Vertical position in the view box.
    pub y: f64,
    /// What it is.
    pub kind: RowKind,
}

/// What a point or a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The check that started the plan.
    Baseline,
    /// A massage session.
    Session,
    /// A check-in.
    CheckIn,
}

/// The trend line's points: the baseline first, then the entries by date.
pub fn trend_points(input: &ChartInput) -> Vec<Point> {
    let span = span_days(input) as f64;
    let x_of = |day: i64| LEFT + PLOT_W * (day.max(0) as f64) / span;
    let mut out = vec![Point {
        day: 0,
        value: input.baseline,
        x: x_of(0),
        y: y_of(f64::from(input.baseline)),
        kind: RowKind::Baseline,
    }];
    for e in sorted(input) {
        let day = day_of(input, e.date);
        out.push(Point {
            day,
            value: e.pain_average_week,
            x: x_of(day),
            y: y_of(f64::from(e.pain_average_week)),
            kind: if e.session { RowKind::Session } else { RowKind::CheckIn },
        });
    }
    out
}

/// One session's pair of bars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarPair {
    /// The session's number in the plan (1 = first session), by date.
    pub number: usize,
    /// Its day.
    pub date: Date,
    /// Right before.
    pub before: u8,
    /// Right after.
    pub after: u8,
    /// Left edge of the "before" bar (the "after" bar follows it).
    pub x: f64,
    /// Width of each bar.
    pub width: f64,
}

/// The before/after bars: the sessions with both numbers, the last [`MAX_BARS`] of them.
pub fn session_bars(input: &ChartInput) -> Vec<BarPair> {
    let sessions: Vec<(usize, ChartEntry)> =
        sorted(input).into_iter().filter(|e| e.session).enumerate().map(|(i, e)| (i + 1, e)).collect();
    let with_both: Vec<(usize, Date, u8, u8)> =
        sessions.iter().filter_map(|(n, e)| Some((*n, e.date, e.pain_before?, e.pain_after?))).collect();
    let shown = &with_both[with_both.len().saturating_sub(MAX_BARS)..];
    let slots = shown.len().max(1) as f64;
    let slot = PLOT_W / slots;
    let width = (slot * 0.3).min(28.0);
    shown
        .iter()
        .enumerate()
        .map(|(i, &(number, date, before, after))| BarPair {
            number,
            date,
            before,
            after,
            x: LEFT + slot * i as f64 + slot / 2.0 - width,
            width,
        })
        .collect()
}

/// One row of the data table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The day.
    pub date: Date,
    /// What it is.
    pub kind: RowKind,
    /// Average pain in the past week.
    pub pain_average_week: u8,
    /// Right before the session.
    pub pain_before: Option<u8>,
    /// Right after the session.
    pub pain_after: Option<u8>,
    /// Whether the value is in the band of meaningful improvement (`None`: no band).
    pub in_band: Option<bool>,
}

/// The data table: the baseline, then every entry by date.
pub fn table(input: &ChartInput) -> Vec<Row> {
    let top = band_top(input.baseline);
    let mut out = vec![Row {
        date: input.baseline_date,
        kind: RowKind::Baseline,
        pain_average_week: input.baseline,
        pain_before: None,
        pain_after: None,
        in_band: top.map(|t| input.baseline <= t),
    }];
    out.extend(sorted(input).into_iter().map(|e| Row {
        date: e.date,
        kind: if e.session { RowKind::Session } else { RowKind::CheckIn },
        pain_average_week: e.pain_average_week,
        pain_before: e.pain_before,
        pain_after: e.pain_after,
        in_band: top.map(|t| e.pain_average_week <= t),
    }));
    out
}

/// Escapes text for SVG content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The words drawn in the trend chart, in the page language.
pub struct TrendLabels<'a> {
    /// The `aria-label`: the chart in one or two sentences.
    pub aria: &'a str,
    /// The band's label ("Meaningful improvement: 4 or less").
    pub band: &'a str,
    /// The baseline line's label ("Start: 6").
    pub baseline: &'a str,
    /// A week tick's label ("Week 2").
    pub week: &'a dyn Fn(i64) -> String,
}

fn svg_open(out: &mut String, aria: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"100%\" \
         role=\"img\" aria-label=\"{}\" focusable=\"false\">",
        escape(aria)
    );
}

fn y_grid(out: &mut String) {
    for v in (0..=10).step_by(2) {
        let y = y_of(f64::from(v));
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" text-anchor=\"end\" fill=\"{INK}\">{v}</text>",
            LEFT + PLOT_W,
            LEFT - 8.0,
            y + 4.0
        );
    }
}

/// The trend chart (see the module docs).
pub fn trend_svg(input: &ChartInput, labels: &TrendLabels<'_>) -> String {
    let mut out = String::new();
    svg_open(&mut out, labels.aria);
    if let Some(top) = band_top(input.baseline) {
        let y = y_of(f64::from(top));
        let _ = write!(
            out,
            "<rect x=\"{LEFT}\" y=\"{y:.1}\" width=\"{PLOT_W}\" height=\"{:.1}\" fill=\"{BAND_FILL}\"/>",
            y_of(0.0) - y
        );
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{BAND_EDGE}\" stroke-width=\"1.5\" \
             stroke-dasharray=\"6 4\"/>",
            LEFT + PLOT_W
        );
    }
    y_grid(&mut out);
    if let Some(top) = band_top(input.baseline) {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" fill=\"{BAND_EDGE}\">{}</text>",
            LEFT + 6.0,
            y_of(f64::from(top)) + 16.0,
            escape(labels.band)
        );
    }
    let by = y_of(f64::from(input.baseline));
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{by:.1}\" x2=\"{:.1}\" y2=\"{by:.1}\" stroke=\"{INK}\" stroke-width=\"1\" \
         stroke-dasharray=\"2 3\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" text-anchor=\"end\" fill=\"{INK}\">{}</text>",
        LEFT + PLOT_W,
        LEFT + PLOT_W,
        by - 6.0,
        escape(labels.baseline)
    );
    // week ticks, at most about a dozen labels
    let span = span_days(input);
    let weeks = span / 7;
    let every = (weeks + 11) / 12;
    for w in (0..=weeks).filter(|w| w % every.max(1) == 0) {
        let x = LEFT + PLOT_W * (w * 7) as f64 / span as f64;
        // a label at the right edge ends there instead of running off the picture
        let anchor = if x > LEFT + PLOT_W * 0.95 { "end" } else { "middle" };
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{INK}\" stroke-width=\"1\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"15\" text-anchor=\"{anchor}\" fill=\"{INK}\">{}</text>",
            TOP + PLOT_H,
            TOP + PLOT_H + 5.0,
            TOP + PLOT_H + 22.0,
            escape(&(labels.week)(w))
        );
    }
    let points = trend_points(input);
    let path: Vec<String> = points.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect();
    let _ =
        write!(out, "<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2.5\"/>", path.join(" "));
    for p in &points {
        match p.kind {
            RowKind::Baseline => {
                let _ = write!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{INK}\"/>",
                    p.x - 5.0,
                    p.y - 5.0
                );
            }
            RowKind::Session => {
                let _ = write!(out, "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{LINE}\"/>", p.x, p.y);
            }
            RowKind::CheckIn => {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"#ffffff\" stroke=\"{LINE}\" stroke-width=\"2\"/>",
                    p.x, p.y
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// The words drawn in the before/after chart, in the page language.
pub struct BarLabels<'a> {
    /// The `aria-label`.
    pub aria: &'a str,
    /// The legend's "Right before".
    pub before: &'a str,
    /// The legend's "Right after".
    pub after: &'a str,
    /// A session's label under its bars ("#3").
    pub session: &'a dyn Fn(usize) -> String,
}

/// The before/after chart (see the module docs); `None` when no session has both numbers.
pub fn bars_svg(input: &ChartInput, labels: &BarLabels<'_>) -> Option<String> {
    let bars = session_bars(input);
    if bars.is_empty() {
        return None;
    }
    let mut out = String::new();
    svg_open(&mut out, labels.aria);
    y_grid(&mut out);
    let base = y_of(0.0);
    for b in &bars {
        for (i, (value, fill)) in [(b.before, BEFORE), (b.after, AFTER)].into_iter().enumerate() {
            let y = y_of(f64::from(value));
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>",
                b.x + b.width * i as f64,
                b.width,
                base - y
            );
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
            b.x + b.width,
            base + 18.0,
            escape(&(labels.session)(b.number))
        );
    }
    // legend
    let ly = HEIGHT - 10.0;
    let _ = write!(
        out,
        "<rect x=\"{LEFT}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{BEFORE}\"/>\
         <text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"15\" fill=\"{INK}\">{}</text>\
         <rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{AFTER}\"/>\
         <text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"15\" fill=\"{INK}\">{}</text>",
        ly - 11.0,
        LEFT + 18.0,
        escape(labels.before),
        LEFT + 200.0,
        ly - 11.0,
        LEFT + 218.0,
        escape(labels.after)
    );
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("date {s}"))
    }

    fn session(date: &str, avg: u8, before: Option<u8>, after: Option<u8>) -> ChartEntry {
        ChartEntry { session: true, date: d(date), pain_average_week: avg, pain_before: before, pain_after: after }
    }

    fn check_in(date: &str, avg: u8) -> ChartEntry {
        ChartEntry { session: false, date: d(date), pain_average_week: avg, pain_before: None, pain_after: None }
    }

    fn sample() -> ChartInput {
        ChartInput {
            baseline_date: d("2026-12-01"),
            baseline: 6,
            // out of order on purpose: the chart sorts by date
            entries: vec![check_in("2026-12-15", 5), session("2026-12-08", 6, Some(6), Some(3))],
        }
    }

    #[test]
    fn the_band_is_two_points_and_thirty_percent_below_the_baseline() {
        assert_eq!(band_top(0), None);
        assert_eq!(band_top(2), None, "the 2-point rule cannot judge a baseline of 2");
        assert_eq!(band_top(3), Some(1));
        assert_eq!(band_top(4), Some(2));
        assert_eq!(band_top(6), Some(4));
        assert_eq!(band_top(7), Some(4), "7 − 3 (30% of 7 is 2.1, rounded up)");
        assert_eq!(band_top(9), Some(6));
        assert_eq!(band_top(10), Some(7));
    }

    #[test]
    fn the_band_agrees_with_the_progress_rule() {
        for b in 3..=10u8 {
            for c in 0..=10u8 {
                let log = serde_json::json!({
                    "baseline": {"date": "2026-12-01", "pain_average_week": b},
                    "entries": [{"kind": "check_in", "date": "2026-12-08", "pain_average_week": c,
                                 "new_warning_sign": false}]
                });
                let input = lumbar_core::progress::ProgressInput::from_json(&log).unwrap_or_else(|e| panic!("{e}"));
                let meaningful = lumbar_core::progress::assess(&input).meaningful_improvement;
                assert_eq!(band_top(b).is_some_and(|t| c <= t), meaningful, "B = {b}, C = {c}");
            }
        }
    }

    #[test]
    fn points_sit_on_the_scale_and_the_weeks() {
        let input = sample();
        assert_eq!(span_days(&input), 28, "two weeks of entries still draw four weeks");
        let p = trend_points(&input);
        let got: Vec<(i64, u8, f64, f64, RowKind)> = p.iter().map(|p| (p.day, p.value, p.x, p.y, p.kind)).collect();
        // x = 44 + 580 × day / 28; y = 16 + 240 × (10 − value) / 10
        assert_eq!(
            got,
            vec![
                (0, 6, 44.0, 112.0, RowKind::Baseline),
                (7, 6, 189.0, 112.0, RowKind::Session),
                (14, 5, 334.0, 136.0, RowKind::CheckIn),
            ]
        );
        assert_eq!(y_of(10.0), 16.0);
        assert_eq!(y_of(0.0), 256.0);
    }

    #[test]
    fn the_axis_grows_by_whole_weeks() {
        let mut input = sample();
        input.entries.push(check_in("2026-12-31", 4)); // day 30
        assert_eq!(span_days(&input), 35);
        let last = trend_points(&input).last().map(|p| p.x).unwrap_or_default();
        assert!((last - (44.0 + 580.0 * 30.0 / 35.0)).abs() < 1e-9, "{last}");
    }

    #[test]
    fn bars_are_the_sessions_with_both_numbers() {
        let mut input = sample();
        input.entries.push(session("2026-12-20", 5, Some(5), None)); // no "after": not drawn
        input.entries.push(session("2026-12-22", 5, Some(7), Some(2)));
        let bars = session_bars(&input);
        // two slots of 290: width = min(87, 28) = 28; x = 44 + 290 × i + 145 − 28
        assert_eq!(
            bars,
            vec![
                BarPair { number: 1, date: d("2026-12-08"), before: 6, after: 3, x: 161.0, width: 28.0 },
                BarPair { number: 3, date: d("2026-12-22"), before: 7, after: 2, x: 451.0, width: 28.0 },
            ]
        );
        let labels =
            BarLabels { aria: "Before & after", before: "Before", after: "After", session: &|n| format!("#{n}") };
        let svg = bars_svg(&input, &labels).unwrap_or_default();
        assert!(svg.contains("role=\"img\" aria-label=\"Before &amp; after\""), "{svg}");
        assert!(svg.contains(">#3<"));
        assert_eq!(bars_svg(&ChartInput { entries: vec![], ..sample() }, &labels), None);
    }

    #[test]
    fn only_the_last_sessions_are_drawn() {
        let mut input = sample();
        input.entries = (1..=15).map(|i| session(&format!("2026-12-{:02}", i + 1), 5, Some(5), Some(3))).collect();
        let bars = session_bars(&input);
        assert_eq!(bars.len(), MAX_BARS);
        assert_eq!(bars.first().map(|b| b.number), Some(4));
        assert_eq!(bars.last().map(|b| b.number), Some(15));
    }

    #[test]
    fn the_table_says_what_the_chart_shows() {
        let rows = table(&sample());
        assert_eq!(
            rows,
            vec![
                Row {
                    date: d("2026-12-01"),
                    kind: RowKind::Baseline,
                    pain_average_week: 6,
                    pain_before: None,
                    pain_after: None,
                    in_band: Some(false)
                },
                Row {
                    date: d("2026-12-08"),
                    kind: RowKind::Session,
                    pain_average_week: 6,
                    pain_before: Some(6),
                    pain_after: Some(3),
                    in_band: Some(false)
                },
                Row {
                    date: d("2026-12-15"),
                    kind: RowKind::CheckIn,
                    pain_average_week: 5,
                    pain_before: None,
                    pain_after: None,
                    in_band: Some(false)
                },
            ]
        );
        let low = ChartInput { baseline: 2, ..sample() };
        assert!(table(&low).iter().all(|r| r.in_band.is_none()), "no band on a low baseline");
        let better = ChartInput { entries: vec![check_in("2026-12-08", 4)], ..sample() };
        assert_eq!(table(&better).last().and_then(|r| r.in_band), Some(true));
    }

    #[test]
    fn the_trend_svg_is_labelled_and_escaped() {
        let labels = TrendLabels {
            aria: "Pain <from> 6 to 5",
            band: "Meaningful improvement: 4 or less",
            baseline: "Start: 6",
            week: &|w| format!("W{w}"),
        };
        let svg = trend_svg(&sample(), &labels);
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert!(svg.contains("role=\"img\" aria-label=\"Pain &lt;from&gt; 6 to 5\""));
        assert!(svg.contains("points=\"44.0,112.0 189.0,112.0 334.0,136.0\""), "{svg}");
        // the band: from y(4) = 160 down to y(0) = 256
        assert!(svg.contains("<rect x=\"44\" y=\"160.0\" width=\"580\" height=\"96.0\""), "{svg}");
        for w in 0..=4 {
            assert!(svg.contains(&format!(">W{w}<")), "week {w}");
        }
        assert!(!svg.contains("<script"));
        let low = trend_svg(&ChartInput { baseline: 2, ..sample() }, &labels);
        assert!(!low.contains("Meaningful improvement"), "no band on a low baseline");
    }
}
