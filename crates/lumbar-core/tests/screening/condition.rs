//! The condition language rules are written in (crates/lumbar-core/src/screening/condition.rs),
//! through its public API: every operator at its boundary, precedence, `in {…}`, `fired(…)`,
//! three-valued evaluation on partial answers, and errors that name what is wrong. These
//! matter beyond the shipped rules: a clinician's new rule may use `<=` or `in` where no
//! shipped rule does yet.

use lumbar_core::screening::Field;
use lumbar_core::screening::condition::{Cond, Tri};
use lumbar_core::screening::fields::ALL_FIELDS;

/// Rule ids `a`, `b`, `c` are rules 0, 1, 2.
fn parse(text: &str) -> Result<Cond, String> {
    Cond::parse(text, &|id| ["a", "b", "c"].iter().position(|x| *x == id)).map_err(|e| e.to_string())
}

fn cond(text: &str) -> Cond {
    parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Complete values: everything 0 except the given fields.
fn values(given: &[(Field, f64)]) -> [f64; ALL_FIELDS] {
    let mut v = [0.0; ALL_FIELDS];
    for &(f, x) in given {
        v[f as usize] = x;
    }
    v
}

fn eval(text: &str, given: &[(Field, f64)]) -> bool {
    cond(text).eval(&values(given), &[false, false, false])
}

#[test]
fn numeric_comparisons_at_their_boundaries() {
    use Field::Age;
    // (condition, age, holds)
    let cases = [
        ("age < 18", 17.0, true),
        ("age < 18", 18.0, false),
        ("age < 18", 19.0, false),
        ("age <= 18", 17.0, true),
        ("age <= 18", 18.0, true),
        ("age <= 18", 19.0, false),
        ("age > 70", 70.0, false),
        ("age > 70", 71.0, true),
        ("age > 70", 69.0, false),
        ("age >= 70", 69.0, false),
        ("age >= 70", 70.0, true),
        ("age >= 70", 71.0, true),
        ("age == 40", 40.0, true),
        ("age == 40", 41.0, false),
        ("age != 40", 40.0, false),
        ("age != 40", 39.0, true),
    ];
    for (text, age, want) in cases {
        assert_eq!(eval(text, &[(Age, age)]), want, "{text} with age {age}");
    }
    assert!(eval("duration_weeks > 12.5", &[(Field::DurationWeeks, 12.6)]));
    assert!(!eval("duration_weeks > 12.5", &[(Field::DurationWeeks, 12.5)]));
    assert!(eval("onset_age < -1.5", &[(Field::OnsetAge, -2.0)]));
    assert!(!eval("onset_age < -1.5", &[(Field::OnsetAge, -1.0)]));
}

#[test]
fn booleans_choices_and_sets() {
    use Field::*;
    assert!(eval("fever_or_chills", &[(FeverOrChills, 1.0)]));
    assert!(!eval("fever_or_chills", &[]));
    assert!(eval("fever_or_chills == true", &[(FeverOrChills, 1.0)]));
    assert!(eval("fever_or_chills == false", &[]));
    assert!(!eval("fever_or_chills != false", &[]));
    assert!(eval("fever_or_chills != true", &[]));
    // choices compare by their word (index in the field's list)
    let major = Trauma.choice_index("major").unwrap() as f64;
    assert!(eval("trauma == major", &[(Trauma, major)]));
    assert!(!eval("trauma == minor", &[(Trauma, major)]));
    assert!(eval("trauma != none", &[(Trauma, major)]));
    // spread: back_only 0, buttock 1, thigh 2, below_knee 3
    for (x, want) in [(0.0, false), (1.0, false), (2.0, true), (3.0, true)] {
        assert_eq!(eval("spread in {thigh, below_knee}", &[(Spread, x)]), want, "spread {x}");
        assert_eq!(eval("spread in {back_only}", &[(Spread, x)]), x == 0.0, "spread {x}");
    }
}

#[test]
fn precedence_not_then_and_then_or() {
    use Field::*;
    let t = |f: Field| (f, 1.0);
    // a or b and c  ==  a or (b and c)
    let text = "saddle_numbness or fever_or_chills and collapse_signs";
    assert!(eval(text, &[t(SaddleNumbness)]));
    assert!(!eval(text, &[t(FeverOrChills)]));
    assert!(eval(text, &[t(FeverOrChills), t(CollapseSigns)]));
    // parentheses override
    let text = "(saddle_numbness or fever_or_chills) and collapse_signs";
    assert!(!eval(text, &[t(SaddleNumbness)]));
    assert!(eval(text, &[t(SaddleNumbness), t(CollapseSigns)]));
    // not binds tightest; not not is identity
    assert!(eval("not saddle_numbness and fever_or_chills", &[t(FeverOrChills)]));
    assert!(!eval("not saddle_numbness and fever_or_chills", &[t(SaddleNumbness), t(FeverOrChills)]));
    assert!(!eval("not (saddle_numbness or fever_or_chills)", &[t(FeverOrChills)]));
    assert!(eval("not not fever_or_chills", &[t(FeverOrChills)]));
    assert!(eval("saddle_numbness or fever_or_chills or collapse_signs", &[t(CollapseSigns)]));
    assert!(!eval("saddle_numbness and fever_or_chills and collapse_signs", &[t(SaddleNumbness), t(FeverOrChills)]));
    assert!(eval(
        "saddle_numbness and fever_or_chills and collapse_signs",
        &[t(SaddleNumbness), t(FeverOrChills), t(CollapseSigns)]
    ));
}

#[test]
fn fired_reads_the_state_of_other_rules() {
    let c = cond("fired(b) and not fired(c)");
    let v = values(&[]);
    assert!(c.eval(&v, &[false, true, false]));
    assert!(!c.eval(&v, &[true, false, false]));
    assert!(!c.eval(&v, &[false, true, true]));
    let mut refs = Vec::new();
    cond("fired(a) or (age < 3 and not fired(c)) or fired(b)").rule_refs(&mut refs);
    assert_eq!(refs, [0, 2, 1]);
    let mut refs = Vec::new();
    cond("age < 3").rule_refs(&mut refs);
    assert!(refs.is_empty());
}

#[test]
fn fields_lists_what_a_condition_reads_once_each() {
    use Field::*;
    let mut read = Vec::new();
    cond("saddle_numbness or (age > 70 and not saddle_numbness) or spread in {thigh} or fired(a)").fields(&mut read);
    assert_eq!(read, [SaddleNumbness, Age, Spread]);
    let mut read = vec![Age];
    cond("not age == 3").fields(&mut read);
    assert_eq!(read, [Age], "already listed");
}

#[test]
fn three_valued_evaluation_on_partial_answers() {
    use Field::*;
    use Tri::*;
    let known = |given: &[(Field, f64)]| {
        let mut v = [None; ALL_FIELDS];
        for &(f, x) in given {
            v[f as usize] = Some(x);
        }
        v
    };
    let e = |text: &str, given: &[(Field, f64)]| cond(text).eval3(&known(given), &[Unknown, True, False]);
    // or: true wins, else unknown wins
    assert_eq!(e("saddle_numbness or fever_or_chills", &[(SaddleNumbness, 1.0)]), True);
    assert_eq!(e("saddle_numbness or fever_or_chills", &[(SaddleNumbness, 0.0)]), Unknown);
    assert_eq!(e("saddle_numbness or fever_or_chills", &[(SaddleNumbness, 0.0), (FeverOrChills, 0.0)]), False);
    // and: false wins, else unknown wins
    assert_eq!(e("saddle_numbness and fever_or_chills", &[(SaddleNumbness, 0.0)]), False);
    assert_eq!(e("saddle_numbness and fever_or_chills", &[(SaddleNumbness, 1.0)]), Unknown);
    assert_eq!(e("saddle_numbness and fever_or_chills", &[(SaddleNumbness, 1.0), (FeverOrChills, 1.0)]), True);
    // not
    assert_eq!(e("not saddle_numbness", &[]), Unknown);
    assert_eq!(e("not saddle_numbness", &[(SaddleNumbness, 1.0)]), False);
    assert_eq!(e("not saddle_numbness", &[(SaddleNumbness, 0.0)]), True);
    // comparisons and sets
    assert_eq!(e("age < 18", &[]), Unknown);
    assert_eq!(e("age < 18", &[(Age, 17.0)]), True);
    assert_eq!(e("age < 18", &[(Age, 18.0)]), False);
    assert_eq!(e("age <= 18", &[(Age, 18.0)]), True);
    assert_eq!(e("spread in {thigh, below_knee}", &[]), Unknown);
    assert_eq!(e("spread in {thigh, below_knee}", &[(Spread, 1.0)]), False);
    assert_eq!(e("spread in {thigh, below_knee}", &[(Spread, 2.0)]), True);
    assert_eq!(e("spread in {thigh, below_knee}", &[(Spread, 3.0)]), True);
    assert_eq!(e("spread in {buttock}", &[(Spread, 0.0)]), False);
    // fired state passes through
    assert_eq!(e("fired(a)", &[]), Unknown);
    assert_eq!(e("fired(b)", &[]), True);
    assert_eq!(e("fired(c)", &[]), False);
    assert_eq!(Tri::from(true), True);
    assert_eq!(Tri::from(false), False);
}

#[test]
fn errors_name_what_is_wrong() {
    // (text, words the message must contain)
    let cases: &[(&str, &[&str])] = &[
        ("saddle_numbnes", &["unknown field", "saddle_numbnes"]),
        ("trauma == mayor", &["mayor", "none, minor, major"]),
        ("spread in {knee}", &["knee", "back_only, buttock, thigh, below_knee"]),
        ("trauma", &["trauma", "not a boolean"]),
        ("saddle_numbness > 1", &["saddle_numbness", "does not type-check", ">"]),
        ("age <= old", &["age", "<=", "old"]),
        ("age >= old", &[">="]),
        ("age < old", &["<"]),
        ("age > old", &[">"]),
        ("age != old", &["!="]),
        ("age == old", &["=="]),
        ("trauma < major", &["trauma", "<"]),
        ("age in {young}", &["age", "choice field"]),
        ("fired(nothing)", &["fired(nothing)", "no rule"]),
        ("fired(3)", &["rule id", "3"]),
        ("fired a", &["expected `(`", "a"]),
        ("(saddle_numbness", &["ends too early"]),
        ("(saddle_numbness or", &["ends too early"]),
        ("saddle_numbness saddle_numbness", &["unexpected `saddle_numbness` after the end"]),
        ("saddle_numbness )", &["unexpected `)` after the end"]),
        ("age == 5 $", &["unexpected character `$`"]),
        ("spread in {thigh below_knee}", &["expected `,` or `}`", "below_knee"]),
        ("spread in {thigh, 3}", &["expected a value", "3"]),
        ("spread in thigh", &["expected `{`", "thigh"]),
        ("== 3", &["unexpected `==`"]),
        ("age == 1.2.3", &["1.2.3", "not a number"]),
        ("", &["ends too early"]),
        ("fever_or_chills == maybe", &["`fever_or_chills == maybe` does not type-check"]),
        ("fever_or_chills < true", &["`fever_or_chills < true` does not type-check"]),
        ("fever_or_chills == 1", &["`fever_or_chills == 1` does not type-check"]),
        ("age == true", &["`age == true` does not type-check"]),
        ("(saddle_numbness}", &["expected `)`, found `}`"]),
        ("fired(a, b)", &["expected `)`, found `,`"]),
    ];
    for (text, words) in cases {
        let e = parse(text).expect_err(text);
        for w in *words {
            assert!(e.contains(w), "{text:?}: {e:?} should contain {w:?}");
        }
    }
}

#[test]
fn numbers_and_symbols_tokenize() {
    use Field::*;
    // no spaces needed around symbols; negative and decimal numbers
    assert!(eval("age>=18", &[(Age, 18.0)]));
    assert!(eval("age<=18", &[(Age, 18.0)]));
    assert!(eval("age!=18", &[(Age, 17.0)]));
    assert!(eval("age==18", &[(Age, 18.0)]));
    assert!(eval("(age<19)and(age>17)", &[(Age, 18.0)]));
    assert!(eval("spread in{thigh,below_knee}", &[(Spread, 3.0)]));
    assert!(eval("duration_weeks >= 0.25", &[(DurationWeeks, 0.25)]));
    assert!(!eval("duration_weeks >= 0.25", &[(DurationWeeks, 0.24)]));
    assert!(eval("onset_age > -3", &[(OnsetAge, -2.5)]));
    assert!(eval("onset_age >= 10", &[(OnsetAge, 10.0)]));
    assert!(eval("\n  age\t== 7 \n", &[(Age, 7.0)]));
    assert!(eval("morning_stiffness_over_30_min", &[(MorningStiffnessOver30Min, 1.0)]));
    assert!(eval("major_surgery_within_6_weeks", &[(MajorSurgeryWithin6Weeks, 1.0)]));
}
