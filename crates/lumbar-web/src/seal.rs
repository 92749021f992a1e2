//! Sealed values: small payloads the server hands to the browser in a cookie and reads back,
//! which the browser can neither read nor change.
//!
//! XChaCha20-Poly1305 (an AEAD with a 24-byte random nonce, so random nonces never repeat in
//! practice) under a key derived from the server secret (`LUMBAR_SECRET`) with HMAC-SHA256
//! and a label, so the same secret never serves as two keys. Every sealed value carries the
//! second it was sealed (inside the ciphertext) and is bound to its purpose (the associated
//! data): a draft cannot be replayed as a feedback note, and nothing older than its purpose's
//! lifetime opens. Nodes sharing `LUMBAR_SECRET` open each other's values; a node with a
//! different secret, a changed byte or a value past its lifetime gets [`Unsealed`], never a
//! guess.
//!
//! The text is URL-safe base64 without padding (cookie-safe): nonce ‖ ciphertext ‖ tag.
//! Time is an argument (seconds since the Unix epoch), never read here.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::state::Secret;

/// Bytes of the nonce at the front of a sealed value.
const NONCE_LEN: usize = 24;
/// Seconds a sealed value may come from the future (clocks of two nodes disagree a little).
const SKEW_SECS: u64 = 300;

/// Why a sealed value did not open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsealed {
    /// Not ours, changed, sealed for another purpose or with another secret.
    Damaged,
    /// Ours, but older than its lifetime (or from too far in the future).
    Expired,
}

/// Seals and opens values with the server's key.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(<key redacted>)")
    }
}

impl Sealer {
    /// The sealer of this server secret.
    pub fn new(secret: &Secret) -> Sealer {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(secret.bytes()).unwrap_or_else(|_| unreachable!("HMAC takes any key"));
        mac.update(b"lumbar-seal-key-v1");
        let derived = mac.finalize().into_bytes();
        let key = Key::try_from(&derived[..]).unwrap_or_else(|_| unreachable!("SHA-256 gives 32 bytes"));
        Sealer { cipher: XChaCha20Poly1305::new(&key) }
    }

    /// Seals `payload` for `purpose` at second `now`.
    pub fn seal(&self, purpose: &str, now: u64, payload: &[u8]) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        crate::csrf::fill_random(&mut nonce);
        self.seal_with_nonce(purpose, now, payload, nonce)
    }

    fn seal_with_nonce(&self, purpose: &str, now: u64, payload: &[u8], nonce: [u8; NONCE_LEN]) -> String {
        let mut plain = Vec::with_capacity(8 + payload.len());
        plain.extend_from_slice(&now.to_be_bytes());
        plain.extend_from_slice(payload);
        let aad = associated(purpose);
        let n = XNonce::try_from(&nonce[..]).unwrap_or_else(|_| unreachable!("24 bytes"));
        // Encryption fails only for messages of gigabytes.
        let sealed = self.cipher.encrypt(&n, Payload { msg: &plain, aad: &aad }).unwrap_or_default();
        URL_SAFE_NO_PAD.encode([&nonce[..], &sealed].concat())
    }

    /// Opens a value sealed for `purpose`, refusing it when older than `max_age_secs` at `now`.
    pub fn open(&self, purpose: &str, now: u64, max_age_secs: u64, text: &str) -> Result<Vec<u8>, Unsealed> {
        let bytes = URL_SAFE_NO_PAD.decode(text.as_bytes()).map_err(|_| Unsealed::Damaged)?;
        if bytes.len() < NONCE_LEN + 8 {
            return Err(Unsealed::Damaged);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let n = XNonce::try_from(nonce).map_err(|_| Unsealed::Damaged)?;
        let aad = associated(purpose);
        let plain = self.cipher.decrypt(&n, Payload { msg: sealed, aad: &aad }).map_err(|_| Unsealed::Damaged)?;
        let (at, payload) = plain.split_at_checked(8).ok_or(Unsealed::Damaged)?;
        let sealed_at = u64::from_be_bytes(at.try_into().map_err(|_| Unsealed::Damaged)?);
        if sealed_at > now.saturating_add(SKEW_SECS) || now.saturating_sub(sealed_at) > max_age_secs {
            return Err(Unsealed::Expired);
        }
        Ok(payload.to_vec())
    }
}

fn associated(purpose: &str) -> Vec<u8> {
    [b"lumbar-seal-v1\0".as_slice(), purpose.as_bytes()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealer(byte: u8) -> Sealer {
        Sealer::new(&Secret::new(&[byte; 32]).unwrap_or_else(Secret::random))
    }

    #[test]
    fn opens_what_it_sealed_within_the_lifetime() {
        let s = sealer(7);
        let text = s.seal("draft", 1_000, b"saddle=false");
        assert_eq!(s.open("draft", 1_000 + 3_600, 3_600, &text), Ok(b"saddle=false".to_vec()));
        assert!(!text.contains("saddle"), "the payload is not readable");
        assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "cookie-safe");
    }

    #[test]
    fn refuses_after_the_lifetime_and_from_the_future() {
        let s = sealer(7);
        let text = s.seal("draft", 1_000, b"x");
        assert_eq!(s.open("draft", 1_000 + 3_601, 3_600, &text), Err(Unsealed::Expired));
        assert_eq!(s.open("draft", 1_000 - 301, 3_600, &text), Err(Unsealed::Expired));
        assert_eq!(s.open("draft", 1_000 - 300, 3_600, &text), Ok(b"x".to_vec()), "five minutes of skew pass");
    }

    #[test]
    fn refuses_another_purpose_another_secret_and_any_changed_byte() {
        let s = sealer(7);
        let text = s.seal("draft", 1_000, b"pregnancy=pregnant");
        assert_eq!(s.open("feedback", 1_000, 60, &text), Err(Unsealed::Damaged));
        assert_eq!(sealer(8).open("draft", 1_000, 60, &text), Err(Unsealed::Damaged));
        let bytes = URL_SAFE_NO_PAD.decode(text.as_bytes()).unwrap_or_default();
        for i in [0, NONCE_LEN, bytes.len() - 1] {
            let mut changed = bytes.clone();
            changed[i] ^= 1;
            assert_eq!(
                s.open("draft", 1_000, 60, &URL_SAFE_NO_PAD.encode(&changed)),
                Err(Unsealed::Damaged),
                "byte {i}"
            );
        }
        assert_eq!(s.open("draft", 1_000, 60, "not base64!"), Err(Unsealed::Damaged));
        assert_eq!(s.open("draft", 1_000, 60, ""), Err(Unsealed::Damaged));
    }

    #[test]
    fn two_seals_of_one_payload_differ() {
        let s = sealer(7);
        assert_ne!(s.seal("draft", 1, b"same"), s.seal("draft", 1, b"same"), "a fresh nonce each time");
        assert_eq!(s.seal_with_nonce("d", 1, b"same", [3; 24]), s.seal_with_nonce("d", 1, b"same", [3; 24]));
    }
}
