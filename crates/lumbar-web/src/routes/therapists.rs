//! `GET /therapists/{id}`: a therapist's or place's profile — credentials with their
//! verification evidence (state, number, status in words, source, date checked, expiry),
//! NPI, training, back-pain experience, styles, languages, price, insurance, how to book,
//! each profile field marked verified or self-reported, and recommendations. A clear note
//! says when no license is verified active in the practice state. Unknown ids are a 404;
//! a listing an operator hid answers 404 with a "not available" page.
//!
//! `POST /therapists/{id}/report`: "Report this listing" — a category
//! ([`lumbar_store::ReportCategory`]) and optional words of at most [`MAX_REPORT_TEXT`]
//! characters (the form asks for no health data), stored open for the operator's queue;
//! `303` back to the profile with `report=thanks`, where the thank-you replaces the form.
//! Problems answer 422 with the form alone (`report.html`).

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Form, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use lumbar_core::directory::states::states;
use lumbar_core::directory::{AsOf, Profile, ProfileField, Provenance, VerificationStatus, listing_standing};
use lumbar_store::{LicenseView, Moderation, PersonReview, ReportCategory, ReviewInput, TherapistDetail};

use crate::accounts::session::rfc3339;
use crate::check_flow::FormValues;
use crate::csrf::CsrfToken;

use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::routes::{Shared, with_status};
use crate::views::Chrome;

/// The profile routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/therapists/{id}", get(profile)).route("/therapists/{id}/report", post(report))
}

/// The longest text of a report, in characters.
pub const MAX_REPORT_TEXT: usize = 2000;

/// The report form's categories: (value, label).
fn categories(c: &Chrome<'_>) -> Vec<(&'static str, String)> {
    ReportCategory::ALL.iter().map(|k| (k.as_str(), c.t(&crate::routes::operator::category_key(*k)))).collect()
}

/// One credential with its evidence.
struct LicenseRow {
    state: String,
    number: String,
    status: String,
    verified: bool,
    source: String,
    checked: String,
    expires: String,
    /// The state board's license lookup.
    lookup_href: String,
    lookup_text: String,
    /// What the state's file does not tell (Texas: discipline).
    note: String,
}

/// One profile field.
struct FieldRow {
    label: String,
    value: String,
    verified: bool,
    provenance: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "therapist.html")]
struct ProfilePage<'a> {
    c: Chrome<'a>,
    /// "Search for other therapists": the list the profile was opened from.
    back_href: String,
    available: bool,
    name: String,
    kind: String,
    credential: String,
    address: String,
    inactive: bool,
    unverified_note: String,
    licenses: Vec<LicenseRow>,
    npi: String,
    has_profile: bool,
    fields: Vec<FieldRow>,
    booking_url: String,
    phone: String,
    phone_href: String,
    hours: String,
    booking_provenance: String,
    /// The rating in words, as on the finder's cards.
    rating: String,
    endorsements: String,
    /// Published reviews by people who logged a session here, newest first.
    reviews: Vec<ReviewRow>,
    /// "Helped their back: 3 of 4" and the like (questions someone answered).
    review_counts: Vec<String>,
    /// Where to write a review.
    review_href: String,
    /// The listing's id (the report form posts to it).
    id: i64,
    /// Why the page shows nothing (no directory, or a hidden listing).
    unavailable_body: String,
    /// The report form, or its thank-you.
    report_thanks: bool,
    report_categories: Vec<(&'static str, String)>,
    csrf: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    id: i64,
    name: String,
    categories: Vec<(&'static str, String)>,
    category: String,
    text: String,
    errors: Vec<(String, String)>,
    category_error: Option<String>,
    text_error: Option<String>,
}

/// One published review.
struct ReviewRow {
    stars: String,
    date: String,
    answers: Vec<String>,
    text: String,
}

fn review_rows(c: &Chrome<'_>, reviews: &[PersonReview]) -> (Vec<ReviewRow>, Vec<String>) {
    let rows = reviews
        .iter()
        .map(|r| {
            let answer = |key: &str, v: Option<bool>| {
                v.map(|v| format!("{} {}", c.t(key), c.t(if v { "answer-yes" } else { "answer-no" })))
            };
            ReviewRow {
                stars: c.tn("review-stars", "n", usize::from(r.review.overall)),
                date: c.ts("profile-review-date", "date", r.updated_at.get(..10).unwrap_or_default()),
                answers: [
                    answer("review-helped-back", r.review.helped_back),
                    answer("review-listened", r.review.listened),
                    answer("review-respected", r.review.respected_precautions),
                ]
                .into_iter()
                .flatten()
                .collect(),
                text: r.review.text.clone(),
            }
        })
        .collect();
    let mut counts = Vec::new();
    for (key, pick) in [
        ("profile-review-helped", (|r: &ReviewInput| r.helped_back) as fn(&ReviewInput) -> Option<bool>),
        ("profile-review-listened", |r: &ReviewInput| r.listened),
        ("profile-review-respected", |r: &ReviewInput| r.respected_precautions),
    ] {
        let answered: Vec<bool> = reviews.iter().filter_map(|r| pick(&r.review)).collect();
        if !answered.is_empty() {
            let yes = answered.iter().filter(|v| **v).count();
            counts.push(c.tn2(key, "yes", yes, "answered", answered.len()));
        }
    }
    (rows, counts)
}

fn provenance(c: &Chrome<'_>, p: Provenance) -> (bool, String) {
    match p {
        Provenance::Verified => (true, c.t("profile-verified")),
        Provenance::SelfReported => (false, c.t("profile-self-reported")),
    }
}

fn license_row(c: &Chrome<'_>, l: &LicenseView) -> LicenseRow {
    let verified = l.status == Some(VerificationStatus::VerifiedActive);
    let info = states().get(l.state);
    let checked = l.checked_at.map_or_else(|| c.t("profile-not-checked"), |d| d.to_string());
    let (lookup_href, lookup_text) = match info.and_then(|i| i.lookup_url.clone().zip(i.board.clone())) {
        Some((url, board)) => (url, c.ts("find-lookup", "board", &board)),
        None => (String::new(), String::new()),
    };
    LicenseRow {
        state: l.state.to_string(),
        number: l.number.clone(),
        status: if l.stale {
            format!("{} — {}", c.license_status(l.status), c.t("find-badge-stale"))
        } else {
            c.license_status(l.status)
        },
        verified,
        // the board and the date of its file, never the imported file's name
        source: c.license_source(l.state, l.status, l.roster_date),
        checked,
        expires: l.expires.map_or_else(|| c.t("profile-no-expiry"), |d| d.to_string()),
        lookup_href,
        lookup_text,
        note: info
            .and_then(|i| i.roster.discipline_note.as_ref())
            .filter(|_| verified)
            .map(|n| n.for_language(c.tr.lang.code()).to_owned())
            .unwrap_or_default(),
    }
}

fn profile_fields(c: &Chrome<'_>, p: &Profile) -> Vec<FieldRow> {
    let mut rows = Vec::new();
    let mut push = |label: &str, value: String, field: Option<ProfileField>| {
        let (verified, provenance) = provenance(c, field.map_or(Provenance::SelfReported, |f| p.provenance(f)));
        rows.push(FieldRow { label: c.t(label), value, verified, provenance });
    };
    push("profile-kind", c.kind_label(p.place_kind), None);
    if let Some(t) = &p.training {
        let mut parts = vec![t.school.clone()];
        if let Some(h) = t.hours {
            parts.push(c.tn("profile-training-hours", "hours", h as usize));
        }
        if !t.certifications.is_empty() {
            parts.push(c.ts("profile-certifications", "list", &t.certifications.join(", ")));
        }
        push("profile-training", parts.join("; "), Some(ProfileField::Training));
    }
    if let Some(y) = p.back_pain_years {
        push(
            "profile-back-pain-years",
            c.tn("profile-years", "years", usize::from(y)),
            Some(ProfileField::BackPainYears),
        );
    }
    if let Some(s) = p.back_pain_share_pct {
        push(
            "profile-back-pain-share",
            c.tn("profile-share", "pct", usize::from(s)),
            Some(ProfileField::BackPainShare),
        );
    }
    if !p.styles.is_empty() {
        let styles: Vec<String> = p.styles.iter().map(|s| c.style_label(*s)).collect();
        push("profile-styles", styles.join(", "), Some(ProfileField::Styles));
    }
    if !p.languages.is_empty() {
        let langs: Vec<String> = p.languages.iter().map(|l| c.language_name(l)).collect();
        push("profile-languages", langs.join(", "), Some(ProfileField::Languages));
    }
    if let Some(g) = p.gender {
        push("profile-gender", c.gender_label(g), None);
    }
    let price = match (p.price_min_usd, p.price_max_usd) {
        (Some(lo), Some(hi)) if hi > lo => Some(c.tn2("profile-price-range", "min", lo as usize, "max", hi as usize)),
        (Some(lo), _) => Some(c.tn("profile-price-from", "min", lo as usize)),
        (None, Some(hi)) => Some(c.tn("profile-price-up-to", "max", hi as usize)),
        (None, None) => None,
    };
    if let Some(price) = price {
        push("profile-price", price, Some(ProfileField::Price));
    }
    let insurance = if p.insurance.is_empty() {
        c.t("profile-insurance-none")
    } else {
        p.insurance.iter().map(|i| c.payer_name(i)).collect::<Vec<_>>().join(", ")
    };
    push("profile-insurance", insurance, Some(ProfileField::Insurance));
    rows
}

fn address(d: &TherapistDetail) -> String {
    crate::directory::practice_address(&d.therapist.practice)
}

async fn profile(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let mut c = Chrome::new(&shared.i18n, lang, &format!("/therapists/{id}"), "");
    // "Search for other therapists" returns to the list this profile was opened from: its
    // search, checked to be one (nothing else is echoed into the link)
    let list = query
        .as_deref()
        .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "list").map(|(_, v)| v.into_owned()))
        .and_then(|l| {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(l.as_bytes()).into_owned().collect();
            let parsed = crate::search::parse(&pairs, crate::search::Mode::Page);
            // rebuilt from the checked search: nothing else given is echoed into the link
            (parsed.submitted && parsed.problems.is_empty())
                .then(|| parsed.search.page_query(parsed.search.radius_miles))
        });
    if let Some(l) = &list {
        let enc: String = form_urlencoded::byte_serialize(l.as_bytes()).collect();
        for s in &mut c.switch {
            s.href = format!("/therapists/{id}?list={enc}&lang={}", s.code);
        }
    }
    let back = list.map_or_else(|| "/find".to_owned(), |l| format!("/find?{l}#results"));
    let Some(store) = &shared.state.store else {
        let page = empty_page(c);
        return Ok(with_status(StatusCode::SERVICE_UNAVAILABLE, page.into_response()));
    };
    let mut d = store.therapist_detail(id).await.map_err(|e| AppError::store(&e))?.ok_or(AppError::NotFound)?;
    if store.listing_hidden(id).await.map_err(|e| AppError::store(&e))?.is_some() {
        // hidden by an operator: not available (the reason is for the audit log, not the public)
        let mut page = empty_page(c);
        page.unavailable_body = page.c.t("profile-hidden-body");
        page.back_href = back;
        return Ok(with_status(StatusCode::NOT_FOUND, page.into_response()));
    }
    let as_of = shared.state.config.as_of();
    d.therapist = d.therapist.as_of(as_of);
    let published = store.listing_reviews(id, Moderation::Approved).await.map_err(|e| AppError::store(&e))?;
    let mut page = page(c, &d, as_of);
    (page.reviews, page.review_counts) = review_rows(&page.c, &published);
    page.review_href = format!("/therapists/{id}/review");
    page.back_href = back;
    page.id = id;
    page.csrf = csrf;
    page.report_thanks = query
        .as_deref()
        .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "report" && v == "thanks"));
    page.report_categories = categories(&page.c);
    Ok(page.into_response())
}

async fn report(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    CsrfToken(csrf): CsrfToken,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let store = shared.state.store.as_ref().ok_or(AppError::NoStore)?;
    let d = store.therapist_detail(id).await.map_err(|e| AppError::store(&e))?.ok_or(AppError::NotFound)?;
    if store.listing_hidden(id).await.map_err(|e| AppError::store(&e))?.is_some() {
        return Err(AppError::NotFound);
    }
    let form = FormValues::new(pairs);
    let category = form.get("category").unwrap_or("").to_owned();
    let text = form.get("text").unwrap_or("").trim().replace("\r\n", "\n");
    let c = Chrome::new(&shared.i18n, lang, &format!("/therapists/{id}"), "");
    let mut page = ReportPage {
        csrf,
        id,
        name: d.therapist.name,
        categories: categories(&c),
        category: String::new(),
        text: String::new(),
        errors: Vec::new(),
        category_error: None,
        text_error: None,
        c,
    };
    let parsed = ReportCategory::parse(&category);
    if parsed.is_none() {
        let m = page.c.t("report-error-category");
        page.errors.push(("#report-wrong_license".to_owned(), m.clone()));
        page.category_error = Some(m);
    }
    let length = text.chars().count();
    if length > MAX_REPORT_TEXT {
        let m = page.c.tn2("feedback-error-too-long", "max", MAX_REPORT_TEXT, "length", length);
        page.errors.push(("#report-text".to_owned(), m.clone()));
        page.text_error = Some(m);
    }
    let Some(category) = parsed.filter(|_| page.errors.is_empty()) else {
        page.category = parsed.map(|p| p.as_str().to_owned()).unwrap_or_default();
        page.text = text;
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page.into_response()));
    };
    if store.add_report(id, category, &text, &rfc3339(&shared)).await.is_err() {
        // the error is not logged: it could quote the words
        tracing::error!("a report could not be stored");
        return Err(AppError::StoreFailed);
    }
    Ok(Redirect::to(&format!("/therapists/{id}?report=thanks#report-heading")).into_response())
}

fn empty_page(c: Chrome<'_>) -> ProfilePage<'_> {
    ProfilePage {
        back_href: "/find".to_owned(),
        available: false,
        name: c.t("profile-unavailable-heading"),
        kind: String::new(),
        credential: String::new(),
        address: String::new(),
        inactive: false,
        unverified_note: String::new(),
        licenses: Vec::new(),
        npi: String::new(),
        has_profile: false,
        fields: Vec::new(),
        booking_url: String::new(),
        phone: String::new(),
        phone_href: String::new(),
        hours: String::new(),
        booking_provenance: String::new(),
        rating: String::new(),
        endorsements: String::new(),
        reviews: Vec::new(),
        review_counts: Vec::new(),
        review_href: String::new(),
        id: 0,
        unavailable_body: c.t("find-unavailable-body"),
        report_thanks: false,
        report_categories: Vec::new(),
        csrf: String::new(),
        c,
    }
}

fn page<'a>(c: Chrome<'a>, d: &TherapistDetail, as_of: AsOf) -> ProfilePage<'a> {
    let t = &d.therapist;
    // the same rule as the finder: the worst board finding on any license wins
    let facts: Vec<_> = t.licenses.iter().map(LicenseView::fact).collect();
    let standing = t.practice.state.map(|s| (s, listing_standing(&facts, s, as_of)));
    let verified = standing.is_some_and(|(_, st)| st.status == Some(VerificationStatus::VerifiedActive));
    let unverified_note = match standing {
        Some(_) if verified => String::new(),
        Some((state, st)) => {
            let here = st.license.map(|i| &t.licenses[i]);
            let status = match here {
                Some(l) => c.tr.ta(
                    "license-in-state",
                    &[("status", Arg::Text(c.license_status(l.status))), ("state", Arg::Text(l.state.to_string()))],
                ),
                None => c.ts("license-none", "state", state.as_str()),
            };
            c.tr.ta(
                "profile-unverified-note",
                &[("state", Arg::Text(state.to_string())), ("status", Arg::Text(status))],
            )
        }
        None => c.tr.ta(
            "profile-unverified-note",
            &[("state", Arg::Text(String::new())), ("status", Arg::Text(c.license_status(None)))],
        ),
    };
    let kind = match &d.profile {
        Some(p) => c.kind_label(p.place_kind),
        None => c.t(if t.kind == "organization" { "profile-entity-organization" } else { "profile-entity-individual" }),
    };
    let p = d.profile.as_ref();
    let phone = p.and_then(|p| p.phone.clone()).unwrap_or_default();
    let phone_href: String = phone.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
    // the same words as the finder's cards: the plain average and the number of reviews
    let rating = c.rating(d.reviews, d.rating_sum);
    ProfilePage {
        back_href: "/find".to_owned(),
        available: true,
        name: t.name.clone(),
        kind,
        credential: t.credential.clone(),
        address: address(d),
        inactive: !t.active,
        unverified_note,
        licenses: t.licenses.iter().map(|l| license_row(&c, l)).collect(),
        npi: t.npi.map(|n| n.to_string()).unwrap_or_default(),
        has_profile: p.is_some(),
        fields: p.map(|p| profile_fields(&c, p)).unwrap_or_default(),
        // Only web links become links (a profile is the therapist's own words).
        booking_url: p
            .and_then(|p| p.booking_url.clone())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .unwrap_or_default(),
        phone_href: if phone_href.is_empty() { String::new() } else { format!("tel:{phone_href}") },
        phone,
        hours: p.and_then(|p| p.hours.clone()).unwrap_or_default(),
        booking_provenance: c.t("profile-self-reported"),
        rating,
        endorsements: c.tn("profile-endorsements", "count", d.endorsements as usize),
        reviews: Vec::new(),
        review_counts: Vec::new(),
        review_href: String::new(),
        id: t.id,
        unavailable_body: String::new(),
        report_thanks: false,
        report_categories: Vec::new(),
        csrf: String::new(),
        c,
    }
}
