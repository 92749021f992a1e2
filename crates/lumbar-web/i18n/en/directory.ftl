# The therapist finder, the profile pages and license words (English).

## Finder

find-title = Find a massage therapist
find-title-results = Massage therapists near { $zip }
find-heading = Find a licensed massage therapist
find-lead = Search near a ZIP code. By default we only list therapists whose license we have checked against the state's official records and found active.
find-check-first = Not sure massage is safe for you right now? Take the 3-minute safety check first: it can also tailor this list to you.
find-check-first-link = Start the safety check
find-applied-heading = Your safety check is applied to this list
find-applied-styles = Suggested styles first: { $styles }.
find-applied-prenatal = Only therapists who offer prenatal (pregnancy) massage are shown.
find-applied-deep-tissue = Therapists who only offer deep tissue work are listed after gentler options, or left out.
find-applied-verified = Only therapists with a verified, active license are shown unless you ask for others.
find-applied-precautions = Show your therapist these precautions before you start:
find-clinician = Your safety check says massage is not advisable for you right now, so we do not show a list of massage therapists.
find-unavailable-heading = The therapist directory is not available on this server
find-unavailable-body = This lumbar server runs without a database, so it cannot search for therapists or show their profiles. The safety check works without it. If you run this server, start it with a database (for example `lumbar serve --db sqlite:lumbar.db --demo`).
find-unavailable-check = Take the safety check instead
find-zip = ZIP code
find-zip-hint = Five digits, for example 98101.
find-radius = Distance
find-radius-option = Within { $miles } miles
find-filters = Narrow the list
find-style = Style of massage
find-any-style = Any style
find-language = Language the therapist speaks
find-any-language = Any language
find-gender = Therapist's gender
find-any-gender = No preference
find-max-price = Highest price for 60 minutes, in dollars
find-max-price-hint = Whole dollars, for example 100. Therapists who do not list a price are still shown, marked "price not listed".
find-insurance = Insurance accepted
find-any-insurance = Any (or paying myself)
find-kind = Kind of place
find-any-kind = Any kind of place
find-unverified = Also show therapists whose license is not verified
find-unverified-hint = They are listed after every verified therapist, each with what we found about their license.
find-search = Search
find-results-heading = Results
find-summary = { $count ->
    [one] 1 therapist or place
   *[other] { $count } therapists and places
} within { $miles } miles of { $zip }, best match first.
find-distance = { $miles } miles away
find-distance-near = Less than 0.1 miles away
find-badge-verified = License verified
find-badge-unverified = License not verified
find-styles-label = Styles:
find-why-label = Why this match:
find-unknown-zip = We do not know where ZIP code { $zip } is.
find-unknown-zip-hint = Check the five digits. If they are right, it may be a ZIP code used only for PO boxes, which has no place on the map: try the ZIP code of a nearby street address.
find-empty = No therapist with a verified license within { $miles } miles of { $zip } matches your search.
find-empty-any = No therapist within { $miles } miles of { $zip } matches your search.
find-empty-larger-link = Search within { $miles } miles instead
find-empty-larger = Try a larger distance.
find-empty-fewer-filters = Try fewer filters.
find-empty-unverified = Tick "Also show therapists whose license is not verified" to see therapists whose license we could not confirm.
find-disclaimer = lumbar checks licenses against official state records and says where each fact comes from. Everything marked "self-reported" is what the therapist tells us. Before you book, tell the therapist about your back and your health.
find-error-zip-missing = Enter a ZIP code.
find-error-zip-invalid = Enter a ZIP code of five digits, for example 98101.
find-error-radius = Choose a distance from the list.
find-error-choice = Choose one of the options in the list.
find-error-price-invalid = Enter the price as a whole number of dollars, for example 100.
find-error-price-range = Enter a price of at most { $max } dollars.

## Words for directory values

mstyle-deep-tissue = Deep tissue
mstyle-swedish = Swedish
mstyle-prenatal = Prenatal (pregnancy)
mstyle-oncology = Oncology
mstyle-medical = Medical
mstyle-myofascial = Myofascial release
mstyle-trigger-point = Trigger point
mstyle-sports = Sports
mstyle-lymphatic = Lymphatic drainage
mstyle-other = Other
kind-independent = Independent therapist
kind-clinic = Clinic
kind-spa = Spa
kind-school-clinic = Massage school student clinic (supervised students)
gender-female = Female
gender-male = Male
gender-nonbinary = Nonbinary
language-en = English
language-es = Spanish
language-zh = Chinese
language-vi = Vietnamese
language-tl = Tagalog
language-ko = Korean
language-ru = Russian
language-ar = Arabic
language-fr = French
language-ht = Haitian Creole
language-pt = Portuguese
language-pl = Polish
language-hi = Hindi

## License words

license-status-verified-active = Verified active
license-status-expired = Expired
license-status-inactive = Inactive
license-status-disciplined = Board action on record
license-status-suspended-or-revoked = Suspended or revoked
license-status-not-found = Not found in the state's records
license-status-no-roster = Not checked yet (we do not have this state's records)
license-status-unregulated-state = This state does not license massage therapists
license-status-voluntary-certification = Voluntary certification only; not checked
license-status-unchecked = Not checked yet
license-in-state = { $status } ({ $state })
license-none = No license on file in { $state }
license-evidence = Source: { $source }. Checked on { $date }.
license-evidence-source = Source: { $source }.
license-evidence-none = Not checked against official records yet.

## Profile

profile-unavailable-heading = The therapist directory is not available
profile-unverified-heading = License not verified.
profile-unverified-note = We could not confirm an active massage therapy license for this listing in { $state }. What we found: { $status }. Check with the state licensing board before you book.
profile-inactive = This listing is marked deactivated in the national NPPES registry.
profile-entity-individual = Individual therapist
profile-entity-organization = Organization
profile-credentials-heading = Credentials and how we checked them
profile-credentials-intro = Licenses are checked against the official records of the state that issued them. A license shows as verified only when those records say it is active.
profile-no-licenses = No license is on file.
profile-license-state = State
profile-license-number = License number
profile-license-status = Status
profile-license-source = Source
profile-license-checked = Checked on
profile-license-expires = Expires
profile-not-checked = Not checked yet
profile-no-expiry = Not known
profile-npi = National Provider Identifier (NPI): { $npi }, from the NPPES registry.
profile-about-heading = About this therapist
profile-provenance-intro = "Verified" means lumbar checked it against a document or an official source. "Self-reported" means the therapist told us and we have not checked it.
profile-verified = Verified
profile-self-reported = Self-reported
profile-no-profile = This therapist has not added a profile yet. Only the official registry data is shown.
profile-kind = Kind of place
profile-training = Training
profile-training-hours = { $hours } hours
profile-certifications = certifications: { $list }
profile-back-pain-years = Experience with back pain
profile-years = { $years ->
    [one] 1 year
   *[other] { $years } years
}
profile-back-pain-share = Clients with back pain
profile-share = About { $pct }% of clients
profile-styles = Styles offered
profile-languages = Languages
profile-gender = Gender
profile-price = Price for 60 minutes
profile-price-range = ${ $min } to ${ $max }
profile-price-from = From ${ $min }
profile-price-up-to = Up to ${ $max }
profile-insurance = Insurance accepted
profile-insurance-none = Does not list any insurance
profile-book-heading = How to book
profile-booking = Book online
profile-phone = Phone
profile-hours = Hours
profile-recommendations-heading = Recommendations
profile-endorsements = { $count ->
    [0] No clinician endorsements yet.
    [one] 1 clinician endorsement.
   *[other] { $count } clinician endorsements.
}
profile-rating-explained = The rating is the plain average of the stars clients gave. When we order search results, a rating from only a few reviews counts for less.
profile-disclaimer = lumbar does not recommend a particular therapist. Tell them about your back and your health before your first session.
profile-back-to-find = Search for other therapists

## Finder groups, license evidence and coverage (verification in every state)

find-group-verified = Verified licenses
find-group-verified-intro = Their license is active in the state's own license file, which lumbar imported and checked.
find-group-not-verified = Licenses lumbar could not check
find-group-not-verified-intro = These states license massage therapists, but lumbar does not have their license files yet. Check each license on the state board's website before you book.
find-group-unlicensed-state = In a state that does not license massage therapists
find-group-unlicensed-state-intro = Nobody checks massage therapists' training here. Ask about their training and certification.
find-group-problem = Licenses with a problem
find-group-problem-intro = Shown because you asked: the state's records show a problem with the license, or no license in the state where they work.
find-badge-stale = License verified, but the state's file is old
find-badge-not-verified = License not checked by lumbar
find-badge-unlicensed-state = State does not license massage therapists
find-lookup = Check it with the { $board }
license-evidence-roster = Checked on { $date } against the { $state } license file of { $roster }.
license-evidence-roster-stale = Checked on { $date } against the { $state } license file of { $roster }, which is old: check the license with the board before you book.
find-empty-uncovered = lumbar's directory has no listings within { $miles } miles of { $zip } yet.
find-coverage-licensed = { $state } licenses massage therapists ({ $titles }) through the { $board }.
find-coverage-unregulated = { $state } does not license massage therapists: ask a therapist about their training and certification.

## Ratings, payers, license sources and match reasons in words for people

rating-none = No reviews yet
rating-average = { $count ->
    [one] { $stars } out of 5 stars, from 1 review
   *[other] { $stars } out of 5 stars, the average of { $count } reviews
}
rating-endorsements = { $count ->
    [one] 1 clinician endorsement
   *[other] { $count } clinician endorsements
}
payer-workers-compensation = Workers' compensation
license-source-file = { $board }, license file of { $date }
license-source-state-file = The { $state } license file of { $date }
license-source-unregulated = Self-reported: { $state } does not license massage therapists
license-source-board = { $board } (lumbar does not have its license file yet)
license-source-unchecked = Not checked yet
find-why-takes = takes { $payer }
find-why-deep-tissue-only = offers only deep tissue work, which your safety check advises against, so it is listed after gentler options
find-why-deep-tissue-also = also does deep tissue work: tell them your safety check advises against it

## Result cards: how to book, languages, price, map; the Spanish default

find-card-languages = Languages
find-card-price = Price for 60 minutes
find-card-map = Open in maps
find-language-default = Showing therapists who speak Spanish, because this page is in Spanish.
find-language-default-clear = Show therapists who speak any language

## Match reasons in words for people

find-why-prenatal-pregnant = offers prenatal massage (needed in pregnancy)
find-why-prenatal-advised = offers prenatal massage (a prenatal-trained therapist is advised)
find-why-style-only = { $style }: the style recommended for you
find-why-style-first = { $style }: recommended first for you
find-why-style-also = { $style }: also recommended for you
find-why-style-asked = { $style }: as you asked
find-why-style-missing = does not list the style recommended for you: { $style }
find-why-experience-both = { $years ->
    [one] 1 year
   *[other] { $years } years
} helping people with back pain (about { $pct }% of clients)
find-why-experience-years = { $years ->
    [one] 1 year
   *[other] { $years } years
} helping people with back pain
find-why-experience-share = back pain is about { $pct }% of their clients
find-why-language = speaks { $language }
find-why-gender = therapist's gender: { $gender } (as you asked)
find-why-price-range = ${ $min }–${ $max } per session
find-why-price-from = from ${ $min } per session
find-why-price-up-to = up to ${ $max } per session
find-why-price-not-listed = price not listed
find-why-kind-independent = an independent therapist
find-why-kind-clinic = a clinic
find-why-kind-spa = a spa
find-why-kind-school-clinic = a massage school's student clinic (supervised students)

## Clinician summary ("See a clinician first" ends with help)

result-clinician-summary = Print a summary for your doctor or physical therapist
clinician-title = Summary for your doctor or physical therapist
clinician-heading = Summary for your doctor or physical therapist
clinician-lead = Take this page to your appointment. It says what lumbar's back pain safety check found and what to ask about massage. It is not a diagnosis.
clinician-level-see-provider-first = Result: see a clinician before massage
clinician-level-urgent-medical = Result: get medical advice today, before any massage
clinician-level-emergency = Result: emergency
clinician-level-massage-with-precautions = Result: massage with precautions
clinician-level-massage-suitable = Result: massage is suitable
clinician-found-heading = What the safety check found
clinician-found-intro = Each finding, with the answers that raised it:
clinician-scale = { $value } out of 10
clinician-ask-heading = What to ask about massage
clinician-ask-safe = Is massage safe for me now, or should I wait? For how long?
clinician-ask-avoid = Is there a kind of massage, a pressure or a part of my body the therapist should avoid?
clinician-ask-tell = What should the massage therapist know about my condition or my medicines?
clinician-ask-plan = Can massage be part of my treatment plan, alongside exercise?
clinician-ask-stop = Which signs should make me stop and call you?
clinician-later-heading = A massage therapist for later
clinician-later = Once a clinician has checked you and agrees, you can look for a licensed massage therapist. Take the safety check again then: it tailors the list to you.
clinician-find-link = Find a therapist for later
clinician-not-diagnosis = This summary comes from the answers you gave to a questionnaire. It is not a diagnosis; your clinician decides.
clinician-not-needed = Your safety check says massage is advisable now, so there is no summary for a clinician to print.
clinician-private = This page is made from the answers in your form. lumbar does not store it, and nothing of it goes in the page address.
