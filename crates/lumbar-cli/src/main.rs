//! `lumbar`: the command-line face of lumbar. Each subcommand lives in its own module; this
//! file only declares the flags (clap) and dispatches.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bench;
mod report;
mod rules;
mod screen;
mod style;

/// lumbar — safe massage advice for lower back pain, and licensed therapists who know it.
///
/// Start with `lumbar screen` for the safety check. Every result is information, not a
/// diagnosis; in an emergency call 911 (or your local emergency number).
#[derive(Parser)]
#[command(name = "lumbar", version, propagate_version = true, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The safety screening: an interactive questionnaire, or JSON answers in and a JSON
    /// assessment out.
    ///
    /// Examples:
    ///   lumbar screen                       ask the questions in this terminal
    ///   lumbar screen --save answers.json   …and keep your answers in a file
    ///   lumbar screen --json answers.json   assess a saved answers file, print JSON
    ///   cat answers.json | lumbar screen --json
    ///
    /// With --json, invalid answers print {"error":{"code":"invalid_answers","fields":[…]}}
    /// naming every problem, and the exit code is 2.
    Screen(screen::ScreenArgs),
    /// Inspect the screening rule set (rules, sources, questions are data).
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Measure lumbar's speed (benchmarks; results go in docs/BENCHMARKS.md).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Screen(args) => screen::run(args),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Bench(cmd) => bench::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lumbar: {e:#}");
            ExitCode::FAILURE
        }
    }
}
