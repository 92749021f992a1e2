//! The question catalogue (`data/questions.toml`) that every front end asks from: §1's fields
//! each asked once with §1's words as options, the emergency questions (§3's emergency table)
//! first and always asked (§4), skips that stand for §1's defaults, typed durations, and
//! catalogue mistakes reported when loaded.

use lumbar_core::screening::fields::{ANSWER_FIELDS, FieldKind};
use lumbar_core::screening::questions::{Input, Target, parse_duration_weeks};
use lumbar_core::screening::{Field, Ruleset, RulesetFiles};

use super::ruleset;

fn question(target: Target) -> &'static lumbar_core::screening::questions::Question {
    ruleset().questionnaire.questions.iter().find(|q| q.target == target).expect("asked")
}

fn option_values(target: Target) -> Vec<&'static str> {
    question(target).options.iter().map(|o| o.value.as_str()).collect()
}

#[test]
fn every_field_is_asked_once_and_emergency_questions_come_first() {
    let q = &ruleset().questionnaire;
    assert_eq!(q.questions.len(), ANSWER_FIELDS + 3, "55 answers and 3 preferences");
    assert_eq!(q.groups[0].id, "warning_signs");
    // every field §3's emergency rules read, by hand from the emergency table
    for name in [
        "saddle_numbness",
        "bladder_or_bowel_change",
        "new_sexual_dysfunction",
        "leg_numbness_or_tingling",
        "leg_weakness",
        "pain_spread_left",
        "pain_spread_right",
        "trauma",
        "chest_pain_or_breathless",
        "collapse_signs",
        "fever_or_chills",
        "cancer",
    ] {
        let q = question(Target::Answer(Field::by_name(name).unwrap()));
        assert_eq!(q.group, 0, "{name} is asked first");
        assert!(q.ask_when.is_none(), "{name} is always asked");
    }
    assert_eq!(question(Target::Answer(Field::Age)).group, 1);
    assert_eq!(question(Target::Preference(2)).group, q.groups.len() - 1);
}

#[test]
fn inputs_and_options_follow_section_1() {
    let a = |f: Field| Target::Answer(f);
    assert_eq!(question(a(Field::Age)).input, Input::Number);
    assert_eq!(question(a(Field::DurationWeeks)).input, Input::Duration);
    assert_eq!(question(a(Field::PainNow)).input, Input::Scale);
    assert_eq!(question(a(Field::InterferenceActivity)).input, Input::Scale);
    assert_eq!(question(a(Field::Sex)).input, Input::Choice);
    assert_eq!(question(a(Field::FeverOrChills)).input, Input::YesNo);
    assert_eq!(question(Target::Preference(0)).input, Input::Choice);
    // choices: §1's words in §1's order, each with a label
    assert_eq!(option_values(a(Field::Trauma)), ["none", "minor", "major"]);
    assert_eq!(option_values(a(Field::Cancer)), ["never", "past", "current"]);
    assert_eq!(
        option_values(a(Field::NightPain)),
        ["none", "eases_with_position", "wakes_late_eases_on_moving", "constant"]
    );
    assert_eq!(option_values(a(Field::BloodThinner)), ["none", "aspirin_low_dose", "antiplatelet", "anticoagulant"]);
    assert_eq!(option_values(a(Field::PainSpreadRight)), ["back_only", "buttock", "thigh", "below_knee"]);
    assert_eq!(option_values(Target::Preference(0)), ["deep_tissue", "swedish", "no_preference"]);
    assert_eq!(option_values(Target::Preference(1)), ["light", "medium", "firm", "no_preference"]);
    assert_eq!(option_values(Target::Preference(2)), ["ease_tension", "relax", "move_better", "no_preference"]);
    assert_eq!(option_values(a(Field::Age)), Vec::<&str>::new());
    for q in &ruleset().questionnaire.questions {
        match q.target.kind() {
            FieldKind::Bool => {
                let v: Vec<(&str, &str)> = q.options.iter().map(|o| (o.value.as_str(), o.label.as_str())).collect();
                assert_eq!(v, [("true", "Yes"), ("false", "No")], "{}", q.target.path());
            }
            FieldKind::Choice(words) => {
                let v: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
                assert_eq!(v, words, "{}", q.target.path());
                assert!(q.options.iter().all(|o| !o.label.trim().is_empty()));
            }
            _ => assert!(q.options.is_empty()),
        }
        assert!(!q.text.is_empty());
    }
}

#[test]
fn targets_name_their_json_path() {
    assert_eq!(Target::Answer(Field::Age).path(), "age");
    assert_eq!(Target::Answer(Field::LegPainOnWalking).path(), "leg_pain_on_walking");
    assert_eq!(Target::Preference(0).path(), "preferences.style");
    assert_eq!(Target::Preference(1).path(), "preferences.pressure");
    assert_eq!(Target::Preference(2).path(), "preferences.goal");
    assert_eq!(Target::Preference(1).kind(), FieldKind::Choice(&["light", "medium", "firm", "no_preference"]));
    assert_eq!(Target::Answer(Field::Age).kind(), FieldKind::Int { min: 0, max: 120 });
}

#[test]
fn skipped_questions_apply_only_when_certain_and_stand_for_the_defaults() {
    let rs = ruleset();
    let mut answered = [None; ANSWER_FIELDS];
    let pregnancy = question(Target::Answer(Field::Pregnancy));
    let high_risk = question(Target::Answer(Field::PregnancyHighRisk));
    let worse = question(Target::Answer(Field::LegPainWorseThanBack));
    assert!(question(Target::Answer(Field::Age)).applies(&answered), "no condition: always asked");
    assert!(!pregnancy.applies(&answered), "sex not answered yet");
    answered[Field::Sex as usize] = Some(1.0); // male
    assert!(!pregnancy.applies(&answered));
    answered[Field::Sex as usize] = Some(0.0); // female
    assert!(pregnancy.applies(&answered));
    assert!(!high_risk.applies(&answered));
    answered[Field::Pregnancy as usize] = Some(1.0); // pregnant
    assert!(high_risk.applies(&answered));
    answered[Field::PainSpreadLeft as usize] = Some(0.0);
    answered[Field::PainSpreadRight as usize] = Some(0.0);
    assert!(!worse.applies(&answered), "both sides back only");
    answered[Field::PainSpreadRight as usize] = Some(2.0);
    assert!(worse.applies(&answered));

    // complete(): a pregnant woman who has not said whether it is high-risk is not complete
    let mut all = [Some(0.0); ANSWER_FIELDS];
    all[Field::Age as usize] = Some(30.0);
    all[Field::Sex as usize] = Some(0.0);
    all[Field::Pregnancy as usize] = Some(1.0);
    all[Field::PregnancyHighRisk as usize] = None;
    assert_eq!(rs.questionnaire.complete(&all), None);
    all[Field::PregnancyHighRisk as usize] = Some(1.0);
    let done = rs.questionnaire.complete(&all).expect("complete");
    assert_eq!(done[Field::PregnancyHighRisk as usize], 1.0);
    assert_eq!(done[Field::Age as usize], 30.0);
    // a woman who is not pregnant skips both pregnancy follow-ups: they stand for `false`
    all[Field::Pregnancy as usize] = Some(0.0);
    all[Field::PregnancyHighRisk as usize] = None;
    all[Field::LabourSigns as usize] = None;
    let done = rs.questionnaire.complete(&all).expect("complete");
    assert_eq!(done[Field::PregnancyHighRisk as usize], 0.0);
    assert_eq!(done[Field::LabourSigns as usize], 0.0);
    // an unanswered question that applies is not filled
    all[Field::Age as usize] = None;
    assert_eq!(rs.questionnaire.complete(&all), None);
}

#[test]
fn typed_durations_in_weeks() {
    let cases = [
        ("2 weeks", 2.0),
        ("2", 2.0),
        ("2w", 2.0),
        ("2 wk", 2.0),
        ("2 wks", 2.0),
        ("1 week", 1.0),
        ("3 days", 0.43),
        ("1 day", 0.14),
        ("7 d", 1.0),
        ("6 months", 26.0),
        ("3 mo", 13.0),
        ("1 month", 4.33),
        ("1 m", 4.33),
        ("1.5 years", 78.0),
        ("2 y", 104.0),
        ("1 yr", 52.0),
        ("3 yrs", 156.0),
        ("  4 DAYS ", 0.57),
        ("0 days", 0.0),
        ("100 years", 5200.0),
        ("0.5", 0.5),
    ];
    for (text, weeks) in cases {
        assert_eq!(parse_duration_weeks(text), Ok(weeks), "{text:?}");
    }
    for (text, says) in [
        ("weeks", "start with a number"),
        ("", "start with a number"),
        ("two weeks", "start with a number"),
        ("3 fortnights", "unknown unit"),
        ("101 years", "between 0 days and 100 years"),
        ("5201", "between"),
    ] {
        let e = parse_duration_weeks(text).expect_err(text);
        assert!(e.contains(says), "{text:?}: {e}");
    }
    assert!(parse_duration_weeks("3 fortnights").unwrap_err().contains("fortnights"));
}

/// Loads the shipped files with one textual edit of `questions.toml`; returns the problems.
fn problems_after(from: &str, to: &str) -> Vec<String> {
    let shipped = RulesetFiles::SHIPPED;
    assert!(shipped.questions.contains(from), "test edit `{from}` not found");
    let edited = shipped.questions.replacen(from, to, 1);
    match Ruleset::load(RulesetFiles { questions: &edited, ..shipped }) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

fn has(problems: &[String], needle: &str) -> bool {
    problems.iter().any(|p| p.contains(needle))
}

#[test]
fn catalogue_mistakes_are_startup_errors() {
    let cases: &[(&str, &str, &str)] = &[
        ("field = \"sex\"", "field = \"age\"", "(`age`): the field is asked twice"),
        (
            "field = \"age\"\ngroup = \"about_you\"",
            "field = \"age\"\ngroup = \"elsewhere\"",
            "unknown group `elsewhere`",
        ),
        (
            "field = \"implanted_device\"\ngroup = \"health\"",
            "field = \"implanted_device\"\ngroup = \"about_you\"",
            "(`implanted_device`): questions must follow the order of the groups",
        ),
        (
            "field = \"fever_or_chills\"\ngroup = \"warning_signs\"\n",
            "field = \"fever_or_chills\"\ngroup = \"warning_signs\"\ninput = \"scale\"\n",
            "input Scale does not fit the field",
        ),
        (
            "field = \"age\"\ngroup = \"about_you\"\n",
            "field = \"age\"\ngroup = \"about_you\"\ninput = \"yes_no\"\n",
            "input YesNo does not fit the field",
        ),
        (
            "{ value = \"major\", label = ",
            "{ value = \"minor\", label = \"Again\" },\n  { value = \"major\", label = ",
            "option `minor` is listed twice",
        ),
        (
            "{ value = \"major\", label = ",
            "{ value = \"huge\", label = \"Huge\" },\n  { value = \"major\", label = ",
            "`huge` is not a value of the field",
        ),
        (
            "field = \"age\"\ngroup = \"about_you\"\n",
            "field = \"age\"\ngroup = \"about_you\"\noptions = [{ value = \"1\", label = \"One\" }]\n",
            "only choice and yes/no questions have options",
        ),
        ("ask_when = \"sex != male\"", "ask_when = \"sex != mail\"", "(`pregnancy`): ask_when: `mail`"),
        ("ask_when = \"sex != male\"", "ask_when = \"spread == thigh\"", "ask_when reads `spread`"),
        ("ask_when = \"sex != male\"\nwhen_skipped = \"no\"\n", "ask_when = \"sex != male\"\n", "needs when_skipped"),
        (
            "when_skipped = \"no\"",
            "when_skipped = \"maybe\"",
            "(`pregnancy`): when_skipped is not a value of the field",
        ),
        ("when_skipped = \"no\"", "when_skipped = 0", "(`pregnancy`): when_skipped is not a value of the field"),
        (
            "ask_when = \"pregnancy == pregnant\"\nwhen_skipped = false",
            "ask_when = \"pregnancy == pregnant\"\nwhen_skipped = \"no\"",
            "(`pregnancy_high_risk`): when_skipped is not a value of the field",
        ),
        (
            "field = \"varicose_veins\"\ngroup = \"health\"\n",
            "field = \"varicose_veins\"\ngroup = \"health\"\nwhen_skipped = false\n",
            "(`varicose_veins`): when_skipped without ask_when",
        ),
        (
            "field = \"preferences.goal\"\ngroup = \"preferences\"\n",
            "field = \"preferences.goal\"\ngroup = \"preferences\"\nask_when = \"age > 1\"\nwhen_skipped = \"relax\"\n",
            "preference questions are always asked",
        ),
        ("text = \"How old are you?\"", "text = \"  \"", "(`age`): empty text"),
        ("field = \"preferences.goal\"", "field = \"preferences.mood\"", "no question asks `preferences.goal`"),
        ("field = \"preferences.goal\"", "field = \"preferences.mood\"", "(`preferences.mood`): unknown field"),
        ("field = \"sex\"", "field = \"onset_age\"", "(`onset_age`): unknown field"),
        ("id = \"about_you\"", "id = \"warning_signs\"", "duplicate group id `warning_signs`"),
        (
            "field = \"cancer\"\ngroup = \"warning_signs\"\n",
            "field = \"cancer\"\ngroup = \"warning_signs\"\nask_when = \"fever_or_chills\"\nwhen_skipped = \"never\"\n",
            "`cancer` is read by emergency rule `cancer_with_nerve_signs` and must be asked, unconditionally",
        ),
        ("[[group]]", "[[group]", "questions.toml:"),
    ];
    for (from, to, needle) in cases {
        let p = problems_after(from, to);
        assert!(has(&p, needle), "{to:?}: expected a problem containing {needle:?}, got {p:#?}");
    }
}

#[test]
fn yes_no_questions_may_relabel_true_and_false_only() {
    let q = "field = \"varicose_veins\"\ngroup = \"health\"\n";
    let with = |options: &str| problems_after(q, &format!("{q}options = [{options}]\n"));
    let wrong = "a yes/no question's options must be `true` and `false`";
    for bad in [
        "{ value = \"true\", label = \"Yes\" }, { value = \"maybe\", label = \"Maybe\" }",
        "{ value = \"maybe\", label = \"Maybe\" }, { value = \"false\", label = \"No\" }",
        "{ value = \"true\", label = \"Yes\" }, { value = \"true\", label = \"Yes!\" }",
        "{ value = \"true\", label = \"Yes\" }",
        "{ value = \"true\", label = \"Yes\" }, { value = \"false\", label = \"No\" }, { value = \"false\", label = \"Never\" }",
    ] {
        assert!(has(&with(bad), wrong), "{bad}");
    }
    let good = "{ value = \"false\", label = \"Nope\" }, { value = \"true\", label = \"Yes, prominent\" }";
    assert_eq!(with(good), Vec::<String>::new());
    let edited = RulesetFiles::SHIPPED.questions.replacen(q, &format!("{q}options = [{good}]\n"), 1);
    let rs = Ruleset::load(RulesetFiles { questions: &edited, ..RulesetFiles::SHIPPED }).unwrap();
    let v = rs.questionnaire.questions.iter().find(|x| x.target == Target::Answer(Field::VaricoseVeins)).unwrap();
    let labels: Vec<(&str, &str)> = v.options.iter().map(|o| (o.value.as_str(), o.label.as_str())).collect();
    assert_eq!(labels, [("false", "Nope"), ("true", "Yes, prominent")]);
}

#[test]
fn a_skipped_yes_no_question_can_stand_for_yes() {
    // when_skipped = true is stored as 1 (a rule set may need it; the shipped one skips to false)
    let from = "ask_when = \"blood_thinner != none\"\nwhen_skipped = false";
    let to = "ask_when = \"blood_thinner != none\"\nwhen_skipped = true";
    assert!(RulesetFiles::SHIPPED.questions.contains(from));
    let edited = RulesetFiles::SHIPPED.questions.replacen(from, to, 1);
    let rs = Ruleset::load(RulesetFiles { questions: &edited, ..RulesetFiles::SHIPPED }).unwrap();
    let q = rs.questionnaire.questions.iter().find(|x| x.target == Target::Answer(Field::BloodThinnerProblem)).unwrap();
    assert_eq!(q.when_skipped, Some(1.0));
    assert_eq!(question(Target::Answer(Field::BloodThinnerProblem)).when_skipped, Some(0.0));
    assert_eq!(question(Target::Answer(Field::Pregnancy)).when_skipped, Some(0.0), "\"no\" is the first word");
}
