//! Reading and writing the two cookies lumbar sets: the language choice and the CSRF
//! value. Both are small, `HttpOnly`, `Path=/`; nothing about a person's answers is ever
//! put in a cookie.

use axum::http::{HeaderMap, HeaderValue, header};

/// The value of cookie `name` in the request's `Cookie` headers.
pub(crate) fn get<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"'))
}

/// How a cookie is scoped.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SameSite {
    Strict,
    Lax,
}

/// A `Set-Cookie` header value. `value` must be a cookie-safe token (the callers only pass
/// hex and language codes).
pub(crate) fn set(name: &str, value: &str, max_age_secs: u64, same_site: SameSite, secure: bool) -> HeaderValue {
    let same_site = match same_site {
        SameSite::Strict => "Strict",
        SameSite::Lax => "Lax",
    };
    let secure = if secure { "; Secure" } else { "" };
    let text = format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite={same_site}{secure}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("invalid=1; Max-Age=0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_cookie_among_many() {
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_static("a=1; lumbar_lang=es"));
        h.append(header::COOKIE, HeaderValue::from_static("b=2"));
        assert_eq!(get(&h, "lumbar_lang"), Some("es"));
        assert_eq!(get(&h, "b"), Some("2"));
        assert_eq!(get(&h, "c"), None);
    }

    #[test]
    fn builds_set_cookie() {
        let v = set("x", "y", 60, SameSite::Strict, true);
        assert_eq!(v.to_str().ok(), Some("x=y; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure"));
    }
}
