# The safety check: steps, stop page, result page (English).

check-progress = Step { $current } of { $total }
check-all-required = Every question needs an answer unless it says "optional".
check-optional = (optional)
check-continue = Continue
check-back = Back
check-see-result = See my result
check-new-question = New question:
check-added = Thanks. Based on your answer, we have added a question below.
check-review = We cleared the answers that led to the emergency page. Answer those questions again below; your other answers are kept.
check-emergency-hint = If you are very unwell right now, do not fill this in: call 911 (or your local emergency number).
check-private = Your answers are kept only in this browser, sealed so that nobody can read them, for 3 hours after your last step (or until you choose "Forget my answers"). They are not stored on our server.
check-duration-value = { $weeks } weeks
check-error-title-prefix = Error:
check-error-summary = There is a problem
check-error-prefix = Error:
check-error-choose = Choose one answer.
check-error-scale = Choose a number from 0 to 10.
check-error-number = Enter a whole number from { $min } to { $max }.
check-error-number-missing = Enter your answer as a whole number from { $min } to { $max }.
check-error-duration-missing = Type how long, for example "3 days", "2 weeks" or "6 months".
check-error-duration-number = Start with a number, for example "3 days", "2 weeks" or "6 months".
check-error-duration-unit = After the number, write days, weeks, months or years.
check-error-duration-range = Enter a time between 0 days and 100 years.

## Stop page

stop-title = Get emergency help now
stop-heading = Stop: get emergency help now
stop-call = Call 911 (or your local emergency number) now, or go to an emergency department.
stop-no-drive = Do not drive yourself. Ask someone to take you, or wait for the ambulance.
stop-no-massage = Do not have a massage.
stop-outside-us = Outside the US, call your local emergency number (for example 112 in Europe or 999 in the UK).
stop-why-heading = Why we say this
stop-nothing-more = You do not need to answer any more questions.
stop-call-button = Call 911
stop-mistake-heading = Did you choose an answer by mistake?
stop-mistake-body = If you do not have these signs and chose an answer by mistake, go back and answer the question again. Your other answers are kept. If you are not sure, call 911.
stop-mistake-button = I answered this by mistake
finding-action-label = What to do:

## Result page

result-title = Your result
result-heading = Your result
result-level-label = Result:
result-findings-heading = What we found
result-no-findings = Nothing in your answers suggests that massage is unsafe for you right now.
result-precautions-heading = Precautions for your massage
result-precautions-intro = Show these to your massage therapist before you start.
result-for-therapist = For your therapist:
result-styles-heading = Suggested style of massage
result-notes-heading = Good to know
result-figures-heading = Your pain in numbers
result-pain-now = Pain right now
result-pain-now-value = { $now } out of 10 ({ $severity })
result-peg = PEG score (past week)
result-peg-value = { $peg } out of 10: the average of your pain and how much it got in the way of enjoying life and daily activity.
result-duration = How long this episode has lasted
result-can-heading = What massage can and cannot do for you
result-more-evidence = More about the evidence
result-safety-heading = When to stop and get help
result-next-heading = Next step
result-next-find = Look for a licensed massage therapist, show them the precautions above, and keep active: massage works best alongside exercise. If your pain has not improved by about 2 points out of 10 after 4 to 6 sessions, see a clinician.
result-find-therapist = Find a therapist for me
result-prepare-visit = Prepare for your visit
result-find-private = Your answers go with you to these pages sealed in this browser, never in a web address, and are not stored on our server.
result-see-clinician = See a clinician first
result-next-emergency = Call 911 (or your local emergency number) now. Do not drive yourself.
result-next-urgent-medical = Get medical advice today: call your doctor's office, an urgent care clinic or a nurse line, and tell them what you told us. Do not book a massage until a clinician has checked you. If things get worse quickly, call 911.
result-next-see-provider-first = Book an appointment with your doctor, physical therapist or another clinician, and show them this page. Once they have checked you, massage may help as part of their plan.
result-print-hint = To keep this result, print it or save it as a PDF with your browser's print command.
result-change-answers = Change my answers
result-ruleset = Rule set { $version }.

verdict-emergency-heading = Call 911 now
verdict-emergency-action = Some of your answers can be signs of an emergency. Call 911 (or your local emergency number) or go to an emergency department now. Do not have a massage.
verdict-urgent-medical-heading = See a doctor today, not a massage therapist
verdict-urgent-medical-action = Some of your answers need a doctor to check you today. Do not book a massage yet.
verdict-see-provider-first-heading = See a clinician before you have a massage
verdict-see-provider-first-action = Some of your answers need a clinician's check first. Massage may still help later, once they have seen you.
verdict-massage-with-precautions-heading = Massage can be safe for you, with precautions
verdict-massage-with-precautions-action = Massage is a reasonable option now if your therapist follows the precautions below.
verdict-massage-suitable-heading = Massage is a reasonable option for you
verdict-massage-suitable-action = Nothing in your answers suggests massage is unsafe for you right now.

level-emergency = Emergency
level-urgent-medical = Urgent: see a doctor today
level-see-provider-first = See a clinician first
level-massage-with-precautions = Massage with precautions
level-massage-suitable = Massage suitable
level-note = Good to know

style-prenatal = Prenatal (pregnancy) massage
style-swedish = Swedish (relaxation) massage
style-deep-tissue = Deep tissue massage

severity-mild = mild
severity-moderate = moderate
severity-severe = severe

duration-acute = Acute: less than 4 weeks
duration-subacute = Subacute: 4 to 12 weeks
duration-chronic = Chronic: more than 12 weeks

## Feedback form (on the result page)

feedback-heading = Was this helpful?
feedback-question = Was this page helpful?
feedback-comment = Anything you would like to tell us?
feedback-comment-hint = Please do not include your name or details about your health.
feedback-send = Send feedback
check-expired = Your earlier answers could not be used: they are kept for 3 hours at most, and only in the browser you started in. Please start again.
check-checklist-legend = Do any of these apply to you?
check-checklist-hint = Read each one. If none of them applies, choose "None of these" below; otherwise answer each one.
check-none-button = None of these apply to me — continue
check-none-checkbox = None of these apply to me
check-error-none-conflict = You chose "None of these", but answered this one. Change this answer, or untick "None of these" and answer each question.
check-forget = Forget my answers
result-draft-kept = Your answers stay sealed in this browser for 3 hours after your last step, so Back and Reload work; "Forget my answers" deletes them now.
