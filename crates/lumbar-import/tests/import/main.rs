//! Integration tests of lumbar-import: one binary, a module per reader. Every test writes
//! small files into its own temporary folder.

mod common;
mod nppes;
mod roster;
mod status_table;
mod synth;
mod zcta;
