//! The therapist card of each precaution (avoid, adapt, stop if): present for every
//! precaution in both languages with sources, saying what the contract and the clinical
//! reference imply — checked against phrases written here by hand, not read from the data —
//! and shown in the generated rules document next to the person's text.

use lumbar_core::screening::docs::clinical_rules_markdown;
use lumbar_core::screening::{Bilingual, TextLang, TherapistCard};

use super::ruleset;

#[derive(Clone, Copy, Debug)]
enum Part {
    Avoid,
    Adapt,
    StopIf,
}

fn part(card: &TherapistCard, part: Part) -> &Bilingual {
    match part {
        Part::Avoid => &card.avoid,
        Part::Adapt => &card.adapt,
        Part::StopIf => &card.stop_if,
    }
}

/// (precaution, part, English phrase, Spanish phrase) — what each card must say, matched
/// without regard to case.
const EXPECTED: &[(&str, Part, &str, &str)] = &[
    // blood thinners, thin bones (SCREENING.md: anticoagulant → light_pressure, no_deep_tissue;
    // clinical.md §3.2: no deep tissue, trigger-point pressure, cupping, percussion; report bruising)
    ("light_pressure", Part::Avoid, "deep pressure", "presión firme o profunda"),
    ("light_pressure", Part::Adapt, "never more than moderate", "nunca más que moderada"),
    ("light_pressure", Part::StopIf, "bruising", "moretones"),
    ("light_pressure", Part::StopIf, "unstable INR", "INR"),
    ("no_deep_tissue", Part::Avoid, "deep tissue", "tejido profundo"),
    ("no_deep_tissue", Part::Avoid, "trigger-point", "puntos gatillo"),
    ("no_deep_tissue", Part::Avoid, "cupping", "ventosas"),
    ("no_deep_tissue", Part::Avoid, "percussion", "percusión"),
    // clots (dvt_suspected is urgent; a swollen, warm, red or painful calf stops massage)
    ("no_deep_leg_work", Part::Avoid, "calves", "pantorrillas"),
    ("no_deep_leg_work", Part::Adapt, "do not massage at all", "no dé ningún masaje"),
    ("no_deep_leg_work", Part::StopIf, "swollen, warm, red or painful", "hinchada, caliente, enrojecida o dolorosa"),
    ("no_deep_leg_work", Part::StopIf, "same-day medical assessment", "evaluación médica el mismo día"),
    ("no_deep_leg_work", Part::StopIf, "call 911", "llame al 911"),
    // pregnancy: side-lying, not flat on the back later on; labour signs go to the maternity unit
    ("side_lying", Part::Avoid, "flat on the back", "boca arriba"),
    ("side_lying", Part::Avoid, "face down", "boca abajo"),
    ("side_lying", Part::Adapt, "side-lying", "de lado"),
    ("side_lying", Part::StopIf, "vaginal bleeding", "sangrado vaginal"),
    ("side_lying", Part::StopIf, "maternity unit", "unidad de maternidad"),
    ("prenatal_trained_therapist", Part::Avoid, "high-risk pregnancy", "embarazo de alto riesgo"),
    ("no_deep_abdominal_work", Part::Avoid, "pressure on the belly", "presión profunda o firme sobre el vientre"),
    // dialysis access
    ("avoid_fistula_arm", Part::Avoid, "blood-pressure cuff", "manguito de presión arterial"),
    ("avoid_fistula_arm", Part::StopIf, "dialysis unit", "unidad de diálisis"),
    // thin bones and the operated spine: no forceful moves; nerve signs stop the session
    ("no_spinal_thrust", Part::Avoid, "joint mobilization", "movilización articular"),
    ("no_spinal_thrust", Part::StopIf, "around the genitals", "alrededor de los genitales"),
    ("no_deep_pressure_over_surgery_site", Part::Avoid, "scar", "cicatriz"),
    ("gentle_on_numb_areas", Part::Avoid, "heat", "calor"),
    ("short_gentle_session", Part::Adapt, "first session short", "primera sesión corta"),
];

#[test]
fn each_card_says_what_the_contract_implies_in_both_languages() {
    let rs = ruleset();
    for &(id, which, en, es) in EXPECTED {
        let p = rs.precaution(id).unwrap_or_else(|| panic!("no precaution {id}"));
        let text = part(&p.therapist, which);
        assert!(text.en.to_lowercase().contains(&en.to_lowercase()), "{id} {which:?} lacks {en:?}: {}", text.en);
        assert!(text.es.to_lowercase().contains(&es.to_lowercase()), "{id} {which:?} lacks {es:?}: {}", text.es);
    }
}

#[test]
fn every_card_is_complete_translated_cited_and_says_when_to_stop() {
    let rs = ruleset();
    assert_eq!(rs.precautions.len(), 12);
    for p in &rs.precautions {
        let card = &p.therapist;
        for (key, text) in card.parts() {
            assert!(!text.en.is_empty() && !text.es.is_empty(), "{} {key}", p.id);
            assert_ne!(text.en, text.es, "{} {key}: the Spanish is a copy of the English", p.id);
        }
        assert!(card.stop_if.en.to_lowercase().contains("stop"), "{}: {}", p.id, card.stop_if.en);
        assert!(card.stop_if.es.to_lowercase().contains("pare"), "{}: {}", p.id, card.stop_if.es);
        assert!(!card.sources.is_empty(), "{}", p.id);
    }
    // the clot cards cite the case reports behind the contract's clot rules
    let cites = |id: &str, source: &str| {
        rs.precaution(id).unwrap().therapist.sources.iter().any(|&s| rs.sources[s].id == source)
    };
    assert!(cites("no_deep_leg_work", "DVT-CASES"));
    assert!(cites("light_pressure", "NCCIH-MASSAGE"));
    assert!(cites("side_lying", "NCCIH-MASSAGE"));
}

#[test]
fn the_card_is_read_by_id_in_either_language() {
    let rs = ruleset();
    let card = &rs.precaution("side_lying").expect("side_lying").therapist;
    assert_eq!(card.avoid.in_lang(TextLang::En), card.avoid.en);
    assert_eq!(card.avoid.in_lang(TextLang::Es), card.avoid.es);
    let keys: Vec<&str> = card.parts().iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["avoid", "adapt", "stop_if"]);
}

#[test]
fn the_rules_document_shows_the_persons_text_and_the_therapist_card() {
    let rs = ruleset();
    let doc = clinical_rules_markdown(rs);
    assert_eq!(doc.matches("- **Therapist card:**").count(), 12);
    assert_eq!(doc.matches("  - **Stop if:** ").count(), 12);
    let section = doc.split("### `side_lying`\n").nth(1).expect("side_lying section");
    let section = &section[..section.find("\n### ").unwrap_or(section.len())];
    let p = rs.precaution("side_lying").unwrap();
    assert!(section.contains("- **Set by:** `pregnancy`\n"), "{section}");
    assert!(section.contains("- **For the person:** Lie on your side\n"), "{section}");
    for text in [&p.label, &p.label_es, &p.for_therapist, &p.for_therapist_es] {
        assert!(section.contains(text.as_str()), "{text}");
    }
    for (_, text) in p.therapist.parts() {
        assert!(section.contains(&text.en) && section.contains(&text.es), "{}", text.en);
    }
    assert!(section.contains("  - **Sources:** NCCIH-MASSAGE"), "{section}");
}
