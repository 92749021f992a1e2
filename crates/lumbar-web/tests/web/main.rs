//! Integration tests of lumbar-web: the whole app driven in-process.

mod about_states;
mod accounts;
mod api;
mod authz;
mod check;
mod clinician;
mod feedback;
mod fhir;
mod find;
mod health;
mod intake;
mod journal;
mod logs;
mod operator;
mod pages;
mod reviews;
mod security;
mod serve;
mod spanish;
mod support;
mod therapists;
