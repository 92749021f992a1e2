//! `lumbar user add|list|delete|set-role`: accounts, for the operator. Passwords are read
//! from the terminal (asked twice, not shown) or from stdin, never from an argument, which
//! would stay in the shell history and be visible to other users in the process list. They
//! are hashed with the website's argon2id parameters; an email is stored lower-case, as the
//! sign-in form reads it.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;
use lumbar_store::{Clock, Role, Store};
use lumbar_web::accounts::{password, session};
use lumbar_web::routes::account::{normalise_email, plausible_email};

use crate::style;

/// `lumbar user …`
#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is asked for on the terminal, or read from the first
    /// line of stdin (--password-stdin, or whenever stdin is not a terminal); it is never an
    /// argument. At least 10 characters, at most 128, not the email address.
    ///
    /// Examples:
    ///   lumbar user add ops@clinic.example --role operator      asks for the password twice
    ///   printf '%s\n' "$PASSWORD" | lumbar user add ana@example.org --password-stdin
    #[command(verbatim_doc_comment)]
    Add {
        /// The email address (stored lower-case).
        email: String,
        /// person (the default: someone looking after their own back), therapist, clinician
        /// or operator.
        #[arg(long, default_value = "person", value_parser = parse_role)]
        role: Role,
        /// Read the password from the first line of stdin instead of asking for it.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts, oldest first (never a password hash).
    ///
    /// Examples:
    ///   lumbar user list
    ///   lumbar user list --json | jq '.[] | select(.role == "operator") | .email'
    #[command(verbatim_doc_comment)]
    List {
        /// One JSON array: id, email, role, created_at, privacy_version.
        #[arg(long)]
        json: bool,
    },
    /// Delete an account and everything stored with it, at once: saved checks, plans,
    /// logged sessions, share links, reviews, sessions and API tokens. It cannot be undone;
    /// the person can download their data first from their account page.
    ///
    /// Example:
    ///   lumbar user delete ana@example.org
    #[command(verbatim_doc_comment)]
    Delete {
        /// The email address of the account.
        email: String,
    },
    /// Change the role of an account (person, therapist, clinician, operator). The person
    /// keeps their sessions; the new role applies to their next request.
    ///
    /// The grant is written to the audit log (actor `cli`) with the reason.
    ///
    /// Example:
    ///   lumbar user set-role ops@clinic.example operator --reason "new operator, hired 2026-11"
    #[command(verbatim_doc_comment)]
    SetRole {
        /// The email address of the account.
        email: String,
        /// person, therapist, clinician or operator.
        #[arg(value_parser = parse_role)]
        role: Role,
        /// Why (required; it goes into the audit log).
        #[arg(long)]
        reason: Option<String>,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s.trim()).ok_or_else(|| "use person, therapist, clinician or operator".to_owned())
}

/// Runs a `user` subcommand.
pub async fn run(store: &dyn Store, cmd: UserCommand, clock: Clock) -> anyhow::Result<ExitCode> {
    match cmd {
        UserCommand::Add { email, role, password_stdin } => {
            let email = checked_email(&email)?;
            let password = read_password(password_stdin)?;
            if let Err(weak) = password::check_new(&password, &email) {
                bail!("{}", weak_message(weak));
            }
            let hash = password::hash(password).await;
            anyhow::ensure!(!hash.is_empty(), "the password could not be hashed");
            let now = session::rfc3339_secs(i64::try_from(clock.unix_secs()).unwrap_or(i64::MAX));
            match store.create_user(&email, &hash, role, &now).await? {
                Some(id) => println!("created account #{id}: {email} ({})", role.as_str()),
                None => bail!("{email} already has an account (see `lumbar user list`)"),
            }
        }
        UserCommand::List { json } => {
            let users = store.users().await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&users)?);
            } else if users.is_empty() {
                println!("no accounts yet (add one with `lumbar user add EMAIL`)");
            } else {
                println!("{:<6} {:<40} {:<10} {:<21} privacy text", "id", "email", "role", "created");
                for u in &users {
                    println!(
                        "{:<6} {:<40} {:<10} {:<21} {}",
                        u.id,
                        style::printable(&u.email),
                        u.role.as_str(),
                        u.created_at,
                        u.privacy_version.as_deref().map_or_else(|| "-".to_owned(), style::printable)
                    );
                }
            }
        }
        UserCommand::Delete { email } => {
            let email = normalise_email(&email);
            let (user, _) = store.user_by_email(&email).await?.with_context(|| no_account(&email))?;
            anyhow::ensure!(store.delete_user(user.id).await?, "{}", no_account(&email));
            println!("deleted the account of {email} and everything stored with it");
        }
        UserCommand::SetRole { email, role, reason } => {
            let reason = crate::audit_cmd::reason(reason.as_deref(), Some("grant a role"))?;
            let email = normalise_email(&email);
            let (user, _) = store.user_by_email(&email).await?.with_context(|| no_account(&email))?;
            anyhow::ensure!(store.set_role(user.id, role).await?, "{}", no_account(&email));
            let target = format!("user:{} {}→{}", user.id, user.role.as_str(), role.as_str());
            crate::audit_cmd::record(store, clock, "role.grant", target, &reason).await?;
            println!("{email} is now {} (was {})", role.as_str(), user.role.as_str());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn no_account(email: &str) -> String {
    format!("no account has the email {email} (see `lumbar user list`)")
}

fn checked_email(email: &str) -> anyhow::Result<String> {
    let email = normalise_email(email);
    if email.chars().count() > lumbar_web::routes::account::MAX_EMAIL || !plausible_email(&email) {
        bail!("`{email}` is not an email address: write it as name@example.org");
    }
    Ok(email)
}

fn weak_message(weak: password::Weak) -> String {
    match weak {
        password::Weak::TooShort => format!("the password is too short: use at least {} characters", password::MIN_LEN),
        password::Weak::TooLong => format!("the password is too long: use at most {} characters", password::MAX_LEN),
        password::Weak::IsEmail => "the password cannot be the email address: choose something else".to_owned(),
    }
}

/// The password: asked twice on a terminal, else the first line of stdin.
fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if !from_stdin && std::io::stdin().is_terminal() {
        return inquire::Password::new("Password for the new account:")
            .with_custom_confirmation_message("The same password again:")
            .with_custom_confirmation_error_message("The two passwords are not the same; try again.")
            .prompt()
            .context("no password given");
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("reading the password from stdin")?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    anyhow::ensure!(!password.is_empty(), "no password on stdin: give it on the first line");
    Ok(password.to_owned())
}
