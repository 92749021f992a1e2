//! Accounts on the web: sign up, sign in and out, the account page (password, "sign out
//! everywhere", personal API tokens, "Download my data", "Delete my account"), password reset
//! by an emailed one-time link, and the two account endpoints of the JSON API
//! (`GET /api/v1/me/export`, `DELETE /api/v1/me`, registered in [`super::api`]).
//!
//! Every form posts and answers `303 See Other` (post/redirect/get); a problem re-renders the
//! form with `422`, each field's error saying what is wrong and how to fix it, never
//! repeating a password. What happened is said on the next page by a `notice=` word in its
//! query ([`Notice`]), from a fixed list: nothing a visitor types is ever echoed from a URL.
//!
//! - **Sign up** normalises the email (trimmed, lower-case) and checks its shape and the
//!   password's few rules ([`password::check_new`]). An email that already has an account
//!   gets a `303` too, to the sign-in page with a notice that neither confirms nor denies
//!   the account (the new password is hashed either way, so both take as long).
//! - **Sign in** counts failures in the store under `tokens::hash("signin", email)`, so the
//!   backoff holds across server nodes ([`backoff::wait_secs`]): while a wait is due the
//!   answer is `429` with the wait in words and `Retry-After`, and the password is not even
//!   checked. An unknown email is verified against [`password::dummy_hash`] so it takes as
//!   long as a known one. Success clears the failures and rotates the session.
//! - **Password reset**: `POST /reset` always gives the same answer. For an account, a
//!   32-byte token (stored as `tokens::hash("reset", token)`, valid 1 hour by the configured
//!   clock, single use) is mailed as `{public_url}/reset/{token}`. Without
//!   `LUMBAR_PUBLIC_URL` the link is built from the request's `Host` header (`https` when
//!   cookies are `Secure`, i.e. the site is served over TLS): an operator on the internet
//!   must set `LUMBAR_PUBLIC_URL`, or anyone could have a link pointing to their own host
//!   mailed to a person. Over SMTP the mail is sent in the background, so the answer takes
//!   as long whether or not the account exists. Mails per address are limited with the
//!   same backoff (key `tokens::hash("reset-mail", email)`), so the form cannot flood an
//!   inbox. `GET /reset/{token}` only shows the form (mail scanners open links);
//!   `POST /reset/{token}` takes the token. A used, expired or unknown token answers **410
//!   Gone**: the link may well have existed, it will not work again, and the page says to
//!   ask for a new one (404 would say "wrong address", and the three cases are not told
//!   apart, so the page is no oracle).
//! - **Personal API tokens**: the secret is shown once. It travels from the `POST` to the
//!   page in a short-lived cookie sealed with the server secret ([`crate::seal`], purpose
//!   [`TOKEN_FLASH`], 10 minutes, bound to the account, deleted by the `GET` that shows it)
//!   rather than rendered by the `POST` itself: post/redirect/get holds (Reload does not
//!   create a second token, Back shows no resubmit prompt), the secret never appears in a
//!   URL, and the page that shows it is `no-store` like every page.
//!
//! Nothing here logs an email, a password or a token; request paths are logged with secrets
//! replaced (see [`super::loggable_path`]).

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use lumbar_store::{Role, Store, User};
use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts::{backoff, mail::Mailer, password, session, tokens};
use crate::check_flow::FormValues;
use crate::cookies;
use crate::csrf::CsrfToken;
use crate::error::{AppError, Problem};
use crate::i18n::{Arg, Lang, Tr};
use crate::routes::{Shared, with_status};
use crate::views::Chrome;

/// Where a person goes after signing in or up when no `next` was given.
pub const DEFAULT_NEXT: &str = "/my-back";
/// The longest email address accepted (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;
/// The longest API token name.
pub const MAX_TOKEN_NAME: usize = 60;
/// How long a reset link works, in seconds.
pub const RESET_LIFETIME_SECS: i64 = 3600;
/// The sealed cookie carrying a new API token to the page that shows it once.
pub const TOKEN_FLASH: &str = "lumbar_new_token";
/// How long that cookie opens, in seconds.
const TOKEN_FLASH_SECS: u64 = 600;
/// Hash purposes of the keys and tokens of this module.
const SIGNIN: &str = "signin";
const RESET: &str = "reset";
const RESET_MAIL: &str = "reset-mail";

/// The account routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/signup", get(signup_page).post(signup))
        .route("/signin", get(signin_page).post(signin))
        .route("/signout", post(signout))
        .route("/account", get(account_page))
        .route("/account/password", post(change_password))
        .route("/account/signout-everywhere", post(sign_out_everywhere))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route("/account/export", get(export_download))
        .route("/account/delete", post(delete_account))
        .route("/reset", get(reset_request_page).post(reset_request))
        .route("/reset/sent", get(reset_sent))
        .route("/reset/{token}", get(reset_page).post(reset))
}

// ── Small pieces ──────────────────────────────────────────────────────────────────────────

/// What just happened, from `?notice=` (a word from a fixed list, shown in the page's
/// language; anything else is ignored).
#[derive(Clone, Copy, Debug, Default)]
pub struct Notice(pub Option<&'static str>);

/// The notices: the word in the query and its message.
const NOTICES: &[(&str, &str)] = &[
    ("signed-out", "notice-signed-out"),
    ("signup-exists", "notice-signup-exists"),
    ("signed-out-everywhere", "notice-signed-out-everywhere"),
    ("password-changed", "notice-password-changed"),
    ("password-reset", "notice-password-reset"),
    ("token-created", "notice-token-created"),
    ("token-revoked", "notice-token-revoked"),
    ("account-deleted", "notice-account-deleted"),
];

impl Notice {
    /// The notice's text in the page's language.
    pub fn text(self, c: &Chrome<'_>) -> Option<String> {
        self.0.map(|key| c.t(key))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Notice {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Notice, Self::Rejection> {
        let word = parts
            .uri
            .query()
            .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "notice").map(|(_, v)| v));
        Ok(Notice(word.and_then(|w| NOTICES.iter().find(|(n, _)| *n == w).map(|(_, key)| *key))))
    }
}

/// `next` when it is a path on this site (`/…`, not `//…` nor `/\…`, no control
/// characters); otherwise [`DEFAULT_NEXT`]. Never another site.
pub fn safe_next(next: Option<&str>) -> String {
    next.map(str::trim)
        .filter(|n| {
            n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && n.len() <= 512
                && !n.chars().any(|ch| ch.is_control() || ch == '\\')
        })
        .unwrap_or(DEFAULT_NEXT)
        .to_owned()
}

/// An email as stored: trimmed, lower-case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether a (normalised) email has the shape of an address mail can be sent to:
/// `local@domain.tld`, no spaces, quotes or brackets, and accepted by the mail library.
pub fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else { return false };
    let forbidden = |ch: char| ch.is_whitespace() || ch.is_control() || "<>\"(),;:[]\\".contains(ch);
    !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && !email.chars().any(forbidden)
        && domain.contains('.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && !domain.contains("..")
        && email.parse::<lettre::Address>().is_ok()
}

/// A wait in words ("2 seconds", "15 minutes").
fn wait_words(tr: &Tr<'_>, secs: i64) -> String {
    if secs < 120 {
        tr.tn("account-wait-seconds", "n", secs.max(1) as f64)
    } else {
        tr.tn("account-wait-minutes", "n", ((secs + 59) / 60) as f64)
    }
}

/// The store, or the "not available on this server" error.
fn store(shared: &Shared) -> Result<&Arc<dyn Store>, AppError> {
    shared.state.store.as_ref().ok_or(AppError::NoStore)
}

fn store_err(e: lumbar_store::StoreError) -> AppError {
    AppError::store(&e)
}

/// A `303 See Other` to `location` with these cookies.
fn see_other(location: &str, set_cookies: impl IntoIterator<Item = HeaderValue>) -> Response {
    let mut resp = Redirect::to(location).into_response();
    for c in set_cookies {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

/// A link with `next` carried over (only when it is not the default).
fn with_next(path: &str, next: &str) -> String {
    if next == DEFAULT_NEXT {
        path.to_owned()
    } else {
        let query: String = form_urlencoded::Serializer::new(String::new()).append_pair("next", next).finish();
        format!("{path}?{query}")
    }
}

/// A link in the error summary.
struct ErrorLink {
    href: &'static str,
    message: String,
}

/// The errors of one form: the summary and each field's message.
#[derive(Default)]
struct Errors {
    list: Vec<ErrorLink>,
}

impl Errors {
    fn add(&mut self, href: &'static str, message: String) -> Option<String> {
        self.list.push(ErrorLink { href, message: message.clone() });
        Some(message)
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The message of a refused new password.
fn weak_message(c: &Chrome<'_>, weak: password::Weak) -> String {
    match weak {
        password::Weak::TooShort => c.tn("account-error-password-short", "min", password::MIN_LEN),
        password::Weak::TooLong => c.tn("account-error-password-long", "max", password::MAX_LEN),
        password::Weak::IsEmail => c.t("account-error-password-email"),
    }
}

/// The problem with an email typed in a form, if any.
fn email_problem(c: &Chrome<'_>, email: &str) -> Option<String> {
    if email.is_empty() {
        Some(c.t("account-error-email-missing"))
    } else if email.chars().count() > MAX_EMAIL {
        Some(c.tn("account-error-email-too-long", "max", MAX_EMAIL))
    } else if !plausible_email(email) {
        Some(c.t("account-error-email-shape"))
    } else {
        None
    }
}

/// The outcome of checking a password against the backoff and the account's hash.
enum PasswordCheck {
    /// Right: the failures were cleared.
    Right,
    /// Wrong: counted.
    Wrong,
    /// Not checked: wait this many seconds first.
    Wait(i64),
}

/// Checks `password` for the account of `email` (`None`: no such account, checked against
/// the dummy hash), honouring and updating the failure count of that email.
async fn check_password(
    shared: &Shared,
    email: &str,
    stored: Option<String>,
    password: &str,
) -> Result<PasswordCheck, AppError> {
    let store = store(shared)?;
    let key = tokens::hash(SIGNIN, email);
    let now = session::now_secs(shared);
    let (failures, last) = store.sign_in_failures(&key).await.map_err(store_err)?;
    let wait = backoff::wait_secs(failures, last, now);
    if wait > 0 {
        return Ok(PasswordCheck::Wait(wait));
    }
    if password::verify_or_dummy(password.to_owned(), stored).await {
        store.clear_sign_in_failures(&key).await.map_err(store_err)?;
        Ok(PasswordCheck::Right)
    } else {
        store.record_sign_in_failure(&key, now).await.map_err(store_err)?;
        Ok(PasswordCheck::Wrong)
    }
}

/// The account of a `POST` on the account page, or a `303` to sign in first (back to the
/// account page, not to the `POST`'s own address).
fn signed_in(user: session::CurrentUser) -> Result<User, Box<Response>> {
    user.0.ok_or_else(|| Box::new(see_other(&with_next("/signin", "/account"), [])))
}

// ── Sign up ──────────────────────────────────────────────────────────────────────────────

#[derive(Template, WebTemplate)]
#[template(path = "signup.html")]
struct SignupPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    next: String,
    email: String,
    signin_href: String,
    errors: Vec<ErrorLink>,
    email_error: Option<String>,
    password_error: Option<String>,
}

impl<'a> SignupPage<'a> {
    fn new(shared: &'a Shared, lang: Lang, csrf: CsrfToken, next: String) -> SignupPage<'a> {
        SignupPage {
            c: Chrome::new(&shared.i18n, lang, "/signup", ""),
            csrf: csrf.0,
            signin_href: with_next("/signin", &next),
            next,
            email: String::new(),
            errors: Vec::new(),
            email_error: None,
            password_error: None,
        }
    }
}

/// `?next=` of a page.
struct NextParam(Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for NextParam {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<NextParam, Self::Rejection> {
        let next = parts
            .uri
            .query()
            .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "next").map(|(_, v)| v.into_owned()));
        Ok(NextParam(next))
    }
}

async fn signup_page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    NextParam(next): NextParam,
) -> Result<Response, AppError> {
    store(&shared)?;
    Ok(SignupPage::new(&shared, lang, csrf, safe_next(next.as_deref())).into_response())
}

async fn signup(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let form = FormValues::new(pairs);
    let next = safe_next(form.get("next"));
    let email = normalise_email(form.get("email").unwrap_or(""));
    let password = form.get("password").unwrap_or("");
    let mut view = SignupPage::new(&shared, lang, csrf, next.clone());
    let mut errors = Errors::default();
    if let Some(problem) = email_problem(&view.c, &email) {
        view.email_error = errors.add("#signup-email", problem);
    }
    if password.is_empty() {
        view.password_error = errors.add("#signup-password", view.c.t("account-error-password-missing"));
    } else if let Err(weak) = password::check_new(password, &email) {
        view.password_error = errors.add("#signup-password", weak_message(&view.c, weak));
    }
    if !errors.is_empty() {
        view.errors = errors.list;
        view.email = email;
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, view.into_response()));
    }
    // Hashed before the store is asked, so a taken email costs the same time.
    let hash = password::hash(password.to_owned()).await;
    if hash.is_empty() {
        return Err(AppError::Internal);
    }
    let now = session::rfc3339(&shared);
    match store.create_user(&email, &hash, Role::Person, &now).await.map_err(store_err)? {
        Some(id) => {
            let cookie = session::start(&shared, &headers, id).await?;
            Ok(see_other(&next, [cookie]))
        }
        None => {
            let mut target = with_next("/signin", &next);
            target.push(if target.contains('?') { '&' } else { '?' });
            target.push_str("notice=signup-exists");
            Ok(see_other(&target, []))
        }
    }
}

// ── Sign in and out ──────────────────────────────────────────────────────────────────────

#[derive(Template, WebTemplate)]
#[template(path = "signin.html")]
struct SigninPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    next: String,
    email: String,
    notice: Option<String>,
    signup_href: String,
    errors: Vec<ErrorLink>,
    email_error: Option<String>,
    password_error: Option<String>,
}

impl<'a> SigninPage<'a> {
    fn new(shared: &'a Shared, lang: Lang, csrf: CsrfToken, next: String) -> SigninPage<'a> {
        SigninPage {
            c: Chrome::new(&shared.i18n, lang, "/signin", ""),
            csrf: csrf.0,
            signup_href: with_next("/signup", &next),
            next,
            email: String::new(),
            notice: None,
            errors: Vec::new(),
            email_error: None,
            password_error: None,
        }
    }
}

async fn signin_page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    notice: Notice,
    NextParam(next): NextParam,
) -> Result<Response, AppError> {
    store(&shared)?;
    let mut view = SigninPage::new(&shared, lang, csrf, safe_next(next.as_deref()));
    view.notice = notice.text(&view.c);
    Ok(view.into_response())
}

async fn signin(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let form = FormValues::new(pairs);
    let next = safe_next(form.get("next"));
    let email = normalise_email(form.get("email").unwrap_or(""));
    let password = form.get("password").unwrap_or("");
    let mut view = SigninPage::new(&shared, lang, csrf, next.clone());
    view.email = email.clone();
    let mut errors = Errors::default();
    if email.is_empty() {
        view.email_error = errors.add("#signin-email", view.c.t("account-error-email-missing"));
    }
    if password.is_empty() {
        view.password_error = errors.add("#signin-password", view.c.t("account-error-password-missing"));
    }
    if !errors.is_empty() {
        view.errors = errors.list;
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, view.into_response()));
    }
    let found = store.user_by_email(&email).await.map_err(store_err)?;
    let (user, stored) = match found {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    match check_password(&shared, &email, stored, password).await? {
        PasswordCheck::Right => match user {
            Some(user) => {
                let cookie = session::start(&shared, &headers, user.id).await?;
                Ok(see_other(&next, [cookie]))
            }
            None => Err(AppError::Internal),
        },
        PasswordCheck::Wrong => {
            view.password_error = errors.add("#signin-password", view.c.t("account-error-wrong"));
            view.errors = errors.list;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, view.into_response()))
        }
        PasswordCheck::Wait(secs) => {
            let message = view.c.ts("account-error-wait", "wait", &wait_words(&view.c.tr, secs));
            view.password_error = errors.add("#signin-password", message);
            view.errors = errors.list;
            Ok(too_many(view.into_response(), secs))
        }
    }
}

/// A page answered `429 Too Many Requests` with `Retry-After`.
fn too_many(resp: Response, secs: i64) -> Response {
    let mut resp = with_status(StatusCode::TOO_MANY_REQUESTS, resp);
    resp.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
    resp
}

async fn signout(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, AppError> {
    let cookie = session::end(&shared, &headers).await?;
    Ok(see_other("/?notice=signed-out", [cookie]))
}

// ── The account page ─────────────────────────────────────────────────────────────────────

/// One API token in the list.
struct TokenRow {
    id: i64,
    name: String,
    created: String,
    last_used: Option<String>,
}

/// A token just created, shown once.
struct NewToken {
    name: String,
    secret: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "account.html")]
struct AccountPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    email: String,
    role: String,
    created: String,
    notice: Option<String>,
    new_token: Option<NewToken>,
    tokens: Vec<TokenRow>,
    errors: Vec<ErrorLink>,
    current_error: Option<String>,
    new_error: Option<String>,
    token_name: String,
    token_name_error: Option<String>,
    delete_error: Option<String>,
}

/// The day of an RFC 3339 time (`2026-11-25T12:00:00Z` → `2026-11-25`).
fn day_of(rfc3339: &str) -> String {
    rfc3339.split('T').next().unwrap_or(rfc3339).to_owned()
}

async fn account_view<'a>(
    shared: &'a Shared,
    lang: Lang,
    csrf: CsrfToken,
    user: &User,
) -> Result<AccountPage<'a>, AppError> {
    let store = store(shared)?;
    let c = Chrome::new(&shared.i18n, lang, "/account", "account");
    let tokens = store
        .api_tokens(user.id)
        .await
        .map_err(store_err)?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            created: day_of(&t.created_at),
            last_used: t.last_used_at.as_deref().map(day_of),
        })
        .collect();
    Ok(AccountPage {
        csrf: csrf.0,
        email: user.email.clone(),
        role: c.t(&format!("account-role-{}", user.role.as_str())),
        created: day_of(&user.created_at),
        notice: None,
        new_token: None,
        tokens,
        errors: Vec::new(),
        current_error: None,
        new_error: None,
        token_name: String::new(),
        token_name_error: None,
        delete_error: None,
        c,
    })
}

/// The account page re-rendered with the errors of one of its forms.
fn with_errors(mut view: AccountPage<'_>, errors: Errors, status: StatusCode) -> Response {
    view.errors = errors.list;
    with_status(status, view.into_response())
}

async fn account_page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    notice: Notice,
    headers: HeaderMap,
    session::SignedIn(user): session::SignedIn,
) -> Result<Response, AppError> {
    let mut view = account_view(&shared, lang, csrf, &user).await?;
    view.notice = notice.text(&view.c);
    let flash = cookies::get(&headers, TOKEN_FLASH).filter(|v| !v.is_empty());
    if let Some(sealed) = flash {
        let now = shared.state.config.clock.unix_secs();
        let opened = shared.sealer.open(TOKEN_FLASH, now, TOKEN_FLASH_SECS, sealed).ok();
        view.new_token = opened.and_then(|bytes| read_flash(&bytes, user.id));
    }
    let mut resp = view.into_response();
    if flash.is_some() {
        resp.headers_mut().append(header::SET_COOKIE, clear_flash(&shared));
    }
    Ok(resp)
}

/// The flash's payload: `user id \n secret \n name`.
fn read_flash(bytes: &[u8], user: i64) -> Option<NewToken> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut parts = text.splitn(3, '\n');
    let owner: i64 = parts.next()?.parse().ok()?;
    let secret = parts.next()?.to_owned();
    let name = parts.next()?.to_owned();
    (owner == user && tokens::plausible(&secret)).then_some(NewToken { name, secret })
}

fn clear_flash(shared: &Shared) -> HeaderValue {
    cookies::set(TOKEN_FLASH, "", 0, cookies::SameSite::Strict, shared.state.config.secure_cookies)
}

async fn change_password(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    user: session::CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = match signed_in(user) {
        Ok(u) => u,
        Err(r) => return Ok(*r),
    };
    let store = store(&shared)?;
    let form = FormValues::new(pairs);
    let current = form.get("current_password").unwrap_or("");
    let new = form.get("new_password").unwrap_or("");
    let mut view = account_view(&shared, lang, csrf, &user).await?;
    let mut errors = Errors::default();
    if current.is_empty() {
        view.current_error = errors.add("#account-current", view.c.t("account-error-current-missing"));
    }
    if new.is_empty() {
        view.new_error = errors.add("#account-new", view.c.t("account-error-password-missing"));
    } else if let Err(weak) = password::check_new(new, &user.email) {
        view.new_error = errors.add("#account-new", weak_message(&view.c, weak));
    }
    if !errors.is_empty() {
        return Ok(with_errors(view, errors, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let stored = store.user_by_email(&user.email).await.map_err(store_err)?.map(|(_, hash)| hash);
    match check_password(&shared, &user.email, stored, current).await? {
        PasswordCheck::Right => {}
        PasswordCheck::Wrong => {
            view.current_error = errors.add("#account-current", view.c.t("account-error-current-wrong"));
            return Ok(with_errors(view, errors, StatusCode::UNPROCESSABLE_ENTITY));
        }
        PasswordCheck::Wait(secs) => {
            let message = view.c.ts("account-error-current-wait", "wait", &wait_words(&view.c.tr, secs));
            view.current_error = errors.add("#account-current", message);
            return Ok(too_many(with_errors(view, errors, StatusCode::TOO_MANY_REQUESTS), secs));
        }
    }
    let hash = password::hash(new.to_owned()).await;
    if hash.is_empty() {
        return Err(AppError::Internal);
    }
    store.set_password(user.id, &hash).await.map_err(store_err)?;
    // Every session ends, this one included; this browser gets a new one.
    store.delete_sessions(user.id).await.map_err(store_err)?;
    let cookie = session::start(&shared, &headers, user.id).await?;
    Ok(see_other("/account?notice=password-changed", [cookie]))
}

async fn sign_out_everywhere(
    State(shared): State<Arc<Shared>>,
    user: session::CurrentUser,
) -> Result<Response, AppError> {
    let user = match signed_in(user) {
        Ok(u) => u,
        Err(r) => return Ok(*r),
    };
    store(&shared)?.delete_sessions(user.id).await.map_err(store_err)?;
    Ok(see_other("/signin?notice=signed-out-everywhere", [session::clear(&shared)]))
}

async fn create_token(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    user: session::CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = match signed_in(user) {
        Ok(u) => u,
        Err(r) => return Ok(*r),
    };
    let store = store(&shared)?;
    let form = FormValues::new(pairs);
    let name: String = form.get("name").unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    let problem = if name.is_empty() {
        Some(("account-error-token-name-missing", None))
    } else if name.chars().count() > MAX_TOKEN_NAME {
        Some(("account-error-token-name-long", Some(MAX_TOKEN_NAME)))
    } else {
        None
    };
    if let Some((key, max)) = problem {
        let mut view = account_view(&shared, lang, csrf, &user).await?;
        let message = match max {
            Some(max) => view.c.tn(key, "max", max),
            None => view.c.t(key),
        };
        let mut errors = Errors::default();
        view.token_name_error = errors.add("#account-token-name", message);
        view.token_name = name;
        return Ok(with_errors(view, errors, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let secret = tokens::new_secret(32);
    let now = session::rfc3339(&shared);
    store.create_api_token(user.id, &name, &tokens::hash(session::API, &secret), &now).await.map_err(store_err)?;
    let sealed = shared.sealer.seal(
        TOKEN_FLASH,
        shared.state.config.clock.unix_secs(),
        format!("{}\n{secret}\n{name}", user.id).as_bytes(),
    );
    let cookie = cookies::set(
        TOKEN_FLASH,
        &sealed,
        TOKEN_FLASH_SECS,
        cookies::SameSite::Strict,
        shared.state.config.secure_cookies,
    );
    Ok(see_other("/account?notice=token-created#new-token", [cookie]))
}

/// `POST /account/tokens/{id}/revoke`: names a record by id, so anyone but its owner —
/// a visitor who is not signed in too — gets 404 (decision 0006 §6).
async fn revoke_token(
    State(shared): State<Arc<Shared>>,
    session::Owner(user): session::Owner,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !store(&shared)?.revoke_api_token(user.id, id).await.map_err(store_err)? {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/account?notice=token-revoked", []))
}

async fn delete_account(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    user: session::CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = match signed_in(user) {
        Ok(u) => u,
        Err(r) => return Ok(*r),
    };
    let store = store(&shared)?;
    let form = FormValues::new(pairs);
    let password = form.get("password").unwrap_or("");
    let mut view = account_view(&shared, lang, csrf, &user).await?;
    let mut errors = Errors::default();
    if password.is_empty() {
        view.delete_error = errors.add("#account-delete-password", view.c.t("account-error-current-missing"));
        return Ok(with_errors(view, errors, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let stored = store.user_by_email(&user.email).await.map_err(store_err)?.map(|(_, hash)| hash);
    match check_password(&shared, &user.email, stored, password).await? {
        PasswordCheck::Right => {}
        PasswordCheck::Wrong => {
            view.delete_error = errors.add("#account-delete-password", view.c.t("account-error-current-wrong"));
            return Ok(with_errors(view, errors, StatusCode::UNPROCESSABLE_ENTITY));
        }
        PasswordCheck::Wait(secs) => {
            let message = view.c.ts("account-error-current-wait", "wait", &wait_words(&view.c.tr, secs));
            view.delete_error = errors.add("#account-delete-password", message);
            return Ok(too_many(with_errors(view, errors, StatusCode::TOO_MANY_REQUESTS), secs));
        }
    }
    store.delete_user(user.id).await.map_err(store_err)?;
    Ok(see_other("/?notice=account-deleted", [session::clear(&shared), clear_flash(&shared)]))
}

// ── Export ───────────────────────────────────────────────────────────────────────────────

/// Everything lumbar stores about a person, `lumbar.export/1`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Export)]
pub struct ExportDoc {
    /// Always `lumbar.export/1`.
    pub schema: String,
    /// When this document was made (RFC 3339 UTC).
    pub exported_at: String,
    /// The account (never its password hash).
    pub account: ExportAccount,
    /// Saved checks, newest first: the answers and the assessment.
    pub saved_checks: Vec<ExportItem>,
    /// Massage plans, newest first, each with its logged sessions and check-ins.
    pub plans: Vec<ExportPlan>,
    /// Intake share links, newest first (never their tokens), with when each was opened.
    pub shares: Vec<ExportShare>,
    /// Reviews written.
    pub reviews: Vec<ExportReview>,
    /// Personal API tokens (names and dates; never the tokens).
    pub api_tokens: Vec<ExportToken>,
}

/// The account in an export.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportAccount {
    /// Email address.
    pub email: String,
    /// `person`, `therapist`, `clinician` or `operator`.
    pub role: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Version of the privacy text agreed to when health data was first saved.
    pub privacy_version: Option<String>,
}

/// A saved check or a logged entry: its id, date and document.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportItem {
    /// Id.
    pub id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The document as saved.
    #[schema(value_type = Object)]
    pub doc: serde_json::Value,
}

/// A plan in an export.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportPlan {
    /// Id.
    pub id: i64,
    /// The saved check it started from.
    pub check_id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Whether it was ended.
    pub ended: bool,
    /// Baseline and settings.
    #[schema(value_type = Object)]
    pub doc: serde_json::Value,
    /// Sessions and check-ins, in the order logged.
    pub entries: Vec<ExportItem>,
}

/// A share link in an export.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportShare {
    /// Id.
    pub id: i64,
    /// The saved check it shares.
    pub check_id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// When it stops opening (RFC 3339 UTC).
    pub expires_at: String,
    /// Revoked.
    pub revoked: bool,
    /// The shared sections.
    #[schema(value_type = Object)]
    pub doc: serde_json::Value,
    /// When it was opened (RFC 3339 UTC), oldest first.
    pub opened: Vec<String>,
}

/// A review in an export.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportReview {
    /// Id.
    pub id: i64,
    /// The directory listing reviewed.
    pub therapist_id: i64,
    /// 1–5.
    pub overall: u8,
    /// "Helped my back".
    pub helped_back: Option<bool>,
    /// "Listened to my needs".
    pub listened: Option<bool>,
    /// "Respected my precautions".
    pub respected_precautions: Option<bool>,
    /// The words written.
    pub text: String,
    /// `pending`, `approved` or `hidden`.
    pub moderation: String,
    /// RFC 3339 UTC.
    pub updated_at: String,
}

/// An API token in an export.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportToken {
    /// The name given.
    pub name: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC of the last use.
    pub last_used_at: Option<String>,
}

/// The schema word of an export.
pub const EXPORT_SCHEMA: &str = "lumbar.export/1";

/// Everything stored about `user`, read from the store.
pub async fn export_doc(store: &dyn Store, user: &User, now: &str) -> Result<ExportDoc, lumbar_store::StoreError> {
    let saved_checks = store
        .checks(user.id)
        .await?
        .into_iter()
        .map(|c| ExportItem { id: c.id, created_at: c.created_at, doc: c.doc })
        .collect();
    let mut plans = Vec::new();
    for p in store.plans(user.id).await? {
        let entries = store
            .entries(user.id, p.id)
            .await?
            .into_iter()
            .map(|e| ExportItem { id: e.id, created_at: e.created_at, doc: e.doc })
            .collect();
        plans.push(ExportPlan {
            id: p.id,
            check_id: p.check_id,
            created_at: p.created_at,
            ended: p.ended,
            doc: p.doc,
            entries,
        });
    }
    let shares = store
        .shares(user.id)
        .await?
        .into_iter()
        .map(|s| ExportShare {
            id: s.id,
            check_id: s.check_id,
            created_at: s.created_at,
            expires_at: session::rfc3339_secs(s.expires_secs),
            revoked: s.revoked,
            doc: s.doc,
            opened: s.opened,
        })
        .collect();
    let reviews = store
        .my_reviews(user.id)
        .await?
        .into_iter()
        .map(|r| ExportReview {
            id: r.id,
            therapist_id: r.therapist_id,
            overall: r.review.overall,
            helped_back: r.review.helped_back,
            listened: r.review.listened,
            respected_precautions: r.review.respected_precautions,
            text: r.review.text,
            moderation: r.moderation.as_str().to_owned(),
            updated_at: r.updated_at,
        })
        .collect();
    let api_tokens = store
        .api_tokens(user.id)
        .await?
        .into_iter()
        .map(|t| ExportToken { name: t.name, created_at: t.created_at, last_used_at: t.last_used_at })
        .collect();
    Ok(ExportDoc {
        schema: EXPORT_SCHEMA.to_owned(),
        exported_at: now.to_owned(),
        account: ExportAccount {
            email: user.email.clone(),
            role: user.role.as_str().to_owned(),
            created_at: user.created_at.clone(),
            privacy_version: user.privacy_version.clone(),
        },
        saved_checks,
        plans,
        shares,
        reviews,
        api_tokens,
    })
}

/// The export as a JSON response (`attachment` when downloaded from the account page).
async fn export_response(shared: &Shared, user: &User, attachment: bool) -> Result<Response, AppError> {
    let store = store(shared)?;
    let doc = export_doc(store.as_ref(), user, &session::rfc3339(shared)).await.map_err(store_err)?;
    let mut body = serde_json::to_string_pretty(&doc).map_err(|_| AppError::Internal)?;
    body.push('\n');
    let mut resp =
        (StatusCode::OK, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response();
    if attachment {
        resp.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"lumbar-my-data.json\""),
        );
    }
    Ok(resp)
}

async fn export_download(
    State(shared): State<Arc<Shared>>,
    session::SignedIn(user): session::SignedIn,
) -> Result<Response, AppError> {
    export_response(&shared, &user, true).await
}

// ── Password reset ───────────────────────────────────────────────────────────────────────

#[derive(Template, WebTemplate)]
#[template(path = "reset_request.html")]
struct ResetRequestPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    /// `form` or `sent`.
    state: &'static str,
    email: String,
    errors: Vec<ErrorLink>,
    email_error: Option<String>,
}

async fn reset_request_page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
) -> Result<Response, AppError> {
    store(&shared)?;
    let c = Chrome::new(&shared.i18n, lang, "/reset", "");
    Ok(ResetRequestPage { c, csrf: csrf.0, state: "form", email: String::new(), errors: Vec::new(), email_error: None }
        .into_response())
}

async fn reset_sent(State(shared): State<Arc<Shared>>, lang: Lang, csrf: CsrfToken) -> Response {
    let c = Chrome::new(&shared.i18n, lang, "/reset/sent", "");
    ResetRequestPage { c, csrf: csrf.0, state: "sent", email: String::new(), errors: Vec::new(), email_error: None }
        .into_response()
}

/// The site's address for links in mail: `LUMBAR_PUBLIC_URL`, or the request's `Host`
/// (a host name or address and port only; anything else gives `localhost`).
fn base_url(shared: &Shared, headers: &HeaderMap) -> String {
    if let Some(url) = &shared.state.config.public_url {
        return url.clone();
    }
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        tracing::warn!("LUMBAR_PUBLIC_URL is not set: links in mail are built from the request's Host header");
    });
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
        })
        .unwrap_or("localhost");
    let scheme = if shared.state.config.secure_cookies { "https" } else { "http" };
    format!("{scheme}://{host}")
}

async fn reset_request(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let form = FormValues::new(pairs);
    let email = normalise_email(form.get("email").unwrap_or(""));
    let c = Chrome::new(&shared.i18n, lang, "/reset", "");
    if let Some(problem) = email_problem(&c, &email) {
        let mut errors = Errors::default();
        let email_error = errors.add("#reset-email", problem);
        let view = ResetRequestPage { c, csrf: csrf.0, state: "form", email, errors: errors.list, email_error };
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, view.into_response()));
    }
    if let Some((user, _)) = store.user_by_email(&email).await.map_err(store_err)? {
        send_reset(&shared, &c.tr, &headers, &user).await?;
    }
    Ok(see_other("/reset/sent", []))
}

/// Makes a reset token for `user` and mails its link, unless this address was sent too
/// many links lately (then nothing is sent, and the answer is the same).
async fn send_reset(shared: &Shared, tr: &Tr<'_>, headers: &HeaderMap, user: &User) -> Result<(), AppError> {
    let store = store(shared)?;
    let now = session::now_secs(shared);
    // The failed-sign-in counter, under its own key, limits the mails per address.
    let limit_key = tokens::hash(RESET_MAIL, &user.email);
    let (sent, last) = store.sign_in_failures(&limit_key).await.map_err(store_err)?;
    if backoff::wait_secs(sent, last, now) > 0 {
        return Ok(());
    }
    store.record_sign_in_failure(&limit_key, now).await.map_err(store_err)?;
    let token = tokens::new_secret(32);
    store.create_reset(&tokens::hash(RESET, &token), user.id, now + RESET_LIFETIME_SECS).await.map_err(store_err)?;
    let link = format!("{}/reset/{token}", base_url(shared, headers));
    let subject = tr.t("reset-mail-subject");
    let body = tr.ta("reset-mail-body", &[("link", Arg::Text(link))]);
    let config = &shared.state.config;
    let created = session::rfc3339(shared);
    match &config.mailer {
        Mailer::Outbox => {
            config
                .mailer
                .send(store.as_ref(), &config.mail_from, &user.email, &subject, &body, &created)
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "a reset mail could not be put in the outbox");
                    AppError::StoreFailed
                })?;
        }
        Mailer::Smtp { .. } => {
            // In the background: the answer must not take longer when the account exists.
            let (mailer, store, from, to) =
                (config.mailer.clone(), store.clone(), config.mail_from.clone(), user.email.clone());
            tokio::spawn(async move {
                if let Err(e) = mailer.send(store.as_ref(), &from, &to, &subject, &body, &created).await {
                    tracing::error!(error = %e, "a reset mail could not be sent");
                }
            });
        }
    }
    Ok(())
}

#[derive(Template, WebTemplate)]
#[template(path = "reset.html")]
struct ResetPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    /// `form` or `gone`.
    state: &'static str,
    action: String,
    errors: Vec<ErrorLink>,
    password_error: Option<String>,
}

fn reset_gone(shared: &Shared, lang: Lang, csrf: CsrfToken) -> Response {
    let c = Chrome::new(&shared.i18n, lang, "/reset", "");
    let view =
        ResetPage { c, csrf: csrf.0, state: "gone", action: String::new(), errors: Vec::new(), password_error: None };
    with_status(StatusCode::GONE, view.into_response())
}

async fn reset_page(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    if !tokens::plausible(&token) {
        return Ok(reset_gone(&shared, lang, csrf));
    }
    // Looking does not use the link up (mail scanners open links); a used or expired one
    // says so at once instead of after the new password was typed.
    let now = session::now_secs(&shared);
    if store.reset_user(&tokens::hash(RESET, &token), now).await.map_err(store_err)?.is_none() {
        return Ok(reset_gone(&shared, lang, csrf));
    }
    // The language switch leads to the request form: the token stays out of other links.
    let c = Chrome::new(&shared.i18n, lang, "/reset", "");
    let view = ResetPage {
        c,
        csrf: csrf.0,
        state: "form",
        action: format!("/reset/{token}"),
        errors: Vec::new(),
        password_error: None,
    };
    Ok(view.into_response())
}

/// The reset form again, with the new password's problem (`422`).
fn refuse(c: Chrome<'_>, csrf: CsrfToken, action: String, message: String) -> Response {
    let mut errors = Errors::default();
    let password_error = errors.add("#reset-password", message);
    let view = ResetPage { c, csrf: csrf.0, state: "form", action, errors: errors.list, password_error };
    with_status(StatusCode::UNPROCESSABLE_ENTITY, view.into_response())
}

async fn reset(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    if !tokens::plausible(&token) {
        return Ok(reset_gone(&shared, lang, csrf));
    }
    let form = FormValues::new(pairs);
    let new = form.get("new_password").unwrap_or("");
    let c = Chrome::new(&shared.i18n, lang, "/reset", "");
    // The rules that do not need the account are checked before the token is used up.
    let weak = if new.is_empty() { Some(c.t("account-error-password-missing")) } else { None };
    let weak = weak.or_else(|| password::check_new(new, "").err().map(|w| weak_message(&c, w)));
    if let Some(message) = weak {
        return Ok(refuse(c, csrf, format!("/reset/{token}"), message));
    }
    let now = session::now_secs(&shared);
    let token_hash = tokens::hash(RESET, &token);
    // The account's own rule (not the email) is checked before the link is used up.
    let Some(user_id) = store.reset_user(&token_hash, now).await.map_err(store_err)? else {
        return Ok(reset_gone(&shared, lang, csrf));
    };
    let Some(user) = store.user(user_id).await.map_err(store_err)? else {
        return Ok(reset_gone(&shared, lang, csrf));
    };
    if let Err(weak) = password::check_new(new, &user.email) {
        let message = weak_message(&c, weak);
        return Ok(refuse(c, csrf, format!("/reset/{token}"), message));
    }
    // Single use, even when two nodes receive the same form at once.
    if store.take_reset(&token_hash, now).await.map_err(store_err)? != Some(user.id) {
        return Ok(reset_gone(&shared, lang, csrf));
    }
    let hash = password::hash(new.to_owned()).await;
    if hash.is_empty() {
        return Err(AppError::Internal);
    }
    store.set_password(user.id, &hash).await.map_err(store_err)?;
    store.delete_sessions(user.id).await.map_err(store_err)?;
    store.clear_sign_in_failures(&tokens::hash(SIGNIN, &user.email)).await.map_err(store_err)?;
    store.clear_sign_in_failures(&tokens::hash(RESET_MAIL, &user.email)).await.map_err(store_err)?;
    Ok(see_other("/signin?notice=password-reset", [session::clear(&shared)]))
}

// ── JSON API ─────────────────────────────────────────────────────────────────────────────

/// Download my data.
///
/// Everything lumbar stores about the signed-in person as one `lumbar.export/1` document:
/// the account (never the password hash), saved checks, plans with their entries, share
/// links with their openings, reviews and API token names. Authenticate with a personal
/// API token (`Authorization: Bearer …`, created on the account page) or a browser session.
/// Anyone else gets 404.
#[utoipa::path(
    get,
    path = "/api/v1/me/export",
    tag = "account",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Everything stored about the person", body = ExportDoc),
        (status = 404, description = "Not signed in (no valid token or session)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server has no database", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn export_me(
    State(shared): State<Arc<Shared>>,
    session::Owner(user): session::Owner,
) -> Result<Response, AppError> {
    export_response(&shared, &user, false).await
}

/// Delete my account.
///
/// Deletes the account and everything stored with it at once (saved checks, plans, logged
/// sessions, share links, reviews, sessions, API tokens). Cannot be undone: export first.
/// Anyone but the account holder gets 404.
#[utoipa::path(
    delete,
    path = "/api/v1/me",
    tag = "account",
    security(("api_token" = [])),
    responses(
        (status = 204, description = "The account and its data are deleted"),
        (status = 404, description = "Not signed in (no valid token or session)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_me(
    State(shared): State<Arc<Shared>>,
    session::Owner(user): session::Owner,
) -> Result<Response, AppError> {
    store(&shared)?.delete_user(user.id).await.map_err(store_err)?;
    let mut resp = StatusCode::NO_CONTENT.into_response();
    resp.headers_mut().append(header::SET_COOKIE, session::clear(&shared));
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_only_a_local_path() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("/my-back?x=1")), "/my-back?x=1");
        assert_eq!(safe_next(None), DEFAULT_NEXT);
        for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "/a\nb", "/a\\b", ""] {
            assert_eq!(safe_next(Some(bad)), DEFAULT_NEXT, "{bad:?}");
        }
    }

    #[test]
    fn emails_are_normalised_and_checked_for_shape() {
        assert_eq!(normalise_email("  Ana.Lopez@Example.ORG "), "ana.lopez@example.org");
        for good in ["ana@example.org", "a.b+c@mail.example.co.uk"] {
            assert!(plausible_email(good), "{good}");
        }
        for bad in [
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "ana@@example.org",
            "a na@example.org",
            "ana@.org",
            "ana@example..org",
            "<ana@example.org>",
        ] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn the_new_token_flash_opens_only_for_its_account() {
        let bytes = b"7\nabcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\nmy sheet";
        assert!(read_flash(bytes, 7).is_some_and(|t| t.name == "my sheet"));
        assert!(read_flash(bytes, 8).is_none());
        assert!(read_flash(b"7\nshort\nx", 7).is_none());
    }
}
