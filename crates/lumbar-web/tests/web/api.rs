//! JSON API v1, the OpenAPI document and Swagger UI.

use axum::http::StatusCode;
use lumbar_core::screening::Answers;
use serde_json::Value;

use crate::support::{TestApp, ruleset, vignette};

#[tokio::test]
async fn assessment_is_exactly_what_the_cli_prints() {
    let rs = ruleset();
    let mut app = TestApp::new();
    for id in ["A01", "A22"] {
        let answers = vignette(id);
        let r = app.post_json("/api/v1/assessments", &answers.to_string()).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.header("content-type"), "application/json");
        let parsed = Answers::from_json(&answers).unwrap_or_else(|e| panic!("{e}"));
        let expected = serde_json::to_string_pretty(&rs.assess(&parsed)).unwrap_or_default() + "\n";
        assert_eq!(r.body, expected, "{id}");
    }
}

#[tokio::test]
async fn invalid_answers_list_every_field_as_problem_json() {
    let mut app = TestApp::new();
    let mut answers = vignette("A22");
    let obj = answers.as_object_mut().unwrap_or_else(|| unreachable!());
    obj.remove("saddle_numbness");
    obj.insert("age".into(), 300.into());
    obj.insert("sex".into(), "robot".into());
    obj.insert("fever_or_chills".into(), "no".into());
    obj.insert("colour".into(), "blue".into());
    let r = app.post_json("/api/v1/assessments", &answers.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let p: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(p["type"], "urn:lumbar:problem:invalid_answers");
    assert_eq!(p["title"], "Invalid answers");
    assert_eq!(p["status"], 422);
    assert!(p["detail"].as_str().is_some_and(|d| !d.is_empty()));
    let errors: Vec<(String, String)> = p["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned()))
        .collect();
    for (field, code) in [
        ("saddle_numbness", "missing"),
        ("age", "out_of_range"),
        ("sex", "not_allowed"),
        ("fever_or_chills", "wrong_type"),
        ("colour", "unknown_field"),
    ] {
        assert!(errors.contains(&(field.to_owned(), code.to_owned())), "{field} {code} in {errors:?}");
    }
    assert!(p["errors"].as_array().into_iter().flatten().all(|e| e["problem"].as_str().is_some_and(|s| !s.is_empty())));
    assert!(
        !r.body.contains("robot") && !r.body.contains("300") && !r.body.contains("blue"),
        "values are never echoed"
    );
}

#[tokio::test]
async fn malformed_json_wrong_type_and_wrong_method() {
    let mut app = TestApp::new();
    let r = app.post_json("/api/v1/assessments", "{\"age\": ").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let p: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(p["errors"][0]["field"], "$");
    assert_eq!(p["errors"][0]["code"], "invalid_json");

    let r = app.post_form("/api/v1/assessments", &[("age".into(), "3".into())]).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.header("content-type"), "application/problem+json");

    let r = app.get("/api/v1/assessments").await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.header("content-type"), "application/problem+json");
    assert!(r.header("allow").contains("POST"));

    let r = app.get("/api/v2/nothing").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let p: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(p["type"], "urn:lumbar:problem:not_found");
}

#[tokio::test]
async fn openapi_document_snapshot() {
    let mut app = TestApp::new();
    let r = app.get("/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let spec: Value = serde_json::from_str(&r.body).unwrap_or_default();
    assert_eq!(spec["openapi"], "3.1.0");
    for path in [
        "/api/v1/assessments",
        "/api/v1/therapists",
        "/api/v1/therapists/{id}",
        "/api/v1/feedback",
        "/healthz",
        "/readyz",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} documented");
    }
    insta::assert_json_snapshot!("openapi", spec);
}

#[tokio::test]
async fn the_assessment_schema_matches_real_output() {
    let mut app = TestApp::new();
    let spec: Value = serde_json::from_str(&app.get("/api/openapi.json").await.body).unwrap_or_default();
    let schemas = &spec["components"]["schemas"];
    let keys = |v: &Value| -> Vec<String> { v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default() };
    let a22 = app.post_json("/api/v1/assessments", &vignette("A22").to_string()).await;
    let out: Value = serde_json::from_str(&a22.body).unwrap_or_default();
    let mut documented = keys(&schemas["Assessment"]["properties"]);
    let mut actual = keys(&out);
    documented.sort();
    actual.sort();
    assert_eq!(documented, actual, "Assessment properties");
    let mut documented = keys(&schemas["Finding"]["properties"]);
    let mut actual = keys(&out["findings"][0]);
    documented.sort();
    actual.sort();
    assert_eq!(documented, actual, "Finding properties");
    let answers = &schemas["Answers"];
    assert_eq!(answers["required"].as_array().map(Vec::len), Some(55), "every answer field is required");
    assert!(answers["properties"]["saddle_numbness"]["description"].as_str().is_some_and(|d| d.contains("genitals")));
    assert_eq!(answers["properties"]["age"]["maximum"], 120);
}

#[tokio::test]
async fn swagger_ui_is_served_from_vendored_files() {
    let mut app = TestApp::new();
    let r = app.get("/api/docs/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("swagger-ui"), "{}", r.body);
    let js = app.get("/api/docs/swagger-initializer.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.body.contains("/api/openapi.json"));
    for path in ["/api/docs/", "/api/docs/swagger-initializer.js"] {
        let r = app.get(path).await;
        assert_eq!(r.header("cache-control"), "public, max-age=86400", "{path}: the vendored bundle is cacheable");
    }
    assert_eq!(app.get("/").await.header("cache-control"), "no-store", "pages stay no-store");
}

mod directory {
    use axum::http::StatusCode;
    use serde_json::Value;

    use crate::support::{TestApp, demo_store, id_of};

    fn json(body: &str) -> Value {
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
    }

    fn error_fields(p: &Value) -> Vec<(String, String)> {
        p["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned()))
            .collect()
    }

    #[tokio::test]
    async fn search_answers_like_lumbar_find_json() {
        let mut app = TestApp::with_store(demo_store().await);
        let r = app.get("/api/v1/therapists?zip=98101&radius_miles=15").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.header("content-type"), "application/json");
        let v = json(&r.body);
        assert_eq!(v["outcome"], "results");
        assert_eq!(v["zip"], "98101");
        assert_eq!(v["radius_miles"], 15.0);
        let results = v["results"].as_array().cloned().unwrap_or_default();
        assert!(results.len() >= 3, "{v}");
        let mut last_score = f64::INFINITY;
        for r in &results {
            let mut keys: Vec<&str> = r.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
            keys.sort_unstable();
            assert_eq!(keys, ["distance_miles", "group", "id", "kind", "license", "name", "score", "styles", "why"]);
            assert_eq!(r["group"], "verified");
            assert_eq!(r["license"]["status"], "verified_active");
            assert_eq!(r["license"]["checked_at"], "2026-11-25");
            assert_eq!(r["license"]["roster_date"], "2026-11-25");
            assert_eq!(r["license"]["stale"], false);
            assert_eq!(r["license"]["board"], "Washington State Department of Health, Board of Massage");
            assert_eq!(r["license"]["state"], "WA");
            assert!(r["distance_miles"].as_f64().is_some_and(|d| d <= 15.0));
            assert!(r["why"].as_array().is_some_and(|w| w.len() >= 2));
            let score = r["score"].as_f64().unwrap_or(0.0);
            assert!(score <= last_score, "best first");
            last_score = score;
        }
        let zh = json(&app.get("/api/v1/therapists?zip=98101&radius_miles=15&language=zh&limit=5").await.body);
        let names: Vec<&str> =
            zh["results"].as_array().into_iter().flatten().filter_map(|r| r["name"].as_str()).collect();
        assert_eq!(names, ["Mei Lin"]);
        let all = json(&app.get("/api/v1/therapists?zip=98103&radius_miles=5&include_unverified=true").await.body);
        let statuses: Vec<&str> =
            all["results"].as_array().into_iter().flatten().filter_map(|r| r["license"]["status"].as_str()).collect();
        assert!(statuses.contains(&"expired") && statuses.contains(&"disciplined"), "{statuses:?}");
        assert_eq!(v["coverage"], serde_json::Value::Null, "listings found: no coverage note");
        let hidden: Vec<&serde_json::Value> = all["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["license"]["status"] == "expired" || r["license"]["status"] == "disciplined")
            .collect();
        assert!(hidden.iter().all(|r| r["group"].is_null()), "a license with a problem is in no group: {hidden:?}");
        let one = json(&app.get("/api/v1/therapists?zip=98101&limit=1").await.body);
        assert_eq!(one["results"].as_array().map(Vec::len), Some(1));
    }

    #[tokio::test]
    async fn search_problems_name_each_parameter() {
        let mut app = TestApp::with_store(demo_store().await);
        let r = app.get("/api/v1/therapists?zip=00000").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.header("content-type"), "application/problem+json");
        let p = json(&r.body);
        assert_eq!(p["type"], "urn:lumbar:problem:invalid_parameters");
        assert_eq!(error_fields(&p), [("zip".to_owned(), "unknown_zip".to_owned())]);
        assert!(p["errors"][0]["problem"].as_str().is_some_and(|t| t.contains("nearby residential ZIP")));

        let r = app.get("/api/v1/therapists?zip=abc&radius_miles=500&style=hot_stone&limit=0&colour=blue").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let p = json(&r.body);
        let fields = error_fields(&p);
        for (f, code) in [
            ("zip", "invalid"),
            ("radius_miles", "out_of_range"),
            ("style", "not_allowed"),
            ("limit", "out_of_range"),
            ("colour", "unknown_parameter"),
        ] {
            assert!(fields.contains(&(f.to_owned(), code.to_owned())), "{f} {code} in {fields:?}");
        }
        assert!(!r.body.contains("hot_stone") && !r.body.contains("abc\""), "values are not echoed");
        let r = app.get("/api/v1/therapists").await;
        assert_eq!(error_fields(&json(&r.body)), [("zip".to_owned(), "missing".to_owned())]);
        // Nobody near: an empty list, not an error.
        let r = app.get("/api/v1/therapists?zip=67202&radius_miles=10").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(json(&r.body)["results"], serde_json::json!([]));
    }

    #[tokio::test]
    async fn detail_has_licenses_with_evidence_and_provenance() {
        let store = demo_store().await;
        let id = id_of(store.as_ref(), "Ana Núñez").await;
        let mut app = TestApp::with_store(store);
        let r = app.get(&format!("/api/v1/therapists/{id}")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v = json(&r.body);
        assert_eq!(v["id"], id);
        assert_eq!(v["name"], "Ana Núñez");
        assert_eq!(v["entity"], "individual");
        assert_eq!(v["license_verified"], true);
        assert_eq!(v["practice"]["state"], "WA");
        let lic = &v["licenses"][0];
        assert_eq!(lic["state"], "WA");
        assert_eq!(lic["number"], "MA60900101");
        assert_eq!(lic["status"], "verified_active");
        assert_eq!(lic["checked_at"], "2026-11-25");
        assert_eq!(lic["expires"], "2027-05-31");
        assert!(lic["source"].as_str().is_some_and(|s| s.starts_with("WA license roster")), "{lic}");
        let p = &v["profile"];
        assert_eq!(p["place_kind"], "independent");
        assert_eq!(p["styles"], serde_json::json!(["swedish", "deep_tissue", "myofascial"]));
        assert_eq!(p["provenance"]["training"], "verified");
        assert_eq!(p["provenance"]["back_pain_years"], "verified");
        assert_eq!(p["provenance"]["styles"], "self_reported");
        assert_eq!(p["provenance"]["insurance"], "self_reported");
        assert_eq!(p["training"]["hours"], 850);
        let rec = &v["recommendations"];
        assert_eq!(rec["reviews"], 20);
        assert_eq!(rec["average_stars"], 4.7);
        assert_eq!(rec["bayesian_stars"], 4.3);
        assert_eq!(rec["endorsements"], 3);

        for path in ["/api/v1/therapists/999999", "/api/v1/therapists/abc"] {
            let r = app.get(path).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(r.header("content-type"), "application/problem+json");
            assert_eq!(json(&r.body)["type"], "urn:lumbar:problem:not_found");
        }
    }

    #[tokio::test]
    async fn feedback_is_created_and_checked() {
        let store = demo_store().await;
        let mut app = TestApp::with_store(store.clone());
        let r = app.post_json("/api/v1/feedback", r#"{"page":"find","helpful":true,"comment":"Found someone."}"#).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let id = json(&r.body)["id"].as_i64().unwrap_or(0);
        let stored = store.feedback(None, 10).await.unwrap_or_default();
        assert_eq!(stored.len(), 1);
        assert_eq!((stored[0].id, stored[0].page.as_str(), stored[0].comment.as_str()), (id, "find", "Found someone."));

        let long = format!(r#"{{"page":"results","helpful":"yes","comment":"{}","age":37}}"#, "x".repeat(2001));
        let r = app.post_json("/api/v1/feedback", &long).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = error_fields(&json(&r.body));
        assert_eq!(
            fields,
            [
                ("page".to_owned(), "not_allowed".to_owned()),
                ("helpful".to_owned(), "wrong_type".to_owned()),
                ("comment".to_owned(), "too_long".to_owned()),
                ("age".to_owned(), "unknown_field".to_owned()),
            ]
        );
        assert!(!r.body.contains("37") && !r.body.contains("xxxx"), "values are not echoed");
        let r = app.post_json("/api/v1/feedback", "{}").await;
        let fields = error_fields(&json(&r.body));
        assert!(fields.contains(&("page".to_owned(), "missing".to_owned())));
        assert!(fields.contains(&("helpful".to_owned(), "missing".to_owned())));
        assert_eq!(app.post_json("/api/v1/feedback", "{\"page\":").await.status, StatusCode::BAD_REQUEST);
        let r = app.post_form("/api/v1/feedback", &[("page".into(), "find".into())]).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(store.feedback(None, 10).await.unwrap_or_default().len(), 1, "nothing else stored");
    }

    #[tokio::test]
    async fn without_a_store_the_directory_api_is_unavailable() {
        let mut app = TestApp::new();
        for r in [
            app.get("/api/v1/therapists?zip=98101").await,
            app.get("/api/v1/therapists/1").await,
            app.post_json("/api/v1/feedback", r#"{"page":"find","helpful":true}"#).await,
        ] {
            assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
            assert_eq!(r.header("content-type"), "application/problem+json");
            assert_eq!(json(&r.body)["code"], "directory_unavailable");
        }
    }

    #[tokio::test]
    async fn the_directory_is_documented() {
        let mut app = TestApp::new();
        let spec = json(&app.get("/api/openapi.json").await.body);
        for path in ["/api/v1/therapists", "/api/v1/therapists/{id}", "/api/v1/feedback"] {
            assert!(spec["paths"].get(path).is_some(), "{path} documented");
        }
        let params: Vec<&str> = spec["paths"]["/api/v1/therapists"]["get"]["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["name"].as_str())
            .collect();
        assert_eq!(
            params,
            [
                "zip",
                "radius_miles",
                "style",
                "language",
                "gender",
                "max_price",
                "insurance",
                "kind",
                "include_unverified",
                "limit"
            ]
        );
        // The documented enums are the domain's words.
        let schemas = &spec["components"]["schemas"];
        let words = |name: &str| -> Vec<String> {
            schemas[name]["enum"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let styles: Vec<String> =
            lumbar_core::matching::MassageStyle::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(words("MassageStyle"), styles);
        let kinds: Vec<String> = lumbar_core::matching::PlaceKind::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(words("PlaceKind"), kinds);
        let statuses: Vec<String> =
            lumbar_core::directory::VerificationStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(words("LicenseStatus"), statuses);
        let pages: Vec<String> = lumbar_web::routes::feedback::PAGES.iter().map(|(p, _, _)| (*p).to_owned()).collect();
        assert_eq!(words("FeedbackPage"), pages);
    }
}
