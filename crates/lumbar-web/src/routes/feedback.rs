//! `POST /feedback`: "Was this helpful?" from the result, evidence, finder and intake pages.
//!
//! Stored through `Store::add_feedback` (pending moderation): the page, yes or no, and an
//! optional comment of at most [`MAX_COMMENT`] characters — never screening answers (only
//! these three fields are read). Once stored, the answer is `303 See Other` back to the page
//! the feedback was about (its path and query, from the form's `return`, checked to be that
//! page) with `feedback=thanks`, where the form is replaced by the thank-you ([`Thanks`]),
//! so Back and Reload show pages, never a resubmit. Problems re-render the form with what
//! was typed (422); a server without a store says feedback is not available there.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

use crate::check_flow::FormValues;
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::{Shared, with_status};
use crate::views::Chrome;

/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 2000;

/// The pages feedback can be about, with the page to go back to and the link's message.
pub const PAGES: &[(&str, &str, &str)] = &[
    ("check-result", "/check/result", "feedback-back-home"),
    ("evidence", "/evidence", "feedback-back-evidence"),
    ("find", "/find", "feedback-back-find"),
    ("intake", "/intake", "feedback-back-home"),
];

/// `feedback=thanks` in a page's query: the feedback form there was just answered.
pub(crate) struct Thanks(pub bool);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Thanks {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Thanks, Self::Rejection> {
        let thanks = parts
            .uri
            .query()
            .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "feedback" && v == "thanks"));
        Ok(Thanks(thanks))
    }
}

/// The page to go back to: the form's `return` when it is the page's own path (with a
/// query), else the page's path — never another site or page.
fn valid_return<'a>(base: &'a str, given: Option<&'a str>) -> &'a str {
    given
        .filter(|r| {
            r.strip_prefix(base).is_some_and(|rest| rest.is_empty() || rest.starts_with('?'))
                && !r.contains(['#', '\\', '\r', '\n'])
        })
        .unwrap_or(base)
}

/// The page to go back to once the feedback is stored, with the thank-you.
fn back_to(base: &str, given: Option<&str>) -> String {
    let target = valid_return(base, given);
    let sep = if target.contains('?') { '&' } else { '?' };
    format!("{target}{sep}feedback=thanks#feedback-heading")
}

/// The feedback route.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/feedback", post(submit))
}

/// A link in the error summary.
struct ErrorLink {
    href: &'static str,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "feedback.html")]
struct FeedbackPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    /// `thanks`, `form` or `unavailable`.
    state: &'static str,
    page: String,
    back_href: String,
    /// The `return` the form carries on.
    return_to: String,
    back_text: String,
    errors: Vec<ErrorLink>,
    helpful_error: Option<String>,
    comment_error: Option<String>,
    helpful: String,
    comment: String,
}

async fn submit(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = FormValues::new(pairs);
    let &(page, back_href, back_key) =
        PAGES.iter().find(|(p, _, _)| Some(*p) == form.get("page")).ok_or(AppError::BadForm)?;
    let helpful = match form.get("helpful").unwrap_or("") {
        "yes" => Some(true),
        "no" => Some(false),
        "" => None,
        _ => return Err(AppError::BadForm),
    };
    let comment = form.get("comment").unwrap_or("").trim().replace("\r\n", "\n");
    // The language switch leads back to the page the feedback is about (there is nothing
    // to get at /feedback).
    let c = Chrome::new(&shared.i18n, lang, back_href, "");
    let mut view = FeedbackPage {
        csrf: csrf.0,
        state: "form",
        page: page.to_owned(),
        back_href: back_href.to_owned(),
        return_to: back_href.to_owned(),
        back_text: c.t(back_key),
        errors: Vec::new(),
        helpful_error: None,
        comment_error: None,
        helpful: helpful.map_or("", |h| if h { "yes" } else { "no" }).to_owned(),
        comment: String::new(),
        c,
    };
    let Some(store) = &shared.state.store else {
        view.state = "unavailable";
        return Ok(with_status(StatusCode::SERVICE_UNAVAILABLE, view.into_response()));
    };
    if helpful.is_none() {
        let message = view.c.t("feedback-error-helpful");
        view.errors.push(ErrorLink { href: "#feedback-yes", message: message.clone() });
        view.helpful_error = Some(message);
    }
    let length = comment.chars().count();
    if length > MAX_COMMENT {
        let message = view.c.tn2("feedback-error-too-long", "max", MAX_COMMENT, "length", length);
        view.errors.push(ErrorLink { href: "#feedback-comment", message: message.clone() });
        view.comment_error = Some(message);
    }
    let Some(helpful) = helpful.filter(|_| view.errors.is_empty()) else {
        view.comment = comment;
        view.back_href = valid_return(back_href, form.get("return")).to_owned();
        view.return_to = view.back_href.clone();
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, view.into_response()));
    };
    if store.add_feedback(page, helpful, &comment).await.is_err() {
        // The error text is not logged: it could quote the comment.
        tracing::error!("feedback could not be stored");
        return Err(AppError::StoreFailed);
    }
    Ok(Redirect::to(&back_to(back_href, form.get("return"))).into_response())
}
