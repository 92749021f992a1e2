//! Reviews by people who logged a session with a listing: the form only for them, errors
//! named, one review per person and listing, held for moderation before the profile shows
//! it, and counted on the profile once approved.

use axum::http::StatusCode;
use lumbar_store::{Moderation, Role, Store};
use serde_json::json;

use crate::support::{TestApp, demo_store, id_of};

const NOW: &str = "2026-11-25T12:00:00Z";

/// A signed-in person: an account and a session cookie in the app's jar.
async fn signed_in(app: &mut TestApp, store: &dyn Store, email: &str) -> i64 {
    let user = store.create_user(email, "$unused", Role::Person, NOW).await.unwrap().unwrap();
    let token = lumbar_web::accounts::tokens::new_secret(32);
    let hash = lumbar_web::accounts::tokens::hash("session", &token);
    store.create_session(&hash, user, 0, i64::MAX).await.unwrap();
    app.cookies.insert(lumbar_web::accounts::session::COOKIE.to_owned(), token);
    user
}

/// A plan with one logged session with listing `therapist`.
async fn logged_session(store: &dyn Store, user: i64, therapist: i64) {
    let check = store.save_check(user, NOW, &json!({})).await.unwrap();
    let plan = store.start_plan(user, check, NOW, &json!({})).await.unwrap().unwrap();
    store
        .add_entry(user, plan, NOW, &json!({"kind": "session", "therapist_id": therapist, "pain_average_week": 5}))
        .await
        .unwrap()
        .unwrap();
}

fn form(csrf: &str, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs = vec![("csrf".to_owned(), csrf.to_owned())];
    pairs.extend(fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    pairs
}

#[tokio::test]
async fn only_someone_who_logged_a_session_there_can_review_and_it_waits_for_moderation() {
    let store = demo_store().await;
    let ana = id_of(store.as_ref(), "Ana Núñez").await;
    let mut app = TestApp::with_store(store.clone());

    // not signed in: to the sign-in page, and back here afterwards
    let r = app.get(&format!("/therapists/{ana}/review")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), format!("/signin?next=%2Ftherapists%2F{ana}%2Freview"));

    // signed in, no session logged with Ana: told how, no form; a post stores nothing
    let me = signed_in(&mut app, store.as_ref(), "pat@example.org").await;
    let r = app.get(&format!("/therapists/{ana}/review")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("once you have logged a session with them"), "{}", r.body);
    assert!(!r.body.contains("name=\"overall\""));
    let csrf = app.get("/check").await.csrf();
    let r = app.post_form_raw(&format!("/therapists/{ana}/review"), &form(&csrf, &[("overall", "5")])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(store.my_review(me, ana).await.unwrap().is_none(), "nothing stored");

    // after a logged session: the form; a missing rating is named
    logged_session(store.as_ref(), me, ana).await;
    let r = app.get(&format!("/therapists/{ana}/review")).await;
    assert!(r.body.contains("name=\"overall\""), "{}", r.body);
    let csrf = r.csrf();
    let r = app.post_form_raw(&format!("/therapists/{ana}/review"), &form(&csrf, &[("text", "Kind")])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choose a rating from 1 to 5 stars."), "{}", r.body);
    assert!(r.body.contains("href=\"#review-overall-1\""), "the summary links to the field");
    assert!(r.body.contains(">Kind</textarea>"), "what was typed is kept");

    let fields = [("overall", "4"), ("helped_back", "yes"), ("listened", "yes"), ("respected_precautions", "no")];
    let mut all = fields.to_vec();
    all.push(("text", "Gentle and careful with my back."));
    let r = app.post_form_raw(&format!("/therapists/{ana}/review"), &form(&csrf, &all)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.header("location"), format!("/therapists/{ana}/review?saved=1"));
    let r = app.get(r.header("location")).await;
    assert!(r.body.contains("once a moderator has read it"), "{}", r.body);

    // pending: not on the profile
    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert!(!profile.body.contains("Gentle and careful with my back."));
    let pending = store.reviews_by_state(Moderation::Pending, 10).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].review.overall, 4);

    // approved: on the profile, with the answers counted
    assert!(store.moderate_review(pending[0].id, Moderation::Approved).await.unwrap());
    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert!(profile.body.contains("Gentle and careful with my back."), "{}", profile.body);
    assert!(profile.body.contains("Helped their back: 1 of 1"), "{}", profile.body);
    assert!(profile.body.contains("Respected their precautions: 0 of 1"), "{}", profile.body);
    assert!(profile.body.contains("4 stars"));

    // an edit replaces it and sends it back to moderation
    let r = app.get(&format!("/therapists/{ana}/review")).await;
    assert!(r.body.contains("replaces your review"), "{}", r.body);
    assert!(r.body.contains("value=\"4\" checked"), "the stored rating is shown");
    let csrf = r.csrf();
    app.post_form_raw(&format!("/therapists/{ana}/review"), &form(&csrf, &[("overall", "2")])).await;
    let profile = app.get(&format!("/therapists/{ana}")).await;
    assert!(!profile.body.contains("Gentle and careful with my back."), "the edit waits for moderation");
    assert_eq!(store.my_reviews(me).await.unwrap().len(), 1, "still one review");
}

#[tokio::test]
async fn a_review_of_an_unknown_listing_is_not_found_and_the_spanish_form_is_spanish() {
    let store = demo_store().await;
    let ana = id_of(store.as_ref(), "Ana Núñez").await;
    let mut app = TestApp::with_store(store.clone());
    let me = signed_in(&mut app, store.as_ref(), "pat@example.org").await;
    assert_eq!(app.get("/therapists/999999/review").await.status, StatusCode::NOT_FOUND);
    logged_session(store.as_ref(), me, ana).await;
    let r = app.get(&format!("/therapists/{ana}/review?lang=es")).await;
    assert!(r.body.contains("¿Le ayudaron las sesiones con la espalda?"), "{}", r.body);
}
