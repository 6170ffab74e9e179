//! The integration tests, one binary: each file of `tests/` is a module here,
//! so `cargo test` links once. Run one file with `cargo test --release --test all NAME::`.

mod common;

mod actors;
mod browser;
mod cli;
mod clients;
mod constructions;
mod determinism;
mod events;
mod filters;
mod frames;
mod golden;
mod input;
mod jsonl;
mod linear;
mod mentions;
mod parallel;
mod properties;
mod publish;
mod query;
mod report;
mod robustness;
mod rules;
mod spill;
mod split;
mod tagger;
