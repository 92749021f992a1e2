//! `lumbar mail outbox`: the mail lumbar queued instead of sending (no `LUMBAR_SMTP_URL`),
//! newest first, for the operator to read or forward by hand. A mail never carries health
//! data, but a password-reset mail carries a working one-time link: treat the outbox as
//! confidential.

use std::process::ExitCode;

use clap::Subcommand;
use lumbar_store::Store;

use crate::style;

/// `lumbar mail …`
#[derive(Subcommand)]
pub enum MailCommand {
    /// The outbox, newest first: password-reset links and other mail the website queued
    /// because no SMTP relay is configured (set LUMBAR_SMTP_URL on `lumbar serve` to send
    /// mail instead).
    ///
    /// Examples:
    ///   lumbar mail outbox                 the 20 newest mails, in full
    ///   lumbar mail outbox --limit 1       the newest only
    ///   lumbar mail outbox --json | jq -r '.[] | select(.to == "ana@example.org") | .body'
    #[command(verbatim_doc_comment)]
    Outbox {
        /// At most this many mails.
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// One JSON array: id, to, subject, body, created_at.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `mail` subcommand.
pub async fn run(store: &dyn Store, cmd: MailCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        MailCommand::Outbox { limit, json } => {
            let mails = store.outbox(limit).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&mails)?);
            } else if mails.is_empty() {
                println!("the outbox is empty");
            } else {
                for (i, m) in mails.iter().enumerate() {
                    if i > 0 {
                        println!("{}", "-".repeat(72));
                    }
                    println!("#{} {}", m.id, m.created_at);
                    println!("To: {}", style::printable(&m.to));
                    println!("Subject: {}", style::printable(&m.subject));
                    println!();
                    for line in m.body.lines() {
                        println!("{}", style::printable(line));
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
