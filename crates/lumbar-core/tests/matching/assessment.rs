//! From a real screening to needs, and on to a search.

use std::sync::OnceLock;

use lumbar_core::matching::{GeoIndex, MassageStyle as S, Needs, Outcome};
use lumbar_core::screening::fields::ANSWER_FIELDS;
use lumbar_core::screening::{Answers, Field, Preferences, Ruleset};

use super::*;

fn ruleset() -> &'static Ruleset {
    static RS: OnceLock<Ruleset> = OnceLock::new();
    RS.get_or_init(|| Ruleset::shipped().unwrap_or_else(|e| panic!("{e}")))
}

/// All-benign answers with some fields changed.
fn answers(changes: &[(Field, &str)]) -> Answers {
    let mut v = [0.0; ANSWER_FIELDS];
    v[Field::Age as usize] = 40.0;
    v[Field::DurationWeeks as usize] = 2.0;
    for f in [Field::PainNow, Field::PainAverageWeek, Field::InterferenceEnjoyment, Field::InterferenceActivity] {
        v[f as usize] = 3.0;
    }
    for &(field, value) in changes {
        v[field as usize] = match field.choice_index(value) {
            Some(i) => i as f64,
            None => value.parse().unwrap(),
        };
    }
    Answers::from_values(v, Preferences::default()).unwrap()
}

fn needs_for(changes: &[(Field, &str)]) -> Needs {
    Needs::from_assessment(&ruleset().assess(&answers(changes)))
}

#[test]
fn benign_answers_need_swedish_then_deep_tissue() {
    let n = needs_for(&[]);
    assert!(n.advisable_now);
    assert_eq!(n.styles, [S::Swedish, S::DeepTissue]);
    assert!(n.precautions.is_empty());
    assert!(!n.pregnant);
}

#[test]
fn pregnancy_needs_prenatal() {
    let n = needs_for(&[(Field::Sex, "female"), (Field::Pregnancy, "pregnant")]);
    assert!(n.advisable_now);
    assert!(n.pregnant);
    assert_eq!(n.styles, [S::Prenatal]);
    assert!(n.precautions.iter().any(|p| p == "prenatal_trained_therapist"));
}

#[test]
fn anticoagulant_needs_no_deep_tissue() {
    let n = needs_for(&[(Field::BloodThinner, "anticoagulant")]);
    assert!(n.advisable_now);
    assert_eq!(n.styles, [S::Swedish]);
    assert!(n.has_precaution("no_deep_tissue") && n.has_precaution("light_pressure"));
    assert_eq!(n.deep_tissue_caution(), Some("no_deep_tissue"));
}

#[test]
fn a_red_flag_means_see_a_clinician_first() {
    let n = needs_for(&[(Field::FeverOrChills, "1")]);
    assert!(!n.advisable_now);
    assert!(n.styles.is_empty() && n.precautions.is_empty());
    let index = GeoIndex::build(vec![cand(1, PORTLAND)]);
    assert_eq!(index.search(&near(PORTLAND, 10.0).with_needs(n)), Outcome::SeeClinicianFirst);
}

#[test]
fn screening_to_search_end_to_end() {
    let mut deep = cand(1, PORTLAND);
    deep.styles = vec![S::DeepTissue];
    let mut prenatal = cand(2, offset(PORTLAND, 3.0, 0.0));
    prenatal.styles = vec![S::Prenatal, S::Swedish];
    let swedish = cand(3, offset(PORTLAND, 6.0, 0.0));
    let index = GeoIndex::build(vec![deep, prenatal, swedish]);
    let q = |changes: &[(Field, &str)]| search_ids(&index, &near(PORTLAND, 10.0).with_needs(needs_for(changes)));
    assert_eq!(q(&[(Field::Sex, "female"), (Field::Pregnancy, "pregnant")]), [2]);
    assert_eq!(q(&[(Field::BloodThinner, "anticoagulant")]), [2, 3, 1]);
    assert_eq!(q(&[]), [2, 1, 3]);
}
