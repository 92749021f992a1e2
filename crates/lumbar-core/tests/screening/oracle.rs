//! An independent reading of SCREENING.md §3: every rule's condition written out by hand in
//! Rust, straight from the contract's tables, for the property tests to compare the engine
//! with. It shares nothing with `rules.toml` or the condition language, so a rule that the
//! data, the parser or the evaluator gets wrong shows up as a difference.

use lumbar_core::screening::{Answers, Field};

/// §3: `spread` is the farther side, in the order back_only < buttock < thigh < below_knee.
fn spread(a: &Answers) -> &'static str {
    const ORDER: [&str; 4] = ["back_only", "buttock", "thigh", "below_knee"];
    let rank = |f: Field| ORDER.iter().position(|s| *s == a.choice(f)).expect("a spread value");
    ORDER[rank(Field::PainSpreadLeft).max(rank(Field::PainSpreadRight))]
}

/// The ids of every §3 rule whose condition holds for `a`, in the contract's table order.
pub fn contract_findings(a: &Answers) -> Vec<&'static str> {
    use Field::*;
    let flag = |f: Field| a.flag(f);
    let is = |f: Field, v: &str| a.choice(f) == v;
    let num = |f: Field| a.number(f);
    let spread = spread(a);
    let onset_age = num(Age) - num(DurationWeeks) / 52.0;
    let nerve_signs = !is(LegWeakness, "none") || !is(LegNumbnessOrTingling, "none");
    let had_cancer = !is(Cancer, "never");
    let radiculopathy = spread == "below_knee"
        || is(LegNumbnessOrTingling, "one_leg")
        || (flag(LegPainWorseThanBack) && matches!(spread, "thigh" | "below_knee"));

    let rules: [(&'static str, bool); 58] = [
        // Emergency
        (
            "cauda_equina",
            flag(SaddleNumbness)
                || flag(BladderOrBowelChange)
                || flag(NewSexualDysfunction)
                || is(LegNumbnessOrTingling, "both_legs")
                || is(LegWeakness, "both_legs")
                || (is(PainSpreadLeft, "below_knee") && is(PainSpreadRight, "below_knee")),
        ),
        ("major_trauma", is(Trauma, "major")),
        ("chest_symptoms", flag(ChestPainOrBreathless)),
        ("aneurysm_rupture_signs", flag(CollapseSigns)),
        ("infection_with_nerve_signs", flag(FeverOrChills) && nerve_signs),
        ("cancer_with_nerve_signs", had_cancer && nerve_signs),
        // Urgent medical, same day
        ("spinal_infection_suspected", flag(FeverOrChills)),
        (
            "fracture_suspected",
            is(Trauma, "minor") && (num(Age) > 70.0 || flag(Osteoporosis) || flag(LongTermSteroids)),
        ),
        (
            "malignancy_suspected",
            had_cancer
                && (is(NightPain, "constant")
                    || flag(UnexplainedWeightLoss)
                    || is(PainTrend, "worsening")
                    || (flag(PainNewOrChanged) && num(DurationWeeks) >= 4.0 && !is(PainTrend, "improving"))),
        ),
        ("unexplained_weight_loss", flag(UnexplainedWeightLoss)),
        ("constant_night_pain", is(NightPain, "constant")),
        ("leg_weakness", is(LegWeakness, "one_leg")),
        ("radicular_pain_with_cough", flag(PainWorseWithCoughOrSneeze) && matches!(spread, "thigh" | "below_knee")),
        ("dvt_suspected", is(BloodClot, "suspected")),
        ("labour_signs", is(Pregnancy, "pregnant") && flag(LabourSigns)),
        ("back_deformity", flag(BackLumpOrShapeChange)),
        ("thoracic_pain", flag(UpperBackPain)),
        ("aneurysm_possible", flag(AbdominalPulsation)),
        ("known_aneurysm_new_pain", flag(KnownAorticAneurysm) && flag(PainNewOrChanged)),
        ("kidney_or_visceral_pain", flag(FlankPainOrBloodInUrine)),
        (
            "infection_risk_with_worsening_pain",
            (is(InjectionDrugUse, "within_year") || flag(Immunosuppressed) || is(SpineProcedure, "within_12_weeks"))
                && (is(PainTrend, "worsening") || is(NightPain, "constant")),
        ),
        // See a provider first
        ("radiculopathy_suspected", radiculopathy),
        ("stenosis_suspected", is(LegPainOnWalking, "eased_by_sitting_or_bending")),
        ("vascular_claudication_suspected", is(LegPainOnWalking, "eased_by_standing_still")),
        (
            "inflammatory_back_pain",
            num(DurationWeeks) > 12.0
                && onset_age < 45.0
                && flag(MorningStiffnessOver30Min)
                && (flag(StiffnessEasesWithExercise) || is(NightPain, "wakes_late_eases_on_moving")),
        ),
        ("cancer_history", is(Cancer, "past")),
        ("active_cancer", is(Cancer, "current")),
        ("severe_worsening_pain", num(PainNow) >= 8.0 && is(PainTrend, "worsening")),
        ("recent_injection_drug_use", is(InjectionDrugUse, "within_year")),
        ("recent_spine_procedure", is(SpineProcedure, "within_12_weeks")),
        ("recent_major_surgery", flag(MajorSurgeryWithin6Weeks)),
        ("clot_on_treatment", is(BloodClot, "on_treatment")),
        ("blood_thinner_problem", flag(BloodThinnerProblem)),
        ("bleeding_disorder", flag(BleedingDisorder)),
        ("high_risk_pregnancy", is(Pregnancy, "pregnant") && flag(PregnancyHighRisk)),
        ("heart_condition", flag(HeartConditionUncontrolled)),
        ("urinary_symptoms", flag(NewUrinaryBurningOrFrequency)),
        ("not_adult", num(Age) < 18.0),
        // Massage with precautions
        ("anticoagulant", is(BloodThinner, "anticoagulant")),
        ("antiplatelet", is(BloodThinner, "antiplatelet")),
        ("past_blood_clot", is(BloodClot, "past")),
        ("osteoporosis", flag(Osteoporosis)),
        ("long_term_steroids", flag(LongTermSteroids)),
        ("pregnancy", is(Pregnancy, "pregnant")),
        ("postpartum", is(Pregnancy, "postpartum")),
        ("skin_problem_at_site", flag(SkinProblemAtSite)),
        ("diabetes_neuropathy", flag(DiabetesNeuropathy)),
        ("kidney_disease", flag(KidneyDisease)),
        ("varicose_veins", flag(VaricoseVeins)),
        ("implanted_device", flag(ImplantedDevice)),
        ("recent_immobilisation", flag(RecentImmobilisation)),
        ("recent_fracture_or_injury", flag(RecentFractureOrInjury)),
        ("previous_spine_surgery", is(SpineProcedure, "earlier")),
        ("severe_acute_pain", num(PainNow) >= 8.0 && !is(PainTrend, "worsening") && num(DurationWeeks) < 4.0),
        // Notes
        ("aspirin_low_dose", is(BloodThinner, "aspirin_low_dose")),
        ("referred_leg_pain", matches!(spread, "buttock" | "thigh") && !radiculopathy),
        ("immunosuppressed", flag(Immunosuppressed)),
        ("chronic_pain_evidence", num(DurationWeeks) > 12.0),
    ];
    rules.iter().filter(|(_, holds)| *holds).map(|(id, _)| *id).collect()
}
