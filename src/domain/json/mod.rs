//! JSON text for stored data, backups and the import worker's messages, written and read
//! without serde_json, whose machinery was about a tenth of the page's wasm (issue 19).
//!
//! This is only the part Patella uses: serde's data model to and from compact JSON, in the
//! text serde_json writes (the tests hold the two to each other; the one difference is the
//! last digit of a float exactly halfway between two shortest forms, which core rounds up
//! and serde_json to even, both reading back as the same float), the
//! raw text of an array's items or an object's fields so the store can salvage a damaged
//! value record by record, and a small [`Value`] tree for schema migrations.
//!
//! Numbers: a float is written with core's shortest round-trip digits (laid out as
//! serde_json lays them out) and read with core's correctly rounded parser, so any
//! finite f64 reads back bit-identical; infinities and NaN are written as `null`, as
//! serde_json writes them. Malformed text is an error, never a panic, and containers nested
//! [`MAX_DEPTH`] deep are refused before the stack could be.

mod error;
mod raw;
mod read;
mod value;
mod write;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use error::Error;
pub use raw::{array_items, object_fields};
pub use read::from_str;
pub use value::{Number, Value};
pub use write::to_string;

/// Arrays and objects nested this deep are refused, as serde_json refuses them: a stored
/// value is a few levels deep, and a hostile one must not exhaust the wasm stack.
pub const MAX_DEPTH: usize = 128;
