//! The rule set as data: lookups by id, texts in both languages, the size limits the engine
//! relies on (fired state for at most 128 rules, precautions as bits of a `u32`), and how a
//! load error reads.

use lumbar_core::screening::{Answers, Ruleset, RulesetFiles, TextLang, Triage};

use super::rule_table::benign_json;
use super::ruleset;

#[test]
fn lookups_by_id() {
    let rs = ruleset();
    let r = rs.rule("not_adult").expect("not_adult");
    assert_eq!(r.id, "not_adult");
    assert_eq!(r.level, Some(Triage::SeeProviderFirst));
    assert_eq!(rs.rule("cauda_equina").unwrap().level, Some(Triage::Emergency));
    assert_eq!(rs.rule("chronic_pain_evidence").unwrap().level, None);
    assert!(rs.rule("no_such_rule").is_none());
    let s = rs.source("CHERKIN-2011").expect("CHERKIN-2011");
    assert_eq!(s.id, "CHERKIN-2011");
    assert!(s.citation.contains("Cherkin"), "{}", s.citation);
    assert!(rs.source("NOPE-2000").is_none());
    let p = rs.precaution("avoid_fistula_arm").expect("avoid_fistula_arm");
    assert_eq!(p.id, "avoid_fistula_arm");
    assert!(p.label.to_lowercase().contains("arm"), "{}", p.label);
    assert!(rs.precaution("gentle").is_none());
}

#[test]
fn texts_in_english_and_spanish() {
    let rs = ruleset();
    let r = rs.rule("chest_symptoms").unwrap();
    assert_eq!(r.title_in(TextLang::En), r.title);
    assert_eq!(r.title_in(TextLang::Es), r.title_es);
    assert_eq!(r.explanation_in(TextLang::En), r.explanation);
    assert_eq!(r.explanation_in(TextLang::Es), r.explanation_es);
    assert_eq!(r.action_in(TextLang::En), r.action);
    assert_eq!(r.action_in(TextLang::Es), r.action_es);
    assert_ne!(r.title, r.title_es);
    assert!(r.action_es.contains("911"));
    let p = rs.precaution("light_pressure").unwrap();
    assert_eq!(p.label_in(TextLang::En), "Light pressure only");
    assert_eq!(p.label_in(TextLang::Es), "Solo presión suave");
    assert_eq!(p.for_therapist_in(TextLang::En), p.for_therapist);
    assert_eq!(p.for_therapist_in(TextLang::Es), p.for_therapist_es);
    assert_eq!(TextLang::default(), TextLang::En);
    assert_eq!(TextLang::Es.pick("en", "es"), "es");
}

/// `n` extra note rules after the shipped ones, each a copy of the last rule under a new id.
fn rules_with_extra(n: usize) -> String {
    let shipped = RulesetFiles::SHIPPED.rules;
    let start = shipped.rfind("[[rule]]\nid = \"chronic_pain_evidence\"").expect("last rule");
    let block = &shipped[start..];
    let mut out = shipped.to_owned();
    for i in 0..n {
        out.push('\n');
        out.push_str(&block.replace("id = \"chronic_pain_evidence\"", &format!("id = \"extra_note_{i}\"")));
    }
    out
}

fn load_problems(files: RulesetFiles<'_>) -> Vec<String> {
    match Ruleset::load(files) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

#[test]
fn at_most_128_rules() {
    let shipped = RulesetFiles::SHIPPED;
    let n = 128 - ruleset().rules.len();
    let rules = rules_with_extra(n);
    let rs = Ruleset::load(RulesetFiles { rules: &rules, ..shipped }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rs.rules.len(), 128);
    // and it runs: the extra notes fire with the one they copy
    let mut m = benign_json();
    m.insert("duration_weeks".into(), 20.into());
    let a = Answers::from_json(&serde_json::Value::Object(m)).unwrap();
    let out = rs.assess(&a);
    assert_eq!(out.findings.len(), 1 + n);
    assert_eq!(out.finding_rules().last().unwrap().id, "extra_note_69");
    let rules = rules_with_extra(n + 1);
    let p = load_problems(RulesetFiles { rules: &rules, ..shipped });
    assert!(p.iter().any(|p| p.contains("at most 128 rules")), "{p:#?}");
}

/// `n` extra precautions at the end of the vocabulary.
fn precautions_with_extra(n: usize) -> String {
    let mut out = RulesetFiles::SHIPPED.precautions.to_owned();
    for i in 0..n {
        out.push_str(&format!(
            "\n[[precaution]]\nid = \"extra_{i}\"\nlabel = \"Extra {i}\"\nfor_therapist = \"Extra {i}.\"\n\
             label_es = \"Extra {i}\"\nfor_therapist_es = \"Extra {i}.\"\n\
             [precaution.therapist]\navoid = \"A {i}.\"\nadapt = \"B {i}.\"\nstop_if = \"C {i}.\"\n\
             avoid_es = \"A {i}.\"\nadapt_es = \"B {i}.\"\nstop_if_es = \"C {i}.\"\nsources = [\"WERNER\"]\n"
        ));
    }
    out
}

#[test]
fn at_most_32_precautions() {
    let shipped = RulesetFiles::SHIPPED;
    let n = 32 - ruleset().precautions.len();
    let precautions = precautions_with_extra(n);
    // the last precaution of a full vocabulary (bit 31) still comes out
    let last = format!("extra_{}", n - 1);
    let rules = shipped.rules.replacen(
        "precautions = [\"gentle_on_numb_areas\"]",
        &format!("precautions = [\"gentle_on_numb_areas\", \"{last}\"]"),
        1,
    );
    assert_ne!(rules, shipped.rules);
    let rs = Ruleset::load(RulesetFiles { rules: &rules, precautions: &precautions, ..shipped })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rs.precautions.len(), 32);
    let mut m = benign_json();
    m.insert("diabetes_neuropathy".into(), true.into());
    let a = Answers::from_json(&serde_json::Value::Object(m)).unwrap();
    let out = rs.assess(&a);
    assert_eq!(out.precaution_ids().collect::<Vec<_>>(), ["gentle_on_numb_areas", last.as_str()]);
    let precautions = precautions_with_extra(n + 1);
    let p = load_problems(RulesetFiles { precautions: &precautions, ..shipped });
    assert!(p.iter().any(|p| p.contains("at most 32 precautions")), "{p:#?}");
}

#[test]
fn a_load_error_lists_every_problem_on_its_own_line() {
    let shipped = RulesetFiles::SHIPPED;
    let rules = shipped.rules.replacen("ruleset_version = \"2026.11.2\"", "ruleset_version = \" \"", 1).replacen(
        "style_sources = [\"CHERKIN-2011\"]",
        "style_sources = []",
        1,
    );
    assert_ne!(rules, shipped.rules);
    let e = Ruleset::load(RulesetFiles { rules: &rules, ..shipped }).expect_err("invalid");
    assert_eq!(e.problems.len(), 2, "{e}");
    assert!(e.problems.contains(&"rules.toml: ruleset_version is empty".to_owned()), "{e}");
    assert!(e.problems.contains(&"rules.toml: style_note cites no source".to_owned()), "{e}");
    let text = e.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "the screening rule set is invalid (2 problems):");
    assert_eq!(lines.len(), 3, "{text}");
    for (line, p) in lines[1..].iter().zip(&e.problems) {
        assert_eq!(*line, format!("  - {p}"));
    }
}

/// The shipped vocabulary with its first two entries (`light_pressure`, `no_deep_tissue`)
/// moved to the end.
fn vocabulary_reordered() -> String {
    let shipped = RulesetFiles::SHIPPED.precautions;
    let first = shipped.find("[[precaution]]\nid = \"light_pressure\"").expect("light_pressure");
    let third = shipped.find("[[precaution]]\nid = \"no_deep_leg_work\"").expect("no_deep_leg_work");
    format!("{}{}\n{}", &shipped[..first], &shipped[third..], &shipped[first..third])
}

#[test]
fn style_advice_finds_its_precautions_by_id_not_by_place() {
    // §2 styles rule 2 names the precautions; a vocabulary in another order gives the same advice
    let precautions = vocabulary_reordered();
    let rs = Ruleset::load(RulesetFiles { precautions: &precautions, ..RulesetFiles::SHIPPED })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rs.precautions[0].id, "no_deep_leg_work");
    assert_eq!(rs.precautions[11].id, "no_deep_tissue");
    let assess = |field: &str, value: serde_json::Value| {
        let mut m = benign_json();
        m.insert(field.into(), value);
        m.insert("duration_weeks".into(), 6.into());
        m.insert("preferences".into(), serde_json::json!({"style": "deep_tissue"}));
        let a = Answers::from_json(&serde_json::Value::Object(m)).unwrap();
        let out = rs.assess(&a);
        (out.precaution_ids().map(str::to_owned).collect::<Vec<_>>(), out.styles)
    };
    use lumbar_core::screening::Style::{DeepTissue, Swedish};
    // anticoagulant: light_pressure + no_deep_tissue → swedish only; ids in this vocabulary's order
    assert_eq!(
        assess("blood_thinner", "anticoagulant".into()),
        (vec!["light_pressure".to_owned(), "no_deep_tissue".to_owned()], vec![Swedish])
    );
    assert_eq!(assess("long_term_steroids", true.into()), (vec!["light_pressure".to_owned()], vec![Swedish]));
    // postpartum: no_deep_leg_work (now first in the vocabulary) is not a reason for swedish only
    assert_eq!(
        assess("pregnancy", "postpartum".into()),
        (vec!["no_deep_leg_work".to_owned()], vec![Swedish, DeepTissue])
    );
    assert_eq!(assess("osteoporosis", true.into()).0, ["no_spinal_thrust", "light_pressure", "no_deep_tissue"]);
}

#[test]
fn an_emergency_action_names_both_911_and_the_emergency_number_in_each_language() {
    // §2: emergency actions tell the person to call their local emergency number (911 in the
    // US); naming only one of the two is not enough, in English or in Spanish
    let en =
        "action = \"Call 911 (or your local emergency number) now. Do not drive yourself. Do not have a massage.\"";
    let es =
        "action_es = \"Llame ahora al 911 (o al número de emergencias local). No maneje usted. No se dé un masaje.\"";
    let problems = |from: &str, to: &str| {
        assert!(RulesetFiles::SHIPPED.rules.contains(from), "{from}");
        let rules = RulesetFiles::SHIPPED.rules.replacen(from, to, 1);
        load_problems(RulesetFiles { rules: &rules, ..RulesetFiles::SHIPPED })
    };
    let en_wrong = "rule `chest_symptoms`: an emergency action must tell the person to call 911";
    let es_wrong = "rule `chest_symptoms`: the Spanish emergency action must tell the person to call 911";
    for action in ["Call 911 now. Do not drive yourself.", "Call your local emergency number now."] {
        let p = problems(en, &format!("action = \"{action}\""));
        assert!(p.iter().any(|p| p.contains(en_wrong)), "{action}: {p:#?}");
        assert!(!p.iter().any(|p| p.contains(es_wrong)), "{action}: {p:#?}");
    }
    for action in ["Llame ahora al 911. No maneje usted.", "Llame ahora al número de emergencias local."] {
        let p = problems(es, &format!("action_es = \"{action}\""));
        assert!(p.iter().any(|p| p.contains(es_wrong)), "{action}: {p:#?}");
        assert!(!p.iter().any(|p| p.contains(en_wrong)), "{action}: {p:#?}");
    }
    // either language may say "Emergency"/"EMERGENCIA" in any case
    assert_eq!(problems(en, "action = \"Call 911, your EMERGENCY number, now.\""), Vec::<String>::new());
    assert_eq!(problems(es, "action_es = \"Llame al 911, su número de EMERGENCIAS.\""), Vec::<String>::new());
}
