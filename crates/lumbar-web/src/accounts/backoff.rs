//! How long a sign-in must wait after failures, counted per email in the database so the
//! limit holds across every server node: the first 4 failures cost nothing, then the wait
//! doubles from 2 seconds up to 15 minutes. A successful sign-in or a password reset clears
//! the count. Pure: the caller passes the count, the second of the last failure and now.

/// Failures allowed before any wait.
pub const FREE_FAILURES: u32 = 4;
/// The longest wait, in seconds.
pub const MAX_WAIT_SECS: i64 = 15 * 60;

/// Seconds to wait before the next attempt is checked (0: go ahead).
pub fn wait_secs(failures: u32, last_failure_secs: i64, now_secs: i64) -> i64 {
    if failures <= FREE_FAILURES {
        return 0;
    }
    let exponent = (failures - FREE_FAILURES).min(20);
    let delay = (1i64 << exponent).min(MAX_WAIT_SECS);
    (last_failure_secs + delay - now_secs).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_after_four_failures_and_are_capped() {
        assert_eq!(wait_secs(0, 0, 100), 0);
        assert_eq!(wait_secs(4, 100, 100), 0, "four failures are free");
        assert_eq!(wait_secs(5, 100, 100), 2);
        assert_eq!(wait_secs(5, 100, 101), 1);
        assert_eq!(wait_secs(5, 100, 102), 0);
        assert_eq!(wait_secs(6, 100, 100), 4);
        assert_eq!(wait_secs(14, 100, 100), 900, "2^10 capped at 15 minutes");
        assert_eq!(wait_secs(u32::MAX, 100, 100), 900);
    }
}
