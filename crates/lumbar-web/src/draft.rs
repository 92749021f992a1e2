//! The check's draft: the answers given so far, kept between pages in one sealed cookie
//! (decision 0005), so every page of the check is a `GET` that Back, Reload and a second
//! tab can show.
//!
//! - What it holds: each answered question as `<index>=<contract word>` (a few hundred
//!   bytes), the rule set's version (a draft of another catalogue is refused), and a *flash*
//!   for the next page: the problems of the step just posted, what was typed that could not
//!   be used, the questions that appeared, and whether the step is shown again from the
//!   stop page's "I answered this by mistake".
//! - How it is kept: sealed by [`crate::seal`] (the browser can neither read nor change it),
//!   `HttpOnly`, `SameSite=Lax`, `Path=/`, `Max-Age` = [`LIFETIME_SECS`]; the sealed time is
//!   checked too, so an old cookie a browser kept is refused. Never in a URL, never logged.
//! - Strict: an index or word that is not in the catalogue, or a sealed value that does not
//!   open, is a damaged draft — refused, never guessed (decision 0003).

use serde::{Deserialize, Serialize};

use lumbar_core::screening::Ruleset;

use crate::check_flow::{Damaged, Problem, Progress, decode, encode, normalize};

/// The cookie holding the sealed draft.
pub const COOKIE: &str = "lumbar_draft";
/// The purpose the draft is sealed for.
pub const PURPOSE: &str = "check-draft";
/// How long a draft lives after the last page that saved it: three hours.
pub const LIFETIME_SECS: u64 = 3 * 3600;

/// What the next page of the check shows besides the answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    /// The step (group index) this flash is for; another step ignores it.
    pub group: usize,
    /// Problems by question index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<(usize, Problem)>,
    /// What was typed, by question index, for inputs that could not be used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raw: Vec<(usize, String)>,
    /// Questions that appeared because of an answer on the same page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<usize>,
    /// Shown again from the stop page: the cleared questions wait for an answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
    /// "None of these" was chosen on the step (kept so the page shows it checked).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub none: bool,
    /// The earlier draft could not be read when this step was posted: the page says the
    /// earlier answers are gone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expired: bool,
}

/// The longest typed text kept in a flash, in characters (more is cut: it is only shown back).
const RAW_MAX: usize = 80;

#[derive(Serialize, Deserialize)]
struct Stored {
    /// The rule set's version.
    v: String,
    /// `<index>=<word>;…`
    a: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    f: Option<Flash>,
}

/// The payload of a draft (before sealing).
pub fn encode_draft(rs: &Ruleset, p: &Progress, flash: Option<&Flash>) -> Vec<u8> {
    let answers: Vec<String> = rs
        .questionnaire
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| p.get(q.target).map(|v| format!("{i}={}", encode(q.target, v))))
        .collect();
    let flash = flash.map(|f| Flash {
        raw: f.raw.iter().map(|(i, t)| (*i, t.chars().take(RAW_MAX).collect())).collect(),
        ..f.clone()
    });
    let stored = Stored { v: rs.version.clone(), a: answers.join(";"), f: flash };
    serde_json::to_vec(&stored).unwrap_or_default()
}

/// The answers and flash of a draft payload; anything not of this catalogue is [`Damaged`].
pub fn decode_draft(rs: &Ruleset, bytes: &[u8]) -> Result<(Progress, Option<Flash>), Damaged> {
    let stored: Stored = serde_json::from_slice(bytes).map_err(|_| Damaged)?;
    if stored.v != rs.version {
        return Err(Damaged);
    }
    let q = &rs.questionnaire;
    let mut p = Progress::default();
    for pair in stored.a.split(';').filter(|s| !s.is_empty()) {
        let (i, word) = pair.split_once('=').ok_or(Damaged)?;
        let question = i.parse::<usize>().ok().and_then(|i| q.questions.get(i)).ok_or(Damaged)?;
        if p.get(question.target).is_some() {
            return Err(Damaged); // a repeated answer
        }
        p.set(question.target, Some(decode(question.target, word).ok_or(Damaged)?));
    }
    normalize(q, &mut p);
    let n = q.questions.len();
    if let Some(f) = &stored.f {
        let bad = f.group >= q.groups.len()
            || f.errors.iter().any(|(i, _)| *i >= n)
            || f.raw.iter().any(|(i, _)| *i >= n)
            || f.added.iter().any(|i| *i >= n);
        if bad {
            return Err(Damaged);
        }
    }
    Ok((p, stored.f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_flow::question_for_path;
    use lumbar_store::Clock;

    fn rs() -> Ruleset {
        match Ruleset::shipped() {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    fn set(rs: &Ruleset, p: &mut Progress, path: &str, word: &str) {
        let (_, q) = question_for_path(&rs.questionnaire, path).unwrap_or_else(|| panic!("{path}"));
        p.set(q.target, decode(q.target, word));
    }

    #[test]
    fn a_draft_round_trips_with_its_flash_and_stays_small() {
        let rs = rs();
        let mut p = Progress::default();
        set(&rs, &mut p, "saddle_numbness", "false");
        set(&rs, &mut p, "sex", "female");
        set(&rs, &mut p, "pregnancy", "pregnant");
        set(&rs, &mut p, "duration_weeks", "2.5");
        set(&rs, &mut p, "preferences.style", "swedish");
        let flash = Flash {
            group: 1,
            errors: vec![(3, Problem::Missing)],
            raw: vec![(2, "x".repeat(500))],
            ..Flash::default()
        };
        let bytes = encode_draft(&rs, &p, Some(&flash));
        let (back, f) = decode_draft(&rs, &bytes).unwrap_or_else(|_| panic!("decodes"));
        assert_eq!(back, p);
        let f = f.unwrap_or_default();
        assert_eq!(f.errors, vec![(3, Problem::Missing)]);
        assert_eq!(f.raw[0].1.chars().count(), 80, "typed text is cut to 80 characters");
    }

    #[test]
    fn every_answer_of_a_whole_check_fits_in_a_few_hundred_bytes() {
        let rs = rs();
        let mut p = Progress::default();
        for q in &rs.questionnaire.questions {
            let v = match q.target.kind() {
                lumbar_core::screening::fields::FieldKind::Bool => 0.0,
                lumbar_core::screening::fields::FieldKind::Choice(_) => 0.0,
                lumbar_core::screening::fields::FieldKind::Int { max, .. } => max as f64,
                lumbar_core::screening::fields::FieldKind::Number { .. } => 12.5,
            };
            p.set(q.target, Some(v));
        }
        let bytes = encode_draft(&rs, &p, None);
        assert!(bytes.len() < 900, "{} bytes", bytes.len());
    }

    #[test]
    fn damaged_drafts_are_refused() {
        let rs = rs();
        let good = |a: &str| format!(r#"{{"v":"{}","a":"{a}"}}"#, rs.version);
        assert!(decode_draft(&rs, good("0=false").as_bytes()).is_ok());
        for bad in ["0=maybe", "9999=false", "x=false", "0", "0=false;0=true"] {
            assert_eq!(decode_draft(&rs, good(bad).as_bytes()).err(), Some(Damaged), "{bad}");
        }
        assert_eq!(decode_draft(&rs, br#"{"v":"0.0.0-other","a":""}"#).err(), Some(Damaged), "another catalogue");
        assert_eq!(decode_draft(&rs, b"not json").err(), Some(Damaged));
        let flash = format!(r#"{{"v":"{}","a":"","f":{{"group":99}}}}"#, rs.version);
        assert_eq!(decode_draft(&rs, flash.as_bytes()).err(), Some(Damaged), "a flash for a step that does not exist");
    }

    #[test]
    fn a_fixed_day_is_noon_of_that_day() {
        let day = lumbar_core::directory::Date::parse("1970-01-02").unwrap_or_else(|| panic!("date"));
        assert_eq!(Clock::Fixed(day).unix_secs(), 86_400 + 43_200);
        assert_eq!(Clock::Fixed(day).today(), day);
    }
}
