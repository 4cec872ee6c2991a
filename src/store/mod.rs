//! Persistence: the runner's data in localStorage, versioned, never silently lost.
//! `codec` is pure (envelopes, decoding verdicts); `local` is the browser's storage;
//! `app_store` is the reactive store the pages use.

pub mod app_store;
pub mod codec;
pub mod local;

pub use app_store::{AppStore, StoreHealth};
