//! The one stylesheet, compiled in and served under a content-hashed name
//! (`/static/lumbar-<hash>.css`) with a year-long immutable cache. No JavaScript is served:
//! every page works without it.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// The stylesheet.
pub const CSS: &str = include_str!("../static/lumbar.css");

/// 64-bit FNV-1a of the stylesheet: changes whenever the file does.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

const CSS_HASH: u64 = fnv1a(CSS.as_bytes());

/// The stylesheet's URL path, e.g. `/static/lumbar-0123456789abcdef.css`.
pub fn css_href() -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| format!("/static/lumbar-{CSS_HASH:016x}.css"))
}

/// `GET /static/{file}`: the stylesheet under its hashed name (cached for a year), or under
/// `lumbar.css` / a stale hash (revalidated every time).
pub(crate) async fn serve(Path(file): Path<String>) -> Response {
    let Some(hash) = file.strip_prefix("lumbar").and_then(|f| f.strip_suffix(".css")) else {
        return AppError::NotFound.into_response();
    };
    let current = format!("-{CSS_HASH:016x}");
    let cache = if hash == current {
        "public, max-age=31536000, immutable"
    } else if hash.is_empty() || (hash.len() == 17 && hash.starts_with('-')) {
        "no-cache"
    } else {
        return AppError::NotFound.into_response();
    };
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        CSS,
    )
        .into_response()
}
