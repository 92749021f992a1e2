# "My back": saved checks, massage plans, the session log and sharing the intake (English).

## Keeping a check (result page and its error page)

journal-save-title = Keep this check
journal-save-heading = Keep this check in my account
journal-save-lead = Nothing from the check is kept unless you choose to. Keep it in your account to start a massage plan, log your sessions and see whether massage helps, and to share a summary with your massage therapist. You need an account; if you are not signed in, you will be asked to sign in first and come back here.
journal-save-which = The check to keep: { $level }.
journal-save-consent-name = Agreement to keep my answers
journal-save-consent = I want lumbar to keep my answers and result in my account, as described in the privacy text (version { $version }).
journal-save-consent-hint = You can delete the check, or your whole account, at any time.
journal-save-privacy-link = Read the privacy text.
journal-save-consent-missing = Tick the box to agree that lumbar keeps your answers (privacy text version { $version }). Without it, nothing is kept.
journal-save-consent-old = The privacy text has changed since this page was loaded. Read it again, then tick the box to agree to version { $version }.
journal-save-button = Keep this check
journal-save-back = Back to my result
journal-saved = Your check was kept in your account.
journal-deleted = The check was deleted, with its plans, entries and share links.
journal-why-no-plan = Your check said: { $level }. Massage is not advisable now, so a massage plan cannot start from this check and there is no summary to share with a massage therapist. Show your result to a clinician first.
check-retake = Something has changed since your last check. Take the whole check again before you log another session or check-in; then keep the new check in your account and start a plan from it.

## My back

myback-title = My back
myback-heading = My back
myback-signed-in-as = Signed in as { $email }.
myback-plans-heading = My massage plans
myback-plans-none = No massage plan yet. Start one from a check whose result allows massage.
myback-plan-name = Plan started { $date }
myback-plan-ended = Ended
myback-plan-going = Going on
myback-plan-sessions = { $count ->
    [one] 1 session logged
   *[other] { $count } sessions logged
}
myback-plan-from-check = from the check of { $date }
myback-checks-heading = My saved checks
myback-checks-none = You have not kept a check yet.
myback-new-check = Take the check again
myback-check-name = Check of { $date }
myback-open-plan = Open the plan from this check
myback-start-plan = Start a massage plan
myback-share = Share with a therapist
myback-download-fhir = Download as FHIR (for your clinician's system)
myback-delete = Delete this check (with its plans, entries and share links)
myback-private = Only you can see this page. Your answers, pain scores and notes are stored encrypted.

## A plan

plan-title = Massage plan started { $date }
plan-from-check = Started from your check of { $date }.
plan-ended = This plan has ended.
plan-ended-notice = The plan was ended.
plan-logged = Your entry was saved.
plan-status-heading = Is massage helping?
plan-summary = Average pain in the past week: { $baseline } at the start, { $current } now: a change of { $change } on the 0 to 10 scale ({ $pct }%; above 0 means less pain). { $sessions ->
    [one] 1 session logged.
   *[other] { $sessions } sessions logged.
}
plan-urgent-heading = Stop the massage plan and see a doctor today
plan-warning-heading = What your latest safety questions found
plan-stopped = The massage plan has been stopped. Do not have another massage until a doctor says it is safe.
plan-log-button = Log a session or check-in
plan-chart-heading = Your average pain, week by week
plan-band = A meaningful improvement from your start of { $baseline } means an average pain of { $top } or less: at least 2 points and at least 30% lower.
plan-band-none = Your pain was 2 or less out of 10 when you started, so the 2-point measure cannot judge whether massage helps.
plan-chart-aria = Chart of your average pain in the past week, 0 to 10: { $baseline } at the start on { $start }, { $current } at the latest entry on { $latest } ({ $count ->
    [one] 1 entry
   *[other] { $count } entries
}).
plan-chart-band-label = Meaningful improvement: { $top } or less
plan-chart-baseline-label = Start: { $baseline }
plan-chart-week = { $week ->
    [0] Start
   *[other] Week { $week }
}
plan-chart-caption = The square is your start, filled dots are sessions and open dots are check-ins. The shaded band is a meaningful improvement. The table below has the same numbers.
plan-bars-heading = Right before and right after each session
plan-bars-note = Relief right after a session is often short-lived, so these numbers are shown here but do not decide whether massage is helping.
plan-bars-aria = Bar chart of your pain right before and right after { $count ->
    [one] 1 session
   *[other] your last { $count } sessions
}; the numbers are in the table below.
plan-bars-session = #{ $number }
plan-before = Right before
plan-after = Right after
plan-table-caption = Your pain scores (0 to 10), oldest first
plan-col-date = Date
plan-col-kind = What
plan-col-average = Average pain in the past week
plan-col-before = Pain right before
plan-col-after = Pain right after
plan-col-band = Meaningful improvement
plan-kind-baseline = Start (safety check)
plan-kind-session = Session
plan-kind-check-in = Check-in
plan-entries-heading = What you logged
plan-entries-none = Nothing logged yet.
plan-entry-warning = The safety questions at this entry found a warning sign.
plan-entry-carried = (not given: your last score is repeated)
plan-therapist-gone = A listing no longer in the directory
plan-end-heading = End this plan
plan-end-body = End the plan when you stop having massage, or to start a new plan from a newer check. What you logged is kept.
plan-end-button = End this plan
plan-back = Back to My back

## Logging a session or a check-in

log-title = Log a session or check-in
log-heading = Log a session or check-in
log-lead = First, the safety questions again: some back problems need a doctor, and they can start at any time. Then what happened.
log-rescreen-heading = Safety questions
log-rescreen-lead = Answer each question about how you are now. These are the questions that look for warning signs.
log-changed-heading = Since your last check
log-changed = Has anything changed in your health or medicines since your last check (new diagnosis, new medicine such as a blood thinner, pregnancy, surgery, a fall)?
log-changed-hint = If yes, we will ask you to take the whole check again before you log.
log-entry-heading = What to log
log-kind = What are you logging?
log-kind-session = A massage session
log-kind-check-in = A check-in without a session
log-date = Date
log-date-hint = The day of the session or check-in (not before { $date }, not in the future), written as YYYY-MM-DD.
log-pain-average = Your average pain in the past week, from 0 (no pain) to 10 (worst imaginable)
log-pain-average-hint = This number decides whether massage is helping.
log-session-heading = About the session
log-session-hint = For a massage session only; leave these empty for a check-in.
log-therapist = Therapist
log-therapist-hint = Choose your therapist from the directory, or write their name.
log-therapist-none = No therapist from the directory
log-near = Find your therapist in the directory: ZIP code near them
log-near-hint = Five digits, for example 98101. Then choose "Search the directory" and pick them above.
log-near-button = Search the directory
log-near-found = Therapists near that ZIP code are listed below: choose yours.
log-near-missing = Enter a ZIP code to search near.
log-near-invalid = Enter a five-digit ZIP code, for example 98101.
log-near-unknown = We do not know this ZIP code. Check it, or write the therapist's name instead.
log-therapist-name = Or write the therapist's name
log-style = Style of massage
log-style-swedish = Swedish (relaxation)
log-style-deep-tissue = Deep tissue
log-style-prenatal = Prenatal (pregnancy)
log-style-other = Another style
log-pressure = Pressure
log-pressure-light = Light
log-pressure-medium = Medium
log-pressure-firm = Firm
log-pain-before = Pain right before the session (0 to 10)
log-pain-after = Pain right after the session (0 to 10)
log-notes = Notes
log-notes-hint = For you: what helped, what did not. At most 2,000 characters.
log-save = Save
log-cancel = Cancel
log-private = Your answers, pain scores and notes are stored encrypted and only you can see them.
log-error-changed = Choose yes or no.
log-error-kind = Choose a massage session or a check-in.
log-error-date-missing = Enter the date, for example 2026-12-03.
log-error-date-format = Enter a real date written as YYYY-MM-DD, for example 2026-12-03.
log-error-date-before = The date cannot be before { $date }, the day of the check that started this plan.
log-error-date-future = The date cannot be in the future.
log-error-score = Enter a whole number from 0 to 10.
log-error-score-missing = Enter your average pain in the past week, a whole number from 0 to 10.
log-error-session-only = Only for a massage session: empty this field, or choose "A massage session".
log-error-therapist-gone = This listing is no longer in the directory. Choose another, or write the name.
log-error-too-long = Write at most { $max } characters.

## Sharing with a therapist

share-title = Share with your massage therapist
share-heading = Share with your massage therapist
share-which = From your check of { $date }.
share-lead = Choose what your therapist should know. Then print it on one page, or create a link they can open without an account.
share-not-advisable = Your check says massage is not advisable now, so there is no summary to share with a massage therapist. Show your result to a clinician first.
share-sections-legend = What to share
share-sections-hint = The precautions come first on what your therapist sees.
share-section-precautions = Precautions from my safety check
share-section-precautions-hint = what to avoid, how to adapt, when to stop
share-section-areas = Where my pain is
share-section-areas-hint = areas to take care with, pain now, how long
share-section-preferences = Pressure and style I prefer
share-section-preferences-hint = and where a precaution comes first
share-section-history = Health conditions and medicines that matter
share-section-history-hint = for example a blood thinner, osteoporosis, recent surgery
share-section-goals = My goals
share-section-goals-hint = and the styles my check suggested
share-print-heading = Print it
share-print-body = Opens the chosen sections on one page to print or save as a PDF.
share-print-button = Open the page to print
share-link-heading = Or create a link
share-link-body = Anyone with the link can open it until it expires or you revoke it; you see here when it was opened. Send it only to your therapist.
share-days-label = The link works for this many days
share-days-hint = From 1 to 30 days; 14 unless you change it.
share-link-button = Create a link
share-error-sections = Choose at least one section to share.
share-error-days = Enter a whole number of days from 1 to { $max }.
share-new-link-heading = Your new link
share-new-link-once = Copy it now and send it to your therapist: for your safety it is shown only this once.
share-links-heading = Links you created
share-links-none = No links yet.
share-link-created = Link created { $when }
share-link-sections = Shares: { $sections }
share-status-active = Works until { $when }.
share-status-expired = Expired { $when }.
share-status-revoked = Revoked: it no longer opens.
share-never-opened = Not opened yet.
share-opened-on = Opened on:
share-revoke = Revoke this link
share-revoked = The link was revoked: it no longer opens.

## The shared page (what the therapist sees)

shared-title = Intake summary for a massage therapist
shared-heading = Intake summary for my massage therapist
shared-lead = From my lumbar safety check of { $date }. I chose what to share here.
shared-not-advisable = The safety check says massage is not advisable for this person now. Do not give a massage until a clinician has seen them.
shared-card-heading = Precautions for the therapist
shared-card-not-shared = The person chose not to share the precautions from their safety check. Ask them about precautions before the session.
shared-card-none = The safety check found no precautions. Ask about pressure during the session.
shared-card-avoid = Avoid
shared-card-adapt = Adapt
shared-card-stop = Stop if
shared-back = Back to sharing
shared-private = This page is private to the person who shared it: it is not indexed, not kept by your browser, and stops working when it expires or is revoked.
plan-entries-cut = Showing the latest { $shown } of { $total } entries.
plan-entries-show-all = Show all entries
plan-bars-latest = The bars show your latest { $count } sessions.
