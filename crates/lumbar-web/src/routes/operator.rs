//! The operator console (issue #11 item 5): role-gated pages for the moderation queues and
//! role grants, every decision written to the audit log in the same request.
//!
//! | route | what |
//! |---|---|
//! | `GET /operator` | how much waits: pending reviews, pending feedback, open reports |
//! | `GET`/`POST /operator/reviews` | pending reviews with their listing; approve, or hide with a reason |
//! | `GET`/`POST /operator/feedback` | pending feedback; approve, or hide with a reason |
//! | `GET`/`POST /operator/reports` | open "report this listing" reports; resolve with a note, or hide the listing with a reason |
//! | `GET`/`POST /operator/roles` | grant a role to an account by email, with a reason |
//! | `GET /operator/audit` | the audit log, newest first, filtered by kind of decision |
//!
//! Every page takes the [`Operator`] extractor: a visitor who is not signed in is sent to
//! sign in, a signed-in account without the operator role gets 404. A decision answers `303`
//! back to its queue with a notice (`done=…`); a decision that needs a reason and has none,
//! or names no decision, re-renders the queue with `422` and the field named. Nothing is
//! deleted: reviews and feedback are hidden, listings get a `hidden_reason`.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use lumbar_store::{AuditFilter, AuditInput, Moderation, ReportStatus, Role, Store, User};

use crate::accounts::session::{Operator, rfc3339};
use crate::check_flow::FormValues;
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::{Shared, with_status};
use crate::views::Chrome;

/// At most this many items in a queue page, oldest first.
const QUEUE: u32 = 100;
/// At most this many audit entries on the page.
const AUDIT_PAGE: u32 = 200;
/// The kinds of decision the audit page filters by (action prefixes).
pub const AUDIT_KINDS: [&str; 4] = ["review.", "feedback.", "report.", "role."];
/// The notices a decision may come back with (`done=` → message key).
const DONE: [(&str, &str); 8] = [
    ("review.approve", "operator-done-review-approve"),
    ("review.hide", "operator-done-review-hide"),
    ("feedback.approve", "operator-done-feedback-approve"),
    ("feedback.hide", "operator-done-feedback-hide"),
    ("report.resolve", "operator-done-report-resolve"),
    ("report.hide_listing", "operator-done-report-hide-listing"),
    ("role.grant", "operator-done-role-grant"),
    ("missing", "operator-done-missing"),
];

/// The console's routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/operator", get(home))
        .route("/operator/reviews", get(reviews).post(decide_review))
        .route("/operator/feedback", get(feedback).post(decide_feedback))
        .route("/operator/reports", get(reports).post(decide_report))
        .route("/operator/roles", get(roles).post(grant_role))
        .route("/operator/audit", get(audit))
}

/// One item of a queue: what it is, its facts, its words, and its decision form.
struct Item {
    id: i64,
    heading: String,
    href: String,
    facts: Vec<(String, String)>,
    text: String,
    /// The reason field's error, when this item's decision was refused.
    error: Option<String>,
}

/// One audit entry as shown.
struct AuditRow {
    at: String,
    actor: String,
    action: String,
    target: String,
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "operator.html")]
struct OperatorPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    /// `home`, `reviews`, `feedback`, `reports`, `roles` or `audit`.
    view: &'static str,
    /// The page's name in the title, its heading, and the console's navigation.
    section: String,
    heading: String,
    nav: Vec<(String, String, bool)>,
    notice: String,
    /// The error summary: (link to the field, message).
    errors: Vec<(String, String)>,
    counts: Vec<(String, String, usize)>,
    items: Vec<Item>,
    /// The two decisions of the queue: (value, label) — the first needs no reason (except
    /// for reports, where both do).
    decisions: Vec<(&'static str, String)>,
    reason_label: String,
    reason_hint: String,
    /// The roles form.
    email: String,
    role: String,
    reason: String,
    email_error: Option<String>,
    role_error: Option<String>,
    reason_error: Option<String>,
    roles: Vec<(&'static str, String)>,
    /// The audit page.
    kinds: Vec<(&'static str, String)>,
    kind: String,
    entries: Vec<AuditRow>,
}

fn store(shared: &Shared) -> Result<&dyn Store, AppError> {
    shared.state.store.as_deref().ok_or(AppError::NoStore)
}

fn failed(e: lumbar_store::StoreError) -> AppError {
    AppError::store(&e)
}

fn blank<'a>(c: Chrome<'a>, csrf: String, view: &'static str) -> OperatorPage<'a> {
    let roles = Role::ALL.iter().map(|r| (r.as_str(), c.t(&format!("operator-role-{}", r.as_str())))).collect();
    let kinds = AUDIT_KINDS.iter().map(|k| (*k, c.t(&format!("operator-kind-{}", k.trim_end_matches('.'))))).collect();
    let nav = ["home", "reviews", "feedback", "reports", "roles", "audit"]
        .iter()
        .map(|v| {
            let href = if *v == "home" { "/operator".to_owned() } else { format!("/operator/{v}") };
            (href, c.t(&format!("operator-nav-{v}")), *v == view)
        })
        .collect();
    OperatorPage {
        csrf,
        view,
        section: c.t(&format!("operator-nav-{view}")),
        heading: if view == "home" { c.t("operator-title") } else { c.t(&format!("operator-heading-{view}")) },
        nav,
        notice: String::new(),
        errors: Vec::new(),
        counts: Vec::new(),
        items: Vec::new(),
        decisions: Vec::new(),
        reason_label: String::new(),
        reason_hint: String::new(),
        email: String::new(),
        role: String::new(),
        reason: String::new(),
        email_error: None,
        role_error: None,
        reason_error: None,
        roles,
        kinds,
        kind: String::new(),
        entries: Vec::new(),
        c,
    }
}

fn chrome<'a>(shared: &'a Shared, lang: Lang, path: &str) -> Chrome<'a> {
    Chrome::new(&shared.i18n, lang, path, "")
}

/// The notice named by `done=` in the query, if it is one of ours.
fn notice(c: &Chrome<'_>, query: Option<&str>) -> String {
    let done = query.and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "done").map(|(_, v)| v));
    match done.and_then(|d| DONE.iter().find(|(k, _)| *k == d)) {
        Some((k, key)) if *k == "missing" => c.t(key),
        Some((_, key)) => format!("{} {}", c.t(key), c.t("operator-done-audited")),
        None => String::new(),
    }
}

fn back(path: &str, done: &str) -> Response {
    let q: String = form_urlencoded::Serializer::new(String::new()).append_pair("done", done).finish();
    Redirect::to(&format!("{path}?{q}")).into_response()
}

async fn record(
    store: &dyn Store,
    shared: &Shared,
    op: &User,
    action: &str,
    target: String,
    reason: &str,
) -> Result<(), AppError> {
    let entry = AuditInput {
        at: rfc3339(shared),
        actor: op.id.to_string(),
        action: action.to_owned(),
        target,
        reason: reason.to_owned(),
    };
    store.append_audit(&entry).await.map_err(failed)?;
    Ok(())
}

async fn listing_names(store: &dyn Store, ids: impl Iterator<Item = i64>) -> Result<HashMap<i64, String>, AppError> {
    let mut names = HashMap::new();
    for id in ids {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
            let name = store.therapist_detail(id).await.map_err(failed)?.map(|d| d.therapist.name).unwrap_or_default();
            slot.insert(name);
        }
    }
    Ok(names)
}

fn yes_no(c: &Chrome<'_>, v: Option<bool>) -> String {
    match v {
        Some(true) => c.t("answer-yes"),
        Some(false) => c.t("answer-no"),
        None => "—".to_owned(),
    }
}

// ── Overview ──────────────────────────────────────────────────────────────────────────────

async fn home(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(_op): Operator,
    CsrfToken(csrf): CsrfToken,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let reviews = store.reviews_by_state(Moderation::Pending, u32::MAX / 2).await.map_err(failed)?.len();
    let feedback = store.feedback(Some(Moderation::Pending), u32::MAX / 2).await.map_err(failed)?.len();
    let reports = store.reports(Some(ReportStatus::Open), u32::MAX / 2).await.map_err(failed)?.len();
    let mut page = blank(chrome(&shared, lang, "/operator"), csrf, "home");
    page.counts = vec![
        ("/operator/reviews".to_owned(), page.c.t("operator-count-reviews"), reviews),
        ("/operator/feedback".to_owned(), page.c.t("operator-count-feedback"), feedback),
        ("/operator/reports".to_owned(), page.c.t("operator-count-reports"), reports),
    ];
    Ok(page.into_response())
}

// ── Queues ────────────────────────────────────────────────────────────────────────────────

/// A queue page, with the refused decision's error on its item when there is one.
async fn queue<'a>(
    shared: &'a Shared,
    lang: Lang,
    csrf: String,
    view: &'static str,
    refused: Option<(i64, String)>,
) -> Result<OperatorPage<'a>, AppError> {
    let store = store(shared)?;
    let mut page = blank(chrome(shared, lang, &format!("/operator/{view}")), csrf, view);
    let c = &page.c;
    let mut items = match view {
        "reviews" => {
            let pending = store.reviews_by_state(Moderation::Pending, QUEUE).await.map_err(failed)?;
            let names = listing_names(store, pending.iter().map(|r| r.therapist_id)).await?;
            pending
                .iter()
                .map(|r| Item {
                    id: r.id,
                    heading: c.tr.ta(
                        "operator-review-item",
                        &[
                            ("id", crate::i18n::Arg::Text(r.id.to_string())),
                            ("name", crate::i18n::Arg::Text(names.get(&r.therapist_id).cloned().unwrap_or_default())),
                        ],
                    ),
                    href: format!("/therapists/{}", r.therapist_id),
                    facts: vec![
                        (c.t("operator-fact-overall"), c.tn("review-stars", "n", usize::from(r.review.overall))),
                        (c.t("review-helped-back"), yes_no(c, r.review.helped_back)),
                        (c.t("review-listened"), yes_no(c, r.review.listened)),
                        (c.t("review-respected"), yes_no(c, r.review.respected_precautions)),
                        (c.t("operator-fact-written"), r.updated_at.clone()),
                    ],
                    text: r.review.text.clone(),
                    error: None,
                })
                .collect::<Vec<_>>()
        }
        "feedback" => store
            .feedback(Some(Moderation::Pending), QUEUE)
            .await
            .map_err(failed)?
            .into_iter()
            .rev()
            .map(|f| Item {
                id: f.id,
                heading: c.tr.ta(
                    "operator-feedback-item",
                    &[
                        ("id", crate::i18n::Arg::Text(f.id.to_string())),
                        ("page", crate::i18n::Arg::Text(f.page.clone())),
                    ],
                ),
                href: String::new(),
                facts: vec![
                    (c.t("operator-fact-helpful"), yes_no(c, Some(f.helpful))),
                    (c.t("operator-fact-written"), f.created_at.clone()),
                ],
                text: f.comment,
                error: None,
            })
            .collect(),
        _ => {
            let open = store.reports(Some(ReportStatus::Open), QUEUE).await.map_err(failed)?;
            let names = listing_names(store, open.iter().map(|r| r.therapist_id)).await?;
            open.iter()
                .map(|r| Item {
                    id: r.id,
                    heading: c.tr.ta(
                        "operator-report-item",
                        &[
                            ("id", crate::i18n::Arg::Text(r.id.to_string())),
                            ("name", crate::i18n::Arg::Text(names.get(&r.therapist_id).cloned().unwrap_or_default())),
                        ],
                    ),
                    href: format!("/therapists/{}", r.therapist_id),
                    facts: vec![
                        (c.t("operator-fact-category"), c.t(&category_key(r.category))),
                        (c.t("operator-fact-written"), r.created_at.clone()),
                    ],
                    text: r.text.clone(),
                    error: None,
                })
                .collect()
        }
    };
    let (decisions, label, hint) = match view {
        "reports" => (
            vec![("resolve", c.t("operator-resolve")), ("hide_listing", c.t("operator-hide-listing"))],
            c.t("operator-note"),
            c.t("operator-note-hint"),
        ),
        _ => (
            vec![("approve", c.t("operator-approve")), ("hide", c.t("operator-hide"))],
            c.t("operator-reason"),
            c.t("operator-reason-hint"),
        ),
    };
    if let Some((id, message)) = refused {
        match items.iter_mut().find(|i| i.id == id) {
            Some(item) => {
                item.error = Some(message.clone());
                page.errors.push((format!("#reason-{id}"), message));
            }
            None => page.errors.push(("#queue".to_owned(), message)),
        }
    }
    page.decisions = decisions;
    page.reason_label = label;
    page.reason_hint = hint;
    page.items = items;
    Ok(page)
}

/// The `lumbar.report` category's message key.
pub(crate) fn category_key(c: lumbar_store::ReportCategory) -> String {
    format!("report-category-{}", c.as_str().replace('_', "-"))
}

async fn show_queue(
    shared: Arc<Shared>,
    lang: Lang,
    csrf: String,
    view: &'static str,
    query: Option<String>,
) -> Result<Response, AppError> {
    let mut page = queue(&shared, lang, csrf, view, None).await?;
    page.notice = notice(&page.c, query.as_deref());
    Ok(page.into_response())
}

async fn reviews(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(_op): Operator,
    CsrfToken(csrf): CsrfToken,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    show_queue(shared, lang, csrf, "reviews", query).await
}

async fn feedback(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(_op): Operator,
    CsrfToken(csrf): CsrfToken,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    show_queue(shared, lang, csrf, "feedback", query).await
}

async fn reports(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(_op): Operator,
    CsrfToken(csrf): CsrfToken,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    show_queue(shared, lang, csrf, "reports", query).await
}

/// A decision as posted: the item, the decision, the reason (trimmed).
struct Decision {
    id: Option<i64>,
    action: String,
    reason: String,
}

fn decision(pairs: Vec<(String, String)>) -> Decision {
    let f = FormValues::new(pairs);
    Decision {
        id: f.get("id").and_then(|s| s.trim().parse().ok()),
        action: f.get("action").unwrap_or("").to_owned(),
        reason: f.get("reason").unwrap_or("").trim().replace("\r\n", "\n"),
    }
}

/// `422`: the queue again, the refused item's field named.
async fn refuse(
    shared: &Shared,
    lang: Lang,
    csrf: String,
    view: &'static str,
    id: Option<i64>,
    key: &str,
) -> Result<Response, AppError> {
    let message = chrome(shared, lang, "/").t(key);
    let page = queue(shared, lang, csrf, view, Some((id.unwrap_or(0), message))).await?;
    Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page.into_response()))
}

async fn decide_review(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(op): Operator,
    CsrfToken(csrf): CsrfToken,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    decide_moderation(shared, lang, op, csrf, "reviews", decision(pairs)).await
}

async fn decide_feedback(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(op): Operator,
    CsrfToken(csrf): CsrfToken,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    decide_moderation(shared, lang, op, csrf, "feedback", decision(pairs)).await
}

/// Approve or hide a review or a feedback entry.
async fn decide_moderation(
    shared: Arc<Shared>,
    lang: Lang,
    op: User,
    csrf: String,
    view: &'static str,
    d: Decision,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let (Some(id), Some(moderation)) = (
        d.id,
        match d.action.as_str() {
            "approve" => Some(Moderation::Approved),
            "hide" => Some(Moderation::Hidden),
            _ => None,
        },
    ) else {
        return refuse(&shared, lang, csrf, view, d.id, "operator-error-action").await;
    };
    if moderation == Moderation::Hidden && d.reason.is_empty() {
        return refuse(&shared, lang, csrf, view, Some(id), "operator-error-reason").await;
    }
    let (kind, done) = if view == "reviews" {
        // only a pending review is decided here (a second click finds it decided)
        let pending = store.reviews_by_state(Moderation::Pending, u32::MAX / 2).await.map_err(failed)?;
        let found =
            pending.iter().any(|r| r.id == id) && store.moderate_review(id, moderation).await.map_err(failed)?;
        // a published review counts in the ranking at once on this node
        shared.state.config.refresh.trigger();
        ("review", found)
    } else {
        let pending = store.feedback(Some(Moderation::Pending), u32::MAX / 2).await.map_err(failed)?;
        let found =
            pending.iter().any(|f| f.id == id) && store.moderate_feedback(id, moderation).await.map_err(failed)?;
        ("feedback", found)
    };
    if !done {
        return Ok(back(&format!("/operator/{view}"), "missing"));
    }
    let action = format!("{kind}.{}", d.action);
    record(store, &shared, &op, &action, format!("{kind}:{id}"), &d.reason).await?;
    Ok(back(&format!("/operator/{view}"), &action))
}

async fn decide_report(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(op): Operator,
    CsrfToken(csrf): CsrfToken,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let d = decision(pairs);
    let Some(id) = d.id.filter(|_| matches!(d.action.as_str(), "resolve" | "hide_listing")) else {
        return refuse(&shared, lang, csrf, "reports", d.id, "operator-error-action").await;
    };
    if d.reason.is_empty() {
        let key = if d.action == "resolve" { "operator-error-note" } else { "operator-error-reason" };
        return refuse(&shared, lang, csrf, "reports", Some(id), key).await;
    }
    let Some(report) = store.report(id).await.map_err(failed)?.filter(|r| r.status == ReportStatus::Open) else {
        return Ok(back("/operator/reports", "missing"));
    };
    let now = rfc3339(&shared);
    let action = if d.action == "resolve" {
        store.close_report(id, ReportStatus::Resolved, &d.reason, &now).await.map_err(failed)?;
        "report.resolve"
    } else {
        store.hide_listing(report.therapist_id, &d.reason).await.map_err(failed)?;
        // this node's finder rebuilds on its next search; other nodes see the change counter
        // move within `change_poll`
        shared.state.config.refresh.trigger();
        store.close_report(id, ReportStatus::ListingHidden, &d.reason, &now).await.map_err(failed)?;
        "report.hide_listing"
    };
    let target = format!("report:{id} therapist:{}", report.therapist_id);
    record(store, &shared, &op, action, target, &d.reason).await?;
    Ok(back("/operator/reports", action))
}

// ── Roles ─────────────────────────────────────────────────────────────────────────────────

async fn roles(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(_op): Operator,
    CsrfToken(csrf): CsrfToken,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let mut page = blank(chrome(&shared, lang, "/operator/roles"), csrf, "roles");
    page.notice = notice(&page.c, query.as_deref());
    Ok(page.into_response())
}

async fn grant_role(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(op): Operator,
    CsrfToken(csrf): CsrfToken,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let f = FormValues::new(pairs);
    let email = crate::routes::account::normalise_email(f.get("email").unwrap_or(""));
    let role = Role::parse(f.get("role").unwrap_or(""));
    let reason = f.get("reason").unwrap_or("").trim().replace("\r\n", "\n");
    let mut page = blank(chrome(&shared, lang, "/operator/roles"), csrf, "roles");
    let account =
        if email.is_empty() { None } else { store.user_by_email(&email).await.map_err(failed)?.map(|(u, _)| u) };
    if account.is_none() {
        let m = page.c.t("operator-error-email");
        page.errors.push(("#role-email".to_owned(), m.clone()));
        page.email_error = Some(m);
    }
    if role.is_none() {
        let m = page.c.t("operator-error-role");
        page.errors.push(("#role-person".to_owned(), m.clone()));
        page.role_error = Some(m);
    }
    if reason.is_empty() {
        let m = page.c.t("operator-error-reason");
        page.errors.push(("#role-reason".to_owned(), m.clone()));
        page.reason_error = Some(m);
    }
    let (Some(account), Some(role), false) = (account, role, reason.is_empty()) else {
        page.email = email;
        page.role = role.map(|r| r.as_str().to_owned()).unwrap_or_default();
        page.reason = reason;
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page.into_response()));
    };
    if !store.set_role(account.id, role).await.map_err(failed)? {
        return Ok(back("/operator/roles", "missing"));
    }
    let target = format!("user:{} {}→{}", account.id, account.role.as_str(), role.as_str());
    record(store, &shared, &op, "role.grant", target, &reason).await?;
    Ok(back("/operator/roles", "role.grant"))
}

// ── Audit log ─────────────────────────────────────────────────────────────────────────────

async fn audit(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Operator(_op): Operator,
    CsrfToken(csrf): CsrfToken,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let store = store(&shared)?;
    let kind = query
        .as_deref()
        .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "action").map(|(_, v)| v.into_owned()))
        .filter(|k| AUDIT_KINDS.contains(&k.as_str()))
        .unwrap_or_default();
    let filter =
        AuditFilter { action_prefix: (!kind.is_empty()).then(|| kind.clone()), target: None, limit: AUDIT_PAGE };
    let entries = store.audit(&filter).await.map_err(failed)?;
    let mut page = blank(chrome(&shared, lang, "/operator/audit"), csrf, "audit");
    let mut who: HashMap<String, String> = HashMap::new();
    for e in &entries {
        if who.contains_key(&e.actor) {
            continue;
        }
        let name = if e.actor == lumbar_store::CLI_ACTOR {
            page.c.t("operator-actor-cli")
        } else {
            match e.actor.parse::<i64>() {
                Ok(id) => store.user(id).await.map_err(failed)?.map_or_else(|| format!("#{id}"), |u| u.email),
                Err(_) => e.actor.clone(),
            }
        };
        who.insert(e.actor.clone(), name);
    }
    page.entries = entries
        .into_iter()
        .map(|e| AuditRow {
            actor: who.get(&e.actor).cloned().unwrap_or_default(),
            at: e.at,
            action: e.action,
            target: e.target,
            reason: e.reason,
        })
        .collect();
    page.kind = kind;
    Ok(page.into_response())
}
