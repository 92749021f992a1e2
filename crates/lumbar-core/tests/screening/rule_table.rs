//! Every rule of SCREENING.md §3 pinned on its own, at its boundary (issue #8 item 9).
//!
//! Everything here is transcribed by hand from the contract, never read from `rules.toml`
//! and never computed by the engine: the benign answers (§1), each rule's kind, level and
//! precaution ids (§3), and for every rule cases just inside its condition (it fires) and
//! just outside (it does not). Each case starts from the benign answers, changes only the
//! fields the rule reads, and lists every *other* finding the contract says those answers
//! fire, so the whole finding list is checked, in order, with the triage it implies.
//!
//! One `#[test]` per rule, named after the rule id: a broken rule fails the test of its name
//! (`cargo test -p lumbar-core --test screening rule_table::not_adult`).

use lumbar_core::screening::Answers;
use serde_json::{Map, Value};

use super::ruleset;

/// The all-benign answers of §1, written out by hand: nothing in them fires any rule.
pub fn benign_json() -> Map<String, Value> {
    let v: Value = serde_json::from_str(
        r#"{
        "age": 40,
        "sex": "not_said",
        "pregnancy": "no",
        "pregnancy_high_risk": false,
        "labour_signs": false,
        "duration_weeks": 2,
        "pain_now": 3,
        "pain_average_week": 3,
        "interference_enjoyment": 3,
        "interference_activity": 3,
        "pain_trend": "same",
        "pain_new_or_changed": false,
        "pain_spread_left": "back_only",
        "pain_spread_right": "back_only",
        "leg_pain_worse_than_back": false,
        "leg_numbness_or_tingling": "none",
        "leg_weakness": "none",
        "pain_worse_with_cough_or_sneeze": false,
        "night_pain": "none",
        "morning_stiffness_over_30_min": false,
        "stiffness_eases_with_exercise": false,
        "leg_pain_on_walking": "none",
        "upper_back_pain": false,
        "back_lump_or_shape_change": false,
        "saddle_numbness": false,
        "bladder_or_bowel_change": false,
        "new_sexual_dysfunction": false,
        "trauma": "none",
        "fever_or_chills": false,
        "unexplained_weight_loss": false,
        "chest_pain_or_breathless": false,
        "collapse_signs": false,
        "abdominal_pulsation": false,
        "known_aortic_aneurysm": false,
        "flank_pain_or_blood_in_urine": false,
        "new_urinary_burning_or_frequency": false,
        "cancer": "never",
        "osteoporosis": false,
        "long_term_steroids": false,
        "immunosuppressed": false,
        "injection_drug_use": "never",
        "spine_procedure": "none",
        "major_surgery_within_6_weeks": false,
        "recent_immobilisation": false,
        "recent_fracture_or_injury": false,
        "blood_clot": "none",
        "blood_thinner": "none",
        "blood_thinner_problem": false,
        "bleeding_disorder": false,
        "skin_problem_at_site": false,
        "heart_condition_uncontrolled": false,
        "diabetes_neuropathy": false,
        "kidney_disease": false,
        "varicose_veins": false,
        "implanted_device": false
    }"#,
    )
    .expect("benign answers are JSON");
    match v {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

/// §3 by hand, in table order: `(id, kind, level, precaution ids)`. `level` is the finding's
/// `triage`; `"note"` stands for the notes' `null`.
const CONTRACT: &[(&str, &str, &str, &[&str])] = &[
    // Emergency
    ("cauda_equina", "red_flag", "emergency", &[]),
    ("major_trauma", "red_flag", "emergency", &[]),
    ("chest_symptoms", "red_flag", "emergency", &[]),
    ("aneurysm_rupture_signs", "red_flag", "emergency", &[]),
    ("infection_with_nerve_signs", "red_flag", "emergency", &[]),
    ("cancer_with_nerve_signs", "red_flag", "emergency", &[]),
    // Urgent medical, same day
    ("spinal_infection_suspected", "red_flag", "urgent_medical", &[]),
    ("fracture_suspected", "red_flag", "urgent_medical", &[]),
    ("malignancy_suspected", "red_flag", "urgent_medical", &[]),
    ("unexplained_weight_loss", "red_flag", "urgent_medical", &[]),
    ("constant_night_pain", "red_flag", "urgent_medical", &[]),
    ("leg_weakness", "red_flag", "urgent_medical", &[]),
    ("radicular_pain_with_cough", "red_flag", "urgent_medical", &[]),
    ("dvt_suspected", "red_flag", "urgent_medical", &[]),
    ("labour_signs", "red_flag", "urgent_medical", &[]),
    ("back_deformity", "red_flag", "urgent_medical", &[]),
    ("thoracic_pain", "red_flag", "urgent_medical", &[]),
    ("aneurysm_possible", "red_flag", "urgent_medical", &[]),
    ("known_aneurysm_new_pain", "red_flag", "urgent_medical", &[]),
    ("kidney_or_visceral_pain", "red_flag", "urgent_medical", &[]),
    ("infection_risk_with_worsening_pain", "red_flag", "urgent_medical", &[]),
    // See a provider first
    ("radiculopathy_suspected", "referral", "see_provider_first", &[]),
    ("stenosis_suspected", "referral", "see_provider_first", &[]),
    ("vascular_claudication_suspected", "referral", "see_provider_first", &[]),
    ("inflammatory_back_pain", "referral", "see_provider_first", &[]),
    ("cancer_history", "referral", "see_provider_first", &[]),
    ("active_cancer", "referral", "see_provider_first", &[]),
    ("severe_worsening_pain", "referral", "see_provider_first", &[]),
    ("recent_injection_drug_use", "referral", "see_provider_first", &[]),
    ("recent_spine_procedure", "referral", "see_provider_first", &[]),
    ("recent_major_surgery", "referral", "see_provider_first", &[]),
    ("clot_on_treatment", "referral", "see_provider_first", &[]),
    ("blood_thinner_problem", "referral", "see_provider_first", &[]),
    ("bleeding_disorder", "referral", "see_provider_first", &[]),
    ("high_risk_pregnancy", "referral", "see_provider_first", &[]),
    ("heart_condition", "referral", "see_provider_first", &[]),
    ("urinary_symptoms", "referral", "see_provider_first", &[]),
    ("not_adult", "referral", "see_provider_first", &[]),
    // Massage with precautions
    ("anticoagulant", "precaution", "massage_with_precautions", &["light_pressure", "no_deep_tissue"]),
    ("antiplatelet", "precaution", "massage_with_precautions", &["light_pressure", "no_deep_tissue"]),
    ("past_blood_clot", "precaution", "massage_with_precautions", &["no_deep_leg_work"]),
    (
        "osteoporosis",
        "precaution",
        "massage_with_precautions",
        &["light_pressure", "no_deep_tissue", "no_spinal_thrust"],
    ),
    ("long_term_steroids", "precaution", "massage_with_precautions", &["light_pressure"]),
    (
        "pregnancy",
        "precaution",
        "massage_with_precautions",
        &["side_lying", "prenatal_trained_therapist", "no_deep_leg_work", "no_deep_abdominal_work"],
    ),
    ("postpartum", "precaution", "massage_with_precautions", &["no_deep_leg_work"]),
    ("skin_problem_at_site", "precaution", "massage_with_precautions", &["avoid_affected_area"]),
    ("diabetes_neuropathy", "precaution", "massage_with_precautions", &["gentle_on_numb_areas"]),
    ("kidney_disease", "precaution", "massage_with_precautions", &["light_pressure", "avoid_fistula_arm"]),
    ("varicose_veins", "precaution", "massage_with_precautions", &["avoid_affected_area", "no_deep_leg_work"]),
    ("implanted_device", "precaution", "massage_with_precautions", &["avoid_affected_area"]),
    ("recent_immobilisation", "precaution", "massage_with_precautions", &["no_deep_leg_work"]),
    ("recent_fracture_or_injury", "precaution", "massage_with_precautions", &["avoid_affected_area"]),
    (
        "previous_spine_surgery",
        "precaution",
        "massage_with_precautions",
        &["no_deep_pressure_over_surgery_site", "no_spinal_thrust"],
    ),
    ("severe_acute_pain", "precaution", "massage_with_precautions", &["short_gentle_session", "no_deep_tissue"]),
    // Notes
    ("aspirin_low_dose", "note", "note", &[]),
    ("referred_leg_pain", "note", "note", &[]),
    ("immunosuppressed", "note", "note", &[]),
    ("chronic_pain_evidence", "note", "note", &[]),
];

/// §2 triage order, most urgent first.
const TRIAGE_ORDER: &[&str] =
    &["emergency", "urgent_medical", "see_provider_first", "massage_with_precautions", "massage_suitable"];

const FIRES: bool = true;
const NOT: bool = false;

/// `(rule, fires?, changes to the benign answers, the other findings those answers fire)`.
///
/// Changes are `field=value` pairs separated by commas; an empty string is the benign
/// answers themselves. The last column is every finding besides the rule itself, worked out
/// by hand from §3.
type Case = (&'static str, bool, &'static str, &'static [&'static str]);

const CASES: &[Case] = &[
    // ── Emergency ──
    ("cauda_equina", FIRES, "saddle_numbness=true", &[]),
    ("cauda_equina", FIRES, "bladder_or_bowel_change=true", &[]),
    ("cauda_equina", FIRES, "new_sexual_dysfunction=true", &[]),
    ("cauda_equina", FIRES, "leg_numbness_or_tingling=both_legs", &[]),
    ("cauda_equina", FIRES, "leg_weakness=both_legs", &[]),
    ("cauda_equina", FIRES, "pain_spread_left=below_knee, pain_spread_right=below_knee", &["radiculopathy_suspected"]),
    ("cauda_equina", NOT, "", &[]),
    ("cauda_equina", NOT, "leg_numbness_or_tingling=one_leg", &["radiculopathy_suspected"]),
    ("cauda_equina", NOT, "leg_weakness=one_leg", &["leg_weakness"]),
    ("cauda_equina", NOT, "pain_spread_left=below_knee, pain_spread_right=thigh", &["radiculopathy_suspected"]),
    ("cauda_equina", NOT, "pain_spread_left=thigh, pain_spread_right=below_knee", &["radiculopathy_suspected"]),
    ("major_trauma", FIRES, "trauma=major", &[]),
    ("major_trauma", NOT, "trauma=minor", &[]),
    ("chest_symptoms", FIRES, "chest_pain_or_breathless=true", &[]),
    ("chest_symptoms", NOT, "", &[]),
    ("aneurysm_rupture_signs", FIRES, "collapse_signs=true", &[]),
    ("aneurysm_rupture_signs", NOT, "abdominal_pulsation=true", &["aneurysm_possible"]),
    (
        "infection_with_nerve_signs",
        FIRES,
        "fever_or_chills=true, leg_weakness=one_leg",
        &["spinal_infection_suspected", "leg_weakness"],
    ),
    (
        "infection_with_nerve_signs",
        FIRES,
        "fever_or_chills=true, leg_weakness=both_legs",
        &["cauda_equina", "spinal_infection_suspected"],
    ),
    (
        "infection_with_nerve_signs",
        FIRES,
        "fever_or_chills=true, leg_numbness_or_tingling=one_leg",
        &["spinal_infection_suspected", "radiculopathy_suspected"],
    ),
    (
        "infection_with_nerve_signs",
        FIRES,
        "fever_or_chills=true, leg_numbness_or_tingling=both_legs",
        &["cauda_equina", "spinal_infection_suspected"],
    ),
    ("infection_with_nerve_signs", NOT, "fever_or_chills=true", &["spinal_infection_suspected"]),
    ("infection_with_nerve_signs", NOT, "leg_weakness=one_leg", &["leg_weakness"]),
    ("cancer_with_nerve_signs", FIRES, "cancer=past, leg_weakness=one_leg", &["leg_weakness", "cancer_history"]),
    ("cancer_with_nerve_signs", FIRES, "cancer=current, leg_weakness=both_legs", &["cauda_equina", "active_cancer"]),
    (
        "cancer_with_nerve_signs",
        FIRES,
        "cancer=current, leg_numbness_or_tingling=one_leg",
        &["radiculopathy_suspected", "active_cancer"],
    ),
    (
        "cancer_with_nerve_signs",
        FIRES,
        "cancer=past, leg_numbness_or_tingling=both_legs",
        &["cauda_equina", "cancer_history"],
    ),
    ("cancer_with_nerve_signs", NOT, "cancer=past", &["cancer_history"]),
    ("cancer_with_nerve_signs", NOT, "cancer=current", &["active_cancer"]),
    ("cancer_with_nerve_signs", NOT, "leg_numbness_or_tingling=one_leg", &["radiculopathy_suspected"]),
    // ── Urgent medical ──
    ("spinal_infection_suspected", FIRES, "fever_or_chills=true", &[]),
    ("spinal_infection_suspected", NOT, "", &[]),
    ("fracture_suspected", FIRES, "trauma=minor, age=71", &[]),
    ("fracture_suspected", FIRES, "trauma=minor, osteoporosis=true", &["osteoporosis"]),
    ("fracture_suspected", FIRES, "trauma=minor, long_term_steroids=true", &["long_term_steroids"]),
    ("fracture_suspected", NOT, "trauma=minor, age=70", &[]),
    (
        "fracture_suspected",
        NOT,
        "trauma=none, age=71, osteoporosis=true, long_term_steroids=true",
        &["osteoporosis", "long_term_steroids"],
    ),
    ("fracture_suspected", NOT, "trauma=major, age=71", &["major_trauma"]),
    ("malignancy_suspected", FIRES, "cancer=past, night_pain=constant", &["constant_night_pain", "cancer_history"]),
    (
        "malignancy_suspected",
        FIRES,
        "cancer=past, unexplained_weight_loss=true",
        &["unexplained_weight_loss", "cancer_history"],
    ),
    ("malignancy_suspected", FIRES, "cancer=past, pain_trend=worsening", &["cancer_history"]),
    (
        "malignancy_suspected",
        FIRES,
        "cancer=current, pain_new_or_changed=true, duration_weeks=4, pain_trend=same",
        &["active_cancer"],
    ),
    ("malignancy_suspected", NOT, "cancer=past, pain_new_or_changed=true, duration_weeks=3.9", &["cancer_history"]),
    (
        "malignancy_suspected",
        NOT,
        "cancer=past, pain_new_or_changed=true, duration_weeks=4, pain_trend=improving",
        &["cancer_history"],
    ),
    ("malignancy_suspected", NOT, "cancer=past, duration_weeks=4", &["cancer_history"]),
    ("malignancy_suspected", NOT, "cancer=past, night_pain=wakes_late_eases_on_moving", &["cancer_history"]),
    (
        "malignancy_suspected",
        NOT,
        "night_pain=constant, unexplained_weight_loss=true, pain_trend=worsening, pain_new_or_changed=true, \
         duration_weeks=4",
        &["unexplained_weight_loss", "constant_night_pain"],
    ),
    ("unexplained_weight_loss", FIRES, "unexplained_weight_loss=true", &[]),
    ("unexplained_weight_loss", NOT, "", &[]),
    ("constant_night_pain", FIRES, "night_pain=constant", &[]),
    ("constant_night_pain", NOT, "night_pain=wakes_late_eases_on_moving", &[]),
    ("constant_night_pain", NOT, "night_pain=eases_with_position", &[]),
    ("leg_weakness", FIRES, "leg_weakness=one_leg", &[]),
    ("leg_weakness", NOT, "leg_weakness=both_legs", &["cauda_equina"]),
    ("leg_weakness", NOT, "", &[]),
    (
        "radicular_pain_with_cough",
        FIRES,
        "pain_worse_with_cough_or_sneeze=true, pain_spread_left=thigh",
        &["referred_leg_pain"],
    ),
    (
        "radicular_pain_with_cough",
        FIRES,
        "pain_worse_with_cough_or_sneeze=true, pain_spread_right=below_knee",
        &["radiculopathy_suspected"],
    ),
    (
        "radicular_pain_with_cough",
        NOT,
        "pain_worse_with_cough_or_sneeze=true, pain_spread_left=buttock, pain_spread_right=buttock",
        &["referred_leg_pain"],
    ),
    ("radicular_pain_with_cough", NOT, "pain_worse_with_cough_or_sneeze=true", &[]),
    ("radicular_pain_with_cough", NOT, "pain_spread_right=thigh", &["referred_leg_pain"]),
    ("dvt_suspected", FIRES, "blood_clot=suspected", &[]),
    ("dvt_suspected", NOT, "blood_clot=on_treatment", &["clot_on_treatment"]),
    ("labour_signs", FIRES, "pregnancy=pregnant, labour_signs=true", &["pregnancy"]),
    ("labour_signs", NOT, "pregnancy=pregnant", &["pregnancy"]),
    ("back_deformity", FIRES, "back_lump_or_shape_change=true", &[]),
    ("back_deformity", NOT, "", &[]),
    ("thoracic_pain", FIRES, "upper_back_pain=true", &[]),
    ("thoracic_pain", NOT, "", &[]),
    ("aneurysm_possible", FIRES, "abdominal_pulsation=true", &[]),
    ("aneurysm_possible", NOT, "known_aortic_aneurysm=true", &[]),
    ("known_aneurysm_new_pain", FIRES, "known_aortic_aneurysm=true, pain_new_or_changed=true", &[]),
    ("known_aneurysm_new_pain", NOT, "known_aortic_aneurysm=true", &[]),
    ("known_aneurysm_new_pain", NOT, "pain_new_or_changed=true", &[]),
    ("kidney_or_visceral_pain", FIRES, "flank_pain_or_blood_in_urine=true", &[]),
    ("kidney_or_visceral_pain", NOT, "new_urinary_burning_or_frequency=true", &["urinary_symptoms"]),
    (
        "infection_risk_with_worsening_pain",
        FIRES,
        "injection_drug_use=within_year, pain_trend=worsening",
        &["recent_injection_drug_use"],
    ),
    (
        "infection_risk_with_worsening_pain",
        FIRES,
        "injection_drug_use=within_year, night_pain=constant",
        &["constant_night_pain", "recent_injection_drug_use"],
    ),
    ("infection_risk_with_worsening_pain", FIRES, "immunosuppressed=true, pain_trend=worsening", &["immunosuppressed"]),
    (
        "infection_risk_with_worsening_pain",
        FIRES,
        "immunosuppressed=true, night_pain=constant",
        &["constant_night_pain", "immunosuppressed"],
    ),
    (
        "infection_risk_with_worsening_pain",
        FIRES,
        "spine_procedure=within_12_weeks, pain_trend=worsening",
        &["recent_spine_procedure"],
    ),
    ("infection_risk_with_worsening_pain", NOT, "injection_drug_use=within_year", &["recent_injection_drug_use"]),
    ("infection_risk_with_worsening_pain", NOT, "injection_drug_use=over_year_ago, pain_trend=worsening", &[]),
    (
        "infection_risk_with_worsening_pain",
        NOT,
        "spine_procedure=earlier, pain_trend=worsening",
        &["previous_spine_surgery"],
    ),
    (
        "infection_risk_with_worsening_pain",
        NOT,
        "immunosuppressed=true, night_pain=wakes_late_eases_on_moving",
        &["immunosuppressed"],
    ),
    ("infection_risk_with_worsening_pain", NOT, "pain_trend=worsening, night_pain=constant", &["constant_night_pain"]),
    // ── See a provider first ──
    ("radiculopathy_suspected", FIRES, "pain_spread_left=below_knee", &[]),
    ("radiculopathy_suspected", FIRES, "pain_spread_right=below_knee", &[]),
    ("radiculopathy_suspected", FIRES, "leg_numbness_or_tingling=one_leg", &[]),
    ("radiculopathy_suspected", FIRES, "leg_pain_worse_than_back=true, pain_spread_left=thigh", &[]),
    ("radiculopathy_suspected", FIRES, "leg_pain_worse_than_back=true, pain_spread_right=thigh", &[]),
    ("radiculopathy_suspected", NOT, "leg_pain_worse_than_back=true, pain_spread_left=buttock", &["referred_leg_pain"]),
    ("radiculopathy_suspected", NOT, "pain_spread_left=thigh, pain_spread_right=thigh", &["referred_leg_pain"]),
    ("radiculopathy_suspected", NOT, "leg_numbness_or_tingling=both_legs", &["cauda_equina"]),
    ("stenosis_suspected", FIRES, "leg_pain_on_walking=eased_by_sitting_or_bending", &[]),
    ("stenosis_suspected", NOT, "leg_pain_on_walking=eased_by_standing_still", &["vascular_claudication_suspected"]),
    ("vascular_claudication_suspected", FIRES, "leg_pain_on_walking=eased_by_standing_still", &[]),
    (
        "vascular_claudication_suspected",
        NOT,
        "leg_pain_on_walking=eased_by_sitting_or_bending",
        &["stenosis_suspected"],
    ),
    (
        "inflammatory_back_pain",
        FIRES,
        "duration_weeks=13, morning_stiffness_over_30_min=true, stiffness_eases_with_exercise=true",
        &["chronic_pain_evidence"],
    ),
    (
        "inflammatory_back_pain",
        FIRES,
        "duration_weeks=13, morning_stiffness_over_30_min=true, night_pain=wakes_late_eases_on_moving",
        &["chronic_pain_evidence"],
    ),
    // onset_age = 45 − 13/52 = 44.75: age 45 today, but the pain began before 45
    (
        "inflammatory_back_pain",
        FIRES,
        "age=45, duration_weeks=13, morning_stiffness_over_30_min=true, stiffness_eases_with_exercise=true",
        &["chronic_pain_evidence"],
    ),
    // onset_age = 46 − 53/52 ≈ 44.98, just under 45
    (
        "inflammatory_back_pain",
        FIRES,
        "age=46, duration_weeks=53, morning_stiffness_over_30_min=true, stiffness_eases_with_exercise=true",
        &["chronic_pain_evidence"],
    ),
    // onset_age = 46 − 52/52 = 45 exactly: not under 45
    (
        "inflammatory_back_pain",
        NOT,
        "age=46, duration_weeks=52, morning_stiffness_over_30_min=true, stiffness_eases_with_exercise=true",
        &["chronic_pain_evidence"],
    ),
    // 12 weeks is not "over 12"
    (
        "inflammatory_back_pain",
        NOT,
        "duration_weeks=12, morning_stiffness_over_30_min=true, stiffness_eases_with_exercise=true",
        &[],
    ),
    (
        "inflammatory_back_pain",
        NOT,
        "duration_weeks=13, stiffness_eases_with_exercise=true",
        &["chronic_pain_evidence"],
    ),
    (
        "inflammatory_back_pain",
        NOT,
        "duration_weeks=13, morning_stiffness_over_30_min=true",
        &["chronic_pain_evidence"],
    ),
    (
        "inflammatory_back_pain",
        NOT,
        "duration_weeks=13, morning_stiffness_over_30_min=true, night_pain=eases_with_position",
        &["chronic_pain_evidence"],
    ),
    (
        "inflammatory_back_pain",
        NOT,
        "duration_weeks=13, morning_stiffness_over_30_min=true, night_pain=constant",
        &["constant_night_pain", "chronic_pain_evidence"],
    ),
    ("cancer_history", FIRES, "cancer=past", &[]),
    ("cancer_history", NOT, "cancer=current", &["active_cancer"]),
    ("cancer_history", NOT, "", &[]),
    ("active_cancer", FIRES, "cancer=current", &[]),
    ("active_cancer", NOT, "cancer=past", &["cancer_history"]),
    ("severe_worsening_pain", FIRES, "pain_now=8, pain_trend=worsening", &[]),
    ("severe_worsening_pain", FIRES, "pain_now=10, pain_trend=worsening", &[]),
    ("severe_worsening_pain", NOT, "pain_now=7, pain_trend=worsening", &[]),
    ("severe_worsening_pain", NOT, "pain_now=8, pain_trend=same", &["severe_acute_pain"]),
    ("severe_worsening_pain", NOT, "pain_now=8, pain_trend=improving, duration_weeks=4", &[]),
    ("recent_injection_drug_use", FIRES, "injection_drug_use=within_year", &[]),
    ("recent_injection_drug_use", NOT, "injection_drug_use=over_year_ago", &[]),
    ("recent_spine_procedure", FIRES, "spine_procedure=within_12_weeks", &[]),
    ("recent_spine_procedure", NOT, "spine_procedure=earlier", &["previous_spine_surgery"]),
    ("recent_major_surgery", FIRES, "major_surgery_within_6_weeks=true", &[]),
    ("recent_major_surgery", NOT, "", &[]),
    ("clot_on_treatment", FIRES, "blood_clot=on_treatment", &[]),
    ("clot_on_treatment", NOT, "blood_clot=past", &["past_blood_clot"]),
    ("blood_thinner_problem", FIRES, "blood_thinner=anticoagulant, blood_thinner_problem=true", &["anticoagulant"]),
    ("blood_thinner_problem", FIRES, "blood_thinner=antiplatelet, blood_thinner_problem=true", &["antiplatelet"]),
    (
        "blood_thinner_problem",
        FIRES,
        "blood_thinner=aspirin_low_dose, blood_thinner_problem=true",
        &["aspirin_low_dose"],
    ),
    ("blood_thinner_problem", NOT, "blood_thinner=anticoagulant", &["anticoagulant"]),
    ("bleeding_disorder", FIRES, "bleeding_disorder=true", &[]),
    ("bleeding_disorder", NOT, "", &[]),
    ("high_risk_pregnancy", FIRES, "pregnancy=pregnant, pregnancy_high_risk=true", &["pregnancy"]),
    ("high_risk_pregnancy", NOT, "pregnancy=pregnant", &["pregnancy"]),
    ("heart_condition", FIRES, "heart_condition_uncontrolled=true", &[]),
    ("heart_condition", NOT, "", &[]),
    ("urinary_symptoms", FIRES, "new_urinary_burning_or_frequency=true", &[]),
    ("urinary_symptoms", NOT, "flank_pain_or_blood_in_urine=true", &["kidney_or_visceral_pain"]),
    ("not_adult", FIRES, "age=17", &[]),
    ("not_adult", FIRES, "age=0", &[]),
    ("not_adult", NOT, "age=18", &[]),
    // ── Massage with precautions ──
    ("anticoagulant", FIRES, "blood_thinner=anticoagulant", &[]),
    ("anticoagulant", NOT, "blood_thinner=antiplatelet", &["antiplatelet"]),
    ("antiplatelet", FIRES, "blood_thinner=antiplatelet", &[]),
    ("antiplatelet", NOT, "blood_thinner=aspirin_low_dose", &["aspirin_low_dose"]),
    ("past_blood_clot", FIRES, "blood_clot=past", &[]),
    ("past_blood_clot", NOT, "blood_clot=on_treatment", &["clot_on_treatment"]),
    ("osteoporosis", FIRES, "osteoporosis=true", &[]),
    ("osteoporosis", NOT, "", &[]),
    ("long_term_steroids", FIRES, "long_term_steroids=true", &[]),
    ("long_term_steroids", NOT, "", &[]),
    ("pregnancy", FIRES, "pregnancy=pregnant", &[]),
    ("pregnancy", NOT, "pregnancy=postpartum", &["postpartum"]),
    ("postpartum", FIRES, "pregnancy=postpartum", &[]),
    ("postpartum", NOT, "pregnancy=pregnant", &["pregnancy"]),
    ("skin_problem_at_site", FIRES, "skin_problem_at_site=true", &[]),
    ("skin_problem_at_site", NOT, "", &[]),
    ("diabetes_neuropathy", FIRES, "diabetes_neuropathy=true", &[]),
    ("diabetes_neuropathy", NOT, "", &[]),
    ("kidney_disease", FIRES, "kidney_disease=true", &[]),
    ("kidney_disease", NOT, "", &[]),
    ("varicose_veins", FIRES, "varicose_veins=true", &[]),
    ("varicose_veins", NOT, "", &[]),
    ("implanted_device", FIRES, "implanted_device=true", &[]),
    ("implanted_device", NOT, "", &[]),
    ("recent_immobilisation", FIRES, "recent_immobilisation=true", &[]),
    ("recent_immobilisation", NOT, "", &[]),
    ("recent_fracture_or_injury", FIRES, "recent_fracture_or_injury=true", &[]),
    ("recent_fracture_or_injury", NOT, "", &[]),
    ("previous_spine_surgery", FIRES, "spine_procedure=earlier", &[]),
    ("previous_spine_surgery", NOT, "spine_procedure=within_12_weeks", &["recent_spine_procedure"]),
    ("severe_acute_pain", FIRES, "pain_now=8, duration_weeks=3.9", &[]),
    ("severe_acute_pain", FIRES, "pain_now=8, pain_trend=improving", &[]),
    ("severe_acute_pain", FIRES, "pain_now=10, duration_weeks=0", &[]),
    ("severe_acute_pain", NOT, "pain_now=8, duration_weeks=4", &[]),
    ("severe_acute_pain", NOT, "pain_now=7", &[]),
    ("severe_acute_pain", NOT, "pain_now=8, pain_trend=worsening", &["severe_worsening_pain"]),
    // ── Notes ──
    ("aspirin_low_dose", FIRES, "blood_thinner=aspirin_low_dose", &[]),
    ("aspirin_low_dose", NOT, "", &[]),
    ("referred_leg_pain", FIRES, "pain_spread_left=buttock", &[]),
    ("referred_leg_pain", FIRES, "pain_spread_right=thigh", &[]),
    ("referred_leg_pain", FIRES, "pain_spread_left=thigh, pain_spread_right=buttock", &[]),
    ("referred_leg_pain", FIRES, "pain_spread_left=buttock, leg_pain_worse_than_back=true", &[]),
    ("referred_leg_pain", NOT, "", &[]),
    ("referred_leg_pain", NOT, "pain_spread_left=buttock, pain_spread_right=below_knee", &["radiculopathy_suspected"]),
    ("referred_leg_pain", NOT, "pain_spread_left=thigh, leg_pain_worse_than_back=true", &["radiculopathy_suspected"]),
    (
        "referred_leg_pain",
        NOT,
        "pain_spread_left=thigh, leg_numbness_or_tingling=one_leg",
        &["radiculopathy_suspected"],
    ),
    ("immunosuppressed", FIRES, "immunosuppressed=true", &[]),
    ("immunosuppressed", NOT, "", &[]),
    ("chronic_pain_evidence", FIRES, "duration_weeks=12.5", &[]),
    ("chronic_pain_evidence", FIRES, "duration_weeks=5200", &[]),
    ("chronic_pain_evidence", NOT, "duration_weeks=12", &[]),
];

fn contract(id: &str) -> &'static (&'static str, &'static str, &'static str, &'static [&'static str]) {
    CONTRACT.iter().find(|c| c.0 == id).unwrap_or_else(|| panic!("`{id}` is not a rule of SCREENING.md §3"))
}

/// The benign answers with a case's changes applied.
fn answers_for(changes: &str) -> Value {
    let mut m = benign_json();
    for pair in changes.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or_else(|| panic!("`{pair}` is not field=value"));
        let (k, v) = (k.trim(), v.trim());
        assert!(m.contains_key(k), "`{k}` is not an answer field");
        let value = match v {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => v
                .parse::<i64>()
                .map(Value::from)
                .or_else(|_| v.parse::<f64>().map(Value::from))
                .unwrap_or_else(|_| Value::from(v)),
        };
        m.insert(k.to_owned(), value);
    }
    Value::Object(m)
}

/// Runs one case; returns what is wrong with the result, if anything.
fn run(case: &Case) -> Vec<String> {
    let &(rule, fires, changes, others) = case;
    let mut wrong = Vec::new();
    let answers = match Answers::from_json(&answers_for(changes)) {
        Ok(a) => a,
        Err(e) => return vec![format!("answers rejected: {e}")],
    };
    let out = serde_json::to_value(ruleset().assess(&answers)).expect("serialize");
    // the whole finding list, in the contract's table order
    let want: Vec<&str> =
        CONTRACT.iter().map(|c| c.0).filter(|id| (fires && *id == rule) || others.contains(id)).collect();
    let findings = out["findings"].as_array().expect("findings");
    let got: Vec<&str> = findings.iter().map(|f| f["id"].as_str().expect("id")).collect();
    let present = got.contains(&rule);
    if present != fires {
        wrong.push(format!(
            "`{rule}` {} but should {}",
            if present { "fired" } else { "did not fire" },
            if fires { "fire" } else { "not fire" }
        ));
    }
    if got != want {
        wrong.push(format!("findings {got:?}, contract says {want:?}"));
    }
    // each finding carries the kind, level and precautions of §3
    for f in findings {
        let id = f["id"].as_str().unwrap_or("?");
        let Some(&(_, kind, level, precautions)) = CONTRACT.iter().find(|c| c.0 == id) else {
            wrong.push(format!("finding `{id}` is not a rule of the contract"));
            continue;
        };
        if f["kind"] != kind {
            wrong.push(format!("`{id}` has kind {}, contract says {kind}", f["kind"]));
        }
        let want_level = if level == "note" { Value::Null } else { Value::from(level) };
        if f["triage"] != want_level {
            wrong.push(format!("`{id}` has triage {}, contract says {want_level}", f["triage"]));
        }
        let got_p: Vec<&str> =
            f["precautions"].as_array().expect("precautions").iter().filter_map(Value::as_str).collect();
        if got_p != precautions {
            wrong.push(format!("`{id}` has precautions {got_p:?}, contract says {precautions:?}"));
        }
    }
    // triage: the most urgent level among the expected findings, notes aside
    let want_triage = want
        .iter()
        .map(|id| contract(id).2)
        .filter(|l| *l != "note")
        .min_by_key(|l| TRIAGE_ORDER.iter().position(|t| t == l).expect("level"))
        .unwrap_or("massage_suitable");
    if out["triage"] != want_triage {
        wrong.push(format!("triage {}, contract says {want_triage}", out["triage"]));
    }
    let advisable = matches!(want_triage, "massage_with_precautions" | "massage_suitable");
    if out["massage_advisable_now"] != advisable {
        wrong.push(format!("massage_advisable_now should be {advisable}"));
    }
    wrong
}

/// Runs every case of one rule and fails naming each case that went wrong.
fn check_rule(rule: &str) {
    let cases: Vec<&Case> = CASES.iter().filter(|c| c.0 == rule).collect();
    assert!(cases.iter().any(|c| c.1), "`{rule}` needs a case where it fires");
    assert!(cases.iter().any(|c| !c.1), "`{rule}` needs a case where it does not fire");
    let mut failures = Vec::new();
    for case in cases {
        for w in run(case) {
            let what = if case.1 { "fires" } else { "does not fire" };
            let changes = if case.2.is_empty() { "benign answers" } else { case.2 };
            failures.push(format!("[{what}: {changes}] {w}"));
        }
    }
    assert!(failures.is_empty(), "rule `{rule}`:\n{}", failures.join("\n"));
}

macro_rules! rule_tests {
    ($($id:ident),* $(,)?) => {
        $(
            #[test]
            fn $id() {
                check_rule(stringify!($id));
            }
        )*
        /// The rules that have a test above.
        const TESTED: &[&str] = &[$(stringify!($id)),*];
    };
}

rule_tests! {
    cauda_equina, major_trauma, chest_symptoms, aneurysm_rupture_signs, infection_with_nerve_signs,
    cancer_with_nerve_signs,
    spinal_infection_suspected, fracture_suspected, malignancy_suspected, unexplained_weight_loss,
    constant_night_pain, leg_weakness, radicular_pain_with_cough, dvt_suspected, labour_signs, back_deformity,
    thoracic_pain, aneurysm_possible, known_aneurysm_new_pain, kidney_or_visceral_pain,
    infection_risk_with_worsening_pain,
    radiculopathy_suspected, stenosis_suspected, vascular_claudication_suspected, inflammatory_back_pain,
    cancer_history, active_cancer, severe_worsening_pain, recent_injection_drug_use, recent_spine_procedure,
    recent_major_surgery, clot_on_treatment, blood_thinner_problem, bleeding_disorder, high_risk_pregnancy,
    heart_condition, urinary_symptoms, not_adult,
    anticoagulant, antiplatelet, past_blood_clot, osteoporosis, long_term_steroids, pregnancy, postpartum,
    skin_problem_at_site, diabetes_neuropathy, kidney_disease, varicose_veins, implanted_device,
    recent_immobilisation, recent_fracture_or_injury, previous_spine_surgery, severe_acute_pain,
    aspirin_low_dose, referred_leg_pain, immunosuppressed, chronic_pain_evidence,
}

#[test]
fn table_covers_all_58_contract_rules_and_the_engine_has_no_other() {
    assert_eq!(CONTRACT.len(), 58);
    let contract_ids: Vec<&str> = CONTRACT.iter().map(|c| c.0).collect();
    assert_eq!(TESTED, &contract_ids[..], "one test per contract rule, in table order");
    for case in CASES {
        contract(case.0);
        for other in case.3 {
            contract(other);
            assert_ne!(*other, case.0, "{case:?}: the rule itself is not an `other` finding");
        }
    }
    let shipped: Vec<&str> = ruleset().rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(shipped, contract_ids, "the shipped rules are exactly the contract's, in its order");
}

#[test]
fn benign_answers_fire_nothing() {
    let a = Answers::from_json(&answers_for("")).expect("benign answers are valid");
    let out = ruleset().assess(&a);
    assert!(out.findings.is_empty());
    assert_eq!(serde_json::to_value(&out).unwrap()["triage"], "massage_suitable");
}
