# Accounts: sign up, sign in, the account page, password reset and its mail (English).

account-email = Email address
account-password = Password
account-wait-seconds = { $n ->
    [one] 1 second
   *[other] { $n } seconds
}
account-wait-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}

## Errors (each says what is wrong and how to fix it; none repeats a password)

account-error-email-missing = Enter your email address.
account-error-email-shape = Enter an email address in the form name@example.com.
account-error-email-too-long = This email address is longer than { $max } characters. Use a shorter address.
account-error-password-missing = Enter your password.
account-error-password-short = Your password is too short. Use at least { $min } characters.
account-error-password-long = Your password is too long. Use at most { $max } characters.
account-error-password-email = Your password cannot be your email address. Choose something else.
account-error-wrong = The email address or the password is not right. Check both and try again, or reset your password.
account-error-wait = There were too many wrong passwords for this email address. Wait { $wait } and try again, or reset your password.
account-error-current-missing = Enter your current password.
account-error-current-wrong = Your current password is not right. Check it and try again, or reset your password.
account-error-current-wait = There were too many wrong passwords for this account. Wait { $wait } and try again.
account-error-token-name-missing = Give the token a name, for example "my spreadsheet".
account-error-token-name-long = The name is longer than { $max } characters. Use a shorter name.

## Notices after an action

notice-signed-out = You are signed out.
notice-signup-exists = If this email address already has an account, sign in here. If you forgot its password, reset it.
notice-signed-out-everywhere = You are signed out on every device and browser. Sign in again to go on.
notice-password-changed = Your password is changed. You are signed out on your other devices and browsers.
notice-password-reset = Your password is changed and you are signed out everywhere. Sign in with your new password.
notice-token-created = Your new token is below. Copy it now: it is shown only this once.
notice-token-revoked = The token is revoked: it no longer works.
notice-account-deleted = Your account and everything saved with it are deleted, and you are signed out.

## Sign up

signup-title = Create an account
signup-lead = An account lets you keep your safety checks, plan massage sessions and see whether they help. The check itself stays anonymous: nothing is kept unless you choose to save it.
signup-email-hint = We use it only to sign you in, and to send you a link if you forget your password.
signup-password-hint = At least { $min } characters. A few words you will remember work well.
signup-submit = Create my account
signup-have-account = Already have an account?
signup-signin-link = Sign in

## Sign in

signin-title = Sign in
signin-submit = Sign in
signin-no-account = New to lumbar?
signin-signup-link = Create an account
signin-forgot = Forgot your password?

## The account page

account-title = Your account
account-signed-in-as = You are signed in as { $email }.
account-role = Account type: { $role }.
account-created = Account created on { $date }.
account-role-person = person
account-role-therapist = massage therapist
account-role-clinician = clinician
account-role-operator = operator
account-signout = Sign out
account-password-heading = Change your password
account-password-current = Current password
account-password-new = New password
account-password-submit = Change my password
account-sessions-heading = Sign out everywhere
account-sessions-body = Lost a phone, or signed in on a shared computer? This signs you out on every device and browser, this one included.
account-sessions-submit = Sign out everywhere
account-tokens-heading = Personal API tokens
account-tokens-lead = A token lets a program of yours read your data through the lumbar API: send it in the header "Authorization: Bearer" followed by the token, for example to download your data from /api/v1/me/export. Keep it secret, like a password, and revoke it when you no longer need it.
account-token-name = Name of the new token
account-token-name-hint = What it is for, so you recognise it later, for example "my spreadsheet".
account-token-create = Create a token
account-token-new-heading = Your new token: { $name }
account-token-new-body = Copy it now: it is shown only this once. lumbar keeps only a fingerprint of it, so it cannot show it again.
account-tokens-none = You have no tokens.
account-tokens-caption = Your tokens
account-token-col-name = Name
account-token-col-created = Created
account-token-col-used = Last used
account-token-col-action = Action
account-token-never = Never
account-token-revoke = Revoke
account-token-revoke-label = Revoke the token { $name }
account-export-heading = Download your data
account-export-body = One file (JSON) with everything lumbar stores about you: your account (never your password), your saved checks, plans and the sessions logged in them, your share links and when they were opened, your reviews, and the names of your API tokens.
account-export-link = Download my data
account-delete-heading = Delete your account
account-delete-body = This deletes your account and everything saved with it at once: saved checks, plans, logged sessions, share links and reviews. It cannot be undone. Download your data first if you want to keep a copy.
account-delete-password = Your password, to confirm
account-delete-submit = Delete my account and my data

## Password reset

reset-request-title = Reset your password
reset-request-lead = Enter the email address of your account. We will send a link to choose a new password there. The link works once, within 1 hour.
reset-request-submit = Send me the link
reset-sent-title = Check your email
reset-sent-body = If an account uses this email address, we have sent it a link to choose a new password. The link works once, within 1 hour.
reset-sent-help = No email after a few minutes? Look in your spam folder, or ask for a new link.
reset-sent-again = Ask for a new link
reset-title = Choose a new password
reset-lead = Choose the new password of your account. You will be signed out everywhere, then you can sign in with it.
reset-submit = Save my new password
reset-gone-title = This link no longer works
reset-gone-body = A password reset link works once, within 1 hour of being sent. This one has been used, has expired, or is not complete.
reset-gone-link = Ask for a new link
reset-mail-subject = Reset your lumbar password
reset-mail-body =
    Someone, hopefully you, asked to reset the password of the lumbar account with this email address.

    To choose a new password, open this link within 1 hour. It works once:
    { $link }

    If you did not ask for this, ignore this email: your password stays as it is.

    lumbar
