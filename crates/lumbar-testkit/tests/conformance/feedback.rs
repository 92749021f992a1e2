//! Feedback: "Was this helpful?" notes, listed newest first and moderated.

use lumbar_store::prelude::*;
use lumbar_testkit::store_test;

store_test!(feedback_is_stored_listed_and_moderated, |store| {
    let a = store.add_feedback("result", true, "clear and kind").await.unwrap();
    let b = store.add_feedback("evidence", false, "").await.unwrap();
    let all = store.feedback(None, 10).await.unwrap();
    assert_eq!(all.iter().map(|f| f.id).collect::<Vec<_>>(), vec![b, a], "newest first");
    assert_eq!(all[1].comment, "clear and kind");
    assert!(all[1].helpful && !all[0].helpful);
    assert!(store.moderate_feedback(a, lumbar_store::Moderation::Hidden).await.unwrap());
    assert!(!store.moderate_feedback(a + 99, lumbar_store::Moderation::Hidden).await.unwrap());
    let pending = store.feedback(Some(lumbar_store::Moderation::Pending), 10).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].id, b);
    assert_eq!(store.feedback(None, 1).await.unwrap().len(), 1);
});
