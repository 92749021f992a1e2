//! Response security headers and the per-IP rate limit on `POST` requests.
//!
//! Headers: a Content-Security-Policy with no inline script or style, `nosniff`,
//! `no-referrer`, a minimal Permissions-Policy, no framing, and `Cache-Control: no-store`
//! unless a route says otherwise (answers and results must not sit in shared caches).
//!
//! Rate limit: our own small token bucket per client IP (no extra dependency, and the 429
//! goes through the same error page / problem+json as every other error). Each node keeps
//! its own buckets in memory; the map is pruned of idle buckets when it grows. The client
//! IP is the TCP peer, or the last `X-Forwarded-For` entry when
//! [`crate::WebConfig::trust_forwarded_for`] is set.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::AppError;
use crate::routes::Shared;
use crate::state::RateLimit;

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The header layers, outermost first.
pub(crate) fn header_layers() -> [SetResponseHeaderLayer<HeaderValue>; 8] {
    let h = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    [
        h(header::CONTENT_SECURITY_POLICY, CSP),
        h(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        h(header::REFERRER_POLICY, "no-referrer"),
        h(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ),
        h(header::X_FRAME_OPTIONS, "DENY"),
        h(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        h(HeaderName::from_static("cross-origin-resource-policy"), "same-origin"),
        h(header::CACHE_CONTROL, "no-store"),
    ]
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Token buckets per client IP.
#[derive(Debug)]
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

/// Buckets kept before idle ones are pruned.
const PRUNE_AT: usize = 10_000;

impl RateLimiter {
    /// A limiter with these limits.
    pub fn new(limit: RateLimit) -> RateLimiter {
        RateLimiter { limit, buckets: Mutex::new(HashMap::new()) }
    }

    fn per_sec(&self) -> f64 {
        f64::from(self.limit.per_minute) / 60.0
    }

    /// Takes one token for `ip` at `now`; `Err` holds how long until one is available.
    pub fn check(&self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        let capacity = f64::from(self.limit.burst.max(1));
        let rate = self.per_sec();
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() >= PRUNE_AT {
            // A bucket that has refilled completely carries no information.
            buckets.retain(|_, b| b.tokens + now.saturating_duration_since(b.at).as_secs_f64() * rate < capacity);
        }
        let b = buckets.entry(ip).or_insert(Bucket { tokens: capacity, at: now });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * rate).min(capacity);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else if rate > 0.0 {
            Err(Duration::from_secs_f64(((1.0 - b.tokens) / rate).min(3600.0)))
        } else {
            Err(Duration::from_secs(3600))
        }
    }
}

/// The client IP used as the rate-limit key.
pub(crate) fn client_ip(req: &Request, trust_forwarded_for: bool) -> IpAddr {
    // Only the entry our proxy appended (the last one) is trusted; earlier entries are
    // whatever the client sent.
    if trust_forwarded_for
        && let Some(ip) = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|s| s.trim().parse::<IpAddr>().ok())
    {
        return ip;
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// Middleware: one token per `POST` (and other unsafe methods) per client IP.
pub(crate) async fn rate_limit(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let ip = client_ip(&req, shared.state.config.trust_forwarded_for);
    match shared.limiter.check(ip, Instant::now()) {
        Ok(()) => next.run(req).await,
        Err(wait) => AppError::RateLimited { retry_after_secs: retry_after_secs(wait) }.into_response(),
    }
}

/// `Retry-After` in whole seconds, rounded **up**: a client that waits that long finds a token
/// (rounding down told it to come back before the bucket refilled, and it got another 429).
pub(crate) fn retry_after_secs(wait: Duration) -> u64 {
    (wait.as_secs_f64().ceil() as u64).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_rounds_up_so_a_client_that_obeys_it_gets_through() {
        assert_eq!(retry_after_secs(Duration::from_millis(1_200)), 2);
        assert_eq!(retry_after_secs(Duration::from_millis(1_999)), 2);
        assert_eq!(retry_after_secs(Duration::from_secs(2)), 2);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        // 30 a minute: one token every 2 s. Empty the bucket, then obey Retry-After.
        let limiter = RateLimiter::new(RateLimit { burst: 1, per_minute: 30 });
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let t0 = Instant::now();
        assert!(limiter.check(ip, t0).is_ok());
        let later = t0 + Duration::from_millis(300);
        let wait = limiter.check(ip, later).expect_err("the bucket is empty");
        let obeyed = later + Duration::from_secs(retry_after_secs(wait));
        assert!(limiter.check(ip, obeyed).is_ok(), "waiting Retry-After seconds is enough");
    }

    #[test]
    fn bucket_allows_a_burst_then_refills() {
        let l = RateLimiter::new(RateLimit { burst: 2, per_minute: 60 });
        let ip = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let other = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));
        let t0 = Instant::now();
        assert!(l.check(ip, t0).is_ok());
        assert!(l.check(ip, t0).is_ok());
        let wait = l.check(ip, t0).err();
        assert!(wait.is_some_and(|w| w <= Duration::from_secs(1)));
        assert!(l.check(other, t0).is_ok(), "buckets are per IP");
        assert!(l.check(ip, t0 + Duration::from_secs(1)).is_ok(), "one token a second");
    }

    #[test]
    fn forwarded_for_is_used_only_when_trusted_and_only_the_last_entry() {
        let req = |xff: &'static str| {
            let mut r = Request::new(axum::body::Body::empty());
            r.headers_mut().insert("x-forwarded-for", HeaderValue::from_static(xff));
            r.extensions_mut().insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 1], 4000))));
            r
        };
        let peer = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
        assert_eq!(client_ip(&req("203.0.113.9"), false), peer);
        assert_eq!(client_ip(&req("198.51.100.7, 203.0.113.9"), true), IpAddr::V4(Ipv4Addr::new(203, 0, 113, 9)));
        assert_eq!(client_ip(&req("203.0.113.9, garbage"), true), peer, "a bad last entry is not skipped");
    }

    #[test]
    fn csp_has_no_unsafe_inline() {
        assert!(!CSP.contains("unsafe"));
        assert!(CSP.contains("script-src 'self'") && CSP.contains("style-src 'self'"));
    }
}
