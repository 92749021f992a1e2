//! Property tests of SCREENING.md §2 and §4 over random, valid answers.

use lumbar_core::screening::fields::{ALL_FIELDS, ANSWER_FIELDS, FIELDS, FieldKind};
use lumbar_core::screening::{Answers, Assessment, Field, Preferences, RuleKind, Style, Triage};
use proptest::prelude::*;

use super::oracle::contract_findings;
use super::ruleset;

/// The all-benign answers: nothing that should fire any rule.
pub fn benign() -> [f64; ANSWER_FIELDS] {
    let mut v = [0.0; ANSWER_FIELDS];
    v[Field::Age as usize] = 40.0;
    v[Field::DurationWeeks as usize] = 2.0;
    for f in [Field::PainNow, Field::PainAverageWeek, Field::InterferenceEnjoyment, Field::InterferenceActivity] {
        v[f as usize] = 3.0;
    }
    v
}

/// Restores the contract's consistency rules after random generation or a mutation.
fn make_consistent(v: &mut [f64; ANSWER_FIELDS]) {
    let pregnant = Field::Pregnancy.choice_index("pregnant").unwrap() as f64;
    if v[Field::Pregnancy as usize] != pregnant {
        v[Field::LabourSigns as usize] = 0.0;
        v[Field::PregnancyHighRisk as usize] = 0.0;
    }
    if v[Field::PainSpreadLeft as usize] == 0.0 && v[Field::PainSpreadRight as usize] == 0.0 {
        v[Field::LegPainWorseThanBack as usize] = 0.0;
    }
    if v[Field::BloodThinner as usize] == 0.0 {
        v[Field::BloodThinnerProblem as usize] = 0.0;
    }
}

fn field_value(kind: FieldKind) -> BoxedStrategy<f64> {
    match kind {
        FieldKind::Bool => prop_oneof![4 => Just(0.0), 1 => Just(1.0)].boxed(),
        FieldKind::Int { min, max } => (min..=max).prop_map(|i| i as f64).boxed(),
        FieldKind::Number { .. } => {
            prop_oneof![(0u32..=60).prop_map(|w| w as f64 / 2.0), (0u32..=5200).prop_map(f64::from)].boxed()
        }
        FieldKind::Choice(options) => {
            prop_oneof![3 => Just(0.0), 2 => (0..options.len()).prop_map(|i| i as f64)].boxed()
        }
    }
}

fn answers_strategy() -> impl Strategy<Value = Answers> {
    let fields: Vec<BoxedStrategy<f64>> = FIELDS[..ANSWER_FIELDS].iter().map(|f| field_value(f.kind)).collect();
    let prefs = (prop::option::of(0u8..3), prop::option::of(0u8..4), prop::option::of(0u8..4));
    (fields, prefs).prop_map(|(values, (style, pressure, goal))| {
        let mut v = [0.0; ANSWER_FIELDS];
        v.copy_from_slice(&values);
        make_consistent(&mut v);
        Answers::from_values(v, Preferences { style, pressure, goal }).expect("generated answers are valid")
    })
}

/// Single answers that fire a red-flag rule on their own (found from the rules, not listed
/// by hand, so a new red flag is covered automatically).
fn red_flag_answers() -> Vec<(Field, f64)> {
    let rs = ruleset();
    let mut out = Vec::new();
    for spec in &FIELDS[..ANSWER_FIELDS] {
        let values: Vec<f64> = match spec.kind {
            FieldKind::Bool => vec![1.0],
            FieldKind::Choice(o) => (1..o.len()).map(|i| i as f64).collect(),
            FieldKind::Int { min, max } => vec![min as f64, max as f64],
            FieldKind::Number { max, .. } => vec![max],
        };
        for x in values {
            let mut v = benign();
            v[spec.field as usize] = x;
            if spec.field == Field::LabourSigns || spec.field == Field::PregnancyHighRisk {
                v[Field::Pregnancy as usize] = Field::Pregnancy.choice_index("pregnant").unwrap() as f64;
            }
            make_consistent(&mut v);
            let Ok(a) = Answers::from_values(v, Preferences::default()) else { continue };
            if rs.assess(&a).finding_rules().any(|r| r.kind == RuleKind::RedFlag) {
                out.push((spec.field, x));
            }
        }
    }
    out
}

fn check_invariants(a: &Answers, out: &Assessment<'_>) -> Result<(), TestCaseError> {
    let rs = ruleset();
    let rules: Vec<_> = out.finding_rules().collect();
    // triage is the most urgent level among the findings
    let expected = rules.iter().filter_map(|r| r.level).min().unwrap_or(Triage::MassageSuitable);
    prop_assert_eq!(out.triage, expected);
    prop_assert_eq!(
        out.massage_advisable_now(),
        matches!(expected, Triage::MassageWithPrecautions | Triage::MassageSuitable)
    );
    // every rule whose condition holds fired, and only those (§2: "every rule that fired";
    // nothing is suppressed — `referred_leg_pain` excludes radiculopathy in its own condition).
    // (1) Against §3 written out by hand (oracle.rs), independent of the data and the parser:
    let mut got: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    let mut want = contract_findings(a);
    got.sort_unstable();
    want.sort_unstable();
    prop_assert_eq!(&got, &want, "findings differ from the contract's conditions");
    // (2) Each shipped rule's own condition evaluated alone (public `Cond::eval`), with the
    // derived fields computed here and `fired(…)` read from the findings: a rule fired
    // exactly when its condition holds, and no rule is listed twice.
    let mut v = [0.0; ALL_FIELDS];
    v[..ANSWER_FIELDS].copy_from_slice(a.raw_values());
    v[Field::OnsetAge as usize] = a.number(Field::Age) - a.number(Field::DurationWeeks) / 52.0;
    v[Field::Spread as usize] = a.raw(Field::PainSpreadLeft).max(a.raw(Field::PainSpreadRight));
    let fired: Vec<bool> = (0..rs.rules.len()).map(|i| out.findings.contains(&i)).collect();
    for (i, rule) in rs.rules.iter().enumerate() {
        prop_assert_eq!(rule.when.eval(&v, &fired), fired[i], "rule {} alone", &rule.id);
    }
    prop_assert_eq!(out.findings.len(), fired.iter().filter(|&&f| f).count(), "a finding is listed twice");
    // findings: most urgent first, notes last, data order within a level
    let rank = |r: &lumbar_core::screening::Rule| r.level.map_or(9, |t| t as usize);
    for w in out.findings.windows(2) {
        let (x, y) = (&rs.rules[w[0]], &rs.rules[w[1]]);
        prop_assert!(rank(x) < rank(y) || (rank(x) == rank(y) && w[0] < w[1]));
    }
    // precautions: union of the fired findings' precautions, vocabulary order, empty unless advisable
    let ids: Vec<&str> = out.precaution_ids().collect();
    if out.massage_advisable_now() {
        let mut union: Vec<usize> = rules.iter().flat_map(|r| r.precautions.iter().copied()).collect();
        union.sort_unstable();
        union.dedup();
        let want: Vec<&str> = union.iter().map(|&i| rs.precautions[i].id.as_str()).collect();
        prop_assert_eq!(&ids, &want);
    } else {
        prop_assert!(ids.is_empty());
        prop_assert!(out.styles.is_empty());
    }
    // styles
    if out.massage_advisable_now() {
        prop_assert!(!out.styles.is_empty());
        if a.choice(Field::Pregnancy) == "pregnant" {
            prop_assert_eq!(&out.styles, &vec![Style::Prenatal]);
        } else if ids.contains(&"no_deep_tissue") || ids.contains(&"light_pressure") {
            prop_assert_eq!(&out.styles, &vec![Style::Swedish]);
        } else {
            prop_assert!(!out.styles.contains(&Style::Prenatal));
        }
        if !ids.is_empty() || out.duration == lumbar_core::screening::DurationClass::Acute {
            prop_assert_ne!(out.styles.first(), Some(&Style::DeepTissue));
        }
    }
    // pain figures
    let peg = (a.number(Field::PainAverageWeek)
        + a.number(Field::InterferenceEnjoyment)
        + a.number(Field::InterferenceActivity))
        / 3.0;
    prop_assert!((out.pain.peg - peg).abs() <= 0.05 + 1e-9);
    // the JSON always carries the safety net and a source for every cited id
    let json = serde_json::to_value(out).unwrap();
    prop_assert!(json["safety_net"].as_str().is_some_and(|s| s.contains("calf")));
    for f in json["findings"].as_array().unwrap() {
        for s in f["sources"].as_array().unwrap() {
            prop_assert!(json["sources"].get(s.as_str().unwrap()).is_some());
        }
    }
    Ok(())
}

#[test]
fn all_benign_answers_are_massage_suitable_with_no_findings() {
    let a = Answers::from_values(benign(), Preferences::default()).unwrap();
    let out = ruleset().assess(&a);
    assert_eq!(out.triage, Triage::MassageSuitable);
    assert!(out.findings.is_empty());
    assert_eq!(out.styles, vec![Style::Swedish, Style::DeepTissue]);
}

#[test]
fn red_flag_answers_are_found_from_the_rules() {
    let flags = red_flag_answers();
    for must in [
        Field::SaddleNumbness,
        Field::Trauma,
        Field::ChestPainOrBreathless,
        Field::FeverOrChills,
        Field::BloodClot,
        Field::LabourSigns,
    ] {
        assert!(flags.iter().any(|(f, _)| *f == must), "{must:?} should be a red-flag answer");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn output_satisfies_the_contract_invariants(a in answers_strategy()) {
        let out = ruleset().assess(&a);
        check_invariants(&a, &out)?;
    }

    #[test]
    fn adding_a_red_flag_answer_never_lowers_triage(a in answers_strategy(), pick in any::<prop::sample::Index>()) {
        let flags = red_flag_answers();
        let (field, value) = flags[pick.index(flags.len())];
        // "adding" means the field held its benign value before
        prop_assume!(a.raw(field) == benign()[field as usize] || field.spec().kind == FieldKind::Bool && a.raw(field) == 0.0);
        let before = ruleset().assess(&a).triage;
        let mut v = *a.raw_values();
        v[field as usize] = value;
        if field == Field::LabourSigns || field == Field::PregnancyHighRisk {
            v[Field::Pregnancy as usize] = Field::Pregnancy.choice_index("pregnant").unwrap() as f64;
        }
        make_consistent(&mut v);
        let b = Answers::from_values(v, a.preferences).unwrap();
        let after = ruleset().assess(&b);
        prop_assert!(after.triage <= before, "{:?}={} lowered {:?} to {:?}", field, value, before, after.triage);
        prop_assert!(after.triage <= Triage::UrgentMedical);
    }

    #[test]
    fn removing_every_answer_that_fires_a_finding_gives_massage_suitable(a in answers_strategy()) {
        let rs = ruleset();
        let base = benign();
        let mut v = *a.raw_values();
        for _ in 0..10 {
            let cur = Answers::from_values(v, a.preferences).unwrap();
            let out = rs.assess(&cur);
            if out.findings.is_empty() {
                break;
            }
            let mut read = Vec::new();
            for r in out.finding_rules() {
                r.when.fields(&mut read);
            }
            for f in read {
                match f {
                    Field::OnsetAge => { v[Field::Age as usize] = base[Field::Age as usize]; v[Field::DurationWeeks as usize] = base[Field::DurationWeeks as usize]; }
                    Field::Spread => { v[Field::PainSpreadLeft as usize] = 0.0; v[Field::PainSpreadRight as usize] = 0.0; }
                    f => v[f as usize] = base[f as usize],
                }
            }
            make_consistent(&mut v);
        }
        let out = rs.assess(&Answers::from_values(v, a.preferences).unwrap());
        prop_assert_eq!(out.triage, Triage::MassageSuitable);
        prop_assert!(out.findings.is_empty());
    }
}
