//! Renders `docs/clinical-rules.md` from the rule set, so the document a clinician reviews
//! is the rules the engine runs, with each precaution's texts for the person and its therapist
//! card. Regenerate with `lumbar rules doc --write`.

use std::fmt::Write;

use super::questions::Target;
use super::ruleset::{RuleKind, Ruleset, Triage};

/// The Markdown document.
pub fn clinical_rules_markdown(rs: &Ruleset) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# lumbar clinical rules — ruleset {}", rs.version);
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "<!-- Generated from crates/lumbar-core/data/*.toml by `lumbar rules doc --write`. Do not edit by hand. -->"
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Contract: `lumbar.screening/1` (SCREENING.md). Triage is the most urgent level among the findings; \
with no finding above `note` it is `massage_suitable`. Conditions use the answer fields plus \
`onset_age` (= age − duration_weeks / 52) and `spread` (the farther of the two sides)."
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Every text for the person or the therapist is shown in English and, marked *es*, in Spanish{}.",
        match &rs.es_review {
            Some(state) => format!(" (Spanish: translated, {state})"),
            None => String::new(),
        }
    );
    let sections = [
        (Some(Triage::Emergency), "Emergency (`red_flag`)"),
        (Some(Triage::UrgentMedical), "Urgent medical, same day (`red_flag`)"),
        (Some(Triage::SeeProviderFirst), "See a provider first (`referral`)"),
        (Some(Triage::MassageWithPrecautions), "Massage with precautions (`precaution`)"),
        (None, "Notes (`note`, no effect on triage)"),
    ];
    for (level, heading) in sections {
        let _ = writeln!(w, "\n## {heading}\n");
        for rule in rs.rules.iter().filter(|r| r.level == level) {
            let _ = writeln!(w, "### `{}` — {}\n", rule.id, rule.title);
            let _ = writeln!(w, "*es:* {}\n", rule.title_es);
            let _ = writeln!(w, "- **When:** `{}`", rule.when_text);
            let _ = writeln!(w, "- **Why:** {}", rule.explanation);
            let _ = writeln!(w, "  - *es:* {}", rule.explanation_es);
            let _ = writeln!(w, "- **Action:** {}", rule.action);
            let _ = writeln!(w, "  - *es:* {}", rule.action_es);
            if rule.kind == RuleKind::Precaution {
                let ids: Vec<String> =
                    rule.precautions.iter().map(|&p| format!("`{}`", rs.precautions[p].id)).collect();
                let _ = writeln!(w, "- **Precautions:** {}", ids.join(", "));
            }
            let ids: Vec<&str> = rule.sources.iter().map(|&s| rs.sources[s].id.as_str()).collect();
            let _ = writeln!(w, "- **Sources:** {}", ids.join(", "));
            let _ = writeln!(w);
        }
    }
    let _ = writeln!(w, "## Precautions (in output order)\n");
    let _ = writeln!(
        w,
        "Each precaution has a label for the person, a one-line instruction on the intake summary, and a \
therapist card for the licensed massage therapist the intake is shared with: what to avoid, how to adapt, \
when to stop. A card must be safe for every rule that sets the precaution (listed under *Set by*).\n"
    );
    for (i, p) in rs.precautions.iter().enumerate() {
        let _ = writeln!(w, "### `{}`\n", p.id);
        let set_by: Vec<String> =
            rs.rules.iter().filter(|r| r.precautions.contains(&i)).map(|r| format!("`{}`", r.id)).collect();
        let set_by = if set_by.is_empty() { "no rule".to_owned() } else { set_by.join(", ") };
        let _ = writeln!(w, "- **Set by:** {set_by}");
        let _ = writeln!(w, "- **For the person:** {}", p.label);
        let _ = writeln!(w, "  - *es:* {}", p.label_es);
        let _ = writeln!(w, "- **For the therapist (intake summary):** {}", p.for_therapist);
        let _ = writeln!(w, "  - *es:* {}", p.for_therapist_es);
        let _ = writeln!(w, "- **Therapist card:**");
        let card = &p.therapist;
        for (heading, text) in [("Avoid", &card.avoid), ("Adapt", &card.adapt), ("Stop if", &card.stop_if)] {
            let _ = writeln!(w, "  - **{heading}:** {}", text.en);
            let _ = writeln!(w, "    - *es:* {}", text.es);
        }
        let ids: Vec<&str> = card.sources.iter().map(|&s| rs.sources[s].id.as_str()).collect();
        let _ = writeln!(w, "  - **Sources:** {}", ids.join(", "));
        let _ = writeln!(w);
    }
    let _ = writeln!(w, "\n## Style advice\n\n{}\n\n*es:* {}\n", rs.style_note, rs.style_note_es);
    let _ = writeln!(w, "## Safety-netting (every result)\n\n{}\n\n*es:* {}\n", rs.safety_net, rs.safety_net_es);
    let _ = writeln!(w, "## Questions\n");
    let _ = writeln!(
        w,
        "A question marked *checklist* is listed with the others of its page under \"None of these \
         apply to me\"; choosing that gives each of them the answer shown, explicitly.\n"
    );
    for (g, group) in rs.questionnaire.groups.iter().enumerate() {
        let _ = writeln!(w, "### {}. {}\n", g + 1, group.title);
        for q in rs.questionnaire.questions.iter().filter(|q| q.group == g) {
            let skip = match (&q.ask_when, q.target) {
                (Some(_), Target::Answer(_)) => " *(asked only when it applies)*",
                _ => "",
            };
            let none = match q.none_of_these {
                Some(v) => format!(" *(checklist: \"None of these\" answers `{}`)*", word_of(q.target, v)),
                None => String::new(),
            };
            let _ = writeln!(w, "- `{}`: {}{skip}{none}", q.target.path(), q.text);
        }
        let _ = writeln!(w);
    }
    if let Ok(progress) = crate::progress::ProgressTexts::shipped(rs) {
        let _ = writeln!(
            w,
            "## Progress messages (`progress.toml`, PROGRESS.md §2)\n\nWhat a person logging sessions is told for each \
             status, first match wins. Spanish: translated, awaiting clinical review.\n"
        );
        for status in crate::progress::Status::ALL {
            let t = progress.status(status);
            let _ = writeln!(w, "### `{}`\n", status.as_str());
            let _ = writeln!(w, "- {}", t.message);
            let _ = writeln!(w, "- *es:* {}", t.message_es);
            let _ = writeln!(w, "- sources: {}\n", t.sources.join(", "));
        }
    }
    let _ = writeln!(w, "## Sources\n");
    for s in &rs.sources {
        match &s.url {
            Some(url) => {
                let _ = writeln!(w, "- **{}** — {} <{}>", s.id, s.citation, url);
            }
            None => {
                let _ = writeln!(w, "- **{}** — {}", s.id, s.citation);
            }
        }
    }
    out
}

/// The contract word of an engine value (`false`, `none`).
fn word_of(t: Target, v: f64) -> String {
    match t.kind() {
        super::fields::FieldKind::Bool => (if v != 0.0 { "true" } else { "false" }).to_owned(),
        super::fields::FieldKind::Choice(words) => words.get(v as usize).copied().unwrap_or("").to_owned(),
        _ => format!("{v}"),
    }
}
