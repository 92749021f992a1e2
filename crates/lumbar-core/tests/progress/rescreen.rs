//! The re-screen before every logged entry (PROGRESS.md §3): every question that feeds an
//! `emergency` or `urgent_medical` rule, from a list transcribed by hand from SCREENING.md §3.

use lumbar_core::screening::{Ruleset, RulesetFiles, rescreen_questions};

use super::ruleset;

/// Every field read by a rule of SCREENING.md §3 "Emergency" and "Urgent medical, same day",
/// transcribed by hand, rule by rule (`spread` is read from `pain_spread_left` and
/// `pain_spread_right`), without duplicates.
const EXPECTED: &[&str] = &[
    // cauda_equina
    "saddle_numbness",
    "bladder_or_bowel_change",
    "new_sexual_dysfunction",
    "leg_numbness_or_tingling",
    "leg_weakness",
    "pain_spread_left",
    "pain_spread_right",
    // major_trauma
    "trauma",
    // chest_symptoms
    "chest_pain_or_breathless",
    // aneurysm_rupture_signs
    "collapse_signs",
    // infection_with_nerve_signs (+ leg_weakness, leg_numbness_or_tingling)
    "fever_or_chills",
    // cancer_with_nerve_signs
    "cancer",
    // spinal_infection_suspected: fever_or_chills
    // fracture_suspected (+ trauma)
    "age",
    "osteoporosis",
    "long_term_steroids",
    // malignancy_suspected (+ cancer)
    "night_pain",
    "unexplained_weight_loss",
    "pain_trend",
    "pain_new_or_changed",
    "duration_weeks",
    // unexplained_weight_loss, constant_night_pain, leg_weakness: already listed
    // radicular_pain_with_cough (+ spread)
    "pain_worse_with_cough_or_sneeze",
    // dvt_suspected
    "blood_clot",
    // labour_signs
    "pregnancy",
    "labour_signs",
    // back_deformity
    "back_lump_or_shape_change",
    // thoracic_pain
    "upper_back_pain",
    // aneurysm_possible
    "abdominal_pulsation",
    // known_aneurysm_new_pain (+ pain_new_or_changed)
    "known_aortic_aneurysm",
    // kidney_or_visceral_pain
    "flank_pain_or_blood_in_urine",
    // infection_risk_with_worsening_pain (+ pain_trend, night_pain)
    "injection_drug_use",
    "immunosuppressed",
    "spine_procedure",
];

fn sorted(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| (*s).to_owned()).collect();
    v.sort();
    v
}

#[test]
fn the_rescreen_asks_every_question_that_feeds_an_emergency_or_urgent_rule() {
    let got = rescreen_questions(ruleset());
    assert_eq!(EXPECTED.len(), 32);
    assert_eq!(sorted(&got), sorted(EXPECTED));
}

#[test]
fn the_rescreen_keeps_the_questionnaires_order_and_leaves_out_the_rest() {
    let got = rescreen_questions(ruleset());
    // The first questions of the first group are emergency questions; a few that only feed a
    // referral, a precaution or a note, by hand from SCREENING.md §3, are not asked again.
    for not_asked in [
        "sex",
        "pain_now",
        "leg_pain_on_walking",
        "blood_thinner",
        "bleeding_disorder",
        "varicose_veins",
        "morning_stiffness_over_30_min",
    ] {
        assert!(!got.contains(&not_asked), "{not_asked}");
    }
    let order: Vec<String> = ruleset().questionnaire.questions.iter().map(|q| q.target.path()).collect();
    let positions: Vec<usize> =
        got.iter().map(|id| order.iter().position(|p| p == id).unwrap_or_else(|| panic!("{id}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{got:?}");
}

#[test]
fn derived_fields_map_back_to_the_questions_they_come_from() {
    // Rewrite two conditions so that `age` is only read through `onset_age`, and the two
    // pain-spread questions only through `spread`: the re-screen must not change.
    let shipped = RulesetFiles::SHIPPED.rules;
    let rules = shipped
        .replace("\nor (pain_spread_left == below_knee and pain_spread_right == below_knee)\n", "\n")
        .replace("trauma == minor and (age > 70 or", "trauma == minor and (onset_age > 70 or");
    assert_eq!(
        rules.len(),
        shipped.len() - "\nor (pain_spread_left == below_knee and pain_spread_right == below_knee)".len()
            + "onset_".len()
    );
    let rs = Ruleset::load(RulesetFiles { rules: &rules, ..RulesetFiles::SHIPPED }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sorted(&rescreen_questions(&rs)), sorted(EXPECTED));
}
