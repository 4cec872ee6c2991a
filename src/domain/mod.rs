//! The functional core: plain Rust over plain data, no browser and no UI.
//! Every rule a runner relies on lives here and is tested natively.

pub mod units;
