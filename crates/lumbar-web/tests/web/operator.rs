//! The operator console (issue #11 items 5 and 7): the role gate, decisions that publish or
//! hide and are each written to the audit log, a reason required to hide (the field named),
//! "report this listing" on the profile, and a hidden listing gone from the finder, the API
//! and its page. The expected values are written by hand from the issue.

use axum::http::StatusCode;
use lumbar_store::{AuditFilter, Moderation, ReportCategory, ReportStatus, ReviewInput, Role, Store};

use crate::support::{TestApp, demo_store, id_of};

const NOW: &str = "2026-11-25T12:00:00Z";

/// Signs `app` in as a new account with `role`; its id.
async fn signed_in(app: &mut TestApp, store: &dyn Store, email: &str, role: Role) -> i64 {
    let user = store.create_user(email, "$unused", role, NOW).await.unwrap().unwrap();
    let token = lumbar_web::accounts::tokens::new_secret(32);
    let hash = lumbar_web::accounts::tokens::hash("session", &token);
    store.create_session(&hash, user, 0, i64::MAX).await.unwrap();
    app.cookies.insert(lumbar_web::accounts::session::COOKIE.to_owned(), token);
    user
}

fn form(csrf: &str, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs = vec![("csrf".to_owned(), csrf.to_owned())];
    pairs.extend(fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    pairs
}

const PAGES: [&str; 6] =
    ["/operator", "/operator/reviews", "/operator/feedback", "/operator/reports", "/operator/roles", "/operator/audit"];

#[tokio::test]
async fn only_an_operator_reaches_the_console() {
    let store = demo_store().await;
    // anonymous: to sign in, and back
    let mut app = TestApp::with_store(store.clone());
    for page in PAGES {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{page} anonymous");
        let next: String = form_urlencoded::Serializer::new(String::new()).append_pair("next", page).finish();
        assert_eq!(r.header("location"), format!("/signin?{next}"), "{page}");
    }
    // a person, a therapist, a clinician: not found, as if there were no console
    for (email, role) in
        [("pat@example.org", Role::Person), ("tess@example.org", Role::Therapist), ("dr@example.org", Role::Clinician)]
    {
        let mut app = TestApp::with_store(store.clone());
        signed_in(&mut app, store.as_ref(), email, role).await;
        for page in PAGES {
            let r = app.get(page).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{page} as {}", role.as_str());
            assert!(!r.body.contains("Operator console"), "{page} as {}", role.as_str());
        }
        let csrf = app.get("/check").await.csrf();
        let r = app
            .post_form_raw("/operator/roles", &form(&csrf, &[("email", email), ("role", "operator"), ("reason", "me")]))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "a {} cannot make themselves an operator", role.as_str());
        assert_eq!(store.user_by_email(email).await.unwrap().unwrap().0.role, role);
    }
    // an operator: every page
    let mut app = TestApp::with_store(store.clone());
    signed_in(&mut app, store.as_ref(), "ops@example.org", Role::Operator).await;
    for page in PAGES {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::OK, "{page} as operator: {}", r.body);
        assert!(r.body.contains("<nav aria-label=\"Operator pages\">"), "{page}");
    }
    let r = app.get("/operator?lang=es").await;
    assert!(r.body.contains("Consola de operación"), "Spanish: {}", r.body);
}

#[tokio::test]
async fn approving_a_review_publishes_it_and_writes_the_audit_log() {
    let store = demo_store().await;
    let ana = id_of(store.as_ref(), "Ana Núñez").await;
    let pat = store.create_user("pat@example.org", "$unused", Role::Person, NOW).await.unwrap().unwrap();
    let review = ReviewInput {
        overall: 5,
        helped_back: Some(true),
        listened: Some(true),
        respected_precautions: None,
        text: "Careful with my sciatica-free back.".into(),
    };
    let id = store.upsert_review(pat, ana, &review, NOW).await.unwrap();
    let mut app = TestApp::with_store(store.clone());
    let ops = signed_in(&mut app, store.as_ref(), "ops@example.org", Role::Operator).await;

    let r = app.get("/operator").await;
    assert!(r.body.contains("<caption id=\"counts-caption\">What waits for an operator</caption>"), "{}", r.body);
    let r = app.get("/operator/reviews").await;
    assert!(r.body.contains(&format!("Review #{id} of Ana Núñez")), "{}", r.body);
    assert!(r.body.contains("Careful with my sciatica-free back."));
    assert!(r.body.contains(&format!("<label class=\"question-label\" for=\"reason-{id}\">Reason</label>")));
    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert!(!profile.body.contains("Careful with my sciatica-free back."), "pending: not public");

    let csrf = r.csrf();
    let r =
        app.post_form_raw("/operator/reviews", &form(&csrf, &[("id", &id.to_string()), ("action", "approve")])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), "/operator/reviews?done=review.approve");
    let r = app.get(r.header("location")).await;
    assert!(r.body.contains("The review is published on the profile. It is in the audit log."), "{}", r.body);
    assert!(r.body.contains("Nothing waits in this queue."));

    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert!(profile.body.contains("Careful with my sciatica-free back."), "published: {}", profile.body);
    let log = store.audit(&AuditFilter::default()).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].actor, ops.to_string());
    assert_eq!(log[0].action, "review.approve");
    assert_eq!(log[0].target, format!("review:{id}"));
    assert!(
        log[0].at.len() == 20 && log[0].at.ends_with('Z') && log[0].at.as_bytes()[10] == b'T',
        "RFC 3339 UTC: {}",
        log[0].at
    );
    let page = app.get("/operator/audit?action=review.").await;
    assert!(page.body.contains("<caption id=\"audit-caption\">Decisions, newest first</caption>"));
    assert!(
        page.body.contains("<code>review.approve</code>") && page.body.contains("ops@example.org"),
        "{}",
        page.body
    );
    let page = app.get("/operator/audit?action=role.").await;
    assert!(!page.body.contains("<code>review.approve</code>"), "filtered by kind");

    // a second click finds it decided: nothing changes, nothing more is audited
    let r = app
        .post_form_raw(
            "/operator/reviews",
            &form(&csrf, &[("id", &id.to_string()), ("action", "hide"), ("reason", "x")]),
        )
        .await;
    assert_eq!(r.header("location"), "/operator/reviews?done=missing");
    assert_eq!(store.listing_reviews(ana, Moderation::Approved).await.unwrap().len(), 1);
    assert_eq!(store.audit(&AuditFilter::default()).await.unwrap().len(), 1);
}

#[tokio::test]
async fn hiding_feedback_needs_a_reason_and_the_field_is_named() {
    let store = demo_store().await;
    let fb = store.add_feedback("result", false, "Call me on 555-0100").await.unwrap();
    let mut app = TestApp::with_store(store.clone());
    signed_in(&mut app, store.as_ref(), "ops@example.org", Role::Operator).await;
    let csrf = app.get("/operator/feedback").await.csrf();

    let r = app
        .post_form_raw(
            "/operator/feedback",
            &form(&csrf, &[("id", &fb.to_string()), ("action", "hide"), ("reason", "  ")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains(&format!("href=\"#reason-{fb}\"")), "the summary links to the reason field: {}", r.body);
    assert!(r.body.contains("Write a reason: it is required to hide, reject or grant a role"), "{}", r.body);
    assert!(r.body.contains(&format!("id=\"reason-{fb}\" name=\"reason\"")));
    assert!(r.body.contains("aria-invalid=\"true\""));
    assert_eq!(store.feedback(Some(Moderation::Pending), 10).await.unwrap().len(), 1, "still pending");
    assert!(store.audit(&AuditFilter::default()).await.unwrap().is_empty(), "nothing audited");

    // no decision at all: named too
    let r = app.post_form_raw("/operator/feedback", &form(&csrf, &[("id", &fb.to_string())])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choose a decision with one of the buttons."));

    let r = app
        .post_form_raw(
            "/operator/feedback",
            &form(&csrf, &[("id", &fb.to_string()), ("action", "hide"), ("reason", "A phone number")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store.feedback(Some(Moderation::Hidden), 10).await.unwrap().len(), 1, "hidden, not deleted");
    let log = store.audit(&AuditFilter::default()).await.unwrap();
    assert_eq!(
        (log[0].action.as_str(), log[0].target.as_str(), log[0].reason.as_str()),
        ("feedback.hide", &*format!("feedback:{fb}"), "A phone number")
    );

    // a role grant without a reason: refused, every missing field named
    let r = app
        .post_form_raw("/operator/roles", &form(&csrf, &[("email", "nobody@example.org"), ("role", "operator")]))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#role-email\"") && r.body.contains("href=\"#role-reason\""), "{}", r.body);
    store.create_user("tess@example.org", "$unused", Role::Person, NOW).await.unwrap().unwrap();
    let r = app
        .post_form_raw(
            "/operator/roles",
            &form(&csrf, &[("email", "Tess@Example.org"), ("role", "therapist"), ("reason", "License WA MA1 seen")]),
        )
        .await;
    assert_eq!(r.header("location"), "/operator/roles?done=role.grant");
    assert_eq!(store.user_by_email("tess@example.org").await.unwrap().unwrap().0.role, Role::Therapist);
    let log =
        store.audit(&AuditFilter { action_prefix: Some("role.".into()), ..AuditFilter::default() }).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].reason, "License WA MA1 seen");
}

#[tokio::test]
async fn a_report_is_stored_with_thanks_and_hiding_the_listing_takes_it_out_everywhere() {
    let store = demo_store().await;
    let ana = id_of(store.as_ref(), "Ana Núñez").await;
    let mut app = TestApp::with_store(store.clone());
    let names = |body: &str| body.contains("Ana Núñez");
    assert!(names(&app.get("/find?zip=98101&radius_miles=15").await.body), "Ana is found first");

    // the public form: categories, optional words, no health questions
    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert!(profile.body.contains("Report this listing"), "{}", profile.body);
    assert!(profile.body.contains("value=\"not_a_massage_therapist\""));
    let csrf = profile.csrf();
    let r = app.post_form_raw(&format!("/therapists/{ana}/report"), &form(&csrf, &[("text", "?")])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choose what is wrong with this listing."), "{}", r.body);
    let long = "x".repeat(2001);
    let r = app
        .post_form_raw(&format!("/therapists/{ana}/report"), &form(&csrf, &[("category", "other"), ("text", &long)]))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "at most 2,000 characters");
    assert!(store.reports(None, 10).await.unwrap().is_empty());
    let r = app
        .post_form_raw(
            &format!("/therapists/{ana}/report"),
            &form(&csrf, &[("category", "not_a_massage_therapist"), ("text", "This is a dog grooming salon.")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), format!("/therapists/{ana}?report=thanks#report-heading"));
    let r = app.get(&format!("/therapists/{ana}?report=thanks")).await;
    assert!(r.body.contains("Thank you. An operator will look at your report."), "{}", r.body);
    let reports = store.reports(Some(ReportStatus::Open), 10).await.unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].therapist_id, ana);
    assert_eq!(reports[0].category, ReportCategory::NotAMassageTherapist);
    assert_eq!(reports[0].text, "This is a dog grooming salon.");

    // the operator hides the listing: a reason is required
    signed_in(&mut app, store.as_ref(), "ops@example.org", Role::Operator).await;
    let r = app.get("/operator/reports").await;
    assert!(r.body.contains(&format!("Report #{} about Ana Núñez", reports[0].id)), "{}", r.body);
    let csrf = r.csrf();
    let rid = reports[0].id.to_string();
    let r = app.post_form_raw("/operator/reports", &form(&csrf, &[("id", &rid), ("action", "hide_listing")])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(&format!("href=\"#reason-{rid}\"")));
    let r = app
        .post_form_raw(
            "/operator/reports",
            &form(&csrf, &[("id", &rid), ("action", "hide_listing"), ("reason", "Confirmed: a dog groomer")]),
        )
        .await;
    assert_eq!(r.header("location"), "/operator/reports?done=report.hide_listing");

    // gone from the finder, the API search and detail, and the profile; kept in the store
    assert!(!names(&app.get("/find?zip=98101&radius_miles=15").await.body), "not in /find");
    let api = app.get("/api/v1/therapists?zip=98101&radius_miles=15&include_unverified=true").await;
    assert_eq!(api.status, StatusCode::OK);
    assert!(!api.body.contains("Ana Núñez"), "not in the API search: {}", api.body);
    assert_eq!(app.get(&format!("/api/v1/therapists/{ana}")).await.status, StatusCode::NOT_FOUND);
    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert_eq!(profile.status, StatusCode::NOT_FOUND);
    assert!(profile.body.contains("This listing is not available"), "{}", profile.body);
    assert!(!profile.body.contains("Confirmed: a dog groomer"), "the reason is not public");
    assert_eq!(store.listing_hidden(ana).await.unwrap().as_deref(), Some("Confirmed: a dog groomer"));
    assert_eq!(store.report(reports[0].id).await.unwrap().unwrap().status, ReportStatus::ListingHidden);
    let log = store.audit(&AuditFilter::default()).await.unwrap();
    assert_eq!(log[0].action, "report.hide_listing");
    assert_eq!(log[0].target, format!("report:{rid} therapist:{ana}"));
    assert_eq!(log[0].reason, "Confirmed: a dog groomer");
}
