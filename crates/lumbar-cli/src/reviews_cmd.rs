//! `lumbar reviews`: the moderation queue of people's reviews of listings. A review is
//! public on the profile, and counts in the ranking, only once approved; an edit sends it
//! back to the queue.

use std::process::ExitCode;

use clap::Subcommand;
use lumbar_store::prelude::*;
use lumbar_store::{Clock, Moderation};

use crate::{audit_cmd, style};

/// Review moderation commands.
#[derive(Subcommand)]
pub enum ReviewsCommand {
    /// Reviews in one moderation state (default: pending), oldest first.
    ///
    /// Examples:
    ///   lumbar reviews list
    ///   lumbar reviews list --state approved --json
    #[command(verbatim_doc_comment)]
    List {
        /// pending, approved or hidden.
        #[arg(long, default_value = "pending", value_parser = crate::parse_moderation)]
        state: Moderation,
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// JSON Lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Publish a review (it shows on the profile and counts in the ranking). Audited as `cli`.
    ///
    /// Example:
    ///   lumbar reviews approve 12
    #[command(verbatim_doc_comment)]
    Approve {
        /// The review id (from `reviews list`).
        id: i64,
        /// Why (optional; it goes into the audit log).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Hide a review (abuse, personal or health data, not about the massage). Nothing is
    /// deleted. Audited as `cli`.
    ///
    /// Example:
    ///   lumbar reviews reject 13 --reason "names another client"
    #[command(verbatim_doc_comment)]
    Reject {
        /// The review id (from `reviews list`).
        id: i64,
        /// Why (required; it goes into the audit log).
        #[arg(long)]
        reason: Option<String>,
    },
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "-",
    }
}

/// Runs a reviews command.
pub async fn run(store: &dyn Store, cmd: ReviewsCommand, clock: Clock) -> anyhow::Result<ExitCode> {
    match cmd {
        ReviewsCommand::List { state, limit, json } => {
            let items = store.reviews_by_state(state, limit).await?;
            if json {
                for r in &items {
                    println!("{}", serde_json::to_string(r)?);
                }
            } else if items.is_empty() {
                println!("no {} reviews", state.as_str());
            } else {
                println!(
                    "{:<6} {:<8} {:<7} {:<7} {:<9} {:<10} text",
                    "id", "listing", "overall", "helped", "listened", "respected"
                );
                for r in &items {
                    println!(
                        "#{:<5} {:<8} {:<7} {:<7} {:<9} {:<10} {}",
                        r.id,
                        r.therapist_id,
                        r.review.overall,
                        yes_no(r.review.helped_back),
                        yes_no(r.review.listened),
                        yes_no(r.review.respected_precautions),
                        style::printable(&r.review.text)
                    );
                }
            }
        }
        ReviewsCommand::Approve { id, reason } => {
            let reason = audit_cmd::reason(reason.as_deref(), None)?;
            anyhow::ensure!(store.moderate_review(id, Moderation::Approved).await?, "no review #{id}");
            audit_cmd::record(store, clock, "review.approve", format!("review:{id}"), &reason).await?;
            println!("review #{id} is published");
        }
        ReviewsCommand::Reject { id, reason } => {
            let reason = audit_cmd::reason(reason.as_deref(), Some("reject a review"))?;
            anyhow::ensure!(store.moderate_review(id, Moderation::Hidden).await?, "no review #{id}");
            audit_cmd::record(store, clock, "review.hide", format!("review:{id}"), &reason).await?;
            println!("review #{id} is hidden");
        }
    }
    Ok(ExitCode::SUCCESS)
}
