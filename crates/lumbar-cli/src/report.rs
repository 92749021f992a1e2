//! The human-readable screening report for the terminal, ending with the next step.

use std::path::Path;

use lumbar_core::screening::{Assessment, DurationClass, Rule, Ruleset, Severity, Style, Triage};

use crate::style::Paint;

fn verdict(t: Triage) -> (&'static str, &'static str) {
    match t {
        Triage::Emergency => (
            "EMERGENCY — get help now",
            "Do not have a massage. Call 911 (or your local emergency number) or go to an emergency department now.",
        ),
        Triage::UrgentMedical => (
            "See a doctor today",
            "Massage is not advised now. Get a medical assessment today (your doctor, urgent care or telehealth).",
        ),
        Triage::SeeProviderFirst => (
            "See a clinician before massage",
            "Massage is not advised yet. Book an appointment with a doctor or physical therapist first; massage may help later alongside their plan.",
        ),
        Triage::MassageWithPrecautions => (
            "Massage can be OK — with precautions",
            "Massage is reasonable now if your therapist follows the precautions below.",
        ),
        Triage::MassageSuitable => {
            ("Massage is reasonable for you", "We found no warning signs or reasons to change a standard massage.")
        }
    }
}

fn headline(t: Triage, text: &str, p: Paint) -> String {
    match t {
        Triage::Emergency | Triage::UrgentMedical => p.red(text),
        Triage::SeeProviderFirst => p.yellow(text),
        _ => p.green(text),
    }
}

fn style_label(s: Style) -> &'static str {
    match s {
        Style::Prenatal => "prenatal (pregnancy) massage",
        Style::Swedish => "Swedish (relaxing) massage",
        Style::DeepTissue => "deep tissue massage",
    }
}

/// The full report after a completed questionnaire.
pub fn print_assessment(a: &Assessment<'_>, p: Paint) {
    let rs = a.ruleset();
    let (title, summary) = verdict(a.triage);
    println!("{}", headline(a.triage, &format!("■ {title}"), p));
    println!("{summary}\n");
    let findings: Vec<&Rule> = a.finding_rules().collect();
    if !findings.is_empty() {
        println!("{}", p.bold("What we found"));
        for r in &findings {
            let tag = r.level.map_or("note", Triage::as_str);
            println!("\n  {} {}", p.bold(&format!("• {}", r.title)), p.dim(&format!("[{tag}]")));
            println!("    {}", r.explanation);
            println!("    {} {}", p.bold("What to do:"), r.action);
            let ids: Vec<&str> = r.sources.iter().map(|&s| rs.sources[s].id.as_str()).collect();
            println!("    {}", p.dim(&format!("Sources: {}", ids.join(", "))));
        }
        println!();
    }
    if a.massage_advisable_now() {
        let precautions: Vec<&str> = a.precaution_ids().collect();
        if !precautions.is_empty() {
            println!("{}", p.bold("Precautions to tell your therapist"));
            for id in precautions {
                if let Some(pr) = rs.precaution(id) {
                    println!("  • {} — {}", pr.label, p.dim(&pr.for_therapist));
                }
            }
            println!();
        }
        let styles: Vec<&str> = a.styles.iter().map(|s| style_label(*s)).collect();
        println!("{} {}", p.bold("Suggested style:"), styles.join(", then "));
        println!("  {}\n", rs.style_note);
    }
    let severity = match a.pain.severity {
        Severity::Mild => "mild",
        Severity::Moderate => "moderate",
        Severity::Severe => "severe",
    };
    let duration = match a.duration {
        DurationClass::Acute => "acute (under 4 weeks)",
        DurationClass::Subacute => "subacute (4 to 12 weeks)",
        DurationClass::Chronic => "chronic (over 12 weeks)",
    };
    println!(
        "{} {}/10 now ({severity}); PEG pain and interference score {:.1}/10; this episode: {duration}",
        p.bold("Pain:"),
        a.pain.now,
        a.pain.peg,
    );
    println!("\n{} {}", p.bold("Safety net:"), rs.safety_net);
    let sources = a.source_indexes();
    if !sources.is_empty() {
        println!("\n{}", p.bold("Sources"));
        for s in sources {
            let src = &rs.sources[s];
            println!("  {} {}", p.dim(&format!("[{}]", src.id)), src.citation);
        }
    }
    println!("\n{}", p.dim(&format!("lumbar gives information, not a diagnosis. Ruleset {}.", rs.version)));
}

/// The stop screen when an emergency answer settles the outcome.
pub fn print_emergency_stop(rs: &Ruleset, rules: &[&Rule], p: Paint) {
    println!();
    println!("{}", p.red("■ STOP — this needs emergency care now"));
    for r in rules {
        println!("\n  {}", p.bold(&r.title));
        println!("  {}", r.explanation);
        println!("  {}", p.red(&r.action));
    }
    print_next_step(Triage::Emergency, None, p);
    println!("\n{}", p.dim(&format!("lumbar gives information, not a diagnosis. Ruleset {}.", rs.version)));
}

/// What to do after the check: the exact `lumbar find` command when massage is advisable
/// (with `--save` first when the answers were not kept), or what to do instead (no finder)
/// when a clinician comes first. One string per line; `saved` is the `--save` file.
pub fn next_step(triage: Triage, saved: Option<&Path>) -> Vec<String> {
    match triage {
        Triage::Emergency => vec![
            "Call 911 (or your local emergency number) now, or go to an emergency department.".to_owned(),
            "Do not look for a massage therapist.".to_owned(),
        ],
        Triage::UrgentMedical => vec![
            "Get a medical assessment today: your doctor, urgent care or telehealth. Show them this result.".to_owned(),
            "Do not book a massage yet; lumbar lists no therapists for this result.".to_owned(),
            "Once a clinician has seen you, run `lumbar screen` again.".to_owned(),
        ],
        Triage::SeeProviderFirst => vec![
            "Book an appointment with a doctor or physical therapist and show them this result.".to_owned(),
            "lumbar lists no therapists for this result; massage may help later, alongside their plan.".to_owned(),
            "Once a clinician has seen you, run `lumbar screen` again.".to_owned(),
        ],
        Triage::MassageWithPrecautions | Triage::MassageSuitable => {
            let mut lines = vec![
                "Find a licensed massage therapist near you who knows back pain (ZIP: your 5-digit ZIP code):"
                    .to_owned(),
            ];
            match saved {
                Some(path) => {
                    let file = shell_word(&path.display().to_string());
                    lines.push(format!("  lumbar find --zip ZIP --assessment {file}"));
                }
                None => {
                    lines.push(
                        "So the finder can use this result, run the check again keeping your answers, then search:"
                            .to_owned(),
                    );
                    lines.push("  lumbar screen --save my-answers.json".to_owned());
                    lines.push("  lumbar find --zip ZIP --assessment my-answers.json".to_owned());
                }
            }
            if triage == Triage::MassageWithPrecautions {
                lines.push("Tell the therapist the precautions above before the massage starts.".to_owned());
            }
            lines
        }
    }
}

/// Prints [`next_step`] under a heading.
pub fn print_next_step(triage: Triage, saved: Option<&Path>, p: Paint) {
    println!("\n{}", p.bold("Next step"));
    for line in next_step(triage, saved) {
        println!("  {line}");
    }
}

/// `s` as one word for a POSIX shell: unchanged when it is plain, else single-quoted.
pub fn shell_word(s: &str) -> String {
    let plain = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:@+,=%~".contains(c));
    if plain { s.to_owned() } else { format!("'{}'", s.replace('\'', r"'\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advisable_with_saved_answers_gives_the_exact_find_command() {
        for t in [Triage::MassageSuitable, Triage::MassageWithPrecautions] {
            let lines = next_step(t, Some(Path::new("answers/my answers.json")));
            assert!(
                lines.contains(&"  lumbar find --zip ZIP --assessment 'answers/my answers.json'".to_owned()),
                "{lines:?}"
            );
            assert!(!lines.iter().any(|l| l.contains("--save")), "saved already: {lines:?}");
        }
        let lines = next_step(Triage::MassageSuitable, Some(Path::new("a.json")));
        assert!(lines.contains(&"  lumbar find --zip ZIP --assessment a.json".to_owned()));
    }

    #[test]
    fn advisable_without_saving_suggests_save_then_find() {
        let lines = next_step(Triage::MassageWithPrecautions, None);
        let save = lines.iter().position(|l| l.trim() == "lumbar screen --save my-answers.json").expect("--save");
        let find =
            lines.iter().position(|l| l.trim() == "lumbar find --zip ZIP --assessment my-answers.json").expect("find");
        assert!(save < find);
        assert!(lines.iter().any(|l| l.contains("precautions")));
    }

    #[test]
    fn a_clinician_first_never_points_to_the_finder() {
        for t in [Triage::Emergency, Triage::UrgentMedical, Triage::SeeProviderFirst] {
            let text = next_step(t, Some(Path::new("a.json"))).join("\n");
            assert!(!text.contains("lumbar find"), "{t:?}: {text}");
            assert!(!text.contains("--save"), "{t:?}: {text}");
        }
        assert!(next_step(Triage::Emergency, None)[0].contains("911"));
        assert!(next_step(Triage::UrgentMedical, None).join(" ").contains("today"));
        assert!(next_step(Triage::SeeProviderFirst, None).join(" ").contains("doctor or physical therapist"));
    }

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("my-answers.json"), "my-answers.json");
        assert_eq!(shell_word("/tmp/a b.json"), "'/tmp/a b.json'");
        assert_eq!(shell_word("it's.json"), r"'it'\''s.json'");
        assert_eq!(shell_word(""), "''");
    }
}
