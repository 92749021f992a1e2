//! The store conformance suite: every test is written once with `store_test!` and runs on
//! SQLite and on PostgreSQL.

mod directory;
mod migrations;
mod profiles;
