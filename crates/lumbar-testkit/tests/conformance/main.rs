//! The store conformance suite: every test is written once with `store_test!` and runs on
//! SQLite and on PostgreSQL; one module per area of the Store (accounts, directory and
//! profiles, feedback, journal, reviews), plus migrations and encryption at rest.

mod accounts;
mod at_rest;
mod audit;
mod directory;
mod feedback;
mod journal;
mod migrations;
mod profiles;
mod reviews;
