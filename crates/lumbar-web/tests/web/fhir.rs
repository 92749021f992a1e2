//! FHIR R4 under `/fhir` (issue #12, first slice): the CapabilityStatement tells the truth,
//! every public vignette answered through a QuestionnaireResponse built from the *served*
//! Questionnaire (as an EHR would: walking its items, honouring `enableWhen`) gets from
//! `$assess` the vignette's triage and the JSON API's findings, invalid responses name each
//! bad `linkId` without repeating a value, and every resource served passes an independent
//! FHIR R4 validator (PyPI `fhir.resources` 6.4.0, run by `tests/fhir_validate.py`). A saved
//! check downloads as a QuestionnaireResponse (owner only) that `$assess` assesses as the check
//! was, and that the validator accepts.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Map, Value, json};

use crate::support::{Resp, TestApp};

const Q: &str = "/fhir/Questionnaire/lumbar-screening";
const ASSESS: &str = "/fhir/Questionnaire/lumbar-screening/$assess";

fn parse(r: &Resp) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

fn assert_fhir(r: &Resp, status: StatusCode, resource_type: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.body);
    assert!(r.header("content-type").starts_with("application/fhir+json"), "content type {}", r.header("content-type"));
    let v = parse(r);
    assert_eq!(v["resourceType"], resource_type, "{}", r.body);
    v
}

async fn post(app: &mut TestApp, path: &str, content_type: &str, body: &str) -> Resp {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .unwrap_or_default();
    app.send(req).await
}

fn vignettes() -> Vec<Value> {
    let text = include_str!("../../../lumbar-core/tests/data/vignettes-public.json");
    let all: Value = serde_json::from_str(text).unwrap_or_default();
    all["vignettes"].as_array().cloned().unwrap_or_default()
}

/// The vignette's value for a linkId (`preferences.style` looks inside `preferences`).
fn value_for<'a>(answers: &'a Value, link_id: &str) -> Option<&'a Value> {
    match link_id.strip_prefix("preferences.") {
        Some(key) => answers.get("preferences")?.get(key),
        None => answers.get(link_id),
    }
}

/// Whether an item is enabled, per FHIR R4's `enableWhen` rules, on the answers given so far.
fn enabled(item: &Value, given: &Map<String, Value>) -> bool {
    let Some(conditions) = item["enableWhen"].as_array() else { return true };
    let test = |c: &Value| -> bool {
        let q = c["question"].as_str().unwrap_or_default();
        let answer = given.get(q);
        let expected = ["answerBoolean", "answerCoding", "answerInteger", "answerDecimal"]
            .iter()
            .find_map(|k| c.get(*k).map(|v| (*k, v)))
            .unwrap_or_else(|| panic!("enableWhen without a supported answer[x]: {c}"));
        let equal = |a: &Value| match expected.0 {
            "answerCoding" => a.get("valueCoding").map(|x| &x["code"]) == Some(&expected.1["code"]),
            "answerBoolean" => a.get("valueBoolean") == Some(expected.1),
            _ => a.get("valueInteger").or(a.get("valueDecimal")).and_then(Value::as_f64) == expected.1.as_f64(),
        };
        match c["operator"].as_str() {
            Some("=") => answer.is_some_and(equal),
            Some("!=") => !answer.is_some_and(equal),
            Some("exists") => answer.is_some() == expected.1.as_bool().unwrap_or(true),
            other => panic!("operator {other:?} is not used by this test's EHR"),
        }
    };
    match item["enableBehavior"].as_str() {
        Some("any") => conditions.iter().any(test),
        _ => conditions.iter().all(test),
    }
}

/// Builds the response items for a list of Questionnaire items, as an EHR would: groups
/// nested, display items left out, a disabled question left out, each enabled question
/// answered from the vignette. Returns the linkIds left out as disabled.
fn fill(items: &Value, answers: &Value, given: &mut Map<String, Value>, skipped: &mut Vec<String>) -> Vec<Value> {
    let mut out = Vec::new();
    for item in items.as_array().into_iter().flatten() {
        let link_id = item["linkId"].as_str().unwrap_or_default().to_owned();
        match item["type"].as_str().unwrap_or_default() {
            "display" => {}
            "group" => {
                let children = fill(&item["item"], answers, given, skipped);
                if !children.is_empty() {
                    out.push(json!({ "linkId": link_id, "text": item["text"], "item": children }));
                }
            }
            ty => {
                if !enabled(item, given) {
                    skipped.push(link_id);
                    continue;
                }
                let Some(v) = value_for(answers, &link_id) else { continue };
                let answer = match ty {
                    "boolean" => json!({ "valueBoolean": v }),
                    "integer" => json!({ "valueInteger": v }),
                    "decimal" => json!({ "valueDecimal": v }),
                    "choice" => {
                        let option = item["answerOption"]
                            .as_array()
                            .and_then(|os| os.iter().find(|o| o["valueCoding"]["code"] == *v))
                            .unwrap_or_else(|| panic!("{link_id}: no answerOption {v}"));
                        json!({ "valueCoding": option["valueCoding"] })
                    }
                    other => panic!("{link_id}: item type {other} not expected"),
                };
                given.insert(link_id.clone(), answer.clone());
                out.push(json!({ "linkId": link_id, "answer": [answer] }));
            }
        }
    }
    out
}

/// A QuestionnaireResponse for a vignette, built from the served Questionnaire.
fn response_for(questionnaire: &Value, answers: &Value, skipped: &mut Vec<String>) -> Value {
    let mut given = Map::new();
    let items = fill(&questionnaire["item"], answers, &mut given, skipped);
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": format!("{}|{}", questionnaire["url"].as_str().unwrap_or_default(), questionnaire["version"].as_str().unwrap_or_default()),
        "status": "completed",
        "subject": { "reference": "Patient/example" },
        "item": items,
    })
}

/// Every linkId of the served Questionnaire, by type.
fn link_ids(items: &Value, out: &mut Vec<(String, String)>) {
    for item in items.as_array().into_iter().flatten() {
        out.push((
            item["linkId"].as_str().unwrap_or_default().to_owned(),
            item["type"].as_str().unwrap_or_default().to_owned(),
        ));
        link_ids(&item["item"], out);
    }
}

#[tokio::test]
async fn metadata_lists_exactly_what_is_served() {
    let mut app = TestApp::new();
    let cs = assert_fhir(&app.get("/fhir/metadata").await, StatusCode::OK, "CapabilityStatement");
    assert_eq!(cs["fhirVersion"], "4.0.1");
    assert_eq!(cs["kind"], "instance");
    assert_eq!(cs["software"]["name"], "lumbar");
    assert_eq!(cs["software"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(cs["format"], json!(["json"]));
    let rest = &cs["rest"][0];
    assert_eq!(rest["mode"], "server");
    let resources = rest["resource"].as_array().cloned().unwrap_or_default();
    let types: BTreeSet<&str> = resources.iter().filter_map(|r| r["type"].as_str()).collect();
    assert_eq!(types, BTreeSet::from(["CodeSystem", "OperationDefinition", "Questionnaire"]));
    for r in &resources {
        assert_eq!(r["interaction"], json!([{ "code": "read" }]), "only read: {r}");
        assert!(r.get("searchParam").is_none(), "no search is served: {r}");
    }
    let q = resources.iter().find(|r| r["type"] == "Questionnaire").unwrap_or_else(|| unreachable!());
    let ops = q["operation"].as_array().cloned().unwrap_or_default();
    assert_eq!(ops.len(), 1, "one operation");
    assert_eq!(ops[0]["name"], "assess");
    assert!(rest.get("operation").is_none() && rest.get("interaction").is_none(), "no system-level operations");

    // every resource it names is served…
    let opdef_path =
        ops[0]["definition"].as_str().unwrap_or_default().split("/fhir").nth(1).unwrap_or_default().to_owned();
    let opdef = assert_fhir(&app.get(&format!("/fhir{opdef_path}")).await, StatusCode::OK, "OperationDefinition");
    assert_eq!(opdef["code"], "assess");
    assert_eq!(opdef["instance"], true);
    assert_fhir(&app.get(Q).await, StatusCode::OK, "Questionnaire");
    for id in ["triage", "finding"] {
        let c = assert_fhir(&app.get(&format!("/fhir/CodeSystem/{id}")).await, StatusCode::OK, "CodeSystem");
        assert_eq!(c["id"], id);
    }
    // …and nothing else is: other types and ids are OperationOutcome 404s, other methods 405s
    for path in
        ["/fhir/Patient/1", "/fhir/Questionnaire/other", "/fhir/CodeSystem/other", "/fhir/Questionnaire", "/fhir"]
    {
        let r = app.get(path).await;
        let oo = assert_fhir(&r, StatusCode::NOT_FOUND, "OperationOutcome");
        assert_eq!(oo["issue"][0]["code"], "not-found", "{path}");
    }
    let r = post(&mut app, "/fhir/metadata", "application/fhir+json", "{}").await;
    assert_fhir(&r, StatusCode::METHOD_NOT_ALLOWED, "OperationOutcome");
    let r = app.get(ASSESS).await;
    assert_fhir(&r, StatusCode::METHOD_NOT_ALLOWED, "OperationOutcome");

    // the OpenAPI document lists the same FHIR routes
    let spec: Value = serde_json::from_str(&app.get("/api/openapi.json").await.body).unwrap_or_default();
    let documented: BTreeSet<String> = spec["paths"]
        .as_object()
        .map(|p| p.keys().filter(|k| k.starts_with("/fhir")).cloned().collect())
        .unwrap_or_default();
    let served: BTreeSet<String> = [
        "/fhir/metadata",
        Q,
        ASSESS,
        "/fhir/CodeSystem/triage",
        "/fhir/CodeSystem/finding",
        "/fhir/OperationDefinition/Questionnaire-assess",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(documented, served);
}

#[tokio::test]
async fn the_questionnaire_follows_the_catalogue() {
    let mut app = TestApp::new();
    let rs = crate::support::ruleset();
    let q = assert_fhir(&app.get(Q).await, StatusCode::OK, "Questionnaire");
    assert_eq!(q["version"], rs.version.as_str());
    assert!(q["url"].as_str().unwrap_or_default().ends_with(Q), "{}", q["url"]);
    assert_eq!(q["status"], "active");
    let groups: Vec<&str> = q["item"].as_array().into_iter().flatten().filter_map(|i| i["linkId"].as_str()).collect();
    let expected: Vec<&str> = rs.questionnaire.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, expected, "groups as in the web form");
    let mut ids = Vec::new();
    link_ids(&q["item"], &mut ids);
    let questions: Vec<String> =
        ids.iter().filter(|(_, t)| t != "group" && t != "display").map(|(i, _)| i.clone()).collect();
    let fields: Vec<String> = rs.questionnaire.questions.iter().map(|q| q.target.path()).collect();
    assert_eq!(questions, fields, "one item per answer field, linkId = the field, catalogue order");
    assert!(questions.contains(&"preferences.pressure".to_owned()));
    // the skip logic: pregnancy is asked unless male; the pregnancy details when pregnant
    let mut all = Vec::new();
    fn flatten(items: &Value, out: &mut Vec<Value>) {
        for i in items.as_array().into_iter().flatten() {
            out.push(i.clone());
            flatten(&i["item"], out);
        }
    }
    flatten(&q["item"], &mut all);
    let item = |id: &str| all.iter().find(|i| i["linkId"] == id).cloned().unwrap_or_default();
    assert_eq!(
        item("pregnancy")["enableWhen"],
        json!([{ "question": "sex", "operator": "!=", "answerCoding": { "code": "male" } }])
    );
    assert_eq!(item("labour_signs")["enableWhen"][0]["answerCoding"]["code"], "pregnant");
    assert_eq!(item("leg_pain_worse_than_back")["enableBehavior"], "any");
    // safety questions are never hidden: every warning-sign question is always enabled
    for i in item("warning_signs")["item"].as_array().into_iter().flatten() {
        assert!(i.get("enableWhen").is_none(), "{}", i["linkId"]);
    }
    assert_eq!(item("age")["type"], "integer");
    assert_eq!(item("duration_weeks")["type"], "decimal");
    assert_eq!(item("saddle_numbness")["type"], "boolean");
    assert_eq!(item("saddle_numbness")["required"], true);
    assert_eq!(item("preferences.style")["required"], false);
    let thinner = item("blood_thinner");
    let codes: Vec<&str> = thinner["answerOption"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["valueCoding"]["code"].as_str())
        .collect();
    assert_eq!(codes, ["none", "aspirin_low_dose", "antiplatelet", "anticoagulant"]);
}

#[tokio::test]
async fn every_public_vignette_through_assess_matches_the_vignette_and_the_api() {
    let mut app = TestApp::new();
    let q = assert_fhir(&app.get(Q).await, StatusCode::OK, "Questionnaire");
    let triage_system =
        assert_fhir(&app.get("/fhir/CodeSystem/triage").await, StatusCode::OK, "CodeSystem")["url"].clone();
    let finding_system =
        assert_fhir(&app.get("/fhir/CodeSystem/finding").await, StatusCode::OK, "CodeSystem")["url"].clone();
    let all = vignettes();
    assert!(all.len() >= 30, "the public vignettes");
    let mut left_out = 0;
    for v in &all {
        let id = v["id"].as_str().unwrap_or_default();
        let mut skipped = Vec::new();
        let qr = response_for(&q, &v["answers"], &mut skipped);
        left_out += skipped.len();
        let r = post(&mut app, ASSESS, "application/fhir+json", &qr.to_string()).await;
        let ra = assert_fhir(&r, StatusCode::OK, "RiskAssessment");
        assert_eq!(ra["status"], "final");
        assert_eq!(ra["subject"]["reference"], "Patient/example", "{id}: subject copied");
        let coding = &ra["prediction"][0]["qualitativeRisk"]["coding"][0];
        assert_eq!(coding["system"], triage_system, "{id}");
        assert_eq!(coding["code"], v["expected"]["triage"], "{id}: triage");

        let findings: Vec<&str> = ra["prediction"]
            .as_array()
            .into_iter()
            .flatten()
            .skip(1)
            .map(|p| {
                assert_eq!(p["outcome"]["coding"][0]["system"], finding_system, "{id}");
                assert!(!p["rationale"].as_str().unwrap_or_default().is_empty(), "{id}: rationale");
                p["outcome"]["coding"][0]["code"].as_str().unwrap_or_default()
            })
            .collect();
        for f in v["expected"]["findings"].as_array().into_iter().flatten() {
            assert!(findings.contains(&f.as_str().unwrap_or_default()), "{id}: finding {f} among {findings:?}");
        }

        // the same as the JSON API says for the same answers
        let api = parse(&app.post_json("/api/v1/assessments", &v["answers"].to_string()).await);
        assert_eq!(coding["code"], api["triage"], "{id}: same triage as the API");
        let api_findings: Vec<&str> =
            api["findings"].as_array().into_iter().flatten().filter_map(|f| f["id"].as_str()).collect();
        assert_eq!(findings, api_findings, "{id}: same findings, same order");
        let precautions: Vec<&str> =
            api["precautions"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let mitigation = ra["mitigation"].as_str().unwrap_or_default();
        let lines: Vec<&str> = mitigation.lines().filter_map(|l| l.split(':').next()).collect();
        assert_eq!(lines, precautions, "{id}: mitigation lists the API's precautions");
        // sources: each finding's citations
        for (p, f) in ra["prediction"]
            .as_array()
            .into_iter()
            .flatten()
            .skip(1)
            .zip(api["findings"].as_array().into_iter().flatten())
        {
            let labels: Vec<&str> = p["extension"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["valueRelatedArtifact"]["label"].as_str())
                .collect();
            let sources: Vec<&str> = f["sources"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            assert_eq!(labels, sources, "{id}: sources of {}", f["id"]);
        }
    }
    assert!(left_out > 0, "some vignettes leave out questions their enableWhen disables");
}

#[tokio::test]
async fn invalid_responses_name_each_bad_link_id_and_never_a_value() {
    let mut app = TestApp::new();
    let q = parse(&app.get(Q).await);
    let answers = crate::support::vignette("A01");
    let mut qr = response_for(&q, &answers, &mut Vec::new());
    // break five items: a missing answer, an out-of-range number, a code that is not an
    // option, a wrong value type, and an item the Questionnaire does not have
    let groups = qr["item"].as_array_mut().unwrap_or_else(|| unreachable!());
    for g in groups.iter_mut() {
        let items = g["item"].as_array_mut().unwrap_or_else(|| unreachable!());
        items.retain(|i| i["linkId"] != "age");
        for i in items.iter_mut() {
            match i["linkId"].as_str().unwrap_or_default() {
                "pain_now" => i["answer"] = json!([{ "valueInteger": 4711 }]),
                "sex" => i["answer"] = json!([{ "valueCoding": { "code": "zebra-quokka" } }]),
                "saddle_numbness" => i["answer"] = json!([{ "valueString": "platypus-yes" }]),
                _ => {}
            }
        }
    }
    groups[0]["item"].as_array_mut().unwrap_or_else(|| unreachable!()).push(json!({
        "linkId": "favourite_colour",
        "answer": [{ "valueString": "teal-axolotl" }],
    }));
    let r = post(&mut app, ASSESS, "application/json", &qr.to_string()).await;
    let oo = assert_fhir(&r, StatusCode::UNPROCESSABLE_ENTITY, "OperationOutcome");
    let named: BTreeSet<&str> = oo["issue"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            assert_eq!(i["severity"], "error");
            assert_eq!(i["expression"].as_array().map(Vec::len), Some(1), "one linkId per issue: {i}");
            i["expression"][0].as_str().unwrap_or_default()
        })
        .collect();
    assert_eq!(named, BTreeSet::from(["age", "pain_now", "sex", "saddle_numbness", "favourite_colour"]));
    assert_eq!(oo["issue"].as_array().map(Vec::len), Some(5), "one issue per bad linkId: {}", r.body);
    for secret in ["4711", "zebra-quokka", "platypus-yes", "teal-axolotl"] {
        assert!(!r.body.contains(secret), "a value is never repeated: {secret} in {}", r.body);
    }
    let codes: Vec<&str> = oo["issue"].as_array().into_iter().flatten().filter_map(|i| i["code"].as_str()).collect();
    assert!(codes.contains(&"required"), "{codes:?}");

    // an inconsistency names its field too
    let mut answers = crate::support::vignette("A01");
    answers["blood_thinner"] = json!("none");
    answers["blood_thinner_problem"] = json!(true);
    // an EHR would not ask blood_thinner_problem (disabled); send it anyway
    let mut qr = response_for(&q, &answers, &mut Vec::new());
    for g in qr["item"].as_array_mut().into_iter().flatten() {
        if g["linkId"] == "health" {
            g["item"].as_array_mut().unwrap_or_else(|| unreachable!()).push(json!({
                "linkId": "blood_thinner_problem", "answer": [{ "valueBoolean": true }]
            }));
        }
    }
    let r = post(&mut app, ASSESS, "application/fhir+json", &qr.to_string()).await;
    let oo = assert_fhir(&r, StatusCode::UNPROCESSABLE_ENTITY, "OperationOutcome");
    assert_eq!(oo["issue"][0]["expression"][0], "blood_thinner_problem", "{}", r.body);

    // not JSON: 400; not a JSON media type: 415; not a QuestionnaireResponse: 422 — all
    // OperationOutcomes
    let r = post(&mut app, ASSESS, "application/fhir+json", "{ not json").await;
    assert_fhir(&r, StatusCode::BAD_REQUEST, "OperationOutcome");
    let r = post(&mut app, ASSESS, "text/plain", &qr.to_string()).await;
    assert_fhir(&r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "OperationOutcome");
    let r = post(&mut app, ASSESS, "application/fhir+json", r#"{"resourceType":"Patient"}"#).await;
    assert_fhir(&r, StatusCode::UNPROCESSABLE_ENTITY, "OperationOutcome");
    // a response that is not completed, or to another Questionnaire
    let mut other = response_for(&q, &crate::support::vignette("A01"), &mut Vec::new());
    other["status"] = json!("in-progress");
    other["questionnaire"] = json!("http://example.org/Questionnaire/phq-9");
    let r = post(&mut app, ASSESS, "application/fhir+json", &other.to_string()).await;
    let oo = assert_fhir(&r, StatusCode::UNPROCESSABLE_ENTITY, "OperationOutcome");
    let named: BTreeSet<&str> =
        oo["issue"].as_array().into_iter().flatten().filter_map(|i| i["expression"][0].as_str()).collect();
    assert_eq!(named, BTreeSet::from(["questionnaire", "status"]));
}

#[tokio::test]
async fn assess_takes_a_parameters_resource_too() {
    let mut app = TestApp::new();
    let q = parse(&app.get(Q).await);
    let qr = response_for(&q, &crate::support::vignette("A01"), &mut Vec::new());
    let params = json!({ "resourceType": "Parameters", "parameter": [{ "name": "response", "resource": qr }] });
    let r = post(&mut app, ASSESS, "application/fhir+json; fhirVersion=4.0", &params.to_string()).await;
    let ra = assert_fhir(&r, StatusCode::OK, "RiskAssessment");
    assert_eq!(ra["prediction"][0]["qualitativeRisk"]["coding"][0]["code"], "emergency");
}

/// The python with `fhir.resources` (R4): `LUMBAR_FHIR_PYTHON`, else the venv scripts/test
/// makes in the workspace's target folder, else `python3`.
fn validator_python() -> PathBuf {
    if let Some(p) = std::env::var_os("LUMBAR_FHIR_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fhir-venv/bin/python");
    if venv.exists() { venv } else { PathBuf::from("python3") }
}

#[tokio::test]
async fn served_resources_pass_an_independent_fhir_r4_validator() {
    let mut app = TestApp::new();
    let dir = std::env::temp_dir().join(format!("lumbar-fhir-validate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let write = |name: &str, v: &Value| {
        std::fs::write(dir.join(format!("{name}.json")), serde_json::to_string_pretty(v).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    for (name, path) in [
        ("capability-statement", "/fhir/metadata"),
        ("questionnaire", Q),
        ("codesystem-triage", "/fhir/CodeSystem/triage"),
        ("codesystem-finding", "/fhir/CodeSystem/finding"),
        ("operation-definition", "/fhir/OperationDefinition/Questionnaire-assess"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        write(name, &parse(&r));
    }
    let q = parse(&app.get(Q).await);
    // a RiskAssessment for every public vignette (every finding, precautions, notes), and the
    // responses that produced them
    for v in vignettes() {
        let id = v["id"].as_str().unwrap_or_default().to_owned();
        let qr = response_for(&q, &v["answers"], &mut Vec::new());
        write(&format!("response-{id}"), &qr);
        let r = post(&mut app, ASSESS, "application/fhir+json", &qr.to_string()).await;
        assert_eq!(r.status, StatusCode::OK, "{id}: {}", r.body);
        write(&format!("risk-assessment-{id}"), &parse(&r));
    }
    // OperationOutcomes: invalid answers, not found, not JSON
    let mut bad = response_for(&q, &crate::support::vignette("A01"), &mut Vec::new());
    bad["item"][0]["item"].as_array_mut().unwrap_or_else(|| unreachable!()).remove(0);
    let r = post(&mut app, ASSESS, "application/fhir+json", &bad.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    write("outcome-invalid", &parse(&r));
    write("outcome-not-found", &parse(&app.get("/fhir/Patient/1").await));
    write("outcome-not-json", &parse(&post(&mut app, ASSESS, "application/fhir+json", "nope").await));

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fhir_validate.py");
    let python = validator_python();
    let out = std::process::Command::new(&python).arg(&script).arg(&dir).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {} ({e}): the FHIR R4 validator needs Python with fhir.resources 6.4.0; run scripts/test, \
             or: python3 -m venv target/fhir-venv && target/fhir-venv/bin/python -m pip install \
             'fhir.resources==6.4.0' 'pydantic>=1.10,<2'",
            python.display()
        )
    });
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the FHIR R4 validator ({}) failed:\n{stdout}\n{stderr}", python.display());
    let validated = stdout.lines().filter(|l| l.contains(": valid ")).count();
    let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(validated, files, "every file validated:\n{stdout}");
    assert!(stdout.contains("FHIR 4.0.1"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ── A saved check as a QuestionnaireResponse download ──────────────────────────────────────

/// A person with a session cookie in `app`'s jar and a personal API token; (id, token secret).
async fn signed_in(app: &mut TestApp, store: &dyn lumbar_store::Store, email: &str) -> (i64, String) {
    use lumbar_web::accounts::{session, tokens};
    const NOW: &str = "2026-11-25T12:00:00Z";
    let user = store.create_user(email, "not-a-password-hash", lumbar_store::Role::Person, NOW).await.unwrap().unwrap();
    let token = tokens::new_secret(32);
    store.create_session(&tokens::hash("session", &token), user, 0, i64::MAX).await.unwrap();
    app.cookies.insert(session::COOKIE.to_owned(), token);
    let api = tokens::new_secret(32);
    store.create_api_token(user, "clinic export", &tokens::hash(session::API, &api), NOW).await.unwrap();
    (user, api)
}

/// Walks the check with a vignette and keeps it; returns the saved check's id.
async fn keep(app: &mut TestApp, store: &dyn lumbar_store::Store, user: i64, id: &str) -> i64 {
    let result = crate::support::result_page(app, &crate::support::vignette(id)).await;
    let form = vec![
        ("csrf".to_owned(), result.csrf()),
        ("consent".to_owned(), lumbar_web::routes::journal::PRIVACY_VERSION.to_owned()),
    ];
    let r = app.post_form_raw("/my-back/checks", &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{id}: {}", r.body);
    store.checks(user).await.unwrap()[0].id
}

async fn get_with(app: &mut TestApp, path: &str, bearer: Option<&str>) -> Resp {
    let mut req = Request::get(path);
    if let Some(t) = bearer {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    app.send(req.body(Body::empty()).unwrap_or_default()).await
}

#[tokio::test]
async fn a_saved_check_downloads_as_a_questionnaire_response_that_assesses_the_same() {
    let store: std::sync::Arc<dyn lumbar_store::Store> = std::sync::Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = TestApp::with_store(store.clone());
    let (user, api) = signed_in(&mut app, store.as_ref(), "exporter@example.org").await;
    let q = assert_fhir(&app.get(Q).await, StatusCode::OK, "Questionnaire");
    let canonical = format!("{}|{}", q["url"].as_str().unwrap_or_default(), q["version"].as_str().unwrap_or_default());
    let dir = std::env::temp_dir().join(format!("lumbar-fhir-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut checks = Vec::new();
    for id in ["A08", "A13", "A22", "A29"] {
        let check = keep(&mut app, store.as_ref(), user, id).await;
        checks.push(check);
        let path = format!("/my-back/checks/{check}/questionnaire-response");
        // the session's download and the API token's are the same document
        let r = app.get(&path).await;
        let qr = assert_fhir(&r, StatusCode::OK, "QuestionnaireResponse");
        assert_eq!(r.header("content-disposition"), format!("attachment; filename=\"lumbar-check-{check}.json\""));
        assert_eq!(r.header("cache-control"), "no-store");
        let mut bare = TestApp::with_store(store.clone());
        let by_token = get_with(&mut bare, &path, Some(&api)).await;
        assert_eq!(by_token.status, StatusCode::OK, "{id}: {}", by_token.body);
        assert_eq!(parse(&by_token), qr, "{id}");
        assert_eq!(qr["questionnaire"], canonical.as_str(), "{id}");
        assert_eq!(qr["status"], "completed");
        assert!(qr["authored"].as_str().is_some_and(|d| d.len() == 10), "{id}: the check's day");
        // items nested as the Questionnaire's groups, in its order
        let groups: Vec<&Value> = q["item"].as_array().into_iter().flatten().collect();
        for item in qr["item"].as_array().into_iter().flatten() {
            let group = groups.iter().find(|g| g["linkId"] == item["linkId"]).unwrap_or_else(|| panic!("{item}"));
            for child in item["item"].as_array().into_iter().flatten() {
                let question = group["item"]
                    .as_array()
                    .and_then(|qs| qs.iter().find(|x| x["linkId"] == child["linkId"]))
                    .unwrap_or_else(|| panic!("{id}: {} not in {}", child["linkId"], item["linkId"]));
                assert_eq!(child["answer"].as_array().map(Vec::len), Some(1), "{id}");
                let key = match question["type"].as_str().unwrap_or_default() {
                    "boolean" => "valueBoolean",
                    "integer" => "valueInteger",
                    "decimal" => "valueDecimal",
                    _ => "valueCoding",
                };
                assert!(child["answer"][0].get(key).is_some(), "{id}: {} as {key}", child["linkId"]);
            }
        }
        // round trip: $assess gives the vignette's triage
        let r = post(&mut app, ASSESS, "application/fhir+json", &qr.to_string()).await;
        let ra = assert_fhir(&r, StatusCode::OK, "RiskAssessment");
        let expected = vignettes().into_iter().find(|v| v["id"] == id).unwrap_or_default();
        assert_eq!(ra["prediction"][0]["qualitativeRisk"]["coding"][0]["code"], expected["expected"]["triage"], "{id}");
        std::fs::write(dir.join(format!("export-{id}.json")), serde_json::to_string_pretty(&qr).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    // the link on My back, next to each check
    let page = app.get("/my-back").await;
    for check in &checks {
        assert!(page.hrefs().contains(&format!("/my-back/checks/{check}/questionnaire-response")), "{}", page.body);
    }
    assert!(page.body.contains("Download as FHIR"), "{}", page.body);

    // anyone else: 404, by session, by API token, or anonymous
    let path = format!("/my-back/checks/{}/questionnaire-response", checks[0]);
    let mut other = TestApp::with_store(store.clone());
    let (_, other_api) = signed_in(&mut other, store.as_ref(), "someone-else@example.org").await;
    assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND);
    let mut anon = TestApp::with_store(store.clone());
    assert_eq!(get_with(&mut anon, &path, Some(&other_api)).await.status, StatusCode::NOT_FOUND);
    let r = anon.get(&path).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.body.contains("QuestionnaireResponse"));
    assert_eq!(app.get("/my-back/checks/999999/questionnaire-response").await.status, StatusCode::NOT_FOUND);

    // the independent FHIR R4 validator accepts every export
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fhir_validate.py");
    let python = validator_python();
    let out = std::process::Command::new(&python).arg(&script).arg(&dir).output().unwrap_or_else(|e| {
        panic!("cannot run {} ({e}): see served_resources_pass_an_independent_fhir_r4_validator", python.display())
    });
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the FHIR R4 validator ({}) failed:\n{stdout}\n{stderr}", python.display());
    assert_eq!(stdout.lines().filter(|l| l.contains(": valid ")).count(), checks.len(), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}
