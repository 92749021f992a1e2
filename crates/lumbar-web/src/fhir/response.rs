//! A `QuestionnaireResponse` to the screening Questionnaire → the answers object of
//! `lumbar.screening/1` (what `POST /api/v1/assessments` takes).
//!
//! Items are read as the Questionnaire nests them: a group item (`linkId` = group id) holds
//! its questions; a question is found by its `linkId` (the answer field). A question left out
//! because its `enableWhen` is false on the given answers gets the value its skip stands for
//! (`when_skipped` in the catalogue), exactly as the web form does; a question left out
//! otherwise stays missing and the contract's parser reports it — unless whether it applies
//! depends on an answer that is itself missing or unreadable (that one is reported; the
//! question is decided once it is fixed). Problems name the `linkId`
//! and never repeat a value (answers are health data). The result still goes through
//! [`Answers::from_json`](lumbar_core::screening::Answers::from_json), so types, ranges and
//! consistency are checked by the one parser.

use lumbar_core::screening::condition::Tri;
use lumbar_core::screening::fields::{ALL_FIELDS, FieldKind};
use lumbar_core::screening::questions::{Question, Target};
use lumbar_core::screening::{FieldProblem, InvalidAnswers, Ruleset};
use serde_json::{Map, Value};

use super::QUESTIONNAIRE_ID;
use super::questionnaire::link_id;

fn problem(field: impl Into<String>, code: &'static str, text: impl Into<String>) -> FieldProblem {
    FieldProblem { field: field.into(), code, problem: text.into() }
}

/// The `QuestionnaireResponse` in a request body: the resource itself, or the `response`
/// parameter of a `Parameters` resource.
pub fn unwrap_parameters(body: &Value) -> &Value {
    if body["resourceType"] == "Parameters"
        && let Some(p) = body["parameter"].as_array().and_then(|ps| ps.iter().find(|p| p["name"] == "response"))
    {
        return &p["resource"];
    }
    body
}

/// Converts a response to the answers object, then parses it with the contract's parser.
/// Every problem is reported at once, each naming its `linkId` (`$` for the resource).
pub fn answers_from_response(rs: &Ruleset, qr: &Value) -> Result<Value, InvalidAnswers> {
    let mut problems = Vec::new();
    if qr["resourceType"] != "QuestionnaireResponse" {
        return Err(InvalidAnswers {
            fields: vec![problem(
                "$",
                "not_an_object",
                "send a QuestionnaireResponse (or a Parameters resource with it as `response`)",
            )],
        });
    }
    if let Some(canonical) = qr.get("questionnaire") {
        let url = canonical.as_str().unwrap_or("").split('|').next().unwrap_or("");
        if !url.ends_with(&format!("Questionnaire/{QUESTIONNAIRE_ID}")) {
            problems.push(problem(
                "questionnaire",
                "not_allowed",
                format!("must be the canonical URL of Questionnaire/{QUESTIONNAIRE_ID}"),
            ));
        }
    }
    match qr["status"].as_str() {
        Some("completed" | "amended") => {}
        _ => problems.push(problem("status", "not_allowed", "must be completed (or amended)")),
    }
    let qn = &rs.questionnaire;
    let mut found: Vec<(usize, &Value)> = Vec::new();
    walk(rs, &qr["item"], None, &mut found, &mut problems);

    // values of the questions answered, as JSON and as engine numbers
    let mut answers = Map::new();
    let mut preferences = Map::new();
    let mut engine: [Option<f64>; ALL_FIELDS] = [None; ALL_FIELDS];
    let mut bad: Vec<usize> = Vec::new();
    for &(qi, item) in &found {
        let q = &qn.questions[qi];
        match value_of(q, item) {
            Ok(v) => {
                if let Target::Answer(f) = q.target {
                    engine[f as usize] = engine_number(q.target.kind(), &v);
                }
                put(q, v, &mut answers, &mut preferences);
            }
            Err(p) => {
                bad.push(qi);
                problems.push(p);
            }
        }
    }
    // questions left out because they do not apply: the value their skip stands for
    let mut undecided: Vec<&str> = Vec::new();
    for (qi, q) in qn.questions.iter().enumerate() {
        let (Target::Answer(f), Some(cond), Some(skipped)) = (q.target, &q.ask_when, q.when_skipped) else {
            continue;
        };
        if found.iter().any(|(i, _)| *i == qi) || bad.contains(&qi) {
            continue;
        }
        let decided = cond.eval3(&engine, &[]);
        if decided == Tri::Unknown {
            // depends on an answer that is missing or unreadable, which is reported itself
            undecided.push(f.name());
        }
        if decided == Tri::False {
            let v = match q.target.kind() {
                FieldKind::Bool => Value::Bool(skipped != 0.0),
                FieldKind::Choice(words) => Value::String(words[skipped as usize].to_owned()),
                _ => continue,
            };
            engine[f as usize] = Some(skipped);
            answers.insert(f.name().to_owned(), v);
        }
    }
    if !preferences.is_empty() {
        answers.insert("preferences".into(), Value::Object(preferences));
    }
    let answers = Value::Object(answers);
    if let Err(e) = lumbar_core::screening::Answers::from_json(&answers) {
        // a value already reported as unreadable is not reported again as missing
        for p in e.fields {
            let undecidable = p.code == "missing" && undecided.contains(&p.field.as_str());
            if !undecidable && !problems.iter().any(|x| x.field == p.field) {
                problems.push(p);
            }
        }
    }
    if problems.is_empty() { Ok(answers) } else { Err(InvalidAnswers { fields: problems }) }
}

/// Collects the question items (with their catalogue index), checking the nesting.
fn walk<'v>(
    rs: &Ruleset,
    items: &'v Value,
    group: Option<usize>,
    found: &mut Vec<(usize, &'v Value)>,
    problems: &mut Vec<FieldProblem>,
) {
    let Some(items) = items.as_array() else {
        if !items.is_null() {
            problems.push(problem(
                group.map_or("item".to_owned(), |g| rs.questionnaire.groups[g].id.clone()),
                "wrong_type",
                "item must be a list",
            ));
        }
        return;
    };
    let qn = &rs.questionnaire;
    for item in items {
        let Some(id) = item["linkId"].as_str() else {
            problems.push(problem("item", "wrong_type", "every item needs a linkId"));
            continue;
        };
        if let Some(g) = qn.groups.iter().position(|x| x.id == id) {
            if group.is_some() {
                problems.push(problem(id, "not_allowed", "a group is not nested in another group"));
            }
            if found.iter().any(|(i, _)| qn.questions[*i].group == g) || item.get("answer").is_some() {
                problems.push(problem(id, "not_allowed", "a group appears once and holds items, not answers"));
            }
            walk(rs, &item["item"], Some(g), found, problems);
        } else if let Some(qi) = qn.questions.iter().position(|q| link_id(q) == id) {
            let q = &qn.questions[qi];
            if group != Some(q.group) {
                problems.push(problem(id, "not_allowed", format!("belongs in the group {}", qn.groups[q.group].id)));
            } else if found.iter().any(|(i, _)| *i == qi) {
                problems.push(problem(id, "not_allowed", "is answered twice"));
            } else {
                found.push((qi, item));
            }
        } else {
            problems.push(problem(
                id,
                "unknown_field",
                "is not an item of the lumbar-screening Questionnaire; remove it or check its spelling",
            ));
        }
    }
}

/// The JSON value of one answered question (not yet range-checked: the contract's parser
/// does that).
fn value_of(q: &Question, item: &Value) -> Result<Value, FieldProblem> {
    let id = link_id(q);
    let answers = item["answer"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let answer = match answers {
        [] => {
            return Err(problem(
                &id,
                "missing",
                format!("has no answer ({}); a missing answer is never read as \"no\"", q.target.kind().expectation()),
            ));
        }
        [one] => one,
        _ => return Err(problem(&id, "not_allowed", "takes one answer")),
    };
    let wrong = |what: &str| problem(&id, "wrong_type", format!("must be answered with {what}"));
    match q.target.kind() {
        FieldKind::Bool => {
            answer.get("valueBoolean").filter(|v| v.is_boolean()).cloned().ok_or_else(|| wrong("valueBoolean"))
        }
        FieldKind::Int { .. } => answer
            .get("valueInteger")
            .filter(|v| v.is_i64() || v.is_u64())
            .cloned()
            .ok_or_else(|| wrong("valueInteger")),
        FieldKind::Number { .. } => answer
            .get("valueDecimal")
            .or_else(|| answer.get("valueInteger"))
            .filter(|v| v.is_number())
            .cloned()
            .ok_or_else(|| wrong("valueDecimal (weeks)")),
        FieldKind::Choice(_) => answer
            .get("valueCoding")
            .and_then(|c| c.get("code"))
            .filter(|v| v.is_string())
            .cloned()
            .ok_or_else(|| wrong("valueCoding (one of the answerOption codes)")),
    }
}

/// Where a value goes in the answers object.
fn put(q: &Question, v: Value, answers: &mut Map<String, Value>, preferences: &mut Map<String, Value>) {
    match q.target {
        Target::Answer(f) => {
            answers.insert(f.name().to_owned(), v);
        }
        Target::Preference(_) => {
            let path = q.target.path();
            let key = path.strip_prefix("preferences.").unwrap_or(&path);
            preferences.insert(key.to_owned(), v);
        }
    }
}

/// The engine's number for a JSON value (for evaluating `ask_when`); `None` when the value
/// is not one the field can hold (the parser reports it).
pub(crate) fn engine_number(kind: FieldKind, v: &Value) -> Option<f64> {
    match kind {
        FieldKind::Bool => v.as_bool().map(|b| if b { 1.0 } else { 0.0 }),
        FieldKind::Choice(words) => v.as_str().and_then(|s| words.iter().position(|w| *w == s)).map(|i| i as f64),
        FieldKind::Int { .. } | FieldKind::Number { .. } => v.as_f64(),
    }
}
