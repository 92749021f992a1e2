//! Every page: status, one h1, the layout's landmarks, no script or inline style, and no
//! missing message in either language.

use axum::http::StatusCode;

use crate::support::{TestApp, ruleset};

const PAGES: &[(&str, &str)] = &[
    ("/", "Can massage help my back, and is it safe for me right now?"),
    ("/check", "First, some urgent safety questions"),
    ("/evidence", "What the evidence says about massage for lower back pain"),
    ("/about", "About lumbar"),
    ("/privacy", "Privacy"),
    ("/disclaimer", "Disclaimer"),
];

fn assert_layout(body: &str, lang: &str) {
    assert!(body.starts_with("<!DOCTYPE html>"), "doctype");
    assert!(body.contains(&format!("<html lang=\"{lang}\">")), "html lang {lang}");
    assert!(body.contains("class=\"skip-link\" href=\"#main\""), "skip link");
    assert!(body.contains("<main id=\"main\""), "main landmark");
    assert!(body.contains("<header") && body.contains("<footer") && body.contains("<nav aria-label="), "landmarks");
    assert!(!body.contains("<script"), "no script");
    assert!(!body.contains("<style") && !body.contains(" style="), "no inline style");
    assert!(body.contains("<link rel=\"stylesheet\" href=\"/static/lumbar-"), "stylesheet");
    assert!(!body.contains('⟦'), "a message key is missing");
}

#[tokio::test]
async fn every_page_is_ok_with_the_right_h1() {
    let mut app = TestApp::new();
    for (path, h1) in PAGES {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header("content-type"), "text/html; charset=utf-8", "{path}");
        assert_eq!(r.h1(), *h1, "{path}");
        assert_layout(&r.body, "en");
    }
}

#[tokio::test]
async fn every_page_renders_in_spanish() {
    let mut app = TestApp::new();
    for (path, _) in PAGES {
        let r = app.get(&format!("{path}?lang=es")).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_layout(&r.body, "es");
        assert_eq!(r.header("content-language"), "es");
    }
}

#[tokio::test]
async fn home_starts_the_check_and_links_the_rest() {
    let mut app = TestApp::new();
    let r = app.get("/").await;
    for href in
        ["href=\"/check\"", "href=\"/evidence\"", "href=\"/about\"", "href=\"/privacy\"", "href=\"/disclaimer\""]
    {
        assert!(r.body.contains(href), "{href}");
    }
    assert!(r.body.contains("Start the check"));
    assert!(r.body.contains("information, not a diagnosis"));
}

#[tokio::test]
async fn evidence_cites_from_the_rule_set() {
    let rs = ruleset();
    let mut app = TestApp::new();
    let r = app.get("/evidence").await;
    for id in [
        "FURLAN-2015",
        "CHERKIN-2011",
        "ACP-2017",
        "NICE-NG59",
        "SHOEMAKER-1997",
        "HINDS-2004",
        "CRANE-2012",
        "PREYDE-2000",
        "MENEZES-COSTA-2012",
    ] {
        let Some(source) = rs.source(id) else { panic!("{id} missing from sources.toml") };
        let escaped = source.citation.replace('&', "&amp;").replace('\'', "&#39;").replace('"', "&#34;");
        assert!(
            r.body.contains(&source.citation)
                || r.body.contains(&escaped)
                || crate::support::strip_tags(&r.body).contains(&source.citation),
            "citation of {id}"
        );
        if let Some(url) = &source.url {
            assert!(r.body.contains(&format!("href=\"{url}\"")), "link of {id}");
        }
    }
    for heading in [
        "How massage may help",
        "Popular claims with weak evidence",
        "How many sessions people usually need",
        "Deep tissue or Swedish?",
    ] {
        assert!(r.body.contains(heading), "{heading}");
    }
}

#[tokio::test]
async fn unknown_page_is_a_404_in_the_layout() {
    let mut app = TestApp::new();
    let r = app.get("/no/such/page").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.h1(), "Page not found");
    assert_layout(&r.body, "en");
    let r = app.get("/nada?lang=es").await;
    assert_eq!(r.h1(), "Página no encontrada");
}

#[tokio::test]
async fn stylesheet_is_served_with_a_long_cache() {
    let mut app = TestApp::new();
    let href = lumbar_web::assets::css_href();
    let r = app.get(href).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "text/css; charset=utf-8");
    assert!(r.header("cache-control").contains("immutable"));
    assert!(r.body.contains("@media print"));
    let r = app.get("/static/lumbar.css").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), "no-cache");
    assert_eq!(app.get("/static/other.js").await.status, StatusCode::NOT_FOUND);
}
