//! Persistence: every `patella.*` byte goes through here, versioned and never silently lost.
//! `key_value` is the door to storage (a trait, failures, set-aside keys); `local` is the
//! browser's localStorage behind it; `codec` is pure (envelopes, decoding verdicts); `state`
//! is the logic (load, setting damaged data aside, commands with rollback) over any key-value store;
//! `scratch` keeps work in progress; `app_store` is the reactive store the pages use.

pub mod app_store;
pub mod codec;
pub mod error;
pub mod key_value;
pub mod local;
// The storage tests run natively; the browser has the real thing.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod memory;
// proptest is a native dev-dependency.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod model_test;
pub mod scratch;
pub mod state;

pub use app_store::{use_store, AppStore};
pub use error::StoreError;
pub use key_value::SET_ASIDE_PREFIX;
pub use scratch::Scratch;
pub use state::StoreHealth;

/// A debugging value kept by hand under `patella.debug.*` (e.g. the timer's speed in tests),
/// read as text; never written by the app.
pub fn debug_value(key: &str) -> Option<String> {
    use key_value::KeyValue;
    key.starts_with("patella.debug.")
        .then(|| local::BrowserStorage.read(key).ok().flatten())
        .flatten()
}
