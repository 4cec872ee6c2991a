//! The knee check: questions, the flow through them, the rules and the outcome.
//!
//! Pure Rust over plain data. The questions ([`questions`]) and rules ([`rules`]) are
//! tables; [`flow`] says what to ask next; [`engine::evaluate`] turns answers into an
//! [`engine::Outcome`] using the knowledge base in `domain::content`. Red flags are asked
//! first and always win.

pub mod answers;
pub mod engine;
pub mod flow;
pub mod from_log;
pub mod questions;
mod record;
pub mod rules;
pub mod sources;

// Native only: the property tests use proptest, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod case_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod decision_table;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use answers::Answers;
pub use engine::{evaluate, tier_name, Outcome};
pub use flow::{Draft, Position, Step};
