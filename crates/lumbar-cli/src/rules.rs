//! `lumbar rules`: show the rule set and regenerate `docs/clinical-rules.md`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use lumbar_core::screening::Ruleset;
use lumbar_core::screening::docs::clinical_rules_markdown;

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Print the clinical rules document (Markdown) generated from the rule data.
    Doc {
        /// Write it to docs/clinical-rules.md (or PATH) instead of printing it.
        #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = "docs/clinical-rules.md")]
        write: Option<PathBuf>,
    },
    /// Load and validate the rule set; print its version and size.
    Check,
}

pub fn run(cmd: RulesCommand) -> anyhow::Result<ExitCode> {
    let rs = Ruleset::shipped()?;
    match cmd {
        RulesCommand::Doc { write: None } => print!("{}", clinical_rules_markdown(&rs)),
        RulesCommand::Doc { write: Some(path) } => {
            std::fs::write(&path, clinical_rules_markdown(&rs))
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        RulesCommand::Check => println!(
            "ruleset {}: {} rules, {} precautions, {} sources, {} questions in {} groups — valid",
            rs.version,
            rs.rules.len(),
            rs.precautions.len(),
            rs.sources.len(),
            rs.questionnaire.questions.len(),
            rs.questionnaire.groups.len()
        ),
    }
    Ok(ExitCode::SUCCESS)
}
