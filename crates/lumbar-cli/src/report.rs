//! The human-readable screening report for the terminal.

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
    println!("\n{}", p.dim(&format!("lumbar gives information, not a diagnosis. Ruleset {}.", rs.version)));
}
