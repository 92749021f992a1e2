## Reviews of a listing by people who logged a session there

review-heading = Review { $name }
review-intro = Tell others how your sessions went. A moderator reads every review before it is shown on the profile; please leave out anything about your health you would not want public.
review-edit-note = You already reviewed this therapist: sending the form again replaces your review, which then waits for a moderator again.
review-overall = Overall, how would you rate your sessions?
review-stars = { $n ->
    [1] 1 star
   *[other] { $n } stars
}
review-helped-back = Did the sessions help your back?
review-listened = Did the therapist listen to your needs?
review-respected = Did the therapist respect your precautions?
review-text = Your words
review-text-hint = At most 2,000 characters. Do not include your name, phone number or health details.
review-send = Send my review
review-saved = Thank you. Your review will appear on the profile once a moderator has read it.
review-edit = Change my review
review-back-to-profile = Back to the therapist's profile
review-not-yet = You can review a therapist once you have logged a session with them in your massage plan, so every review comes from someone who went there.
review-go-my-back = Go to My back to log a session
review-error-overall = Choose a rating from 1 to 5 stars.
review-error-text = Your words are too long: keep them to { $max } characters or fewer.
profile-reviews-heading = What clients said
profile-review-write = Write a review
profile-review-helped = Helped their back: { $yes } of { $answered }
profile-review-listened = Listened to their needs: { $yes } of { $answered }
profile-review-respected = Respected their precautions: { $yes } of { $answered }
profile-review-date = Reviewed on { $date }
