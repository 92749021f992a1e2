//! Both backends keep migration folders with the same numbers and names.

fn names(dir: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir).join("migrations");
    let mut v: Vec<String> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn sqlite_and_postgres_migrations_match() {
    let sqlite = names("lumbar-store-sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("lumbar-store-postgres"));
}
