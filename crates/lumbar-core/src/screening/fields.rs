//! The answer fields of `lumbar.screening/1` (SCREENING.md §1): names, types and allowed values.
//!
//! This table is the single description of the answers object. Parsing, the condition
//! language's type checker, the question catalogue and JSON output all read it, so a field
//! cannot be known to one of them and unknown to another.

/// What kind of value a field holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldKind {
    /// `true` / `false`.
    Bool,
    /// A whole number in `min..=max`.
    Int {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// Any number in `min..=max` (fractions allowed).
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// One of a fixed list of snake_case words, in their contract order.
    Choice(&'static [&'static str]),
}

impl FieldKind {
    /// A short description of the allowed values, for error messages and docs. Never
    /// includes the value a person gave.
    pub fn expectation(&self) -> String {
        match self {
            FieldKind::Bool => "must be true or false".to_owned(),
            FieldKind::Int { min, max } => format!("must be a whole number from {min} to {max}"),
            FieldKind::Number { min, max } => format!("must be a number from {min} to {max}"),
            FieldKind::Choice(options) => format!("must be one of: {}", options.join(", ")),
        }
    }
}

/// One entry of the field table.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// The field as a Rust value.
    pub field: Field,
    /// The JSON name.
    pub name: &'static str,
    /// Its type and allowed values.
    pub kind: FieldKind,
    /// True for fields computed from others (`onset_age`, `spread`); they are not answers.
    pub derived: bool,
}

pub(crate) const SEX: &[&str] = &["female", "male", "other", "not_said"];
pub(crate) const PREGNANCY: &[&str] = &["no", "pregnant", "postpartum"];
pub(crate) const TREND: &[&str] = &["improving", "same", "worsening"];
/// Ordered from nearest to farthest; `spread` is the farther of the two sides.
pub(crate) const SPREAD: &[&str] = &["back_only", "buttock", "thigh", "below_knee"];
pub(crate) const LEGS: &[&str] = &["none", "one_leg", "both_legs"];
pub(crate) const NIGHT: &[&str] = &["none", "eases_with_position", "wakes_late_eases_on_moving", "constant"];
pub(crate) const WALKING: &[&str] = &["none", "eased_by_sitting_or_bending", "eased_by_standing_still"];
pub(crate) const TRAUMA: &[&str] = &["none", "minor", "major"];
pub(crate) const CANCER: &[&str] = &["never", "past", "current"];
pub(crate) const DRUG_USE: &[&str] = &["never", "within_year", "over_year_ago"];
pub(crate) const SPINE_PROCEDURE: &[&str] = &["none", "within_12_weeks", "earlier"];
pub(crate) const CLOT: &[&str] = &["none", "past", "on_treatment", "suspected"];
pub(crate) const THINNER: &[&str] = &["none", "aspirin_low_dose", "antiplatelet", "anticoagulant"];

const BOOL: FieldKind = FieldKind::Bool;
const SCORE: FieldKind = FieldKind::Int { min: 0, max: 10 };

macro_rules! field_table {
    ($( $variant:ident => $name:literal : $kind:expr ),* $(,)? ; derived: $( $dvariant:ident => $dname:literal : $dkind:expr ),* $(,)?) => {
        /// Every field, answers first (in contract order), then derived fields.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[expect(missing_docs, reason = "the names are the contract's field names")]
        pub enum Field { $($variant,)* $($dvariant,)* }

        /// The field table, indexed by `Field as usize`.
        pub const FIELDS: &[FieldSpec] = &[
            $( FieldSpec { field: Field::$variant, name: $name, kind: $kind, derived: false }, )*
            $( FieldSpec { field: Field::$dvariant, name: $dname, kind: $dkind, derived: true }, )*
        ];
    };
}

field_table! {
    Age => "age": FieldKind::Int { min: 0, max: 120 },
    Sex => "sex": FieldKind::Choice(SEX),
    Pregnancy => "pregnancy": FieldKind::Choice(PREGNANCY),
    PregnancyHighRisk => "pregnancy_high_risk": BOOL,
    LabourSigns => "labour_signs": BOOL,
    DurationWeeks => "duration_weeks": FieldKind::Number { min: 0.0, max: 5200.0 },
    PainNow => "pain_now": SCORE,
    PainAverageWeek => "pain_average_week": SCORE,
    InterferenceEnjoyment => "interference_enjoyment": SCORE,
    InterferenceActivity => "interference_activity": SCORE,
    PainTrend => "pain_trend": FieldKind::Choice(TREND),
    PainNewOrChanged => "pain_new_or_changed": BOOL,
    PainSpreadLeft => "pain_spread_left": FieldKind::Choice(SPREAD),
    PainSpreadRight => "pain_spread_right": FieldKind::Choice(SPREAD),
    LegPainWorseThanBack => "leg_pain_worse_than_back": BOOL,
    LegNumbnessOrTingling => "leg_numbness_or_tingling": FieldKind::Choice(LEGS),
    LegWeakness => "leg_weakness": FieldKind::Choice(LEGS),
    PainWorseWithCoughOrSneeze => "pain_worse_with_cough_or_sneeze": BOOL,
    NightPain => "night_pain": FieldKind::Choice(NIGHT),
    MorningStiffnessOver30Min => "morning_stiffness_over_30_min": BOOL,
    StiffnessEasesWithExercise => "stiffness_eases_with_exercise": BOOL,
    LegPainOnWalking => "leg_pain_on_walking": FieldKind::Choice(WALKING),
    UpperBackPain => "upper_back_pain": BOOL,
    BackLumpOrShapeChange => "back_lump_or_shape_change": BOOL,
    SaddleNumbness => "saddle_numbness": BOOL,
    BladderOrBowelChange => "bladder_or_bowel_change": BOOL,
    NewSexualDysfunction => "new_sexual_dysfunction": BOOL,
    Trauma => "trauma": FieldKind::Choice(TRAUMA),
    FeverOrChills => "fever_or_chills": BOOL,
    UnexplainedWeightLoss => "unexplained_weight_loss": BOOL,
    ChestPainOrBreathless => "chest_pain_or_breathless": BOOL,
    CollapseSigns => "collapse_signs": BOOL,
    AbdominalPulsation => "abdominal_pulsation": BOOL,
    KnownAorticAneurysm => "known_aortic_aneurysm": BOOL,
    FlankPainOrBloodInUrine => "flank_pain_or_blood_in_urine": BOOL,
    NewUrinaryBurningOrFrequency => "new_urinary_burning_or_frequency": BOOL,
    Cancer => "cancer": FieldKind::Choice(CANCER),
    Osteoporosis => "osteoporosis": BOOL,
    LongTermSteroids => "long_term_steroids": BOOL,
    Immunosuppressed => "immunosuppressed": BOOL,
    InjectionDrugUse => "injection_drug_use": FieldKind::Choice(DRUG_USE),
    SpineProcedure => "spine_procedure": FieldKind::Choice(SPINE_PROCEDURE),
    MajorSurgeryWithin6Weeks => "major_surgery_within_6_weeks": BOOL,
    RecentImmobilisation => "recent_immobilisation": BOOL,
    RecentFractureOrInjury => "recent_fracture_or_injury": BOOL,
    BloodClot => "blood_clot": FieldKind::Choice(CLOT),
    BloodThinner => "blood_thinner": FieldKind::Choice(THINNER),
    BloodThinnerProblem => "blood_thinner_problem": BOOL,
    BleedingDisorder => "bleeding_disorder": BOOL,
    SkinProblemAtSite => "skin_problem_at_site": BOOL,
    HeartConditionUncontrolled => "heart_condition_uncontrolled": BOOL,
    DiabetesNeuropathy => "diabetes_neuropathy": BOOL,
    KidneyDisease => "kidney_disease": BOOL,
    VaricoseVeins => "varicose_veins": BOOL,
    ImplantedDevice => "implanted_device": BOOL;
    derived:
    OnsetAge => "onset_age": FieldKind::Number { min: -100.0, max: 120.0 },
    Spread => "spread": FieldKind::Choice(SPREAD),
}

/// Number of answer fields (the derived ones follow them in [`FIELDS`]).
pub const ANSWER_FIELDS: usize = Field::OnsetAge as usize;
/// Number of fields including derived ones.
pub const ALL_FIELDS: usize = FIELDS.len();

impl Field {
    /// The entry of the field table.
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self as usize]
    }

    /// The JSON name.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Looks a field up by its JSON name (answers and derived fields).
    pub fn by_name(name: &str) -> Option<Field> {
        FIELDS.iter().find(|f| f.name == name).map(|f| f.field)
    }

    /// Index of a choice value for this field, if the field is a choice and the value allowed.
    pub fn choice_index(self, value: &str) -> Option<usize> {
        match self.spec().kind {
            FieldKind::Choice(options) => options.iter().position(|o| *o == value),
            _ => None,
        }
    }
}

/// The optional `preferences` object: what the person would like from a massage.
pub mod preference {
    /// `preferences.style`.
    pub const STYLE: &[&str] = &["deep_tissue", "swedish", "no_preference"];
    /// `preferences.pressure`.
    pub const PRESSURE: &[&str] = &["light", "medium", "firm", "no_preference"];
    /// `preferences.goal`.
    pub const GOAL: &[&str] = &["ease_tension", "relax", "move_better", "no_preference"];
    /// The three keys with their allowed values.
    pub const KEYS: &[(&str, &[&str])] = &[("style", STYLE), ("pressure", PRESSURE), ("goal", GOAL)];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_field() {
        for (i, spec) in FIELDS.iter().enumerate() {
            assert_eq!(spec.field as usize, i, "{}", spec.name);
            assert_eq!(Field::by_name(spec.name), Some(spec.field));
        }
        assert_eq!(ANSWER_FIELDS, 55);
        assert!(FIELDS[..ANSWER_FIELDS].iter().all(|f| !f.derived));
    }
}
