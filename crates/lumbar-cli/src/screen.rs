//! `lumbar screen`: JSON in/out, or the interactive questionnaire in the terminal.
//!
//! Answers are health data: they are read, assessed and printed, and written to disk only
//! with `--save`. Nothing about them goes to logs or error messages.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use inquire::{CustomType, InquireError, Select, Text};
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
    let text = match read_input(file.as_ref()) {
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

fn read_input(file: Option<&PathBuf>) -> Result<String, String> {
    match file {
        Some(p) if p.as_os_str() != "-" => std::fs::read_to_string(p).map_err(|e| {
            format!("cannot read {}: {e}; give the path of an answers JSON file, or - for stdin", p.display())
        }),
        _ => {
            if std::io::stdin().is_terminal() {
                eprintln!("reading answers JSON from stdin (end with Ctrl-D)…");
            }
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(s)
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
    let mut answered: [Option<f64>; ANSWER_FIELDS] = [None; ANSWER_FIELDS];
    let mut prefs = Preferences::default();
    let mut current_group = usize::MAX;
    let total = q.questions.len();
    for (n, question) in q.questions.iter().enumerate() {
        if let Target::Answer(_) = question.target
            && !question.applies(&answered)
        {
            continue;
        }
        if question.group != current_group {
            current_group = question.group;
            let g = &q.groups[current_group];
            println!(
                "\n{} {}",
                paint.cyan(&format!("[{}/{}]", current_group + 1, q.groups.len())),
                paint.bold(&g.title)
            );
            println!("{}", paint.dim(&g.intro));
        }
        let value = match ask(question, n + 1, total) {
            Ok(v) => v,
            Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => {
                println!("\nStopped. Nothing was saved.");
                return Ok(ExitCode::from(130));
            }
            Err(e) => return Err(e).context("reading your answer"),
        };
        match question.target {
            Target::Answer(f) => answered[f as usize] = Some(value),
            Target::Preference(k) => {
                let v = Some(value as u8);
                match k {
                    0 => prefs.style = v,
                    1 => prefs.pressure = v,
                    _ => prefs.goal = v,
                }
            }
        }
        let emergencies = rs.emergencies_settled(&answered);
        if !emergencies.is_empty() {
            report::print_emergency_stop(rs, &emergencies, paint);
            if save.is_some() {
                println!("{}", paint.dim("Your answers were not saved: the check stopped early."));
            }
            return Ok(ExitCode::SUCCESS);
        }
    }
    let values = q
        .complete(&answered)
        .context("the questionnaire ended with a question unanswered (a defect in questions.toml)")?;
    let answers = match Answers::from_values(values, prefs) {
        Ok(a) => a,
        Err(e) => anyhow::bail!("the answers did not pass the contract's checks: {e}"),
    };
    let assessment = rs.assess(&answers);
    println!();
    report::print_assessment(&assessment, paint);
    if let Some(path) = save {
        let text = serde_json::to_string_pretty(&answers.to_json())?;
        std::fs::write(&path, text + "\n").with_context(|| format!("saving your answers to {}", path.display()))?;
        println!("\nYour answers were saved to {} (only there).", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks one question; returns the engine value (0/1, choice index, number).
fn ask(question: &Question, n: usize, total: usize) -> Result<f64, InquireError> {
    let prompt = format!("({n}/{total}) {}", question.text);
    let help = question.help.as_deref();
    match question.input {
        Input::YesNo | Input::Choice => {
            let labels: Vec<&str> = question.options.iter().map(|o| o.label.as_str()).collect();
            let mut s = Select::new(&prompt, labels.clone());
            if let Some(h) = help {
                s = s.with_help_message(h);
            }
            let picked = s.with_vim_mode(false).raw_prompt()?;
            let option = &question.options[picked.index];
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
            let mut c = CustomType::<i64>::new(&prompt).with_error_message(&msg).with_validator(move |v: &i64| {
                Ok(if (min..=max).contains(v) {
                    inquire::validator::Validation::Valid
                } else {
                    inquire::validator::Validation::Invalid(format!("enter a whole number from {min} to {max}").into())
                })
            });
            if let Some(h) = help {
                c = c.with_help_message(h);
            }
            Ok(c.prompt()? as f64)
        }
        Input::Duration => {
            let mut t = Text::new(&prompt).with_validator(|s: &str| {
                Ok(match parse_duration_weeks(s) {
                    Ok(_) => inquire::validator::Validation::Valid,
                    Err(e) => inquire::validator::Validation::Invalid(e.into()),
                })
            });
            if let Some(h) = help {
                t = t.with_help_message(h);
            }
            let s = t.prompt()?;
            Ok(parse_duration_weeks(&s).unwrap_or(0.0))
        }
    }
}
