//! "My back": keeping a check (only with consent), plans and their progress, the re-screen
//! before every entry, sharing the intake, and who may see what (issue #10 items 3–6).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use lumbar_store::{Role, Store};
use lumbar_web::accounts::{password, session, tokens};
use lumbar_web::routes::journal::PRIVACY_VERSION;
use serde_json::Value;

use crate::support::{TestApp, result_page, vignette};

const NOW: &str = "2026-11-25T12:00:00Z";
const TODAY: &str = "2026-11-25";

/// One password hash for every test account (argon2id is slow on purpose).
fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash_blocking("correct horse battery staple"))
}

/// A signed-in person: an account written through the store, and a session cookie in the
/// app's jar (the session row made as the sign-in page makes it).
async fn person(app: &mut TestApp, store: &dyn Store, email: &str) -> i64 {
    let user = store.create_user(email, password_hash(), Role::Person, NOW).await.unwrap().unwrap();
    let token = tokens::new_secret(32);
    store.create_session(&tokens::hash("session", &token), user, 0, i64::MAX).await.unwrap();
    app.cookies.insert(session::COOKIE.to_owned(), token);
    user
}

fn form(csrf: &str, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs = vec![("csrf".to_owned(), csrf.to_owned())];
    pairs.extend(fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    pairs
}

/// Walks the check with a vignette and keeps it; returns the saved check's id.
async fn keep_check(app: &mut TestApp, store: &dyn Store, user: i64, id: &str) -> i64 {
    let result = result_page(app, &vignette(id)).await;
    let r = app.post_form_raw("/my-back/checks", &form(&result.csrf(), &[("consent", PRIVACY_VERSION)])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/my-back?saved=1");
    store.checks(user).await.unwrap()[0].id
}

/// Starts a plan from a saved check; returns its id.
async fn start_plan(app: &mut TestApp, check: i64) -> i64 {
    let page = app.get("/my-back").await;
    let r = app.post_form_raw("/my-back/plans", &form(&page.csrf(), &[("check", &check.to_string())])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.header("location").to_owned();
    location.strip_prefix("/plans/").and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{location}"))
}

/// The text a field gets from an answers object.
fn answer_text(answers: &Value, name: &str) -> Option<String> {
    Some(match answers.get(name)? {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if name == "duration_weeks" => format!("{n} weeks"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return None,
    })
}

/// Fills the log form: the re-screen from `answers` (as in the saved check), then the
/// entry; `fields` win. Returns the response to the post (a 303 is not followed).
async fn log(app: &mut TestApp, plan: i64, answers: &Value, fields: &[(&str, &str)]) -> crate::support::Resp {
    let page = app.get(&format!("/plans/{plan}/log")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let mut values: HashMap<String, String> = HashMap::new();
    for name in page.visible_names() {
        if name == "pain_average_week" {
            continue; // the entry's field, not the check's
        }
        if let Some(v) = answer_text(answers, &name) {
            values.insert(name, v);
        }
    }
    for (k, v) in fields {
        values.insert((*k).to_owned(), (*v).to_owned());
    }
    let mut pairs = vec![("csrf".to_owned(), page.csrf())];
    pairs.extend(values);
    app.post_form_raw(&format!("/plans/{plan}/log"), &pairs).await
}

fn session_fields(pain: &str) -> Vec<(&str, &str)> {
    vec![
        ("changed", "no"),
        ("kind", "session"),
        ("date", TODAY),
        ("pain_average_week", pain),
        ("pain_before", "6"),
        ("pain_after", "3"),
        ("style", "swedish"),
        ("pressure", "medium"),
        ("therapist_name", "Sam at the corner clinic"),
        ("notes", "Felt looser afterwards."),
        ("action", "save"),
    ]
}

async fn sqlite() -> Arc<dyn Store> {
    Arc::new(lumbar_testkit::sqlite_store().await)
}

#[tokio::test]
async fn nothing_is_kept_without_a_signed_in_person_and_the_consent() {
    let store = sqlite().await;
    let mut app = TestApp::with_store(store.clone());
    let result = result_page(&mut app, &vignette("A29")).await;
    assert!(result.body.contains("action=\"/my-back/checks\""), "the result offers to keep the check");
    assert!(result.body.contains(&format!("version {PRIVACY_VERSION}")), "the consent cites the privacy text");

    // not signed in: to the sign-in page and back to the result (the draft keeps the answers)
    let r = app.post_form_raw("/my-back/checks", &form(&result.csrf(), &[("consent", PRIVACY_VERSION)])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/signin?next=%2Fcheck%2Fresult");
    let r = app.get("/my-back").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/signin?next=%2Fmy-back");

    // signed in, without the consent: 422 naming the box, and nothing kept
    let me = person(&mut app, store.as_ref(), "ana@example.org").await;
    let r = app.post_form_raw("/my-back/checks", &form(&result.csrf(), &[])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Tick the box to agree"), "{}", r.body);
    assert!(r.body.contains("href=\"#consent\""), "the summary links to the box");
    assert!(!r.body.contains('⟦'));
    assert!(store.checks(me).await.unwrap().is_empty(), "nothing kept without the consent");
    assert_eq!(store.user(me).await.unwrap().unwrap().privacy_version, None);

    // with it: kept, with the answers, the assessment and the version agreed to
    let r = app.post_form_raw("/my-back/checks", &form(&result.csrf(), &[("consent", PRIVACY_VERSION)])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let checks = store.checks(me).await.unwrap();
    assert_eq!(checks.len(), 1);
    let doc = &checks[0].doc;
    assert_eq!(doc["schema"], "lumbar.saved_check/1");
    assert_eq!(doc["date"], TODAY);
    assert_eq!(doc["assessment"]["triage"], "massage_suitable");
    assert_eq!(doc["answers"]["pain_average_week"], vignette("A29")["pain_average_week"]);
    assert!(doc["ruleset_version"].is_string());
    assert_eq!(store.user(me).await.unwrap().unwrap().privacy_version.as_deref(), Some(PRIVACY_VERSION));

    // my back lists it, with its triage in words and what can be done with it
    let page = app.get(r.header("location")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.h1(), "My back");
    assert!(page.body.contains("Your check was kept in your account."));
    assert!(page.body.contains(&format!("Check of {TODAY}")), "{}", page.body);
    assert!(page.body.contains("Massage suitable"));
    assert!(page.body.contains("Start a massage plan"));
    assert!(page.body.contains(&format!("/checks/{}/share", checks[0].id)));
    assert!(!page.body.contains('⟦'));

    // a check whose result does not allow massage says why there is no plan
    let urgent = result_page(&mut app, &vignette("A08")).await;
    let r = app.post_form_raw("/my-back/checks", &form(&urgent.csrf(), &[("consent", PRIVACY_VERSION)])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get("/my-back").await;
    assert!(page.body.contains("a massage plan cannot start from this check"), "{}", page.body);
    let newest = store.checks(me).await.unwrap()[0].id;
    let r = app.post_form_raw("/my-back/plans", &form(&page.csrf(), &[("check", &newest.to_string())])).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "no plan from a check that does not allow massage");

    // delete
    let r = app.post_form_raw(&format!("/my-back/checks/{newest}/delete"), &form(&page.csrf(), &[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store.checks(me).await.unwrap().len(), 1);
}

lumbar_testkit::store_test!(four_sessions_without_improvement_are_not_helping, |store| {
    let store: Arc<dyn Store> = Arc::new(store);
    let mut app = TestApp::with_store(store.clone());
    let me = person(&mut app, store.as_ref(), "bo@example.org").await;
    let answers = vignette("A29");
    assert_eq!(answers["pain_average_week"], 5, "the baseline of this test");
    let check = keep_check(&mut app, store.as_ref(), me, "A29").await;
    let plan = start_plan(&mut app, check).await;
    assert_eq!(start_plan(&mut app, check).await, plan, "one running plan per check");

    let page = app.get(&format!("/plans/{plan}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("data-status=\"too_early\""), "{}", page.body);
    assert!(page.body.contains("It is too early to tell"));

    // the form names every problem, keeps what was typed, and saves nothing
    let r = log(&mut app, plan, &answers, &[("notes", "typed"), ("pain_before", "11"), ("action", "save")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for message in
        ["Choose yes or no.", "Choose a massage session or a check-in.", "Enter your average pain in the past week"]
    {
        assert!(r.body.contains(message), "{message}: {}", r.body);
    }
    assert!(r.body.contains("href=\"#kind\""), "the summary links to the field");
    assert!(r.body.contains(">typed</textarea>"));
    assert!(!r.body.contains('⟦'));
    assert!(store.entries(me, plan).await.unwrap().is_empty());

    // four sessions, average pain 5 → 5, 4, 5, 4: never 2 points and 30% better
    for pain in ["5", "4", "5", "4"] {
        let r = log(&mut app, plan, &answers, &session_fields(pain)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.header("location"), format!("/plans/{plan}?logged=1"));
    }
    let entries = store.entries(me, plan).await.unwrap();
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0].doc["kind"], "session");
    assert_eq!(entries[0].doc["pain_before"], 6);
    assert_eq!(entries[0].doc["new_warning_sign"], false);
    assert_eq!(entries[0].doc["notes"], "Felt looser afterwards.");

    let page = app.get(&format!("/plans/{plan}?logged=1")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("data-status=\"not_helping\""), "{}", page.body);
    assert!(page.body.contains("see a doctor or a physical therapist"), "{}", page.body);
    assert!(page.body.contains("OSTELO-2008"), "the message with its source");
    assert!(page.body.contains("role=\"img\" aria-label=\"Chart of your average pain"), "the chart is labelled");
    assert!(page.body.contains("<table class=\"data-table\">"), "and has a table");
    assert!(page.body.contains("3 or less"), "the band: 5 − 2 = 3");
    assert!(page.body.contains("Sam at the corner clinic"));
    assert!(!page.body.contains("<script"));
    assert!(!page.body.contains('⟦'));

    let page = app.get("/my-back").await;
    assert!(page.body.contains("data-status=\"not_helping\""));
    assert!(page.body.contains("Before more of the same, see a doctor or a physical therapist"));

    // the API says the same, in the contract's words, with the session's cookie
    let r = app.get(&format!("/api/v1/me/plans/{plan}/progress")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let json: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["schema"], "lumbar.progress/1");
    assert_eq!(json["status"], "not_helping");
    assert_eq!(json["baseline"], 5);
    assert_eq!(json["current"], 4);
    assert_eq!(json["sessions"], 4);
    assert_eq!(json["sources"][0], "OSTELO-2008");

    // in Spanish too
    let page = app.get(&format!("/plans/{plan}?lang=es")).await;
    assert!(page.body.contains("consulte a un médico o a un fisioterapeuta"), "{}", page.body);
    assert!(!page.body.contains('⟦'));

    // ending the plan
    let r = app.post_form_raw(&format!("/plans/{plan}/end"), &form(&page.csrf(), &[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get(&format!("/plans/{plan}/log")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "no log on an ended plan");
    assert_eq!(r.header("location"), format!("/plans/{plan}"));
});

#[tokio::test]
async fn a_new_red_flag_at_the_re_screen_stops_the_plan_with_the_emergency_first() {
    let store = sqlite().await;
    let mut app = TestApp::with_store(store.clone());
    let me = person(&mut app, store.as_ref(), "cy@example.org").await;
    let answers = vignette("A29");
    let check = keep_check(&mut app, store.as_ref(), me, "A29").await;
    let plan = start_plan(&mut app, check).await;

    // the form asks every question that feeds an emergency or urgent rule, fresh
    let page = app.get(&format!("/plans/{plan}/log")).await;
    let names = page.visible_names();
    let rs = crate::support::ruleset();
    for id in lumbar_core::screening::rescreen_questions(&rs) {
        let conditional = id == "labour_signs" || id == "pregnancy";
        assert!(conditional || names.iter().any(|n| n == id), "the re-screen asks {id}");
    }
    assert!(names.iter().any(|n| n == "changed"));
    assert!(page.body.contains("Has anything changed in your health or medicines since your last check"));
    let rescreen = &page.body[page.body.find("rescreen-heading").unwrap()..page.body.find("entry-heading").unwrap()];
    assert!(!rescreen.contains(" checked"), "nothing is pre-filled");
    assert!(!page.body.contains('⟦'));

    let mut fields = session_fields("4");
    fields.push(("saddle_numbness", "true"));
    let r = log(&mut app, plan, &answers, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), format!("/plans/{plan}"));
    let entries = store.entries(me, plan).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].doc["new_warning_sign"], true);
    assert_eq!(entries[0].doc["warning_rules"][0], "cauda_equina");
    assert!(store.plans(me).await.unwrap()[0].ended, "the plan is stopped");

    let page = app.get(&format!("/plans/{plan}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let call = page.body.find("href=\"tel:911\"").unwrap_or_else(|| panic!("a 911 call: {}", page.body));
    let main = page.body.find("<main").unwrap_or(0);
    let rule = page.body.find("data-rule=\"cauda_equina\"").unwrap_or_else(|| panic!("the finding"));
    let status = page.body.find("id=\"status-heading\"").unwrap_or(usize::MAX);
    assert!(main < call && call < rule && rule < status, "the emergency action comes first");
    assert!(page.body.contains("data-status=\"stop_warning_sign\""));
    assert!(page.body.contains("Call 911 (or your local emergency number) now"));
    assert_eq!(page.h1(), "Stop: get emergency help now");
    assert!(!page.body.contains(&format!("href=\"/plans/{plan}/log\"")), "no more logging");
    assert!(!page.body.contains('⟦'));
}

#[tokio::test]
async fn something_changed_asks_for_the_whole_check_and_saves_nothing() {
    let store = sqlite().await;
    let mut app = TestApp::with_store(store.clone());
    let me = person(&mut app, store.as_ref(), "di@example.org").await;
    let answers = vignette("A29");
    let check = keep_check(&mut app, store.as_ref(), me, "A29").await;
    let plan = start_plan(&mut app, check).await;
    let mut fields = session_fields("4");
    fields[0] = ("changed", "yes");
    let r = log(&mut app, plan, &answers, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/check?retake=1");
    assert!(store.entries(me, plan).await.unwrap().is_empty(), "nothing saved");
    assert!(!store.plans(me).await.unwrap()[0].ended);
    let page = app.get("/check?retake=1").await;
    assert!(page.body.contains("Take the whole check again before you log"), "{}", page.body);
}

/// A request with a bearer token.
async fn bearer(app: &mut TestApp, path: &str, token: &str) -> crate::support::Resp {
    let req = Request::get(path).header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty()).unwrap();
    app.send(req).await
}

#[tokio::test]
async fn another_person_and_anonymous_visitors_get_404() {
    let store = sqlite().await;
    let mut owner = TestApp::with_store(store.clone());
    let me = person(&mut owner, store.as_ref(), "eve@example.org").await;
    let check = keep_check(&mut owner, store.as_ref(), me, "A22").await;
    let plan = start_plan(&mut owner, check).await;
    let page = owner.get(&format!("/checks/{check}/share")).await;
    let r = owner
        .post_form_raw(
            &format!("/checks/{check}/shares"),
            &form(&page.csrf(), &[("section", "precautions"), ("action", "link")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let share = store.shares(me).await.unwrap()[0].id;

    let id_routes = [
        format!("/plans/{plan}"),
        format!("/plans/{plan}/log"),
        format!("/checks/{check}/share"),
        format!("/checks/{check}/share/print?section=precautions"),
        format!("/api/v1/me/plans/{plan}/progress"),
    ];
    for path in &id_routes {
        assert_eq!(owner.get(path).await.status, StatusCode::OK, "the owner sees {path}");
    }

    // another signed-in person: 404 everywhere, never the data
    let mut other = TestApp::with_store(store.clone());
    let them = person(&mut other, store.as_ref(), "mallory@example.org").await;
    for path in &id_routes {
        let r = other.get(path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!r.body.contains("Sam") && !r.body.contains("pain_average"), "{path}");
    }
    let csrf = other.get("/check").await.csrf();
    for path in [
        format!("/plans/{plan}/end"),
        format!("/plans/{plan}/log"),
        format!("/my-back/checks/{check}/delete"),
        format!("/checks/{check}/shares"),
        format!("/checks/{check}/shares/{share}/revoke"),
    ] {
        let r = other.post_form_raw(&path, &form(&csrf, &[("action", "link"), ("section", "areas")])).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "POST {path}");
    }
    let r = other.post_form_raw("/my-back/plans", &form(&csrf, &[("check", &check.to_string())])).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "a plan from someone else's check");
    assert_eq!(store.checks(me).await.unwrap().len(), 1, "still there");
    assert!(!store.plans(me).await.unwrap()[0].ended);
    assert!(!store.shares(me).await.unwrap()[0].revoked);
    let r = other.get("/api/v1/me/checks").await;
    assert_eq!(r.status, StatusCode::OK);
    let json: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["checks"].as_array().map(Vec::len), Some(0), "their own (none), not the owner's");

    // their API token: the same
    let token = tokens::new_secret(32);
    store.create_api_token(them, "script", &tokens::hash(session::API, &token), NOW).await.unwrap();
    let mut bare = TestApp::with_store(store.clone());
    assert_eq!(
        bearer(&mut bare, &format!("/api/v1/me/plans/{plan}/progress"), &token).await.status,
        StatusCode::NOT_FOUND
    );

    // the owner's token reads their checks
    let token = tokens::new_secret(32);
    store.create_api_token(me, "script", &tokens::hash(session::API, &token), NOW).await.unwrap();
    let r = bearer(&mut bare, "/api/v1/me/checks", &token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let json: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["checks"][0]["id"], check);
    assert_eq!(json["checks"][0]["triage"], "massage_with_precautions");
    assert_eq!(json["checks"][0]["assessment"]["schema"], "lumbar.screening/1");
    assert_eq!(bearer(&mut bare, &format!("/api/v1/me/plans/{plan}/progress"), &token).await.status, StatusCode::OK);

    // anonymous: 404 on every id route and the API, the sign-in page for my back
    let mut anon = TestApp::with_store(store.clone());
    let mut anonymous_404 = id_routes.to_vec();
    anonymous_404.push("/api/v1/me/checks".to_owned());
    for path in &anonymous_404 {
        let r = anon.get(path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = anon.get("/api/v1/me/checks").await;
    assert_eq!(r.header("content-type"), "application/problem+json");
    let r = anon.get("/my-back").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.header("location").starts_with("/signin?next="));
    let csrf = anon.get("/check").await.csrf();
    let r = anon.post_form_raw(&format!("/plans/{plan}/end"), &form(&csrf, &[])).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

lumbar_testkit::store_test!(a_share_link_opens_without_an_account_until_it_is_revoked, |store| {
    let store: Arc<dyn Store> = Arc::new(store);
    let mut app = TestApp::with_store(store.clone());
    let me = person(&mut app, store.as_ref(), "fay@example.org").await;
    let check = keep_check(&mut app, store.as_ref(), me, "A22").await;

    let page = app.get(&format!("/checks/{check}/share")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains('⟦'));
    for section in ["precautions", "areas", "preferences", "history", "goals"] {
        assert!(page.body.contains(&format!("value=\"{section}\" checked")), "{section} offered, chosen by default");
    }
    let csrf = page.csrf();

    // no section: named
    let r = app.post_form_raw(&format!("/checks/{check}/shares"), &form(&csrf, &[("action", "link")])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choose at least one section to share."));
    let r = app
        .post_form_raw(
            &format!("/checks/{check}/shares"),
            &form(&csrf, &[("action", "link"), ("section", "areas"), ("days", "31")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("from 1 to 30"), "{}", r.body);

    // print: the chosen sections on one page
    let r = app
        .post_form_raw(
            &format!("/checks/{check}/shares"),
            &form(&csrf, &[("action", "print"), ("section", "precautions"), ("section", "history")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), format!("/checks/{check}/share/print?section=precautions&section=history"));
    let print = app.get(r.header("location")).await;
    assert_eq!(print.status, StatusCode::OK);
    assert!(print.body.contains("class=\"page-intake\""), "the one-page print styles");
    assert!(print.body.contains("Precautions for the therapist"));
    assert!(!print.body.contains("Where my pain is"), "only what was chosen");

    // a link: stored hashed, shown once
    let fields = [("action", "link"), ("section", "precautions"), ("section", "preferences"), ("days", "")];
    let r = app.post_form_raw(&format!("/checks/{check}/shares"), &form(&csrf, &fields)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(r.header("location")).await;
    let at = page.body.find("data-share-link>").unwrap_or_else(|| panic!("the new link: {}", page.body));
    let link = &page.body[at + "data-share-link>".len()..];
    let link = &link[..link.find('<').unwrap_or(0)];
    let token = link.rsplit('/').next().unwrap_or("").to_owned();
    assert_eq!(token.len(), 22, "128 bits of base64: {link}");
    let again = app.get(&format!("/checks/{check}/share")).await;
    assert!(!again.body.contains(&token), "shown once");
    let shares = store.shares(me).await.unwrap();
    assert_eq!(shares.len(), 1);
    let expected_expiry = i64::try_from(crate::support::config().clock.unix_secs()).unwrap() + 14 * 86_400;
    assert_eq!(shares[0].expires_secs, expected_expiry, "14 days by default");
    assert!(!serde_json::to_string(&shares[0].doc).unwrap().contains(&token));
    assert!(shares[0].doc.get("history").is_none(), "only the chosen sections are stored");

    // opened without an account, with the privacy headers, the therapist card first
    let mut therapist = TestApp::with_store(store.clone());
    let r = therapist.get(&format!("/shared/{token}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.header("x-robots-tag").contains("noindex"));
    assert_eq!(r.header("cache-control"), "no-store");
    assert_eq!(r.header("referrer-policy"), "no-referrer");
    assert!(r.body.contains("<meta name=\"robots\" content=\"noindex"));
    let card = r.body.find("Precautions for the therapist").unwrap_or(usize::MAX);
    let prefs = r.body.find("intake-preferences").unwrap_or(0);
    assert!(card < prefs, "the card comes first");
    for part in ["<dt>Avoid</dt>", "<dt>Adapt</dt>", "<dt>Stop if</dt>"] {
        assert!(r.body.contains(part), "{part}: {}", r.body);
    }
    assert!(!r.body.contains("intake-history"), "a section not chosen is not there");
    assert!(!r.body.contains('⟦'));
    let r = therapist.get(&format!("/shared/{token}?lang=es")).await;
    assert!(r.body.contains("<dt>Evitar</dt>"), "in the reader's language");

    // the person sees when it was opened
    let page = app.get(&format!("/checks/{check}/share")).await;
    assert!(page.body.contains("Opened on:"), "{}", page.body);
    assert_eq!(store.shares(me).await.unwrap()[0].opened.len(), 2);

    // revoked: gone
    let r =
        app.post_form_raw(&format!("/checks/{check}/shares/{}/revoke", shares[0].id), &form(&page.csrf(), &[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(therapist.get(&format!("/shared/{token}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(therapist.get("/shared/not-a-real-token-at-all-xx").await.status, StatusCode::NOT_FOUND);
    assert_eq!(therapist.get("/shared/short").await.status, StatusCode::NOT_FOUND);
});
