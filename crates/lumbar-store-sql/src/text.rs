//! Timestamps as text, from the system clock (UTC), without a date-time dependency.

use lumbar_core::directory::Date;

fn now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// Now as RFC 3339 UTC (`2026-11-25T12:00:00Z`).
pub fn now_rfc3339() -> String {
    let s = now_secs();
    let d = Date::from_days_since_epoch(s.div_euclid(86_400));
    let t = s.rem_euclid(86_400);
    format!("{d}T{:02}:{:02}:{:02}Z", t / 3600, t % 3600 / 60, t % 60)
}
