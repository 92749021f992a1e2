//! A saved check's answers (the answers object of `lumbar.screening/1`) → a
//! `QuestionnaireResponse` to the screening Questionnaire: the intake a person downloads for
//! their clinician's system (issue #12 item 1).
//!
//! The inverse of [`super::response::answers_from_response`]: items nested exactly as the
//! Questionnaire's groups, one answer per `linkId` typed as the item (`valueBoolean`,
//! `valueInteger`, `valueDecimal`, or `valueCoding` copied from the item's `answerOption`),
//! groups without an answer left out, and a question left out when its `enableWhen` is false
//! on the answers already written (as an EHR filling the form would; `$assess` then gives it
//! the value its skip stands for). A condition `enableWhen` cannot express keeps the question
//! (the Questionnaire keeps it enabled), and so does one that cannot be decided. Round trip:
//! `answers_from_response(export(answers))` gives the answers back.

use lumbar_core::screening::Ruleset;
use lumbar_core::screening::condition::Tri;
use lumbar_core::screening::fields::{ALL_FIELDS, FieldKind};
use lumbar_core::screening::questions::{Question, Target};
use serde_json::{Value, json};

use super::questionnaire::{enable_when, link_id};
use super::questionnaire_url;
use super::response::engine_number;

/// The `QuestionnaireResponse` for a saved check: `answers` as the JSON API takes them,
/// `date` the check's day (`YYYY-MM-DD`, its `authored`), `base` the server's FHIR base.
pub fn response_from_answers(rs: &Ruleset, base: &str, answers: &Value, date: &str) -> Value {
    let qn = &rs.questionnaire;
    let mut engine: [Option<f64>; ALL_FIELDS] = [None; ALL_FIELDS];
    let mut groups = Vec::new();
    for (g, group) in qn.groups.iter().enumerate() {
        let mut items = Vec::new();
        for q in qn.questions.iter().filter(|q| q.group == g) {
            if let Some(cond) = &q.ask_when
                && enable_when(cond).is_some()
                && cond.eval3(&engine, &[]) == Tri::False
            {
                continue;
            }
            let Some(v) = value_in(answers, q) else { continue };
            let Some(answer) = answer_of(q, v) else { continue };
            if let Target::Answer(f) = q.target {
                engine[f as usize] = engine_number(q.target.kind(), v);
            }
            items.push(json!({ "linkId": link_id(q), "text": q.text, "answer": [answer] }));
        }
        if !items.is_empty() {
            groups.push(json!({ "linkId": group.id, "text": group.title, "item": items }));
        }
    }
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": format!("{}|{}", questionnaire_url(base), rs.version),
        "status": "completed",
        "authored": date,
        "item": groups,
    })
}

/// A question's value in the answers object (`preferences.style` inside `preferences`).
fn value_in<'a>(answers: &'a Value, q: &Question) -> Option<&'a Value> {
    let path = link_id(q);
    match path.strip_prefix("preferences.") {
        Some(key) if matches!(q.target, Target::Preference(_)) => answers.get("preferences")?.get(key),
        _ => answers.get(&path),
    }
    .filter(|v| !v.is_null())
}

/// One `answer` entry typed as the item; `None` for a value the item cannot hold.
fn answer_of(q: &Question, v: &Value) -> Option<Value> {
    Some(match q.target.kind() {
        FieldKind::Bool => json!({ "valueBoolean": v.as_bool()? }),
        FieldKind::Int { .. } => json!({ "valueInteger": v.as_i64()? }),
        FieldKind::Number { .. } => json!({ "valueDecimal": v.as_f64()? }),
        FieldKind::Choice(_) => {
            let code = v.as_str()?;
            let o = q.options.iter().find(|o| o.value == code)?;
            json!({ "valueCoding": { "code": o.value, "display": o.label } })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::response::answers_from_response;

    #[test]
    fn every_public_vignette_round_trips() {
        let rs = Ruleset::shipped().unwrap_or_else(|e| panic!("{e:?}"));
        let text = include_str!("../../../lumbar-core/tests/data/vignettes-public.json");
        let all: Value = serde_json::from_str(text).unwrap_or_default();
        let vignettes = all["vignettes"].as_array().cloned().unwrap_or_default();
        assert!(vignettes.len() >= 30);
        for v in vignettes {
            let id = &v["id"];
            // what a saved check holds: the answers as the parser writes them back
            let answers = lumbar_core::screening::Answers::from_json(&v["answers"])
                .unwrap_or_else(|e| panic!("{id}: {e:?}"))
                .to_json();
            let qr = response_from_answers(&rs, "https://example.org/fhir", &answers, "2026-11-25");
            assert_eq!(qr["authored"], "2026-11-25");
            let back = answers_from_response(&rs, &qr).unwrap_or_else(|e| panic!("{id}: {e:?}"));
            let back = lumbar_core::screening::Answers::from_json(&back).unwrap_or_else(|e| panic!("{id}: {e:?}"));
            assert_eq!(back.to_json(), answers, "{id}");
        }
    }
}
