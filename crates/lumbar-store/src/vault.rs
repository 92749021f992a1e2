//! The data key and the seal on health data at rest.
//!
//! Every health document the journal keeps (saved answers, assessments, intake summaries,
//! session logs, notes) is sealed with XChaCha20-Poly1305 under a 256-bit data key before it
//! reaches the database. A sealed text is `lv1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>`;
//! the key id (the first 8 hex digits of the key's SHA-256) says which key sealed it, and the
//! associated data binds it to its table and owner, so a row copied to another person's
//! account does not open.
//!
//! Keys come from `LUMBAR_DATA_KEY` (one or more base64 keys separated by commas, the first
//! current) or from a key file (one base64 key per line, the first current), created with
//! mode 0600 on first use. Rotation (`lumbar keys rotate`) puts a new key first, re-seals
//! every document under it, then drops the old keys.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

const PREFIX: &str = "lv1";
const NONCE_LEN: usize = 24;

/// Why a vault could not be made or a sealed text did not open. Never carries the plain text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VaultError {
    /// A key is not 32 bytes of base64.
    #[error("data key {0}: not a base64 key of 32 bytes (make one with `lumbar keys new`)")]
    BadKey(usize),
    /// No key at all.
    #[error("no data key: set LUMBAR_DATA_KEY or use a key file")]
    NoKey,
    /// Sealed under a key this vault does not hold.
    #[error("sealed under data key {0}, which is not configured")]
    UnknownKey(String),
    /// Changed, truncated, or moved to another owner.
    #[error("a sealed document does not open (changed, or moved to another owner)")]
    Damaged,
    /// The key file could not be read or written.
    #[error("key file {path}: {problem}")]
    File {
        /// The file.
        path: String,
        /// What went wrong.
        problem: String,
    },
}

struct DataKey {
    id: String,
    cipher: XChaCha20Poly1305,
}

/// The data keys, the first one current.
pub struct Vault {
    keys: Vec<DataKey>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        write!(f, "Vault(keys {ids:?}, material redacted)")
    }
}

/// The id of a key: the first 8 hex digits of its SHA-256.
pub fn key_id(key: &[u8; 32]) -> String {
    Sha256::digest(key).iter().take(4).map(|b| format!("{b:02x}")).collect()
}

/// A fresh random key, as base64 text.
pub fn new_key() -> String {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).unwrap_or_else(|e| panic!("the operating system's random source failed: {e}"));
    STANDARD.encode(key)
}

impl Vault {
    /// A vault of raw keys, the first current.
    pub fn from_keys(keys: &[[u8; 32]]) -> Result<Vault, VaultError> {
        if keys.is_empty() {
            return Err(VaultError::NoKey);
        }
        let keys = keys
            .iter()
            .map(|k| DataKey {
                id: key_id(k),
                cipher: XChaCha20Poly1305::new(&Key::try_from(&k[..]).unwrap_or_else(|_| unreachable!("32 bytes"))),
            })
            .collect();
        Ok(Vault { keys })
    }

    /// Parses base64 keys separated by commas or new lines (`#` starts a comment line).
    pub fn parse(text: &str) -> Result<Vault, VaultError> {
        let mut keys = Vec::new();
        for (i, part) in text
            .lines()
            .map(str::trim)
            .filter(|line| !line.starts_with('#'))
            .flat_map(|line| line.split(','))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let bytes = STANDARD.decode(part).map_err(|_| VaultError::BadKey(i + 1))?;
            let key: [u8; 32] = bytes.try_into().map_err(|_| VaultError::BadKey(i + 1))?;
            keys.push(key);
        }
        Vault::from_keys(&keys)
    }

    /// Reads a key file, creating it (mode 0600, one new key) when it does not exist.
    pub fn load_or_create(path: &Path) -> Result<Vault, VaultError> {
        let file_err = |problem: String| VaultError::File { path: path.display().to_string(), problem };
        match std::fs::read_to_string(path) {
            Ok(text) => Vault::parse(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let text = format!(
                    "# lumbar data key: seals health data at rest. Keep it secret, back it up with the database.\n{}\n",
                    new_key()
                );
                write_private(path, &text).map_err(|e| file_err(e.to_string()))?;
                Vault::parse(&text)
            }
            Err(e) => Err(file_err(e.to_string())),
        }
    }

    /// The id of the current key.
    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    /// The ids of every key, current first.
    pub fn ids(&self) -> Vec<String> {
        self.keys.iter().map(|k| k.id.clone()).collect()
    }

    /// Seals `plain` under the current key, bound to `context` (table and owner).
    pub fn seal(&self, context: &str, plain: &[u8]) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).unwrap_or_else(|e| panic!("the operating system's random source failed: {e}"));
        let key = &self.keys[0];
        let n = XNonce::try_from(&nonce[..]).unwrap_or_else(|_| unreachable!("24 bytes"));
        // Encryption fails only for messages of gigabytes.
        let sealed = key.cipher.encrypt(&n, Payload { msg: plain, aad: context.as_bytes() }).unwrap_or_default();
        format!("{PREFIX}.{}.{}", key.id, URL_SAFE_NO_PAD.encode([&nonce[..], &sealed].concat()))
    }

    /// Opens a sealed text bound to `context`.
    pub fn open(&self, context: &str, sealed: &str) -> Result<Vec<u8>, VaultError> {
        let mut parts = sealed.splitn(3, '.');
        let (Some(PREFIX), Some(id), Some(body)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(VaultError::Damaged);
        };
        let key = self.keys.iter().find(|k| k.id == id).ok_or_else(|| VaultError::UnknownKey(id.to_owned()))?;
        let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| VaultError::Damaged)?;
        if bytes.len() < NONCE_LEN {
            return Err(VaultError::Damaged);
        }
        let (nonce, ct) = bytes.split_at(NONCE_LEN);
        let n = XNonce::try_from(nonce).map_err(|_| VaultError::Damaged)?;
        key.cipher.decrypt(&n, Payload { msg: ct, aad: context.as_bytes() }).map_err(|_| VaultError::Damaged)
    }

    /// Whether a sealed text is sealed under the current key.
    pub fn is_current(&self, sealed: &str) -> bool {
        sealed.split('.').nth(1) == Some(self.current_id())
    }
}

/// Writes a file readable by its owner only (mode 0600 on Unix), replacing it atomically.
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault(keys: &[[u8; 32]]) -> Vault {
        Vault::from_keys(keys).unwrap()
    }

    #[test]
    fn seals_and_opens_in_its_context_only() {
        let v = vault(&[[7; 32]]);
        let s = v.seal("checks:1", b"saddle numbness");
        assert!(s.starts_with("lv1."), "{s}");
        assert!(!s.contains("saddle"));
        assert_eq!(v.open("checks:1", &s).unwrap(), b"saddle numbness");
        assert_eq!(v.open("checks:2", &s), Err(VaultError::Damaged));
        let mut changed = s.clone();
        changed.pop();
        changed.push(if s.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(v.open("checks:1", &changed), Err(VaultError::Damaged));
    }

    #[test]
    fn an_old_key_still_opens_and_the_new_one_seals() {
        let old = vault(&[[1; 32]]);
        let s = old.seal("c", b"x");
        let both = vault(&[[2; 32], [1; 32]]);
        assert_eq!(both.open("c", &s).unwrap(), b"x");
        assert!(!both.is_current(&s));
        assert!(both.is_current(&both.seal("c", b"x")));
        let new_only = vault(&[[2; 32]]);
        assert!(matches!(new_only.open("c", &s), Err(VaultError::UnknownKey(_))));
    }

    #[test]
    fn parses_keys_and_refuses_bad_ones() {
        let k = STANDARD.encode([9u8; 32]);
        let v = Vault::parse(&format!("# a comment, with a comma\n{k}\n")).unwrap();
        assert_eq!(v.ids().len(), 1);
        assert_eq!(Vault::parse("not base64!").unwrap_err(), VaultError::BadKey(1));
        assert_eq!(Vault::parse(&format!("{k}, {}", STANDARD.encode([1u8; 16]))).unwrap_err(), VaultError::BadKey(2));
        assert_eq!(Vault::parse(" ").unwrap_err(), VaultError::NoKey);
    }

    #[test]
    fn a_key_file_is_created_private_and_read_back() {
        let dir = std::env::temp_dir().join(format!("lumbar-vault-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("data.key");
        let _ = std::fs::remove_file(&path);
        let a = Vault::load_or_create(&path).unwrap();
        let b = Vault::load_or_create(&path).unwrap();
        assert_eq!(a.ids(), b.ids());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
