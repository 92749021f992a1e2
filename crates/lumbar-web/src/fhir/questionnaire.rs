//! The screening as a Questionnaire with SDC rendering extensions (item control `help`,
//! min/max, unit), generated from the question catalogue. It does not claim the SDC
//! profile in `meta.profile`: it has not been validated against it.
//!
//! - one `group` item per catalogue group (`linkId` = the group id), its intro as a `display`
//!   item, then its questions in catalogue order;
//! - each question's `linkId` is its answer field (`age`, `preferences.pressure`), its `type`
//!   follows the field (`boolean`, `integer` with min/max, `decimal` weeks, `choice` with the
//!   contract's words as `answerOption` codes), `required` for every answer field (preferences
//!   are optional), help text as a `display` child with item control `help`;
//! - `ask_when` becomes `enableWhen` (+ `enableBehavior`) where the condition is a simple
//!   comparison, a one-level `and`/`or` of them, or a set test. A condition that cannot be
//!   written so leaves the question **enabled** (a safety question is never hidden) and is
//!   carried as text in the [`ASK_WHEN_EXTENSION`] extension.

use lumbar_core::screening::Ruleset;
use lumbar_core::screening::condition::{Cond, Op};
use lumbar_core::screening::fields::{Field, FieldKind};
use lumbar_core::screening::questions::{Input, Question, Target};
use serde_json::{Map, Value, json};

use super::questionnaire_url;

/// The extension carrying an `ask_when` that `enableWhen` cannot express (the item stays
/// enabled).
pub const ASK_WHEN_EXTENSION: &str = "urn:lumbar:fhir:StructureDefinition:ask-when";

const ITEM_CONTROL: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const ITEM_CONTROL_SYSTEM: &str = "http://hl7.org/fhir/questionnaire-item-control";
const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
const UNIT: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";

/// The `linkId` of a question: its answer field's JSON path.
pub fn link_id(q: &Question) -> String {
    q.target.path()
}

/// The Questionnaire resource.
pub fn questionnaire(rs: &Ruleset, base: &str) -> Value {
    let qn = &rs.questionnaire;
    let mut groups = Vec::new();
    for (g, group) in qn.groups.iter().enumerate() {
        let mut items = vec![json!({
            "linkId": format!("{}.intro", group.id),
            "text": group.intro,
            "type": "display",
        })];
        for q in qn.questions.iter().filter(|q| q.group == g) {
            items.push(question_item(q));
        }
        groups.push(json!({
            "linkId": group.id,
            "text": group.title,
            "type": "group",
            "item": items,
        }));
    }
    json!({
        "resourceType": "Questionnaire",
        "id": super::QUESTIONNAIRE_ID,
        "url": questionnaire_url(base),
        "version": rs.version,
        "name": "LumbarScreening",
        "title": "Is massage safe for my back pain? (lumbar.screening/1)",
        "status": "active",
        "experimental": false,
        "subjectType": ["Patient"],
        "publisher": "lumbar",
        "description": "The lumbar safety screening for massage and low back pain. Every answer is required: a \
    missing warning-sign answer is never read as \"no\". Questions disabled by enableWhen may be left out; \
    $assess then uses the answer the skip stands for, as the web form does. Information, not a diagnosis.",
        "purpose": "Decide whether massage is advisable now, with which precautions, or whether to see a clinician first.",
        "item": groups,
    })
}

fn question_item(q: &Question) -> Value {
    let mut item = Map::new();
    item.insert("linkId".into(), link_id(q).into());
    item.insert("text".into(), q.text.clone().into());
    let mut extensions = Vec::new();
    let ty = match q.target.kind() {
        FieldKind::Bool => "boolean",
        FieldKind::Choice(_) => "choice",
        FieldKind::Int { min, max } => {
            extensions.push(json!({ "url": MIN_VALUE, "valueInteger": min }));
            extensions.push(json!({ "url": MAX_VALUE, "valueInteger": max }));
            "integer"
        }
        FieldKind::Number { min, max } => {
            extensions.push(json!({ "url": MIN_VALUE, "valueDecimal": min }));
            extensions.push(json!({ "url": MAX_VALUE, "valueDecimal": max }));
            extensions.push(json!({
                "url": UNIT,
                "valueCoding": { "system": "http://unitsofmeasure.org", "code": "wk", "display": "weeks" },
            }));
            "decimal"
        }
    };
    item.insert("type".into(), ty.into());
    item.insert("required".into(), matches!(q.target, Target::Answer(_)).into());
    if let FieldKind::Choice(_) = q.target.kind() {
        let options: Vec<Value> =
            q.options.iter().map(|o| json!({ "valueCoding": { "code": o.value, "display": o.label } })).collect();
        item.insert("answerOption".into(), options.into());
    }
    if let Some(cond) = &q.ask_when {
        match enable_when(cond) {
            Some((conditions, behavior)) => {
                item.insert("enableWhen".into(), conditions.into());
                if let Some(b) = behavior {
                    item.insert("enableBehavior".into(), b.into());
                }
            }
            None => extensions.push(json!({ "url": ASK_WHEN_EXTENSION, "valueString": cond_text(cond) })),
        }
    }
    if !extensions.is_empty() {
        item.insert("extension".into(), extensions.into());
    }
    let help = match q.input {
        Input::Duration => Some("In weeks; fractions for days (3 days = 0.43).".to_owned()),
        _ => q.help.clone(),
    };
    if let Some(help) = help {
        item.insert(
            "item".into(),
            json!([{
                "linkId": format!("{}.help", link_id(q)),
                "text": help,
                "type": "display",
                "extension": [{
                    "url": ITEM_CONTROL,
                    "valueCodeableConcept": { "coding": [{ "system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button" }] },
                }],
            }]),
        );
    }
    Value::Object(item)
}

/// `enableWhen` entries and `enableBehavior` (`None` when there is one entry) for a
/// condition, or `None` when FHIR's `enableWhen` cannot express it.
pub fn enable_when(cond: &Cond) -> Option<(Vec<Value>, Option<&'static str>)> {
    match cond {
        Cond::And(parts) | Cond::Or(parts) => {
            let behavior = if matches!(cond, Cond::And(_)) { "all" } else { "any" };
            let mut out = Vec::new();
            for p in parts {
                match p {
                    // a set test is an `or` itself: only inside an `or`
                    Cond::In(..) if behavior == "all" => return None,
                    _ => out.extend(atom(p)?),
                }
            }
            Some((out, Some(behavior)))
        }
        Cond::In(..) => {
            let out = atom(cond)?;
            let behavior = if out.len() > 1 { Some("any") } else { None };
            Some((out, behavior))
        }
        other => Some((atom(other)?, None)),
    }
}

/// One comparison as `enableWhen` entries (several for a set test, to be or-ed).
fn atom(cond: &Cond) -> Option<Vec<Value>> {
    let entry = |f: Field, op: &str, answer: (&str, Value)| {
        let mut m = Map::new();
        m.insert("question".into(), f.name().into());
        m.insert("operator".into(), op.into());
        m.insert(answer.0.into(), answer.1);
        Value::Object(m)
    };
    match cond {
        Cond::Flag(f) => Some(vec![entry(*f, "=", ("answerBoolean", true.into()))]),
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Flag(f) => Some(vec![entry(*f, "=", ("answerBoolean", false.into()))]),
            _ => None,
        },
        Cond::Cmp(f, op, v) => {
            if f.spec().derived {
                return None;
            }
            let sym = match op {
                Op::Eq => "=",
                Op::Ne => "!=",
                Op::Lt => "<",
                Op::Le => "<=",
                Op::Gt => ">",
                Op::Ge => ">=",
            };
            let answer = match f.spec().kind {
                FieldKind::Bool if matches!(op, Op::Eq | Op::Ne) => ("answerBoolean", (*v != 0.0).into()),
                FieldKind::Choice(words) if matches!(op, Op::Eq | Op::Ne) => {
                    ("answerCoding", json!({ "code": words.get(*v as usize)? }))
                }
                FieldKind::Int { .. } => ("answerInteger", (*v as i64).into()),
                FieldKind::Number { .. } => ("answerDecimal", json!(v)),
                _ => return None,
            };
            Some(vec![entry(*f, sym, answer)])
        }
        Cond::In(f, bits) => {
            let FieldKind::Choice(words) = f.spec().kind else { return None };
            if f.spec().derived {
                return None;
            }
            Some(
                words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, w)| entry(*f, "=", ("answerCoding", json!({ "code": w }))))
                    .collect(),
            )
        }
        _ => None,
    }
}

/// A condition as text (for the extension on an item whose condition `enableWhen` cannot
/// express).
fn cond_text(cond: &Cond) -> String {
    let value = |f: &Field, v: f64| match f.spec().kind {
        FieldKind::Bool => (v != 0.0).to_string(),
        FieldKind::Choice(words) => words.get(v as usize).copied().unwrap_or("?").to_owned(),
        _ => v.to_string(),
    };
    match cond {
        Cond::And(cs) => format!("({})", cs.iter().map(cond_text).collect::<Vec<_>>().join(" and ")),
        Cond::Or(cs) => format!("({})", cs.iter().map(cond_text).collect::<Vec<_>>().join(" or ")),
        Cond::Not(c) => format!("not {}", cond_text(c)),
        Cond::Flag(f) => f.name().to_owned(),
        Cond::Cmp(f, op, v) => {
            let sym = match op {
                Op::Eq => "==",
                Op::Ne => "!=",
                Op::Lt => "<",
                Op::Le => "<=",
                Op::Gt => ">",
                Op::Ge => ">=",
            };
            format!("{} {sym} {}", f.name(), value(f, *v))
        }
        Cond::In(f, bits) => {
            let FieldKind::Choice(words) = f.spec().kind else { return f.name().to_owned() };
            let set: Vec<&str> =
                words.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, w)| *w).collect();
            format!("{} in {{{}}}", f.name(), set.join(", "))
        }
        Cond::Fired(_) => "fired(…)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs() -> Ruleset {
        Ruleset::shipped().unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn items(q: &Value) -> Vec<Value> {
        fn walk(items: &Value, out: &mut Vec<Value>) {
            for i in items.as_array().into_iter().flatten() {
                out.push(i.clone());
                walk(&i["item"], out);
            }
        }
        let mut out = Vec::new();
        walk(&q["item"], &mut out);
        out
    }

    #[test]
    fn every_answer_field_is_one_item_and_link_ids_are_unique() {
        let rs = rs();
        let q = questionnaire(&rs, "https://example.org/fhir");
        let all = items(&q);
        let mut ids: Vec<&str> = all.iter().filter_map(|i| i["linkId"].as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "unique linkIds");
        for question in &rs.questionnaire.questions {
            let id = link_id(question);
            let item = all.iter().find(|i| i["linkId"] == id.as_str()).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(item["required"], matches!(question.target, Target::Answer(_)), "{id}");
        }
        assert_eq!(q["version"], rs.version.as_str());
    }

    #[test]
    fn every_shipped_condition_is_expressed_as_enable_when() {
        let rs = rs();
        for question in rs.questionnaire.questions.iter().filter(|q| q.ask_when.is_some()) {
            let cond = question.ask_when.as_ref().unwrap_or_else(|| unreachable!());
            assert!(enable_when(cond).is_some(), "{}: {}", link_id(question), cond_text(cond));
        }
    }

    #[test]
    fn conditions_enable_when_cannot_express_keep_the_item_enabled() {
        let c =
            Cond::parse("(sex == male or pregnancy == no) and age > 3", &|_| None).unwrap_or_else(|e| panic!("{e}"));
        assert!(enable_when(&c).is_none());
        let c = Cond::parse("pain_spread_left != back_only or pain_spread_right != back_only", &|_| None)
            .unwrap_or_else(|e| panic!("{e}"));
        let (entries, behavior) = enable_when(&c).unwrap_or_else(|| panic!("expressible"));
        assert_eq!(behavior, Some("any"));
        assert_eq!(entries[0]["operator"], "!=");
        assert_eq!(entries[0]["answerCoding"]["code"], "back_only");
    }
}
