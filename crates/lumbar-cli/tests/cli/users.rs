//! `lumbar user add|list|delete|set-role` and `lumbar mail outbox`, on both backends: the
//! password comes from stdin (never an argument), emails are stored lower-case, errors say
//! what to do and never repeat a password.

use serde_json::Value;

use super::{json, lumbar};

/// Runs `lumbar --db DB args…` with `stdin`.
fn run(db: &str, args: &[&str], stdin: &str) -> std::process::Output {
    let mut full = vec!["--db", db, "--today", "2026-11-25"];
    full.extend_from_slice(args);
    lumbar(&full, stdin)
}

fn ok(db: &str, args: &[&str], stdin: &str) -> String {
    let out = run(db, args, stdin);
    assert!(
        out.status.success(),
        "lumbar {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Fails with exit code 1; returns stderr.
fn fails(db: &str, args: &[&str], stdin: &str) -> String {
    let out = run(db, args, stdin);
    assert_eq!(out.status.code(), Some(1), "lumbar {args:?}: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn users(db: &str) -> Vec<Value> {
    json(&run(db, &["user", "list", "--json"], "")).as_array().cloned().unwrap_or_default()
}

on_both_backends!(user_commands_manage_accounts, user_commands);

fn user_commands(db: &str) {
    assert!(ok(db, &["user", "list"], "").contains("no accounts yet"));
    let out = ok(db, &["user", "add", "Ana.Lopez@Example.org", "--password-stdin"], "sea otters hold hands\n");
    assert!(out.starts_with("created account #") && out.contains(": ana.lopez@example.org (person)"), "{out}");
    let out = ok(db, &["user", "add", "ops@clinic.example", "--role", "operator"], "a long operator secret\n");
    assert!(out.contains("ops@clinic.example (operator)"), "{out}");

    let list = users(db);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["email"], "ana.lopez@example.org");
    assert_eq!(list[0]["role"], "person");
    assert_eq!(list[0]["created_at"], "2026-11-25T12:00:00Z");
    assert_eq!(list[1]["role"], "operator");
    let raw = run(db, &["user", "list", "--json"], "");
    assert!(!String::from_utf8_lossy(&raw.stdout).contains("argon2"), "never a hash");
    let table = ok(db, &["user", "list"], "");
    assert!(table.contains("ana.lopez@example.org") && table.contains("operator"), "{table}");

    // Refusals name the problem and never echo the password.
    let err = fails(db, &["user", "add", "ana.lopez@example.org", "--password-stdin"], "another good password\n");
    assert!(err.contains("ana.lopez@example.org already has an account"), "{err}");
    let err = fails(db, &["user", "add", "ben@example.org", "--password-stdin"], "short\n");
    assert!(err.contains("the password is too short: use at least 10 characters"), "{err}");
    assert!(!err.contains("short\n") && !err.contains("`short`"), "{err}");
    // (the email is checked before the password is read: no stdin, no closed pipe)
    let err = fails(db, &["user", "add", "ben@example", "--password-stdin"], "");
    assert!(err.contains("is not an email address: write it as name@example.org"), "{err}");
    let err = fails(db, &["user", "add", "ben@example.org", "--password-stdin"], "");
    assert!(err.contains("no password on stdin"), "{err}");
    // A password is never an argument.
    let out = run(db, &["user", "add", "ben@example.org", "--password", "sea otters hold hands"], "");
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown flag");
    // (no stdin: clap exits before reading it, and a write would meet a closed pipe)
    let out = run(db, &["user", "add", "ben@example.org", "--role", "admin"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use person, therapist, clinician or operator"));

    // a role grant needs a reason, and nothing changes without one
    let err = fails(db, &["user", "set-role", "ANA.LOPEZ@example.org", "therapist"], "");
    assert!(err.contains("--reason is required to grant a role"), "{err}");
    assert_eq!(users(db)[0]["role"], "person");
    assert!(ok(db, &["audit", "list"], "").contains("no decisions recorded"));
    let out = ok(
        db,
        &["user", "set-role", "ANA.LOPEZ@example.org", "therapist", "--reason", "WA license MA60123456 seen"],
        "",
    );
    assert!(out.contains("ana.lopez@example.org is now therapist (was person)"), "{out}");
    assert_eq!(users(db)[0]["role"], "therapist");
    // the grant is in the audit log, by the command line, with its reason
    let out = ok(db, &["audit", "list", "--action", "role.", "--json"], "");
    let entries: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(entries.len(), 1, "{out}");
    assert_eq!(entries[0]["actor"], "cli");
    assert_eq!(entries[0]["action"], "role.grant");
    assert_eq!(entries[0]["reason"], "WA license MA60123456 seen");
    assert_eq!(entries[0]["target"], format!("user:{} person→therapist", users(db)[0]["id"]));
    assert!(ok(db, &["audit", "list", "--action", "review."], "").contains("no decisions recorded"));
    let table = ok(db, &["audit", "list"], "");
    assert!(table.contains("role.grant") && table.contains("WA license MA60123456 seen"), "{table}");
    let err = fails(db, &["user", "set-role", "nobody@example.org", "clinician", "--reason", "x"], "");
    assert!(err.contains("no account has the email nobody@example.org"), "{err}");

    let out = ok(db, &["user", "delete", "ana.lopez@example.org"], "");
    assert!(out.contains("deleted the account of ana.lopez@example.org and everything stored with it"), "{out}");
    let list = users(db);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["email"], "ops@clinic.example");
    let err = fails(db, &["user", "delete", "ana.lopez@example.org"], "");
    assert!(err.contains("no account has the email ana.lopez@example.org"), "{err}");
}

on_both_backends!(mail_outbox_shows_the_newest_mail_first, mail_outbox);

/// Puts two mails in the outbox of the database at `db` (on its own thread: the PostgreSQL
/// half of `on_both_backends!` runs inside a runtime already).
fn queue_two_mails(db: &str) {
    let db = db.to_owned();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        rt.block_on(async {
            use lumbar_store::AccountStore;
            let store = if db.starts_with("sqlite") {
                lumbar_store_sqlite::open(&db).await.expect("open")
            } else {
                lumbar_store_postgres::open(&db).await.expect("open")
            };
            store
                .queue_mail("ana@example.org", "First", "line one\nline two", "2026-11-25T10:00:00Z")
                .await
                .expect("queue");
            store.queue_mail("ben@example.org", "Second", "hello", "2026-11-25T11:00:00Z").await.expect("queue");
        });
    })
    .join()
    .expect("the thread finished");
}

fn mail_outbox(db: &str) {
    // The database is created (and migrated) by the first command.
    assert!(ok(db, &["mail", "outbox"], "").contains("the outbox is empty"));
    queue_two_mails(db);
    let out = ok(db, &["mail", "outbox"], "");
    let second = out.find("Subject: Second").expect("the second mail");
    let first = out.find("Subject: First").expect("the first mail");
    assert!(second < first, "newest first:\n{out}");
    assert!(out.contains("To: ana@example.org") && out.contains("line one\nline two"), "{out}");
    let one = json(&run(db, &["mail", "outbox", "--limit", "1", "--json"], ""));
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    assert_eq!(one[0]["to"], "ben@example.org");
    assert_eq!(one[0]["subject"], "Second");
    assert_eq!(one[0]["body"], "hello");
    assert_eq!(one[0]["created_at"], "2026-11-25T11:00:00Z");
}

#[test]
fn help_teaches_with_examples() {
    for (args, wanted) in [
        (&["user", "--help"][..], "lumbar user add ops@clinic.example --role operator"),
        (&["user", "add", "--help"][..], "--password-stdin"),
        (&["user", "list", "--help"][..], "lumbar user list --json"),
        (&["mail", "outbox", "--help"][..], "lumbar mail outbox --limit 1"),
        (&["serve", "--help"][..], "LUMBAR_SMTP_URL"),
        (&["audit", "list", "--help"][..], "lumbar audit list --action review."),
        (&["reports", "--help"][..], "lumbar reports hide-listing 5 --reason"),
        (&["reviews", "reject", "--help"][..], "lumbar reviews reject 13 --reason"),
        (&["user", "set-role", "--help"][..], "--reason \"new operator"),
        (&["serve", "--help"][..], "LUMBAR_PUBLIC_URL"),
    ] {
        let out = lumbar(args, "");
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(wanted), "`lumbar {}` lacks `{wanted}`:\n{text}", args.join(" "));
    }
}
