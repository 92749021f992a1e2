//! The condition language of rules and questions: small, typed, checked at load time.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | atom
//! atom    := "(" expr ")"
//!          | "fired(" rule_id ")"                 -- another rule fired
//!          | field                                -- a boolean field is true
//!          | field ("=="|"!=") value              -- value: true, false, a number or a choice word
//!          | field ("<"|"<="|">"|">=") number     -- numeric fields only
//!          | field "in" "{" word ("," word)* "}"  -- choice fields only
//! ```
//!
//! Every field name, every choice word and every operator is checked against the field table
//! when the condition is parsed, so a typo in a rule is a start-up error, never a rule that
//! silently never fires. Conditions evaluate either on complete answers (two-valued) or on
//! partial answers (three-valued, Kleene logic), which is how the questionnaire knows an
//! emergency answer settles the outcome before the other questions are asked.

use super::fields::{ALL_FIELDS, Field, FieldKind};

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    fn apply(self, a: f64, b: f64) -> bool {
        match self {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
        }
    }
}

/// A parsed, type-checked condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    /// All must hold.
    And(Vec<Cond>),
    /// At least one must hold.
    Or(Vec<Cond>),
    /// Negation.
    Not(Box<Cond>),
    /// A boolean field is true.
    Flag(Field),
    /// A field compared with a constant (choices compare by index).
    Cmp(Field, Op, f64),
    /// A choice field is one of a set (bit `i` = option `i`).
    In(Field, u32),
    /// Another rule (by index in the rule set) fired.
    Fired(usize),
}

/// Three-valued truth for partial answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    /// Certainly false whatever the unanswered questions say.
    False,
    /// Depends on unanswered questions.
    Unknown,
    /// Certainly true whatever the unanswered questions say.
    True,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

/// A condition that failed to parse or type-check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionError(pub String);

impl std::fmt::Display for ConditionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Cond {
    /// Parses and type-checks `text`. `rule_index` resolves `fired(id)` references; pass a
    /// function that returns `None` for every id where references are not allowed.
    pub fn parse(text: &str, rule_index: &dyn Fn(&str) -> Option<usize>) -> Result<Cond, ConditionError> {
        let tokens = tokenize(text)?;
        let mut p = Parser { tokens, pos: 0, rule_index };
        let cond = p.or()?;
        if let Some(t) = p.tokens.get(p.pos) {
            return Err(ConditionError(format!("unexpected `{t}` after the end of the condition")));
        }
        Ok(cond)
    }

    /// Evaluates on complete values (indexed by [`Field`]) and the fired state of earlier rules.
    #[inline]
    pub fn eval(&self, v: &[f64; ALL_FIELDS], fired: &[bool]) -> bool {
        match self {
            Cond::And(cs) => cs.iter().all(|c| c.eval(v, fired)),
            Cond::Or(cs) => cs.iter().any(|c| c.eval(v, fired)),
            Cond::Not(c) => !c.eval(v, fired),
            Cond::Flag(f) => v[*f as usize] != 0.0,
            Cond::Cmp(f, op, k) => op.apply(v[*f as usize], *k),
            Cond::In(f, set) => set & (1 << (v[*f as usize] as u32)) != 0,
            Cond::Fired(r) => fired[*r],
        }
    }

    /// Evaluates on partial values (`None` = not answered yet).
    pub fn eval3(&self, v: &[Option<f64>; ALL_FIELDS], fired: &[Tri]) -> Tri {
        match self {
            Cond::And(cs) => {
                let mut out = Tri::True;
                for c in cs {
                    match c.eval3(v, fired) {
                        Tri::False => return Tri::False,
                        Tri::Unknown => out = Tri::Unknown,
                        Tri::True => {}
                    }
                }
                out
            }
            Cond::Or(cs) => {
                let mut out = Tri::False;
                for c in cs {
                    match c.eval3(v, fired) {
                        Tri::True => return Tri::True,
                        Tri::Unknown => out = Tri::Unknown,
                        Tri::False => {}
                    }
                }
                out
            }
            Cond::Not(c) => match c.eval3(v, fired) {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            },
            Cond::Flag(f) => v[*f as usize].map_or(Tri::Unknown, |x| (x != 0.0).into()),
            Cond::Cmp(f, op, k) => v[*f as usize].map_or(Tri::Unknown, |x| op.apply(x, *k).into()),
            Cond::In(f, set) => v[*f as usize].map_or(Tri::Unknown, |x| (set & (1 << (x as u32)) != 0).into()),
            Cond::Fired(r) => fired[*r],
        }
    }

    /// Every field the condition reads (not following `fired` references).
    pub fn fields(&self, out: &mut Vec<Field>) {
        match self {
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.fields(out)),
            Cond::Not(c) => c.fields(out),
            Cond::Flag(f) | Cond::Cmp(f, _, _) | Cond::In(f, _) => {
                if !out.contains(f) {
                    out.push(*f);
                }
            }
            Cond::Fired(_) => {}
        }
    }

    /// Every rule the condition refers to with `fired(…)`.
    pub fn rule_refs(&self, out: &mut Vec<usize>) {
        match self {
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.rule_refs(out)),
            Cond::Not(c) => c.rule_refs(out),
            Cond::Fired(r) => out.push(*r),
            _ => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Num(f64),
    Sym(&'static str),
}

impl std::fmt::Display for Tok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tok::Word(w) => f.write_str(w),
            Tok::Num(n) => write!(f, "{n}"),
            Tok::Sym(s) => f.write_str(s),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<Tok>, ConditionError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_lowercase() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Word(text[start..i].to_owned()));
        } else if c.is_ascii_digit() || (c == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let start = i;
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let n =
                text[start..i].parse().map_err(|_| ConditionError(format!("`{}` is not a number", &text[start..i])))?;
            out.push(Tok::Num(n));
        } else {
            let two = text.get(i..i + 2).unwrap_or("");
            let sym = match two {
                "==" => Some("=="),
                "!=" => Some("!="),
                "<=" => Some("<="),
                ">=" => Some(">="),
                _ => None,
            };
            if let Some(s) = sym {
                out.push(Tok::Sym(s));
                i += 2;
                continue;
            }
            let one = match c {
                b'(' => "(",
                b')' => ")",
                b'{' => "{",
                b'}' => "}",
                b',' => ",",
                b'<' => "<",
                b'>' => ">",
                _ => {
                    return Err(ConditionError(format!(
                        "unexpected character `{}`",
                        text[i..].chars().next().unwrap_or('?')
                    )));
                }
            };
            out.push(Tok::Sym(one));
            i += 1;
        }
    }
    Ok(out)
}

struct Parser<'a> {
    tokens: Vec<Tok>,
    pos: usize,
    rule_index: &'a dyn Fn(&str) -> Option<usize>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Result<Tok, ConditionError> {
        let t = self
            .tokens
            .get(self.pos)
            .cloned()
            .ok_or_else(|| ConditionError("the condition ends too early".to_owned()))?;
        self.pos += 1;
        Ok(t)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Word(x)) if x == w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect_sym(&mut self, s: &str) -> Result<(), ConditionError> {
        match self.next()? {
            Tok::Sym(x) if x == s => Ok(()),
            t => Err(ConditionError(format!("expected `{s}`, found `{t}`"))),
        }
    }

    fn or(&mut self) -> Result<Cond, ConditionError> {
        let mut items = vec![self.and()?];
        while self.eat_word("or") {
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Cond::Or(items) })
    }

    fn and(&mut self) -> Result<Cond, ConditionError> {
        let mut items = vec![self.unary()?];
        while self.eat_word("and") {
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Cond::And(items) })
    }

    fn unary(&mut self) -> Result<Cond, ConditionError> {
        if self.eat_word("not") {
            return Ok(Cond::Not(Box::new(self.unary()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Cond, ConditionError> {
        match self.next()? {
            Tok::Sym("(") => {
                let c = self.or()?;
                self.expect_sym(")")?;
                Ok(c)
            }
            Tok::Word(w) if w == "fired" => {
                self.expect_sym("(")?;
                let id = match self.next()? {
                    Tok::Word(id) => id,
                    t => return Err(ConditionError(format!("expected a rule id in fired(…), found `{t}`"))),
                };
                self.expect_sym(")")?;
                let r =
                    (self.rule_index)(&id).ok_or_else(|| ConditionError(format!("fired({id}) refers to no rule")))?;
                Ok(Cond::Fired(r))
            }
            Tok::Word(name) => {
                let field = Field::by_name(&name).ok_or_else(|| ConditionError(format!("unknown field `{name}`")))?;
                self.comparison(field)
            }
            t => Err(ConditionError(format!("unexpected `{t}`"))),
        }
    }

    fn comparison(&mut self, field: Field) -> Result<Cond, ConditionError> {
        let kind = field.spec().kind;
        let name = field.name();
        let op = match self.peek() {
            Some(Tok::Sym("==")) => Op::Eq,
            Some(Tok::Sym("!=")) => Op::Ne,
            Some(Tok::Sym("<")) => Op::Lt,
            Some(Tok::Sym("<=")) => Op::Le,
            Some(Tok::Sym(">")) => Op::Gt,
            Some(Tok::Sym(">=")) => Op::Ge,
            Some(Tok::Word(w)) if w == "in" => {
                self.pos += 1;
                return self.membership(field);
            }
            _ => {
                return match kind {
                    FieldKind::Bool => Ok(Cond::Flag(field)),
                    _ => Err(ConditionError(format!("`{name}` is not a boolean; compare it with a value"))),
                };
            }
        };
        self.pos += 1;
        let value = self.next()?;
        match (kind, &value) {
            (FieldKind::Bool, Tok::Word(w)) if (w == "true" || w == "false") && matches!(op, Op::Eq | Op::Ne) => {
                let want = (w == "true") == (op == Op::Eq);
                Ok(if want { Cond::Flag(field) } else { Cond::Not(Box::new(Cond::Flag(field))) })
            }
            (FieldKind::Int { .. } | FieldKind::Number { .. }, Tok::Num(n)) => Ok(Cond::Cmp(field, op, *n)),
            (FieldKind::Choice(options), Tok::Word(w)) if matches!(op, Op::Eq | Op::Ne) => {
                let i = options.iter().position(|o| o == w).ok_or_else(|| {
                    ConditionError(format!("`{w}` is not a value of `{name}` ({})", options.join(", ")))
                })?;
                Ok(Cond::Cmp(field, op, i as f64))
            }
            _ => Err(ConditionError(format!(
                "`{name} {} {value}` does not type-check: `{name}` {}",
                match op {
                    Op::Eq => "==",
                    Op::Ne => "!=",
                    Op::Lt => "<",
                    Op::Le => "<=",
                    Op::Gt => ">",
                    Op::Ge => ">=",
                },
                kind.expectation()
            ))),
        }
    }

    fn membership(&mut self, field: Field) -> Result<Cond, ConditionError> {
        let FieldKind::Choice(options) = field.spec().kind else {
            return Err(ConditionError(format!("`{} in {{…}}` needs a choice field", field.name())));
        };
        self.expect_sym("{")?;
        let mut set = 0u32;
        loop {
            match self.next()? {
                Tok::Word(w) => {
                    let i = options.iter().position(|o| *o == w).ok_or_else(|| {
                        ConditionError(format!("`{w}` is not a value of `{}` ({})", field.name(), options.join(", ")))
                    })?;
                    set |= 1 << i;
                }
                t => return Err(ConditionError(format!("expected a value in {{…}}, found `{t}`"))),
            }
            match self.next()? {
                Tok::Sym(",") => continue,
                Tok::Sym("}") => break,
                t => return Err(ConditionError(format!("expected `,` or `}}`, found `{t}`"))),
            }
        }
        Ok(Cond::In(field, set))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Cond, ConditionError> {
        Cond::parse(text, &|id| (id == "known").then_some(0))
    }

    #[test]
    fn parses_precedence_and_types() {
        let c = parse("saddle_numbness or leg_weakness == both_legs and not fired(known)").unwrap();
        assert!(matches!(c, Cond::Or(ref items) if items.len() == 2));
        assert!(parse("spread in {thigh, below_knee}").is_ok());
        assert!(parse("duration_weeks > 12 and onset_age < 45").is_ok());
        assert!(parse("pregnancy_high_risk == true").is_ok());
    }

    #[test]
    fn rejects_typos_and_type_errors() {
        for bad in [
            "saddle_numbnes",
            "trauma == mayor",
            "age == old",
            "trauma",
            "saddle_numbness > 1",
            "age in {young}",
            "fired(nothing)",
            "(saddle_numbness",
            "saddle_numbness saddle_numbness",
            "trauma < major",
            "age == 5 $",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn three_valued_logic_settles_early() {
        let c = parse("saddle_numbness or fever_or_chills and leg_weakness != none").unwrap();
        let mut v = [None; ALL_FIELDS];
        assert_eq!(c.eval3(&v, &[]), Tri::Unknown);
        v[Field::SaddleNumbness as usize] = Some(1.0);
        assert_eq!(c.eval3(&v, &[]), Tri::True);
        v[Field::SaddleNumbness as usize] = Some(0.0);
        v[Field::FeverOrChills as usize] = Some(0.0);
        assert_eq!(c.eval3(&v, &[]), Tri::False);
    }
}
