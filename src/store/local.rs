//! The browser's localStorage, with every failure as a value instead of a thrown exception.
//!
//! Storage can be missing (blocked by site settings), full (quota), or refuse writes
//! (some private modes). Each of those becomes a [`StorageFailure`] the runner can read.
//! gloo-storage is not used because its accessor throws when storage is blocked.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

/// Every key the app writes starts with this.
pub const KEY_PREFIX: &str = "patella.";
/// Damaged values are copied here, under `<prefix><what>.<epoch ms>` (see [`set_aside`]).
pub const QUARANTINE_PREFIX: &str = "patella.quarantine.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFailure {
    /// The browser gives this site no storage at all.
    Unavailable,
    /// Storage is full.
    Full,
    /// Storage refused for another reason, with the browser's words.
    Refused(String),
}

impl fmt::Display for StorageFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageFailure::Unavailable => f.write_str(
                "This browser is not letting Patella store anything (private browsing or a \
                 site setting may block it), so nothing can be saved on this device.",
            ),
            StorageFailure::Full => f.write_str(
                "This browser's storage for Patella is full, so the change was not saved. \
                 Download a backup, then free some space: set-aside damaged data in \
                 Settings can be deleted once downloaded.",
            ),
            StorageFailure::Refused(detail) => write!(
                f,
                "The browser refused to save the change ({detail}). Nothing was changed."
            ),
        }
    }
}

impl std::error::Error for StorageFailure {}

fn storage() -> Result<web_sys::Storage, StorageFailure> {
    web_sys::window()
        .ok_or(StorageFailure::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageFailure::Unavailable)
}

fn failure_from(error: JsValue) -> StorageFailure {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| (exception.name(), exception.message()));
    match name {
        Some((name, _)) if name == "QuotaExceededError" => StorageFailure::Full,
        Some((name, message)) => StorageFailure::Refused(format!("{name}: {message}")),
        None => StorageFailure::Refused(
            error
                .as_string()
                .unwrap_or_else(|| "an unknown error".to_string()),
        ),
    }
}

/// The raw text under `key`, or `None` when there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageFailure> {
    storage()?.get_item(key).map_err(failure_from)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageFailure> {
    storage()?.set_item(key, value).map_err(failure_from)
}

pub fn remove(key: &str) -> Result<(), StorageFailure> {
    storage()?.remove_item(key).map_err(failure_from)
}

/// Copies a damaged value aside under `<QUARANTINE_PREFIX><what>.<epoch ms>`, once: an
/// identical copy already set aside is reused. Returns the key it is kept under.
pub fn set_aside(what: &str, raw: &str) -> Result<String, StorageFailure> {
    let prefix = format!("{QUARANTINE_PREFIX}{what}.");
    for key in keys_with_prefix(&prefix)? {
        if read(&key)?.as_deref() == Some(raw) {
            return Ok(key);
        }
    }
    let key = format!("{prefix}{}", chrono::Utc::now().timestamp_millis());
    write(&key, raw)?;
    Ok(key)
}

/// Every key that starts with `prefix`, sorted.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageFailure> {
    let storage = storage()?;
    let count = storage.length().map_err(failure_from)?;
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    keys.sort();
    Ok(keys)
}
