//! Parsing a person's answers: JSON in, a checked [`Answers`] value or every problem at once.
//!
//! Parse, don't validate: once an [`Answers`] exists it is complete, typed, in range and
//! consistent, so the rule engine never sees a missing red-flag answer. Problems name the
//! field and the rule it breaks, never the value that was given (answers are health data).

use serde::Serialize;
use serde_json::{Map, Value};

use super::fields::{ANSWER_FIELDS, FIELDS, Field, FieldKind, preference};

/// One problem with the answers object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The JSON path of the field (`age`, `preferences.style`, or `$` for the whole input).
    pub field: String,
    /// A stable machine-readable code: `invalid_json`, `not_an_object`, `missing`,
    /// `unknown_field`, `wrong_type`, `out_of_range`, `not_allowed`, `inconsistent`, and for
    /// a progress log ([`crate::progress`]) `invalid_date`.
    pub code: &'static str,
    /// What is wrong and how to fix it, in words.
    pub problem: String,
}

impl FieldProblem {
    fn new(field: impl Into<String>, code: &'static str, problem: impl Into<String>) -> Self {
        FieldProblem { field: field.into(), code, problem: problem.into() }
    }
}

/// Every problem found in an answers object (never empty). A progress log
/// ([`crate::progress`]) reports its problems with this type too, so both read the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvalidAnswers {
    /// The problems, in field order.
    pub fields: Vec<FieldProblem>,
}

impl InvalidAnswers {
    /// The `{"error":{"code":"invalid_answers","fields":[…]}}` document of the contract.
    pub fn to_json(&self) -> Value {
        serde_json::json!({ "error": { "code": "invalid_answers", "fields": self.fields } })
    }
}

impl std::fmt::Display for InvalidAnswers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, p) in self.fields.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", p.field, p.problem)?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidAnswers {}

/// Massage preferences (all optional; absent means `no_preference`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Preferences {
    /// Index into [`preference::STYLE`], `None` when not given.
    pub style: Option<u8>,
    /// Index into [`preference::PRESSURE`].
    pub pressure: Option<u8>,
    /// Index into [`preference::GOAL`].
    pub goal: Option<u8>,
}

impl Preferences {
    /// The style wish as its contract word (`no_preference` when not given).
    pub fn style(&self) -> &'static str {
        self.style.map_or("no_preference", |i| preference::STYLE[i as usize])
    }
    /// The pressure wish as its contract word.
    pub fn pressure(&self) -> &'static str {
        self.pressure.map_or("no_preference", |i| preference::PRESSURE[i as usize])
    }
    /// The goal as its contract word.
    pub fn goal(&self) -> &'static str {
        self.goal.map_or("no_preference", |i| preference::GOAL[i as usize])
    }
    fn slots(&mut self) -> [&mut Option<u8>; 3] {
        [&mut self.style, &mut self.pressure, &mut self.goal]
    }
}

/// A complete, checked set of answers.
///
/// Values are held as numbers indexed by [`Field`]: booleans as 0/1, choices as the index of
/// the word in the field's option list. Use the typed accessors to read them.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    values: [f64; ANSWER_FIELDS],
    /// The optional preferences.
    pub preferences: Preferences,
}

impl Answers {
    /// Parses JSON text. Malformed JSON is reported as a problem of field `$`.
    pub fn from_json_str(text: &str) -> Result<Answers, InvalidAnswers> {
        match serde_json::from_str::<Value>(text) {
            Ok(value) => Answers::from_json(&value),
            Err(e) => Err(InvalidAnswers {
                fields: vec![FieldProblem::new(
                    "$",
                    "invalid_json",
                    format!(
                        "the input is not valid JSON ({} at line {} column {}); send one JSON object",
                        describe_json_error(&e),
                        e.line(),
                        e.column()
                    ),
                )],
            }),
        }
    }

    /// Parses an answers object, reporting every problem at once.
    pub fn from_json(value: &Value) -> Result<Answers, InvalidAnswers> {
        let Some(object) = value.as_object() else {
            return Err(InvalidAnswers {
                fields: vec![FieldProblem::new(
                    "$",
                    "not_an_object",
                    "the answers must be one JSON object with a key per question",
                )],
            });
        };
        let mut problems = Vec::new();
        let mut values = [0.0; ANSWER_FIELDS];
        for spec in &FIELDS[..ANSWER_FIELDS] {
            match object.get(spec.name) {
                None => problems.push(FieldProblem::new(
                    spec.name,
                    "missing",
                    format!("is required ({}); a missing answer is never read as \"no\"", spec.kind.expectation()),
                )),
                Some(v) => match parse_value(spec.kind, v) {
                    Ok(x) => values[spec.field as usize] = x,
                    Err((code, problem)) => problems.push(FieldProblem::new(spec.name, code, problem)),
                },
            }
        }
        let mut preferences = Preferences::default();
        for key in object.keys() {
            if key == "preferences" {
                parse_preferences(&object["preferences"], &mut preferences, &mut problems);
            } else if !FIELDS[..ANSWER_FIELDS].iter().any(|f| f.name == key) {
                problems.push(FieldProblem::new(
                    key.as_str(),
                    "unknown_field",
                    "is not a question of lumbar.screening/1; remove it or check its spelling",
                ));
            }
        }
        if problems.is_empty() {
            let answers = Answers { values, preferences };
            problems.extend(answers.consistency_problems());
            if problems.is_empty() {
                return Ok(answers);
            }
        }
        Err(InvalidAnswers { fields: problems })
    }

    /// Builds answers from raw values (booleans 0/1, choices as indexes), checking types,
    /// ranges and consistency exactly as JSON input is checked.
    pub fn from_values(values: [f64; ANSWER_FIELDS], preferences: Preferences) -> Result<Answers, InvalidAnswers> {
        let mut object = Map::new();
        for spec in &FIELDS[..ANSWER_FIELDS] {
            object.insert(spec.name.to_owned(), value_to_json(spec.kind, values[spec.field as usize]));
        }
        let mut answers = Answers::from_json(&Value::Object(object))?;
        answers.preferences = preferences;
        Ok(answers)
    }

    fn consistency_problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        let pregnant = self.choice(Field::Pregnancy) == "pregnant";
        for field in [Field::PregnancyHighRisk, Field::LabourSigns] {
            if !pregnant && self.flag(field) {
                problems.push(FieldProblem::new(
                    field.name(),
                    "inconsistent",
                    "can only be true when pregnancy is \"pregnant\"",
                ));
            }
        }
        if self.flag(Field::LegPainWorseThanBack)
            && self.choice(Field::PainSpreadLeft) == "back_only"
            && self.choice(Field::PainSpreadRight) == "back_only"
        {
            problems.push(FieldProblem::new(
                Field::LegPainWorseThanBack.name(),
                "inconsistent",
                "cannot be true when pain_spread_left and pain_spread_right are both \"back_only\"",
            ));
        }
        if self.flag(Field::BloodThinnerProblem) && self.choice(Field::BloodThinner) == "none" {
            problems.push(FieldProblem::new(
                Field::BloodThinnerProblem.name(),
                "inconsistent",
                "cannot be true when blood_thinner is \"none\"",
            ));
        }
        problems
    }

    /// The raw value of a field (booleans 0/1, choices as indexes).
    pub fn raw(&self, field: Field) -> f64 {
        self.values[field as usize]
    }

    /// All raw answer values, in field order.
    pub fn raw_values(&self) -> &[f64; ANSWER_FIELDS] {
        &self.values
    }

    /// A boolean answer.
    pub fn flag(&self, field: Field) -> bool {
        self.values[field as usize] != 0.0
    }

    /// A choice answer as its contract word; `""` when the field is not a choice.
    pub fn choice(&self, field: Field) -> &'static str {
        match field.spec().kind {
            FieldKind::Choice(options) => options[self.values[field as usize] as usize],
            _ => "",
        }
    }

    /// A numeric answer.
    pub fn number(&self, field: Field) -> f64 {
        self.values[field as usize]
    }

    /// The answers as the contract's JSON object (what `--save` writes).
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        for spec in &FIELDS[..ANSWER_FIELDS] {
            object.insert(spec.name.to_owned(), value_to_json(spec.kind, self.values[spec.field as usize]));
        }
        let mut prefs = Map::new();
        let p = self.preferences;
        for ((key, options), slot) in preference::KEYS.iter().zip([p.style, p.pressure, p.goal]) {
            if let Some(i) = slot {
                prefs.insert((*key).to_owned(), Value::from(options[i as usize]));
            }
        }
        if !prefs.is_empty() {
            object.insert("preferences".to_owned(), Value::Object(prefs));
        }
        Value::Object(object)
    }
}

pub(crate) fn describe_json_error(e: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "it ends too early",
        // serde_json stops at 128 nested arrays/objects and files that under Syntax; the
        // message is its only mark (the error's own text, never the input's)
        Category::Syntax if e.to_string().starts_with("recursion limit exceeded") => {
            "nested too deeply (answers are one flat object)"
        }
        Category::Syntax => "a syntax error",
        Category::Data => "unexpected data",
        Category::Io => "it could not be read",
    }
}

/// Converts one JSON value to the engine's number, or says why it cannot.
pub(crate) fn parse_value(kind: FieldKind, v: &Value) -> Result<f64, (&'static str, String)> {
    let wrong = |what: &str| Err(("wrong_type", format!("{what}; it {}", kind.expectation())));
    match kind {
        FieldKind::Bool => match v {
            Value::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
            _ => wrong("must be a JSON boolean, not a string or number"),
        },
        FieldKind::Int { min, max } => match v {
            Value::Number(n) => match n.as_i64() {
                Some(i) if (min..=max).contains(&i) => Ok(i as f64),
                Some(_) => Err(("out_of_range", kind.expectation())),
                None if n.as_f64().is_some_and(|f| f.fract() != 0.0) => wrong("must be a whole number"),
                None => Err(("out_of_range", kind.expectation())),
            },
            _ => wrong("must be a JSON number"),
        },
        FieldKind::Number { min, max } => match v.as_f64() {
            Some(f) if f.is_finite() && f >= min && f <= max => Ok(f),
            Some(_) => Err(("out_of_range", kind.expectation())),
            None => wrong("must be a JSON number"),
        },
        FieldKind::Choice(options) => match v {
            Value::String(s) => match options.iter().position(|o| o == s) {
                Some(i) => Ok(i as f64),
                None => Err(("not_allowed", kind.expectation())),
            },
            _ => wrong("must be a JSON string"),
        },
    }
}

fn value_to_json(kind: FieldKind, x: f64) -> Value {
    match kind {
        FieldKind::Bool => Value::Bool(x != 0.0),
        FieldKind::Int { .. } => Value::from(x as i64),
        FieldKind::Number { .. } => {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                Value::from(x as i64)
            } else {
                Value::from(x)
            }
        }
        FieldKind::Choice(options) => Value::from(options[x as usize]),
    }
}

fn parse_preferences(v: &Value, out: &mut Preferences, problems: &mut Vec<FieldProblem>) {
    let Some(object) = v.as_object() else {
        problems.push(FieldProblem::new(
            "preferences",
            "wrong_type",
            "must be an object with optional keys style, pressure and goal",
        ));
        return;
    };
    for (key, value) in object {
        let Some(k) = preference::KEYS.iter().position(|(name, _)| name == key) else {
            problems.push(FieldProblem::new(
                format!("preferences.{key}"),
                "unknown_field",
                "is not a preference; use style, pressure or goal",
            ));
            continue;
        };
        let options = preference::KEYS[k].1;
        match parse_value(FieldKind::Choice(options), value) {
            Ok(i) => *out.slots()[k] = Some(i as u8),
            Err((code, problem)) => problems.push(FieldProblem::new(format!("preferences.{key}"), code, problem)),
        }
    }
}

#[cfg(test)]
mod json_error_tests {
    use super::Answers;

    #[test]
    fn too_deep_nesting_is_named_as_such_not_as_a_syntax_error() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e = Answers::from_json_str(&deep).err().map(|e| e.fields[0].problem.clone()).unwrap_or_default();
        assert!(e.contains("nested too deeply"), "{e}");
        assert!(!e.contains("syntax error"), "{e}");
        let e = Answers::from_json_str("{\"age\": }").err().map(|e| e.fields[0].problem.clone()).unwrap_or_default();
        assert!(e.contains("a syntax error at line 1 column 9"), "{e}");
    }
}
