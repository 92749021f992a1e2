//! Reviews of listings by the people who went there (issue #10 item 8).
//!
//! `GET /therapists/{id}/review` shows the form to a signed-in person who logged at least one
//! session with that listing in a massage plan (anyone else is told how to become able to);
//! `POST` stores it (1–5 overall, "helped my back", "listened to my needs", "respected my
//! precautions", optional words of at most [`MAX_TEXT`] characters) through
//! `ReviewStore::upsert_review`: one review per person and listing, editable, and every
//! version waits for moderation (`lumbar reviews list|approve|reject`) before the profile
//! shows it and the ranking counts it. Post/redirect/get: `303` back with `saved=1`.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use lumbar_store::{ReviewInput, Store, UserId};

use crate::accounts::session::{SignedIn, rfc3339};
use crate::check_flow::FormValues;
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::{Shared, with_status};
use crate::views::Chrome;

/// The longest review text, in characters.
pub const MAX_TEXT: usize = 2000;

/// The review routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/therapists/{id}/review", get(show).post(submit))
}

/// Whether `user` logged a session with listing `therapist_id` in any of their plans (the
/// journal's entries name a directory listing as `therapist_id`).
pub async fn logged_session_with(store: &dyn Store, user: UserId, therapist_id: i64) -> Result<bool, AppError> {
    for plan in store.plans(user).await.map_err(|e| AppError::store(&e))? {
        let entries = store.entries(user, plan.id).await.map_err(|e| AppError::store(&e))?;
        if entries.iter().any(|e| e.doc["kind"] == "session" && e.doc["therapist_id"].as_i64() == Some(therapist_id)) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A yes/no question of the form.
struct YesNo {
    name: &'static str,
    label: String,
    value: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "review.html")]
struct ReviewPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    id: i64,
    name: String,
    /// `form`, `saved` or `not_yet`.
    state: &'static str,
    overall: String,
    questions: Vec<YesNo>,
    text: String,
    errors: Vec<(String, String)>,
    overall_error: Option<String>,
    text_error: Option<String>,
    pending_note: bool,
}

fn word(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn questions(c: &Chrome<'_>, r: Option<&ReviewInput>) -> Vec<YesNo> {
    vec![
        YesNo { name: "helped_back", label: c.t("review-helped-back"), value: word(r.and_then(|r| r.helped_back)) },
        YesNo { name: "listened", label: c.t("review-listened"), value: word(r.and_then(|r| r.listened)) },
        YesNo {
            name: "respected_precautions",
            label: c.t("review-respected"),
            value: word(r.and_then(|r| r.respected_precautions)),
        },
    ]
}

async fn listing_name(store: &dyn Store, id: &str) -> Result<(i64, String), AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let d = store.therapist_detail(id).await.map_err(|e| AppError::store(&e))?.ok_or(AppError::NotFound)?;
    Ok((id, d.therapist.name))
}

async fn show(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    SignedIn(user): SignedIn,
    CsrfToken(csrf): CsrfToken,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    let (id, name) = listing_name(store.as_ref(), &id).await?;
    let c = Chrome::new(&shared.i18n, lang, &format!("/therapists/{id}/review"), "");
    let saved = query.as_deref() == Some("saved=1");
    let eligible = logged_session_with(store.as_ref(), user.id, id).await?;
    let mine = store.my_review(user.id, id).await.map_err(|e| AppError::store(&e))?;
    let state = if saved && mine.is_some() {
        "saved"
    } else if eligible {
        "form"
    } else {
        "not_yet"
    };
    let page = ReviewPage {
        csrf,
        id,
        name,
        state,
        overall: mine.as_ref().map(|m| m.review.overall.to_string()).unwrap_or_default(),
        questions: questions(&c, mine.as_ref().map(|m| &m.review)),
        text: mine.as_ref().map(|m| m.review.text.clone()).unwrap_or_default(),
        errors: Vec::new(),
        overall_error: None,
        text_error: None,
        pending_note: mine.is_some(),
        c,
    };
    Ok(page.into_response())
}

fn yes_no(values: &FormValues, name: &str) -> Result<Option<bool>, ()> {
    match values.get(name).unwrap_or("") {
        "" | "skip" => Ok(None),
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        _ => Err(()),
    }
}

async fn submit(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    SignedIn(user): SignedIn,
    CsrfToken(csrf): CsrfToken,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    let (id, name) = listing_name(store.as_ref(), &id).await?;
    if !logged_session_with(store.as_ref(), user.id, id).await? {
        return Ok(Redirect::to(&format!("/therapists/{id}/review")).into_response());
    }
    let values = FormValues::strict(pairs).map_err(|_| AppError::BadForm)?;
    let c = Chrome::new(&shared.i18n, lang, &format!("/therapists/{id}/review"), "");
    let overall = values.get("overall").unwrap_or("").trim().to_owned();
    let text = values.get("text").unwrap_or("").trim().to_owned();
    let mut errors = Vec::new();
    let overall_n = overall.parse::<u8>().ok().filter(|n| (1..=5).contains(n));
    let overall_error = overall_n.is_none().then(|| c.t("review-error-overall"));
    if let Some(e) = &overall_error {
        errors.push(("#review-overall-1".to_owned(), e.clone()));
    }
    let text_error = (text.chars().count() > MAX_TEXT).then(|| c.tn("review-error-text", "max", MAX_TEXT));
    if let Some(e) = &text_error {
        errors.push(("#review-text".to_owned(), e.clone()));
    }
    let (Ok(helped_back), Ok(listened), Ok(respected_precautions)) =
        (yes_no(&values, "helped_back"), yes_no(&values, "listened"), yes_no(&values, "respected_precautions"))
    else {
        return Err(AppError::BadForm);
    };
    let review = ReviewInput { overall: overall_n.unwrap_or(0), helped_back, listened, respected_precautions, text };
    if !errors.is_empty() {
        let page = ReviewPage {
            csrf,
            id,
            name,
            state: "form",
            overall,
            questions: questions(&c, Some(&review)),
            text: review.text.clone(),
            errors,
            overall_error,
            text_error,
            pending_note: false,
            c,
        };
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page.into_response()));
    }
    store.upsert_review(user.id, id, &review, &rfc3339(&shared)).await.map_err(|e| AppError::store(&e))?;
    Ok(Redirect::to(&format!("/therapists/{id}/review?saved=1")).into_response())
}
