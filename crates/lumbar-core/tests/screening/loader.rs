//! The rule set is data checked at start-up: each kind of mistake in the data is an error
//! that names the entry, and the generated rules document is current.

use lumbar_core::screening::docs::clinical_rules_markdown;
use lumbar_core::screening::{Answers, Ruleset, RulesetFiles};

use super::ruleset;

const SHIPPED: RulesetFiles<'static> = RulesetFiles::SHIPPED;

/// Loads the shipped files with one textual edit and returns the problems.
fn problems_after(file: &str, from: &str, to: &str) -> Vec<String> {
    let mut files = SHIPPED;
    let target = match file {
        "rules" => &mut files.rules,
        "sources" => &mut files.sources,
        "precautions" => &mut files.precautions,
        "questions" => &mut files.questions,
        _ => unreachable!(),
    };
    assert!(target.contains(from), "test edit `{from}` not found in {file}");
    let edited = target.replacen(from, to, 1);
    *target = &edited;
    match Ruleset::load(files) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

fn assert_problem(problems: &[String], needle: &str) {
    assert!(problems.iter().any(|p| p.contains(needle)), "expected a problem containing {needle:?}, got {problems:#?}");
}

#[test]
fn shipped_rule_set_loads_and_has_every_contract_rule() {
    let rs = ruleset();
    assert_eq!(rs.version, "2026.11.2");
    let ids: Vec<&str> = rs.rules.iter().map(|r| r.id.as_str()).collect();
    // SCREENING.md §3, in table order
    let contract = "cauda_equina major_trauma chest_symptoms aneurysm_rupture_signs infection_with_nerve_signs \
cancer_with_nerve_signs spinal_infection_suspected fracture_suspected malignancy_suspected unexplained_weight_loss \
constant_night_pain leg_weakness radicular_pain_with_cough dvt_suspected labour_signs back_deformity thoracic_pain \
aneurysm_possible known_aneurysm_new_pain kidney_or_visceral_pain infection_risk_with_worsening_pain \
radiculopathy_suspected stenosis_suspected vascular_claudication_suspected inflammatory_back_pain cancer_history \
active_cancer severe_worsening_pain recent_injection_drug_use recent_spine_procedure recent_major_surgery \
clot_on_treatment blood_thinner_problem bleeding_disorder high_risk_pregnancy heart_condition urinary_symptoms \
not_adult anticoagulant antiplatelet past_blood_clot osteoporosis long_term_steroids pregnancy postpartum \
skin_problem_at_site diabetes_neuropathy kidney_disease varicose_veins implanted_device recent_immobilisation \
recent_fracture_or_injury previous_spine_surgery severe_acute_pain aspirin_low_dose referred_leg_pain \
immunosuppressed chronic_pain_evidence";
    assert_eq!(ids, contract.split_whitespace().collect::<Vec<_>>());
    let vocab: Vec<&str> = rs.precautions.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        vocab,
        "light_pressure no_deep_tissue no_deep_leg_work side_lying prenatal_trained_therapist avoid_affected_area \
gentle_on_numb_areas avoid_fistula_arm no_spinal_thrust no_deep_pressure_over_surgery_site short_gentle_session \
no_deep_abdominal_work"
            .split_whitespace()
            .collect::<Vec<_>>()
    );
}

#[test]
fn unknown_source_id_is_a_startup_error() {
    let p = problems_after("rules", r#"sources = ["NHS-AAA"]"#, r#"sources = ["NHS-AAAA"]"#);
    assert_problem(&p, "rule `aneurysm_rupture_signs` cites unknown source `NHS-AAAA`");
}

#[test]
fn duplicate_rule_id_is_a_startup_error() {
    let p = problems_after("rules", r#"id = "major_trauma""#, r#"id = "cauda_equina""#);
    assert_problem(&p, "duplicate rule id `cauda_equina`");
}

#[test]
fn duplicate_source_id_is_a_startup_error() {
    let p = problems_after("sources", r#"id = "ACP-2017""#, r#"id = "ACP-2007""#);
    assert_problem(&p, "duplicate source id `ACP-2007`");
}

#[test]
fn unknown_precaution_id_is_a_startup_error() {
    let p = problems_after(
        "rules",
        r#"precautions = ["gentle_on_numb_areas"]"#,
        r#"precautions = ["gentle_on_numb_area"]"#,
    );
    assert_problem(&p, "rule `diabetes_neuropathy` names unknown precaution `gentle_on_numb_area`");
}

#[test]
fn misspelt_field_or_value_in_a_condition_is_a_startup_error() {
    let p = problems_after("rules", r#"when = "trauma == major""#, r#"when = "trauma == mayor""#);
    assert_problem(&p, "rule `major_trauma`: condition: `mayor` is not a value of `trauma`");
    let p = problems_after("rules", r#"when = "collapse_signs""#, r#"when = "colapse_signs""#);
    assert_problem(&p, "unknown field `colapse_signs`");
}

#[test]
fn fired_must_name_an_earlier_rule() {
    let p = problems_after("rules", r#"when = "trauma == major""#, r#"when = "fired(not_adult)""#);
    assert_problem(&p, "fired(not_adult) refers to no rule");
}

#[test]
fn level_and_kind_must_agree() {
    let p = problems_after(
        "rules",
        "level = \"emergency\"\nkind = \"red_flag\"\nwhen = \"trauma",
        "level = \"emergency\"\nkind = \"note\"\nwhen = \"trauma",
    );
    assert_problem(&p, "rule `major_trauma`: kind `note` does not go with level `emergency`");
}

#[test]
fn emergency_action_must_say_call_911() {
    let p = problems_after(
        "rules",
        "action = \"Call 911 (or your local emergency number) now. Do not drive yourself. Do not have a massage.\"",
        "action = \"Rest.\"",
    );
    assert_problem(&p, "rule `chest_symptoms`: an emergency action must tell the person to call 911");
}

#[test]
fn rules_out_of_urgency_order_are_an_error() {
    let moved = problems_after(
        "rules",
        "level = \"urgent_medical\"\nkind = \"red_flag\"\nwhen = \"fever_or_chills\"",
        "level = \"see_provider_first\"\nkind = \"referral\"\nwhen = \"fever_or_chills\"",
    );
    assert_problem(&moved, "is listed after the less urgent rule `spinal_infection_suspected`");
}

#[test]
fn questions_must_cover_every_field_and_emergency_questions_come_first() {
    let p = problems_after("questions", "field = \"implanted_device\"", "field = \"implanted_devices\"");
    assert_problem(&p, "unknown field");
    assert_problem(&p, "no question asks `implanted_device`");
    let p = problems_after(
        "questions",
        "field = \"fever_or_chills\"\ngroup = \"warning_signs\"",
        "field = \"fever_or_chills\"\ngroup = \"your_pain\"",
    );
    assert_problem(&p, "`fever_or_chills` is read by emergency rule `infection_with_nerve_signs`");
    let p = problems_after("questions", "{ value = \"major\", label", "{ value = \"huge\", label");
    assert_problem(&p, "option `major` has no label");
    let p = problems_after("questions", "ask_when = \"blood_thinner != none\"", "ask_when = \"bleeding_disorder\"");
    assert_problem(&p, "ask_when reads `bleeding_disorder`, which is not asked before it");
}

#[test]
fn none_of_these_is_only_the_nothing_to_report_answer_of_an_unconditional_question() {
    // "None of these" must never assert a finding: `true`, or a choice other than none/never,
    // is refused.
    let p = problems_after(
        "questions",
        "field = \"collapse_signs\"\ngroup = \"warning_signs\"\ntext = \"Have you had sudden, severe belly or back pain with dizziness, fainting, sweating or a racing heart?\"\nnone_of_these = false",
        "field = \"collapse_signs\"\ngroup = \"warning_signs\"\ntext = \"Have you had sudden, severe belly or back pain with dizziness, fainting, sweating or a racing heart?\"\nnone_of_these = true",
    );
    assert_problem(&p, "none_of_these must be the field's nothing-to-report answer");
    let p = problems_after(
        "questions",
        "none_of_these = \"never\"\nhelp = \"Do not count",
        "none_of_these = \"past\"\nhelp = \"Do not count",
    );
    assert_problem(&p, "none_of_these must be the field's nothing-to-report answer");
    let p = problems_after(
        "questions",
        "ask_when = \"blood_thinner != none\"",
        "ask_when = \"blood_thinner != none\"\nnone_of_these = false",
    );
    assert_problem(&p, "only questions always asked can be in a checklist");
}

#[test]
fn malformed_toml_is_reported_with_the_file() {
    let p = problems_after("sources", "[[source]]", "[[source]");
    assert_problem(&p, "sources.toml:");
}

#[test]
fn generated_rules_document_is_current() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/clinical-rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == clinical_rules_markdown(ruleset()),
        "docs/clinical-rules.md is stale: run `cargo run -- rules doc --write`"
    );
}

#[test]
fn questionnaire_skips_fill_the_contract_defaults() {
    let rs = ruleset();
    let q = &rs.questionnaire;
    // a man answers everything that applies; pregnancy questions are skipped
    let mut answered = [None; lumbar_core::screening::fields::ANSWER_FIELDS];
    for question in &q.questions {
        if let lumbar_core::screening::questions::Target::Answer(f) = question.target {
            answered[f as usize] = Some(0.0);
        }
    }
    answered[lumbar_core::screening::Field::Sex as usize] = Some(1.0); // male
    answered[lumbar_core::screening::Field::Age as usize] = Some(50.0);
    for f in [
        lumbar_core::screening::Field::Pregnancy,
        lumbar_core::screening::Field::PregnancyHighRisk,
        lumbar_core::screening::Field::LabourSigns,
    ] {
        answered[f as usize] = None;
    }
    let values = q.complete(&answered).expect("skipped questions are filled");
    let a = Answers::from_values(values, Default::default()).unwrap();
    assert_eq!(a.choice(lumbar_core::screening::Field::Pregnancy), "no");
    assert!(!a.flag(lumbar_core::screening::Field::LabourSigns));
}

/// Loads the shipped files with the therapist card of precaution `id` (its
/// `[precaution.therapist]` table) replaced by `edit(card)`, and returns the problems.
fn problems_after_card_edit(id: &str, edit: impl FnOnce(&str) -> String) -> Vec<String> {
    let text = SHIPPED.precautions;
    let start = text.find(&format!("[[precaution]]\nid = \"{id}\"")).unwrap_or_else(|| panic!("no precaution {id}"));
    let end = text[start + 1..].find("[[precaution]]").map_or(text.len(), |e| start + 1 + e);
    let card = start + text[start..end].find("[precaution.therapist]").unwrap_or_else(|| panic!("{id} has no card"));
    let edited = format!("{}{}{}", &text[..card], edit(&text[card..end]), &text[end..]);
    assert_ne!(edited, text, "the edit of {id}'s card changed nothing");
    match Ruleset::load(RulesetFiles { precautions: &edited, ..SHIPPED }) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

/// The card without the line that sets `key`.
fn without_line(card: &str, key: &str) -> String {
    card.lines().filter(|l| l.split('=').next().map(str::trim) != Some(key)).map(|l| format!("{l}\n")).collect()
}

#[test]
fn a_precaution_without_a_therapist_card_is_refused_naming_it() {
    let p = problems_after_card_edit("avoid_fistula_arm", |_| String::new());
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].starts_with("precautions.toml: precaution `avoid_fistula_arm` has no therapist card"), "{p:#?}");
}

#[test]
fn a_therapist_card_part_or_its_spanish_form_missing_is_refused_naming_precaution_and_field() {
    let p = problems_after_card_edit("side_lying", |c| without_line(c, "stop_if_es"));
    assert_eq!(
        p,
        ["precautions.toml: precaution `side_lying` has no Spanish therapist stop_if (therapist.stop_if_es)"]
    );
    let p = problems_after_card_edit("light_pressure", |c| without_line(c, "adapt"));
    assert_eq!(p, ["precautions.toml: precaution `light_pressure` has no therapist adapt (therapist.adapt)"]);
    // an empty text is as good as none
    let p = problems_after_card_edit("no_deep_tissue", |c| {
        let kept = without_line(c, "avoid_es");
        format!("{kept}avoid_es = \"  \"\n")
    });
    assert_eq!(
        p,
        ["precautions.toml: precaution `no_deep_tissue` has no Spanish therapist avoid (therapist.avoid_es)"]
    );
    // a misspelt key is refused by the TOML reader, naming the file
    let p = problems_after_card_edit("no_deep_leg_work", |c| c.replacen("stop_if = ", "stop_iff = ", 1));
    assert_problem(&p, "precautions.toml:");
    assert_problem(&p, "stop_iff");
}

#[test]
fn a_therapist_card_must_cite_known_sources() {
    let p = problems_after_card_edit("no_deep_leg_work", |c| {
        let kept = without_line(c, "sources");
        format!("{kept}sources = [\"WERNER\", \"NOPE-1999\"]\n")
    });
    assert_eq!(
        p,
        ["precautions.toml: precaution `no_deep_leg_work`: the therapist card cites unknown source `NOPE-1999`"]
    );
    let p = problems_after_card_edit("gentle_on_numb_areas", |c| without_line(c, "sources"));
    assert_eq!(
        p,
        ["precautions.toml: precaution `gentle_on_numb_areas`: the therapist card cites no source (therapist.sources)"]
    );
}
