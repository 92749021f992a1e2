//! Sharing a saved check's intake summary with a massage therapist, under the person's
//! control (issue #10 items 6–7).
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /checks/{id}/share` | owner | choose sections; print, or create a link; the links with when each was opened |
//! | `POST /checks/{id}/shares` | owner | `action=print` → `303` to the printable page; `action=link` → a new link (`303` back, shown once) |
//! | `GET /checks/{id}/share/print?section=…` | owner | the chosen sections on one printable page |
//! | `POST /checks/{id}/shares/{share}/revoke` | owner | revokes a link |
//! | `GET /shared/{token}` | anyone with the link | the shared intake; unknown, expired or revoked: 404 |
//!
//! The sections are the intake summary's ([`crate::intake`]): precautions, where the pain
//! is, pressure and style wishes, relevant conditions and medicines, goals. A link stores
//! only the chosen sections, as message keys, contract words and rule-set ids (so the
//! therapist reads them in their own language), sealed at rest by the store. Its token is
//! 128 random bits ([`tokens::new_secret`]`(16)`), stored only as a hash, shown once — carried
//! from the `POST` to the page after it in a sealed, 10-minute, `SameSite=Strict` cookie,
//! never in a URL of ours but its own; it expires after 1–30 days (default
//! [`DEFAULT_DAYS`]). Each opening is recorded and listed to the person.
//!
//! The shared page starts with the therapist's precautions card (for each precaution: what
//! to avoid, how to adapt, when to stop, with sources), and is sent with
//! `X-Robots-Tag: noindex` (and the `<meta>` too), `Cache-Control: no-store` and
//! `Referrer-Policy: no-referrer`.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use lumbar_core::directory::Date;
use lumbar_core::screening::Ruleset;
use serde_json::{Value, json};

use crate::accounts::session::{Owner, rfc3339};
use crate::accounts::tokens;
use crate::cookies;
use crate::csrf::CsrfToken;
use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::intake;
use crate::routes::check::serde_plain;
use crate::routes::journal::{CheckRecord, failed, owned_check, parse_id, see_other, store, triage_label};
use crate::routes::{Shared, with_status};
use crate::views::{Chrome, Cite};

/// The sections a person can share, in the order the page shows them.
pub const SECTIONS: [&str; 5] = ["precautions", "areas", "preferences", "history", "goals"];
/// Days a link lasts unless the person chooses otherwise.
pub const DEFAULT_DAYS: u32 = 14;
/// The longest a link can last, in days.
pub const MAX_DAYS: u32 = 30;
/// Schema of a share link's document.
pub const SHARE_SCHEMA: &str = "lumbar.share/1";
/// Hash purpose of share tokens.
const SHARE: &str = "share";
/// The cookie that carries a new link to the page after the `POST`.
const LINK_COOKIE: &str = "lumbar_share_link";
/// Seal purpose of that cookie.
const LINK_PURPOSE: &str = "share-link";
/// How long that cookie lives, in seconds.
const LINK_SECS: u64 = 600;

/// The share routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/checks/{id}/share", get(show))
        .route("/checks/{id}/share/print", get(print))
        .route("/checks/{id}/shares", post(create))
        .route("/checks/{id}/shares/{share}/revoke", post(revoke))
        .route("/shared/{token}", get(open))
}

fn now_secs(shared: &Shared) -> i64 {
    i64::try_from(shared.state.config.clock.unix_secs()).unwrap_or(i64::MAX)
}

/// A Unix second as `YYYY-MM-DD HH:MM UTC`.
fn when(secs: i64) -> String {
    let d = Date::from_days_since_epoch(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!("{d} {:02}:{:02} UTC", t / 3600, t % 3600 / 60)
}

/// An RFC 3339 time as `YYYY-MM-DD HH:MM UTC`.
fn when_text(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t} UTC"),
        _ => rfc3339.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------
// What is shared

/// The document of a share: the chosen sections of the check's intake summary, as keys,
/// words and ids (rendered in the reader's language).
fn share_doc(rs: &Ruleset, check: &CheckRecord, sections: &[&str]) -> Value {
    let a = rs.assess(&check.answers);
    let s = intake::summarize(&check.answers, &a);
    let mut doc = json!({
        "schema": SHARE_SCHEMA,
        "check_date": check.doc.date,
        "ruleset_version": rs.version,
        "advisable": a.massage_advisable_now(),
        "sections": sections,
    });
    for section in sections {
        match *section {
            "precautions" => {
                doc["precautions"] = json!(s.avoid.iter().map(|p| p.id.as_str()).collect::<Vec<_>>());
                doc["reasons"] = json!(s.reasons.iter().map(|r| r.id.as_str()).collect::<Vec<_>>());
            }
            "areas" => {
                doc["areas"] = json!(s.areas);
                doc["pain_now"] = json!(a.pain.now);
                doc["severity"] = json!(serde_plain(&a.pain.severity));
                doc["duration"] = json!(serde_plain(&a.duration));
            }
            "preferences" => {
                doc["pressure"] = json!(s.pressure);
                doc["style"] = json!(s.style);
                doc["conflicts"] = json!(s.conflicts);
            }
            "history" => doc["history"] = json!(s.history),
            "goals" => {
                doc["goal"] = json!(s.goal);
                doc["styles"] = json!(s.styles.iter().map(|st| st.as_str()).collect::<Vec<_>>());
            }
            _ => {}
        }
    }
    doc
}

/// One precaution as the therapist reads it.
struct CardView {
    label: String,
    avoid: String,
    adapt: String,
    stop_if: String,
    cites: Vec<Cite>,
}

/// A share document, in the reader's language.
struct ShareContent {
    advisable: bool,
    check_date: String,
    ruleset_version: String,
    precautions: bool,
    cards: Vec<CardView>,
    reasons: Vec<String>,
    areas: Option<Vec<String>>,
    pain: String,
    duration: String,
    preferences: bool,
    pressure: String,
    style: String,
    conflicts: Vec<String>,
    history: Option<Vec<String>>,
    goals: bool,
    goal: String,
    styles: Vec<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

/// A message key from a stored document, only when it is one the summary uses.
fn known_keys(c: &Chrome<'_>, v: &Value) -> Vec<String> {
    strings(v).iter().filter(|k| intake::KEYS.contains(&k.as_str())).map(|k| c.t(k)).collect()
}

/// A contract word as its message (`intake-pressure-light`), only when the word is known.
fn word(c: &Chrome<'_>, prefix: &str, v: &Value, known: &[&str]) -> String {
    let w = v.as_str().unwrap_or("no_preference");
    let w = if known.contains(&w) { w } else { "no_preference" };
    c.t(&format!("{prefix}-{}", w.replace('_', "-")))
}

fn read_doc(c: &Chrome<'_>, rs: &Ruleset, doc: &Value) -> ShareContent {
    let lang = c.tr.lang.text_lang();
    let chosen = strings(&doc["sections"]);
    let has = |s: &str| chosen.iter().any(|x| x == s);
    let cards = strings(&doc["precautions"])
        .iter()
        .filter_map(|id| rs.precaution(id))
        .map(|p| CardView {
            label: p.label_in(lang).to_owned(),
            avoid: p.therapist.avoid.in_lang(lang).to_owned(),
            adapt: p.therapist.adapt.in_lang(lang).to_owned(),
            stop_if: p.therapist.stop_if.in_lang(lang).to_owned(),
            cites: Cite::from_indexes(rs, &p.therapist.sources),
        })
        .collect();
    let severity = c.t(&format!("severity-{}", doc["severity"].as_str().unwrap_or("mild")));
    ShareContent {
        advisable: doc["advisable"].as_bool() != Some(false),
        check_date: doc["check_date"].as_str().unwrap_or("").to_owned(),
        ruleset_version: doc["ruleset_version"].as_str().unwrap_or("").to_owned(),
        precautions: has("precautions"),
        cards,
        reasons: strings(&doc["reasons"])
            .iter()
            .filter_map(|id| rs.rule(id))
            .map(|r| r.title_in(lang).to_owned())
            .collect(),
        areas: has("areas").then(|| known_keys(c, &doc["areas"])),
        pain: c.tr.ta(
            "result-pain-now-value",
            &[("now", Arg::Num(doc["pain_now"].as_f64().unwrap_or(0.0))), ("severity", Arg::Text(severity))],
        ),
        duration: c.t(&format!("duration-{}", doc["duration"].as_str().unwrap_or("acute"))),
        preferences: has("preferences"),
        pressure: word(c, "intake-pressure", &doc["pressure"], &["light", "medium", "firm"]),
        style: word(c, "intake-style", &doc["style"], &["deep_tissue", "swedish"]),
        conflicts: known_keys(c, &doc["conflicts"]),
        history: has("history").then(|| known_keys(c, &doc["history"])),
        goals: has("goals"),
        goal: word(c, "intake-goal", &doc["goal"], &["ease_tension", "relax", "move_better"]),
        styles: strings(&doc["styles"])
            .iter()
            .filter(|s| matches!(s.as_str(), "prenatal" | "swedish" | "deep_tissue"))
            .map(|s| c.t(&format!("style-{}", s.replace('_', "-"))))
            .collect(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "share_view.html")]
struct ViewPage<'a> {
    c: Chrome<'a>,
    /// `print` (the owner's printable page) or `shared` (opened by its link).
    mode: &'static str,
    back_href: String,
    s: ShareContent,
}

// ---------------------------------------------------------------------------------------
// The owner's page

struct SectionChoice {
    value: &'static str,
    label: String,
    hint: String,
    checked: bool,
}

struct LinkRow {
    id: i64,
    created: String,
    status: String,
    active: bool,
    sections: String,
    opened: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "share_new.html")]
struct SharePage<'a> {
    c: Chrome<'a>,
    csrf: String,
    id: i64,
    check_date: String,
    level_label: String,
    advisable: bool,
    sections: Vec<SectionChoice>,
    days: String,
    errors: Vec<(String, String, String)>,
    sections_error: Option<String>,
    days_error: Option<String>,
    new_link: Option<String>,
    notice: Option<String>,
    links: Vec<LinkRow>,
}

fn section_label(c: &Chrome<'_>, s: &str) -> String {
    c.t(&format!("share-section-{s}"))
}

#[expect(clippy::too_many_arguments, reason = "one page, its parts")]
async fn share_page(
    shared: &Shared,
    lang: Lang,
    csrf: String,
    user: i64,
    check: &CheckRecord,
    chosen: &[&str],
    days: String,
    problems: (Option<String>, Option<String>),
    new_link: Option<String>,
    notice: Option<&str>,
) -> Result<Response, AppError> {
    let store = store(shared)?;
    let rs = &shared.state.ruleset;
    let c = Chrome::new(&shared.i18n, lang, &format!("/checks/{}/share", check.id), "");
    let advisable = rs.assess(&check.answers).massage_advisable_now();
    let now = now_secs(shared);
    let links = store
        .shares(user)
        .await
        .map_err(failed)?
        .into_iter()
        .filter(|s| s.check_id == check.id)
        .map(|s| {
            let active = !s.revoked && s.expires_secs > now;
            let status = if s.revoked {
                c.t("share-status-revoked")
            } else if !active {
                c.ts("share-status-expired", "when", &when(s.expires_secs))
            } else {
                c.ts("share-status-active", "when", &when(s.expires_secs))
            };
            LinkRow {
                id: s.id,
                created: when_text(&s.created_at),
                status,
                active,
                sections: strings(&s.doc["sections"])
                    .iter()
                    .map(|x| section_label(&c, x))
                    .collect::<Vec<_>>()
                    .join(", "),
                opened: s.opened.iter().map(|o| when_text(o)).collect(),
            }
        })
        .collect();
    let (sections_error, days_error) = problems;
    let mut errors = Vec::new();
    if let Some(e) = &sections_error {
        errors.push(("#section-precautions".to_owned(), c.t("share-sections-legend"), e.clone()));
    }
    if let Some(e) = &days_error {
        errors.push(("#days".to_owned(), c.t("share-days-label"), e.clone()));
    }
    let failed_form = !errors.is_empty();
    let page = SharePage {
        csrf,
        id: check.id,
        check_date: check.doc.date.clone(),
        level_label: triage_label(&c, check.triage()),
        advisable,
        sections: SECTIONS
            .iter()
            .map(|&s| SectionChoice {
                value: s,
                label: section_label(&c, s),
                hint: c.t(&format!("share-section-{s}-hint")),
                checked: chosen.contains(&s),
            })
            .collect(),
        days,
        errors,
        sections_error,
        days_error,
        new_link,
        notice: notice.map(|k| c.t(k)),
        links,
        c,
    };
    let resp = page.into_response();
    Ok(if failed_form { with_status(StatusCode::UNPROCESSABLE_ENTITY, resp) } else { resp })
}

/// The site's address for a link in a page: `LUMBAR_PUBLIC_URL`, else the request's host.
fn site(shared: &Shared, headers: &HeaderMap) -> String {
    if let Some(url) = &shared.state.config.public_url {
        return url.clone();
    }
    let scheme = if shared.state.config.secure_cookies { "https" } else { "http" };
    match headers.get(header::HOST).and_then(|h| h.to_str().ok()).filter(|h| {
        !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
    }) {
        Some(host) => format!("{scheme}://{host}"),
        None => String::new(),
    }
}

/// `GET /checks/{id}/share`.
async fn show(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Owner(user): Owner,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    let check = owned_check(store.as_ref(), user.id, id).await?;
    // a link just made, carried from the POST: shown this once
    let now = shared.state.config.clock.unix_secs();
    let new_link = cookies::get(&headers, LINK_COOKIE)
        .and_then(|text| shared.sealer.open(LINK_PURPOSE, now, LINK_SECS, text).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let (check_id, token) = text.split_once(':')?;
            (check_id == id.to_string()).then(|| format!("{}/shared/{token}", site(&shared, &headers)))
        });
    let notice = match query.as_deref() {
        Some("revoked=1") => Some("share-revoked"),
        _ => None,
    };
    let days = DEFAULT_DAYS.to_string();
    let mut resp =
        share_page(&shared, lang, csrf, user.id, &check, &SECTIONS, days, (None, None), new_link.clone(), notice)
            .await?;
    if new_link.is_some() {
        resp.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(LINK_COOKIE, "", 0, cookies::SameSite::Strict, shared.state.config.secure_cookies),
        );
    }
    Ok(resp)
}

/// The chosen sections of a form or query, in [`SECTIONS`] order.
fn chosen_sections(pairs: &[(String, String)]) -> Result<Vec<&'static str>, AppError> {
    let mut out = Vec::new();
    for (_, v) in pairs.iter().filter(|(k, _)| k == "section") {
        let s = SECTIONS.iter().copied().find(|s| s == v).ok_or(AppError::BadForm)?;
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.sort_by_key(|s| SECTIONS.iter().position(|x| x == s));
    Ok(out)
}

/// `POST /checks/{id}/shares`.
async fn create(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Owner(user): Owner,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    let rs = &shared.state.ruleset;
    let check = owned_check(store.as_ref(), user.id, id).await?;
    if !rs.assess(&check.answers).massage_advisable_now() {
        return Err(AppError::BadForm);
    }
    let sections = chosen_sections(&pairs)?;
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let action = get("action");
    let days_text = get("days");
    let c = Chrome::new(&shared.i18n, lang, "", "");
    let sections_error = sections.is_empty().then(|| c.t("share-error-sections"));
    let days: Option<u32> = if days_text.is_empty() {
        Some(DEFAULT_DAYS)
    } else {
        days_text.parse::<u32>().ok().filter(|d| (1..=MAX_DAYS).contains(d))
    };
    let days_error = (action == "link" && days.is_none()).then(|| c.tn("share-error-days", "max", MAX_DAYS as usize));
    if sections_error.is_some() || days_error.is_some() {
        return share_page(
            &shared,
            lang,
            csrf,
            user.id,
            &check,
            &sections,
            days_text,
            (sections_error, days_error),
            None,
            None,
        )
        .await;
    }
    match action.as_str() {
        "print" => {
            let mut q = form_urlencoded::Serializer::new(String::new());
            for s in &sections {
                q.append_pair("section", s);
            }
            Ok(see_other(&format!("/checks/{id}/share/print?{}", q.finish())))
        }
        "link" => {
            let days = i64::from(days.unwrap_or(DEFAULT_DAYS));
            let token = tokens::new_secret(16);
            let doc = share_doc(rs, &check, &sections);
            let expires = now_secs(&shared) + days * 86_400;
            store
                .create_share(user.id, id, &tokens::hash(SHARE, &token), &rfc3339(&shared), expires, &doc)
                .await
                .map_err(failed)?
                .ok_or(AppError::NotFound)?;
            let sealed = shared.sealer.seal(
                LINK_PURPOSE,
                shared.state.config.clock.unix_secs(),
                format!("{id}:{token}").as_bytes(),
            );
            let mut resp = see_other(&format!("/checks/{id}/share"));
            resp.headers_mut().append(
                header::SET_COOKIE,
                cookies::set(
                    LINK_COOKIE,
                    &sealed,
                    LINK_SECS,
                    cookies::SameSite::Strict,
                    shared.state.config.secure_cookies,
                ),
            );
            Ok(resp)
        }
        _ => Err(AppError::BadForm),
    }
}

/// `GET /checks/{id}/share/print`.
async fn print(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    Owner(user): Owner,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let store = store(&shared)?;
    let rs = &shared.state.ruleset;
    let check = owned_check(store.as_ref(), user.id, id).await?;
    let pairs: Vec<(String, String)> =
        query.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect()).unwrap_or_default();
    let sections = chosen_sections(&pairs).map_err(|_| AppError::NotFound)?;
    if sections.is_empty() {
        return Ok(see_other(&format!("/checks/{id}/share")));
    }
    let doc = share_doc(rs, &check, &sections);
    let c = Chrome::new(&shared.i18n, lang, &format!("/checks/{id}/share/print"), "");
    let s = read_doc(&c, rs, &doc);
    Ok(ViewPage { mode: "print", back_href: format!("/checks/{id}/share"), s, c }.into_response())
}

/// `POST /checks/{id}/shares/{share}/revoke`.
async fn revoke(
    State(shared): State<Arc<Shared>>,
    Owner(user): Owner,
    Path((id, share)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (id, share) = (parse_id(&id)?, parse_id(&share)?);
    let store = store(&shared)?;
    owned_check(store.as_ref(), user.id, id).await?;
    let mine = store.shares(user.id).await.map_err(failed)?.iter().any(|s| s.id == share && s.check_id == id);
    if !mine || !store.revoke_share(user.id, share).await.map_err(failed)? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/checks/{id}/share?revoked=1")))
}

/// `GET /shared/{token}`: no account needed.
async fn open(State(shared): State<Arc<Shared>>, lang: Lang, Path(token): Path<String>) -> Result<Response, AppError> {
    if !tokens::plausible(&token) {
        return Err(AppError::NotFound);
    }
    let store = store(&shared)?;
    let found = store
        .open_share(&tokens::hash(SHARE, &token), now_secs(&shared), &rfc3339(&shared))
        .await
        .map_err(failed)?
        .ok_or(AppError::NotFound)?;
    let rs = &shared.state.ruleset;
    let c = Chrome::new(&shared.i18n, lang, &format!("/shared/{token}"), "");
    let s = read_doc(&c, rs, &found.doc);
    let mut resp = ViewPage { mode: "shared", back_href: String::new(), s, c }.into_response();
    let h = resp.headers_mut();
    h.insert(HeaderName::from_static("x-robots-tag"), HeaderValue::from_static("noindex, nofollow"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    Ok(resp)
}
