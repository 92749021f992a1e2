//! License numbers: how each state's roster writes a number, and the ways therapists type
//! the same number into NPPES (prefixes, leading zeros, punctuation) — always with the same
//! normalised key, so matching must see through the formatting.

use super::rng::Rng;

/// States with a generated roster, in profile order.
pub(crate) const ROSTER_STATES: [&str; 6] = ["WA", "CO", "CT", "TX", "FL", "IL"];

/// Hands out license numbers that are unique per state.
pub(crate) struct Numbers {
    next: Vec<(&'static str, u64)>,
}

impl Numbers {
    pub(crate) fn new() -> Numbers {
        Numbers { next: Vec::new() }
    }

    /// A fresh number for `state`.
    pub(crate) fn fresh(&mut self, rng: &mut Rng, state: &'static str) -> u64 {
        let i = match self.next.iter().position(|(s, _)| *s == state) {
            Some(i) => i,
            None => {
                self.next.push((state, 10_000 + rng.below(5_000)));
                self.next.len() - 1
            }
        };
        let n = self.next[i].1;
        self.next[i].1 += 1 + rng.below(7);
        n
    }
}

/// The roster's license prefix column value (Florida's `Rank-Code`) and number column value.
pub(crate) fn roster_parts(state: &str, digits: u64) -> (String, String) {
    match state {
        "WA" => (String::new(), format!("MA{:08}", 60_000_000 + digits)),
        "CO" => (String::new(), format!("{digits:07}")),
        "CT" => (String::new(), format!("{digits:06}")),
        "TX" => (String::new(), format!("{}", 100_000 + digits)),
        "FL" => ("MA".to_owned(), format!("{}", 20_000 + digits)),
        "IL" => (String::new(), format!("227{digits:07}")),
        _ => (String::new(), format!("{digits}")),
    }
}

/// The number as the roster reader reports it (prefix + number).
pub(crate) fn roster_number(state: &str, digits: u64) -> String {
    let (prefix, number) = roster_parts(state, digits);
    format!("{prefix}{number}")
}

/// The number as a therapist typed it into NPPES.
pub(crate) fn nppes_number(rng: &mut Rng, state: &str, digits: u64) -> String {
    let core = match state {
        "WA" => format!("{}", 60_000_000 + digits),
        "CO" | "CT" => format!("{digits}"),
        "TX" => format!("{}", 100_000 + digits),
        "FL" => format!("{}", 20_000 + digits),
        "IL" => format!("227{digits:07}"),
        _ => format!("{digits}"),
    };
    let prefix = match state {
        "WA" | "FL" => "MA",
        "CO" | "TX" => "MT",
        "CT" => "MSG",
        "IL" => "LMT",
        _ => "LMT",
    };
    match rng.below(6) {
        0 => core,
        1 => format!("{prefix}{core}"),
        2 => format!("{prefix}.{core}"),
        3 => format!("{} {core}", prefix.to_lowercase()),
        4 => format!("00{core}"),
        _ => format!("{prefix}-00{core}"),
    }
}

#[cfg(test)]
mod tests {
    use lumbar_core::directory::normalize_license;

    use super::*;

    #[test]
    fn every_nppes_spelling_has_the_roster_key() {
        let mut rng = Rng::new(3, 3);
        for state in ROSTER_STATES.iter().chain(&["KS", "NY"]) {
            for digits in [10_000, 10_007, 99_999, 1_234_567] {
                let key = normalize_license(&roster_number(state, digits));
                for _ in 0..20 {
                    let typed = nppes_number(&mut rng, state, digits);
                    assert_eq!(normalize_license(&typed), key, "{state} {typed}");
                }
            }
        }
    }

    #[test]
    fn fresh_numbers_are_unique_per_state() {
        let mut rng = Rng::new(1, 1);
        let mut n = Numbers::new();
        let a: Vec<u64> = (0..100).map(|_| n.fresh(&mut rng, "WA")).collect();
        let mut sorted = a.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), a.len());
    }
}
