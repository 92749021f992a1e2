//! Accounts: users and roles, sessions (expiry, sign out everywhere), failed sign-ins
//! counted in the database, single-use reset tokens, API tokens, the mail outbox, and
//! deleting an account with everything it owns.

use lumbar_store::Role;
use lumbar_store::prelude::*;
use lumbar_testkit::store_test;
use serde_json::json;

const NOW: &str = "2026-11-28T12:00:00Z";

store_test!(accounts_are_unique_by_email_and_never_return_the_hash_as_a_field, |store| {
    let id = store.create_user("ana@example.org", "$argon2id$hash", Role::Person, NOW).await.unwrap().unwrap();
    assert_eq!(store.create_user("ana@example.org", "$other", Role::Person, NOW).await.unwrap(), None);
    let (user, hash) = store.user_by_email("ana@example.org").await.unwrap().unwrap();
    assert_eq!(user.id, id);
    assert_eq!(user.role, Role::Person);
    assert_eq!(user.privacy_version, None);
    assert_eq!(hash, "$argon2id$hash");
    assert!(store.user_by_email("bo@example.org").await.unwrap().is_none());

    assert!(store.set_role(id, Role::Operator).await.unwrap());
    assert!(!store.set_role(id + 99, Role::Operator).await.unwrap());
    assert!(store.set_password(id, "$new").await.unwrap());
    store.agree_privacy(id, "2026-11").await.unwrap();
    store.agree_privacy(id, "2027-01").await.unwrap();
    let user = store.user(id).await.unwrap().unwrap();
    assert_eq!((user.role, user.privacy_version.as_deref()), (Role::Operator, Some("2026-11")), "first agreement kept");
    assert_eq!(store.user_by_email("ana@example.org").await.unwrap().unwrap().1, "$new");
    let b = store.create_user("bo@example.org", "$h", Role::Therapist, NOW).await.unwrap().unwrap();
    let all: Vec<_> = store.users().await.unwrap().into_iter().map(|u| u.id).collect();
    assert_eq!(all, vec![id, b]);
});

store_test!(sessions_expire_and_end_one_or_all, |store| {
    let id = store.create_user("ana@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    store.create_session("s1", id, 1_000, 2_000).await.unwrap();
    store.create_session("s2", id, 1_000, 2_000).await.unwrap();
    assert_eq!(store.session_user("s1", 1_999).await.unwrap().map(|u| u.id), Some(id));
    assert_eq!(store.session_user("s1", 2_000).await.unwrap(), None, "expired at its second");
    assert_eq!(store.session_user("nope", 1_500).await.unwrap(), None);
    store.delete_session("s1").await.unwrap();
    assert_eq!(store.session_user("s1", 1_500).await.unwrap(), None);
    assert_eq!(store.session_user("s2", 1_500).await.unwrap().map(|u| u.id), Some(id));
    store.create_session("s3", id, 1_000, 2_000).await.unwrap();
    assert_eq!(store.delete_sessions(id).await.unwrap(), 2);
    assert_eq!(store.session_user("s3", 1_500).await.unwrap(), None);
});

store_test!(failed_sign_ins_count_up_and_clear, |store| {
    assert_eq!(store.sign_in_failures("k").await.unwrap(), (0, 0));
    assert_eq!(store.record_sign_in_failure("k", 100).await.unwrap(), 1);
    assert_eq!(store.record_sign_in_failure("k", 105).await.unwrap(), 2);
    assert_eq!(store.sign_in_failures("k").await.unwrap(), (2, 105));
    assert_eq!(store.sign_in_failures("other").await.unwrap(), (0, 0));
    store.clear_sign_in_failures("k").await.unwrap();
    assert_eq!(store.sign_in_failures("k").await.unwrap(), (0, 0));
});

store_test!(a_reset_token_works_once_and_not_after_expiry, |store| {
    let id = store.create_user("ana@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    store.create_reset("r1", id, 2_000).await.unwrap();
    store.create_reset("r2", id, 2_000).await.unwrap();
    assert_eq!(store.reset_user("r1", 1_000).await.unwrap(), Some(id), "a valid link, not used up by looking");
    assert_eq!(store.reset_user("r1", 1_000).await.unwrap(), Some(id));
    assert_eq!(store.reset_user("r2", 2_000).await.unwrap(), None, "expired");
    assert_eq!(store.take_reset("r1", 1_000).await.unwrap(), Some(id));
    assert_eq!(store.reset_user("r1", 1_000).await.unwrap(), None, "used");
    assert_eq!(store.take_reset("r1", 1_000).await.unwrap(), None, "single use");
    assert_eq!(store.take_reset("r2", 2_000).await.unwrap(), None, "expired");
    assert_eq!(store.take_reset("unknown", 1_000).await.unwrap(), None);
});

store_test!(api_tokens_belong_to_their_owner, |store| {
    let ana = store.create_user("ana@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    let bo = store.create_user("bo@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    let t = store.create_api_token(ana, "laptop", "th1", NOW).await.unwrap();
    assert_eq!(store.api_token_user("th1", "2026-11-29T00:00:00Z").await.unwrap().map(|u| u.id), Some(ana));
    let listed = store.api_tokens(ana).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].name.as_str(), listed[0].last_used_at.as_deref()), ("laptop", Some("2026-11-29T00:00:00Z")));
    assert!(store.api_tokens(bo).await.unwrap().is_empty());
    assert!(!store.revoke_api_token(bo, t).await.unwrap(), "not bo's token");
    assert!(store.revoke_api_token(ana, t).await.unwrap());
    assert_eq!(store.api_token_user("th1", NOW).await.unwrap(), None);
});

store_test!(the_outbox_keeps_mail_newest_first, |store| {
    store.queue_mail("a@example.org", "one", "body 1", NOW).await.unwrap();
    store.queue_mail("b@example.org", "two", "body 2", NOW).await.unwrap();
    let mail = store.outbox(10).await.unwrap();
    assert_eq!(mail.iter().map(|m| m.subject.as_str()).collect::<Vec<_>>(), vec!["two", "one"]);
    assert_eq!(mail[1].to, "a@example.org");
    assert_eq!(store.outbox(1).await.unwrap().len(), 1);
});

store_test!(deleting_an_account_deletes_everything_it_owns_and_nothing_else, |store| {
    let ana = store.create_user("ana@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    let bo = store.create_user("bo@example.org", "$h", Role::Person, NOW).await.unwrap().unwrap();
    for user in [ana, bo] {
        let check = store.save_check(user, NOW, &json!({"answers": {"age": 40}})).await.unwrap();
        let plan = store.start_plan(user, check, NOW, &json!({"baseline": 6})).await.unwrap().unwrap();
        store.add_entry(user, plan, NOW, &json!({"pain_average_week": 5})).await.unwrap().unwrap();
        store.create_share(user, check, &format!("share{user}"), NOW, 9_999_999_999, &json!({})).await.unwrap();
        store.create_session(&format!("sess{user}"), user, 0, 9_999_999_999).await.unwrap();
        store.create_api_token(user, "t", &format!("tok{user}"), NOW).await.unwrap();
    }
    store.queue_mail("ana@example.org", "reset", "a link", NOW).await.unwrap();
    store.queue_mail("bo@example.org", "reset", "a link", NOW).await.unwrap();
    assert!(store.delete_user(ana).await.unwrap());
    assert!(!store.delete_user(ana).await.unwrap());
    let left: Vec<String> = store.outbox(10).await.unwrap().into_iter().map(|m| m.to).collect();
    assert_eq!(left, vec!["bo@example.org".to_owned()], "ana's queued mail goes with her account");
    assert!(store.user(ana).await.unwrap().is_none());
    assert!(store.checks(ana).await.unwrap().is_empty());
    assert!(store.plans(ana).await.unwrap().is_empty());
    assert!(store.shares(ana).await.unwrap().is_empty());
    assert_eq!(store.open_share(&format!("share{ana}"), 0, NOW).await.unwrap(), None);
    assert_eq!(store.session_user(&format!("sess{ana}"), 1).await.unwrap(), None);
    assert_eq!(store.api_token_user(&format!("tok{ana}"), NOW).await.unwrap(), None);
    // bo is untouched
    assert_eq!(store.checks(bo).await.unwrap().len(), 1);
    let plan = store.plans(bo).await.unwrap()[0].id;
    assert_eq!(store.entries(bo, plan).await.unwrap().len(), 1);
    assert_eq!(store.session_user(&format!("sess{bo}"), 1).await.unwrap().map(|u| u.id), Some(bo));
});
