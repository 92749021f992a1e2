//! The cited statements of the evidence page and of the result page's "what massage can and
//! cannot do for you", from the clinical reference §5. The words are Fluent messages
//! (`i18n/*/evidence.ftl`); the citations are the rule set's sources, looked up by id, so
//! citation text is never written twice. A test checks every id resolves and every key exists.

use lumbar_core::screening::Ruleset;

use crate::i18n::Tr;
use crate::views::{Cite, Statement};

/// A statement: a message key and the ids of its sources.
#[derive(Clone, Copy, Debug)]
pub struct Claim {
    /// Fluent key of the text.
    pub key: &'static str,
    /// Source ids in `sources.toml`.
    pub sources: &'static [&'static str],
}

/// A section of the evidence page.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// Anchor id.
    pub id: &'static str,
    /// Fluent key of the heading.
    pub heading: &'static str,
    /// The statements.
    pub claims: &'static [Claim],
}

const fn c(key: &'static str, sources: &'static [&'static str]) -> Claim {
    Claim { key, sources }
}

/// The evidence page, in order.
pub const EVIDENCE: &[Section] = &[
    Section {
        id: "helps",
        heading: "ev-helps-heading",
        claims: &[
            c("ev-helps-short-term", &["FURLAN-2015", "ACP-2017", "NCCIH-MASSAGE"]),
            c("ev-helps-function", &["FURLAN-2015", "CHERKIN-2011"]),
            c("ev-helps-tension", &["CHERKIN-2011"]),
            c("ev-helps-mobility", &["NICE-NG59"]),
            c("ev-helps-with-exercise", &["NICE-NG59", "KNGF-2021", "ACP-2017"]),
            c("ev-helps-chronic", &["ACP-2017", "CHOU-2017"]),
        ],
    },
    Section {
        id: "weak-claims",
        heading: "ev-weak-heading",
        claims: &[
            c("ev-weak-circulation", &["SHOEMAKER-1997", "HINDS-2004"]),
            c("ev-weak-inflammation", &["CRANE-2012"]),
            c("ev-weak-structural", &["KNGF-2021", "NCCIH-MASSAGE"]),
        ],
    },
    Section {
        id: "sessions",
        heading: "ev-sessions-heading",
        claims: &[
            c("ev-sessions-trials", &["PREYDE-2000", "CHERKIN-2011"]),
            c("ev-sessions-durability", &["FURLAN-2015", "CHERKIN-2011"]),
            c("ev-sessions-plan", &["OSTELO-2008"]),
            c("ev-sessions-natural-course", &["MENEZES-COSTA-2012"]),
        ],
    },
    Section {
        id: "styles",
        heading: "ev-styles-heading",
        claims: &[
            c("ev-styles-similar", &["CHERKIN-2011"]),
            c("ev-styles-pressure-risk", &["NCCIH-MASSAGE", "MAYO-MASSAGE"]),
            c("ev-styles-choose", &["CHERKIN-2011"]),
        ],
    },
    Section {
        id: "safety",
        heading: "ev-safety-heading",
        claims: &[c("ev-safety-soreness", &["FURLAN-2015"]), c("ev-safety-not-instead", &["NCCIH-MASSAGE"])],
    },
];

/// "What massage can and cannot do for you" on the result page.
pub const CAN_AND_CANNOT: &[Claim] = &[
    c("can-short-term-relief", &["FURLAN-2015", "ACP-2017"]),
    c("can-with-exercise", &["NICE-NG59", "KNGF-2021"]),
    c("cannot-fix-structure", &["KNGF-2021", "NCCIH-MASSAGE"]),
    c("cannot-severe-pain", &["FURLAN-2015"]),
    c("can-soreness", &["FURLAN-2015"]),
];

/// The statements, translated and cited.
pub fn statements(tr: &Tr<'_>, rs: &Ruleset, claims: &[Claim]) -> Vec<Statement> {
    claims.iter().map(|cl| Statement { text: tr.t(cl.key), cites: Cite::from_ids(rs, cl.sources) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Lang};

    fn all_claims() -> impl Iterator<Item = &'static Claim> {
        EVIDENCE.iter().flat_map(|s| s.claims.iter()).chain(CAN_AND_CANNOT)
    }

    #[test]
    fn every_cited_id_is_a_source_of_the_shipped_rule_set() {
        let rs = Ruleset::shipped().map_err(|e| e.to_string());
        let rs = rs.as_ref().map_err(String::as_str);
        let Ok(rs) = rs else { panic!("shipped rule set: {rs:?}") };
        for claim in all_claims() {
            assert!(!claim.sources.is_empty(), "{} cites nothing", claim.key);
            for id in claim.sources {
                assert!(rs.source(id).is_some(), "{} cites unknown source {id}", claim.key);
            }
        }
    }

    #[test]
    fn every_key_has_english_text() {
        let i = I18n::load();
        for claim in all_claims() {
            assert!(i.message(Lang::En, claim.key, &[]).is_some(), "missing {}", claim.key);
        }
        for s in EVIDENCE {
            assert!(i.message(Lang::En, s.heading, &[]).is_some(), "missing {}", s.heading);
        }
    }
}
