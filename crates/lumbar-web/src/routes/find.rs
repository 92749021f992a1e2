//! `/find`: licensed massage therapists near a ZIP code.
//!
//! - `GET /find?zip=…&radius_miles=…&…` is a plain search: its parameters are the search
//!   only ([`crate::search`]), never health data, so the URL can be shared.
//! - When the browser holds a finished check (the sealed draft, decision 0005), its
//!   assessment is applied to every search — not advisable now → no list and the clinician
//!   message; pregnancy → prenatal only; `no_deep_tissue` → the ranking rule (all inside
//!   `GeoIndex::search` given `Needs::from_assessment`) — and the page says so, with "Forget
//!   my answers". The URL still carries only the search, so Back, Reload and a shared link
//!   work; nothing of the answers goes in a URL.
//!
//! Empty states say what happened and what to do: the ZIP is not known, nobody is within
//! the radius, or the server runs without a directory.
//!
//! Each card says how to book (a `tel:` link, the booking link, a plain OpenStreetMap
//! search of the address — no script from elsewhere), the languages spoken and the price.
//! The reasons a result matched come from the matcher as data
//! ([`lumbar_core::matching::why::Reason`]) and are worded here in the page's language.
//! The Spanish page lists Spanish-speaking therapists unless the person chose a language,
//! and says so with a way to clear it. The form submits to `#results`, so on a phone the
//! page after "Search" opens at the list.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use lumbar_core::directory::ResultGroup;
use lumbar_core::directory::states::states;
use lumbar_core::matching::why::{Reason, StyleNote};
use lumbar_core::matching::{Gender, MatchResult, Needs, Outcome, PlaceKind, Query};
use lumbar_core::screening::{Answers, Assessment};
use lumbar_store::Store;

use crate::csrf::CsrfToken;
use crate::directory::{Listing, Snapshot};
use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::routes::{Shared, check, with_status};
use crate::search::{self, Mode, PAGE_RADIUS, Parsed, RADII};
use crate::views::Chrome;

/// The finder routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new().route("/find", get(find_get))
}

/// What a finished check brings to the finder and to the intake summary.
pub(crate) struct Screening {
    /// What the screening asks of a therapist.
    pub needs: Needs,
    /// The triage word (`urgent_medical`).
    pub triage: &'static str,
    /// Precaution ids, in the assessment's order (labels are taken in the page's language).
    pub precautions: Vec<String>,
}

impl Screening {
    pub(crate) fn new(a: &Assessment<'_>) -> Screening {
        Screening {
            needs: Needs::from_assessment(a),
            triage: a.triage.as_str(),
            precautions: a.precaution_ids().map(str::to_owned).collect(),
        }
    }

    /// The clinician message for a triage where massage is not advisable now.
    pub(crate) fn clinician_text(&self, c: &Chrome<'_>) -> String {
        c.t(&format!("result-next-{}", self.triage.replace('_', "-")))
    }
}

/// The finished check kept in the browser's draft, for a page that summarizes it (`/intake`,
/// `/clinician-summary`): the answers, their assessment, and the page chrome.
pub(crate) struct FinishedCheck<'a> {
    pub answers: Answers,
    pub assessment: Assessment<'a>,
    pub screening: Screening,
    pub chrome: Chrome<'a>,
}

impl<'a> FinishedCheck<'a> {
    /// The draft's finished check; without one, the `303` to where the answers lead (the
    /// start of the check, the step left unanswered, or the stop page).
    pub(crate) fn read(
        shared: &'a Shared,
        lang: Lang,
        headers: &HeaderMap,
        path: &str,
    ) -> Result<FinishedCheck<'a>, Box<Response>> {
        let rs = &shared.state.ruleset;
        let p = check::read_draft(shared, headers).progress();
        let Some(answers) = check::finished_answers(rs, &p) else {
            return Err(Box::new(Redirect::to(&check::where_answers_lead(rs, &p)).into_response()));
        };
        let assessment = rs.assess(&answers);
        let screening = Screening::new(&assessment);
        let chrome = Chrome::new(&shared.i18n, lang, path, "");
        Ok(FinishedCheck { answers, assessment, screening, chrome })
    }
}

async fn find_get(
    State(shared): State<Arc<Shared>>,
    lang: Lang,
    csrf: CsrfToken,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> =
        query.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect()).unwrap_or_default();
    let rs = &shared.state.ruleset;
    let p = check::read_draft(&shared, &headers).progress();
    let screening = check::finished_answers(rs, &p).map(|answers| Screening::new(&rs.assess(&answers)));
    render(&shared, lang, &csrf, &pairs, screening).await
}

/// An option of a select.
struct Opt {
    value: String,
    label: String,
    selected: bool,
}

/// A link in the error summary.
struct ErrorLink {
    href: &'static str,
    message: String,
}

/// How to reach a result: phone, booking, address (from its profile and practice).
#[derive(Clone, Default)]
struct Contact {
    phone: String,
    /// `tel:` and the digits.
    phone_href: String,
    booking_url: String,
    /// A maps search of the address (a plain link, no script).
    map_href: String,
}

/// One therapist or place in the list.
struct ResultView {
    /// The heading of the group this result opens (empty inside a group).
    group_heading: String,
    /// What the group means, under its heading.
    group_intro: String,
    href: String,
    name: String,
    kind: String,
    distance: String,
    verified: bool,
    badge_label: String,
    badge_status: String,
    badge_evidence: String,
    styles: String,
    /// Languages spoken, in the page's language.
    languages: String,
    /// Price for 60 minutes, in words.
    price: String,
    contact: Contact,
    why: Vec<String>,
    /// The state board's license lookup, to check the license yourself.
    lookup_href: String,
    lookup_text: String,
    /// What the state's roster does not tell (Texas: no discipline data).
    note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "find.html")]
struct FindPage<'a> {
    c: Chrome<'a>,
    csrf: String,
    title: String,
    available: bool,
    clinician: bool,
    clinician_text: String,
    screened: bool,
    applied: Vec<String>,
    precautions: Vec<String>,
    errors: Vec<ErrorLink>,
    zip: String,
    zip_error: Option<String>,
    radius: Vec<Opt>,
    radius_error: Option<String>,
    styles: Vec<Opt>,
    style_error: Option<String>,
    languages: Vec<Opt>,
    language_error: Option<String>,
    genders: Vec<Opt>,
    gender_error: Option<String>,
    max_price: String,
    max_price_error: Option<String>,
    insurers: Vec<Opt>,
    insurance_error: Option<String>,
    kinds: Vec<Opt>,
    kind_error: Option<String>,
    unverified: bool,
    unverified_error: Option<String>,
    searched: bool,
    notice: String,
    hints: Vec<String>,
    larger_href: String,
    larger_text: String,
    /// What the ZIP's state says about licensing, when nobody is listed.
    coverage: String,
    coverage_href: String,
    coverage_link: String,
    summary: String,
    /// The Spanish page preselected Spanish-speaking therapists (the person chose no
    /// language).
    language_default: bool,
    /// A plain search without the preselected language (empty on a screened search, where
    /// a button does it).
    clear_language_href: String,
    results: Vec<ResultView>,
}

/// The page's words for a parameter problem.
fn problem_text(c: &Chrome<'_>, field: &str, code: &str) -> String {
    match (field, code) {
        ("zip", "missing") => c.t("find-error-zip-missing"),
        ("zip", _) => c.t("find-error-zip-invalid"),
        ("radius_miles", _) => c.t("find-error-radius"),
        ("max_price", "out_of_range") => c.tn("find-error-price-range", "max", search::MAX_PRICE as usize),
        ("max_price", _) => c.t("find-error-price-invalid"),
        _ => c.t("find-error-choice"),
    }
}

fn anchor(field: &str) -> &'static str {
    match field {
        "zip" => "#find-zip",
        "radius_miles" => "#find-radius",
        "style" => "#find-style",
        "language" => "#find-language",
        "gender" => "#find-gender",
        "max_price" => "#find-max-price",
        "insurance" => "#find-insurance",
        "kind" => "#find-kind",
        _ => "#find-unverified",
    }
}

fn options(
    any: String,
    values: impl Iterator<Item = (String, String)>,
    chosen: Option<&str>,
    keep_unknown: bool,
) -> Vec<Opt> {
    let mut list = vec![Opt { value: String::new(), label: any, selected: chosen.is_none() }];
    for (value, label) in values {
        let selected = chosen == Some(value.as_str());
        list.push(Opt { value, label, selected });
    }
    if keep_unknown
        && let Some(v) = chosen
        && !list.iter().any(|o| o.selected)
    {
        list.push(Opt { value: v.to_owned(), label: v.to_owned(), selected: true });
    }
    list
}

/// The group's heading and what it means.
fn group_words(c: &Chrome<'_>, group: Option<ResultGroup>) -> (String, String) {
    let key = match group {
        Some(ResultGroup::Verified) => "find-group-verified",
        Some(ResultGroup::NotVerified) => "find-group-not-verified",
        Some(ResultGroup::UnlicensedState) => "find-group-unlicensed-state",
        None => "find-group-problem",
    };
    (c.t(key), c.t(&format!("{key}-intro")))
}

/// The license badge of a result: (verified, label, status, evidence).
fn badge(c: &Chrome<'_>, r: &MatchResult, listing: Option<&Listing>) -> (bool, String, String, String) {
    let verified = r.group == Some(ResultGroup::Verified);
    let label = c.t(match r.group {
        Some(ResultGroup::Verified) if r.stale => "find-badge-stale",
        Some(ResultGroup::Verified) => "find-badge-verified",
        Some(ResultGroup::NotVerified) => "find-badge-not-verified",
        Some(ResultGroup::UnlicensedState) => "find-badge-unlicensed-state",
        None => "find-badge-unverified",
    });
    let evidence = listing.and_then(|l| l.license.as_ref());
    let state = evidence.map(|e| e.state).or(listing.map(|l| l.state)).map(|s| s.to_string()).unwrap_or_default();
    let status = match (r.license, evidence) {
        (None, None) => c.ts("license-none", "state", &state),
        (status, _) => c.tr.ta(
            "license-in-state",
            &[("status", Arg::Text(c.license_status(status))), ("state", Arg::Text(state.clone()))],
        ),
    };
    (verified, label, status, evidence_text(c, evidence))
}

/// "Checked on 2026-11-20 against the WA roster of 2026-11-18." (or the source and date).
pub(crate) fn evidence_text(c: &Chrome<'_>, l: Option<&crate::directory::LicenseEvidence>) -> String {
    let Some(l) = l else { return c.t("license-evidence-none") };
    match (l.checked_at, l.roster_date, l.source.as_deref()) {
        (Some(checked), Some(roster), _) => c.tr.ta(
            if l.stale { "license-evidence-roster-stale" } else { "license-evidence-roster" },
            &[
                ("date", Arg::Text(checked.to_string())),
                ("state", Arg::Text(l.state.to_string())),
                ("roster", Arg::Text(roster.to_string())),
            ],
        ),
        // the board's name, never the name of an imported file
        (Some(date), None, _) => c.tr.ta(
            "license-evidence",
            &[("source", Arg::Text(c.license_source(l.state, l.status, None))), ("date", Arg::Text(date.to_string()))],
        ),
        (None, _, Some(_)) => c.ts("license-evidence-source", "source", &c.license_source(l.state, l.status, None)),
        _ => c.t("license-evidence-none"),
    }
}

/// The state's lookup link and the note on what its roster does not tell, for a result.
fn lookup_and_note(c: &Chrome<'_>, r: &MatchResult, listing: Option<&Listing>) -> (String, String, String) {
    let state = listing.and_then(|l| l.license.as_ref().map(|e| e.state)).or(listing.map(|l| l.state));
    let Some(info) = state.and_then(|s| states().get(s)) else { return Default::default() };
    let href = match r.group {
        Some(ResultGroup::UnlicensedState) => None,
        _ => info.lookup_url.clone(),
    };
    let text = info.board.as_deref().map(|b| c.ts("find-lookup", "board", b)).unwrap_or_default();
    let note = info
        .roster
        .discipline_note
        .as_ref()
        .filter(|_| r.group == Some(ResultGroup::Verified))
        .map(|n| n.for_language(c.tr.lang.code()).to_owned())
        .unwrap_or_default();
    match href {
        Some(h) if !text.is_empty() => (h, text, note),
        _ => (String::new(), String::new(), note),
    }
}

/// The address searched on OpenStreetMap: a plain link, nothing loaded from elsewhere.
fn map_href(address: &str) -> String {
    if address.is_empty() {
        return String::new();
    }
    let q: String = form_urlencoded::byte_serialize(address.as_bytes()).collect();
    format!("https://www.openstreetmap.org/search?query={q}")
}

/// A price for 60 minutes in the page's words.
fn price_words(c: &Chrome<'_>, min: Option<u32>, max: Option<u32>) -> String {
    let n = |x: u32| x as usize;
    match (min, max) {
        (Some(lo), Some(hi)) if hi > lo => c.tn2("profile-price-range", "min", n(lo), "max", n(hi)),
        (Some(lo), _) => c.tn("profile-price-from", "min", n(lo)),
        (None, Some(hi)) => c.tn("profile-price-up-to", "max", n(hi)),
        (None, None) => String::new(),
    }
}

/// The phone, booking link and map link of a result.
fn contact(phone: Option<&str>, booking_url: Option<&str>, address: &str) -> Contact {
    let phone = phone.map(str::trim).unwrap_or_default().to_owned();
    let digits: String = phone.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
    Contact {
        phone_href: if digits.is_empty() { String::new() } else { format!("tel:{digits}") },
        phone,
        booking_url: booking_url
            .map(str::trim)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .unwrap_or_default()
            .to_owned(),
        map_href: map_href(address),
    }
}

fn result_view(
    c: &Chrome<'_>,
    r: &MatchResult,
    snapshot: &Snapshot,
    query: &Query,
    opens_group: bool,
    contacts: &HashMap<i64, Contact>,
) -> ResultView {
    let listing = snapshot.listing(r.id);
    let (verified, badge_label, badge_status, badge_evidence) = badge(c, r, listing);
    let (group_heading, group_intro) = if opens_group { group_words(c, r.group) } else { Default::default() };
    let (lookup_href, lookup_text, note) = lookup_and_note(c, r, listing);
    ResultView {
        group_heading,
        group_intro,
        lookup_href,
        lookup_text,
        note,
        href: format!("/therapists/{}", r.id),
        name: listing.map(|l| l.name.clone()).unwrap_or_default(),
        kind: listing.map(|l| c.kind_label(l.kind)).unwrap_or_default(),
        distance: if r.distance_miles < 0.05 {
            c.t("find-distance-near")
        } else {
            c.ts("find-distance", "miles", &c.number(r.distance_miles, 1))
        },
        verified,
        badge_label,
        badge_status,
        badge_evidence,
        styles: listing
            .map(|l| l.styles.iter().map(|s| c.style_label(*s)).collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
        languages: listing
            .map(|l| l.languages.iter().map(|t| c.language_name(t)).collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
        price: listing.map(|l| price_words(c, l.price_min, l.price_max)).unwrap_or_default(),
        contact: contacts
            .get(&r.id)
            .cloned()
            .unwrap_or_else(|| contact(None, None, listing.map(|l| l.address.as_str()).unwrap_or_default())),
        why: why_lines(c, r, listing, query),
    }
}

/// The reasons of a card, in the page's language, from the matcher's structured reasons.
/// The distance and the license status are left out (the card shows both above, with the
/// group); the rating is written as on the profile (the plain average and the number of
/// reviews); the payer by its name; the deep tissue caution without the precaution's id.
fn why_lines(c: &Chrome<'_>, r: &MatchResult, listing: Option<&Listing>, query: &Query) -> Vec<String> {
    r.reasons.iter().flat_map(|reason| reason_words(c, reason, listing, query)).collect()
}

/// One reason in the page's words (none when the card already shows it; two for a rating
/// with endorsements).
fn reason_words(c: &Chrome<'_>, reason: &Reason, listing: Option<&Listing>, query: &Query) -> Vec<String> {
    let n = |x: u32| x as usize;
    let line = match reason {
        Reason::Distance { .. } | Reason::License { .. } | Reason::Experience { years: None, share_pct: None } => {
            return Vec::new();
        }
        Reason::Prenatal { pregnant: true } => c.t("find-why-prenatal-pregnant"),
        Reason::Prenatal { pregnant: false } => c.t("find-why-prenatal-advised"),
        Reason::Style { style, note } => {
            let key = match note {
                StyleNote::Only => "find-why-style-only",
                StyleNote::First => "find-why-style-first",
                StyleNote::Also => "find-why-style-also",
                StyleNote::AsAsked => "find-why-style-asked",
            };
            c.ts(key, "style", &c.style_label(*style))
        }
        Reason::StyleMissing { style } => c.ts("find-why-style-missing", "style", &c.style_label(*style)),
        Reason::DeepTissueOnly { .. } => c.t("find-why-deep-tissue-only"),
        Reason::DeepTissueAlso { .. } => c.t("find-why-deep-tissue-also"),
        Reason::Experience { years: Some(y), share_pct: Some(p) } => {
            c.tn2("find-why-experience-both", "years", usize::from(*y), "pct", usize::from(*p))
        }
        Reason::Experience { years: Some(y), share_pct: None } => {
            c.tn("find-why-experience-years", "years", usize::from(*y))
        }
        Reason::Experience { years: None, share_pct: Some(p) } => {
            c.tn("find-why-experience-share", "pct", usize::from(*p))
        }
        Reason::Rating { reviews, rating_sum, endorsements } => {
            let (reviews, rating_sum, endorsements) = match listing {
                Some(l) => (l.reviews, l.rating_sum, l.endorsements),
                None => (*reviews, *rating_sum, *endorsements),
            };
            let mut lines = vec![c.rating(reviews, rating_sum)];
            if endorsements > 0 {
                lines.push(c.tn("rating-endorsements", "count", n(endorsements)));
            }
            return lines;
        }
        Reason::Language { tag } => {
            let name = c.language_name(tag);
            // Spanish writes a language's name in lower case inside a sentence
            let name = if c.lang() == "es" { name.to_lowercase() } else { name };
            c.ts("find-why-language", "language", &name)
        }
        Reason::Gender { gender } => c.ts("find-why-gender", "gender", &c.gender_label(*gender)),
        Reason::Price { min, max } => match (min, max) {
            (Some(lo), Some(hi)) if hi > lo => c.tn2("find-why-price-range", "min", n(*lo), "max", n(*hi)),
            (Some(lo), _) => c.tn("find-why-price-from", "min", n(*lo)),
            (None, Some(hi)) => c.tn("find-why-price-up-to", "max", n(*hi)),
            (None, None) => c.t("find-why-price-not-listed"),
        },
        Reason::PriceNotListed => c.t("find-why-price-not-listed"),
        Reason::Insurance { payer } => {
            let payer = query.insurance.as_deref().unwrap_or(payer);
            c.ts("find-why-takes", "payer", &c.payer_name(payer))
        }
        Reason::Kind { kind } => c.t(&format!("find-why-kind-{}", kind.as_str().replace('_', "-"))),
    };
    vec![line]
}

fn screening_lines(c: &Chrome<'_>, s: &Screening) -> Vec<String> {
    let mut lines = Vec::new();
    if !s.needs.styles.is_empty() {
        let styles: Vec<String> =
            s.needs.styles.iter().map(|st| c.t(&format!("style-{}", st.as_str().replace('_', "-")))).collect();
        lines.push(c.ts("find-applied-styles", "styles", &styles.join(", ")));
    }
    if s.needs.requires_prenatal() {
        lines.push(c.t("find-applied-prenatal"));
    }
    if s.needs.deep_tissue_caution().is_some() {
        lines.push(c.t("find-applied-deep-tissue"));
    }
    lines
}

async fn render(
    shared: &Shared,
    lang: Lang,
    csrf: &CsrfToken,
    pairs: &[(String, String)],
    screening: Option<Screening>,
) -> Result<Response, AppError> {
    let mut c = Chrome::new(&shared.i18n, lang, "/find", "find");
    c.feedback_thanks = pairs.iter().any(|(k, v)| k == "feedback" && v == "thanks");
    let kept: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "feedback").cloned().collect();
    if !kept.is_empty() {
        c.feedback_return =
            format!("/find?{}", form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish());
    }
    let mut parsed = search::parse(pairs, Mode::Page);
    // The Spanish finder lists Spanish-speaking therapists unless the person chose a
    // language ("any language" included): the page says so, with a way to clear it.
    let language_default = lang == Lang::Es && !pairs.iter().any(|(k, _)| k == "language");
    if parsed.submitted {
        let q = parsed.search.page_query(parsed.search.radius_miles);
        for l in &mut c.switch {
            l.href = format!("/find?{q}&lang={}", l.code);
        }
    }
    let mut page = FindPage {
        csrf: csrf.0.clone(),
        title: c.t("find-title"),
        available: shared.state.store.is_some(),
        clinician: false,
        clinician_text: String::new(),
        screened: screening.is_some(),
        applied: screening.as_ref().map(|s| screening_lines(&c, s)).unwrap_or_default(),
        precautions: screening
            .as_ref()
            .map(|s| {
                let rs = &shared.state.ruleset;
                let text = lang.text_lang();
                s.precautions.iter().filter_map(|id| rs.precaution(id)).map(|p| p.label_in(text).to_owned()).collect()
            })
            .unwrap_or_default(),
        errors: Vec::new(),
        zip: parsed.zip_text.clone(),
        zip_error: None,
        radius: Vec::new(),
        radius_error: None,
        styles: Vec::new(),
        style_error: None,
        languages: Vec::new(),
        language_error: None,
        genders: Vec::new(),
        gender_error: None,
        max_price: parsed.max_price_text.clone(),
        max_price_error: None,
        insurers: Vec::new(),
        insurance_error: None,
        kinds: Vec::new(),
        kind_error: None,
        unverified: parsed.search.include_unverified,
        unverified_error: None,
        searched: false,
        notice: String::new(),
        hints: Vec::new(),
        larger_href: String::new(),
        coverage: String::new(),
        coverage_href: String::new(),
        coverage_link: String::new(),
        larger_text: String::new(),
        summary: String::new(),
        language_default: false,
        clear_language_href: String::new(),
        results: Vec::new(),
        c,
    };
    if let Some(s) = &screening
        && !s.needs.advisable_now
    {
        page.clinician = true;
        page.clinician_text = s.clinician_text(&page.c);
        return Ok(page.into_response());
    }
    let Some(store) = &shared.state.store else {
        return Ok(with_status(StatusCode::SERVICE_UNAVAILABLE, page.into_response()));
    };
    let config = &shared.state.config;
    let snapshot = shared.state.directory.get(store, config).await.map_err(|e| AppError::store(&e))?;
    if language_default {
        parsed.search.language = Some("es".to_owned());
        page.language_default = true;
        if parsed.submitted {
            let mut any = parsed.search.clone();
            any.language = None;
            page.clear_language_href = format!("/find?{}&language=#results", any.page_query(any.radius_miles));
        }
    }
    fill_form(&mut page, &parsed, &snapshot);
    if parsed.submitted && parsed.problems.is_empty() {
        search_into(&mut page, &parsed, &snapshot, store.as_ref(), screening.as_ref()).await;
    }
    if !page.errors.is_empty() {
        page.title = format!("{} {}", page.c.t("check-error-title-prefix"), page.title);
    }
    Ok(page.into_response())
}

fn fill_form(page: &mut FindPage<'_>, parsed: &Parsed, snapshot: &Snapshot) {
    let c = &page.c;
    let s = &parsed.search;
    let radius = s.radius_miles;
    page.radius = RADII
        .iter()
        .map(|&n| Opt {
            value: n.to_string(),
            label: c.tn("find-radius-option", "miles", n as usize),
            selected: f64::from(n) == radius || (parsed.problem("radius_miles").is_some() && n == PAGE_RADIUS),
        })
        .collect();
    page.styles = options(
        c.t("find-any-style"),
        search::filter_styles().map(|st| (st.as_str().to_owned(), c.style_label(st))),
        s.style.map(|st| st.as_str()),
        false,
    );
    let mut languages: Vec<(String, String)> =
        snapshot.languages().iter().map(|l| (l.clone(), c.language_name(l))).collect();
    languages.sort_by(|a, b| a.1.cmp(&b.1));
    page.languages = options(c.t("find-any-language"), languages.into_iter(), s.language.as_deref(), true);
    page.genders = options(
        c.t("find-any-gender"),
        Gender::ALL.into_iter().map(|g| (g.as_str().to_owned(), c.gender_label(g))),
        s.gender.map(Gender::as_str),
        false,
    );
    let mut insurers: Vec<(String, String)> =
        snapshot.insurers().iter().map(|i| (i.clone(), c.payer_name(i))).collect();
    insurers.sort_by(|a, b| a.1.cmp(&b.1));
    page.insurers = options(c.t("find-any-insurance"), insurers.into_iter(), s.insurance.as_deref(), true);
    page.kinds = options(
        c.t("find-any-kind"),
        PlaceKind::ALL.into_iter().map(|k| (k.as_str().to_owned(), c.kind_label(k))),
        s.kind.map(PlaceKind::as_str),
        false,
    );
    let mut errors = Vec::new();
    for p in &parsed.problems {
        let message = problem_text(c, p.field, p.code);
        errors.push(ErrorLink { href: anchor(p.field), message: message.clone() });
        let slot = match p.field {
            "zip" => &mut page.zip_error,
            "radius_miles" => &mut page.radius_error,
            "style" => &mut page.style_error,
            "language" => &mut page.language_error,
            "gender" => &mut page.gender_error,
            "max_price" => &mut page.max_price_error,
            "insurance" => &mut page.insurance_error,
            "kind" => &mut page.kind_error,
            _ => &mut page.unverified_error,
        };
        *slot = Some(message);
    }
    page.errors = errors;
}

async fn search_into(
    page: &mut FindPage<'_>,
    parsed: &Parsed,
    snapshot: &Snapshot,
    store: &dyn Store,
    screening: Option<&Screening>,
) {
    let c = &page.c;
    let s = &parsed.search;
    let Some(zip) = s.zip.as_deref() else { return };
    page.searched = true;
    let miles = c.number(s.radius_miles, 0);
    let Some((lat, lon)) = snapshot.locate(zip) else {
        page.notice = c.ts("find-unknown-zip", "zip", zip);
        page.hints = vec![c.t("find-unknown-zip-hint")];
        return;
    };
    let query = s.query(lat, lon, screening.map(|sc| sc.needs.clone()));
    let outcome = snapshot.search(&query);
    let results = match outcome {
        Outcome::SeeClinicianFirst => {
            // Not reachable: a screening that is not advisable never gets here.
            page.clinician = true;
            return;
        }
        Outcome::Results(r) => r,
    };
    if results.is_empty() {
        let args = [("miles", Arg::Text(miles.clone())), ("zip", Arg::Text(zip.to_owned()))];
        let query = s.query(lat, lon, None);
        let coverage = crate::routes::directory_api::coverage(snapshot, zip, &query);
        let uncovered = coverage.as_ref().is_some_and(|cov| !cov.listed_nearby);
        page.notice = c.tr.ta(
            if uncovered {
                "find-empty-uncovered"
            } else if s.include_unverified {
                "find-empty-any"
            } else {
                "find-empty"
            },
            &args,
        );
        if let Some(cov) = &coverage {
            page.coverage = state_words(c, cov);
            page.coverage_href = cov.lookup_url.clone().unwrap_or_default();
            page.coverage_link = cov.board.as_deref().map(|b| c.ts("find-lookup", "board", b)).unwrap_or_default();
        }
        let mut hints = Vec::new();
        if let Some(&larger) = RADII.iter().find(|&&n| f64::from(n) > s.radius_miles) {
            page.larger_href = format!("/find?{}", s.page_query(f64::from(larger)));
            page.larger_text = c.tn("find-empty-larger-link", "miles", larger as usize);
        }
        if s.filtered() {
            hints.push(c.t("find-empty-fewer-filters"));
        }
        if !s.include_unverified && !uncovered {
            hints.push(c.t("find-empty-unverified"));
        }
        page.hints = hints;
        return;
    }
    page.summary = c.tr.ta(
        "find-summary",
        &[("count", Arg::Num(results.len() as f64)), ("miles", Arg::Text(miles)), ("zip", Arg::Text(zip.to_owned()))],
    );
    page.title = c.ts("find-title-results", "zip", zip);
    let contacts = contacts(store, snapshot, &results).await;
    let c = &page.c;
    page.results = results
        .iter()
        .enumerate()
        .map(|(i, r)| result_view(c, r, snapshot, &query, i == 0 || results[i - 1].group != r.group, &contacts))
        .collect();
    // each profile links back to this very list ("Search for other therapists"); a
    // language only preselected by the Spanish page stays a preselection
    let mut own = s.clone();
    if page.language_default {
        own.language = None;
    }
    let list: String = form_urlencoded::byte_serialize(own.page_query(own.radius_miles).as_bytes()).collect();
    for v in &mut page.results {
        v.href = format!("{}?list={list}", v.href);
    }
}

/// The phone and booking link of each result, from its profile (the snapshot does not
/// hold them); a result whose profile cannot be read keeps its map link only.
async fn contacts(store: &dyn Store, snapshot: &Snapshot, results: &[MatchResult]) -> HashMap<i64, Contact> {
    let mut out = HashMap::new();
    for r in results {
        let address = snapshot.listing(r.id).map(|l| l.address.as_str()).unwrap_or_default();
        let profile = match store.therapist_detail(r.id).await {
            Ok(d) => d.and_then(|d| d.profile),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read a listing's profile for its contact details");
                None
            }
        };
        let p = profile.as_ref();
        out.insert(
            r.id,
            contact(p.and_then(|p| p.phone.as_deref()), p.and_then(|p| p.booking_url.as_deref()), address),
        );
    }
    out
}

/// What the ZIP's state says about massage licensing, in the page's language.
fn state_words(c: &Chrome<'_>, cov: &crate::routes::directory_api::Coverage) -> String {
    let state = Arg::Text(cov.state_name.clone());
    match cov.regulation.as_str() {
        "unregulated" => c.tr.ta("find-coverage-unregulated", &[("state", state)]),
        _ => c.tr.ta(
            "find-coverage-licensed",
            &[
                ("state", state),
                ("titles", Arg::Text(cov.license_titles.join(", "))),
                ("board", Arg::Text(cov.board.clone().unwrap_or_default())),
            ],
        ),
    }
}
