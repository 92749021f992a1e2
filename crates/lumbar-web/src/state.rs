//! What the web app is built from: the rule set, the configuration and the store.
//!
//! [`AppState`] is what a caller hands to [`crate::app`]; [`WebConfig`] is typed, passed
//! explicitly and redacts its secret in `Debug`. Nothing here reads global state except
//! [`WebConfig::from_env`], which the binary calls once.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use lumbar_core::screening::Ruleset;

use crate::directory::DirectoryCache;

/// Everything the web app needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The validated screening rule set every page and the API assess with.
    pub ruleset: Arc<Ruleset>,
    /// Server configuration.
    pub config: WebConfig,
    /// The directory store (therapists, feedback). Without one, the finder, the profiles
    /// and feedback say they are not available on this server; `/readyz` checks it when set.
    pub store: Option<Arc<dyn lumbar_store::Store>>,
    /// The in-memory geo index over the store's therapists, built on first use and
    /// rebuilt when older than [`WebConfig::index_max_age`] or when
    /// [`WebConfig::refresh`] is triggered. Clones of the state share it.
    pub directory: Arc<DirectoryCache>,
}

impl AppState {
    /// State with a rule set and a configuration, and no store.
    pub fn new(ruleset: Arc<Ruleset>, config: WebConfig) -> AppState {
        AppState { ruleset, config, store: None, directory: Arc::new(DirectoryCache::default()) }
    }

    /// The same state with a store.
    pub fn with_store(mut self, store: Arc<dyn lumbar_store::Store>) -> AppState {
        self.store = Some(store);
        self
    }
}

impl fmt::Debug for AppState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppState")
            .field("ruleset_version", &self.ruleset.version)
            .field("config", &self.config)
            .field("store", &self.store.as_ref().map(|s| s.backend()))
            .field("directory", &self.directory)
            .finish()
    }
}

/// The server secret: the key of the CSRF token HMAC. Never printed.
#[derive(Clone)]
pub struct Secret(Arc<[u8]>);

impl Secret {
    /// The shortest secret accepted, in bytes.
    pub const MIN_LEN: usize = 32;

    /// A secret from bytes; `None` when shorter than [`Secret::MIN_LEN`].
    pub fn new(bytes: &[u8]) -> Option<Secret> {
        (bytes.len() >= Self::MIN_LEN).then(|| Secret(bytes.into()))
    }

    /// A fresh random secret. Tokens signed with it stop working when the process
    /// restarts, and several nodes behind one load balancer need a shared
    /// `LUMBAR_SECRET` instead.
    pub fn random() -> Secret {
        let mut bytes = [0u8; 32];
        crate::csrf::fill_random(&mut bytes);
        Secret(bytes.as_slice().into())
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// Requests per client IP allowed on state-changing endpoints (every `POST`): a token bucket
/// that holds `burst` tokens and refills `per_minute` tokens a minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Tokens the bucket holds (the largest burst).
    pub burst: u32,
    /// Tokens added per minute.
    pub per_minute: u32,
}

impl Default for RateLimit {
    /// 30 at once, 30 a minute: a whole check takes about 7 posts.
    fn default() -> Self {
        RateLimit { burst: 30, per_minute: 30 }
    }
}

/// Asks for the directory index to be rebuilt from the store on its next use (say, after an
/// import). Cheap to clone; clones trigger the same index.
#[derive(Clone, Default)]
pub struct IndexRefresh(Arc<AtomicU64>);

impl IndexRefresh {
    /// A new trigger.
    pub fn new() -> IndexRefresh {
        IndexRefresh::default()
    }

    /// The next search rebuilds the index from the store.
    pub fn trigger(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    /// How many times it was triggered (an index built at an older count is stale).
    pub fn generation(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

impl fmt::Debug for IndexRefresh {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IndexRefresh").field(&self.generation()).finish()
    }
}

/// Web server configuration.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// The HMAC key for CSRF tokens (`LUMBAR_SECRET`, or random at start).
    pub secret: Secret,
    /// Mark cookies `Secure` (set when served over HTTPS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// Take the client IP for rate limits from the last `X-Forwarded-For` entry (only behind
    /// a proxy that sets it; otherwise clients could pick their own key).
    pub trust_forwarded_for: bool,
    /// Rate limit on `POST` requests per client IP.
    pub rate_limit: RateLimit,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Time a request may take before the server answers 503.
    pub request_timeout: Duration,
    /// How long the directory index is used before it is rebuilt from the store (the store
    /// stays the source of truth; this bounds how stale a search can be).
    pub index_max_age: Duration,
    /// Rebuilds the directory index on its next use when triggered.
    pub refresh: IndexRefresh,
    /// How often a search asks the store whether the directory changed (its change
    /// counter): an import, verification or listing change on any node shows within this
    /// time plus one rebuild. Zero: on every search.
    pub change_poll: Duration,
    /// Where "today" comes from (expiry and roster freshness are facts of the day).
    pub clock: lumbar_store::Clock,
    /// A roster older than this many days makes its statuses stale (`LUMBAR_STALE_AFTER_DAYS`).
    pub stale_after_days: u32,
    /// Where mail goes: SMTP (`LUMBAR_SMTP_URL`) or the outbox.
    pub mailer: crate::accounts::mail::Mailer,
    /// The sender of lumbar's mail (`LUMBAR_MAIL_FROM`).
    pub mail_from: String,
    /// The site's address as people reach it, for links in mail (`LUMBAR_PUBLIC_URL`, e.g.
    /// `https://lumbar.example.org`); without it, links are built from the request's `Host`.
    pub public_url: Option<String>,
}

impl WebConfig {
    /// The day pages are shown on, with the freshness limit.
    pub fn as_of(&self) -> lumbar_core::directory::AsOf {
        lumbar_core::directory::AsOf { today: self.clock.today(), stale_after_days: self.stale_after_days }
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secret: Secret::random(),
            secure_cookies: false,
            trust_forwarded_for: false,
            rate_limit: RateLimit::default(),
            body_limit: 64 * 1024,
            request_timeout: Duration::from_secs(15),
            index_max_age: Duration::from_secs(5 * 60),
            refresh: IndexRefresh::new(),
            change_poll: Duration::from_secs(2),
            clock: lumbar_store::Clock::System,
            stale_after_days: lumbar_core::directory::standing::DEFAULT_STALE_AFTER_DAYS,
            mailer: crate::accounts::mail::Mailer::Outbox,
            mail_from: crate::accounts::mail::DEFAULT_FROM.to_owned(),
            public_url: None,
        }
    }
}

/// A configuration value from the environment that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A numeric setting is not a positive whole number.
    #[error("{0} must be a positive whole number")]
    BadNumber(&'static str),
    /// A yes/no setting is neither.
    #[error("{0} must be true or false (or 1 / 0)")]
    BadBool(&'static str),
    /// `LUMBAR_SMTP_URL` cannot be used.
    #[error(transparent)]
    Mail(#[from] crate::accounts::mail::MailError),
    /// `LUMBAR_PUBLIC_URL` is not an http(s) address.
    #[error("LUMBAR_PUBLIC_URL must start with https:// or http:// (e.g. https://lumbar.example.org)")]
    BadPublicUrl,
    /// `LUMBAR_SECRET` is set but too short.
    #[error("LUMBAR_SECRET must be at least {min} bytes long (it was shorter); generate one with `openssl rand -hex 32`", min = Secret::MIN_LEN)]
    SecretTooShort,
}

impl WebConfig {
    /// Defaults, with settings from the environment:
    ///
    /// | variable | setting |
    /// |---|---|
    /// | `LUMBAR_SECRET` | [`WebConfig::secret`] (32+ bytes; random when unset) |
    /// | `LUMBAR_SECURE_COOKIES` | [`WebConfig::secure_cookies`]: `true` behind HTTPS |
    /// | `LUMBAR_TRUST_FORWARDED_FOR` | [`WebConfig::trust_forwarded_for`]: `true` only behind a proxy that sets `X-Forwarded-For` |
    /// | `LUMBAR_RATE_LIMIT_BURST`, `LUMBAR_RATE_LIMIT_PER_MINUTE` | [`WebConfig::rate_limit`] |
    /// | `LUMBAR_STALE_AFTER_DAYS` | [`WebConfig::stale_after_days`] |
    /// | `LUMBAR_SMTP_URL`, `LUMBAR_MAIL_FROM` | [`WebConfig::mailer`], [`WebConfig::mail_from`] |
    /// | `LUMBAR_PUBLIC_URL` | [`WebConfig::public_url`] |
    pub fn from_env() -> Result<WebConfig, ConfigError> {
        WebConfig::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`WebConfig::from_env`] with the variables read through `var` (tests pass a map).
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<WebConfig, ConfigError> {
        let mut config = WebConfig::default();
        if let Some(value) = var("LUMBAR_SECRET") {
            config.secret = Secret::new(value.as_bytes()).ok_or(ConfigError::SecretTooShort)?;
        }
        for (name, slot) in [
            ("LUMBAR_SECURE_COOKIES", &mut config.secure_cookies),
            ("LUMBAR_TRUST_FORWARDED_FOR", &mut config.trust_forwarded_for),
        ] {
            if let Some(value) = var(name) {
                *slot = match value.trim().to_ascii_lowercase().as_str() {
                    "1" | "true" | "yes" | "on" => true,
                    "0" | "false" | "no" | "off" => false,
                    _ => return Err(ConfigError::BadBool(name)),
                };
            }
        }
        // Operators behind a shared NAT, and benchmarks, can raise the POST rate limit.
        for (name, slot) in [
            ("LUMBAR_RATE_LIMIT_BURST", &mut config.rate_limit.burst),
            ("LUMBAR_RATE_LIMIT_PER_MINUTE", &mut config.rate_limit.per_minute),
            ("LUMBAR_STALE_AFTER_DAYS", &mut config.stale_after_days),
        ] {
            if let Some(value) = var(name) {
                *slot = value.trim().parse().ok().filter(|n| *n > 0).ok_or(ConfigError::BadNumber(name))?;
            }
        }
        config.mailer = crate::accounts::mail::Mailer::from_url(var("LUMBAR_SMTP_URL").as_deref())?;
        if let Some(from) = var("LUMBAR_MAIL_FROM").filter(|f| !f.trim().is_empty()) {
            config.mail_from = from.trim().to_owned();
        }
        if let Some(url) = var("LUMBAR_PUBLIC_URL").filter(|u| !u.trim().is_empty()) {
            let url = url.trim().trim_end_matches('/');
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(ConfigError::BadPublicUrl);
            }
            config.public_url = Some(url.to_owned());
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_and_tls_settings_come_from_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        let c = WebConfig::from_lookup(env(&[])).unwrap_or_default();
        assert!(!c.secure_cookies && !c.trust_forwarded_for, "off unless configured");
        let c = WebConfig::from_lookup(env(&[("LUMBAR_SECURE_COOKIES", "true"), ("LUMBAR_TRUST_FORWARDED_FOR", "1")]))
            .unwrap_or_default();
        assert!(c.secure_cookies && c.trust_forwarded_for);
        assert!(matches!(
            WebConfig::from_lookup(env(&[("LUMBAR_TRUST_FORWARDED_FOR", "maybe")])),
            Err(ConfigError::BadBool("LUMBAR_TRUST_FORWARDED_FOR"))
        ));
        assert!(matches!(
            WebConfig::from_lookup(env(&[("LUMBAR_STALE_AFTER_DAYS", "0")])),
            Err(ConfigError::BadNumber("LUMBAR_STALE_AFTER_DAYS"))
        ));
    }

    #[test]
    fn secret_is_redacted_and_checked() {
        assert!(Secret::new(b"short").is_none());
        let s = Secret::new(&[7u8; 32]).unwrap_or_else(Secret::random);
        assert_eq!(format!("{s:?}"), "Secret(<redacted>)");
        let c = WebConfig { secret: s, ..WebConfig::default() };
        assert!(!format!("{c:?}").contains("7, 7"));
    }
}
