//! Accounts on the web: who is signed in, and the pieces the account pages are built from.
//!
//! - [`password`]: argon2id hashes (OWASP's m = 19 MiB, t = 2, p = 1), computed off the
//!   async runtime;
//! - [`tokens`]: random secrets (session cookies, reset links, API tokens, share links) and
//!   the SHA-256 hashes under which the store keeps them;
//! - [`session`]: the `lumbar_session` cookie and the [`session::CurrentUser`] /
//!   [`session::SignedIn`] extractors (a browser session, or `Authorization: Bearer` with a
//!   personal API token);
//! - [`backoff`]: how long to wait after failed sign-ins (pure);
//! - [`mail`]: mail through SMTP when `LUMBAR_SMTP_URL` is set, else to the outbox.

pub mod backoff;
pub mod mail;
pub mod password;
pub mod session;
pub mod tokens;
