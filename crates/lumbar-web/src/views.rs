//! What every page template receives: [`Chrome`] (language, translator, stylesheet,
//! navigation, language switcher) and [`Cite`] (a source rendered from the rule set).

use lumbar_core::directory::states::states;
use lumbar_core::directory::{Date, StateCode, VerificationStatus};
use lumbar_core::screening::Ruleset;

use crate::i18n::{Arg, I18n, Lang, Tr};

/// The page frame: `<html lang>`, header, navigation, footer, language switcher.
pub struct Chrome<'a> {
    /// The translator.
    pub tr: Tr<'a>,
    /// The stylesheet URL.
    pub css: &'static str,
    /// Which navigation entry is the current page (`home`, `check`, `evidence`, `about`,
    /// `privacy`, `disclaimer`, or empty).
    pub current: &'static str,
    /// The other languages with the link that switches to each.
    pub switch: Vec<LangLink>,
    /// When set, the switcher is a set of submit buttons of this form (the check keeps its
    /// answers when the language changes) instead of links.
    pub switch_form: Option<&'static str>,
    /// "Was this helpful?" was just answered on this page: it shows the thank-you instead.
    pub feedback_thanks: bool,
    /// Where feedback sent from this page returns to (the page's path and query).
    pub feedback_return: String,
}

/// One entry of the language switcher.
pub struct LangLink {
    /// `es`
    pub code: &'static str,
    /// `Español`
    pub name: &'static str,
    /// `/evidence?lang=es`
    pub href: String,
}

impl<'a> Chrome<'a> {
    /// The frame for a page at `path` in `lang`.
    pub fn new(i18n: &'a I18n, lang: Lang, path: &str, current: &'static str) -> Chrome<'a> {
        let switch = Lang::ALL
            .into_iter()
            .filter(|l| *l != lang)
            .map(|l| LangLink { code: l.code(), name: l.native_name(), href: format!("{path}?lang={}", l.code()) })
            .collect();
        Chrome {
            tr: Tr::new(i18n, lang),
            css: crate::assets::css_href(),
            current,
            switch,
            switch_form: None,
            feedback_thanks: false,
            feedback_return: path.to_owned(),
        }
    }

    /// The page language code.
    pub fn lang(&self) -> &'static str {
        self.tr.lang.code()
    }

    /// True when the page is not in English, so English texts (state facts, citations) are
    /// marked `lang="en"`.
    pub fn foreign(&self) -> bool {
        self.tr.lang != Lang::En
    }

    /// The footer note on a translated page whose rule-set texts await clinical review.
    pub fn review_note(&self) -> Option<String> {
        self.tr.review_pending().then(|| self.tr.t("footer-translation-review"))
    }

    /// A message.
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// A message with one number argument.
    pub fn tn(&self, key: &str, name: &str, n: usize) -> String {
        self.tr.tn(key, name, n as f64)
    }

    /// A message with one text argument.
    pub fn ts(&self, key: &str, name: &str, text: &str) -> String {
        self.tr.ts(key, name, text)
    }

    /// A message with two number arguments.
    pub fn tn2(&self, key: &str, a: &str, x: usize, b: &str, y: usize) -> String {
        self.tr.ta(key, &[(a, Arg::Num(x as f64)), (b, Arg::Num(y as f64))])
    }

    /// `aria-current="page"` for the current navigation entry.
    pub fn is_current(&self, entry: &str) -> bool {
        self.current == entry
    }
}

/// A cited source, as the rule set has it.
#[derive(Clone, Debug)]
pub struct Cite {
    /// Short id (`FURLAN-2015`).
    pub id: String,
    /// Full reference.
    pub citation: String,
    /// Where it can be read, when public.
    pub url: Option<String>,
}

impl Cite {
    /// The sources with these ids, in order; unknown ids are left out (a test keeps every
    /// id the pages cite present in the shipped rule set).
    pub fn from_ids(rs: &Ruleset, ids: &[&str]) -> Vec<Cite> {
        ids.iter().filter_map(|id| rs.source(id)).map(Cite::from_source).collect()
    }

    /// The sources at these indexes of the rule set.
    pub fn from_indexes(rs: &Ruleset, indexes: &[usize]) -> Vec<Cite> {
        indexes.iter().filter_map(|&i| rs.sources.get(i)).map(Cite::from_source).collect()
    }

    fn from_source(s: &lumbar_core::screening::ruleset::Source) -> Cite {
        Cite { id: s.id.clone(), citation: s.citation.clone(), url: s.url.clone() }
    }
}

/// A cited statement: a message and the sources behind it.
pub struct Statement {
    /// The translated text.
    pub text: String,
    /// Its sources.
    pub cites: Vec<Cite>,
}

/// Words for the directory's values, in the page language.
impl Chrome<'_> {
    /// A massage style (`Deep tissue`).
    pub fn style_label(&self, s: lumbar_core::matching::MassageStyle) -> String {
        self.t(&format!("mstyle-{}", s.as_str().replace('_', "-")))
    }

    /// A kind of place (`Clinic`).
    pub fn kind_label(&self, k: lumbar_core::matching::PlaceKind) -> String {
        self.t(&format!("kind-{}", k.as_str().replace('_', "-")))
    }

    /// A therapist gender as stated (`Female`).
    pub fn gender_label(&self, g: lumbar_core::matching::Gender) -> String {
        self.t(&format!("gender-{}", g.as_str()))
    }

    /// A license status in words; `None` is "not checked yet".
    pub fn license_status(&self, s: Option<lumbar_core::directory::VerificationStatus>) -> String {
        match s {
            Some(s) => self.t(&format!("license-status-{}", s.as_str().replace('_', "-"))),
            None => self.t("license-status-unchecked"),
        }
    }

    /// A language's name from its tag (`es` → `Spanish`), the tag itself when unknown.
    pub fn language_name(&self, tag: &str) -> String {
        let primary = tag.split('-').next().unwrap_or(tag);
        let key = format!("language-{primary}");
        if self.tr.i18n_has_en(&key) {
            self.t(&key)
        } else {
            lumbar_core::matching::why::language_name(tag).map_or_else(|| tag.to_owned(), str::to_owned)
        }
    }

    /// A number with `decimals` decimals, as the page language writes it (decimal comma in
    /// Spanish).
    pub fn number(&self, x: f64, decimals: usize) -> String {
        let s = format!("{x:.decimals$}");
        if self.tr.lang == Lang::Es { s.replace('.', ",") } else { s }
    }

    /// A therapist's rating, the same words on the finder cards and the profile: the plain
    /// average of the stars given, one decimal, with the number of reviews ("4.7 out of 5
    /// stars, the average of 20 reviews"). The ranking's adjusted rating
    /// (`lumbar_core::matching::bayesian_rating`) is never shown: one number everywhere.
    pub fn rating(&self, reviews: u32, rating_sum: u32) -> String {
        if reviews == 0 {
            return self.t("rating-none");
        }
        let average = f64::from(rating_sum.clamp(reviews, reviews.saturating_mul(5))) / f64::from(reviews);
        self.tr.ta(
            "rating-average",
            &[("stars", Arg::Text(self.number(average, 1))), ("count", Arg::Num(f64::from(reviews)))],
        )
    }

    /// An insurance payer's name from its id in the directory (`bcbs-tx` → "Blue Cross Blue
    /// Shield of Texas"); an id we do not know is shown with its words capitalized.
    pub fn payer_name(&self, id: &str) -> String {
        let id = id.trim().to_lowercase();
        let slug: String = id.chars().map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' }).collect();
        let key = format!("payer-{slug}");
        if self.tr.has(&key) {
            return self.t(&key);
        }
        match payer_brand(&id) {
            Some(name) => name.to_owned(),
            None => title_case(&id),
        }
    }

    /// Where a license status comes from, in words for a person: the board and the date of
    /// its license file ("Washington State Department of Health, Board of Massage, license
    /// file of 2026-11-18"), never the name of an imported file.
    pub fn license_source(
        &self,
        state: StateCode,
        status: Option<VerificationStatus>,
        roster_date: Option<Date>,
    ) -> String {
        let info = states().get(state);
        let board = info.and_then(|i| i.board.as_deref());
        match (roster_date, board) {
            (Some(date), Some(board)) => self.tr.ta(
                "license-source-file",
                &[("board", Arg::Text(board.to_owned())), ("date", Arg::Text(date.to_string()))],
            ),
            (Some(date), None) => self.tr.ta(
                "license-source-state-file",
                &[("state", Arg::Text(state.to_string())), ("date", Arg::Text(date.to_string()))],
            ),
            (None, _) if status == Some(VerificationStatus::UnregulatedState) => {
                let name = info.map_or_else(|| state.to_string(), |i| i.name.clone());
                self.ts("license-source-unregulated", "state", &name)
            }
            (None, Some(board)) if status.is_some() => self.ts("license-source-board", "board", board),
            _ => self.t("license-source-unchecked"),
        }
    }
}

/// Payers' own names, for the ids in the directory (names are not translated).
fn payer_brand(id: &str) -> Option<&'static str> {
    Some(match id {
        "aetna" => "Aetna",
        "bcbs-tx" => "Blue Cross Blue Shield of Texas",
        "cigna" => "Cigna",
        "florida-blue" => "Florida Blue",
        "kaiser" => "Kaiser Permanente",
        "medicaid" => "Medicaid",
        "medicare" => "Medicare",
        "premera" => "Premera Blue Cross",
        "regence" => "Regence BlueShield",
        "united" => "UnitedHealthcare",
        "tricare" => "TRICARE",
        _ => return None,
    })
}

/// `some-payer_name` → `Some Payer Name`.
fn title_case(id: &str) -> String {
    id.split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;

    #[test]
    fn payer_names_for_people() {
        let i18n = I18n::load();
        let en = Chrome::new(&i18n, Lang::En, "/", "");
        let es = Chrome::new(&i18n, Lang::Es, "/", "");
        assert_eq!(en.payer_name("bcbs-tx"), "Blue Cross Blue Shield of Texas");
        assert_eq!(en.payer_name("aetna"), "Aetna");
        assert_eq!(en.payer_name("workers compensation"), "Workers' compensation");
        assert_eq!(es.payer_name("workers compensation"), "Seguro de accidentes de trabajo (workers' compensation)");
        assert_eq!(en.payer_name("acme-health_plan"), "Acme Health Plan", "unknown ids: words capitalized");
    }

    #[test]
    fn the_rating_is_the_plain_average_with_its_count() {
        let i18n = I18n::load();
        let en = Chrome::new(&i18n, Lang::En, "/", "");
        let es = Chrome::new(&i18n, Lang::Es, "/", "");
        assert_eq!(en.rating(20, 94), "4.7 out of 5 stars, the average of 20 reviews");
        assert_eq!(en.rating(1, 5), "5.0 out of 5 stars, from 1 review");
        assert_eq!(en.rating(0, 0), "No reviews yet");
        assert_eq!(es.rating(20, 94), "4,7 de 5 estrellas, media de 20 opiniones");
    }
}
