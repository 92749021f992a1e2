//! Who is asking: a browser session (the `lumbar_session` cookie: a random 256-bit token,
//! `HttpOnly`, `SameSite=Lax`, `Secure` when configured; the store keeps its hash and
//! expiry, so sessions hold across server nodes and "sign out everywhere" ends them all) or,
//! for the JSON API, `Authorization: Bearer <personal API token>`.
//!
//! - [`CurrentUser`]: the account or none, for pages that show either;
//! - [`SignedIn`]: pages of one's own area (`/account`, `/my-back`): a visitor who is not
//!   signed in is sent to `/signin` and back;
//! - [`Owner`]: routes that name a person's record by id, and the API: anyone but its owner
//!   gets 404, never a 403 that would confirm the record exists;
//! - [`Operator`]: the operator console (`/operator/…`): a visitor who is not signed in is
//!   sent to `/signin` and back; a signed-in account without the operator role gets 404
//!   (the console is not advertised to anyone else).

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use lumbar_store::{Role, User};

use super::tokens;
use crate::cookies;
use crate::error::AppError;
use crate::routes::Shared;

/// The session cookie.
pub const COOKIE: &str = "lumbar_session";
/// How long a session lasts, in seconds (14 days).
pub const LIFETIME_SECS: i64 = 14 * 24 * 3600;
/// Hash purpose of session tokens.
const SESSION: &str = "session";
/// Hash purpose of API tokens.
pub const API: &str = "api";

/// Now in Unix seconds, from the configured clock.
pub fn now_secs(shared: &Shared) -> i64 {
    i64::try_from(shared.state.config.clock.unix_secs()).unwrap_or(i64::MAX)
}

/// Starts a session for `user`, ending the one this browser had (rotation on sign-in);
/// returns the `Set-Cookie` value.
pub async fn start(shared: &Shared, headers: &HeaderMap, user: i64) -> Result<HeaderValue, AppError> {
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    if let Some(old) = cookies::get(headers, COOKIE).filter(|t| tokens::plausible(t)) {
        store.delete_session(&tokens::hash(SESSION, old)).await.map_err(|_| AppError::StoreFailed)?;
    }
    let token = tokens::new_secret(32);
    let now = now_secs(shared);
    store
        .create_session(&tokens::hash(SESSION, &token), user, now, now + LIFETIME_SECS)
        .await
        .map_err(|_| AppError::StoreFailed)?;
    Ok(cookies::set(
        COOKIE,
        &token,
        u64::try_from(LIFETIME_SECS).unwrap_or_default(),
        cookies::SameSite::Lax,
        shared.state.config.secure_cookies,
    ))
}

/// Ends this browser's session; returns the `Set-Cookie` value that clears the cookie.
pub async fn end(shared: &Shared, headers: &HeaderMap) -> Result<HeaderValue, AppError> {
    if let (Some(store), Some(token)) = (shared.state.store.as_ref(), cookies::get(headers, COOKIE))
        && tokens::plausible(token)
    {
        store.delete_session(&tokens::hash(SESSION, token)).await.map_err(|_| AppError::StoreFailed)?;
    }
    Ok(clear(shared))
}

/// The `Set-Cookie` value that removes the session cookie (with the same attributes as the
/// one that set it, `Secure` included, so the browser replaces it).
pub fn clear(shared: &Shared) -> HeaderValue {
    cookies::set(COOKIE, "", 0, cookies::SameSite::Lax, shared.state.config.secure_cookies)
}

/// The signed-in account, if any (a session cookie, or a bearer API token).
#[derive(Clone, Debug)]
pub struct CurrentUser(pub Option<User>);

async fn lookup(parts: &Parts, shared: &Shared) -> Result<Option<User>, AppError> {
    let Some(store) = shared.state.store.as_ref() else { return Ok(None) };
    if let Some(auth) = parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        // The scheme is case-insensitive (RFC 9110 §11.1).
        let token = match auth.split_once(' ') {
            Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
            _ => "",
        };
        if !tokens::plausible(token) {
            return Ok(None);
        }
        let now = crate::accounts::session::rfc3339(shared);
        return store.api_token_user(&tokens::hash(API, token), &now).await.map_err(|_| AppError::StoreFailed);
    }
    let Some(token) = cookies::get(&parts.headers, COOKIE).filter(|t| tokens::plausible(t)) else { return Ok(None) };
    store.session_user(&tokens::hash(SESSION, token), now_secs(shared)).await.map_err(|_| AppError::StoreFailed)
}

/// Now as RFC 3339 UTC, from the configured clock.
pub fn rfc3339(shared: &Shared) -> String {
    rfc3339_secs(now_secs(shared))
}

/// A Unix second as RFC 3339 UTC (`2026-11-25T12:00:00Z`).
pub fn rfc3339_secs(s: i64) -> String {
    let d = lumbar_core::directory::Date::from_days_since_epoch(s.div_euclid(86_400));
    let t = s.rem_euclid(86_400);
    format!("{d}T{:02}:{:02}:{:02}Z", t / 3600, t % 3600 / 60, t % 60)
}

impl FromRequestParts<Arc<Shared>> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, shared: &Arc<Shared>) -> Result<CurrentUser, AppError> {
        if let Some(found) = parts.extensions.get::<CurrentUser>() {
            return Ok(found.clone());
        }
        let user = CurrentUser(lookup(parts, shared).await?);
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// A signed-in account, for pages of one's own area; others are sent to `/signin?next=…`.
#[derive(Clone, Debug)]
pub struct SignedIn(pub User);

impl FromRequestParts<Arc<Shared>> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, shared: &Arc<Shared>) -> Result<SignedIn, Response> {
        match CurrentUser::from_request_parts(parts, shared).await {
            Ok(CurrentUser(Some(user))) => Ok(SignedIn(user)),
            Ok(CurrentUser(None)) => Err(to_signin(parts)),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// `303` to `/signin?next=<this path>`.
fn to_signin(parts: &Parts) -> Response {
    let next = parts.uri.path();
    let next = if next.starts_with('/') && !next.starts_with("//") { next } else { "/" };
    let query: String = form_urlencoded::Serializer::new(String::new()).append_pair("next", next).finish();
    Redirect::to(&format!("/signin?{query}")).into_response()
}

/// A signed-in account with the operator role, for the operator console; a visitor who is
/// not signed in is sent to `/signin?next=…`, anyone else gets 404.
#[derive(Clone, Debug)]
pub struct Operator(pub User);

impl FromRequestParts<Arc<Shared>> for Operator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, shared: &Arc<Shared>) -> Result<Operator, Response> {
        match CurrentUser::from_request_parts(parts, shared).await {
            Ok(CurrentUser(Some(user))) if user.role == Role::Operator => Ok(Operator(user)),
            Ok(CurrentUser(Some(_))) => Err(AppError::NotFound.into_response()),
            Ok(CurrentUser(None)) => Err(to_signin(parts)),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// The owner of the records a route names by id; anyone else gets 404.
#[derive(Clone, Debug)]
pub struct Owner(pub User);

impl FromRequestParts<Arc<Shared>> for Owner {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, shared: &Arc<Shared>) -> Result<Owner, AppError> {
        match CurrentUser::from_request_parts(parts, shared).await? {
            CurrentUser(Some(user)) => Ok(Owner(user)),
            CurrentUser(None) => Err(AppError::NotFound),
        }
    }
}
