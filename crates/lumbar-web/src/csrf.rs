//! CSRF protection for every HTML form: a signed double-submit token.
//!
//! Each browser gets a random value in the `lumbar_csrf` cookie (`HttpOnly`,
//! `SameSite=Strict`). Forms carry `csrf` = HMAC-SHA256(server secret, cookie value), masked
//! with a fresh random pad on every response (hex of `pad ‖ pad XOR tag`) so the token in a
//! compressed page changes each time and cannot be recovered through compression (BREACH).
//! A `POST` outside `/api/` must be `application/x-www-form-urlencoded`, carry the cookie
//! and a `csrf` field that verifies against it (constant-time); anything else gets the 403
//! page. Another site can neither read the cookie nor compute the token without the
//! secret, and `SameSite=Strict` keeps the cookie off cross-site posts in the first place.
//!
//! The JSON API and the FHIR endpoints (`/fhir`, which read no session and store nothing)
//! are exempt: they are not reachable by a cross-site HTML form with a JSON body, and the
//! API routes that act for a signed-in person (`/api/v1/me…`) take a bearer token or the
//! session cookie, which is `SameSite=Lax` and so never sent with another site's `POST` or
//! `DELETE`.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::cookies;
use crate::error::AppError;
use crate::routes::Shared;
use crate::state::Secret;

/// The cookie holding the browser's random value.
pub const COOKIE: &str = "lumbar_csrf";
/// The form field holding the token.
pub const FIELD: &str = "csrf";

/// The token to put in this request's forms (in the request extensions).
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// Handlers take the token as an argument; it is set by the [`protect`] middleware (empty,
/// and so rejected on post, when absent).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for CsrfToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<CsrfToken, Self::Rejection> {
        Ok(parts.extensions.get::<CsrfToken>().cloned().unwrap_or(CsrfToken(String::new())))
    }
}

type HmacSha256 = Hmac<Sha256>;

/// Fills `buf` with random bytes from the operating system.
pub(crate) fn fill_random(buf: &mut [u8]) {
    if getrandom::fill(buf).is_err() {
        // No OS randomness is a broken machine; refuse to continue with guessable tokens.
        std::process::abort();
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

fn mac(secret: &Secret, cookie_value: &str) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret.bytes()).unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(b"lumbar-csrf-v1\0");
    mac.update(cookie_value.as_bytes());
    mac
}

fn tag(secret: &Secret, cookie_value: &str) -> Vec<u8> {
    mac(secret, cookie_value).finalize().into_bytes().to_vec()
}

/// A form token for a cookie value: the HMAC tag under a fresh random mask.
pub(crate) fn sign(secret: &Secret, cookie_value: &str) -> String {
    let tag = tag(secret, cookie_value);
    let mut pad = vec![0u8; tag.len()];
    fill_random(&mut pad);
    let masked: Vec<u8> = pad.iter().zip(&tag).map(|(p, t)| p ^ t).collect();
    hex(&[pad, masked].concat())
}

/// Whether `token` is a form token for `cookie_value` (constant-time on the tag).
pub(crate) fn verify(secret: &Secret, cookie_value: &str, token: &str) -> bool {
    let Some(bytes) = unhex(token) else { return false };
    if bytes.len() != 64 {
        return false;
    }
    let (pad, masked) = bytes.split_at(32);
    let tag: Vec<u8> = pad.iter().zip(masked).map(|(p, m)| p ^ m).collect();
    mac(secret, cookie_value).verify_slice(&tag).is_ok()
}

fn valid_cookie_value(v: &str) -> bool {
    v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

fn needs_token(req: &Request) -> bool {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    unsafe_method && !req.uri().path().starts_with("/api/") && !crate::error::is_fhir_path(req.uri().path())
}

/// Middleware: gives every request a [`CsrfToken`] (setting the cookie when the browser has
/// none) and rejects form posts whose token does not verify.
pub(crate) async fn protect(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let secret = &shared.state.config.secret;
    let existing = cookies::get(req.headers(), COOKIE).filter(|v| valid_cookie_value(v)).map(str::to_owned);
    let fresh = existing.is_none();
    let value = existing.unwrap_or_else(|| {
        let mut bytes = [0u8; 32];
        fill_random(&mut bytes);
        hex(&bytes)
    });
    let mut req = req;
    let mut resp = if needs_token(&req) {
        match check_form(req, secret, if fresh { None } else { Some(&value) }, shared.state.config.body_limit).await {
            Ok(mut checked) => {
                checked.extensions_mut().insert(CsrfToken(sign(secret, &value)));
                next.run(checked).await
            }
            Err(e) => e.into_response(),
        }
    } else {
        req.extensions_mut().insert(CsrfToken(sign(secret, &value)));
        next.run(req).await
    };
    if fresh {
        let cookie =
            cookies::set(COOKIE, &value, 30 * 24 * 3600, cookies::SameSite::Strict, shared.state.config.secure_cookies);
        resp.headers_mut().append(header::SET_COOKIE, cookie);
    }
    resp
}

/// Reads the form body, checks its token, and hands back the request with the same body.
async fn check_form(req: Request, secret: &Secret, cookie: Option<&str>, limit: usize) -> Result<Request, AppError> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|m| m.trim() == "application/x-www-form-urlencoded"));
    let Some(cookie) = cookie.filter(|_| is_form) else {
        return Err(AppError::Csrf);
    };
    let (parts, body) = req.into_parts();
    let bytes: Bytes = axum::body::to_bytes(body, limit).await.map_err(|_| AppError::PayloadTooLarge)?;
    let token = form_urlencoded::parse(&bytes).find(|(k, _)| k == FIELD).map(|(_, v)| v.into_owned());
    if !token.is_some_and(|t| verify(secret, cookie, &t)) {
        return Err(AppError::Csrf);
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_for_their_cookie_and_secret() {
        let s1 = Secret::new(&[1u8; 32]).unwrap_or_else(Secret::random);
        let s2 = Secret::new(&[2u8; 32]).unwrap_or_else(Secret::random);
        let c = "ab".repeat(32);
        let t = sign(&s1, &c);
        assert!(verify(&s1, &c, &t));
        assert!(!verify(&s2, &c, &t));
        assert!(!verify(&s1, &"cd".repeat(32), &t));
        assert!(!verify(&s1, &c, "zz"));
        assert!(!verify(&s1, &c, ""));
    }

    #[test]
    fn tokens_are_masked_differently_each_time() {
        let s = Secret::new(&[1u8; 32]).unwrap_or_else(Secret::random);
        let c = "ab".repeat(32);
        let (a, b) = (sign(&s, &c), sign(&s, &c));
        assert_ne!(a, b);
        assert_eq!(a.len(), 128);
        assert!(verify(&s, &c, &a) && verify(&s, &c, &b));
        assert_eq!(tag(&s, &c).len(), 32);
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(unhex(&hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
        assert_eq!(unhex("abc"), None);
    }
}
