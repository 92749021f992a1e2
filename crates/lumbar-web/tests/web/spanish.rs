//! Every page in Spanish, and every rule's finding rendered on a Spanish page: no text of the
//! rule set may show in English there. The English texts come from the rule set's data (what
//! must be absent); what must be present is each fired rule's Spanish form, which must differ
//! from its English, plus a few Spanish phrases written here by hand. Findings are reached
//! through the public vignettes and, for rules no vignette fires, through answers found by
//! changing one or two answers of a vignette; the rules actually shown are read back from the
//! pages (`data-findings`), and every rule of the rule set must have been shown.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use lumbar_core::screening::questions::{Input, Target};
use lumbar_core::screening::{Answers, Ruleset, Triage};
use serde_json::Value;

use crate::support::{Resp, TestApp, ruleset, strip_tags, vignette, walk};

const REVIEW_NOTE: &str = "Traducción pendiente de revisión clínica";

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every person-facing English text of the rule set, with where it comes from.
fn english_texts(rs: &Ruleset) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for r in &rs.rules {
        out.push((format!("rule {} title", r.id), squash(&r.title)));
        out.push((format!("rule {} explanation", r.id), squash(&r.explanation)));
        out.push((format!("rule {} action", r.id), squash(&r.action)));
    }
    for p in &rs.precautions {
        out.push((format!("precaution {} label", p.id), squash(&p.label)));
        out.push((format!("precaution {} for_therapist", p.id), squash(&p.for_therapist)));
    }
    out.push(("safety_net".into(), squash(&rs.safety_net)));
    out.push(("style_note".into(), squash(&rs.style_note)));
    out
}

/// The page's text with the `lang="en"` marks that stay on Spanish pages removed: the
/// language switcher's "English" and the citations (titles of English publications).
fn lang_en_left(body: &str) -> usize {
    body.replace(" lang=\"en\">English<", "")
        .replace("<li lang=\"en\"><span class=\"cite-id\">", "")
        .matches(" lang=\"en\"")
        .count()
}

/// Checks one Spanish page; `strict` pages (the check, result, stop, intake and evidence)
/// may carry no other `lang="en"`.
fn check_page(what: &str, r: &Resp, english: &[(String, String)], strict: bool) {
    assert_eq!(r.status, StatusCode::OK, "{what}: {}", r.body);
    assert!(r.body.contains("<html lang=\"es\">"), "{what} is not in Spanish");
    assert!(!r.body.contains('⟦'), "{what} has a missing message");
    let text = strip_tags(&r.body);
    for (from, en) in english {
        assert!(!text.contains(en.as_str()), "{what} shows the English {from}: `{en}`");
    }
    assert!(text.contains(REVIEW_NOTE), "{what} lacks the footer note on the translation");
    if strict {
        assert_eq!(lang_en_left(&r.body), 0, "{what} still marks text as English:\n{}", r.body);
    }
}

/// The rule ids on `<main data-findings="…">`.
fn shown_findings(r: &Resp) -> Vec<String> {
    let Some(i) = r.body.find("data-findings=\"") else { return Vec::new() };
    let rest = &r.body[i + "data-findings=\"".len()..];
    rest[..rest.find('"').unwrap_or(0)].split_whitespace().map(str::to_owned).collect()
}

/// Every rule shown on a Spanish result or stop page is there in Spanish.
fn check_findings_in_spanish(what: &str, r: &Resp, rs: &Ruleset) -> Vec<String> {
    let text = strip_tags(&r.body);
    let ids = shown_findings(r);
    for id in &ids {
        let rule = rs.rule(id).unwrap_or_else(|| panic!("{what}: unknown rule {id}"));
        for (name, en, es) in [
            ("title", &rule.title, &rule.title_es),
            ("explanation", &rule.explanation, &rule.explanation_es),
            ("action", &rule.action, &rule.action_es),
        ] {
            assert_ne!(squash(en), squash(es), "rule {id}: the Spanish {name} is the English one");
            assert!(text.contains(&squash(es)), "{what}: rule {id}'s Spanish {name} is not shown");
        }
    }
    ids
}

/// The answers of every public vignette, by id.
fn vignettes() -> Vec<(String, Value)> {
    let text = include_str!("../../../lumbar-core/tests/data/vignettes-public.json");
    let all: Value = serde_json::from_str(text).unwrap_or_default();
    all["vignettes"]
        .as_array()
        .map(|vs| vs.iter().filter_map(|v| Some((v["id"].as_str()?.to_owned(), v["answers"].clone()))).collect())
        .unwrap_or_default()
}

/// Answers that fire `rule` on top of a page (with no emergency, unless the rule is one,
/// since the stop page shows only emergencies), made by changing one answer of a vignette, or
/// two of the first few, to a value the questionnaire offers; at most `n`.
fn answers_firing(rs: &Ruleset, rule: &str, bases: &[(String, Value)], n: usize) -> Vec<Value> {
    let mut fields: Vec<(String, Vec<Value>)> = Vec::new();
    for q in &rs.questionnaire.questions {
        let Target::Answer(_) = q.target else { continue };
        let values: Vec<Value> = match q.input {
            Input::YesNo => vec![Value::Bool(true), Value::Bool(false)],
            Input::Choice => q.options.iter().map(|o| Value::from(o.value.as_str())).collect(),
            Input::Scale => vec![Value::from(2), Value::from(9)],
            Input::Number => vec![Value::from(16), Value::from(45), Value::from(75)],
            Input::Duration => vec![Value::from(2), Value::from(20)],
        };
        fields.push((q.target.path(), values));
    }
    let emergency = rs.rule(rule).is_some_and(|r| r.level == Some(Triage::Emergency));
    let shows = |a: &Value| {
        let Ok(answers) = Answers::from_json(a) else { return false };
        let assessment = rs.assess(&answers);
        let fired: Vec<_> = assessment.finding_rules().collect();
        fired.iter().any(|r| r.id == rule) && (emergency || fired.iter().all(|r| r.level != Some(Triage::Emergency)))
    };
    let mut found = Vec::new();
    for (_, base) in bases {
        for (k, vs) in &fields {
            for v in vs {
                let mut a = base.clone();
                a[k.as_str()] = v.clone();
                if shows(&a) {
                    found.push(a);
                    if found.len() == n {
                        return found;
                    }
                }
            }
        }
    }
    // Two changes are tried on a few vignettes only (the search grows with the square).
    for (_, base) in bases.iter().take(3) {
        for (i, (k1, vs1)) in fields.iter().enumerate() {
            for (k2, vs2) in &fields[i + 1..] {
                for v1 in vs1 {
                    for v2 in vs2 {
                        let mut a = base.clone();
                        a[k1.as_str()] = v1.clone();
                        a[k2.as_str()] = v2.clone();
                        if shows(&a) {
                            found.push(a);
                            if found.len() == n {
                                return found;
                            }
                        }
                    }
                }
            }
        }
    }
    found
}

/// Walks the check in Spanish with these answers; checks every page, and the intake summary
/// when the result offers one; then forgets the answers. Returns the rules shown.
async fn walk_in_spanish(app: &mut TestApp, what: &str, answers: &Value, english: &[(String, String)]) -> Vec<String> {
    let rs = ruleset();
    let start = app.get("/check?lang=es").await;
    check_page(&format!("{what}: step 1"), &start, english, true);
    let pages = walk(app, answers, None).await;
    for (i, p) in pages.iter().enumerate() {
        check_page(&format!("{what}: page {}", i + 1), p, english, true);
    }
    let last = pages.last().unwrap_or_else(|| unreachable!());
    let shown = check_findings_in_spanish(what, last, &rs);
    if last.body.contains("href=\"/intake\"") {
        let intake = app.get("/intake").await;
        check_page(&format!("{what}: intake"), &intake, english, true);
    }
    // The next walk is another person's: "Forget my answers" (the draft would otherwise
    // lead back to this result or stop page).
    let forget = app.post_form_raw("/check/forget", &[("csrf".into(), last.csrf())]).await;
    assert_eq!(forget.status, StatusCode::SEE_OTHER, "{what}: forget");
    assert!(!app.cookies.contains_key("lumbar_draft"), "{what}: the draft is gone");
    shown
}

#[tokio::test]
async fn the_static_pages_in_spanish_have_no_english_rule_text_and_say_the_translation_awaits_review() {
    let rs = ruleset();
    let english = english_texts(&rs);
    let mut app = TestApp::new();
    for (path, strict) in
        [("/", false), ("/evidence", true), ("/about", false), ("/privacy", false), ("/disclaimer", false)]
    {
        let r = app.get(&format!("{path}?lang=es")).await;
        check_page(path, &r, &english, strict);
    }
    // English pages carry no such note.
    let en = app.get("/evidence?lang=en").await;
    assert!(!en.body.contains(REVIEW_NOTE) && !en.body.contains("data-translation-review"));
    assert!(rs.es_review.is_some(), "the data marks the Spanish texts as awaiting clinical review");
}

#[tokio::test]
async fn every_rule_finding_renders_in_spanish() {
    let rs = ruleset();
    let english = english_texts(&rs);
    let bases = vignettes();
    let mut app = TestApp::new();
    let mut shown: BTreeSet<String> = BTreeSet::new();
    for (id, answers) in &bases {
        shown.extend(walk_in_spanish(&mut app, id, answers, &english).await);
    }
    for rule in &rs.rules {
        if shown.contains(&rule.id) {
            continue;
        }
        let candidates = answers_firing(&rs, &rule.id, &bases, 4);
        for (n, answers) in candidates.iter().enumerate() {
            shown.extend(walk_in_spanish(&mut app, &format!("{} #{n}", rule.id), answers, &english).await);
            if shown.contains(&rule.id) {
                break;
            }
        }
    }
    let missing: Vec<&str> = rs.rules.iter().map(|r| r.id.as_str()).filter(|id| !shown.contains(*id)).collect();
    assert!(missing.is_empty(), "never shown on a Spanish page: {missing:?}");
}

#[tokio::test]
async fn spanish_texts_written_by_hand_appear() {
    let mut app = TestApp::new();
    app.get("/check?lang=es").await;
    // A22: an anticoagulant; light pressure, no deep tissue.
    let pages = walk(&mut app, &vignette("A22"), None).await;
    let result = strip_tags(&pages.last().unwrap_or_else(|| unreachable!()).body);
    for part in [
        "Usted toma un anticoagulante",
        "Solo presión suave",
        "Sin trabajo de tejido profundo",
        "Cuándo parar y buscar ayuda",
        "Pare y busque ayuda médica de inmediato",
        REVIEW_NOTE,
    ] {
        assert!(result.contains(part), "`{part}` in:\n{result}");
    }
    // A01: cauda equina stops the check and says to call 911, in Spanish.
    let pages = walk(&mut app, &vignette("A01"), None).await;
    let stop = strip_tags(&pages.last().unwrap_or_else(|| unreachable!()).body);
    assert!(stop.contains("la cola de caballo"), "{stop}");
    assert!(stop.contains("Llame al 911 (o al número de emergencias local)"), "{stop}");
}

/// The question catalogue's Spanish lives in `i18n/es/questions.ftl`: every group, question,
/// help text and option label the check can show has its Spanish message.
#[test]
fn every_question_of_the_catalogue_has_its_spanish_form() {
    use lumbar_web::i18n::{I18n, Lang};
    let rs = ruleset();
    let i18n = I18n::load();
    let mut missing = Vec::new();
    let mut need = |key: String| {
        if i18n.message(Lang::Es, &key, &[]).is_none() {
            missing.push(key);
        }
    };
    for g in &rs.questionnaire.groups {
        need(format!("g-{}-title", g.id));
        need(format!("g-{}-intro", g.id));
    }
    for q in &rs.questionnaire.questions {
        let key = format!("q-{}", q.target.path().replace('.', "-"));
        if q.help.is_some() {
            need(format!("{key}-help"));
        }
        if matches!(q.input, Input::Choice | Input::YesNo) {
            for o in q.options.iter().filter(|o| !(q.input == Input::YesNo && (o.label == "Yes" || o.label == "No"))) {
                need(format!("{key}-opt-{}", o.value));
            }
        }
        need(key);
    }
    assert!(missing.is_empty(), "no Spanish for: {missing:?}");
}
