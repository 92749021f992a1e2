//! Languages: every user-facing text of the web pages lives in Fluent files
//! (`crates/lumbar-web/i18n/<lang>/*.ftl`), compiled into the binary.
//!
//! The language of a request is, in order: a `?lang=xx` link (which also sets the
//! `lumbar_lang` cookie), the `lumbar_lang` cookie, the `Accept-Language` header, English.
//! A message missing in a language falls back to English; a message missing in English
//! renders as `⟦key⟧` (the tests look for that marker on every page).
//!
//! The question catalogue and the rule texts come from the rule set's TOML data. The rule
//! texts (findings, actions, precautions, style note, safety net) carry their Spanish form in
//! the data ([`Lang::text_lang`] picks it). A language may translate the catalogue
//! (`questions.ftl`: keys `g-<group>-title`, `g-<group>-intro`, `q-<field>`, `q-<field>-help`,
//! `q-<field>-opt-<value>`; Spanish does); whatever stays in English on a non-English page is
//! marked `lang="en"`.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::cookies;
use crate::routes::Shared;

/// The cookie that remembers a language chosen with `?lang=`.
pub const LANG_COOKIE: &str = "lumbar_lang";

/// A language the pages are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (complete).
    #[default]
    En,
    /// Spanish (the site chrome, the check, the result, the evidence, the finder, the
    /// profiles, the intake summary and feedback).
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code used in `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of the rule set's texts on a page in this language.
    pub fn text_lang(self) -> lumbar_core::screening::TextLang {
        match self {
            Lang::En => lumbar_core::screening::TextLang::En,
            Lang::Es => lumbar_core::screening::TextLang::Es,
        }
    }

    /// The language's name in itself (for the switcher).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// Parses a language tag by its primary subtag (`es-MX` → Spanish).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best language for an `Accept-Language` header value.
    pub fn from_accept_language(value: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, usize, Lang)> = value
            .split(',')
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let lang = Lang::from_tag(parts.next()?)?;
                let q = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Handlers take the request's language as an argument; it is set by the [`negotiate`]
/// middleware (English when absent).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Lang, Self::Rejection> {
        Ok(parts.extensions.get::<Lang>().copied().unwrap_or_default())
    }
}

/// The Fluent files, per language.
const FILES: &[(Lang, &str, &str)] = &[
    (Lang::En, "common.ftl", include_str!("../i18n/en/common.ftl")),
    (Lang::En, "check.ftl", include_str!("../i18n/en/check.ftl")),
    (Lang::En, "evidence.ftl", include_str!("../i18n/en/evidence.ftl")),
    (Lang::En, "directory.ftl", include_str!("../i18n/en/directory.ftl")),
    (Lang::En, "intake.ftl", include_str!("../i18n/en/intake.ftl")),
    (Lang::En, "feedback.ftl", include_str!("../i18n/en/feedback.ftl")),
    (Lang::En, "journal.ftl", include_str!("../i18n/en/journal.ftl")),
    (Lang::En, "accounts.ftl", include_str!("../i18n/en/accounts.ftl")),
    (Lang::En, "reviews.ftl", include_str!("../i18n/en/reviews.ftl")),
    (Lang::En, "operator.ftl", include_str!("../i18n/en/operator.ftl")),
    (Lang::Es, "common.ftl", include_str!("../i18n/es/common.ftl")),
    (Lang::Es, "check.ftl", include_str!("../i18n/es/check.ftl")),
    (Lang::Es, "evidence.ftl", include_str!("../i18n/es/evidence.ftl")),
    (Lang::Es, "directory.ftl", include_str!("../i18n/es/directory.ftl")),
    (Lang::Es, "intake.ftl", include_str!("../i18n/es/intake.ftl")),
    (Lang::Es, "feedback.ftl", include_str!("../i18n/es/feedback.ftl")),
    (Lang::Es, "journal.ftl", include_str!("../i18n/es/journal.ftl")),
    (Lang::Es, "accounts.ftl", include_str!("../i18n/es/accounts.ftl")),
    (Lang::Es, "reviews.ftl", include_str!("../i18n/es/reviews.ftl")),
    (Lang::Es, "operator.ftl", include_str!("../i18n/es/operator.ftl")),
    (Lang::Es, "questions.ftl", include_str!("../i18n/es/questions.ftl")),
];

/// The loaded messages of every language.
pub struct I18n {
    bundles: Vec<FluentBundle<FluentResource>>,
    keys: Vec<Vec<(String, String)>>,
    problems: Vec<String>,
    /// The rule set's Spanish texts await clinical review (`es_review` in the data).
    review_pending: bool,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("problems", &self.problems).finish_non_exhaustive()
    }
}

/// An argument for a message.
#[derive(Clone, Debug)]
pub enum Arg {
    /// A number (plural rules apply).
    Num(f64),
    /// Text.
    Text(String),
}

impl I18n {
    /// Loads the compiled-in files. Syntax errors and duplicate keys do not stop loading
    /// (the rest of the file still works); they are listed in [`I18n::problems`], which a
    /// test keeps empty.
    pub fn load() -> I18n {
        let mut bundles = Vec::new();
        let mut keys = Vec::new();
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            let mut lang_keys = Vec::new();
            for (_, file, text) in FILES.iter().filter(|(l, _, _)| *l == lang) {
                let resource = match FluentResource::try_new((*text).to_owned()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            problems.push(format!("{}/{file}: {e}", lang.code()));
                        }
                        r
                    }
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        lang_keys.push((m.id.name.to_owned(), (*file).to_owned()));
                    }
                }
                if let Err(errors) = bundle.add_resource(resource) {
                    for e in errors {
                        problems.push(format!("{}/{file}: {e}", lang.code()));
                    }
                }
            }
            bundles.push(bundle);
            keys.push(lang_keys);
        }
        I18n { bundles, keys, problems, review_pending: false }
    }

    /// Marks the rule set's translated texts as awaiting clinical review (or not): while they
    /// do, every page not in English says so in its footer (`footer-translation-review`).
    pub fn with_review_pending(mut self, pending: bool) -> I18n {
        self.review_pending = pending;
        self
    }

    /// Problems found while loading (empty in a correct build).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Every message key of a language with the file it is in.
    pub fn keys(&self, lang: Lang) -> &[(String, String)] {
        &self.keys[lang.index()]
    }

    /// The message in exactly this language, if it has it.
    pub fn message(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let bundle = &self.bundles[lang.index()];
        let pattern = bundle.get_message(key)?.value()?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => fargs.set(*name, FluentValue::from(t.as_str())),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(text.into_owned())
    }

    /// The message in `lang`, else in English, else `⟦key⟧`.
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        self.message(lang, key, args)
            .or_else(|| self.message(Lang::En, key, args))
            .unwrap_or_else(|| format!("⟦{key}⟧"))
    }
}

/// The translator handed to templates: `t.t("key")`.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    i18n: &'a I18n,
    /// The page language.
    pub lang: Lang,
}

impl<'a> Tr<'a> {
    /// True when this page shows translated rule-set texts that await clinical review.
    pub fn review_pending(&self) -> bool {
        self.lang != Lang::En && self.i18n.review_pending
    }

    /// A translator for one language.
    pub fn new(i18n: &'a I18n, lang: Lang) -> Tr<'a> {
        Tr { i18n, lang }
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.i18n.text(self.lang, key, &[])
    }

    /// A message with one number argument.
    pub fn tn(&self, key: &str, name: &str, n: impl Into<f64>) -> String {
        self.i18n.text(self.lang, key, &[(name, Arg::Num(n.into()))])
    }

    /// A message with one text argument.
    pub fn ts(&self, key: &str, name: &str, text: &str) -> String {
        self.i18n.text(self.lang, key, &[(name, Arg::Text(text.to_owned()))])
    }

    /// A message with any arguments.
    pub fn ta(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.i18n.text(self.lang, key, args)
    }

    /// Whether the language has this message itself (no fallback).
    pub fn has(&self, key: &str) -> bool {
        self.i18n.message(self.lang, key, &[]).is_some()
    }

    /// Whether English has this message.
    pub fn i18n_has_en(&self, key: &str) -> bool {
        self.i18n.message(Lang::En, key, &[]).is_some()
    }
}

/// The language to use for a request (see the module docs), and whether it came from a
/// `?lang=` link.
pub(crate) fn negotiate_lang(uri_query: Option<&str>, headers: &HeaderMap) -> (Lang, bool) {
    let from_query = uri_query.and_then(|q| {
        form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::from_tag(&v))
    });
    if let Some(lang) = from_query {
        return (lang, true);
    }
    let from_cookie = cookies::get(headers, LANG_COOKIE).and_then(Lang::from_tag);
    let from_header =
        || headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::from_accept_language);
    (from_cookie.or_else(from_header).unwrap_or_default(), false)
}

/// Middleware: puts the request's [`Lang`] in its extensions, remembers a `?lang=` choice
/// in a cookie, and says `Content-Language` and `Vary` on the response.
pub(crate) async fn negotiate(State(shared): State<Arc<Shared>>, mut req: Request, next: Next) -> Response {
    let (lang, chosen) = negotiate_lang(req.uri().query(), req.headers());
    req.extensions_mut().insert(lang);
    let mut resp = next.run(req).await;
    let headers = resp.headers_mut();
    if chosen {
        let secure = shared.state.config.secure_cookies;
        headers.append(
            header::SET_COOKIE,
            cookies::set(LANG_COOKIE, lang.code(), 365 * 24 * 3600, cookies::SameSite::Lax, secure),
        );
    }
    if !headers.contains_key(header::CONTENT_LANGUAGE) {
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    }
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_load_without_problems() {
        let i = I18n::load();
        assert!(i.problems().is_empty(), "{:#?}", i.problems());
    }

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(Lang::from_accept_language("es-MX,es;q=0.9,en;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("fr-FR, en;q=0.5, es;q=0.7"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("fr"), None);
        assert_eq!(Lang::from_accept_language("es;q=0, en"), Some(Lang::En));
    }

    #[test]
    fn query_beats_cookie_beats_header() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("es"));
        assert_eq!(negotiate_lang(None, &h), (Lang::Es, false));
        h.insert(header::COOKIE, HeaderValue::from_static("lumbar_lang=en"));
        assert_eq!(negotiate_lang(None, &h), (Lang::En, false));
        assert_eq!(negotiate_lang(Some("lang=es"), &h), (Lang::Es, true));
        assert_eq!(negotiate_lang(Some("lang=xx"), &h), (Lang::En, false));
    }

    #[test]
    fn spanish_has_every_message_of_english() {
        let i = I18n::load();
        let es: std::collections::HashSet<&str> = i.keys(Lang::Es).iter().map(|(k, _)| k.as_str()).collect();
        let missing: Vec<&str> = i
            .keys(Lang::En)
            .iter()
            .filter(|(_, file)| file != "questions.ftl")
            .map(|(k, _)| k.as_str())
            .filter(|k| !es.contains(k))
            .collect();
        assert!(missing.is_empty(), "Spanish lacks: {missing:?}");
    }

    #[test]
    fn arguments_and_fallback() {
        let i = I18n::load();
        let tr = Tr::new(&i, Lang::Es);
        assert!(tr.t("no-such-key").starts_with('⟦'));
        let s = tr.ta("check-progress", &[("current", Arg::Num(2.0)), ("total", Arg::Num(6.0))]);
        assert!(s.contains('2') && s.contains('6'), "{s}");
    }
}
