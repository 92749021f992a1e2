//! Random secrets and their hashes. A secret is shown once (in a cookie, a link or on the
//! account page) and the store keeps only its SHA-256, so a copy of the database opens no
//! session, reset link, share link or API token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A random secret of `bytes` bytes as URL-safe base64 (no padding). Sessions, reset links
/// and API tokens use 32 bytes; share links at least 16 (128 bits).
pub fn new_secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    crate::csrf::fill_random(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// The hash the store keeps for a secret (hex SHA-256 with a purpose label, so a session
/// token can never be presented as a reset token).
pub fn hash(purpose: &str, secret: &str) -> String {
    let mut h = Sha256::new();
    h.update(purpose.as_bytes());
    h.update([0]);
    h.update(secret.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` looks like a secret made by [`new_secret`] (URL-safe base64 of sane
/// length): anything else is refused before the store is asked.
pub fn plausible(text: &str) -> bool {
    (20..=100).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_hashed_by_purpose() {
        let a = new_secret(32);
        assert_eq!(a.len(), 43, "32 bytes of base64 without padding");
        assert_ne!(a, new_secret(32));
        assert_eq!(new_secret(16).len(), 22);
        assert!(plausible(&a));
        assert!(!plausible("short"));
        assert!(!plausible("has spaces and is long enough to pass"));
        assert_ne!(hash("session", &a), hash("reset", &a));
        assert_eq!(hash("session", &a).len(), 64);
        assert!(!hash("session", &a).contains(&a));
    }
}
