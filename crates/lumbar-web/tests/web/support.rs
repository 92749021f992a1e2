//! The test harness: the app in-process (`tower::ServiceExt::oneshot`), a cookie jar, small
//! HTML helpers and a walker that fills in the web questionnaire from an answers object.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use lumbar_core::directory::Date;
use lumbar_core::screening::Ruleset;
use lumbar_store::Store;
use lumbar_web::{AppState, RateLimit, WebConfig};
use serde_json::Value;
use tower::ServiceExt;

pub fn ruleset() -> Arc<Ruleset> {
    match Ruleset::shipped() {
        Ok(rs) => Arc::new(rs),
        Err(e) => panic!("shipped rule set: {e}"),
    }
}

/// A config for tests: generous rate limit, fixed secret.
pub fn config() -> WebConfig {
    WebConfig {
        secret: lumbar_web::Secret::new(&[42u8; 32]).unwrap_or_else(lumbar_web::Secret::random),
        rate_limit: RateLimit { burst: 10_000, per_minute: 10_000 },
        // the demo is loaded as of this day: pages are shown on it, whatever the real date
        clock: lumbar_store::Clock::Fixed(Date::parse("2026-11-25").unwrap_or_else(|| panic!("date"))),
        ..WebConfig::default()
    }
}

/// One response, body read.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The text of the only `<h1>` (panics when there is not exactly one).
    pub fn h1(&self) -> String {
        assert_eq!(self.body.matches("<h1").count(), 1, "exactly one h1 expected in:\n{}", self.body);
        let start = self.body.find("<h1").and_then(|i| self.body[i..].find('>').map(|j| i + j + 1)).unwrap_or(0);
        let end = self.body[start..].find("</h1>").map_or(start, |j| start + j);
        strip_tags(&self.body[start..end])
    }

    /// Every `<input>` as (type, name, value).
    pub fn inputs(&self) -> Vec<(String, String, String)> {
        self.body
            .match_indices("<input")
            .filter_map(|(i, _)| {
                let tag = &self.body[i..i + self.body[i..].find('>')?];
                Some((
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "name")?,
                    attr(tag, "value").unwrap_or_default(),
                ))
            })
            .collect()
    }

    /// The hidden inputs of the (first) form posting to this action.
    pub fn hidden_of_action(&self, action: &str) -> Vec<(String, String)> {
        let Some(at) = self.body.find(&format!("action=\"{action}\"")) else { return Vec::new() };
        let start = self.body[..at].rfind("<form").unwrap_or(at);
        let end = self.body[start..].find("</form>").map_or(self.body.len(), |j| start + j);
        let part = Resp { status: self.status, headers: HeaderMap::new(), body: self.body[start..end].to_owned() };
        part.inputs().into_iter().filter(|(t, _, _)| t == "hidden").map(|(_, n, v)| (n, v)).collect()
    }

    /// Every `href` on the page.
    pub fn hrefs(&self) -> Vec<String> {
        self.body
            .match_indices(" href=\"")
            .filter_map(|(i, m)| {
                let rest = &self.body[i + m.len()..];
                rest.find('"').map(|j| unescape(&rest[..j]))
            })
            .collect()
    }

    /// The hidden inputs of the form with this id.
    pub fn hidden_of(&self, form_id: &str) -> Vec<(String, String)> {
        let Some(start) = self.body.find(&format!("<form id=\"{form_id}\"")) else { return Vec::new() };
        let end = self.body[start..].find("</form>").map_or(self.body.len(), |j| start + j);
        let part = Resp { status: self.status, headers: HeaderMap::new(), body: self.body[start..end].to_owned() };
        part.inputs().into_iter().filter(|(t, _, _)| t == "hidden").map(|(_, n, v)| (n, v)).collect()
    }

    /// The CSRF token in the page's forms.
    pub fn csrf(&self) -> String {
        self.inputs().into_iter().find(|(_, n, _)| n == "csrf").map(|(_, _, v)| v).unwrap_or_default()
    }

    /// The names of the visible inputs (radio groups once).
    pub fn visible_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (t, n, _) in self.inputs() {
            if t != "hidden" && !names.contains(&n) {
                names.push(n);
            }
        }
        names
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(unescape(&tag[i..i + j]))
}

pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

pub fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in s.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(out.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
}

/// The app with a cookie jar.
pub struct TestApp {
    pub router: Router,
    pub cookies: HashMap<String, String>,
}

impl TestApp {
    pub fn new() -> TestApp {
        TestApp::with_config(config())
    }

    pub fn with_config(config: WebConfig) -> TestApp {
        TestApp { router: lumbar_web::app(AppState::new(ruleset(), config)), cookies: HashMap::new() }
    }

    /// The app over a store.
    pub fn with_store(store: Arc<dyn Store>) -> TestApp {
        TestApp::with_store_and_config(store, config())
    }

    /// The app over a store, with this configuration.
    pub fn with_store_and_config(store: Arc<dyn Store>, config: WebConfig) -> TestApp {
        TestApp { router: lumbar_web::app(AppState::new(ruleset(), config).with_store(store)), cookies: HashMap::new() }
    }

    pub async fn send(&mut self, mut req: Request<Body>) -> Resp {
        if !self.cookies.is_empty() && !req.headers().contains_key(header::COOKIE) {
            let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            if let Ok(v) = jar.join("; ").parse() {
                req.headers_mut().insert(header::COOKIE, v);
            }
        }
        let resp = match self.router.clone().oneshot(req).await {
            Ok(r) => r,
            Err(never) => match never {},
        };
        let (parts, body) = resp.into_parts();
        for v in parts.headers.get_all(header::SET_COOKIE) {
            if let Some((k, rest)) = v.to_str().unwrap_or("").split_once('=') {
                let value = rest.split(';').next().unwrap_or("");
                if value.is_empty() || rest.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), value.to_owned());
                }
            }
        }
        let bytes = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
        Resp { status: parts.status, headers: parts.headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Request::get(path).body(Body::empty()).unwrap_or_default()).await
    }

    /// Posts a form and, as a browser does, follows a `303 See Other` with a `GET` (the
    /// response of the page it leads to; [`TestApp::post_form_raw`] gives the 303 itself).
    pub async fn post_form(&mut self, path: &str, pairs: &[(String, String)]) -> Resp {
        let resp = self.post_form_raw(path, pairs).await;
        if resp.status == StatusCode::SEE_OTHER {
            let location = resp.header("location").to_owned();
            assert!(location.starts_with('/'), "a redirect within the site: {location}");
            return self.get(&location).await;
        }
        resp
    }

    /// Posts a form; the response as it is (a `303` is not followed).
    pub async fn post_form_raw(&mut self, path: &str, pairs: &[(String, String)]) -> Resp {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap_or_default();
        self.send(req).await
    }

    pub async fn post_json(&mut self, path: &str, body: &str) -> Resp {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap_or_default();
        self.send(req).await
    }
}

/// `demo::load` stages its rosters in one temporary folder per process, so loads in tests
/// running at the same time take turns.
static DEMO_LOAD: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Loads the fictional demo directory, verified as of 2026-11-25.
pub async fn load_demo(store: &dyn Store) {
    let today = Date::parse("2026-11-25").unwrap_or_else(|| panic!("date"));
    let _turn = DEMO_LOAD.lock().await;
    if let Err(e) = lumbar_directory::demo::load(store, today).await {
        panic!("demo load: {e}");
    }
}

/// A fresh SQLite store with the demo directory.
pub async fn demo_store() -> Arc<dyn Store> {
    let store = lumbar_testkit::sqlite_store().await;
    load_demo(&store).await;
    Arc::new(store)
}

/// The directory id of a demo listing.
pub async fn id_of(store: &dyn Store, name: &str) -> i64 {
    let all = store.therapists(&lumbar_store::TherapistFilter::default()).await.unwrap_or_else(|e| panic!("{e}"));
    all.iter().find(|t| t.name == name).map(|t| t.id).unwrap_or_else(|| panic!("no demo listing {name}"))
}

/// Walks the check with these answers and returns the result page.
pub async fn result_page(app: &mut TestApp, answers: &Value) -> Resp {
    let mut pages = walk(app, answers, None).await;
    let last = pages.pop().unwrap_or_else(|| unreachable!());
    assert!(last.body.contains("class=\"verdict "), "a result page: {}", last.body);
    last
}

/// A vignette's answers from the public vignettes.
pub fn vignette(id: &str) -> Value {
    let text = include_str!("../../../lumbar-core/tests/data/vignettes-public.json");
    let all: Value = serde_json::from_str(text).unwrap_or_default();
    all["vignettes"]
        .as_array()
        .and_then(|vs| vs.iter().find(|v| v["id"] == id))
        .map(|v| v["answers"].clone())
        .unwrap_or_else(|| panic!("no vignette {id}"))
}

/// The text typed for a field on the web form.
fn typed(answers: &Value, name: &str, duration_text: Option<&str>) -> Option<String> {
    let v = match name.strip_prefix("preferences.") {
        Some(key) => answers.get("preferences").and_then(|p| p.get(key))?,
        None => answers.get(name)?,
    };
    if name == "duration_weeks"
        && let Some(t) = duration_text
    {
        return Some(t.to_owned());
    }
    Some(match v {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if name == "duration_weeks" => format!("{n} weeks"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return None,
    })
}

/// Answers the first step of the check only (an unfinished check); returns
/// the page it leads to (step 2).
pub async fn first_step(app: &mut TestApp, answers: &Value) -> Resp {
    let first = app.get("/check").await;
    let mut pairs = first.hidden_of("check-form");
    for name in first.visible_names() {
        if let Some(v) = typed(answers, &name, None) {
            pairs.push((name, v));
        }
    }
    pairs.push(("nav".into(), "next".into()));
    app.post_form("/check", &pairs).await
}

/// Fills in the web check with these answers, step by step, and returns every page seen
/// (the last is the result or the stop page).
pub async fn walk(app: &mut TestApp, answers: &Value, duration_text: Option<&str>) -> Vec<Resp> {
    let mut pages = vec![app.get("/check").await];
    for _ in 0..30 {
        let page = pages.last().unwrap_or_else(|| unreachable!());
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if page.body.contains("class=\"verdict ") || page.body.contains("class=\"stop\"") {
            return pages;
        }
        assert!(!page.body.contains("error-summary"), "unexpected validation error:\n{}", page.body);
        let mut pairs = page.hidden_of("check-form");
        for name in page.visible_names() {
            if let Some(v) = typed(answers, &name, duration_text) {
                pairs.push((name, v));
            }
        }
        pairs.push(("nav".into(), "next".into()));
        let next = app.post_form("/check", &pairs).await;
        pages.push(next);
    }
    let last = pages.last().map(|p| (p.visible_names(), strip_tags(&p.body))).unwrap_or_default();
    panic!("the check did not end within 30 pages; last page: {last:?}")
}
