//! A [`KeyValue`] in memory for the native tests, with storage's failures on demand: blocked,
//! full, one write failing part-way through a change, a value damaged between reads (by
//! [`MemoryStorage::put`]), and another tab writing between a change's read and its write.
//! Every change to a key is logged, so a test can deliver it as the `storage` event.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::store::key_value::{KeyValue, StorageFailure};

#[derive(Debug, Default)]
struct Inner {
    values: BTreeMap<String, String>,
    stamp: i64,
    blocked: bool,
    full: bool,
    /// Writes still to succeed before one fails as full; `None` when not armed.
    writes_before_failure: Option<usize>,
    /// After the next read of this key, another tab writes this value there.
    after_read: Option<(String, String)>,
    foreign_write_done: bool,
    changed: Vec<String>,
    /// The device's zone; UTC unless a test sets one.
    zone: Option<crate::domain::schema::Zone>,
    /// The phone's locale; the international defaults unless a test sets one.
    locale: crate::domain::locale::Locale,
}

#[derive(Debug, Default)]
pub struct MemoryStorage {
    inner: RefCell<Inner>,
}

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }

    /// The device's time zone, for old stored times (UTC until set).
    pub fn set_zone(&self, zone: crate::domain::schema::Zone) {
        self.inner.borrow_mut().zone = Some(zone);
    }

    /// The phone's language, for settings never stored here.
    pub fn set_locale(&self, locale: crate::domain::locale::Locale) {
        self.inner.borrow_mut().locale = locale;
    }

    /// Every operation fails, as when site settings block storage.
    pub fn set_blocked(&self, blocked: bool) {
        self.inner.borrow_mut().blocked = blocked;
    }

    /// Every write fails as over quota; reads and removals still work.
    pub fn set_full(&self, full: bool) {
        self.inner.borrow_mut().full = full;
    }

    /// The write after `successes` more successful ones fails as full, once.
    pub fn fail_a_write_after(&self, successes: usize) {
        self.inner.borrow_mut().writes_before_failure = Some(successes);
    }

    /// Another tab writes `value` under `key` just after this tab's next read of `key`.
    pub fn another_tab_writes_after_read(&self, key: &str, value: &str) {
        let mut inner = self.inner.borrow_mut();
        inner.after_read = Some((key.to_string(), value.to_string()));
        inner.foreign_write_done = false;
    }

    /// Whether the write armed by [`Self::another_tab_writes_after_read`] happened; disarms it.
    pub fn take_foreign_write(&self) -> bool {
        let mut inner = self.inner.borrow_mut();
        inner.after_read = None;
        std::mem::take(&mut inner.foreign_write_done)
    }

    /// Every failure switched off again.
    pub fn heal(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.blocked = false;
        inner.full = false;
        inner.writes_before_failure = None;
        inner.after_read = None;
    }

    /// Writes past every failure, as another program (or a damaged disk) would.
    pub fn put(&self, key: &str, value: &str) {
        let mut inner = self.inner.borrow_mut();
        inner.values.insert(key.to_string(), value.to_string());
        inner.changed.push(key.to_string());
    }

    /// Reads past every failure, to check what is really stored.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.inner.borrow().values.get(key).cloned()
    }

    pub fn all(&self) -> BTreeMap<String, String> {
        self.inner.borrow().values.clone()
    }

    /// Keys changed since the last call, in order, for `storage` events.
    pub fn take_changed(&self) -> Vec<String> {
        std::mem::take(&mut self.inner.borrow_mut().changed)
    }
}

impl KeyValue for MemoryStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        let mut inner = self.inner.borrow_mut();
        if inner.blocked {
            return Err(StorageFailure::Unavailable);
        }
        let value = inner.values.get(key).cloned();
        if inner.after_read.as_ref().is_some_and(|(k, _)| k == key) {
            if let Some((key, foreign)) = inner.after_read.take() {
                inner.values.insert(key.clone(), foreign);
                inner.changed.push(key);
                inner.foreign_write_done = true;
            }
        }
        Ok(value)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageFailure> {
        let mut inner = self.inner.borrow_mut();
        if inner.blocked {
            return Err(StorageFailure::Unavailable);
        }
        if inner.full {
            return Err(StorageFailure::Full);
        }
        match inner.writes_before_failure {
            Some(0) => {
                inner.writes_before_failure = None;
                return Err(StorageFailure::Full);
            }
            Some(n) => inner.writes_before_failure = Some(n - 1),
            None => {}
        }
        if inner.values.get(key).map(String::as_str) != Some(value) {
            inner.values.insert(key.to_string(), value.to_string());
            inner.changed.push(key.to_string());
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageFailure> {
        let mut inner = self.inner.borrow_mut();
        if inner.blocked {
            return Err(StorageFailure::Unavailable);
        }
        if inner.values.remove(key).is_some() {
            inner.changed.push(key.to_string());
        }
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageFailure> {
        let inner = self.inner.borrow();
        if inner.blocked {
            return Err(StorageFailure::Unavailable);
        }
        Ok(inner
            .values
            .keys()
            .filter(|key| key.starts_with(prefix))
            .cloned()
            .collect())
    }

    fn stamp(&self) -> i64 {
        let mut inner = self.inner.borrow_mut();
        inner.stamp += 1;
        inner.stamp
    }

    fn zone(&self) -> crate::domain::schema::Zone {
        self.inner
            .borrow()
            .zone
            .unwrap_or(|_| chrono::Offset::fix(&chrono::Utc))
    }

    fn locale(&self) -> crate::domain::locale::Locale {
        self.inner.borrow().locale
    }
}
