//! Accounts through the web and the API: sign up, sign in and out, the failed-sign-in backoff
//! (counted in the store, with a clock the test moves), session rotation, "sign out
//! everywhere", password change, password reset through the outbox and through a real SMTP
//! server on loopback, "Download my data", "Delete my account", personal API tokens, and the
//! session cookie's attributes. The flows that touch the store run on SQLite and PostgreSQL.
//! Expected texts are written here from the issue and the pages' messages, by hand.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use lumbar_store::Store;
use lumbar_web::WebConfig;
use serde_json::{Value, json};

use crate::support::{Resp, TestApp, config, load_demo, strip_tags};

/// 2026-11-25T12:00:00Z, the day the other web tests are shown on.
const T0: u64 = 1_795_608_000;
const EMAIL: &str = "ana.lopez@example.org";
const PASSWORD: &str = "sea otters hold hands";
const NEW_PASSWORD: &str = "kelp forest at dawn";

/// One body, run on SQLite and on PostgreSQL.
macro_rules! on_both_backends {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$body(std::sync::Arc::new(lumbar_testkit::sqlite_store().await)).await;
            }

            lumbar_testkit::postgres_test! {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let store = lumbar_testkit::postgres_store().await.expect(lumbar_testkit::RUN_BUT_SKIPPED);
                    super::$body(std::sync::Arc::new(store)).await;
                }
            }
        }
    };
}

fn config_at(secs: u64) -> WebConfig {
    WebConfig { clock: lumbar_store::Clock::At(secs), ..config() }
}

/// A browser on the app over `store`, at second `secs`.
fn browser(store: &Arc<dyn Store>, secs: u64) -> TestApp {
    TestApp::with_store_and_config(store.clone(), config_at(secs))
}

/// Moves this browser's clock: the same store and cookies, the app as of second `secs`.
fn move_to(app: &mut TestApp, store: &Arc<dyn Store>, secs: u64) {
    app.router = browser(store, secs).router;
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// Fills in the form posting to `action` on `page` (its hidden fields, then `fields`) and
/// posts it; the response as it is.
async fn submit(app: &mut TestApp, page: &Resp, action: &str, fields: &[(&str, &str)]) -> Resp {
    let mut form = page.hidden_of_action(action);
    assert!(form.iter().any(|(k, _)| k == "csrf"), "a form posting to {action} on:\n{}", page.body);
    form.extend(pairs(fields));
    app.post_form_raw(action, &form).await
}

async fn sign_up(app: &mut TestApp, email: &str, password: &str) -> Resp {
    let page = app.get("/signup").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    submit(app, &page, "/signup", &[("email", email), ("password", password)]).await
}

async fn sign_in(app: &mut TestApp, email: &str, password: &str) -> Resp {
    let page = app.get("/signin").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    submit(app, &page, "/signin", &[("email", email), ("password", password)]).await
}

async fn account(app: &mut TestApp) -> Resp {
    app.get("/account").await
}

/// Whether this browser is signed in (the account page shows instead of a redirect).
async fn signed_in_as(app: &mut TestApp) -> Option<String> {
    let r = account(app).await;
    match r.status {
        StatusCode::OK => Some(r.body),
        StatusCode::SEE_OTHER => {
            assert_eq!(r.header("location"), "/signin?next=%2Faccount");
            None
        }
        s => panic!("GET /account: {s}\n{}", r.body),
    }
}

fn set_cookies(r: &Resp) -> Vec<String> {
    r.headers.get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok().map(str::to_owned)).collect()
}

fn session_cookie(r: &Resp) -> Option<String> {
    set_cookies(r).into_iter().find(|c| c.starts_with("lumbar_session="))
}

/// The error summary's links: (href, text).
fn error_links(r: &Resp) -> Vec<(String, String)> {
    let Some(start) = r.body.find("class=\"error-summary\"") else { return Vec::new() };
    let end = r.body[start..].find("</div>").map_or(r.body.len(), |j| start + j);
    let part = &r.body[start..end];
    part.match_indices("<a href=\"")
        .filter_map(|(i, m)| {
            let rest = &part[i + m.len()..];
            let href = &rest[..rest.find('"')?];
            let text = &rest[rest.find('>')? + 1..rest.find("</a>")?];
            Some((href.to_owned(), strip_tags(text)))
        })
        .collect()
}

/// The reset token in a mail body's link after `prefix`.
fn token_after(body: &str, prefix: &str) -> String {
    let at = body.find(prefix).unwrap_or_else(|| panic!("no `{prefix}` in the mail:\n{body}")) + prefix.len();
    body[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

// ── Sign up, sign in, sign out ───────────────────────────────────────────────────────────

async fn sign_up_signs_in_and_sign_out_ends_the_session(store: Arc<dyn Store>) {
    let mut app = browser(&store, T0);
    assert_eq!(signed_in_as(&mut app).await, None);
    let r = sign_up(&mut app, "  Ana.Lopez@Example.ORG ", PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/my-back", "no next: the person's own page");
    let cookie = session_cookie(&r).unwrap_or_else(|| panic!("a session cookie: {:?}", set_cookies(&r)));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), "{cookie}");
    let (user, _) = store.user_by_email(EMAIL).await.unwrap_or_else(|e| panic!("{e}")).expect("stored lower-case");
    assert_eq!(user.role, lumbar_store::Role::Person);
    let page = signed_in_as(&mut app).await.expect("signed in");
    assert!(strip_tags(&page).contains("You are signed in as ana.lopez@example.org."), "{page}");
    assert!(strip_tags(&page).contains("Account type: person."));
    assert!(!page.contains("argon2"), "never the hash");

    let old = app.cookies.get("lumbar_session").cloned().expect("the cookie jar has it");
    let page = account(&mut app).await;
    let r = submit(&mut app, &page, "/signout", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/?notice=signed-out");
    assert!(session_cookie(&r).is_some_and(|c| c.contains("Max-Age=0")), "{:?}", set_cookies(&r));
    let home = app.get("/?notice=signed-out").await;
    assert!(strip_tags(&home.body).contains("You are signed out."), "{}", home.body);
    assert_eq!(signed_in_as(&mut app).await, None);
    // The ended session is gone from the store: presenting the old cookie again opens nothing.
    app.cookies.insert("lumbar_session".into(), old);
    assert_eq!(signed_in_as(&mut app).await, None, "the old session no longer works");

    // `next` is followed when it is a local path, never to another site.
    let mut other = browser(&store, T0);
    let page = other.get("/signin?next=/account").await;
    let r = submit(&mut other, &page, "/signin", &[("email", EMAIL), ("password", PASSWORD)]).await;
    assert_eq!(r.header("location"), "/account");
    let mut other = browser(&store, T0);
    let page = other.get("/signin?next=https://evil.example/").await;
    let r = submit(&mut other, &page, "/signin", &[("email", EMAIL), ("password", PASSWORD)]).await;
    assert_eq!(r.header("location"), "/my-back");
    let mut other = browser(&store, T0);
    let page = other.get("/signup?next=//evil.example/").await;
    let r = submit(&mut other, &page, "/signup", &[("email", "ben@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(r.header("location"), "/my-back");
}

on_both_backends!(sign_up_signs_in_and_sign_out_ends_the_session_on, sign_up_signs_in_and_sign_out_ends_the_session);

#[tokio::test]
async fn sign_up_errors_name_the_field_and_how_to_fix_it() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    let r = sign_up(&mut app, "", "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_links(&r),
        vec![
            ("#signup-email".to_owned(), "Enter your email address.".to_owned()),
            ("#signup-password".to_owned(), "Enter your password.".to_owned())
        ]
    );
    let r = sign_up(&mut app, "ana@example", "short pw").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_links(&r),
        vec![
            ("#signup-email".to_owned(), "Enter an email address in the form name@example.com.".to_owned()),
            ("#signup-password".to_owned(), "Your password is too short. Use at least 10 characters.".to_owned())
        ]
    );
    assert!(r.body.contains("value=\"ana@example\""), "the email typed is kept");
    assert!(!r.body.contains("short pw"), "a password is never shown back");
    assert!(r.body.contains("<title>Error: Create an account"), "the title says there is an error");
    let r = sign_up(&mut app, EMAIL, "Ana.Lopez@example.org").await;
    assert_eq!(
        error_links(&r),
        vec![(
            "#signup-password".to_owned(),
            "Your password cannot be your email address. Choose something else.".to_owned()
        )]
    );
    assert!(store.users().await.unwrap_or_else(|e| panic!("{e}")).is_empty(), "nothing stored");
}

#[tokio::test]
async fn an_existing_email_gets_the_same_status_and_no_session() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut first = browser(&store, T0);
    assert_eq!(sign_up(&mut first, EMAIL, PASSWORD).await.status, StatusCode::SEE_OTHER);
    let mut second = browser(&store, T0);
    let r = sign_up(&mut second, EMAIL, "another password entirely").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "the same status as a new account");
    assert_eq!(r.header("location"), "/signin?notice=signup-exists");
    assert!(session_cookie(&r).is_none(), "not signed in");
    let page = second.get("/signin?notice=signup-exists").await;
    assert!(
        strip_tags(&page.body).contains(
            "If this email address already has an account, sign in here. If you forgot its password, reset it."
        ),
        "{}",
        page.body
    );
    assert_eq!(signed_in_as(&mut second).await, None);
    // The account keeps its own password.
    assert_eq!(sign_in(&mut second, EMAIL, "another password entirely").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sign_in(&mut second, EMAIL, PASSWORD).await.status, StatusCode::SEE_OTHER);
}

// ── Backoff ──────────────────────────────────────────────────────────────────────────────

async fn wrong_passwords_are_counted_and_back_off(store: Arc<dyn Store>) {
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let mut app = browser(&store, T0);
    for n in 1..=5 {
        let r = sign_in(&mut app, EMAIL, "not the password").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "failure {n}");
        assert_eq!(
            error_links(&r),
            vec![(
                "#signin-password".to_owned(),
                "The email address or the password is not right. Check both and try again, or reset your password."
                    .to_owned()
            )]
        );
        assert!(r.body.contains("value=\"ana.lopez@example.org\""));
    }
    // Five failures: the next attempt waits 2 seconds, and the password is not even checked.
    let r = sign_in(&mut app, EMAIL, PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert_eq!(r.header("retry-after"), "2");
    assert!(
        strip_tags(&r.body).contains(
            "There were too many wrong passwords for this email address. Wait 2 seconds and try again, or reset your password."
        ),
        "{}",
        r.body
    );
    assert!(session_cookie(&r).is_none());
    // The count is in the store: another server node (another app over the same store)
    // holds the same wait.
    let mut other_node = browser(&store, T0 + 1);
    let r = sign_in(&mut other_node, EMAIL, PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.header("retry-after"), "1");
    // Two seconds later a wrong password counts again (6 failures: 4 seconds) …
    move_to(&mut app, &store, T0 + 2);
    assert_eq!(sign_in(&mut app, EMAIL, "still not it").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = sign_in(&mut app, EMAIL, PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(strip_tags(&r.body).contains("Wait 4 seconds"), "{}", r.body);
    // … and after the wait the right one signs in and clears the count.
    move_to(&mut app, &store, T0 + 6);
    let r = sign_in(&mut app, EMAIL, PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for _ in 1..=5 {
        assert_eq!(sign_in(&mut app, EMAIL, "wrong again").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(sign_in(&mut app, EMAIL, "wrong again").await.status, StatusCode::TOO_MANY_REQUESTS);
    // An email without an account answers the same way, so the backoff says nothing about
    // which addresses have accounts.
    let mut app = browser(&store, T0);
    for _ in 1..=5 {
        assert_eq!(sign_in(&mut app, "nobody@example.org", PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(sign_in(&mut app, "nobody@example.org", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    // Long waits are said in minutes: 14 failures wait 15 minutes.
    let mut app = browser(&store, T0);
    for _ in 1..=14 {
        store
            .record_sign_in_failure(&lumbar_web::accounts::tokens::hash("signin", "cy@example.org"), T0 as i64)
            .await
            .ok();
    }
    let r = sign_in(&mut app, "cy@example.org", PASSWORD).await;
    assert_eq!(r.header("retry-after"), "900");
    assert!(strip_tags(&r.body).contains("Wait 15 minutes"), "{}", r.body);
}

on_both_backends!(
    wrong_passwords_are_counted_and_back_off_with_a_clock_that_moves,
    wrong_passwords_are_counted_and_back_off
);

// ── Sessions ─────────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn sign_in_rotates_the_session() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let first = app.cookies.get("lumbar_session").cloned().expect("signed in");
    let r = sign_in(&mut app, EMAIL, PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let second = app.cookies.get("lumbar_session").cloned().expect("signed in");
    assert_ne!(first, second, "a new session on sign-in");
    assert!(signed_in_as(&mut app).await.is_some());
    app.cookies.insert("lumbar_session".into(), first);
    assert_eq!(signed_in_as(&mut app).await, None, "the session before sign-in ended");
    // A session value planted before sign-in (fixation) is never the one signed in.
    let mut app = browser(&store, T0);
    let planted = "PlantedByAnAttacker_0123456789abcdefghijk".to_owned();
    app.cookies.insert("lumbar_session".into(), planted.clone());
    sign_in(&mut app, EMAIL, PASSWORD).await;
    assert_ne!(app.cookies.get("lumbar_session"), Some(&planted));
}

#[tokio::test]
async fn sign_out_everywhere_ends_another_browsers_session() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut phone = browser(&store, T0);
    sign_up(&mut phone, EMAIL, PASSWORD).await;
    let mut laptop = browser(&store, T0);
    sign_in(&mut laptop, EMAIL, PASSWORD).await;
    assert!(signed_in_as(&mut laptop).await.is_some());
    let page = account(&mut phone).await;
    let r = submit(&mut phone, &page, "/account/signout-everywhere", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/signin?notice=signed-out-everywhere");
    let page = phone.get("/signin?notice=signed-out-everywhere").await;
    assert!(strip_tags(&page.body).contains("You are signed out on every device and browser."));
    assert_eq!(signed_in_as(&mut laptop).await, None, "the other browser is signed out");
    assert_eq!(signed_in_as(&mut phone).await, None, "and this one");
}

#[tokio::test]
async fn a_password_change_keeps_this_browser_and_ends_the_others() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut phone = browser(&store, T0);
    sign_up(&mut phone, EMAIL, PASSWORD).await;
    let mut laptop = browser(&store, T0);
    sign_in(&mut laptop, EMAIL, PASSWORD).await;
    let page = account(&mut phone).await;
    let r = submit(
        &mut phone,
        &page,
        "/account/password",
        &[("current_password", "wrong"), ("new_password", NEW_PASSWORD)],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_links(&r),
        vec![(
            "#account-current".to_owned(),
            "Your current password is not right. Check it and try again, or reset your password.".to_owned()
        )]
    );
    let r = submit(&mut phone, &page, "/account/password", &[("current_password", PASSWORD), ("new_password", "tiny")])
        .await;
    assert_eq!(
        error_links(&r),
        vec![("#account-new".to_owned(), "Your password is too short. Use at least 10 characters.".to_owned())]
    );
    let r = submit(
        &mut phone,
        &page,
        "/account/password",
        &[("current_password", PASSWORD), ("new_password", NEW_PASSWORD)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/account?notice=password-changed");
    let page = phone.get("/account?notice=password-changed").await;
    assert_eq!(page.status, StatusCode::OK, "this browser stays signed in");
    assert!(
        strip_tags(&page.body)
            .contains("Your password is changed. You are signed out on your other devices and browsers.")
    );
    assert_eq!(signed_in_as(&mut laptop).await, None, "the other browser is signed out");
    assert_eq!(sign_in(&mut laptop, EMAIL, PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sign_in(&mut laptop, EMAIL, NEW_PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_session_cookie_is_httponly_lax_and_secure_when_configured() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = TestApp::with_store_and_config(store.clone(), WebConfig { secure_cookies: true, ..config_at(T0) });
    let r = sign_up(&mut app, EMAIL, PASSWORD).await;
    let cookie = session_cookie(&r).expect("a session cookie");
    assert!(cookie.starts_with("lumbar_session="));
    for part in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.split("; ").any(|p| p == part), "{part} in {cookie}");
    }
    let page = account(&mut app).await;
    let r = submit(&mut app, &page, "/signout", &[]).await;
    let cleared = session_cookie(&r).expect("cleared");
    assert!(cleared.contains("Max-Age=0") && cleared.contains("Secure"), "{cleared}");
}

#[tokio::test]
async fn account_pages_need_a_session() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    let r = app.get("/account").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/signin?next=%2Faccount"));
    let r = app.get("/account/export").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/signin?next=%2Faccount%2Fexport"));
    let csrf = app.get("/signin").await.csrf();
    for action in ["/account/delete", "/account/password", "/account/tokens", "/account/signout-everywhere"] {
        let r = app.post_form_raw(action, &pairs(&[("csrf", &csrf), ("password", PASSWORD)])).await;
        assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/signin?next=%2Faccount"), "{action}");
    }
}

// ── Password reset ───────────────────────────────────────────────────────────────────────

async fn ask_for_a_link(app: &mut TestApp, email: &str) -> Resp {
    let page = app.get("/reset").await;
    assert_eq!(page.status, StatusCode::OK);
    submit(app, &page, "/reset", &[("email", email)]).await
}

async fn mails_to(store: &Arc<dyn Store>, to: &str) -> Vec<lumbar_store::Mail> {
    let all = store.outbox(100).await.unwrap_or_else(|e| panic!("{e}"));
    all.into_iter().filter(|m| m.to == to).collect()
}

async fn choose_password(app: &mut TestApp, token: &str, password: &str) -> Resp {
    let path = format!("/reset/{token}");
    let page = app.get(&path).await;
    if page.status == StatusCode::GONE {
        // a used or expired link says so when opened: no form to fill in
        assert!(!page.body.contains("name=\"new_password\""), "{}", page.body);
        return page;
    }
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    submit(app, &page, &path, &[("new_password", password)]).await
}

async fn password_reset_through_the_outbox(store: Arc<dyn Store>) {
    let config = WebConfig { public_url: Some("https://lumbar.example.org".into()), ..config_at(T0) };
    let mut app = TestApp::with_store_and_config(store.clone(), config.clone());
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let mut other = TestApp::with_store_and_config(store.clone(), config.clone());
    sign_in(&mut other, EMAIL, PASSWORD).await;

    let mut forgetful = TestApp::with_store_and_config(store.clone(), config.clone());
    let known = ask_for_a_link(&mut forgetful, EMAIL).await;
    let unknown = ask_for_a_link(&mut forgetful, "nobody@example.org").await;
    for r in [&known, &unknown] {
        assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/reset/sent"), "always the same answer");
        assert!(session_cookie(r).is_none());
    }
    let sent = forgetful.get("/reset/sent").await;
    assert!(strip_tags(&sent.body).contains(
        "If an account uses this email address, we have sent it a link to choose a new password. The link works once, within 1 hour."
    ));
    assert!(mails_to(&store, "nobody@example.org").await.is_empty());
    let mails = mails_to(&store, EMAIL).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Reset your lumbar password");
    assert!(mails[0].body.contains("open this link within 1 hour. It works once:"), "{}", mails[0].body);
    let token = token_after(&mails[0].body, "https://lumbar.example.org/reset/");
    assert_eq!(token.len(), 43, "32 random bytes");

    // A refused password does not use the link up.
    let r = choose_password(&mut forgetful, &token, "tiny").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_links(&r),
        vec![("#reset-password".to_owned(), "Your password is too short. Use at least 10 characters.".to_owned())]
    );
    let r = choose_password(&mut forgetful, &token, NEW_PASSWORD).await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/signin?notice=password-reset"));
    let page = forgetful.get("/signin?notice=password-reset").await;
    assert!(strip_tags(&page.body).contains("Your password is changed and you are signed out everywhere."));
    assert_eq!(signed_in_as(&mut other).await, None, "every session ended");
    assert_eq!(sign_in(&mut forgetful, EMAIL, PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sign_in(&mut forgetful, EMAIL, NEW_PASSWORD).await.status, StatusCode::SEE_OTHER);

    // Single use.
    let mut again = TestApp::with_store_and_config(store.clone(), config.clone());
    let r = choose_password(&mut again, &token, "a third password").await;
    assert_eq!(r.status, StatusCode::GONE, "{}", r.body);
    assert_eq!(r.h1(), "This link no longer works");
    assert!(r.hrefs().contains(&"/reset".to_owned()), "it says where to ask for a new link");
    assert_eq!(again.get("/reset/not-a-token").await.status, StatusCode::GONE);
    assert_eq!(sign_in(&mut again, EMAIL, NEW_PASSWORD).await.status, StatusCode::SEE_OTHER);

    // In Spanish, the mail is in Spanish.
    let mut spanish = TestApp::with_store_and_config(store.clone(), config);
    spanish.get("/reset?lang=es").await;
    ask_for_a_link(&mut spanish, EMAIL).await;
    let mails = mails_to(&store, EMAIL).await;
    assert_eq!(mails[0].subject, "Restablecer su contraseña de lumbar", "newest first");
    assert!(mails[0].body.contains("abra este enlace en el plazo de 1 hora"), "{}", mails[0].body);
}

on_both_backends!(password_reset_through_the_outbox_single_use, password_reset_through_the_outbox);

#[tokio::test]
async fn a_reset_link_expires_after_an_hour() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let mut app = browser(&store, T0);
    ask_for_a_link(&mut app, EMAIL).await;
    ask_for_a_link(&mut app, EMAIL).await;
    let mails = mails_to(&store, EMAIL).await;
    assert_eq!(mails.len(), 2);
    let (second, first) = (token_after(&mails[0].body, "/reset/"), token_after(&mails[1].body, "/reset/"));
    move_to(&mut app, &store, T0 + 3599);
    assert_eq!(choose_password(&mut app, &first, NEW_PASSWORD).await.status, StatusCode::SEE_OTHER, "59:59 later");
    move_to(&mut app, &store, T0 + 3601);
    let r = choose_password(&mut app, &second, "a third password").await;
    assert_eq!(r.status, StatusCode::GONE, "1 hour and 1 second later");
    assert!(strip_tags(&r.body).contains("A password reset link works once, within 1 hour of being sent."));
}

#[tokio::test]
async fn the_reset_link_is_built_from_the_host_when_no_public_url_is_set() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    for (host, base) in
        [("lumbar.test:8080", "http://lumbar.test:8080/reset/"), ("evil.example/x?", "http://localhost/reset/")]
    {
        let mut app = browser(&store, T0);
        let page = app.get("/reset").await;
        let mut form = page.hidden_of_action("/reset");
        form.push(("email".into(), EMAIL.into()));
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(&form).finish();
        let req = Request::post("/reset")
            .header(header::HOST, host)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap_or_default();
        assert_eq!(app.send(req).await.status, StatusCode::SEE_OTHER);
        let mails = mails_to(&store, EMAIL).await;
        assert_eq!(token_after(&mails[0].body, base).len(), 43, "{host}: {}", mails[0].body);
    }
}

#[test]
fn secrets_in_paths_are_not_logged() {
    let token = "q0mGd3Q8m5N0cN3c4r0VbT7Vt0Zy8m2rHhF1qkKj0aE";
    assert_eq!(lumbar_web::routes::loggable_path(&format!("/reset/{token}")), "/reset/{secret}");
    assert_eq!(lumbar_web::routes::loggable_path("/therapists/12"), "/therapists/12");
    assert_eq!(lumbar_web::routes::loggable_path("/account/tokens/3/revoke"), "/account/tokens/3/revoke");
}

// ── A real SMTP server on loopback ───────────────────────────────────────────────────────

/// An aiosmtpd server (Python) saving every mail into a maildir; stopped when dropped.
struct SmtpServer {
    child: std::process::Child,
    port: u16,
    maildir: std::path::PathBuf,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.maildir);
    }
}

const INSTALL_AIOSMTPD: &str = "this test needs Python's aiosmtpd (a real SMTP server on loopback): \
install it with `python3 -m pip install aiosmtpd` (scripts/test does)";

async fn start_smtp_server() -> SmtpServer {
    let probe = std::process::Command::new("python3").args(["-c", "import aiosmtpd"]).output();
    match probe {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!("{INSTALL_AIOSMTPD}\n{}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => panic!("python3 cannot be run ({e}): {INSTALL_AIOSMTPD}"),
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("a free port: {e}"));
    let maildir = std::env::temp_dir().join(format!("lumbar-smtp-{}-{port}", std::process::id()));
    let _ = std::fs::remove_dir_all(&maildir);
    let child = std::process::Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&maildir)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start aiosmtpd: {e}"));
    let server = SmtpServer { child, port, maildir };
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return server;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("aiosmtpd did not listen on 127.0.0.1:{port} within 10 s");
}

/// The mails the server received (the raw messages).
fn received(server: &SmtpServer) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(server.maildir.join("new")) else { return Vec::new() };
    dir.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_mail_reaches_a_real_smtp_server() {
    let server = start_smtp_server().await;
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let config = WebConfig {
        mailer: lumbar_web::accounts::mail::Mailer::Smtp {
            host: "127.0.0.1".into(),
            port: server.port,
            credentials: None,
        },
        mail_from: "lumbar <no-reply@lumbar.example.org>".into(),
        public_url: Some("https://lumbar.example.org".into()),
        ..config_at(T0)
    };
    let mut app = TestApp::with_store_and_config(store.clone(), config.clone());
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let mut app = TestApp::with_store_and_config(store.clone(), config);
    let r = ask_for_a_link(&mut app, EMAIL).await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/reset/sent"));
    // The mail goes out in the background: wait for it (at most 30 s).
    let mut mails = Vec::new();
    for _ in 0..300 {
        mails = received(&server);
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(mails.len(), 1, "one mail arrived at the SMTP server");
    let mail = &mails[0];
    assert!(mail.contains("To: ana.lopez@example.org"), "{mail}");
    assert!(mail.contains("Subject: Reset your lumbar password"), "{mail}");
    assert!(mail.contains("no-reply@lumbar.example.org"), "{mail}");
    assert!(mails_to(&store, EMAIL).await.is_empty(), "not in the outbox");
    let token = token_after(mail, "https://lumbar.example.org/reset/");
    assert_eq!(token.len(), 43, "{mail}");
    let r = choose_password(&mut app, &token, NEW_PASSWORD).await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/signin?notice=password-reset"));
    assert_eq!(sign_in(&mut app, EMAIL, NEW_PASSWORD).await.status, StatusCode::SEE_OTHER);
}

// ── Export and delete ────────────────────────────────────────────────────────────────────

/// Saves a check, a plan with an entry, a share link and a review for `user` directly
/// through the store (the journal pages are tested on their own).
async fn save_things(store: &Arc<dyn Store>, user: i64, marker: &str) {
    let now = "2026-11-25T12:00:00Z";
    let check = store.save_check(user, now, &json!({"note": marker, "triage": "massage_suitable"})).await;
    let check = check.unwrap_or_else(|e| panic!("{e}"));
    let plan = store.start_plan(user, check, now, &json!({"baseline": 6})).await.unwrap_or_else(|e| panic!("{e}"));
    let plan = plan.expect("the check is theirs");
    store
        .add_entry(user, plan, now, &json!({"kind": "session", "pain_average_week": 5}))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let share_hash = lumbar_web::accounts::tokens::hash("share", &format!("share-token-of-{marker}"));
    store
        .create_share(user, check, &share_hash, now, T0 as i64 + 14 * 86_400, &json!({"sections": ["goals"]}))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store.open_share(&share_hash, T0 as i64, "2026-11-26T09:30:00Z").await.unwrap_or_else(|e| panic!("{e}"));
    let therapists =
        store.therapists(&lumbar_store::TherapistFilter::default()).await.unwrap_or_else(|e| panic!("{e}"));
    let review = lumbar_store::ReviewInput {
        overall: 4,
        helped_back: Some(true),
        listened: Some(true),
        respected_precautions: None,
        text: format!("kind hands {marker}"),
    };
    store.upsert_review(user, therapists[0].id, &review, now).await.unwrap_or_else(|e| panic!("{e}"));
}

async fn user_id(store: &Arc<dyn Store>, email: &str) -> i64 {
    store.user_by_email(email).await.unwrap_or_else(|e| panic!("{e}")).map(|(u, _)| u.id).expect("an account")
}

async fn create_token(app: &mut TestApp, name: &str) -> String {
    let page = account(app).await;
    let r = submit(app, &page, "/account/tokens", &[("name", name)]).await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/account?notice=token-created#new-token"));
    let page = app.get("/account?notice=token-created").await;
    let start = page.body.find("data-new-token>").map(|i| i + "data-new-token>".len()).expect("the secret is shown");
    let secret = page.body[start..page.body[start..].find('<').map_or(start, |j| start + j)].to_owned();
    assert!(strip_tags(&page.body).contains("Copy it now: it is shown only this once."));
    let again = account(app).await;
    assert!(!again.body.contains(&secret) && !again.body.contains("data-new-token"), "shown once");
    secret
}

async fn export_has_what_was_saved_and_no_password_hash(store: Arc<dyn Store>) {
    load_demo(store.as_ref()).await;
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let mut someone_else = browser(&store, T0);
    sign_up(&mut someone_else, "ben@example.org", PASSWORD).await;
    save_things(&store, user_id(&store, EMAIL).await, "ana-marker").await;
    save_things(&store, user_id(&store, "ben@example.org").await, "ben-marker").await;
    let secret = create_token(&mut app, "my spreadsheet").await;

    let r = app.get("/account/export").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "application/json");
    assert_eq!(r.header("content-disposition"), "attachment; filename=\"lumbar-my-data.json\"");
    assert_eq!(r.header("cache-control"), "no-store");
    for never in ["argon2", PASSWORD, &secret, "ben-marker", "ben@example.org", "share-token-of"] {
        assert!(!r.body.contains(never), "the export has no `{never}`");
    }
    let doc: Value = serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body));
    assert_eq!(doc["schema"], "lumbar.export/1");
    assert_eq!(doc["exported_at"], "2026-11-25T12:00:00Z");
    assert_eq!(doc["account"]["email"], EMAIL);
    assert_eq!(doc["account"]["role"], "person");
    assert_eq!(doc["account"]["created_at"], "2026-11-25T12:00:00Z");
    assert!(doc["account"].get("password_hash").is_none());
    assert_eq!(doc["saved_checks"][0]["doc"]["note"], "ana-marker");
    assert_eq!(doc["plans"][0]["doc"]["baseline"], 6);
    assert_eq!(doc["plans"][0]["entries"][0]["doc"]["pain_average_week"], 5);
    assert_eq!(doc["shares"][0]["doc"]["sections"][0], "goals");
    assert_eq!(doc["shares"][0]["expires_at"], "2026-12-09T12:00:00Z");
    assert_eq!(doc["shares"][0]["opened"][0], "2026-11-26T09:30:00Z");
    assert_eq!(doc["reviews"][0]["overall"], 4);
    assert_eq!(doc["reviews"][0]["text"], "kind hands ana-marker");
    assert_eq!(doc["reviews"][0]["moderation"], "pending");
    assert_eq!(doc["api_tokens"][0]["name"], "my spreadsheet");
    assert_eq!(doc["saved_checks"].as_array().map(Vec::len), Some(1));

    // The same document through the API with the token.
    let req = Request::get("/api/v1/me/export")
        .header(header::AUTHORIZATION, format!("Bearer {secret}"))
        .body(Body::empty())
        .unwrap_or_default();
    let mut api = TestApp::with_store_and_config(store.clone(), config_at(T0));
    let r = api.send(req).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-disposition").is_empty());
    let api_doc: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(api_doc["saved_checks"], doc["saved_checks"]);
    assert_eq!(api_doc["api_tokens"][0]["last_used_at"], "2026-11-25T12:00:00Z", "its use is recorded");
}

on_both_backends!(export_has_what_was_saved_and_no_password_hash_on, export_has_what_was_saved_and_no_password_hash);

async fn delete_removes_the_account_and_the_session(store: Arc<dyn Store>) {
    load_demo(store.as_ref()).await;
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let mut laptop = browser(&store, T0);
    sign_in(&mut laptop, EMAIL, PASSWORD).await;
    let id = user_id(&store, EMAIL).await;
    save_things(&store, id, "ana-marker").await;
    let page = account(&mut app).await;
    let r = submit(&mut app, &page, "/account/delete", &[("password", "not it")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_links(&r),
        vec![(
            "#account-delete-password".to_owned(),
            "Your current password is not right. Check it and try again, or reset your password.".to_owned()
        )]
    );
    assert!(store.user(id).await.unwrap_or_else(|e| panic!("{e}")).is_some(), "nothing deleted");
    let old = app.cookies.get("lumbar_session").cloned().expect("signed in");
    let r = submit(&mut app, &page, "/account/delete", &[("password", PASSWORD)]).await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/?notice=account-deleted"));
    assert!(session_cookie(&r).is_some_and(|c| c.contains("Max-Age=0")));
    let home = app.get("/?notice=account-deleted").await;
    assert!(
        strip_tags(&home.body)
            .contains("Your account and everything saved with it are deleted, and you are signed out."),
        "{}",
        home.body
    );
    assert!(store.user(id).await.unwrap_or_else(|e| panic!("{e}")).is_none());
    assert!(store.user_by_email(EMAIL).await.unwrap_or_else(|e| panic!("{e}")).is_none());
    assert!(store.checks(id).await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert!(store.plans(id).await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert!(store.shares(id).await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert!(store.my_reviews(id).await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    app.cookies.insert("lumbar_session".into(), old);
    assert_eq!(signed_in_as(&mut app).await, None);
    assert_eq!(signed_in_as(&mut laptop).await, None, "every session ended");
    assert_eq!(sign_in(&mut app, EMAIL, PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

on_both_backends!(delete_removes_the_account_and_the_session_on, delete_removes_the_account_and_the_session);

// ── API tokens ───────────────────────────────────────────────────────────────────────────

fn bearer(method: &str, path: &str, token: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap_or_default()
}

async fn an_api_token_works_until_revoked(store: Arc<dyn Store>) {
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let secret = create_token(&mut app, "my spreadsheet").await;
    let mut client = browser(&store, T0);
    let r = client.send(bearer("GET", "/api/v1/me/export", &secret)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let doc: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(doc["account"]["email"], EMAIL);
    // No token, a wrong one, a bad scheme: 404, as for a path that does not exist.
    let r = client.get("/api/v1/me/export").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let p: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(p["code"], "not_found");
    let wrong = "A".repeat(43);
    assert_eq!(client.send(bearer("GET", "/api/v1/me/export", &wrong)).await.status, StatusCode::NOT_FOUND);
    // The token list shows it was used, and another person cannot revoke it.
    let page = account(&mut app).await;
    let text = strip_tags(&page.body);
    assert!(text.contains("my spreadsheet 2026-11-25 2026-11-25 Revoke"), "{text}");
    let at = page.body.find("action=\"/account/tokens/").expect("a revoke form") + "action=\"".len();
    let action = page.body[at..at + page.body[at..].find('"').unwrap_or(0)].to_owned();
    assert!(action.starts_with("/account/tokens/") && action.ends_with("/revoke"), "{action}");
    let mut mallory = browser(&store, T0);
    sign_up(&mut mallory, "mallory@example.org", PASSWORD).await;
    let csrf = account(&mut mallory).await.csrf();
    assert_eq!(mallory.post_form_raw(&action, &pairs(&[("csrf", &csrf)])).await.status, StatusCode::NOT_FOUND);
    assert_eq!(client.send(bearer("GET", "/api/v1/me/export", &secret)).await.status, StatusCode::OK);
    // Revoked: it stops working at once.
    let r = submit(&mut app, &page, &action, &[]).await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/account?notice=token-revoked"));
    let page = app.get("/account?notice=token-revoked").await;
    assert!(strip_tags(&page.body).contains("The token is revoked: it no longer works."));
    assert!(strip_tags(&page.body).contains("You have no tokens."));
    assert_eq!(client.send(bearer("GET", "/api/v1/me/export", &secret)).await.status, StatusCode::NOT_FOUND);

    // DELETE /api/v1/me with a token deletes the account.
    let secret = create_token(&mut app, "cleanup script").await;
    let r = client.send(bearer("DELETE", "/api/v1/me", &secret)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert!(store.user_by_email(EMAIL).await.unwrap_or_else(|e| panic!("{e}")).is_none());
    assert_eq!(client.send(bearer("DELETE", "/api/v1/me", &secret)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(signed_in_as(&mut app).await, None, "the browser session ended too");
}

on_both_backends!(an_api_token_works_as_bearer_until_revoked, an_api_token_works_until_revoked);

#[tokio::test]
async fn the_api_export_works_with_a_session_and_delete_answers_204() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let r = app.get("/api/v1/me/export").await;
    assert_eq!(r.status, StatusCode::OK);
    let req = Request::delete("/api/v1/me").body(Body::empty()).unwrap_or_default();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(store.users().await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert_eq!(app.get("/api/v1/me/export").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn api_token_names_are_checked() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let page = account(&mut app).await;
    let r = submit(&mut app, &page, "/account/tokens", &[("name", "   ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_links(&r),
        vec![("#account-token-name".to_owned(), "Give the token a name, for example \"my spreadsheet\".".to_owned())]
    );
    let long = "x".repeat(61);
    let r = submit(&mut app, &page, "/account/tokens", &[("name", &long)]).await;
    assert_eq!(
        error_links(&r),
        vec![(
            "#account-token-name".to_owned(),
            "The name is longer than 60 characters. Use a shorter name.".to_owned()
        )]
    );
}

// ── Spanish ──────────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn the_account_pages_are_in_spanish() {
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = browser(&store, T0);
    app.get("/?lang=es").await;
    // a valid reset link (the form is shown only for one)
    let someone = store.create_user("reset.es@example.org", "$h", lumbar_store::Role::Person, "2026-11-25T00:00:00Z");
    let someone = someone.await.unwrap().unwrap();
    let link = "q0mGd3Q8m5N0cN3c4r0VbT7Vt0Zy8m2rHhF1qkKj0aE";
    let hash = lumbar_web::accounts::tokens::hash("reset", link);
    store.create_reset(&hash, someone, i64::try_from(T0).unwrap() + 3600).await.unwrap();
    let mut pages = Vec::new();
    let reset_form = format!("/reset/{link}");
    for path in ["/signup", "/signin?notice=signed-out", "/reset", "/reset/sent", reset_form.as_str()] {
        pages.push((path, app.get(path).await));
    }
    let r = sign_up(&mut app, EMAIL, "corto").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    pages.push(("/signup (errors)", r));
    sign_up(&mut app, EMAIL, PASSWORD).await;
    let page = account(&mut app).await;
    submit(&mut app, &page, "/account/tokens", &[("name", "mi hoja")]).await;
    pages.push(("/account", app.get("/account?notice=token-created").await));
    pages.push(("/reset/gone", app.get("/reset/x").await));
    for (path, r) in &pages {
        assert!(r.body.contains("<html lang=\"es\">"), "{path} is not in Spanish");
        assert!(!r.body.contains('⟦'), "{path} has a missing message:\n{}", r.body);
    }
    let text = |i: usize| strip_tags(&pages[i].1.body);
    assert!(text(0).contains("Crear una cuenta"));
    assert!(text(1).contains("Ha cerrado la sesión."));
    assert!(text(2).contains("Restablecer su contraseña"));
    assert!(text(3).contains("Revise su correo electrónico"));
    assert!(text(4).contains("Elegir una contraseña nueva"));
    assert!(text(5).contains("Su contraseña es demasiado corta. Use al menos 10 caracteres."));
    assert!(text(6).contains("Ha iniciado sesión como ana.lopez@example.org."));
    assert!(text(6).contains("Tipo de cuenta: persona."));
    assert!(text(6).contains("Eliminar mi cuenta y mis datos"));
    assert!(text(6).contains("Su nueva clave: mi hoja"));
    assert!(text(6).contains("Cópiela ahora: solo se muestra esta vez."));
    assert!(text(7).contains("Este enlace ya no funciona"));
}

#[tokio::test]
async fn the_account_endpoints_are_documented_with_the_token_scheme() {
    let mut app = TestApp::new();
    let spec: Value = serde_json::from_str(&app.get("/api/openapi.json").await.body).unwrap_or_default();
    let export = &spec["paths"]["/api/v1/me/export"]["get"];
    assert_eq!(export["tags"][0], "account");
    assert_eq!(export["security"][0]["api_token"], json!([]));
    assert!(export["responses"]["200"].is_object() && export["responses"]["404"].is_object());
    assert!(spec["paths"]["/api/v1/me"]["delete"]["responses"]["204"].is_object());
    assert_eq!(spec["components"]["securitySchemes"]["api_token"]["type"], "http");
    assert_eq!(spec["components"]["securitySchemes"]["api_token"]["scheme"], "bearer");
    assert!(spec["components"]["schemas"]["Export"]["properties"]["schema"].is_object());
}
