//! The authorisation matrix (issue #10 item 10, decision 0006 §6): every route the app has,
//! enumerated from the source and from the OpenAPI document — never a hand list — must have
//! an entry in [`ACCESS`], and each class is then checked against real records of a person
//! A, requested by an anonymous visitor and by another signed-in person B (a browser session,
//! and a personal API token).
//!
//! - A route that names a person's record by id answers **404** to anyone but its owner —
//!   never the data, never a 403 that would confirm the record exists.
//! - Pages of one's own area (`/my-back`, `/account`, …) send a visitor who is not signed in
//!   to `/signin?next=…`; their API variants answer 404; another person sees only their own.
//! - Nobody but A changes A's data: the store's view of A is the same before and after every
//!   request by someone else, and A's own requests still work afterwards (so the 404s are
//!   about ownership, not a broken route or a bad form).
//!
//! - The operator console (`/operator…`, issue #11 item 7) answers only to an account with
//!   the operator role: a visitor who is not signed in is sent to sign in (or gets 404), a
//!   person, a therapist and a clinician get 404; an operator is let in.
//!
//! The expected answers are written here by hand from the decision and the issue; nothing is
//! computed from the code under test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use lumbar_core::screening::Answers;
use lumbar_store::{JournalEntry, PersonReview, Plan, ReviewInput, Role, SavedCheck, Store, User};
use lumbar_web::accounts::{password, session, tokens};
use lumbar_web::routes::journal::{ENTRY_SCHEMA, PLAN_SCHEMA, PRIVACY_VERSION, SAVED_CHECK_SCHEMA};
use serde_json::{Value, json};

use crate::support::{Resp, TestApp, id_of, load_demo, ruleset, vignette};

// ── The access table ──────────────────────────────────────────────────────────────────────

/// Who may use a route, and what everyone else gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Access {
    /// Anyone; shows or takes no stored data of a person (the visitor's own unsaved draft at
    /// most).
    Public,
    /// A page of the signed-in person's own area: not signed in → `303 /signin?next=<path>`
    /// (an `/api/` route: 404); another person gets their own, never A's.
    OwnArea,
    /// Names a person's record by id (in the path, or in the form): 404 to anonymous visitors
    /// and to every other person, never 403, never a change.
    OwnerById,
    /// Acts on the signed-in person's own account, naming no record: not signed in → `303` to
    /// sign in (an `/api/` route: 404); signed in, it acts only on the one who asks.
    SignedInAction,
    /// Opened with a share link's secret: anyone holding it; an unknown or revoked one → 404.
    ShareToken,
    /// The emailed password-reset link: its page names no one; an unknown token → 410 Gone
    /// (routes/mod.rs, "410 once used or expired") and nothing changes.
    ResetToken,
    /// The operator console: anonymous → `303 /signin?next=…` (or 404); a person, a
    /// therapist or a clinician → 404, never a change; an operator → allowed.
    Operator,
}

use Access::{Operator, OwnArea, OwnerById, Public, ResetToken, ShareToken, SignedInAction};

/// The router's fallback, as a route of its own.
const FALLBACK: &str = "{fallback}";

/// Every route of the app, by hand: (method, path pattern as registered, class).
const ACCESS: &[(&str, &str, Access)] = &[
    // information pages, the check (its draft is the visitor's own, in a sealed cookie), the
    // finder and the directory
    ("GET", "/", Public),
    ("GET", "/evidence", Public),
    ("GET", "/about", Public),
    ("GET", "/privacy", Public),
    ("GET", "/disclaimer", Public),
    ("GET", "/check", Public),
    ("POST", "/check", Public),
    ("GET", "/check/{page}", Public),
    ("POST", "/check/mistake", Public),
    ("POST", "/check/forget", Public),
    ("GET", "/find", Public),
    ("GET", "/therapists/{id}", Public),
    ("POST", "/therapists/{id}/report", Public), // "report this listing": anyone, stores no person's record
    ("GET", "/intake", Public),
    ("GET", "/clinician-summary", Public),
    ("POST", "/feedback", Public),
    ("GET", "/static/{file}", Public),
    ("ANY", FALLBACK, Public),
    // reviews: the listing's id is public; the review on the page is the signed-in person's own
    ("GET", "/therapists/{id}/review", OwnArea),
    ("POST", "/therapists/{id}/review", SignedInAction),
    // my back
    ("GET", "/my-back", OwnArea),
    ("POST", "/my-back/checks", SignedInAction),
    ("POST", "/my-back/checks/{id}/delete", OwnerById),
    ("GET", "/my-back/checks/{id}/questionnaire-response", OwnerById),
    ("POST", "/my-back/plans", OwnerById), // the check's id is in the form
    ("GET", "/plans/{id}", OwnerById),
    ("POST", "/plans/{id}/end", OwnerById),
    ("GET", "/plans/{id}/log", OwnerById),
    ("POST", "/plans/{id}/log", OwnerById),
    // sharing a check
    ("GET", "/checks/{id}/share", OwnerById),
    ("GET", "/checks/{id}/share/print", OwnerById),
    ("POST", "/checks/{id}/shares", OwnerById),
    ("POST", "/checks/{id}/shares/{share}/revoke", OwnerById),
    ("GET", "/shared/{token}", ShareToken),
    // accounts
    ("GET", "/signup", Public),
    ("POST", "/signup", Public),
    ("GET", "/signin", Public),
    ("POST", "/signin", Public),
    ("POST", "/signout", Public), // ends the session of the cookie sent, nothing else
    ("GET", "/account", OwnArea),
    ("POST", "/account/password", SignedInAction),
    ("POST", "/account/signout-everywhere", SignedInAction),
    ("POST", "/account/tokens", SignedInAction),
    ("POST", "/account/tokens/{id}/revoke", OwnerById),
    ("GET", "/account/export", OwnArea),
    ("POST", "/account/delete", SignedInAction),
    ("GET", "/reset", Public),
    ("POST", "/reset", Public),
    ("GET", "/reset/sent", Public),
    ("GET", "/reset/{token}", ResetToken),
    ("POST", "/reset/{token}", ResetToken),
    // the operator console
    ("GET", "/operator", Operator),
    ("GET", "/operator/reviews", Operator),
    ("POST", "/operator/reviews", Operator),
    ("GET", "/operator/feedback", Operator),
    ("POST", "/operator/feedback", Operator),
    ("GET", "/operator/reports", Operator),
    ("POST", "/operator/reports", Operator),
    ("GET", "/operator/roles", Operator),
    ("POST", "/operator/roles", Operator),
    ("GET", "/operator/audit", Operator),
    // the JSON API and its document
    ("GET", "/api/openapi.json", Public),
    ("GET", "/api/docs", Public),
    ("GET", "/api/docs/", Public),
    ("GET", "/api/docs/{*rest}", Public),
    ("POST", "/api/v1/assessments", Public),
    ("GET", "/api/v1/therapists", Public),
    ("GET", "/api/v1/therapists/{id}", Public),
    ("POST", "/api/v1/feedback", Public),
    ("GET", "/api/v1/me/checks", OwnArea),
    ("GET", "/api/v1/me/plans/{id}/progress", OwnerById),
    ("GET", "/api/v1/me/export", OwnArea),
    ("DELETE", "/api/v1/me", SignedInAction),
    // FHIR R4: the screening Questionnaire, $assess (stores nothing), code systems
    ("GET", "/fhir/metadata", Public),
    ("GET", "/fhir/Questionnaire/lumbar-screening", Public),
    ("POST", "/fhir/Questionnaire/lumbar-screening/$assess", Public),
    ("GET", "/fhir/CodeSystem/triage", Public),
    ("GET", "/fhir/CodeSystem/finding", Public),
    ("GET", "/fhir/OperationDefinition/Questionnaire-assess", Public),
    ("GET", "/healthz", Public),
    ("GET", "/readyz", Public),
];

/// One route: a method (`ANY` for the fallback) and a path pattern.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Route {
    method: String,
    path: String,
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

impl Route {
    fn new(method: &str, path: &str) -> Route {
        Route { method: method.to_ascii_uppercase(), path: path.to_owned() }
    }

    fn access(&self) -> Option<Access> {
        ACCESS.iter().find(|(m, p, _)| *m == self.method && *p == self.path).map(|(_, _, a)| *a)
    }

    fn is_api(&self) -> bool {
        self.path.starts_with("/api/")
    }

    /// Whether it reads (a `GET`, or the fallback tried with a `GET`).
    fn reads(&self) -> bool {
        self.method == "GET" || self.method == "ANY"
    }
}

// ── Enumerating the routes ────────────────────────────────────────────────────────────────

/// HTTP methods of axum's method router.
const METHODS: [&str; 8] = ["get", "post", "put", "delete", "patch", "head", "options", "any"];
/// Calls that may stand beside the methods inside a `.route(…)` without adding a route.
const NOT_ROUTES: [&str; 3] = ["layer", "route_layer", "with_state"];

/// The source with its comments removed (string and char literals kept as they are).
fn without_comments(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_ident = i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_');
        if c == '"' {
            out.push(c);
            i += 1;
            while i < b.len() {
                out.push(b[i]);
                i += 1;
                if b[i - 1] == '\\' && i < b.len() {
                    out.push(b[i]);
                    i += 1;
                } else if b[i - 1] == '"' {
                    break;
                }
            }
        } else if c == 'r' && !prev_ident && matches!(b.get(i + 1), Some('#') | Some('"')) {
            // a raw string: r"…", r#"…"#
            let mut j = i + 1;
            while b.get(j) == Some(&'#') {
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            let mut k = j + 1;
            while k < b.len() && !(b[k] == '"' && (1..=hashes).all(|h| b.get(k + h) == Some(&'#'))) {
                k += 1;
            }
            let end = (k + 1 + hashes).min(b.len());
            out.extend(&b[i..end]);
            i = end;
        } else if c == '\'' {
            // a char literal ('x', '\n', '"') or a lifetime ('a)
            let end = if b.get(i + 1) == Some(&'\\') {
                (i + 2..b.len()).find(|&k| b[k] == '\'').map(|k| k + 1)
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            let end = end.unwrap_or(i + 1);
            out.extend(&b[i..end]);
            i = end;
        } else if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The string literal starting at `at` (after whitespace), and the index after it.
fn literal_at(src: &str, at: usize) -> Option<(String, usize)> {
    let rest = &src[at..];
    let start = at + rest.len() - rest.trim_start().len();
    let body = src[start..].strip_prefix('"')?;
    let end = body.find('"')?;
    Some((body[..end].to_owned(), start + 1 + end + 1))
}

/// The methods chained inside one `.route("PATH", …)` whose arguments start at `from` (just
/// after the path literal); panics on a call it does not understand.
fn route_methods(src: &str, from: usize, place: &str) -> Vec<String> {
    let b = src.as_bytes();
    let mut depth = 1usize;
    let mut i = from;
    let mut found = Vec::new();
    while i < b.len() && depth > 0 {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' => {
                if depth == 1 {
                    let ident: String = src[..i]
                        .chars()
                        .rev()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    if METHODS.contains(&ident.as_str()) {
                        found.push(ident.to_ascii_uppercase());
                    } else if !NOT_ROUTES.contains(&ident.as_str()) {
                        panic!(
                            "{place}: tests/web/authz.rs does not understand `{ident}(…)` in a .route(…); \
                             teach route_methods() about it"
                        );
                    }
                }
                depth += 1;
            }
            b')' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    assert!(!found.is_empty(), "{place}: a .route(…) without a method");
    found
}

/// The routes registered in one source file.
fn registrations(src: &str, file: &str, out: &mut BTreeSet<Route>) {
    let src = without_comments(src);
    for unknown in [".nest(", ".nest_service(", ".route_service(", ".fallback_service("] {
        assert!(
            !src.contains(unknown),
            "{file}: `{unknown}…)` registers routes tests/web/authz.rs cannot see; teach registrations() about it"
        );
    }
    for (at, m) in src.match_indices(".route(") {
        let place = format!("{file} (.route at byte {at})");
        let (path, after) =
            literal_at(&src, at + m.len()).unwrap_or_else(|| panic!("{place}: the path is not a string literal"));
        for method in route_methods(&src, after, &place) {
            out.insert(Route::new(&method, &path));
        }
    }
    // Swagger UI (utoipa-swagger-ui): the path, its "/" form, and everything under it.
    for (at, m) in src.match_indices("SwaggerUi::new(") {
        let (path, _) = literal_at(&src, at + m.len()).unwrap_or_else(|| panic!("{file}: SwaggerUi path"));
        let path = path.trim_end_matches('/');
        for p in [path.to_owned(), format!("{path}/"), format!("{path}/{{*rest}}")] {
            out.insert(Route::new("GET", &p));
        }
    }
    if src.contains(".fallback(") {
        out.insert(Route::new("ANY", FALLBACK));
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// Every route: `.route(…)` registrations (and Swagger UI, the fallback) in the crate's
/// source, and every operation of the OpenAPI document the app serves.
async fn enumerate(app: &mut TestApp) -> BTreeSet<Route> {
    let mut routes = BTreeSet::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        registrations(&text, &file.display().to_string(), &mut routes);
    }
    let from_source = routes.len();
    assert!(from_source > 20, "the scan of {} found only {from_source} routes", src.display());

    let r = app.get("/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK, "the OpenAPI document");
    let doc: Value = serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("OpenAPI JSON: {e}"));
    let paths = doc["paths"].as_object().unwrap_or_else(|| panic!("OpenAPI without paths"));
    assert!(!paths.is_empty(), "OpenAPI without paths");
    for (path, item) in paths {
        let ops = item.as_object().unwrap_or_else(|| panic!("OpenAPI path item {path}"));
        for method in ops.keys() {
            if matches!(method.as_str(), "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace") {
                routes.insert(Route::new(method, path));
            }
        }
    }
    routes
}

#[tokio::test]
async fn every_route_has_an_entry_in_the_access_table() {
    let mut app = TestApp::new();
    let routes = enumerate(&mut app).await;
    let missing: Vec<String> = routes.iter().filter(|r| r.access().is_none()).map(Route::to_string).collect();
    assert!(
        missing.is_empty(),
        "routes without an entry — classify each: add it to ACCESS in tests/web/authz.rs \
         (Public, OwnArea, OwnerById, SignedInAction, ShareToken, ResetToken, Operator):\n  {}",
        missing.join("\n  ")
    );
    let stale: Vec<String> = ACCESS
        .iter()
        .map(|(m, p, _)| Route::new(m, p))
        .filter(|r| !routes.contains(r))
        .map(|r| r.to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "ACCESS entries for routes the app no longer has (remove them):\n  {}",
        stale.join("\n  ")
    );
    let unique: BTreeSet<(&str, &str)> = ACCESS.iter().map(|(m, p, _)| (*m, *p)).collect();
    assert_eq!(unique.len(), ACCESS.len(), "a route is listed twice in ACCESS");
    let mut per_class: BTreeMap<Access, usize> = BTreeMap::new();
    for r in &routes {
        *per_class.entry(r.access().unwrap_or(Public)).or_default() += 1;
    }
    eprintln!("authz: {} routes enumerated and classified: {per_class:?}", routes.len());
}

// ── A, B and their requests ───────────────────────────────────────────────────────────────

const NOW: &str = "2026-11-25T12:00:00Z";
const TODAY: &str = "2026-11-25";
const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "plum orbit velvet harbour 4419";
const A_EMAIL: &str = "owner-a-quillwort@example.org";
const B_EMAIL: &str = "other-b@example.org";
/// A's distinctive texts: in A's records, never in what anyone else is shown.
const A_NOTE: &str = "Axolotl-kumquat note 7731";
const A_REVIEW: &str = "Marmalade-quokka review 5518";
const A_TOKEN_NAME: &str = "Platypus-ledger token 2290";

/// One password hash for every account of this test (argon2id is slow on purpose).
fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash_blocking(PASSWORD))
}

/// Someone asking: their cookies (always a CSRF cookie, so a form post is never refused for
/// its token), a bearer token or none, and a valid CSRF token for their forms.
struct Who {
    name: String,
    cookie: String,
    session: Option<String>,
    bearer: Option<String>,
    csrf: String,
}

/// A browser with this session token (or none) and a fresh CSRF cookie; `bearer` is sent
/// as `Authorization: Bearer` on every request.
async fn who(app: &mut TestApp, name: &str, session_token: Option<&str>, bearer: Option<&str>) -> Who {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut cookie = format!("lumbar_csrf={n:064x}");
    if let Some(t) = session_token {
        cookie.push_str(&format!("; {}={t}", session::COOKIE));
    }
    let mut w = Who {
        name: name.to_owned(),
        cookie,
        session: session_token.map(str::to_owned),
        bearer: bearer.map(str::to_owned),
        csrf: String::new(),
    };
    let page = call(app, &w, "GET", "/check", &[]).await;
    w.csrf = page.csrf();
    assert!(!w.csrf.is_empty(), "a CSRF token for {name}");
    w
}

/// A request as `who`: a `POST` is a form with their CSRF token and `form`.
async fn call(app: &mut TestApp, who: &Who, method: &str, path: &str, form: &[(String, String)]) -> Resp {
    let method = if method == "ANY" { "GET" } else { method };
    let mut req = Request::builder().method(method).uri(path).header(header::COOKIE, &who.cookie);
    if let Some(t) = &who.bearer {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let body = if method == "POST" {
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        let mut pairs = vec![("csrf".to_owned(), who.csrf.clone())];
        pairs.extend(form.iter().cloned());
        Body::from(form_urlencoded::Serializer::new(String::new()).extend_pairs(&pairs).finish())
    } else {
        Body::empty()
    };
    app.send(req.body(body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))).await
}

/// A person's account with a session and a personal API token; (id, session token, API
/// token secret).
async fn person(store: &dyn Store, email: &str, token_name: &str) -> (i64, String, String) {
    let user = store.create_user(email, password_hash(), Role::Person, NOW).await.unwrap().unwrap();
    let session_token = tokens::new_secret(32);
    store.create_session(&tokens::hash("session", &session_token), user, 0, i64::MAX).await.unwrap();
    let api = tokens::new_secret(32);
    store.create_api_token(user, token_name, &tokens::hash(session::API, &api), NOW).await.unwrap();
    (user, session_token, api)
}

/// The text a field gets from an answers object (as the web form takes it).
fn answer_text(answers: &Value, name: &str) -> Option<String> {
    Some(match answers.get(name)? {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if name == "duration_weeks" => format!("{n} weeks"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return None,
    })
}

/// A's records, written through the store with documents shaped as the web writes them.
struct Fixture {
    /// A saved check with a running plan and a share link.
    check: i64,
    /// A second saved check (massage allowed) with no plan yet.
    spare_check: i64,
    plan: i64,
    share: i64,
    share_token: String,
    api_token: i64,
    api_secret: String,
    review: i64,
    listing: i64,
    reset_token: String,
    unknown_token: String,
    stylesheet: String,
    /// A complete re-screen and session form for A's plan (the owner's post succeeds).
    log_form: Vec<(String, String)>,
}

impl Fixture {
    /// What must never reach anyone but A.
    fn secrets(&self) -> [&str; 5] {
        [A_EMAIL, A_NOTE, A_REVIEW, A_TOKEN_NAME, &self.api_secret]
    }

    /// A path of the pattern with A's ids (and sample values for public parameters).
    fn fill(&self, route: &Route) -> String {
        if route.path == FALLBACK {
            return "/no-such-page-authz".to_owned();
        }
        let segments: Vec<&str> = route.path.split('/').collect();
        let mut out = Vec::new();
        for (i, seg) in segments.iter().enumerate() {
            let Some(name) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                out.push((*seg).to_owned());
                continue;
            };
            let before = if i > 0 { segments[i - 1] } else { "" };
            out.push(match (before, name) {
                ("plans", "id") => self.plan.to_string(),
                ("checks", "id") => self.check.to_string(),
                ("tokens", "id") => self.api_token.to_string(),
                ("therapists", "id") => self.listing.to_string(),
                ("shares", "share") => self.share.to_string(),
                ("shared", "token") => self.share_token.clone(),
                ("reset", "token") => self.unknown_token.clone(),
                ("check", "page") => "2".to_owned(),
                ("static", "file") => self.stylesheet.clone(),
                ("docs", "*rest") => "index.html".to_owned(),
                _ => {
                    panic!("no sample value for {{{name}}} in {route}: add one to Fixture::fill in tests/web/authz.rs")
                }
            });
        }
        let mut path = out.join("/");
        if route.path == "/checks/{id}/share/print" {
            path.push_str("?section=precautions");
        }
        path
    }

    /// The form a post to this route sends: one the owner's (or the signed-in person's own)
    /// request would be accepted with, so only who asks can stop it.
    fn form(&self, route: &Route) -> Vec<(String, String)> {
        let pairs: &[(&str, &str)] = match route.path.as_str() {
            "/plans/{id}/log" => return self.log_form.clone(),
            "/my-back/plans" => return vec![("check".to_owned(), self.spare_check.to_string())],
            "/checks/{id}/shares" => &[("action", "link"), ("section", "precautions")],
            "/my-back/checks" => &[("consent", PRIVACY_VERSION)],
            "/account/password" => &[("current_password", PASSWORD), ("new_password", NEW_PASSWORD)],
            "/account/tokens" => &[("name", "a script")],
            "/account/delete" => &[("password", PASSWORD)],
            "/therapists/{id}/review" => &[("overall", "5"), ("text", "Kind.")],
            "/reset/{token}" => &[("new_password", NEW_PASSWORD)],
            _ => &[],
        };
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }
}

async fn fixture(app: &mut TestApp, store: &dyn Store, a: i64, owner: &Who) -> Fixture {
    let rs = ruleset();
    let answers_json = vignette("A29");
    let answers = Answers::from_json(&answers_json).unwrap_or_else(|e| panic!("{e:?}"));
    let assessment = serde_json::to_value(rs.assess(&answers)).unwrap();
    assert_eq!(assessment["massage_advisable_now"], true, "a check a plan can start from");
    let check_doc = json!({
        "schema": SAVED_CHECK_SCHEMA,
        "answers": answers.to_json(),
        "assessment": assessment,
        "ruleset_version": rs.version,
        "date": TODAY,
    });
    let check = store.save_check(a, NOW, &check_doc).await.unwrap();
    let spare_check = store.save_check(a, NOW, &check_doc).await.unwrap();
    let baseline = answers_json["pain_average_week"].as_u64().unwrap_or_else(|| panic!("A29's average pain"));
    let plan_doc = json!({"schema": PLAN_SCHEMA, "baseline": {"date": TODAY, "pain_average_week": baseline}});
    let plan = store.start_plan(a, check, NOW, &plan_doc).await.unwrap().unwrap();
    let listing = id_of(store, "Ana Núñez").await;
    let entry = json!({
        "schema": ENTRY_SCHEMA,
        "kind": "session",
        "date": TODAY,
        "pain_average_week": 4,
        "pain_before": 6,
        "pain_after": 3,
        "new_warning_sign": false,
        "therapist_id": listing,
        "style": "swedish",
        "pressure": "medium",
        "notes": A_NOTE,
    });
    store.add_entry(a, plan, NOW, &entry).await.unwrap().unwrap();
    let review = ReviewInput {
        overall: 4,
        helped_back: Some(true),
        listened: Some(true),
        respected_precautions: Some(true),
        text: A_REVIEW.to_owned(),
    };
    let review = store.upsert_review(a, listing, &review, NOW).await.unwrap();

    let share_token = tokens::new_secret(16);
    let expires = i64::try_from(crate::support::config().clock.unix_secs()).unwrap() + 14 * 86_400;
    let share_doc = json!({
        "schema": "lumbar.share/1",
        "check_date": TODAY,
        "ruleset_version": rs.version,
        "advisable": true,
        "sections": ["precautions", "goals"],
        "precautions": [],
        "reasons": [],
        "goal": "relax",
        "styles": ["swedish"],
    });
    let share =
        store.create_share(a, check, &tokens::hash("share", &share_token), NOW, expires, &share_doc).await.unwrap();
    let share = share.unwrap_or_else(|| panic!("A's share"));

    let api_token = store.api_tokens(a).await.unwrap().iter().find(|t| t.name == A_TOKEN_NAME).map(|t| t.id).unwrap();
    let reset_token = tokens::new_secret(32);
    store.create_reset(&tokens::hash("reset", &reset_token), a, i64::MAX).await.unwrap();

    let home = call(app, owner, "GET", "/", &[]).await;
    let stylesheet = home
        .hrefs()
        .iter()
        .find_map(|h| h.strip_prefix("/static/").map(str::to_owned))
        .unwrap_or_else(|| "lumbar.css".to_owned());

    // the log form as the owner fills it: the re-screen as in the check, then a session
    let page = call(app, owner, "GET", &format!("/plans/{plan}/log"), &[]).await;
    assert_eq!(page.status, StatusCode::OK, "A's log form: {}", page.body);
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    for name in page.visible_names() {
        if name == "pain_average_week" {
            continue; // the entry's field, not the check's
        }
        if let Some(v) = answer_text(&answers_json, &name) {
            values.insert(name, v);
        }
    }
    for (k, v) in [
        ("changed", "no"),
        ("kind", "session"),
        ("date", TODAY),
        ("pain_average_week", "4"),
        ("pain_before", "5"),
        ("pain_after", "2"),
        ("style", "swedish"),
        ("pressure", "light"),
        ("therapist_name", "Someone at the corner clinic"),
        ("notes", "Second session."),
        ("action", "save"),
    ] {
        values.insert(k.to_owned(), v.to_owned());
    }

    Fixture {
        check,
        spare_check,
        plan,
        share,
        share_token,
        api_token,
        api_secret: String::new(),
        review,
        listing,
        reset_token,
        unknown_token: tokens::new_secret(32),
        stylesheet,
        log_form: values.into_iter().collect(),
    }
}

/// Everything the store holds about A (what may change by a mere opening left out: the
/// openings of a share link, a token's last use).
#[derive(Debug, PartialEq)]
struct Snapshot {
    user: Option<User>,
    password_hash: Option<String>,
    checks: Vec<SavedCheck>,
    plans: Vec<Plan>,
    entries: Vec<JournalEntry>,
    shares: Vec<(i64, i64, i64, bool, Value)>,
    tokens: Vec<(i64, String)>,
    reviews: Vec<PersonReview>,
}

async fn snapshot(store: &dyn Store, a: i64) -> Snapshot {
    let plans = store.plans(a).await.unwrap();
    let mut entries = Vec::new();
    for p in &plans {
        entries.extend(store.entries(a, p.id).await.unwrap());
    }
    Snapshot {
        user: store.user(a).await.unwrap(),
        password_hash: store.user_by_email(A_EMAIL).await.unwrap().map(|(_, h)| h),
        checks: store.checks(a).await.unwrap(),
        plans,
        entries,
        shares: store
            .shares(a)
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.id, s.check_id, s.expires_secs, s.revoked, s.doc))
            .collect(),
        tokens: store.api_tokens(a).await.unwrap().into_iter().map(|t| (t.id, t.name)).collect(),
        reviews: store.my_reviews(a).await.unwrap(),
    }
}

/// Nothing of A in what someone else was shown: no distinctive text, no id of A's records
/// in a JSON list of records.
fn assert_no_leak(fx: &Fixture, who: &Who, what: &str, r: &Resp) {
    for secret in fx.secrets() {
        assert!(
            !r.body.contains(secret) && !r.header("location").contains(secret),
            "{what} as {}: A's {secret:?} is in the answer ({}):\n{}",
            who.name,
            r.status,
            r.body
        );
    }
    let Ok(json) = serde_json::from_str::<Value>(&r.body) else { return };
    let ids: [(&str, Vec<i64>); 6] = [
        ("checks", vec![fx.check, fx.spare_check]),
        ("saved_checks", vec![fx.check, fx.spare_check]),
        ("plans", vec![fx.plan]),
        ("shares", vec![fx.share]),
        ("api_tokens", vec![fx.api_token]),
        ("reviews", vec![fx.review]),
    ];
    fn walk(v: &Value, ids: &[(&str, Vec<i64>)], found: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if let (Some((_, theirs)), Some(items)) = (ids.iter().find(|(n, _)| n == k), child.as_array()) {
                        for item in items {
                            if item["id"].as_i64().is_some_and(|id| theirs.contains(&id)) {
                                found.push(format!("{k}: {item}"));
                            }
                        }
                    }
                    walk(child, ids, found);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, ids, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(&json, &ids, &mut found);
    assert!(found.is_empty(), "{what} as {}: A's records in the JSON: {found:?}", who.name);
}

/// `/signin?next=<path>`, the path form-encoded.
fn signin_next(path: &str) -> String {
    format!("/signin?{}", form_urlencoded::Serializer::new(String::new()).append_pair("next", path).finish())
}

// ── The matrix ────────────────────────────────────────────────────────────────────────────

mod no_one_but_the_owner_reaches_a_persons_records {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::owner_only(std::sync::Arc::new(lumbar_testkit::sqlite_store().await)).await;
    }

    lumbar_testkit::postgres_test! {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn postgres() {
            let store = lumbar_testkit::postgres_store().await.expect(lumbar_testkit::RUN_BUT_SKIPPED);
            super::owner_only(std::sync::Arc::new(store)).await;
        }
    }
}

/// The matrix on one backend (the demo directory loaded first).
async fn owner_only(store: std::sync::Arc<dyn Store>) {
    load_demo(store.as_ref()).await;
    let mut app = TestApp::with_store(store.clone());
    let routes = enumerate(&mut app).await;
    let unclassified: Vec<String> = routes.iter().filter(|r| r.access().is_none()).map(Route::to_string).collect();
    assert!(unclassified.is_empty(), "classify these: add them to ACCESS in tests/web/authz.rs: {unclassified:?}");

    // A, with real records; B, another person, with a session and an API token
    let (a, a_session, a_api) = person(store.as_ref(), A_EMAIL, A_TOKEN_NAME).await;
    let owner = who(&mut app, "A (owner)", Some(&a_session), None).await;
    let owner_bearer = who(&mut app, "A (owner, API token)", None, Some(&a_api)).await;
    let mut fx = fixture(&mut app, store.as_ref(), a, &owner).await;
    fx.api_secret = a_api.clone();
    let (_b, b_session, b_api) = person(store.as_ref(), B_EMAIL, "B's script").await;
    let others = [
        who(&mut app, "anonymous", None, None).await,
        who(&mut app, "B (session)", Some(&b_session), None).await,
        who(&mut app, "B (API token)", None, Some(&b_api)).await,
    ];
    let anonymous = &others[0];
    // a therapist, a clinician and an operator (sessions)
    let mut staff = Vec::new();
    for (email, role) in [
        ("therapist-t@example.org", Role::Therapist),
        ("clinician-c@example.org", Role::Clinician),
        ("operator-o@example.org", Role::Operator),
    ] {
        let (id, s, _) = person(store.as_ref(), email, "staff script").await;
        assert!(store.set_role(id, role).await.unwrap());
        staff.push((role, who(&mut app, &format!("a {}", role.as_str()), Some(&s), None).await));
    }

    // 1. The owner reaches every page of theirs: the routes work, and A's distinctive texts
    //    are on them (so their absence elsewhere means something).
    let mut owner_saw = String::new();
    for route in routes.iter().filter(|r| r.reads() && matches!(r.access(), Some(OwnArea | OwnerById))) {
        let path = fx.fill(route);
        let mut askers = vec![&owner];
        if route.is_api() {
            askers.push(&owner_bearer);
        }
        for asker in askers {
            let r = call(&mut app, asker, &route.method, &path, &[]).await;
            assert_eq!(r.status, StatusCode::OK, "{route} ({path}) as {}: {}", asker.name, r.body);
            owner_saw.push_str(&r.body);
        }
    }
    for text in [A_EMAIL, A_NOTE, A_REVIEW, A_TOKEN_NAME] {
        assert!(owner_saw.contains(text), "A's pages show {text:?}: the leak checks below look for it");
    }
    let before = snapshot(store.as_ref(), a).await;

    // 2. Everyone else, route by route.
    let mut exercised: BTreeMap<Access, usize> = BTreeMap::new();
    for route in &routes {
        let access = route.access().unwrap_or_else(|| unreachable!());
        let path = fx.fill(route);
        let form = fx.form(route);
        let what = format!("{route} ({path})");
        match access {
            Public => {
                // Public posts (sign-up, sign-in, the check, feedback, …) take no person's
                // record and are not sent here.
                if !route.reads() {
                    continue;
                }
                for w in &others[..2] {
                    let r = call(&mut app, w, &route.method, &path, &[]).await;
                    assert!(
                        r.status != StatusCode::FORBIDDEN && !r.status.is_server_error(),
                        "{what} as {}: {}",
                        w.name,
                        r.status
                    );
                    assert_no_leak(&fx, w, &what, &r);
                }
            }
            OwnArea => {
                for w in &others {
                    let r = call(&mut app, w, &route.method, &path, &form).await;
                    if w.session.is_none() && w.bearer.is_none() {
                        if route.is_api() {
                            assert_eq!(r.status, StatusCode::NOT_FOUND, "{what} anonymous: {}", r.body);
                        } else {
                            assert_eq!(r.status, StatusCode::SEE_OTHER, "{what} anonymous: {}", r.body);
                            assert_eq!(r.header("location"), signin_next(&path), "{what} anonymous");
                        }
                    } else {
                        assert_eq!(r.status, StatusCode::OK, "{what} as {}: their own area: {}", w.name, r.body);
                    }
                    assert_no_leak(&fx, w, &what, &r);
                }
            }
            OwnerById => {
                for w in &others {
                    let r = call(&mut app, w, &route.method, &path, &form).await;
                    assert_eq!(r.status, StatusCode::NOT_FOUND, "{what} as {}: not theirs: {}", w.name, r.body);
                    assert_no_leak(&fx, w, &what, &r);
                }
            }
            SignedInAction => {
                let r = call(&mut app, anonymous, &route.method, &path, &form).await;
                if route.is_api() {
                    assert_eq!(r.status, StatusCode::NOT_FOUND, "{what} anonymous: {}", r.body);
                } else {
                    assert_eq!(r.status, StatusCode::SEE_OTHER, "{what} anonymous: {}", r.body);
                    assert!(r.header("location").starts_with("/signin"), "{what} anonymous: {}", r.header("location"));
                }
                assert_no_leak(&fx, anonymous, &what, &r);
                // signed in (a person of their own for each request: some of these end the
                // asker's sessions or account), by session and by API token
                for by_token in [false, true] {
                    let email = format!("throwaway-{}-{by_token}@example.org", exercised.values().sum::<usize>());
                    let (_, s, t) = person(store.as_ref(), &email, "theirs").await;
                    let w = if by_token {
                        who(&mut app, "a third person (API token)", None, Some(&t)).await
                    } else {
                        who(&mut app, "a third person (session)", Some(&s), None).await
                    };
                    let r = call(&mut app, &w, &route.method, &path, &form).await;
                    assert!(
                        ![StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&r.status)
                            && !r.status.is_server_error(),
                        "{what} as {}: their own action: {} {}",
                        w.name,
                        r.status,
                        r.body
                    );
                    assert_no_leak(&fx, &w, &what, &r);
                }
            }
            ShareToken => {
                for w in &others {
                    let r = call(&mut app, w, &route.method, &path, &[]).await;
                    assert_eq!(r.status, StatusCode::OK, "{what} as {}: anyone with the link: {}", w.name, r.body);
                    assert_no_leak(&fx, w, &what, &r);
                    let unknown = path.replace(&fx.share_token, &tokens::new_secret(16));
                    let r = call(&mut app, w, &route.method, &unknown, &[]).await;
                    assert_eq!(r.status, StatusCode::NOT_FOUND, "{route} with an unknown token as {}", w.name);
                }
            }
            Operator => {
                let r = call(&mut app, anonymous, &route.method, &path, &form).await;
                assert!(
                    r.status == StatusCode::NOT_FOUND
                        || (r.status == StatusCode::SEE_OTHER && r.header("location") == signin_next(&path)),
                    "{what} anonymous: {} {}",
                    r.status,
                    r.header("location")
                );
                assert_no_leak(&fx, anonymous, &what, &r);
                let not_operators =
                    others[1..].iter().chain(staff.iter().filter(|(r, _)| *r != Role::Operator).map(|(_, w)| w));
                for w in not_operators {
                    let r = call(&mut app, w, &route.method, &path, &form).await;
                    assert_eq!(r.status, StatusCode::NOT_FOUND, "{what} as {}: not an operator: {}", w.name, r.body);
                    assert_no_leak(&fx, w, &what, &r);
                }
                // the operator is let in (moderation queues may show A's pending review:
                // that is the operator's job); a post without a decision changes nothing
                let (_, op) = staff.iter().find(|(r, _)| *r == Role::Operator).unwrap_or_else(|| unreachable!());
                let r = call(&mut app, op, &route.method, &path, &form).await;
                if route.reads() {
                    assert_eq!(r.status, StatusCode::OK, "{what} as the operator: {}", r.body);
                } else {
                    assert_eq!(
                        r.status,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "{what} as the operator, no decision: {}",
                        r.body
                    );
                }
            }
            ResetToken => {
                for w in &others[..2] {
                    let r = call(&mut app, w, &route.method, &path, &form).await;
                    if route.reads() {
                        assert_eq!(r.status, StatusCode::GONE, "{what} as {}: an unknown link is gone", w.name);
                        // A's own link names no one either
                        let mine = path.replace(&fx.unknown_token, &fx.reset_token);
                        let r = call(&mut app, w, &route.method, &mine, &[]).await;
                        assert_eq!(r.status, StatusCode::OK, "{route} with A's link as {}", w.name);
                        assert_no_leak(&fx, w, &format!("{route} (A's link)"), &r);
                    } else {
                        assert_eq!(r.status, StatusCode::GONE, "{what} as {}: an unknown link: {}", w.name, r.body);
                    }
                    assert_no_leak(&fx, w, &what, &r);
                }
            }
        }
        *exercised.entry(access).or_default() += 1;
    }
    eprintln!("authz: {} routes, exercised per class: {exercised:?}", routes.len());

    // 3. A's data is as it was, A is still signed in, A's token and share link still work.
    assert_eq!(snapshot(store.as_ref(), a).await, before, "someone else changed A's data");
    assert_eq!(call(&mut app, &owner, "GET", "/my-back", &[]).await.status, StatusCode::OK);
    assert_eq!(call(&mut app, &owner_bearer, "GET", "/api/v1/me/checks", &[]).await.status, StatusCode::OK);
    let shared = format!("/shared/{}", fx.share_token);
    assert_eq!(call(&mut app, anonymous, "GET", &shared, &[]).await.status, StatusCode::OK, "A's link still opens");

    // 4. The owner's own posts to the same routes, with the same forms, are accepted: the
    //    404s above were about who asked. Deletions last.
    let posts: Vec<&Route> = routes.iter().filter(|r| r.method == "POST" && r.access() == Some(OwnerById)).collect();
    let (deletes, rest): (Vec<&Route>, Vec<&Route>) = posts.into_iter().partition(|r| r.path.ends_with("/delete"));
    let (ends, first): (Vec<&Route>, Vec<&Route>) =
        rest.into_iter().partition(|r| r.path.ends_with("/end") || r.path.ends_with("/revoke"));
    for route in first.into_iter().chain(ends).chain(deletes.iter().copied()) {
        if deletes.contains(&route) {
            // the share link was revoked by its owner: gone, for everyone
            for w in &others {
                let r = call(&mut app, w, "GET", &shared, &[]).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND, "a revoked link as {}", w.name);
            }
        }
        let path = fx.fill(route);
        let r = call(&mut app, &owner, "POST", &path, &fx.form(route)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{route} ({path}) as A, the owner: {}", r.body);
    }
    let after = snapshot(store.as_ref(), a).await;
    assert!(!after.checks.iter().any(|c| c.id == fx.check), "the owner deleted their check");
    assert!(!after.tokens.iter().any(|(id, _)| *id == fx.api_token), "the owner revoked their token");
    assert!(after.plans.iter().any(|p| p.check_id == fx.spare_check), "the owner started a plan");
}
