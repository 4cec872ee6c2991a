//! The one door to stored bytes: a [`KeyValue`] trait the store's logic is written against,
//! the failures storage can report, the key names, and setting a damaged value aside.
//!
//! The browser's localStorage implements it in `local`; a memory store with failures on
//! demand implements it for the native tests, so every storage rule is tested without a
//! browser.

use std::fmt;

/// Every key the app writes starts with this.
pub const KEY_PREFIX: &str = "patella.";
/// Damaged values are copied here, under `<prefix><what>.<stamp>` (see [`set_aside`]).
/// (The key keeps its first name, "quarantine": renaming it would lose what is stored.)
pub const SET_ASIDE_PREFIX: &str = "patella.quarantine.";

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

/// Text stored under text keys, every operation able to fail.
pub trait KeyValue {
    /// The raw text under `key`, or `None` when there is none.
    fn read(&self, key: &str) -> Result<Option<String>, StorageFailure>;
    fn write(&self, key: &str, value: &str) -> Result<(), StorageFailure>;
    fn remove(&self, key: &str) -> Result<(), StorageFailure>;
    /// Every key that starts with `prefix`, sorted.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageFailure>;
    /// A number that grows with time (milliseconds since 1970 in the browser), to name and
    /// order set-aside copies.
    fn stamp(&self) -> i64;
    /// The device's UTC offset at an instant: times stored before offsets were kept with
    /// them are put on the runner's day in it (see `schema`).
    fn zone(&self) -> crate::domain::schema::Zone;
    /// The phone's locale: the units, week, English and date style of settings never
    /// stored on this device, and the English and date style of settings stored before
    /// they had them (see `Settings::fill_from`).
    fn locale(&self) -> crate::domain::locale::Locale;
}

/// Copies a damaged value aside under `<SET_ASIDE_PREFIX><what>.<stamp>`, once: an
/// identical copy already set aside is reused, and an existing copy is never written over.
/// Returns the key it is kept under.
pub fn set_aside(kv: &impl KeyValue, what: &str, raw: &str) -> Result<String, StorageFailure> {
    let prefix = format!("{SET_ASIDE_PREFIX}{what}.");
    let existing = kv.keys_with_prefix(&prefix)?;
    for key in &existing {
        if kv.read(key)?.as_deref() == Some(raw) {
            return Ok(key.clone());
        }
    }
    let stamp = kv.stamp();
    let key = (0..)
        .map(|n| match n {
            0 => format!("{prefix}{stamp}"),
            n => format!("{prefix}{stamp}-{n}"),
        })
        .find(|key| !existing.contains(key))
        .unwrap_or_else(|| format!("{prefix}{stamp}"));
    kv.write(&key, raw)?;
    Ok(key)
}
