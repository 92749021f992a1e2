//! Passwords: argon2id with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1), hashed
//! and verified on the blocking pool so a sign-in never stalls the async workers. The rules
//! for a new password are few and stated on the page: at least 10 characters, at most 128,
//! not the email address.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

/// Memory cost in KiB (19 MiB).
pub const M_COST_KIB: u32 = 19 * 1024;
/// Iterations.
pub const T_COST: u32 = 2;
/// Lanes.
pub const P_COST: u32 = 1;
/// Shortest password accepted.
pub const MIN_LEN: usize = 10;
/// Longest password accepted (bounds the work an attacker can ask for).
pub const MAX_LEN: usize = 128;

/// Why a new password is refused (the message key of the form's error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weak {
    /// Fewer than [`MIN_LEN`] characters.
    TooShort,
    /// More than [`MAX_LEN`] characters.
    TooLong,
    /// The same as the email address.
    IsEmail,
}

/// Checks a new password.
pub fn check_new(password: &str, email: &str) -> Result<(), Weak> {
    let n = password.chars().count();
    if n < MIN_LEN {
        Err(Weak::TooShort)
    } else if n > MAX_LEN {
        Err(Weak::TooLong)
    } else if password.trim().eq_ignore_ascii_case(email.trim()) {
        Err(Weak::IsEmail)
    } else {
        Ok(())
    }
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None).unwrap_or_else(|_| unreachable!("valid parameters"));
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of `password` (blocking: call through [`hash`]).
pub fn hash_blocking(password: &str) -> String {
    argon2().hash_password(password.as_bytes()).map(|h| h.to_string()).unwrap_or_default()
}

/// Whether `password` matches the PHC string `stored` (blocking: call through [`verify`]).
pub fn verify_blocking(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| argon2().verify_password(password.as_bytes(), &h).is_ok())
}

/// A PHC string that verifies nothing, to spend the same time on an unknown email as on a
/// known one (no timing oracle for which emails have accounts).
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("lumbar-no-such-account-placeholder"))
}

/// At most one hash per core at a time: each takes 19 MiB and a core for ~17 ms, and fifty
/// at once on two cores only thrash the caches (measured: docs/BENCHMARKS.md, sign-in).
fn permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS
        .get_or_init(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map(usize::from).unwrap_or(1)))
}

/// [`hash_blocking`] on the blocking pool.
pub async fn hash(password: String) -> String {
    let Ok(_permit) = permits().acquire().await else { return String::new() };
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await.unwrap_or_default()
}

/// [`verify_blocking`] on the blocking pool.
pub async fn verify(password: String, stored: String) -> bool {
    let Ok(_permit) = permits().acquire().await else { return false };
    tokio::task::spawn_blocking(move || verify_blocking(&password, &stored)).await.unwrap_or(false)
}

/// [`verify`] against the account's hash, or, for an email without an account, against
/// [`dummy_hash`] (computed on the blocking pool too, the first time) so both take as long;
/// false for an unknown account.
pub async fn verify_or_dummy(password: String, stored: Option<String>) -> bool {
    let Ok(_permit) = permits().acquire().await else { return false };
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify_blocking(&password, &stored),
        None => {
            let _ = verify_blocking(&password, dummy_hash());
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let h = hash_blocking("correct horse battery");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_blocking("correct horse battery", &h));
        assert!(!verify_blocking("correct horse batterY", &h));
        assert!(!verify_blocking("anything", "not a hash"));
        assert!(!verify_blocking("lumbar-no-such-account", dummy_hash()));
    }

    #[test]
    fn new_passwords_have_few_stated_rules() {
        assert_eq!(check_new("123456789", "a@b.org"), Err(Weak::TooShort));
        assert_eq!(check_new(&"x".repeat(129), "a@b.org"), Err(Weak::TooLong));
        assert_eq!(check_new("Ana.Lopez@Example.org", "ana.lopez@example.org"), Err(Weak::IsEmail));
        assert_eq!(check_new("ten chars!", "a@b.org"), Ok(()));
    }
}
