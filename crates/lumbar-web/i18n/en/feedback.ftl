# "Was this helpful?": the feedback pages (English). The form itself uses the feedback-*
# keys in check.ftl.

feedback-thanks-title = Thank you for your feedback
feedback-thanks-body = Your feedback helps us improve lumbar. We read every comment.
feedback-unavailable-title = Feedback is not available on this server
feedback-unavailable-body = This lumbar server runs without a database, so it cannot store feedback. Nothing was sent.
feedback-error-helpful = Choose yes or no.
feedback-error-too-long = Your comment is { $length } characters long. Please shorten it to { $max } characters or fewer.
feedback-back-home = Go to the home page
feedback-back-evidence = Back to the evidence
feedback-back-find = Back to finding a therapist
