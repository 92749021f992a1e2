//! Timestamps as text, from the system clock (UTC), without a date-time dependency.

use lumbar_core::directory::Date;

/// Now as RFC 3339 UTC (`2026-11-25T12:00:00Z`).
pub fn now_rfc3339() -> String {
    let s = i64::try_from(lumbar_store::Clock::System.unix_secs()).unwrap_or(0);
    let d = Date::from_days_since_epoch(s.div_euclid(86_400));
    let t = s.rem_euclid(86_400);
    format!("{d}T{:02}:{:02}:{:02}Z", t / 3600, t % 3600 / 60, t % 60)
}
