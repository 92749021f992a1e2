//! The web questionnaire: step by step to a result, the emergency stop, validation,
//! follow-up questions, going back, and Spanish.

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{Resp, TestApp, strip_tags, vignette, walk};

fn set_cookies(r: &Resp) -> String {
    r.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("\n")
}

/// A22 with nothing that fires a finding: massage suitable.
fn suitable() -> Value {
    let mut a = vignette("A22");
    a["blood_thinner"] = "none".into();
    a["duration_weeks"] = 3.into();
    a
}

#[tokio::test]
async fn a22_walks_to_a_result_with_precautions() {
    let mut app = TestApp::new();
    let pages = walk(&mut app, &vignette("A22"), None).await;
    // One page per group (the blood-thinner follow-up waits on step 4 itself, revealed in
    // place once a blood thinner is chosen), then the result.
    let steps: Vec<usize> =
        pages.iter().filter_map(|p| (1..=5).find(|n| p.body.contains(&format!("Step {n} of 5")))).collect();
    assert_eq!(steps, [1, 2, 3, 4, 5], "steps seen");
    assert!(pages[3].body.contains("<div class=\"followup\">") && pages[3].body.contains("unstable INR"));
    assert!(pages[3].body.contains("value=\"anticoagulant\" data-reveals"), "a blood thinner reveals it");
    assert!(!pages[3].body.contains("value=\"none\" data-reveals"), "\"No\" does not");
    let result = pages.last().unwrap_or_else(|| unreachable!());
    assert_eq!(result.h1(), "Your result");
    let b = &result.body;
    assert!(b.contains("class=\"verdict verdict-massage_with_precautions\""));
    assert!(b.contains("Massage can be safe for you, with precautions"));
    assert!(b.contains("id=\"f-anticoagulant\""), "the finding");
    assert!(b.contains("Light pressure only") && b.contains("No deep tissue work"), "precaution labels");
    assert!(b.contains("Use light to moderate pressure throughout"), "what the therapist is told");
    assert!(b.contains("Swedish (relaxation) massage") && !b.contains("Deep tissue massage</li>"), "styles");
    assert!(b.contains("helped about equally"), "style note");
    assert!(b.contains("NCCIH-MASSAGE") && b.contains("href=\"https://www.nccih.nih.gov/"), "finding sources, linked");
    assert!(b.contains("4 out of 10 (mild)"), "pain in words");
    assert!(b.contains("Chronic: more than 12 weeks"), "duration in words");
    assert!(b.contains("What massage can and cannot do for you") && b.contains("does not fix a disc"));
    assert!(b.contains("Stop and get medical help at once"), "safety net");
    assert!(b.contains("href=\"/find\"") && b.contains("Find a therapist for me"), "find a therapist");
    assert!(b.contains("href=\"/intake\"") && b.contains("Prepare for your visit"), "the intake summary");
    assert!(!b.contains("href=\"/find?") && !b.contains("name=\"ans."), "answers never in a link or the page");
    assert!(b.contains("action=\"/feedback\"") && b.contains("name=\"helpful\""), "feedback form");
    assert!(!b.contains('⟦'));
}

#[tokio::test]
async fn nothing_found_is_massage_suitable() {
    let mut app = TestApp::new();
    let pages = walk(&mut app, &suitable(), None).await;
    let b = &pages.last().unwrap_or_else(|| unreachable!()).body;
    assert!(b.contains("class=\"verdict verdict-massage_suitable\""), "{b}");
    assert!(b.contains("Acute: less than 4 weeks"));
    assert!(b.contains("href=\"/find\""));
}

#[tokio::test]
async fn referral_says_see_a_clinician_and_does_not_link_the_finder() {
    let mut app = TestApp::new();
    let mut a = suitable();
    a["leg_pain_on_walking"] = "eased_by_sitting_or_bending".into();
    let pages = walk(&mut app, &a, None).await;
    let b = &pages.last().unwrap_or_else(|| unreachable!()).body;
    assert!(b.contains("class=\"verdict verdict-see_provider_first\""));
    assert!(b.contains("id=\"f-stenosis_suspected\""));
    assert!(b.contains("See a clinician first"));
    assert!(!b.contains("href=\"/find") && !b.contains("action=\"/find\""), "no finder when massage is not advisable");
    assert!(!b.contains("href=\"/intake\""), "no intake summary either");
    assert!(!b.contains("Precautions for your massage"));
}

#[tokio::test]
async fn the_web_result_matches_the_api() {
    for id in ["A01", "A22", "A05", "A10", "A15", "A30"] {
        let answers = vignette(id);
        let mut app = TestApp::new();
        let api = app.post_json("/api/v1/assessments", &answers.to_string()).await;
        let assessment: Value = serde_json::from_str(&api.body).unwrap_or_default();
        let pages = walk(&mut app, &answers, None).await;
        let last = pages.last().unwrap_or_else(|| unreachable!());
        let triage = assessment["triage"].as_str().unwrap_or("");
        if triage == "emergency" {
            assert!(last.body.contains("class=\"stop\""), "{id}: stop page");
            continue;
        }
        assert!(last.body.contains(&format!("class=\"verdict verdict-{triage}\"")), "{id}: triage {triage}");
        for f in assessment["findings"].as_array().into_iter().flatten() {
            let fid = f["id"].as_str().unwrap_or("");
            assert!(last.body.contains(&format!("id=\"f-{fid}\"")), "{id}: finding {fid}");
        }
    }
}

#[tokio::test]
async fn saddle_numbness_stops_at_step_one_and_asks_nothing_more() {
    let mut app = TestApp::new();
    let first = app.get("/check").await;
    let mut pairs = first.hidden_of("check-form");
    pairs.push(("saddle_numbness".into(), "true".into()));
    pairs.push(("nav".into(), "next".into()));
    let stop = app.post_form("/check", &pairs).await;
    assert_eq!(stop.status, StatusCode::OK);
    assert_eq!(stop.h1(), "Stop: get emergency help now");
    let b = &stop.body;
    assert!(b.contains("Call 911 (or your local emergency number) now"));
    assert!(b.contains("Do not drive yourself"));
    assert!(b.contains("id=\"f-cauda_equina\""), "the finding explained");
    assert!(b.contains("NHS-BACK"), "with its sources");
    let visible: Vec<_> = stop.inputs().into_iter().filter(|(t, _, _)| t != "hidden").collect();
    assert!(visible.is_empty(), "nothing else to fill in: {visible:?}");
    assert!(!b.contains("value=\"next\"") && !b.contains("<textarea"), "no questions, no forms to fill");
}

#[tokio::test]
async fn an_unanswered_step_names_each_question() {
    let mut app = TestApp::new();
    let first = app.get("/check").await;
    let mut pairs = first.hidden_of("check-form");
    pairs.push(("nav".into(), "next".into()));
    let r = app.post_form("/check", &pairs).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("There is a problem"));
    assert!(r.body.contains("<title>Error: Step 1 of 5"), "title says error");
    let start = r.body.find("error-summary").unwrap_or(0);
    let end = r.body[start..].find("</ul>").map_or(r.body.len(), |j| start + j);
    let summary = strip_tags(&r.body[start..end]);
    assert!(summary.contains("new numbness or tingling around your genitals"), "names the question: {summary}");
    assert!(summary.contains("Choose one answer."), "says how to fix it");
    assert!(r.body.contains("href=\"#q-saddle_numbness\""), "links to the question");
    assert!(r.body.contains("id=\"q-saddle_numbness-error\""), "message at the question");
    assert!(r.body.contains("aria-invalid=\"true\""));
}

/// Answers every step-one question "no" / first option and returns the step-two page.
async fn to_step_two(app: &mut TestApp) -> crate::support::Resp {
    let first = app.get("/check").await;
    let mut pairs = first.hidden_of("check-form");
    let a = vignette("A22");
    for name in first.visible_names() {
        let v = &a[&name];
        if !v.is_null() {
            pairs.push((name, v.as_str().map_or_else(|| v.to_string(), str::to_owned)));
        }
    }
    pairs.push(("nav".into(), "next".into()));
    app.post_form("/check", &pairs).await
}

#[tokio::test]
async fn invalid_age_and_duration_get_clear_messages_and_keep_what_was_typed() {
    let mut app = TestApp::new();
    let step2 = to_step_two(&mut app).await;
    assert!(step2.body.contains("Step 2 of 5"));
    let mut pairs = step2.hidden_of("check-form");
    pairs.push(("age".into(), "abc".into()));
    pairs.push(("sex".into(), "male".into()));
    pairs.push(("nav".into(), "next".into()));
    let r = app.post_form("/check", &pairs).await;
    assert!(r.body.contains("How old are you?"));
    assert!(r.body.contains("Enter a whole number from 0 to 120."), "{}", r.body);
    assert!(r.body.contains("value=\"abc\""), "what was typed stays");
    assert!(r.body.contains("value=\"male\" checked"), "valid answers stay");

    let mut pairs = r.hidden_of("check-form");
    pairs.push(("age".into(), "40".into()));
    pairs.push(("sex".into(), "male".into()));
    pairs.push(("nav".into(), "next".into()));
    let step3 = app.post_form("/check", &pairs).await;
    assert!(step3.body.contains("Step 3 of 5"));
    let mut pairs = step3.hidden_of("check-form");
    pairs.push(("duration_weeks".into(), "soon".into()));
    pairs.push(("nav".into(), "next".into()));
    let r = app.post_form("/check", &pairs).await;
    assert!(r.body.contains("How long has this episode of back pain lasted?"));
    assert!(r.body.contains("Start with a number"));
    assert!(r.body.contains("Choose a number from 0 to 10."), "the unanswered scales too");
}

#[tokio::test]
async fn pregnancy_questions_follow_on_the_same_step() {
    let mut app = TestApp::new();
    let step2 = to_step_two(&mut app).await;
    let mut pairs = step2.hidden_of("check-form");
    pairs.push(("age".into(), "31".into()));
    pairs.push(("sex".into(), "female".into()));
    pairs.push(("nav".into(), "next".into()));
    // The follow-up is on the page from the start, hidden until "Female" or "Intersex" is
    // chosen (CSS); sent without it, the step asks it again, as an error.
    assert!(step2.body.contains("Are you pregnant"), "waiting in place");
    assert!(
        step2.body.contains("value=\"female\" data-reveals") && !step2.body.contains("value=\"male\" data-reveals")
    );
    let r = app.post_form("/check", &pairs).await;
    assert!(r.body.contains("Step 2 of 5"), "same step");
    assert!(r.body.contains("error-summary") && r.body.contains("href=\"#q-pregnancy\""), "pregnancy now asked");
    assert!(r.body.contains("<div class=\"followup followup-open\">"), "and shown");
    let mut pairs = r.hidden_of("check-form");
    pairs.extend([
        ("age".into(), "31".into()),
        ("sex".into(), "female".into()),
        ("pregnancy".into(), "pregnant".into()),
    ]);
    pairs.push(("nav".into(), "next".into()));
    let r = app.post_form("/check", &pairs).await;
    assert!(r.body.contains("high-risk") && r.body.contains("come and go in waves"), "both pregnancy follow-ups");
    let mut pairs = r.hidden_of("check-form");
    pairs.extend([("age".into(), "31".into()), ("sex".into(), "male".into())]);
    pairs.push(("nav".into(), "next".into()));
    let r = app.post_form("/check", &pairs).await;
    assert!(r.body.contains("Step 3 of 5"), "changing sex to male drops the pregnancy questions");
    let back = app.get("/check/2").await;
    assert!(!back.body.contains("value=\"pregnant\" checked"), "and their answers");
}

#[tokio::test]
async fn back_keeps_the_answers() {
    let mut app = TestApp::new();
    let step2 = to_step_two(&mut app).await;
    let mut pairs = step2.hidden_of("check-form");
    pairs.push(("nav".into(), "back".into()));
    let back = app.post_form("/check", &pairs).await;
    assert!(back.body.contains("Step 1 of 5"));
    assert!(
        back.body.contains("id=\"q-saddle_numbness-1\" name=\"saddle_numbness\" value=\"false\" checked"),
        "answer kept"
    );
}

#[tokio::test]
async fn the_check_in_spanish() {
    let mut app = TestApp::new();
    let r = app.get("/check?lang=es").await;
    assert!(r.body.contains("<html lang=\"es\">"));
    assert!(r.body.contains("Paso 1 de 5") && r.body.contains("Continuar"));
    assert!(set_cookies(&r).contains("lumbar_lang=es"));
    assert!(r.body.contains("<label for=\"q-saddle_numbness\">Sí</label>"), "yes/no in Spanish");
    assert!(r.body.contains("Desde que empezó este dolor de espalda"), "the questions are in Spanish");
    assert!(!r.body.contains("lang=\"en\">Since this back pain began"), "no English question left");
    // The cookie keeps Spanish; the result page chrome is Spanish too.
    let pages = walk(&mut app, &vignette("A22"), Some("2 años")).await;
    let result = pages.last().unwrap_or_else(|| unreachable!());
    assert_eq!(result.h1(), "Su resultado");
    assert!(result.body.contains("El masaje puede ser seguro para usted, con precauciones"));
    assert!(result.body.contains("Crónico: más de 12 semanas"));
    assert!(result.body.contains("Buscar un masajista"));
    assert!(!result.body.contains('⟦'));
}

#[tokio::test]
async fn switching_language_mid_check_keeps_the_answers() {
    let mut app = TestApp::new();
    let step2 = to_step_two(&mut app).await;
    let mut pairs = step2.hidden_of("check-form");
    pairs.push(("age".into(), "55".into()));
    pairs.push(("nav".into(), "lang:es".into()));
    let r = app.post_form("/check", &pairs).await;
    assert!(r.body.contains("Paso 2 de 5"));
    assert!(r.body.contains("value=\"55\""), "typed answer kept");
    assert_eq!(app.cookies.get("lumbar_lang").map(String::as_str), Some("es"), "the language is remembered");
    assert!(r.body.contains("form=\"check-form\" name=\"nav\" value=\"lang:en\""), "switch back is a form button");
}

#[tokio::test]
async fn a_damaged_or_repeated_field_is_refused() {
    let mut app = TestApp::new();
    let first = app.get("/check").await;
    for extra in [
        vec![("saddle_numbness", "true"), ("saddle_numbness", "false")],
        vec![("step", "0")],
        vec![("none", "yes")],
        vec![("nav", "sideways")],
    ] {
        let mut pairs = first.hidden_of("check-form");
        pairs.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        let r = app.post_form("/check", &pairs).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{extra:?}");
        assert_eq!(r.h1(), "Something went wrong with the form");
    }
}

#[tokio::test]
async fn a_draft_cookie_that_does_not_open_is_refused_and_the_person_starts_again() {
    let mut app = TestApp::new();
    let _ = to_step_two(&mut app).await;
    let sealed = app.cookies.get("lumbar_draft").cloned().unwrap_or_default();
    assert!(!sealed.is_empty() && !sealed.contains("false"), "a sealed draft, not readable");
    // one changed character
    let mut changed = sealed.into_bytes();
    let last = changed.len() - 1;
    changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
    app.cookies.insert("lumbar_draft".into(), String::from_utf8(changed).unwrap_or_default());
    let r = app.get("/check/2").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Your earlier answers could not be used"), "{}", r.body);
    assert!(!r.body.contains("checked"), "nothing guessed from it");
    assert!(!app.cookies.contains_key("lumbar_draft"), "the cookie is deleted");
}

#[tokio::test]
async fn every_page_is_a_get_and_a_post_answers_see_other() {
    let mut app = TestApp::new();
    let first = app.get("/check").await;
    let mut pairs = first.hidden_of("check-form");
    pairs.extend([("saddle_numbness".to_owned(), "false".to_owned()), ("nav".to_owned(), "next".to_owned())]);
    let r = app.post_form_raw("/check", &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), "/check", "back to step 1: other questions are unanswered");
    let cookie = set_cookies(&r);
    assert!(cookie.contains("lumbar_draft=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(cookie.contains("Max-Age=10800"), "three hours: {cookie}");
    assert!(!cookie.contains("saddle"), "sealed");
    // The same page again (Reload), with the error and the answer given.
    let again = app.get("/check").await;
    assert!(again.body.contains("error-summary") && again.body.contains("value=\"false\" checked"));
    // Result and later steps are not reachable before their time.
    let r = app.get("/check/result").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check"));
    let r = app.get("/check/4").await;
    assert_eq!((r.status, r.header("location")), (StatusCode::SEE_OTHER, "/check"));
    assert_eq!(app.get("/check/9").await.status, StatusCode::NOT_FOUND);
    // "Forget my answers" deletes the draft.
    let r = app.post_form_raw("/check/forget", &[("csrf".to_owned(), first.csrf())]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(set_cookies(&r).contains("lumbar_draft=; Path=/; Max-Age=0"));
}

/// The `<main>` tag of a page.
fn main_tag(r: &Resp) -> String {
    let start = r.body.find("<main ").unwrap_or_else(|| panic!("no <main> in {}", r.body));
    let end = r.body[start..].find('>').map_or(r.body.len(), |j| start + j + 1);
    r.body[start..end].to_owned()
}

/// What comes first inside `<main>`.
fn first_in_main(r: &Resp) -> String {
    let tag = main_tag(r);
    let at = r.body.find(&tag).unwrap_or(0) + tag.len();
    let rest = r.body[at..].trim_start();
    rest[..rest.find('>').map_or(rest.len(), |j| j + 1)].to_owned()
}

/// The outcome as machine-readable attributes on `<main>`: (triage, findings).
fn outcome_of(r: &Resp) -> (String, String) {
    let tag = main_tag(r);
    let attr = |name: &str| {
        let key = format!(" {name}=\"");
        let i = tag.find(&key).map(|i| i + key.len()).unwrap_or_else(|| panic!("no {name} on {tag}"));
        tag[i..i + tag[i..].find('"').unwrap_or(0)].to_owned()
    };
    (attr("data-triage"), attr("data-findings"))
}

// Expected values written by hand from shared/clinical/vignettes-public.json (beside the checkout).
#[tokio::test]
async fn the_outcome_is_machine_readable_on_main() {
    let cases: [(&str, &str, &str); 4] = [
        ("A01", "emergency", "cauda_equina"),
        // the note fires on the answers too: pain for more than 12 weeks (two years here)
        ("A22", "massage_with_precautions", "anticoagulant chronic_pain_evidence"),
        ("A08", "urgent_medical", "spinal_infection_suspected kidney_or_visceral_pain urinary_symptoms"),
        ("A30", "massage_suitable", ""),
    ];
    for (id, triage, findings) in cases {
        let mut app = TestApp::new();
        let pages = walk(&mut app, &vignette(id), None).await;
        let last = pages.last().unwrap_or_else(|| unreachable!());
        assert_eq!(outcome_of(last), (triage.to_owned(), findings.to_owned()), "{id}");
        assert_eq!(last.body.contains("class=\"stop\""), triage == "emergency", "{id}: the stop page for emergencies");
        for page in &pages[..pages.len() - 1] {
            assert!(!main_tag(page).contains("data-"), "{id}: only the outcome pages carry it");
        }
    }
    let mut app = TestApp::new();
    let home = app.get("/").await;
    assert!(!main_tag(&home).contains("data-triage"), "other pages unchanged");
}

#[tokio::test]
async fn the_stop_page_starts_with_the_call_and_undoes_a_mistake() {
    let mut app = TestApp::new();
    let first = app.get("/check").await;
    let mut pairs = first.hidden_of("check-form");
    pairs.extend([
        ("saddle_numbness".into(), "true".into()),
        ("trauma".into(), "none".into()),
        ("chest_pain_or_breathless".into(), "false".into()),
        ("nav".into(), "next".into()),
    ]);
    let stop = app.post_form("/check", &pairs).await;
    assert_eq!(stop.h1(), "Stop: get emergency help now");
    assert_eq!(outcome_of(&stop), ("emergency".to_owned(), "cauda_equina".to_owned()));
    // The first thing in <main>, and the first link there, is the call.
    assert_eq!(first_in_main(&stop), "<a class=\"button button-call\" href=\"tel:911\">");
    let main_at = stop.body.find("<main ").unwrap_or(0);
    let first_link = stop.body[main_at..].find("<a ").map(|i| &stop.body[main_at + i..]).unwrap_or("");
    assert!(
        first_link.starts_with("<a class=\"button button-call\" href=\"tel:911\">Call 911</a>"),
        "{first_link:.80}"
    );

    // "I answered this by mistake": back to the question, nothing guessed, the rest kept.
    assert!(stop.body.contains("I answered this by mistake"));
    let mistake = stop.hidden_of_action("/check/mistake");
    assert_eq!(mistake.len(), 1, "only the CSRF token: the answers stay in the draft: {mistake:?}");
    let step = app.post_form("/check/mistake", &mistake).await;
    assert_eq!(step.status, StatusCode::OK);
    assert!(step.body.contains("Step 1 of 5"), "the same question");
    assert!(step.body.contains("We cleared the answers that led to the emergency page."));
    assert!(!step.body.contains("error-summary"), "no error: the person answers again");
    assert!(!step.body.contains("name=\"saddle_numbness\" value=\"true\" checked"), "not guessed");
    assert!(!step.body.contains("name=\"saddle_numbness\" value=\"false\" checked"), "not guessed either way");
    assert!(step.body.contains("name=\"trauma\" value=\"none\" checked"), "the other answers kept");
    // Answering the same again stops again.
    let mut again = step.hidden_of("check-form");
    again.extend([
        ("saddle_numbness".into(), "true".into()),
        ("trauma".into(), "none".into()),
        ("chest_pain_or_breathless".into(), "false".into()),
        ("nav".into(), "next".into()),
    ]);
    let stop = app.post_form("/check", &again).await;
    assert_eq!(stop.h1(), "Stop: get emergency help now");
}

#[tokio::test]
async fn the_stop_page_in_spanish() {
    let mut app = TestApp::new();
    let first = app.get("/check?lang=es").await;
    let mut pairs = first.hidden_of("check-form");
    pairs.extend([("saddle_numbness".into(), "true".into()), ("nav".into(), "next".into())]);
    let stop = app.post_form("/check", &pairs).await;
    assert!(stop.body.contains("<html lang=\"es\">"));
    assert!(stop.body.contains("href=\"tel:911\">Llamar al 911</a>"));
    assert!(stop.body.contains("Respondí esto por error"));
    assert!(stop.body.contains("¿Eligió una respuesta por error?"));
    assert!(!stop.body.contains('⟦'));
    let back = stop.hidden_of_action("/check/mistake");
    let step = app.post_form("/check/mistake", &back).await;
    assert!(step.body.contains("Paso 1 de 5") && step.body.contains("Hemos borrado las respuestas"));
}
