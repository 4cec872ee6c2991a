//! The functional core: plain Rust over plain data, no browser and no UI.
//! Every rule a runner relies on lives here and is tested natively.

pub mod backup;
pub mod cadence;
pub mod calendar;
// build.rs reads CHANGELOG.md with it (included by path); the crate only tests it.
#[cfg(test)]
mod changelog;
pub mod chart;
pub mod clinician_summary;
pub mod commands;
pub mod content;
pub mod csv;
pub mod dataset;
pub mod dates;
pub mod decimals;
pub mod form;
#[cfg(test)]
mod generated_docs;
pub mod import;
pub mod interval_timer;
pub mod iso;
pub mod json;
pub mod knee_check_result;
pub mod load;
pub mod locale;
pub mod pain;
pub mod protocol;
pub mod records;
pub mod recovery_plan;
pub mod release;
pub mod run_draft;
pub mod schema;
pub mod session_draft;
pub mod shoes;
pub mod situation;
pub mod sort;
pub mod strength_plan;
pub mod triage;
pub mod units;
pub mod words;

#[cfg(test)]
mod one_pain_rule_tests;
