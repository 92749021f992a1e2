//! `lumbar progress`: is massage helping enough to go on? A progress log (PROGRESS.md §1) in,
//! the rule's answer (`lumbar_core::progress`) out: JSON with `--json`, a short summary
//! otherwise.
//!
//! A pain log is health data: it is read, assessed and printed, never written anywhere, and
//! no error message repeats a value from it. Invalid input exits 2 with the same error JSON
//! as `lumbar screen --json`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use lumbar_core::progress::{ProgressInput, ProgressReport, ProgressTexts, Status, assess};
use lumbar_core::screening::{FieldProblem, InvalidAnswers, Ruleset, TextLang};

use crate::screen::read_input;
use crate::style::{Paint, color_stdout};

/// Exit code for an invalid progress log (as for invalid answers).
const EXIT_INVALID: u8 = 2;

#[derive(Args)]
pub struct ProgressArgs {
    /// Print the result as JSON (`lumbar.progress/1`); an invalid log prints the error JSON
    /// of `lumbar screen --json`.
    #[arg(long)]
    json: bool,
    /// The progress log (JSON); stdin when absent or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

pub fn run(args: ProgressArgs) -> anyhow::Result<ExitCode> {
    let rs = Ruleset::shipped()?;
    let texts = ProgressTexts::shipped(&rs)?;
    let parsed = match read_input(args.file.as_ref(), "progress log") {
        Ok(text) => ProgressInput::from_json_str(&text),
        Err(problem) => {
            Err(InvalidAnswers { fields: vec![FieldProblem { field: "$".into(), code: "unreadable", problem }] })
        }
    };
    let input = match parsed {
        Ok(input) => input,
        Err(e) => {
            if args.json {
                println!("{}", e.to_json());
            } else {
                eprintln!("lumbar progress: the progress log is not valid ({} problems):", e.fields.len());
                for p in &e.fields {
                    eprintln!("  {}: {}", p.field, p.problem);
                }
            }
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let report = texts.report(assess(&input), TextLang::En);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_summary(&rs, &report, Paint { on: color_stdout() });
    }
    Ok(ExitCode::SUCCESS)
}

/// The status, the numbers in a sentence, the message and its sources.
fn print_summary(rs: &Ruleset, report: &ProgressReport<'_>, paint: Paint) {
    let o = report.outcome;
    let word = o.status.as_str();
    let status = match o.status {
        Status::StopWarningSign | Status::Worsening => paint.red(word),
        Status::NotHelping => paint.yellow(word),
        Status::Improving | Status::LowPain => paint.green(word),
        Status::TooEarly => paint.cyan(word),
    };
    println!("{} {status}", paint.bold("Progress:"));
    let points =
        |n: i8| if n.unsigned_abs() == 1 { "1 point".to_owned() } else { format!("{} points", n.unsigned_abs()) };
    let change = match o.change {
        0 => "no change".to_owned(),
        n if n > 0 => format!("{} better ({}%)", points(n), o.change_pct),
        n => format!("{} worse ({}%)", points(n), o.change_pct.abs()),
    };
    let sessions = if o.sessions == 1 { "1 session".to_owned() } else { format!("{} sessions", o.sessions) };
    println!(
        "Average pain in the past week: {} at your safety check, {} now — {change}; {sessions} logged.",
        o.baseline, o.current
    );
    if o.meaningful_improvement {
        println!("That is a meaningful improvement (at least 2 points and 30%).");
    }
    println!("\n{}\n", report.message());
    for id in report.sources() {
        let citation = rs.source(id).map_or("", |s| s.citation.as_str());
        println!("{}", paint.dim(&format!("[{id}] {citation}")));
    }
    println!(
        "{}",
        paint.dim("This is information, not a diagnosis. In an emergency call 911 (or your local emergency number).")
    );
}
