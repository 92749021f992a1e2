//! `lumbar screen`: JSON in/out, or the interactive questionnaire in the terminal.
//!
//! Answers are health data: they are read, assessed and printed, and written to disk only
//! with `--save`. Nothing about them goes to logs or error messages.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use inquire::autocompletion::{Autocomplete, Replacement};
use inquire::ui::RenderConfig;
use inquire::validator::Validation;
use inquire::{CustomType, CustomUserError, InquireError, Text};
use lumbar_core::screening::fields::{ANSWER_FIELDS, FieldKind};
use lumbar_core::screening::questions::{Input, Question, Target, parse_duration_weeks};
use lumbar_core::screening::{Answers, InvalidAnswers, Preferences, Ruleset};

use crate::report;
use crate::style::{Paint, color_stdout};

/// Exit code for invalid answers.
const EXIT_INVALID: u8 = 2;

#[derive(Args)]
pub struct ScreenArgs {
    /// Read an answers object as JSON (from FILE, or stdin when FILE is absent or `-`) and
    /// print the assessment as JSON.
    #[arg(long)]
    json: bool,
    /// The answers file for --json.
    #[arg(value_name = "FILE", requires = "json")]
    file: Option<PathBuf>,
    /// After the interactive questionnaire, save your answers (JSON) to FILE. Nothing is
    /// stored unless you ask.
    #[arg(long, value_name = "FILE", conflicts_with = "json")]
    save: Option<PathBuf>,
}

pub fn run(args: ScreenArgs) -> anyhow::Result<ExitCode> {
    let rs = Ruleset::shipped()?;
    if args.json {
        return Ok(json_mode(&rs, args.file));
    }
    interactive(&rs, args.save)
}

fn json_mode(rs: &Ruleset, file: Option<PathBuf>) -> ExitCode {
    let text = match read_input(file.as_ref(), "answers") {
        Ok(t) => t,
        Err(problem) => {
            let e = InvalidAnswers {
                fields: vec![lumbar_core::screening::FieldProblem { field: "$".into(), code: "unreadable", problem }],
            };
            println!("{}", e.to_json());
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match Answers::from_json_str(&text) {
        Ok(answers) => {
            let out = rs.assess(&answers);
            match serde_json::to_string_pretty(&out) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(_) => ExitCode::FAILURE,
            }
        }
        Err(e) => {
            println!("{}", e.to_json());
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// The JSON text of FILE, or of stdin when FILE is absent or `-`; `what` names the document
/// in messages (`answers`, `progress log`). The error is a sentence for the `$` problem.
pub(crate) fn read_input(file: Option<&PathBuf>, what: &str) -> Result<String, String> {
    match file {
        Some(p) if p.as_os_str() != "-" => std::fs::read_to_string(p).map_err(|e| {
            format!("cannot read {}: {e}; give the path of the {what} JSON file, or - for stdin", p.display())
        }),
        _ => {
            if std::io::stdin().is_terminal() {
                eprintln!("reading {what} JSON from stdin (end with Ctrl-D)…");
            }
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(s)
        }
    }
}

/// The keys every question's help line names.
const KEYS: &str = "Esc: back one question · Ctrl-C: stop";

/// The walk through the questionnaire: the answers so far, the next question, and the way
/// back (the questions asked, in order). Going back forgets the answer to the question
/// gone back to and keeps every earlier one.
struct Walk<'q> {
    questions: &'q [Question],
    answered: [Option<f64>; ANSWER_FIELDS],
    prefs: Preferences,
    asked: Vec<usize>,
    next: usize,
}

impl<'q> Walk<'q> {
    fn new(questions: &'q [Question]) -> Walk<'q> {
        Walk { questions, answered: [None; ANSWER_FIELDS], prefs: Preferences::default(), asked: Vec::new(), next: 0 }
    }

    /// The index of the next question to ask (questions that do not apply to the answers
    /// so far are passed over), or `None` when every question is done.
    fn current(&mut self) -> Option<usize> {
        while let Some(q) = self.questions.get(self.next) {
            if matches!(q.target, Target::Preference(_)) || q.applies(&self.answered) {
                return Some(self.next);
            }
            self.next += 1;
        }
        None
    }

    /// Records the answer to the current question and moves on.
    fn answer(&mut self, value: f64) {
        let Some(n) = self.current() else { return };
        self.set(n, Some(value));
        self.asked.push(n);
        self.next = n + 1;
    }

    /// Goes back to the question asked before the current one, forgetting its answer;
    /// `false` at the first question.
    fn back(&mut self) -> bool {
        let Some(n) = self.asked.pop() else { return false };
        self.set(n, None);
        self.next = n;
        true
    }

    fn set(&mut self, n: usize, value: Option<f64>) {
        match self.questions[n].target {
            Target::Answer(f) => self.answered[f as usize] = value,
            Target::Preference(k) => {
                let v = value.map(|v| v as u8);
                match k {
                    0 => self.prefs.style = v,
                    1 => self.prefs.pressure = v,
                    _ => self.prefs.goal = v,
                }
            }
        }
    }
}

fn interactive(rs: &Ruleset, save: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    if !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the questionnaire needs a terminal to ask its questions; to assess answers from a file or a pipe use `lumbar screen --json [FILE]`"
        );
    }
    let paint = Paint { on: color_stdout() };
    let q = &rs.questionnaire;
    println!("{}", paint.bold("lumbar — is massage safe for my back right now?"));
    println!(
        "{}",
        paint.dim("About 3 minutes. Nothing is stored unless you ask (--save). This is information, not a diagnosis.")
    );
    println!("{}", paint.dim("No answer is chosen for you. Esc goes back one question; Ctrl-C stops."));
    // Esc leaves a question "↩ back" instead of inquire's "<canceled>".
    let mut render = RenderConfig::default();
    render.canceled_prompt_indicator.content = "↩ back";
    inquire::set_global_render_config(render);
    let mut walk = Walk::new(&q.questions);
    let mut shown_group = usize::MAX;
    let total = q.questions.len();
    while let Some(n) = walk.current() {
        let question = &q.questions[n];
        if question.group != shown_group {
            shown_group = question.group;
            let g = &q.groups[shown_group];
            println!("\n{} {}", paint.cyan(&format!("[{}/{}]", shown_group + 1, q.groups.len())), paint.bold(&g.title));
            println!("{}", paint.dim(&g.intro));
        }
        match ask(question, n + 1, total) {
            Ok(value) => walk.answer(value),
            Err(InquireError::OperationCanceled) => {
                if !walk.back() {
                    println!("{}", paint.dim("This is the first question. Ctrl-C stops the check."));
                }
                continue;
            }
            Err(InquireError::OperationInterrupted) => {
                println!("\nStopped. Nothing was saved.");
                return Ok(ExitCode::from(130));
            }
            Err(e) => return Err(e).context("reading your answer"),
        }
        let emergencies = rs.emergencies_settled(&walk.answered);
        if !emergencies.is_empty() {
            report::print_emergency_stop(rs, &emergencies, paint);
            if save.is_some() {
                println!("{}", paint.dim("Your answers were not saved: the check stopped early."));
            }
            return Ok(ExitCode::SUCCESS);
        }
    }
    let values = q
        .complete(&walk.answered)
        .context("the questionnaire ended with a question unanswered (a defect in questions.toml)")?;
    let answers = match Answers::from_values(values, walk.prefs) {
        Ok(a) => a,
        Err(e) => anyhow::bail!("the answers did not pass the contract's checks: {e}"),
    };
    let assessment = rs.assess(&answers);
    println!();
    report::print_assessment(&assessment, paint);
    if let Some(path) = &save {
        let text = serde_json::to_string_pretty(&answers.to_json())?;
        std::fs::write(path, text + "\n").with_context(|| format!("saving your answers to {}", path.display()))?;
        println!("\nYour answers were saved to {} (only there).", path.display());
    }
    report::print_next_step(assessment.triage, save.as_deref(), paint);
    Ok(ExitCode::SUCCESS)
}

/// The help line of a question: its own help, then the keys.
fn help_line(question: &Question, how: &str) -> String {
    match question.help.as_deref() {
        Some(h) => format!("{h} ({how} · {KEYS})"),
        None => format!("{how} · {KEYS}"),
    }
}

/// Which option an input names: a whole label or the unique start of one, any case. The
/// error says what to do and never repeats the input (answers are health data).
fn pick(input: &str, labels: &[String]) -> Result<usize, &'static str> {
    let typed = input.trim().to_lowercase();
    if typed.is_empty() {
        return Err("Choose an answer: press ↓ to pick one, then Enter (or type its first letters)");
    }
    if let Some(i) = labels.iter().position(|l| l.to_lowercase() == typed) {
        return Ok(i);
    }
    let starts: Vec<usize> = (0..labels.len()).filter(|&i| labels[i].to_lowercase().starts_with(&typed)).collect();
    match starts[..] {
        [i] => Ok(i),
        [] => Err("That is not one of the answers: press ↓ to pick one, then Enter"),
        _ => Err("More than one answer starts like that: type more, or press ↓ to pick one"),
    }
}

/// The answers of a question as suggestions under the input: none highlighted until the
/// person moves to one, so Enter alone never answers.
#[derive(Clone)]
struct Options(Vec<String>);

impl Autocomplete for Options {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, CustomUserError> {
        let typed = input.trim().to_lowercase();
        let matching: Vec<String> = self.0.iter().filter(|l| l.to_lowercase().starts_with(&typed)).cloned().collect();
        Ok(if matching.is_empty() { self.0.clone() } else { matching })
    }

    fn get_completion(&mut self, input: &str, highlighted: Option<String>) -> Result<Replacement, CustomUserError> {
        Ok(match highlighted {
            Some(s) => Replacement::Some(s),
            None => pick(input, &self.0).ok().map(|i| self.0[i].clone()),
        })
    }
}

/// Asks one question; returns the engine value (0/1, choice index, number). Nothing is
/// preselected: an empty Enter asks again. Esc is `OperationCanceled` (back one question).
fn ask(question: &Question, n: usize, total: usize) -> Result<f64, InquireError> {
    let prompt = format!("({n}/{total}) {}", question.text);
    match question.input {
        Input::YesNo | Input::Choice => {
            let labels: Vec<String> = question.options.iter().map(|o| o.label.clone()).collect();
            let how = if matches!(question.input, Input::YesNo) {
                "↓ then Enter, or type y or n"
            } else {
                "↓ to pick an answer, then Enter"
            };
            let help = help_line(question, how);
            let for_validator = labels.clone();
            let for_formatter = labels.clone();
            let formatter =
                move |s: &str| pick(s, &for_formatter).map_or_else(|_| String::new(), |i| for_formatter[i].clone());
            let answer = Text::new(&prompt)
                .with_autocomplete(Options(labels.clone()))
                .with_validator(move |s: &str| {
                    Ok(match pick(s, &for_validator) {
                        Ok(_) => Validation::Valid,
                        Err(msg) => Validation::Invalid(msg.into()),
                    })
                })
                .with_formatter(&formatter)
                .with_page_size(labels.len().max(1))
                .with_help_message(&help)
                .prompt()?;
            let Ok(picked) = pick(&answer, &labels) else {
                return Err(InquireError::Custom("the answer did not name an option".into()));
            };
            let option = &question.options[picked];
            Ok(match question.input {
                Input::YesNo => {
                    if option.value == "true" {
                        1.0
                    } else {
                        0.0
                    }
                }
                _ => match question.target.kind() {
                    FieldKind::Choice(words) => words.iter().position(|w| *w == option.value).unwrap_or(0) as f64,
                    _ => 0.0,
                },
            })
        }
        Input::Scale | Input::Number => {
            let (min, max) = match question.target.kind() {
                FieldKind::Int { min, max } => (min, max),
                _ => (0, 10),
            };
            let msg = format!("a whole number from {min} to {max}");
            let help = help_line(question, &format!("type {msg}, then Enter"));
            CustomType::<i64>::new(&prompt)
                .with_error_message(&msg)
                .with_validator(move |v: &i64| {
                    Ok(if (min..=max).contains(v) {
                        Validation::Valid
                    } else {
                        Validation::Invalid(format!("enter a whole number from {min} to {max}").into())
                    })
                })
                .with_help_message(&help)
                .prompt()
                .map(|v| v as f64)
        }
        Input::Duration => {
            let help = help_line(question, "e.g. 3 days, 2 weeks, 4 months");
            let s = Text::new(&prompt)
                .with_validator(|s: &str| {
                    Ok(match parse_duration_weeks(s) {
                        Ok(_) => Validation::Valid,
                        Err(e) => Validation::Invalid(e.into()),
                    })
                })
                .with_help_message(&help)
                .prompt()?;
            Ok(parse_duration_weeks(&s).unwrap_or(0.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn an_empty_answer_is_never_an_answer() {
        let yes_no = labels(&["Yes", "No"]);
        assert!(pick("", &yes_no).is_err());
        assert!(pick("   ", &yes_no).is_err());
        assert_eq!(pick("y", &yes_no), Ok(0));
        assert_eq!(pick("NO", &yes_no), Ok(1));
        assert_eq!(pick("n", &yes_no), Ok(1));
        assert!(pick("maybe", &yes_no).is_err());
    }

    #[test]
    fn a_choice_needs_a_unique_start() {
        let legs = labels(&["No", "Yes, in one leg", "Yes, in both legs"]);
        assert_eq!(pick("no", &legs), Ok(0));
        assert!(pick("yes", &legs).is_err(), "two answers start with yes");
        assert_eq!(pick("yes, in b", &legs), Ok(2));
        assert_eq!(pick("Yes, in one leg", &legs), Ok(1));
    }

    #[test]
    fn pick_errors_never_repeat_the_input() {
        let legs = labels(&["No", "Yes, in one leg", "Yes, in both legs"]);
        for typed in ["zzz-secret", "yes", ""] {
            let e = pick(typed, &legs).unwrap_err();
            assert!(typed.is_empty() || !e.contains(typed), "{e}");
        }
    }

    #[test]
    fn suggestions_start_with_nothing_highlighted_and_narrow_as_you_type() {
        let mut o = Options(labels(&["No", "Yes, in one leg", "Yes, in both legs"]));
        assert_eq!(o.get_suggestions("").unwrap().len(), 3);
        assert_eq!(o.get_suggestions("y").unwrap().len(), 2);
        assert_eq!(o.get_suggestions("q").unwrap().len(), 3, "no match shows every answer");
    }

    #[test]
    fn back_forgets_only_the_question_gone_back_to() {
        let rs = Ruleset::shipped().unwrap();
        let qs = &rs.questionnaire.questions;
        let mut walk = Walk::new(qs);
        assert!(!walk.back(), "nothing before the first question");
        let first = walk.current().unwrap();
        walk.answer(0.0);
        let second = walk.current().unwrap();
        assert!(second > first);
        walk.answer(0.0);
        let third = walk.current().unwrap();
        assert!(walk.back());
        assert_eq!(walk.current(), Some(second), "back to the second question");
        let field = |n: usize| match qs[n].target {
            Target::Answer(f) => f as usize,
            Target::Preference(_) => unreachable!("the first questions are answers"),
        };
        assert_eq!(walk.answered[field(second)], None, "its answer is forgotten");
        assert_eq!(walk.answered[field(first)], Some(0.0), "the earlier answer is kept");
        walk.answer(0.0);
        assert_eq!(walk.current(), Some(third));
        assert!(walk.back() && walk.back());
        assert_eq!(walk.current(), Some(first));
        assert!(!walk.back());
        assert_eq!(walk.current(), Some(first));
    }

    #[test]
    fn a_full_walk_of_no_and_lowest_answers_completes() {
        let rs = Ruleset::shipped().unwrap();
        let mut walk = Walk::new(&rs.questionnaire.questions);
        let mut steps = 0;
        while let Some(n) = walk.current() {
            let q = &rs.questionnaire.questions[n];
            let v = match q.input {
                Input::Duration => 2.0,
                Input::Scale | Input::Number => match q.target.kind() {
                    FieldKind::Int { min, max } => ((min + max) / 2) as f64,
                    _ => 0.0,
                },
                _ => 0.0,
            };
            walk.answer(v);
            steps += 1;
            // a step back and forth changes nothing
            if steps % 5 == 0 {
                assert!(walk.back());
                assert_eq!(walk.current(), Some(n));
                walk.answer(v);
            }
            assert!(steps < 1000);
        }
        assert!(rs.questionnaire.complete(&walk.answered).is_some());
    }
}
