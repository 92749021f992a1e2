//! The finder: plain searches, screened searches (the same `GET /find` once the browser
//! holds a finished check in its sealed draft), filters, empty states, and the answers never
//! in a page or a URL.

use axum::http::StatusCode;

use std::sync::Arc;
use std::time::Duration;

use lumbar_store::Store;

use crate::support::{Resp, TestApp, config, demo_store, first_step, load_demo, result_page, strip_tags, vignette};

/// The text of each result card, in order.
fn cards(r: &Resp) -> Vec<String> {
    r.body
        .split("<li class=\"result")
        .skip(1)
        .map(|part| strip_tags(&part[..part.find("</li>\n    </ul>").unwrap_or(part.len())]))
        .collect()
}

fn names(r: &Resp) -> Vec<String> {
    r.body
        .split("<h3 class=\"result-name\">")
        .skip(1)
        .map(|part| strip_tags(&part[..part.find("</h3>").unwrap_or(0)]))
        .collect()
}

#[tokio::test]
async fn seattle_lists_verified_therapists_with_badges_and_reasons() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98101&radius_miles=10").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), "Find a licensed massage therapist");
    assert!(r.body.contains("<title>Massage therapists near 98101"));
    let found = names(&r);
    for name in ["Ana Núñez", "Ben Okafor", "Mei Lin", "Rainier Day Spa (fictional)"] {
        assert!(found.iter().any(|n| n == name), "{name} in {found:?}");
    }
    assert!(!found.iter().any(|n| n == "Sam Reyes" || n == "Dana Kowalski"), "unverified only on request: {found:?}");
    assert!(strip_tags(&r.body).contains(&format!("{} therapists and places within 10 miles of 98101", found.len())));
    for card in cards(&r) {
        assert!(card.contains("License verified: Verified active (WA)"), "{card}");
        assert!(card.contains("Checked on 2026-11-25 against the WA license file of 2026-11-25."), "{card}");
        assert!(card.contains("miles away") && !card.contains(" 0.0 miles"), "{card}");
        assert!(card.contains("Why this match:") && card.contains(" out of 5 stars, "), "{card}");
        assert_eq!(card.matches("miles away").count(), 1, "the distance once: {card}");
        assert!(!card.contains("license verified active in WA"), "the badge says it: {card}");
        assert!(!card.contains('★') && !card.contains("roster"), "{card}");
    }
    let ana = cards(&r).into_iter().find(|c| c.contains("Ana Núñez")).unwrap_or_default();
    assert!(ana.contains("Swedish, Deep tissue, Myofascial release"), "styles: {ana}");
    assert!(ana.contains("12 years helping people with back pain"), "why: {ana}");
    assert!(r.body.contains("href=\"/therapists/"), "results link their profiles");
    assert!(
        r.body.contains("action=\"/feedback\"") && r.body.contains("name=\"page\" value=\"find\""),
        "feedback form"
    );
    assert!(
        r.hrefs().contains(&"/find?zip=98101&radius_miles=10&lang=es".to_owned()),
        "the language switch keeps the search"
    );
    assert!(!r.body.contains('⟦'));
}

#[tokio::test]
async fn filters_narrow_the_list() {
    let mut app = TestApp::with_store(demo_store().await);
    let all = names(&app.get("/find?zip=98101&radius_miles=15").await);
    let zh = names(&app.get("/find?zip=98101&radius_miles=15&language=zh").await);
    assert_eq!(zh, ["Mei Lin"]);
    let spa = names(&app.get("/find?zip=98101&radius_miles=15&kind=spa").await);
    assert_eq!(spa, ["Rainier Day Spa (fictional)"]);
    let prenatal = app.get("/find?zip=98101&radius_miles=15&style=prenatal").await;
    assert_eq!(names(&prenatal), ["Mei Lin"]);
    assert!(prenatal.body.contains("<option value=\"prenatal\" selected>"), "the filter stays chosen");
    let cheap = names(&app.get("/find?zip=98101&radius_miles=15&max_price=100").await);
    assert!(!cheap.is_empty() && cheap.len() < all.len(), "{cheap:?} vs {all:?}");
    assert!(!cheap.iter().any(|n| n == "Ben Okafor"), "from $110: {cheap:?}");
    let male = names(&app.get("/find?zip=98101&radius_miles=15&gender=male").await);
    assert!(male.iter().all(|n| n != "Ana Núñez" && n != "Mei Lin") && male.contains(&"Ben Okafor".to_owned()));
    // The form offers the languages and payers of the directory.
    let page = app.get("/find").await;
    assert!(page.body.contains("<option value=\"zh\">Chinese</option>"));
    assert!(page.body.contains("<option value=\"aetna\">Aetna</option>"));
    assert!(page.body.contains("<option value=\"bcbs-tx\">Blue Cross Blue Shield of Texas</option>"));
    assert!(!page.body.contains(">bcbs-tx<"), "payer names, not ids");
    assert!(!page.body.contains("class=\"find-results\""), "a first visit shows no results");
}

#[tokio::test]
async fn unverified_therapists_only_on_request_and_after_the_verified() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98103&radius_miles=5&include_unverified=true").await;
    let list = cards(&r);
    let first_unverified = list.iter().position(|c| c.contains("License not verified")).unwrap_or(list.len());
    assert!(first_unverified < list.len(), "some unverified: {list:?}");
    assert!(list[first_unverified..].iter().all(|c| c.contains("License not verified")), "they come last");
    let text = list.join("\n");
    assert!(text.contains("License not verified: Expired (WA)"), "{text}");
    assert!(text.contains("License not verified: Board action on record (WA)"), "{text}");
    assert!(r.body.contains("id=\"find-unverified\" name=\"include_unverified\" value=\"true\""));
    assert!(r.body.contains("value=\"true\" aria-describedby=\"find-unverified-hint\" checked"), "box stays ticked");
    assert!(!text.contains("listed because") && !text.contains(" — "), "the badge and the group say why: {text}");
}

#[tokio::test]
async fn a_payer_filter_names_the_payer() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98101&radius_miles=15&insurance=aetna").await;
    let list = cards(&r);
    assert!(!list.is_empty(), "{}", r.body);
    assert!(list.iter().all(|c| c.contains("takes Aetna")), "{list:?}");
    assert!(r.body.contains("<option value=\"aetna\" selected>Aetna</option>"));
    let r = app.get("/find?zip=78704&radius_miles=15&insurance=bcbs-tx&lang=es").await;
    let list = cards(&r);
    assert!(!list.is_empty() && list.iter().all(|c| c.contains("acepta Blue Cross Blue Shield of Texas")), "{list:?}");
}

#[tokio::test]
async fn empty_states_say_what_to_do() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=00000").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = strip_tags(&r.body);
    assert!(text.contains("We do not know where ZIP code 00000 is."), "{text}");
    assert!(text.contains("PO boxes") && text.contains("nearby street address"));

    // Wichita, KS: the directory has nobody there; the answer says so and what Kansas does.
    let r = app.get("/find?zip=67202&radius_miles=10&style=swedish").await;
    let text = strip_tags(&r.body);
    assert!(text.contains("lumbar's directory has no listings within 10 miles of 67202 yet."), "{text}");
    assert!(
        text.contains(
            "Kansas does not license massage therapists: ask a therapist about their training and certification."
        ),
        "{text}"
    );
    assert!(r.hrefs().contains(&"/find?zip=67202&radius_miles=15&style=swedish".to_owned()), "a larger radius");
    assert!(text.contains("Try fewer filters."), "{text}");

    // Seattle with a filter nobody matches: listings exist, the state's board is named.
    let r = app.get("/find?zip=98101&radius_miles=10&max_price=10").await;
    let text = strip_tags(&r.body);
    assert!(
        text.contains("No therapist with a verified license within 10 miles of 98101 matches your search."),
        "{text}"
    );
    assert!(text.contains("Washington licenses massage therapists"), "{text}");
    assert!(text.contains("Also show therapists whose license is not verified"), "{text}");

    // A typo is an error at the field, with what was typed kept.
    let r = app.get("/find?zip=981O1&radius_miles=7").await;
    assert!(r.body.contains("There is a problem"));
    assert!(r.body.contains("<title>Error: Find a massage therapist"));
    assert!(r.body.contains("href=\"#find-zip\"") && r.body.contains("Enter a ZIP code of five digits"));
    assert!(r.body.contains("value=\"981O1\"") && r.body.contains("aria-invalid=\"true\""));
    assert!(r.body.contains("Choose a distance from the list."));
    assert!(!r.body.contains("class=\"find-results\""));
}

#[tokio::test]
async fn without_a_store_the_finder_says_so() {
    let mut app = TestApp::new();
    let r = app.get("/find?zip=98101").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.h1(), "Find a licensed massage therapist");
    assert!(r.body.contains("The therapist directory is not available on this server"));
    assert!(r.body.contains("href=\"/check\""));
    let r = app.get("/therapists/1").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.h1(), "The therapist directory is not available");
    // From a result page too; the language switch is a plain link, the answers stay in the
    // draft.
    let result = result_page(&mut app, &vignette("A23")).await;
    assert!(result.body.contains("<a class=\"button\" href=\"/find\">"));
    let r = app.get("/find").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.body.contains("The therapist directory is not available on this server"));
    assert!(r.hrefs().contains(&"/find?lang=es".to_owned()), "{:?}", r.hrefs());
    assert!(!r.body.contains("ans.") && !r.body.contains("pregnan"), "no answers in the page");
    let r = app.get("/find?zip=98101").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "a screened search too");
}

#[tokio::test]
async fn a_pregnant_person_gets_prenatal_therapists_only() {
    let mut app = TestApp::with_store(demo_store().await);
    let result = result_page(&mut app, &vignette("A23")).await;
    assert!(!result.body.contains("name=\"ans.") && !result.body.contains("value=\"pregnant\""), "no answers");
    assert!(result.body.contains("<a class=\"button\" href=\"/find\">Find a therapist for me</a>"));
    // The button is a plain link; the finder reads the finished check from the draft and
    // asks for a ZIP.
    let form = app.get("/find").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("Your safety check is applied to this list"));
    assert!(form.body.contains("Only therapists who offer prenatal (pregnancy) massage are shown."));
    assert!(form.body.contains("method=\"get\" action=\"/find#results\""), "a phone lands on the results");
    assert!(!form.body.contains("class=\"find-results\""));
    assert!(form.hidden_of("find-form").is_empty(), "the form carries nothing but the search");
    let r = app.get("/find?zip=78704&radius_miles=25").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Your safety check is applied to this list"));
    let found = names(&r);
    assert!(found.len() >= 2, "{found:?}");
    for card in cards(&r) {
        assert!(card.contains("Prenatal (pregnancy)"), "prenatal only: {card}");
        assert!(card.contains("offers prenatal massage (needed in pregnancy)"), "{card}");
    }
    assert!(r.body.contains("href=\"/intake\""), "prepare for the visit from here");
    // Nothing of the answers in any link or form.
    for href in r.hrefs() {
        assert!(!href.contains("ans.") && !href.contains("pregnan"), "{href}");
    }
    assert!(!r.body.contains("name=\"ans.") && !r.body.contains("value=\"pregnant\""));
}

#[tokio::test]
async fn deep_tissue_only_therapists_come_after_gentler_ones_under_the_precaution() {
    let mut app = TestApp::with_store(demo_store().await);
    let _ = result_page(&mut app, &vignette("A22")).await;
    let r = app.get("/find?zip=98103&radius_miles=15").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let found = names(&r);
    assert!(found.len() >= 3, "{found:?}");
    assert_ne!(found.first().map(String::as_str), Some("Ben Okafor"), "never first");
    if let Some(pos) = found.iter().position(|n| n == "Ben Okafor") {
        assert_eq!(pos, found.len() - 1, "after every gentler option: {found:?}");
        let text = strip_tags(&r.body);
        assert!(
            text.contains(
                "offers only deep tissue work, which your safety check advises against, so it is listed after \
                 gentler options"
            ),
            "{text}"
        );
        assert!(!text.contains("precaution:") && !text.contains("no_deep_tissue"), "no ids: {text}");
    }
    assert!(r.body.contains("Therapists who only offer deep tissue work are listed after gentler options"));
}

#[tokio::test]
async fn not_advisable_now_shows_no_list_but_the_clinician_message() {
    let mut app = TestApp::with_store(demo_store().await);
    let result = result_page(&mut app, &vignette("A12")).await;
    assert!(!result.body.contains("href=\"/find"), "no finder button when massage is not advisable");
    assert!(!result.body.contains("href=\"/intake\""));
    // Even a search typed by hand gets no list while the finished check says so.
    let r = app.get("/find?zip=98101&radius_miles=50").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = strip_tags(&r.body);
    assert!(text.contains("See a clinician first"), "{text}");
    assert!(text.contains("so we do not show a list of massage therapists"));
    assert!(text.contains("Get medical advice today"), "the result's next step");
    assert!(!r.body.contains("class=\"results\"") && !r.body.contains("name=\"zip\""), "no list, no search");
}

#[tokio::test]
async fn a_post_without_finished_answers_is_refused() {
    let mut app = TestApp::with_store(demo_store().await);
    let page = app.get("/find").await;
    let csrf = page.csrf();
    // The finder is a GET only: nothing is posted to it, answers or not.
    let r = app.post_form_raw("/find", &[("csrf".into(), csrf.clone()), ("zip".into(), "98101".into())]).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    let r = app.post_form_raw("/find", &[("csrf".into(), csrf), ("ans.age".into(), "forty".into())]).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    // Answers put in the address are not read: a plain search.
    let r = app.get("/find?zip=78704&radius_miles=25&ans.pregnancy=pregnant&ans.sex=female").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(!r.body.contains("Your safety check is applied"), "not screened");
    assert!(cards(&r).iter().any(|c| !c.contains("Prenatal (pregnancy)")), "not prenatal only: {:?}", names(&r));
    // An unfinished check is not applied either.
    let step2 = first_step(&mut app, &vignette("A23")).await;
    assert!(step2.body.contains("Step 2 of 5"), "{}", step2.body);
    let r = app.get("/find?zip=78704&radius_miles=25").await;
    assert!(!r.body.contains("Your safety check is applied"), "not screened");
    assert!(r.body.contains("Start the safety check"), "the check is offered");
}

#[tokio::test]
async fn the_finder_in_spanish() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98101&radius_miles=10&lang=es").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<html lang=\"es\">"));
    assert_eq!(r.h1(), "Buscar un masajista con licencia");
    let text = strip_tags(&r.body);
    assert!(text.contains("Licencia verificada: Verificada y activa (WA)"), "{text}");
    assert!(text.contains("a menos de 10 millas de 98101"));
    let results = &r.body[r.body.find("id=\"results\"").expect("results")..];
    assert!(!results[..results.find("</section>").unwrap_or(0)].contains("lang=\"en\""), "no English reason left");
    assert!(!r.body.contains('⟦'));
    // A screened search switches language with a plain link and stays screened.
    let _ = result_page(&mut app, &vignette("A23")).await;
    let r = app.get("/find?zip=78704&radius_miles=25&lang=en").await;
    assert!(r.body.contains("<html lang=\"en\">"), "switched");
    assert!(r.body.contains("Only therapists who offer prenatal (pregnancy) massage are shown."));
    let switch = "/find?zip=78704&radius_miles=25&lang=es";
    assert!(r.hrefs().contains(&switch.to_owned()), "the switch keeps the search: {:?}", r.hrefs());
    let r = app.get(switch).await;
    assert!(r.body.contains("<html lang=\"es\">"), "switched back");
    assert!(
        strip_tags(&r.body).contains("Solo se muestran masajistas que ofrecen masaje prenatal (para el embarazo)."),
        "still screened"
    );
    assert!(!r.body.contains("name=\"ans."));
    for href in r.hrefs() {
        assert!(!href.contains("ans.") && !href.contains("pregnan"), "{href}");
    }
}

#[tokio::test]
async fn the_index_is_cached_and_rebuilt_on_refresh_or_age() {
    // An empty directory first: the index is built once and kept.
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    // (the change counter is not polled here: this test is about the refresh trigger and age)
    let cfg = lumbar_web::WebConfig { change_poll: Duration::from_secs(24 * 3600), ..config() };
    let refresh = cfg.refresh.clone();
    let mut app = TestApp::with_store_and_config(store.clone(), cfg);
    let search = "/api/v1/therapists?zip=98101&radius_miles=15";
    let count = |body: &str| -> usize {
        serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v["results"].as_array().map(Vec::len))
            .unwrap_or(0)
    };
    assert_eq!(count(&app.get(search).await.body), 0);
    load_demo(store.as_ref()).await;
    assert_eq!(count(&app.get(search).await.body), 0, "the cached index is used until it is stale");
    refresh.trigger();
    let after = count(&app.get(search).await.body);
    assert!(after >= 3, "rebuilt after a refresh: {after}");

    // With no time to live, every search reads the store again.
    let store: Arc<dyn Store> = Arc::new(lumbar_testkit::sqlite_store().await);
    let mut app = TestApp::with_store_and_config(
        store.clone(),
        lumbar_web::WebConfig {
            index_max_age: Duration::ZERO,
            change_poll: Duration::from_secs(24 * 3600),
            ..config()
        },
    );
    assert!(names(&app.get("/find?zip=98101").await).is_empty());
    load_demo(store.as_ref()).await;
    assert!(!names(&app.get("/find?zip=98101").await).is_empty(), "rebuilt when too old");
}

/// The running server sees a verification or an import at once (the store's change counter),
/// on the search API, the finder page and the profile alike — no waiting for the periodic
/// rebuild. `change_poll` zero: every search asks the store whether the directory changed.
async fn a_change_in_the_store_shows_in_the_next_search(store: Arc<dyn Store>) {
    load_demo(store.as_ref()).await;
    let cfg = lumbar_web::WebConfig { change_poll: Duration::ZERO, ..config() };
    let mut app = TestApp::with_store_and_config(store.clone(), cfg);
    let api = "/api/v1/therapists?zip=98101&radius_miles=15&limit=50";
    let ana = |body: &str| -> Option<serde_json::Value> {
        let v: serde_json::Value = serde_json::from_str(body).ok()?;
        v["results"].as_array()?.iter().find(|r| r["name"] == "Ana Núñez").cloned()
    };
    let before = ana(&app.get(api).await.body).unwrap_or_else(|| panic!("Ana is listed"));
    assert_eq!(before["group"], "verified");
    assert!(names(&app.get("/find?zip=98101&radius_miles=15").await).iter().any(|n| n == "Ana Núñez"));

    // `lumbar verify` (here: what it writes) marks her license revoked
    let id = before["id"].as_i64().unwrap_or_default();
    let claim = store
        .license_claims()
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|c| c.therapist_id == id)
        .unwrap_or_else(|| panic!("her claim"));
    let mut v = claim.current.clone().unwrap_or_else(|| panic!("verified"));
    v.status = lumbar_core::directory::VerificationStatus::SuspendedOrRevoked;
    assert_eq!(store.save_verifications(&[v]).await.unwrap_or(0), 1);

    assert!(ana(&app.get(api).await.body).is_none(), "the next API search no longer lists her");
    assert!(!names(&app.get("/find?zip=98101&radius_miles=15").await).iter().any(|n| n == "Ana Núñez"), "nor the page");
    let shown =
        ana(&app.get(&format!("{api}&include_unverified=true")).await.body).unwrap_or_else(|| panic!("on request"));
    assert_eq!(
        (shown["group"].clone(), shown["license"]["status"].clone()),
        (serde_json::Value::Null, "suspended_or_revoked".into())
    );
    let profile = strip_tags(&app.get(&format!("/therapists/{id}")).await.body);
    assert!(profile.contains("Suspended or revoked"), "{profile}");

    // an import adds a listing: the next search shows it
    let run = store.begin_import(lumbar_store::ImportKind::Demo, "test").await.unwrap_or_else(|e| panic!("{e}"));
    let wa = lumbar_core::directory::StateCode::parse("WA").unwrap_or_else(|e| panic!("{e}"));
    let listing = lumbar_store::ListingUpsert {
        key: "sea-new-listing".into(),
        kind: lumbar_core::directory::EntityKind::Individual,
        name: "Nora Newcomer".into(),
        first_name: "Nora".into(),
        last_name: "Newcomer".into(),
        credential: "LMT".into(),
        practice: lumbar_core::directory::Address {
            line1: "1 New St".into(),
            line2: String::new(),
            city: "Seattle".into(),
            state: Some(wa),
            postal_code: Some("98101".into()),
            phone: String::new(),
        },
        lat: Some(47.61),
        lon: Some(-122.33),
        licenses: vec![lumbar_core::directory::ClaimedLicense { state: wa, number: "MA60999999".into() }],
    };
    store.upsert_listing(run, &listing).await.unwrap_or_else(|e| panic!("{e}"));
    let body = app.get(&format!("{api}&include_unverified=true")).await.body;
    assert!(body.contains("Nora Newcomer"), "a new listing shows in the next search");
}

#[tokio::test]
async fn a_change_in_the_store_shows_in_the_next_search_sqlite() {
    a_change_in_the_store_shows_in_the_next_search(Arc::new(lumbar_testkit::sqlite_store().await)).await;
}

lumbar_testkit::postgres_test! {
    #[tokio::test]
    async fn a_change_in_the_store_shows_in_the_next_search_postgres() {
        let Some(store) = lumbar_testkit::postgres_store().await else { return };
        a_change_in_the_store_shows_in_the_next_search(Arc::new(store)).await;
    }
}

#[tokio::test]
async fn texas_results_say_discipline_is_only_in_tdlr_license_search() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=78704&radius_miles=15").await;
    let list = cards(&r);
    assert!(!list.is_empty());
    for card in &list {
        assert!(card.contains("License verified"), "{card}");
        assert!(
            card.contains("which has no discipline data: any board action is only in TDLR's License Search"),
            "{card}"
        );
    }
    let api = app.get("/api/v1/therapists?zip=78704&radius_miles=15").await;
    let v: serde_json::Value = serde_json::from_str(&api.body).unwrap_or_default();
    for m in v["results"].as_array().into_iter().flatten() {
        assert_eq!(m["license"]["lookup_url"], "https://www.tdlr.texas.gov/LicenseSearch/");
        assert!(m["license"]["note"].as_str().is_some_and(|n| n.contains("no discipline data")), "{m}");
    }
}

#[tokio::test]
async fn results_come_in_groups_with_the_board_lookup_for_unchecked_states() {
    let mut app = TestApp::with_store(demo_store().await);
    // Kansas City, KS: a Missouri listing (no Missouri roster) and a Kansas one (no license)
    let r = app.get("/find?zip=66101&radius_miles=5").await;
    let text = strip_tags(&r.body);
    let not_verified = text.find("Licenses lumbar could not check").unwrap_or_else(|| panic!("{text}"));
    let unlicensed =
        text.find("In a state that does not license massage therapists").unwrap_or_else(|| panic!("{text}"));
    assert!(not_verified < unlicensed, "groups in safety order");
    assert!(!text.contains("Verified licenses"), "nobody verified here");
    assert!(r.body.contains("href=\"https://pr.mo.gov/licensee-search.asp\""), "Missouri's lookup is linked");
    let brooks = text.find("Lena Brooks").unwrap_or_default();
    let ortega = text.find("Sam Ortega").unwrap_or_default();
    assert!(not_verified < brooks && brooks < unlicensed && unlicensed < ortega, "{text}");
}

/// The HTML of the card of `name`.
fn card_html<'a>(r: &'a Resp, name: &str) -> &'a str {
    let at = r.body.find(&format!(">{name}</a></h3>")).unwrap_or_else(|| panic!("{name} in {}", r.body));
    let end = r.body[at..].find("\n    </li>").map_or(r.body.len(), |e| at + e);
    &r.body[at..end]
}

/// Item 4 of issue #9: a card answers "how do I book?" and "do they speak my language?".
#[tokio::test]
async fn a_card_says_how_to_book_which_languages_the_price_and_where() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98101&radius_miles=10").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // on a phone, "Search" lands on the results
    assert!(r.body.contains("action=\"/find#results\""), "{}", r.body);
    assert!(r.body.contains("<section class=\"find-results\" id=\"results\""));
    let ana = card_html(&r, "Ana Núñez");
    assert!(ana.contains("<a href=\"tel:2065550101\">206-555-0101</a>"), "{ana}");
    assert!(ana.contains("href=\"https://example.org/book/ana-nunez\""), "{ana}");
    assert!(ana.contains(">Book online<"), "{ana}");
    assert!(ana.contains("<dt>Languages</dt><dd>English, Spanish</dd>"), "{ana}");
    assert!(ana.contains("<dt>Price for 60 minutes</dt><dd>$95 to $140</dd>"), "{ana}");
    assert!(
        ana.contains(
            "href=\"https://www.openstreetmap.org/search?query=1420+Alder+Court%2C+Suite+3%2C+Seattle%2C+WA+98101\""
        ),
        "{ana}"
    );
    assert!(ana.contains(">Open in maps<"), "{ana}");
    // no English-only list: an English page has no language preselected
    assert!(!r.body.contains("because this page is in Spanish"));
    let ben = card_html(&r, "Ben Okafor");
    assert!(ben.contains("<dd>English</dd>"), "{ben}");
}

/// The Spanish finder lists Spanish-speaking therapists unless the person chose a language.
#[tokio::test]
async fn the_spanish_finder_preselects_spanish_speakers() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98101&radius_miles=10&lang=es").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let found = names(&r);
    assert!(found.iter().any(|n| n == "Ana Núñez"), "{found:?}");
    assert!(!found.iter().any(|n| n == "Ben Okafor"), "Ben speaks English only: {found:?}");
    assert!(!found.iter().any(|n| n == "Mei Lin"), "{found:?}");
    let text = strip_tags(&r.body);
    assert!(text.contains("Se muestran masajistas que hablan español, porque esta página está en español."), "{text}");
    assert!(r.body.contains("<option value=\"es\" selected>Español</option>"), "{}", r.body);
    // the way back: the same search with any language
    let at = r.body.find("Ver masajistas que hablan cualquier idioma").expect("a clear link");
    let href_at = r.body[..at].rfind("href=\"").expect("a link") + 6;
    let href = r.body[href_at..].split('"').next().unwrap_or_default().replace("&amp;", "&").replace("&#38;", "&");
    assert_eq!(href, "/find?zip=98101&radius_miles=10&language=#results");
    let all = app.get(&href.replace("#results", "")).await;
    assert!(names(&all).iter().any(|n| n == "Ben Okafor"), "{:?}", names(&all));
    assert!(!all.body.contains("porque esta página está en español"), "a chosen language is kept");
    assert!(all.body.contains("<option value=\"\" selected>"), "any language");
}

/// The reasons a therapist matched are in the page's language (issue #9, C).
#[tokio::test]
async fn the_spanish_finder_gives_the_reasons_in_spanish() {
    let mut app = TestApp::with_store(demo_store().await);
    let r = app.get("/find?zip=98101&radius_miles=10&lang=es").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let results = &r.body[r.body.find("id=\"results\"").expect("results")..];
    let results = &results[..results.find("</section>").expect("the end of the results")];
    assert!(!results.contains("lang=\"en\""), "no English reason list: {results}");
    assert!(results.contains("<ul class=\"why\">"));
    let ana = card_html(&r, "Ana Núñez");
    let why = &ana[ana.find("<ul class=\"why\">").expect("reasons")..];
    for line in [
        "<li>12 años ayudando a personas con dolor de espalda (alrededor del 60 % de sus clientes)</li>",
        "<li>4,7 de 5 estrellas, media de 20 opiniones</li>",
        "<li>habla español</li>",
        "<li>$95–$140 por sesión</li>",
    ] {
        assert!(why.contains(line), "{line} in {why}");
    }
    for english in ["helping people", "speaks", "per session", "miles away", "license"] {
        assert!(!why.contains(english), "{english} in {why}");
    }
    // a clinic says so in Spanish
    let clinic = card_html(&r, "Capitol Hill Spine &#38; Massage Clinic (fictional)");
    assert!(clinic.contains("<li>una clínica</li>"), "{clinic}");
    // the same reasons in English on the English page
    let en = app.get("/find?zip=98101&radius_miles=10&language=es&lang=en").await;
    let ana = card_html(&en, "Ana Núñez");
    for line in [
        "<li>12 years helping people with back pain (about 60% of clients)</li>",
        "<li>4.7 out of 5 stars, the average of 20 reviews</li>",
        "<li>speaks Spanish</li>",
        "<li>$95–$140 per session</li>",
    ] {
        assert!(ana.contains(line), "{line} in {ana}");
    }
}

/// A screened search in Spanish preselects Spanish speakers too; the link that clears it
/// keeps the screening (the answers stay in the draft, not in the link).
#[tokio::test]
async fn a_screened_spanish_search_can_clear_the_language() {
    let mut app = TestApp::with_store(demo_store().await);
    let _ = result_page(&mut app, &vignette("A22")).await;
    let form = app.get("/find?lang=es").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("Su comprobación de seguridad se aplica a esta lista"), "{}", form.body);
    let r = app.get("/find?zip=98101&radius_miles=10").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("<html lang=\"es\">"));
    let text = strip_tags(&r.body);
    assert!(text.contains("Su comprobación de seguridad se aplica a esta lista"), "{text}");
    assert!(text.contains("Se muestran masajistas que hablan español"), "{text}");
    assert!(!names(&r).iter().any(|n| n == "Ben Okafor"), "{:?}", names(&r));
    let clear = "/find?zip=98101&radius_miles=10&language=#results";
    assert!(r.hrefs().contains(&clear.to_owned()), "{:?}", r.hrefs());
    let all = app.get(clear).await;
    let text = strip_tags(&all.body);
    assert!(!text.contains("Se muestran masajistas que hablan español"));
    assert!(text.contains("Su comprobación de seguridad se aplica a esta lista"), "still screened: {text}");
    assert!(names(&all).iter().any(|n| n == "Ben Okafor"), "{:?}", names(&all));
    assert_eq!(names(&all).last().map(String::as_str), Some("Ben Okafor"), "deep tissue only: after the others");
}
