//! Therapist profiles: verification evidence, provenance of each field, recommendations,
//! the note for an unverified license, 404s, Spanish, the way back to the list.

use axum::http::StatusCode;

use crate::support::{Resp, TestApp, demo_store, id_of, result_page, strip_tags, vignette};

#[tokio::test]
async fn a_profile_shows_verification_evidence_and_provenance() {
    let store = demo_store().await;
    let id = id_of(store.as_ref(), "Ana Núñez").await;
    let mut app = TestApp::with_store(store);
    let r = app.get(&format!("/therapists/{id}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.h1(), "Ana Núñez");
    let text = strip_tags(&r.body);
    assert!(text.contains("Independent therapist · LMT"), "{text}");
    assert!(text.contains("1420 Alder Court, Suite 3, Seattle, WA 98101"), "{text}");
    assert!(!r.body.contains("License not verified."), "verified: no warning");
    // Credentials with their evidence.
    assert!(text.contains("Credentials and how we checked them"));
    for part in [
        "State WA",
        "License number MA60900101",
        "Status Verified active",
        "Source Washington State Department of Health, Board of Massage, license file of 2026-11-25",
        "Checked on 2026-11-25",
        "Expires 2027-05-31",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(r.body.contains("class=\"badge badge-verified\">Verified active</span>"));
    assert!(!text.contains("roster-wa.csv") && !text.contains("imported"), "no file names: {text}");
    // Each field marked verified or self-reported.
    let field = |label: &str| -> String {
        let at = r.body.find(&format!("<dt>{label}</dt>")).unwrap_or_else(|| panic!("{label}"));
        strip_tags(&r.body[at..at + r.body[at..].find("</div>").unwrap_or(0)])
    };
    assert!(field("Training").contains("Cascade School of Massage (fictional); 850 hours"), "{}", field("Training"));
    assert!(field("Training").ends_with("Verified"), "{}", field("Training"));
    assert!(field("Experience with back pain").contains("12 years Verified"));
    assert!(field("Clients with back pain").contains("About 60% of clients Self-reported"));
    assert!(field("Styles offered").contains("Swedish, Deep tissue, Myofascial release Self-reported"));
    assert!(field("Languages").contains("English, Spanish Self-reported"));
    assert!(field("Price for 60 minutes").contains("$95 to $140 Self-reported"));
    assert!(field("Insurance accepted").contains("Aetna, Regence BlueShield Self-reported"));
    assert!(field("Gender").contains("Female Self-reported"));
    // How to book.
    assert!(r.body.contains("href=\"https://example.org/book/ana-nunez\""));
    assert!(r.body.contains("href=\"tel:2065550101\""));
    assert!(text.contains("Mon–Fri 9:00–18:00"));
    // Recommendations: the plain average with the number of reviews, endorsements.
    assert!(r.body.contains("<p class=\"rating\">4.7 out of 5 stars, the average of 20 reviews</p>"), "{}", r.body);
    assert!(text.contains("3 clinician endorsements."));
    assert!(!r.body.contains('⟦'));
}

#[tokio::test]
async fn an_unverified_license_is_said_plainly() {
    let store = demo_store().await;
    let dana = id_of(store.as_ref(), "Dana Kowalski").await;
    let sam = id_of(store.as_ref(), "Sam Reyes").await;
    let mut app = TestApp::with_store(store);
    let r = app.get(&format!("/therapists/{dana}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = strip_tags(&r.body);
    assert!(text.contains("License not verified."), "{text}");
    assert!(text.contains("We could not confirm an active massage therapy license for this listing in WA"));
    assert!(text.contains("What we found: Expired"));
    assert!(r.body.contains("class=\"badge badge-unverified\">Expired</span>"));
    let r = app.get(&format!("/therapists/{sam}")).await;
    assert!(strip_tags(&r.body).contains("What we found: Board action on record"));
}

#[tokio::test]
async fn unknown_ids_are_404() {
    let mut app = TestApp::with_store(demo_store().await);
    for path in ["/therapists/999999", "/therapists/abc", "/therapists/-1"] {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.h1(), "Page not found");
    }
}

#[tokio::test]
async fn a_profile_in_spanish() {
    let store = demo_store().await;
    let id = id_of(store.as_ref(), "Mei Lin").await;
    let mut app = TestApp::with_store(store);
    let r = app.get(&format!("/therapists/{id}?lang=es")).await;
    assert!(r.body.contains("<html lang=\"es\">"));
    let text = strip_tags(&r.body);
    assert!(text.contains("Credenciales y cómo las comprobamos"), "{text}");
    assert!(text.contains("Verificada y activa"));
    assert!(text.contains("Declarado por el masajista") && text.contains("Verificado"));
    assert!(text.contains("Inglés, Chino"));
    assert!(!r.body.contains('⟦'));
}

/// The finder's card and the profile give a therapist the same rating, in the same words.
#[tokio::test]
async fn the_card_and_the_profile_show_the_same_rating() {
    let store = demo_store().await;
    let id = id_of(store.as_ref(), "Ana Núñez").await;
    let mut app = TestApp::with_store(store);
    let list = app.get("/find?zip=98101").await;
    // the card links the profile with the list it is in
    let link = format!("href=\"/therapists/{id}?list=zip%3D98101%26radius_miles%3D10\"");
    let at = list.body.find(&link).unwrap_or_else(|| panic!("{link} in {}", list.body));
    let card = &list.body[at..at + list.body[at..].find("</ul>").unwrap_or(0)];
    let expected = "4.7 out of 5 stars, the average of 20 reviews";
    assert!(card.contains(&format!("<li>{expected}</li>")), "{card}");
    assert!(!card.contains('★'), "one way of writing it: {card}");
    let profile = app.get(&format!("/therapists/{id}")).await;
    assert!(profile.body.contains(&format!("<p class=\"rating\">{expected}</p>")), "{}", profile.body);
    // The same in Spanish.
    let list = app.get("/find?zip=98101&lang=es").await;
    let es = "4,7 de 5 estrellas, media de 20 opiniones";
    assert!(list.body.contains(&format!("<li>{es}</li>")), "{}", list.body);
    let profile = app.get(&format!("/therapists/{id}?lang=es")).await;
    assert!(profile.body.contains(&format!("<p class=\"rating\">{es}</p>")));
}

/// The href of the link with this text.
fn href_of(r: &Resp, text: &str) -> String {
    let at = r.body.find(&format!(">{text}</a>")).unwrap_or_else(|| panic!("`{text}` in {}", r.body));
    let start = r.body[..at].rfind("href=\"").unwrap_or_else(|| panic!("a link")) + "href=\"".len();
    let end = start + r.body[start..].find('"').unwrap_or(0);
    crate::support::unescape(&r.body[start..end])
}

/// A profile opened from a list leads back to that list ("Search for other therapists"),
/// the search only: a screened list stays screened through the draft, not the link.
#[tokio::test]
async fn a_profile_leads_back_to_the_list_it_was_opened_from() {
    let store = demo_store().await;
    let mut app = TestApp::with_store(store);
    let _ = result_page(&mut app, &vignette("A22")).await;
    let list = app.get("/find?zip=98101").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("Your safety check is applied to this list"), "a screened list");
    let first = list.hrefs().into_iter().find(|h| h.starts_with("/therapists/")).unwrap_or_else(|| panic!("a result"));
    let (path, query) = first.split_once('?').unwrap_or_else(|| panic!("the list in {first}"));
    let carried: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    assert_eq!(carried.len(), 1, "{carried:?}");
    assert_eq!(carried[0].0, "list");
    let search: Vec<(String, String)> = form_urlencoded::parse(carried[0].1.as_bytes()).into_owned().collect();
    assert!(search.contains(&("zip".to_owned(), "98101".to_owned())), "{search:?}");
    for secret in ["ans.", "anticoagulant", "blood", "deep_tissue", "precaution"] {
        assert!(!first.contains(secret), "{secret} in {first}");
    }

    let profile = app.get(&first).await;
    assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
    let back = href_of(&profile, "Search for other therapists");
    let back_query = back.strip_prefix("/find?").and_then(|q| q.strip_suffix("#results"));
    let back_query = back_query.unwrap_or_else(|| panic!("/find?…#results: {back}"));
    let back_search: Vec<(String, String)> = form_urlencoded::parse(back_query.as_bytes()).into_owned().collect();
    assert_eq!(back_search, search, "the same search");
    // the language switch keeps the way back
    assert!(profile.hrefs().iter().any(|h| h.starts_with(&format!("{path}?list=")) && h.ends_with("&lang=es")));
    // back at the list: the same list, still screened
    let again = app.get(&back).await;
    assert!(again.body.contains("Your safety check is applied to this list"));
    assert_eq!(again.hrefs().into_iter().find(|h| h.starts_with("/therapists/")), Some(first.clone()));

    // a damaged list, or something else than a search, leads plainly to the finder
    for list in ["zip%3Dabc", "https%3A%2F%2Fevil.example%2F", "radius_miles%3D10", "zip%3D98101%26radius_miles%3D3"] {
        let r = app.get(&format!("{path}?list={list}")).await;
        assert_eq!(r.status, StatusCode::OK, "{list}: {}", r.body);
        assert_eq!(href_of(&r, "Search for other therapists"), "/find", "{list}");
        assert!(r.hrefs().contains(&format!("{path}?lang=es")), "{list}: a plain language switch");
    }
}
