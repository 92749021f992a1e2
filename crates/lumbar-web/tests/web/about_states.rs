//! The about page's states table: a real table (caption, column and row headers) that
//! scrolls inside its own box, with Kansas shown as not licensing, Texas's discipline note,
//! and the "not yet confirmed" mark, in English and Spanish. Expected texts are written by
//! hand.

use axum::http::StatusCode;

use crate::support::{TestApp, strip_tags};

/// The `<tr>` of the row whose header names `state`.
fn state_row(body: &str, state: &str) -> String {
    let at = body.find(&format!(">{state}</span>")).unwrap_or_else(|| panic!("no row for {state}"));
    let start = body[..at].rfind("<tr>").expect("row start");
    let end = at + body[at..].find("</tr>").expect("row end");
    body[start..end].to_owned()
}

#[tokio::test]
async fn the_table_shows_each_state_and_kansas_does_not_license() {
    let mut app = TestApp::new();
    let r = app.get("/about").await;
    assert_eq!(r.status, StatusCode::OK);
    let b = &r.body;
    assert!(
        b.contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"states-caption\" tabindex=\"0\">")
    );
    assert!(b.contains(
        "<caption id=\"states-caption\">How each state, DC and Puerto Rico regulates massage therapists</caption>"
    ));
    assert_eq!(b.matches("<th scope=\"col\">").count(), 7);
    assert_eq!(b.matches("<th scope=\"row\">").count(), 52, "50 states, DC and Puerto Rico");

    let ks = strip_tags(&state_row(b, "Kansas"));
    assert!(ks.contains("No state license"), "{ks}");
    assert!(ks.contains("No state board"), "{ks}");
    assert!(ks.contains("No state lookup"), "{ks}");
    assert!(!ks.contains("License (or registration) required"), "{ks}");

    let ca = strip_tags(&state_row(b, "California"));
    assert!(ca.contains("Voluntary certification only") && ca.contains("CAMTC"), "{ca}");

    let tx = state_row(b, "Texas");
    assert!(tx.contains("href=\"https://www.tdlr.texas.gov/LicenseSearch/\""), "{tx}");
    assert!(tx.contains("a license in Texas"), "the link says where it leads: {tx}");
    assert!(strip_tags(&tx).contains("500 hours"), "{tx}");
    assert!(tx.contains("no discipline data"), "Texas's file has no discipline: {tx}");

    let wa = state_row(b, "Washington");
    assert!(!wa.contains("Not yet confirmed"), "Washington is confirmed: {wa}");
    assert!(strip_tags(&wa).contains("625 hours") && wa.contains("LMT"), "{wa}");

    let al = state_row(b, "Alabama");
    assert!(al.contains("<span class=\"tag tag-unconfirmed\">Not yet confirmed</span>"), "{al}");
    let vt = strip_tags(&state_row(b, "Vermont"));
    assert!(vt.contains("None required"), "Vermont asks no training: {vt}");
    assert!(b.contains("6 of 52 rows are confirmed"), "the count of confirmed rows");
}

#[tokio::test]
async fn the_table_in_spanish() {
    let mut app = TestApp::new();
    let r = app.get("/about?lang=es").await;
    assert_eq!(r.status, StatusCode::OK);
    let b = &r.body;
    assert!(b.contains("<h2 id=\"states\">Licencias de masaje por estado</h2>"));
    let ks = state_row(b, "Kansas");
    assert!(ks.contains("<span lang=\"en\">Kansas</span>"), "English names are marked: {ks}");
    assert!(strip_tags(&ks).contains("Sin licencia estatal"), "{ks}");
    let tx = strip_tags(&state_row(b, "Texas"));
    assert!(tx.contains("no tiene datos de sanciones"), "{tx}");
    assert!(tx.contains("500 horas") && tx.contains("una licencia en Texas"), "{tx}");
    assert!(state_row(b, "Alabama").contains("Sin confirmar"));
}
