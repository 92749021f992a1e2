//! `lumbar states`: how each state, DC and Puerto Rico regulates massage therapists (the
//! table compiled from `data/states.toml`), as columns for a person or an operator, one
//! state in detail, or one JSON array.

use std::process::ExitCode;

use clap::Args;
use lumbar_core::directory::StateCode;
use lumbar_core::directory::states::{StateInfo, regulation_code, states};
use lumbar_core::directory::verify::Regulation;

/// The flags of `lumbar states`.
#[derive(Args)]
pub struct StatesArgs {
    /// Only this state (two letters, e.g. TX): every field, its sources and notes.
    #[arg(long, value_name = "XX", value_parser = parse_state)]
    state: Option<StateCode>,
    /// Print one JSON array (of one state with --state) instead of text.
    #[arg(long)]
    json: bool,
}

fn parse_state(s: &str) -> Result<StateCode, String> {
    StateCode::parse(s)
}

/// Runs the command.
pub fn run(args: StatesArgs) -> anyhow::Result<ExitCode> {
    let table = states();
    let rows: Vec<&StateInfo> =
        match args.state {
            Some(code) => vec![table.get(code).ok_or_else(|| {
                anyhow::anyhow!("no row for {code}: the table covers the 50 states, DC and Puerto Rico")
            })?],
            None => table.iter().collect(),
        };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if args.state.is_some() {
        rows.iter().for_each(|r| print!("{}", detail(r)));
    } else {
        print!("{}", columns(&rows));
    }
    Ok(ExitCode::SUCCESS)
}

fn confirmed(r: &StateInfo) -> &'static str {
    if r.verified { "confirmed" } else { "not yet confirmed" }
}

fn import(r: &StateInfo) -> String {
    match (&r.roster.lumbar_profile, r.roster.published) {
        (Some(p), _) => format!("yes ({p})"),
        (None, true) => "published, no profile".to_owned(),
        (None, false) => "no".to_owned(),
    }
}

fn hours(r: &StateInfo) -> String {
    r.min_hours.map_or_else(|| "?".to_owned(), |h| h.to_string())
}

/// The table: one line of columns per state, then its board and lookup page indented.
fn columns(rows: &[&StateInfo]) -> String {
    let mut out = format!(
        "{:<4} {:<22} {:<23} {:>5}  {:<12} {:<17} {}\n",
        "CODE", "STATE", "REGULATION", "HOURS", "IMPORTS", "CONFIRMED", "TITLES"
    );
    for r in rows {
        out.push_str(&format!(
            "{:<4} {:<22} {:<23} {:>5}  {:<12} {:<17} {}\n",
            r.code.as_str(),
            r.name,
            regulation_code(r.regulation),
            hours(r),
            import(r),
            confirmed(r),
            if r.titles.is_empty() { "—".to_owned() } else { r.titles.join(", ") }
        ));
        match (&r.board, &r.lookup_url) {
            (Some(board), Some(url)) => out.push_str(&format!("     {board}\n     look up a license: {url}\n")),
            _ => out.push_str("     no state board: check city permits where the therapist works\n"),
        }
    }
    let confirmed = rows.iter().filter(|r| r.verified).count();
    out.push_str(&format!(
        "\n{confirmed} of {} rows confirmed from a document read; the others are not yet confirmed: check with the \
         board before relying on them. HOURS is the minimum training (? = not known). IMPORTS: the roster profile of \
         `lumbar import roster --format`. Sources and notes: lumbar states --state XX\n",
        rows.len()
    ));
    out
}

/// One state, every field.
fn detail(r: &StateInfo) -> String {
    let regulation = match r.regulation {
        Regulation::Licensed => "licensed (a state license or registration is required)",
        Regulation::Unregulated => "unregulated (no state license; cities may issue permits)",
        Regulation::VoluntaryCertification => "voluntary certification (no state license)",
    };
    let none = "—".to_owned();
    let mut out = format!("{} ({})\n", r.name, r.code);
    let mut field = |name: &str, value: &str| out.push_str(&format!("  {name:<18} {value}\n"));
    field("regulation", regulation);
    field("board", r.board.as_deref().unwrap_or("none"));
    field("titles", &if r.titles.is_empty() { none.clone() } else { r.titles.join(", ") });
    let hours = match r.min_hours {
        None => "not known".to_owned(),
        Some(0) => "0 (no training required)".to_owned(),
        Some(h) => h.to_string(),
    };
    field("minimum hours", &hours);
    field("look up a license", r.lookup_url.as_deref().unwrap_or("no state lookup"));
    let roster = match (&r.roster.url, r.roster.published) {
        (Some(url), true) => format!("{} ({})", url, r.roster.format.as_deref().unwrap_or("?")),
        _ if r.roster.format.as_deref() == Some("none") => "none".to_owned(),
        _ => "none known".to_owned(),
    };
    field("bulk roster", &roster);
    let imports = match &r.roster.lumbar_profile {
        Some(p) => format!("yes: lumbar import roster --format {p} FILE"),
        None => "no".to_owned(),
    };
    field("lumbar imports it", &imports);
    match &r.roster.discipline_note {
        Some(note) => field("discipline", &note.en),
        None => field("discipline", "in the roster file"),
    }
    let status = match &r.unverified_note {
        Some(note) => format!("not yet confirmed: {note}"),
        None => "confirmed".to_owned(),
    };
    field("confirmed", &status);
    out.push_str("  sources\n");
    for s in &r.sources {
        out.push_str(&format!("    - {s}\n"));
    }
    out
}
