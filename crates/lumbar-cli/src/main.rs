//! `lumbar`: the command-line face of lumbar. Each subcommand lives in its own module; this
//! file only declares the flags (clap) and dispatches.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use lumbar_core::directory::{Date, StateCode};
use lumbar_directory::{demo, pipeline as import, verify};
use lumbar_store::TherapistFilter;

mod audit_cmd;
mod bar;
mod bench;
mod db;
mod export;
mod find;
mod keys;
mod mail;
mod progress_cmd;
mod report;
mod reviews_cmd;
mod rules;
mod screen;
mod serve;
mod states;
mod style;
mod synth;
mod therapist;
mod user;

/// lumbar — safe massage advice for lower back pain, and licensed therapists who know it.
///
/// Start with `lumbar screen` for the safety check. Every result is information, not a
/// diagnosis; in an emergency call 911 (or your local emergency number).
#[derive(Parser)]
#[command(name = "lumbar", version, propagate_version = true, arg_required_else_help = true)]
struct Cli {
    /// Database URL: sqlite:PATH (embedded, the default) or postgres://USER@HOST/DB.
    #[arg(long, global = true, env = "LUMBAR_DATABASE_URL", default_value = "sqlite:lumbar.db")]
    db: String,
    /// The day to act as (YYYY-MM-DD): license expiry, roster freshness and the date stamped
    /// on verifications are judged on it. Default: today (UTC). For tests and replays.
    #[arg(long, global = true, env = "LUMBAR_TODAY", value_parser = parse_date)]
    today: Option<Date>,
    /// A roster whose data is older than this many days makes its statuses stale: still
    /// shown, labelled, and ranked after fresh ones.
    #[arg(long, global = true, env = "LUMBAR_STALE_AFTER_DAYS", default_value_t = lumbar_core::directory::standing::DEFAULT_STALE_AFTER_DAYS)]
    stale_after_days: u32,
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
    ///   lumbar find --zip 98101 --assessment answers.json   then find a therapist
    ///
    /// With --json, invalid answers print {"error":{"code":"invalid_answers","fields":[…]}}
    /// naming every problem, and the exit code is 2.
    #[command(verbatim_doc_comment)]
    Screen(screen::ScreenArgs),
    /// Is massage helping enough to go on? Your pain log in, the answer out.
    ///
    /// The log is JSON: the average pain in the past week (0-10) at the safety check that
    /// started the plan, then every session or check-in since, each with that week's average
    /// pain and whether the safety questions asked again at that entry found a warning sign.
    /// pain_before/pain_after (sessions only) are kept for your chart; the rule does not use
    /// them. For example, my-log.json:
    ///
    ///   {"baseline": {"date": "2026-12-01", "pain_average_week": 6},
    ///    "entries": [
    ///      {"kind": "session", "date": "2026-12-03", "pain_average_week": 6,
    ///       "pain_before": 6, "pain_after": 3, "new_warning_sign": false},
    ///      {"kind": "check_in", "date": "2026-12-08", "pain_average_week": 4,
    ///       "new_warning_sign": false}]}
    ///
    /// The status is the first that applies: stop_warning_sign (the latest entry found a
    /// warning sign), worsening (2 or more points worse), low_pain (it started at 2 or less),
    /// improving (at least 2 points and 30% better), not_helping (4 or more sessions without
    /// that), too_early.
    ///
    /// Examples:
    ///   lumbar progress my-log.json          a short summary
    ///   lumbar progress --json my-log.json   the result as JSON (lumbar.progress/1)
    ///   cat my-log.json | lumbar progress --json -
    ///
    /// With --json, an invalid log prints {"error":{"code":"invalid_answers","fields":[…]}}
    /// naming every problem (as lumbar screen --json does), and the exit code is 2.
    #[command(verbatim_doc_comment)]
    Progress(progress_cmd::ProgressArgs),
    /// Import official data into the directory (NPPES, state license rosters, ZIP centroids).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Check every claimed license against its state's current roster.
    ///
    /// Statuses: verified_active, expired, inactive, disciplined, suspended_or_revoked,
    /// not_found, no_roster, unregulated_state (KS, MN, WY), voluntary_certification (CA).
    /// Re-running changes nothing. Importing a roster verifies that state's licenses by
    /// itself, and expiry dates are applied on the day a page is shown; run this after an
    /// NPPES import (new claims) or with --today to replay a day.
    Verify,
    /// Export the directory.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Run the website and JSON API.
    ///
    /// Example: lumbar serve --demo   (then open http://127.0.0.1:8080/)
    ///
    /// Configuration (environment):
    ///   LUMBAR_SECRET                 32+ bytes, so several nodes, or a restart, accept each
    ///                                 other's form tokens (random when unset)
    ///   LUMBAR_SECURE_COOKIES=true    cookies marked Secure (serving over HTTPS)
    ///   LUMBAR_TRUST_FORWARDED_FOR=true  rate limits per X-Forwarded-For client (only behind
    ///                                 a proxy that sets it)
    ///   LUMBAR_RATE_LIMIT_BURST, LUMBAR_RATE_LIMIT_PER_MINUTE   POST rate limit per client
    ///   LUMBAR_STALE_AFTER_DAYS       roster age after which statuses are stale (60)
    ///   LUMBAR_PUBLIC_URL             the site's address for links in mail, e.g.
    ///                                 https://lumbar.example.org (set it on the internet:
    ///                                 otherwise links are built from the request's Host)
    ///   LUMBAR_SMTP_URL               smtp://[user:password@]host[:port]: send password-reset
    ///                                 mail through this relay (unset: the outbox, read with
    ///                                 `lumbar mail outbox`)
    ///   LUMBAR_MAIL_FROM              the sender of that mail
    ///   LUMBAR_DATA_KEY               base64 data keys (comma-separated, the first current) that
    ///                                 seal saved checks and pain logs; every node the same.
    ///                                 Unset: the key file <database>.key (made on first run,
    ///                                 mode 0600) or LUMBAR_DATA_KEY_FILE. See `lumbar keys`.
    #[command(verbatim_doc_comment)]
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
        /// Load the fictional demo directory and rosters first, if the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Find licensed therapists near a ZIP code, ranked by what your screening asks for.
    ///
    /// Only therapists whose license is verified active in the state where they practise
    /// are shown unless --include-unverified. With --assessment, a result that says massage
    /// is not advisable now gives no list (see a clinician first); pregnancy requires prenatal
    /// training; a no-deep-tissue precaution never ranks a deep-tissue-only therapist first.
    ///
    /// Examples:
    ///   lumbar find --zip 98101 --radius-miles 15
    ///   lumbar find --zip 78704 --radius-miles 10 --assessment my-answers.json --language es
    ///   lumbar find --zip 80202 --radius-miles 25 --style prenatal --json
    ///   lumbar therapist show 3             one result in full (its id is in the list)
    #[command(verbatim_doc_comment)]
    Find(FindFlags),
    /// One therapist or place: licenses with their evidence, contact, profile, reviews.
    #[command(subcommand)]
    Therapist(therapist::TherapistCommand),
    /// The fictional demo directory (data/demo/).
    #[command(subcommand)]
    Demo(DemoCommand),
    /// "Was this helpful?" feedback left on the website: list and moderate it.
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// Accounts on the website: add (the password is asked for, or read from stdin), list,
    /// delete (with everything stored about the person), set-role.
    ///
    /// Examples:
    ///   lumbar user add ops@clinic.example --role operator
    ///   printf '%s\n' "$PASSWORD" | lumbar user add ana@example.org --password-stdin
    ///   lumbar user list --json
    ///   lumbar user set-role ana@example.org therapist --reason "license seen"
    ///   lumbar user delete ana@example.org
    #[command(subcommand, verbatim_doc_comment)]
    User(user::UserCommand),
    /// Mail the website queued instead of sending it (password-reset links), when
    /// LUMBAR_SMTP_URL is not set.
    ///
    /// Example:
    ///   lumbar mail outbox --limit 5
    #[command(subcommand, verbatim_doc_comment)]
    Mail(mail::MailCommand),
    /// People's reviews of listings: the moderation queue (list, approve, reject).
    #[command(subcommand)]
    Reviews(reviews_cmd::ReviewsCommand),
    /// "Report this listing" reports from the public profiles: list, resolve (the listing
    /// stays), hide-listing (it leaves the finder; nothing is deleted). Audited.
    ///
    /// Examples:
    ///   lumbar reports list
    ///   lumbar reports resolve 4 --reason "Checked the roster: license active"
    ///   lumbar reports hide-listing 5 --reason "Not a massage therapist"
    #[command(subcommand, verbatim_doc_comment)]
    Reports(audit_cmd::ReportsCommand),
    /// The audit log: every moderation decision and role grant (web console and command
    /// line), who, when, what and why.
    ///
    /// Example:
    ///   lumbar audit list --action review. --limit 20
    #[command(subcommand, verbatim_doc_comment)]
    Audit(audit_cmd::AuditCommand),
    /// The data key that seals health data at rest: new, show, rotate.
    ///
    /// Keys come from LUMBAR_DATA_KEY (base64 keys separated by commas, the first current:
    /// give every server node the same value), else LUMBAR_DATA_KEY_FILE, else a key file
    /// beside a SQLite database (<database>.key, created with mode 0600 on first use), else
    /// lumbar-data.key in the working directory. Back the key up with the database: without
    /// it, saved checks and pain logs cannot be read.
    #[command(subcommand, verbatim_doc_comment)]
    Keys(keys::KeysCommand),
    /// Generate realistic synthetic data (an NPPES V2 file and matching state rosters) for
    /// demos, tests and benchmarks. Deterministic by --seed and --today (the day the
    /// expected statuses are computed for).
    Synth(synth::SynthArgs),
    /// Inspect the screening rule set (rules, sources, questions are data).
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Measure lumbar's speed (benchmarks; results go in docs/BENCHMARKS.md).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// How each state, DC and Puerto Rico regulates massage therapists.
    ///
    /// Board, titles, minimum training, where to look up a license, and whether lumbar
    /// imports the state's roster.
    ///
    /// Examples:
    ///   lumbar states                   every state, in columns
    ///   lumbar states --state TX        one state: every field, its notes and sources
    ///   lumbar states --json            one JSON array
    ///
    /// Rows marked "not yet confirmed" were not confirmed from a document read.
    #[command(verbatim_doc_comment)]
    States(states::StatesArgs),
}

#[derive(Subcommand)]
enum ImportCommand {
    /// The NPPES dissemination file (monthly V2 .csv or the .zip it ships in) or a weekly
    /// incremental file. Keeps providers with taxonomy 225700000X (Massage Therapist) in any
    /// of the 15 slots. A weekly file only overwrites a provider when its Last Update Date
    /// is newer. Re-importing the same file changes nothing.
    Nppes {
        /// The file (.csv or .zip).
        file: PathBuf,
        /// Stop at the first malformed row instead of counting and reporting it.
        #[arg(long)]
        strict: bool,
    },
    /// A state license roster; it becomes the state's current roster.
    Roster {
        /// Which state's format: wa, co, ct, tx, fl or il.
        #[arg(long, value_name = "STATE")]
        format: String,
        /// The roster file as downloaded from the state's open-data portal.
        file: PathBuf,
        /// Stop at the first malformed row (the roster is then not published).
        #[arg(long)]
        strict: bool,
        /// The date the roster was imported (YYYY-MM-DD; default --today). Verification
        /// records cite it as the date checked.
        #[arg(long, value_parser = parse_date)]
        imported_on: Option<Date>,
        /// The date of the file's data: when the state published it or you downloaded it
        /// (YYYY-MM-DD; default the file's modification date). Statuses resting on a roster
        /// older than --stale-after-days are shown as stale.
        #[arg(long, value_parser = parse_date)]
        data_date: Option<Date>,
    },
    /// Refresh the ZIP centroid table from a Census Gazetteer ZCTA file (tab format up to
    /// 2024, pipe format with GEOIDFQ from 2025). The 2021 table ships with lumbar.
    Zcta {
        /// The Gazetteer .txt file.
        file: PathBuf,
    },
}

#[derive(clap::Args)]
struct FindFlags {
    /// ZIP code to search around (ZIP+4 is fine).
    #[arg(long)]
    zip: String,
    /// Search radius in miles.
    #[arg(long, default_value_t = 15.0)]
    radius_miles: f64,
    /// Your screening: answers saved by `lumbar screen --save`, or an assessment printed by
    /// `lumbar screen --json`.
    #[arg(long, value_name = "FILE")]
    assessment: Option<PathBuf>,
    /// Only therapists offering this style (deep_tissue, swedish, prenatal, oncology, medical,
    /// myofascial, trigger_point, sports, lymphatic).
    #[arg(long, value_parser = parse_style)]
    style: Option<lumbar_core::matching::MassageStyle>,
    /// Only therapists speaking this language (BCP 47, e.g. es).
    #[arg(long)]
    language: Option<String>,
    /// Therapist gender: female, male or nonbinary.
    #[arg(long, value_parser = parse_gender)]
    gender: Option<lumbar_core::matching::Gender>,
    /// Highest price you want to pay for 60 minutes, in USD.
    #[arg(long, value_name = "USD")]
    max_price: Option<u32>,
    /// Only places accepting this insurance (e.g. aetna).
    #[arg(long)]
    insurance: Option<String>,
    /// Only this kind of place: independent, clinic, spa or school_clinic.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<lumbar_core::matching::PlaceKind>,
    /// Also show therapists whose license is not verified active, labelled with their status.
    #[arg(long)]
    include_unverified: bool,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum FeedbackCommand {
    /// List feedback, newest first.
    List {
        /// Only entries in this moderation state: pending, approved or hidden.
        #[arg(long, value_parser = parse_moderation)]
        state: Option<lumbar_store::Moderation>,
        /// At most this many entries.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// JSON Lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Set the moderation state of one entry (written to the audit log as `cli`).
    ///
    /// Examples:
    ///   lumbar feedback moderate 7 approved
    ///   lumbar feedback moderate 8 hidden --reason "a phone number in the comment"
    #[command(verbatim_doc_comment)]
    Moderate {
        /// The feedback id (from `feedback list`).
        id: i64,
        /// approved or hidden (or back to pending).
        #[arg(value_parser = parse_moderation)]
        state: lumbar_store::Moderation,
        /// Why (required to hide; it goes into the audit log).
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Load the fictional demo directory and rosters, then verify licenses. Idempotent.
    /// The demo rosters count as published and checked on --today.
    Load,
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Therapists and places as JSON Lines on stdout (format: docs/export-format.md).
    Therapists {
        /// Only this practice state (two letters).
        #[arg(long, value_parser = parse_state)]
        state: Option<StateCode>,
    },
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| "expected a date as YYYY-MM-DD".to_owned())
}

fn parse_state(s: &str) -> Result<StateCode, String> {
    StateCode::parse(s)
}

pub(crate) fn parse_moderation(s: &str) -> Result<lumbar_store::Moderation, String> {
    lumbar_store::Moderation::parse(s).ok_or_else(|| "use pending, approved or hidden".to_owned())
}

fn parse_style(s: &str) -> Result<lumbar_core::matching::MassageStyle, String> {
    lumbar_core::matching::MassageStyle::parse(s).ok_or_else(|| {
        let all: Vec<&str> = lumbar_core::matching::MassageStyle::ALL.iter().map(|s| s.as_str()).collect();
        format!("unknown style; use one of: {}", all.join(", "))
    })
}

fn parse_gender(s: &str) -> Result<lumbar_core::matching::Gender, String> {
    lumbar_core::matching::Gender::parse(s).ok_or_else(|| "use female, male or nonbinary".to_owned())
}

fn parse_kind(s: &str) -> Result<lumbar_core::matching::PlaceKind, String> {
    lumbar_core::matching::PlaceKind::parse(s).ok_or_else(|| "use independent, clinic, spa or school_clinic".to_owned())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let clock = cli.today.map_or(lumbar_store::Clock::System, lumbar_store::Clock::Fixed);
    let as_of = lumbar_core::directory::AsOf { today: clock.today(), stale_after_days: cli.stale_after_days };
    let result = match cli.command {
        Command::Screen(args) => screen::run(args),
        Command::Progress(args) => progress_cmd::run(args),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Bench(cmd) => bench::run(cmd, &cli.db),
        Command::Synth(args) => synth::run(args, as_of.today),
        Command::States(args) => states::run(args),
        Command::Import(cmd) => with_store(&cli.db, move |store| Box::pin(run_import(store, cmd, as_of.today))),
        Command::Verify => with_store(&cli.db, move |store| {
            Box::pin(async move {
                let s = verify::run(store, as_of.today).await?;
                println!("verified {} licenses; {} records changed", s.checked, s.changed);
                for (status, n) in &s.by_status {
                    println!("  {status:<24} {n:>8}");
                }
                Ok(ExitCode::SUCCESS)
            })
        }),
        Command::Serve { listen, demo } => serve::run(&cli.db, &listen, demo, clock, cli.stale_after_days),
        Command::Find(f) => with_store(&cli.db, move |store| {
            Box::pin(async move {
                let args = find::FindArgs {
                    zip: f.zip,
                    assessment: f.assessment,
                    query: lumbar_core::matching::Query {
                        style: f.style,
                        language: f.language,
                        gender: f.gender,
                        max_price_usd: f.max_price,
                        insurance: f.insurance,
                        kind: f.kind,
                        include_unverified: f.include_unverified,
                        limit: f.limit,
                        ..lumbar_core::matching::Query::near(0.0, 0.0, f.radius_miles)
                    },
                };
                let out = find::run(store, &args, as_of).await?;
                if f.json {
                    println!("{}", serde_json::to_string_pretty(&out)?);
                } else {
                    find::print_table(store, &out).await?;
                }
                Ok(ExitCode::SUCCESS)
            })
        }),
        Command::Therapist(cmd) => with_store(&cli.db, move |store| Box::pin(therapist::run(store, cmd, as_of))),
        Command::Demo(DemoCommand::Load) => with_store(&cli.db, move |store| {
            Box::pin(async move {
                let s = demo::load(store, as_of.today).await?;
                println!(
                    "demo directory loaded: {} fictional listings, {} roster licenses; {} licenses verified",
                    s.listings, s.roster_licenses, s.verify.checked
                );
                for (status, n) in &s.verify.by_status {
                    println!("  {status:<24} {n:>4}");
                }
                Ok(ExitCode::SUCCESS)
            })
        }),
        Command::Reviews(cmd) => with_store(&cli.db, move |store| Box::pin(reviews_cmd::run(store, cmd, clock))),
        Command::Reports(cmd) => with_store(&cli.db, move |store| Box::pin(audit_cmd::run_reports(store, cmd, clock))),
        Command::Audit(cmd) => with_store(&cli.db, move |store| Box::pin(audit_cmd::run_audit(store, cmd))),
        Command::Keys(cmd) => keys::run(&cli.db, cmd),
        Command::User(cmd) => with_store(&cli.db, move |store| Box::pin(user::run(store, cmd, clock))),
        Command::Mail(cmd) => with_store(&cli.db, move |store| Box::pin(mail::run(store, cmd))),
        Command::Feedback(cmd) => with_store(&cli.db, move |store| {
            Box::pin(async move {
                match cmd {
                    FeedbackCommand::List { state, limit, json } => {
                        let items = store.feedback(state, limit).await?;
                        if json {
                            for f in &items {
                                println!("{}", serde_json::to_string(f)?);
                            }
                        } else if items.is_empty() {
                            println!("no feedback yet");
                        } else {
                            for f in &items {
                                println!(
                                    "#{:<5} {}  {:<10} {:<8} {:<9} {}",
                                    f.id,
                                    f.created_at,
                                    style::printable(&f.page),
                                    if f.helpful { "helpful" } else { "not" },
                                    f.moderation.as_str(),
                                    style::printable(&f.comment)
                                );
                            }
                        }
                    }
                    FeedbackCommand::Moderate { id, state, reason } => {
                        let hiding = state == lumbar_store::Moderation::Hidden;
                        let reason = audit_cmd::reason(reason.as_deref(), hiding.then_some("hide feedback"))?;
                        anyhow::ensure!(store.moderate_feedback(id, state).await?, "no feedback #{id}");
                        let action = match state {
                            lumbar_store::Moderation::Approved => "feedback.approve",
                            lumbar_store::Moderation::Hidden => "feedback.hide",
                            lumbar_store::Moderation::Pending => "feedback.reopen",
                        };
                        audit_cmd::record(store, clock, action, format!("feedback:{id}"), &reason).await?;
                        println!("feedback #{id} is now {}", state.as_str());
                    }
                }
                Ok(ExitCode::SUCCESS)
            })
        }),
        Command::Export(ExportCommand::Therapists { state }) => with_store(&cli.db, move |store| {
            Box::pin(async move {
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                let filter = TherapistFilter { state, ..TherapistFilter::default() };
                let n = export::therapists(store, &filter, as_of, &mut out).await?;
                eprintln!("exported {n} therapists and places");
                Ok(ExitCode::SUCCESS)
            })
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lumbar: {e:#}");
            ExitCode::FAILURE
        }
    }
}

type StoreFuture<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<ExitCode>> + 'a>>;

fn with_store(
    url: &str,
    f: impl for<'a> FnOnce(&'a dyn lumbar_store::Store) -> StoreFuture<'a>,
) -> anyhow::Result<ExitCode> {
    let rt = db::runtime()?;
    rt.block_on(async {
        let store = db::open(url).await.with_context(|| format!("opening {url}"))?;
        f(&store).await
    })
}

async fn run_import(store: &dyn lumbar_store::Store, cmd: ImportCommand, today: Date) -> anyhow::Result<ExitCode> {
    match cmd {
        ImportCommand::Nppes { file, strict } => {
            let mut bar = bar::Bar::new();
            let s = import::nppes(store, &file, strict, &mut |p| bar.update(p)).await?;
            bar.finish();
            println!(
                "NPPES {}: {} rows read, {} therapists and places found: {} inserted, {} updated, {} unchanged; \
                 {} deactivated; {} without a known ZIP; {} rejected",
                file.display(),
                s.rows,
                s.therapists,
                s.counts.inserted,
                s.counts.updated,
                s.counts.unchanged,
                s.deactivated,
                s.unknown_zip,
                s.rejected
            );
            for r in &s.rejected_rows {
                println!("  rejected line {}: {}", r.line, r.reason);
            }
            if s.rejected as usize > s.rejected_rows.len() {
                println!(
                    "  … and {} more rejected rows (use --strict to stop at the first)",
                    s.rejected as usize - s.rejected_rows.len()
                );
            }
        }
        ImportCommand::Roster { format, file, strict, imported_on, data_date } => {
            let imported_on = imported_on.unwrap_or(today);
            let data_date = match data_date {
                Some(d) => d,
                None => file_date(&file)?.min(imported_on),
            };
            let mut bar = bar::Bar::new();
            let s =
                import::roster(store, &format, &file, strict, imported_on, data_date, &mut |p| bar.update(p)).await?;
            bar.finish();
            println!(
                "{} roster {}: {} rows read, {} massage-therapy licenses, {} other professions skipped, {} rejected; {}",
                s.state,
                file.display(),
                s.rows,
                s.licenses,
                s.not_massage,
                s.rejected,
                match s.published {
                    Some(lumbar_store::Published::Unchanged) => "identical to the current roster, which stays",
                    _ => "now the current roster",
                }
            );
            println!("  data of {data_date}, imported {imported_on}");
            if let Some(v) = &s.verify {
                println!(
                    "  {} licenses claimed in {} verified again; {} records changed",
                    v.checked, s.state, v.changed
                );
            }
            for (text, n) in &s.unknown_statuses {
                println!(
                    "  unknown status \"{text}\" on {n} rows: recorded as unknown (never active); if it is a real status, add it to that column's map under [[status_columns]] in the roster profile"
                );
            }
            for r in &s.rejected_rows {
                println!("  rejected line {}: {}", r.line, r.reason);
            }
        }
        ImportCommand::Zcta { file } => {
            let n = import::zcta_file(store, &file).await?;
            println!("ZIP centroids replaced: {n} ZCTAs from {}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The modification date (UTC) of a file: the default date of a roster's data.
fn file_date(path: &std::path::Path) -> anyhow::Result<Date> {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .with_context(|| format!("cannot read the modification date of {}: pass --data-date", path.display()))?;
    let secs = modified.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    Ok(Date::from_days_since_epoch(secs.div_euclid(86_400)))
}
