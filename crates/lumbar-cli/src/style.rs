//! Terminal styling and words: ANSI colour only on a terminal and never when `NO_COLOR` is
//! set, and the human labels the tables print instead of data words (`verified active`, not
//! `verified_active`).

use std::io::IsTerminal;

use lumbar_core::directory::VerificationStatus;
use lumbar_core::matching::{Gender, MassageStyle, PlaceKind};
use lumbar_store::PracticeView;

/// Whether to colour output written to stdout.
pub fn color_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A tiny painter that is a no-op when colour is off.
#[derive(Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }
    pub fn bold(self, t: &str) -> String {
        self.wrap("1", t)
    }
    pub fn dim(self, t: &str) -> String {
        self.wrap("2", t)
    }
    pub fn red(self, t: &str) -> String {
        self.wrap("1;31", t)
    }
    pub fn yellow(self, t: &str) -> String {
        self.wrap("1;33", t)
    }
    pub fn green(self, t: &str) -> String {
        self.wrap("1;32", t)
    }
    pub fn cyan(self, t: &str) -> String {
        self.wrap("36", t)
    }
}

/// A license status in words, lower case (it follows "license"); `None` is a license not
/// checked yet.
/// Text from outside (feedback comments, names and addresses from official files) made safe
/// for a terminal: every control character — C0 (ESC, BEL, CR, …, also newlines and tabs),
/// DEL and C1 (U+0080–U+009F, where CSI and OSC live) — is written as a visible `\u{…}`
/// escape, so no comment can move the cursor, clear the screen, retitle the window, write
/// the clipboard (OSC 52) or plant a link (OSC 8).
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

pub fn status_label(status: Option<VerificationStatus>) -> &'static str {
    match status {
        Some(VerificationStatus::VerifiedActive) => "verified active",
        Some(VerificationStatus::Expired) => "expired",
        Some(VerificationStatus::Inactive) => "inactive",
        Some(VerificationStatus::Disciplined) => "board action on record",
        Some(VerificationStatus::SuspendedOrRevoked) => "suspended or revoked",
        Some(VerificationStatus::NotFound) => "not found in the state's roster",
        Some(VerificationStatus::NoRoster) => "not checked (lumbar has not imported this state's roster)",
        Some(VerificationStatus::UnregulatedState) => "not needed (the state does not license massage therapists)",
        Some(VerificationStatus::VoluntaryCertification) => "voluntary certification only, not checked",
        None => "not checked yet",
    }
}

/// A kind of place in words.
pub fn place_kind_label(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Independent => "independent therapist",
        PlaceKind::Clinic => "clinic",
        PlaceKind::Spa => "spa",
        PlaceKind::SchoolClinic => "massage school student clinic (supervised students)",
    }
}

/// A massage style in words.
pub fn massage_style_label(style: MassageStyle) -> &'static str {
    match style {
        MassageStyle::Swedish => "Swedish",
        MassageStyle::Prenatal => "prenatal (pregnancy)",
        MassageStyle::Myofascial => "myofascial release",
        other => other.label(),
    }
}

/// Styles in words, comma-separated.
pub fn massage_styles(styles: &[MassageStyle]) -> String {
    styles.iter().map(|s| massage_style_label(*s)).collect::<Vec<_>>().join(", ")
}

/// A language tag (`es`) as its English name (`Spanish`); an unknown tag as it is.
pub fn language_name(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
    let name = match primary.as_str() {
        "en" => "English",
        "es" => "Spanish",
        "zh" => "Chinese",
        "vi" => "Vietnamese",
        "tl" => "Tagalog",
        "ko" => "Korean",
        "ru" => "Russian",
        "ar" => "Arabic",
        "fr" => "French",
        "ht" => "Haitian Creole",
        "pt" => "Portuguese",
        "pl" => "Polish",
        "hi" => "Hindi",
        "de" => "German",
        "it" => "Italian",
        "ja" => "Japanese",
        "asl" | "ase" => "American Sign Language",
        _ => return tag.to_owned(),
    };
    name.to_owned()
}

/// A gender as the therapist states it, in words.
pub fn gender_label(gender: Gender) -> &'static str {
    match gender {
        Gender::Female => "female",
        Gender::Male => "male",
        Gender::Nonbinary => "nonbinary",
    }
}

/// A ZIP code for reading: `981011234` becomes `98101-1234`.
pub fn zip_label(zip: &str) -> String {
    if zip.len() == 9 && zip.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}", &zip[..5], &zip[5..])
    } else {
        zip.to_owned()
    }
}

/// The practice address on one line (`street, city, ST ZIP`); `None` when nothing is known.
pub fn address_line(p: &PracticeView) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for s in [p.address.trim(), p.city.trim()] {
        if !s.is_empty() {
            parts.push(s.to_owned());
        }
    }
    let state_zip = [p.state.map(|s| s.to_string()), p.postal_code.as_deref().map(zip_label)]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !state_zip.is_empty() {
        parts.push(state_zip);
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lumbar_core::directory::StateCode;

    #[test]
    fn every_status_has_words_without_underscores() {
        for s in VerificationStatus::ALL {
            let label = status_label(Some(s));
            assert!(!label.contains('_'), "{label}");
        }
        assert_eq!(status_label(Some(VerificationStatus::VerifiedActive)), "verified active");
        assert_eq!(status_label(None), "not checked yet");
    }

    #[test]
    fn styles_and_kinds_are_words() {
        for s in MassageStyle::ALL {
            assert!(!massage_style_label(s).contains('_'));
        }
        assert_eq!(massage_styles(&[MassageStyle::DeepTissue, MassageStyle::Swedish]), "deep tissue, Swedish");
        assert_eq!(place_kind_label(PlaceKind::SchoolClinic), "massage school student clinic (supervised students)");
        assert_eq!(place_kind_label(PlaceKind::Independent), "independent therapist");
    }

    #[test]
    fn languages_by_name() {
        assert_eq!(language_name("es"), "Spanish");
        assert_eq!(language_name("es-MX"), "Spanish");
        assert_eq!(language_name("xx"), "xx");
    }

    #[test]
    fn address_on_one_line() {
        let p = PracticeView {
            address: "1420 Alder Court, Suite 3".into(),
            city: "Seattle".into(),
            state: StateCode::parse("WA").ok(),
            postal_code: Some("981011234".into()),
            lat: None,
            lon: None,
        };
        assert_eq!(address_line(&p).as_deref(), Some("1420 Alder Court, Suite 3, Seattle, WA 98101-1234"));
        let empty = PracticeView { address: String::new(), city: String::new(), state: None, postal_code: None, ..p };
        assert_eq!(address_line(&empty), None);
    }
}

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn control_sequences_are_shown_not_obeyed() {
        assert_eq!(printable("plain, ñ and ★ stay"), "plain, ñ and ★ stay");
        assert_eq!(printable("\u{1b}[2J"), "\\u{1b}[2J", "ESC (clear screen)");
        assert_eq!(printable("\u{1b}]0;owned\u{7}"), "\\u{1b}]0;owned\\u{7}", "OSC 0 title with BEL");
        assert_eq!(printable("a\rb\nc\td"), "a\\u{d}b\\u{a}c\\u{9}d");
        assert_eq!(printable("\u{9b}31m\u{9d}8;;x"), "\\u{9b}31m\\u{9d}8;;x", "C1 CSI and OSC");
        assert_eq!(printable("\u{7f}"), "\\u{7f}", "DEL");
    }
}
