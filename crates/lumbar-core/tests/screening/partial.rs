//! SCREENING.md §4: "ask emergency questions first; when an emergency answer is given, stop
//! and show what to do at once (the remaining answers are not needed for that outcome)".
//! `Ruleset::emergencies_settled` on partial answers, with the shipped rules and with a test
//! rule set whose emergency rule reads the derived fields (`onset_age`, `spread`), which are
//! known early only in the cases §3 makes certain.

use lumbar_core::screening::fields::ANSWER_FIELDS;
use lumbar_core::screening::{Field, Ruleset, RulesetFiles};

use super::ruleset;

type Partial = [Option<f64>; ANSWER_FIELDS];

/// Partial answers: only the given fields answered (choices by word, booleans 0/1).
fn partial(given: &[(Field, &str)]) -> Partial {
    let mut p = [None; ANSWER_FIELDS];
    for &(f, v) in given {
        let x = match v {
            "true" => 1.0,
            "false" => 0.0,
            _ => f.choice_index(v).map_or_else(|| v.parse().expect("a number"), |i| i as f64),
        };
        p[f as usize] = Some(x);
    }
    p
}

fn settled(rs: &Ruleset, given: &[(Field, &str)]) -> Vec<String> {
    rs.emergencies_settled(&partial(given)).iter().map(|r| r.id.clone()).collect()
}

#[test]
fn shipped_emergencies_settle_on_the_first_answers() {
    use Field::*;
    let rs = ruleset();
    let none: Vec<String> = Vec::new();
    assert_eq!(settled(rs, &[]), none, "nothing answered, nothing settled");
    assert_eq!(settled(rs, &[(SaddleNumbness, "true")]), ["cauda_equina"]);
    assert_eq!(settled(rs, &[(SaddleNumbness, "false")]), none);
    assert_eq!(settled(rs, &[(LegWeakness, "both_legs")]), ["cauda_equina"]);
    assert_eq!(settled(rs, &[(PainSpreadLeft, "below_knee")]), none, "the other side is not known yet");
    assert_eq!(settled(rs, &[(PainSpreadLeft, "below_knee"), (PainSpreadRight, "below_knee")]), ["cauda_equina"]);
    assert_eq!(settled(rs, &[(Trauma, "major")]), ["major_trauma"]);
    assert_eq!(settled(rs, &[(Trauma, "minor")]), none);
    assert_eq!(settled(rs, &[(FeverOrChills, "true")]), none, "urgent, not an emergency, and nerve signs unknown");
    assert_eq!(settled(rs, &[(FeverOrChills, "true"), (LegWeakness, "one_leg")]), ["infection_with_nerve_signs"]);
    assert_eq!(settled(rs, &[(Cancer, "past"), (LegNumbnessOrTingling, "one_leg")]), ["cancer_with_nerve_signs"]);
    assert_eq!(
        settled(rs, &[(ChestPainOrBreathless, "true"), (CollapseSigns, "true"), (BladderOrBowelChange, "true")]),
        ["cauda_equina", "chest_symptoms", "aneurysm_rupture_signs"]
    );
    // urgent and lesser findings never settle an emergency, answered or not
    assert_eq!(settled(rs, &[(UpperBackPain, "true"), (BloodClot, "suspected"), (Age, "10")]), none);
}

/// The shipped files, with one emergency rule that reads `onset_age` and `spread`, and the
/// fields behind them asked first (the loader requires that of emergency rules).
fn derived_test_ruleset() -> Ruleset {
    let shipped = RulesetFiles::SHIPPED;
    let rules = shipped.rules.replacen(
        "when = \"trauma == major\"",
        "when = \"trauma == major or onset_age < 18 or spread == below_knee\"",
        1,
    );
    assert_ne!(rules, shipped.rules, "test edit of rules.toml not found");
    let duration = "[[question]]\nfield = \"duration_weeks\"\ngroup = \"your_pain\"\n";
    let start = shipped.questions.find(duration).expect("duration question");
    let len = shipped.questions[start..].find("\n\n").expect("end of the duration question") + 2;
    let block = shipped.questions[start..start + len].replace("your_pain", "warning_signs");
    let mut questions = shipped.questions.to_owned();
    questions.replace_range(start..start + len, "");
    let age = "[[question]]\nfield = \"age\"\ngroup = \"about_you\"\n";
    assert!(questions.contains(age), "age question");
    questions =
        questions.replacen(age, &format!("{block}[[question]]\nfield = \"age\"\ngroup = \"warning_signs\"\n"), 1);
    Ruleset::load(RulesetFiles { rules: &rules, questions: &questions, ..shipped }).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn derived_fields_settle_only_when_certain() {
    use Field::*;
    let rs = derived_test_ruleset();
    let mt = vec!["major_trauma".to_owned()];
    let none: Vec<String> = Vec::new();
    // onset_age = age − duration_weeks / 52, known once both are
    assert_eq!(settled(&rs, &[(Age, "20"), (DurationWeeks, "156")]), mt, "onset 17");
    assert_eq!(settled(&rs, &[(Age, "20"), (DurationWeeks, "104")]), none, "onset 18");
    assert_eq!(settled(&rs, &[(Age, "40"), (DurationWeeks, "156")]), none, "onset 37");
    assert_eq!(settled(&rs, &[(Age, "30"), (DurationWeeks, "52")]), none, "onset 29");
    assert_eq!(settled(&rs, &[(Age, "17")]), none, "duration unknown");
    assert_eq!(settled(&rs, &[(DurationWeeks, "5200")]), none, "age unknown");
    // spread = the farther side: certain once either side is below the knee, else once both are known
    assert_eq!(settled(&rs, &[(PainSpreadLeft, "below_knee")]), mt);
    assert_eq!(settled(&rs, &[(PainSpreadRight, "below_knee")]), mt);
    assert_eq!(settled(&rs, &[(PainSpreadLeft, "thigh")]), none, "the right side may still go below the knee");
    assert_eq!(settled(&rs, &[(PainSpreadRight, "buttock")]), none);
    assert_eq!(settled(&rs, &[(PainSpreadLeft, "thigh"), (PainSpreadRight, "below_knee")]), mt);
    assert_eq!(settled(&rs, &[(PainSpreadLeft, "below_knee"), (PainSpreadRight, "back_only")]), mt);
    assert_eq!(settled(&rs, &[(PainSpreadLeft, "thigh"), (PainSpreadRight, "thigh")]), none);
    // and on complete answers the same rule set agrees
    assert_eq!(settled(&rs, &[(Trauma, "major")]), mt);
}
