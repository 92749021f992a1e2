//! `lumbar audit list` (the operators' audit log) and `lumbar reports list|resolve|hide-listing`
//! ("Report this listing" reports from the public profiles). Every decision taken from the
//! command line is written to the audit log with the actor `cli`, as the web console writes
//! the operator's account.

use std::process::ExitCode;

use anyhow::{bail, ensure};
use clap::Subcommand;
use lumbar_store::prelude::*;
use lumbar_store::{AuditFilter, AuditInput, CLI_ACTOR, Clock, ReportStatus};

use crate::style;

/// `lumbar audit …`
#[derive(Subcommand)]
pub enum AuditCommand {
    /// The audit log, newest first: when, who (an account id, or `cli`), what, on what, why.
    ///
    /// Examples:
    ///   lumbar audit list
    ///   lumbar audit list --action review.            only review decisions
    ///   lumbar audit list --action report.hide_listing --limit 20 --json
    #[command(verbatim_doc_comment)]
    List {
        /// Only actions starting with this (review., feedback., report., role., or a whole
        /// action such as review.approve).
        #[arg(long)]
        action: Option<String>,
        /// At most this many entries.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// JSON Lines instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// `lumbar reports …`
#[derive(Subcommand)]
pub enum ReportsCommand {
    /// "Report this listing" reports, oldest first (default: the open ones).
    ///
    /// Examples:
    ///   lumbar reports list
    ///   lumbar reports list --state all --json
    #[command(verbatim_doc_comment)]
    List {
        /// open, resolved, listing_hidden or all.
        #[arg(long, default_value = "open")]
        state: String,
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// JSON Lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Close a report and keep the listing; the note says what you checked.
    ///
    /// Example:
    ///   lumbar reports resolve 4 --reason "Checked the WA roster: the license is hers and active"
    #[command(verbatim_doc_comment)]
    Resolve {
        /// The report id (from `reports list`).
        id: i64,
        /// What you checked (required; it goes into the audit log).
        #[arg(long)]
        reason: String,
    },
    /// Hide the reported listing (it leaves the finder, the API and its profile; nothing is
    /// deleted) and close the report.
    ///
    /// Example:
    ///   lumbar reports hide-listing 4 --reason "The NPI belongs to a dog groomer"
    #[command(verbatim_doc_comment)]
    HideListing {
        /// The report id (from `reports list`).
        id: i64,
        /// Why (required; it goes into the audit log).
        #[arg(long)]
        reason: String,
    },
}

/// Now as RFC 3339 UTC, from the command's clock.
pub fn now(clock: Clock) -> String {
    lumbar_web::accounts::session::rfc3339_secs(i64::try_from(clock.unix_secs()).unwrap_or(i64::MAX))
}

/// A reason given with `--reason`, trimmed; an error naming the flag when it is required and
/// empty.
pub fn reason(given: Option<&str>, required_for: Option<&str>) -> anyhow::Result<String> {
    let r = given.unwrap_or("").trim().to_owned();
    if let Some(what) = required_for
        && r.is_empty()
    {
        bail!(
            "--reason is required to {what}: say why (it goes into the audit log), e.g. --reason \"phone number in the text\""
        );
    }
    Ok(r)
}

/// Appends an audit entry for a command-line decision.
pub async fn record(store: &dyn Store, clock: Clock, action: &str, target: String, reason: &str) -> anyhow::Result<()> {
    let entry = AuditInput {
        at: now(clock),
        actor: CLI_ACTOR.to_owned(),
        action: action.to_owned(),
        target,
        reason: reason.to_owned(),
    };
    store.append_audit(&entry).await?;
    Ok(())
}

/// Runs `lumbar audit …`.
pub async fn run_audit(store: &dyn Store, cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::List { action, limit, json } = cmd;
    let filter = AuditFilter { action_prefix: action, target: None, limit };
    let entries = store.audit(&filter).await?;
    if json {
        for e in &entries {
            println!("{}", serde_json::to_string(e)?);
        }
    } else if entries.is_empty() {
        println!("no decisions recorded");
    } else {
        println!("{:<6} {:<20} {:<6} {:<20} {:<24} reason", "id", "at", "actor", "action", "target");
        for e in &entries {
            println!(
                "#{:<5} {:<20} {:<6} {:<20} {:<24} {}",
                e.id,
                e.at,
                style::printable(&e.actor),
                e.action,
                style::printable(&e.target),
                style::printable(&e.reason)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `lumbar reports …`.
pub async fn run_reports(store: &dyn Store, cmd: ReportsCommand, clock: Clock) -> anyhow::Result<ExitCode> {
    match cmd {
        ReportsCommand::List { state, limit, json } => {
            let status = match state.as_str() {
                "all" => None,
                s => Some(
                    ReportStatus::parse(s)
                        .ok_or_else(|| anyhow::anyhow!("--state {s}: use open, resolved, listing_hidden or all"))?,
                ),
            };
            let items = store.reports(status, limit).await?;
            if json {
                for r in &items {
                    println!("{}", serde_json::to_string(r)?);
                }
            } else if items.is_empty() {
                println!("no {state} reports");
            } else {
                println!("{:<6} {:<8} {:<24} {:<15} {:<20} text", "id", "listing", "category", "status", "created");
                for r in &items {
                    println!(
                        "#{:<5} {:<8} {:<24} {:<15} {:<20} {}",
                        r.id,
                        r.therapist_id,
                        r.category.as_str(),
                        r.status.as_str(),
                        r.created_at,
                        style::printable(&r.text)
                    );
                }
            }
        }
        ReportsCommand::Resolve { id, reason: given } => {
            let reason = reason(Some(&given), Some("resolve a report"))?;
            let report = store.report(id).await?.filter(|r| r.status == ReportStatus::Open);
            ensure!(report.is_some(), "no open report #{id} (see `lumbar reports list`)");
            ensure!(
                store.close_report(id, ReportStatus::Resolved, &reason, &now(clock)).await?,
                "no open report #{id}"
            );
            let t = report.map_or(0, |r| r.therapist_id);
            record(store, clock, "report.resolve", format!("report:{id} therapist:{t}"), &reason).await?;
            println!("report #{id} is resolved; listing #{t} stays");
        }
        ReportsCommand::HideListing { id, reason: given } => {
            let reason = reason(Some(&given), Some("hide a listing"))?;
            let Some(report) = store.report(id).await?.filter(|r| r.status == ReportStatus::Open) else {
                bail!("no open report #{id} (see `lumbar reports list`)");
            };
            let t = report.therapist_id;
            ensure!(store.hide_listing(t, &reason).await?, "listing #{t} no longer exists");
            store.close_report(id, ReportStatus::ListingHidden, &reason, &now(clock)).await?;
            record(store, clock, "report.hide_listing", format!("report:{id} therapist:{t}"), &reason).await?;
            println!("listing #{t} is hidden (report #{id} closed)");
        }
    }
    Ok(ExitCode::SUCCESS)
}
