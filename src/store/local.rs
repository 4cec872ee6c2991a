//! The browser's localStorage as a [`KeyValue`], with every failure as a value instead of a
//! thrown exception.
//!
//! Storage can be missing (blocked by site settings), full (quota), or refuse writes
//! (some private modes). Each of those becomes a [`StorageFailure`] the runner can read.
//! gloo-storage is not used because its accessor throws when storage is blocked.

use wasm_bindgen::{JsCast, JsValue};

use crate::store::key_value::{KeyValue, StorageFailure};

/// This page's localStorage, looked up on each use: it can be blocked at any time.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStorage;

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

impl KeyValue for BrowserStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        storage()?.get_item(key).map_err(failure_from)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageFailure> {
        storage()?.set_item(key, value).map_err(failure_from)
    }

    fn remove(&self, key: &str) -> Result<(), StorageFailure> {
        storage()?.remove_item(key).map_err(failure_from)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageFailure> {
        let storage = storage()?;
        let count = storage.length().map_err(failure_from)?;
        let mut keys: Vec<String> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(prefix))
            .collect();
        crate::domain::sort::sort(&mut keys);
        Ok(keys)
    }

    fn stamp(&self) -> i64 {
        chrono::Utc::now().timestamp_millis()
    }

    fn zone(&self) -> crate::domain::schema::Zone {
        crate::platform::clock::offset_at
    }

    fn locale(&self) -> crate::domain::locale::Locale {
        crate::platform::locale::phone()
    }
}
