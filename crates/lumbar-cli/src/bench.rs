//! `lumbar bench`: speed measurements that are not tests. Results are recorded in
//! `docs/BENCHMARKS.md` with the command that produced them.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Subcommand;
use lumbar_core::screening::{Answers, Ruleset};
use serde_json::Value;

/// The public vignettes, the realistic mix of answers the screening benchmark runs on.
const VIGNETTES: &str = include_str!("../../lumbar-core/tests/data/vignettes-public.json");

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Screening throughput on one core: assessments per second over the 40 public
    /// vignettes, the full JSON-in/JSON-out path, and a plain JSON round trip of the same
    /// answers as the peer.
    Screen {
        /// How long to run each measurement.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
}

pub fn run(cmd: BenchCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        BenchCommand::Screen { seconds } => screen(Duration::from_secs_f64(seconds)),
    }
}

/// Runs `f` over the inputs repeatedly for about `budget`; returns operations per second.
fn measure<T>(inputs: &[T], budget: Duration, mut f: impl FnMut(&T)) -> f64 {
    // warm-up
    for x in inputs {
        f(x);
    }
    let start = Instant::now();
    let mut ops = 0u64;
    while start.elapsed() < budget {
        for _ in 0..64 {
            for x in inputs {
                f(x);
            }
        }
        ops += 64 * inputs.len() as u64;
    }
    ops as f64 / start.elapsed().as_secs_f64()
}

fn screen(budget: Duration) -> anyhow::Result<ExitCode> {
    let rs = Ruleset::shipped()?;
    let doc: Value = serde_json::from_str(VIGNETTES)?;
    let raw: Vec<Value> =
        doc["vignettes"].as_array().map(|a| a.iter().map(|v| v["answers"].clone()).collect()).unwrap_or_default();
    let texts: Vec<String> = raw.iter().map(Value::to_string).collect();
    let answers: Vec<Answers> = raw.iter().map(Answers::from_json).collect::<Result<_, _>>()?;

    let assess = measure(&answers, budget, |a| {
        black_box(rs.assess(black_box(a)));
    });
    let pipeline = measure(&texts, budget, |t| {
        let a = Answers::from_json_str(black_box(t)).expect("vignette answers are valid");
        black_box(serde_json::to_string(&rs.assess(&a)).expect("serializes"));
    });
    let peer = measure(&texts, budget, |t| {
        let v: Value = serde_json::from_str(black_box(t)).expect("json");
        black_box(serde_json::to_string(&v).expect("serializes"));
    });
    println!(
        "screening benchmark — {} vignettes, one thread, {:.1} s per measurement",
        answers.len(),
        budget.as_secs_f64()
    );
    println!("{:<52} {:>14}", "measurement", "per second");
    println!("{:<52} {:>14.0}", "assess (checked answers -> assessment)", assess);
    println!("{:<52} {:>14.0}", "full path (answers JSON -> assessment JSON)", pipeline);
    println!("{:<52} {:>14.0}", "peer: serde_json parse + serialize of the answers", peer);
    Ok(ExitCode::SUCCESS)
}
