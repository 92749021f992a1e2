# Site chrome, information pages and error pages (English).

site-description = A safety check for massage and lower back pain, with honest, cited advice.
skip-to-content = Skip to main content
nav-label = Main
nav-check = Safety check
nav-evidence = Evidence
nav-about = About
nav-privacy = Privacy
nav-disclaimer = Disclaimer
nav-api = API for developers
nav-my-back = My back
nav-account = My account
footer-nav-label = More about lumbar
footer-disclaimer = lumbar gives information, not a diagnosis. In an emergency call 911 (or your local emergency number).
footer-translation-review = Translation awaiting clinical review: the clinical texts on this page were translated from English and have not yet been reviewed by a clinician.
lang-switch-label = Language:
sources-label = Sources

answer-yes = Yes
answer-no = No

## Home

home-title = Can massage help my back?
home-heading = Can massage help my back, and is it safe for me right now?
home-lead = Answer a few questions about your lower back pain. lumbar tells you whether massage is safe for you now, what to tell a massage therapist, and what massage can and cannot do — with every reason explained and backed by a medical guideline.
home-point-safety = Checks for warning signs that need a doctor first.
home-point-honest = Says honestly what massage can and cannot do for back pain.
home-point-style = Suggests a style of massage and precautions for your therapist.
home-point-private = 5 short pages: about 20 taps if you have nothing unusual to report. Your answers are not stored on our server.
home-start = Start the check
home-emergency-label = Emergency?
home-emergency = If you have sudden numbness around your genitals or bottom, cannot control your bladder or bowels, have new weakness in both legs, or chest pain, call 911 (or your local emergency number) now.
home-disclaimer = This is information, not a diagnosis, and it does not replace a doctor.
home-disclaimer-link = Read the disclaimer.
home-more-heading = Learn more
home-link-evidence = What the evidence says about massage for back pain
home-link-find = Find a licensed massage therapist near you
home-link-about = About lumbar and how the check works
home-link-privacy = Privacy: what we store (nothing from the check)

## Evidence (headings; statements are in evidence.ftl)

evidence-title = Evidence: massage for lower back pain
evidence-heading = What the evidence says about massage for lower back pain
evidence-lead = Each statement below comes with its sources. The research on massage for back pain is mostly small, short-term studies, so the honest answer is often "it depends".
evidence-toc-label = On this page

## About

about-title = About lumbar
about-heading = About lumbar
about-lead = lumbar helps a person with lower back pain answer two questions safely: can massage help me, and is it safe for me right now?
about-how-heading = How the check works
about-how = The questions come first for warning signs that need emergency care; if one is found, the check stops and tells you what to do. The other answers are checked against a set of clinical rules. Each rule says what it found, why it matters, what to do, and which guideline or study it is based on. When in doubt, the answer points you to a clinician.
about-ruleset = Rule set version: { $version }.
about-limits-heading = What lumbar cannot do
about-limits = lumbar cannot examine you, and it does not know your full medical history. It gives information, not a diagnosis. The rules are a starting point written from published guidelines and are awaiting review by clinicians.
about-open-heading = Open and checkable
about-open = The rules are data that anyone can read, and the same check is available to other programs.
about-languages-heading = Languages
about-languages = The pages and the questions are in English and Spanish. The medical explanations in the result are in English for now.

## Privacy

privacy-title = Privacy
privacy-heading = Privacy
privacy-lead = Your answers about your health are private. lumbar is built so that it does not need to keep them.
privacy-check-heading = The safety check
privacy-check = Your answers are not stored on our server unless you choose to keep them. While you fill in the check, they are kept in one cookie in your browser, sealed (encrypted and signed) so that neither you, other websites nor anyone reading our logs can read or change them, and they are never put in web addresses or our logs. The cookie is deleted 3 hours after your last step, or at once when you choose "Forget my answers".
privacy-feedback-heading = Feedback
privacy-feedback = If you answer "Was this helpful?", we store the page it was on, your yes or no, your comment if you write one, and the time. We never store your answers to the check with it. Please do not write your name or health details in the comment.
privacy-cookies-heading = Cookies
privacy-cookies = We use small cookies and no tracking: one remembers the language you chose, one protects our forms against misuse by other websites, one keeps your answers to the check sealed in your browser for 3 hours (see above), and, only when you sign in, one keeps you signed in for up to 14 days (until you sign out). A new API token or share link is shown to you once through a cookie that lasts at most 10 minutes. None of them can be read by anyone but our server.
privacy-logs-heading = Server logs
privacy-logs = Our server records, for each request, the kind of request, the page address without any query, the result code and how long it took. It does not record what you send.
privacy-retention-heading = How long we keep things
privacy-retention = Feedback is kept for up to 2 years and then deleted. Server logs are kept for up to 30 days.
privacy-rights-heading = Seeing or deleting your data
privacy-rights = Without an account, the check stores nothing, so there is nothing of yours to see or delete from it. With an account, "Download my data" on your account page gives you everything we keep about you in one file, and "Delete my account" deletes it at once: your saved checks, plans, logged sessions, notes, share links and reviews. To get a copy of, or delete, feedback you sent, contact the service operator with the time you sent it.
privacy-account-heading = If you keep your checks (an account)
privacy-account = With an account you can keep a check, start a massage plan and log your sessions and pain. We store your email address, a hash of your password (never the password itself), and what you chose to keep: your answers and result, your plans, the sessions and check-ins you log with their pain scores and notes, the sections you share with a therapist, and your reviews. Your answers, results, logs, notes and shared summaries are encrypted in our database with a key kept apart from it, so a copy of the database alone does not reveal them. Nothing is kept until you choose "Keep this check" and agree to this text.
privacy-sharing-heading = Sharing with a therapist
privacy-sharing = A share link shows only the sections you chose, to whoever has the link, until it expires (14 days unless you choose otherwise) or you revoke it. You see when it was opened. Search engines are asked not to index it and browsers not to keep a copy.
privacy-version = This is version { $version } of this text.

## Disclaimer

disclaimer-title = Disclaimer
disclaimer-heading = Disclaimer
disclaimer-information = lumbar gives general information about massage and lower back pain. It is not medical advice, and it does not replace an examination by a doctor, physical therapist or other clinician.
disclaimer-not-diagnosis = The result of the check is not a diagnosis. It can miss things, and it cannot examine you. If you are worried, or your pain is getting worse, see a clinician.
disclaimer-rules = The rules behind the check come from published guidelines and studies, each cited. They are a starting point and are awaiting review by clinicians.
disclaimer-therapists = A massage therapist is not a doctor. Tell your therapist about your health, and stop a session if something feels wrong.

## Errors

error-home = Go to the home page
error-restart = Start the check again
error-not-found-title = Page not found
error-not-found-body = There is no page at this address. Check the address, or start from the home page.
error-csrf-title = This form has expired
error-csrf-body = We could not check that this form came from lumbar, so nothing was sent. This can happen if the page was open for a long time or cookies are blocked. Your answers were not saved. Please start the check again.
error-rate-limited-title = Too many tries
error-rate-limited-body = We received too many forms from your connection in a short time. Please wait a minute and try again.
error-too-large-title = Too much text
error-too-large-body = The form you sent was too large. Please shorten what you typed and try again.
error-bad-form-title = Something went wrong with the form
error-bad-form-body = We could not read the form, so nothing was used. Your answers were not saved. Please start the check again.
error-method-title = This page cannot do that
error-method-body = This address does not accept that kind of request. Please use the links on the site.
error-unavailable-title = Please try again
error-unavailable-body = The service is busy or not ready. Please try again in a moment.
error-internal-title = Something went wrong
error-internal-body = Something went wrong on our side. Nothing was saved. Please try again.
error-no-store-title = Not available on this server
error-no-store-body = This lumbar server runs without a database, so the therapist directory and feedback are not available here. The safety check works without it.
error-store-title = Please try again
error-store-body = Our database did not answer. Nothing was saved. Please try again in a moment.

# states table (about page)

states-heading = Massage therapy licensing by state
states-intro = Each state decides whether massage therapists need a license. Before your first visit, look up the therapist's license on the state board's website: it shows whether the license is current and any action the board has taken.
states-confirmed-count = { $confirmed } of { $total } rows are confirmed from an official or primary document.
states-unconfirmed-explained = Rows marked "Not yet confirmed" were compiled from secondary sources and have not yet been checked against an official document. Check with the board before relying on them.
states-scroll-hint = On a small screen, scroll the table sideways.
states-caption = How each state, DC and Puerto Rico regulates massage therapists
states-col-state = State
states-col-regulation = Rules
states-col-board = Board or agency
states-col-titles = Titles
states-col-hours = Minimum training
states-col-lookup = Look up a license
states-col-roster = Does lumbar import the state's license list?
states-reg-licensed = License (or registration) required
states-reg-unregulated = No state license
states-reg-voluntary = Voluntary certification only
states-hours = { $hours ->
    [0] None required
   *[other] { $hours } hours
}
states-hours-unknown = Not known
states-lookup-link = Look up
states-lookup-hidden = a license in { $state }
states-no-lookup = No state lookup
states-no-board = No state board. Some cities issue permits: ask the city where the therapist works.
states-imports-yes = Yes
states-imports-published = Not yet: the state publishes a list
states-imports-no = No
states-unconfirmed = Not yet confirmed
