//! The runner's data in memory, kept equal to what is stored, and every change to it.
//!
//! Rules this module keeps (DESIGN.md, "Data"):
//! - Memory is never ahead of storage: a change is written first and shown only once the
//!   write succeeded. A failed write leaves the data as it was and an error that stays until
//!   a later write succeeds.
//! - A change reads its collections fresh from storage, applies itself and writes back, so
//!   two tabs adding records never lose each other's; the `storage` event then shows the
//!   other tab's change here.
//! - A damaged stored value is copied aside under a quarantine key before anything is
//!   written over it; if it cannot be copied, that collection is not written at all.
//! - Data from a newer app is never written over.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::dataset::DataSet;
use crate::domain::schema::Collection;
use crate::platform::persistence::{self, Persistence};
use crate::platform::timing;
use crate::store::codec::{self, Decoded};
use crate::store::local::{self, KEY_PREFIX, QUARANTINE_PREFIX};

/// A stored value that could not be read, kept as it was so it can be downloaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    pub bytes: usize,
}

/// What the runner must be told about storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoreHealth {
    /// The last write failed; cleared by the next successful one.
    pub write_error: Option<String>,
    /// Damaged values kept aside (and damaged values that could not be moved).
    pub set_aside: Vec<SetAside>,
    /// Collections that must not be written, and why.
    pub read_only: BTreeMap<Collection, String>,
    /// What went wrong reading each collection at the last load, in plain words.
    pub damage: BTreeMap<Collection, String>,
}

#[derive(Clone, Copy)]
pub struct AppStore {
    data: RwSignal<DataSet>,
    health: RwSignal<StoreHealth>,
    persistence: RwSignal<Persistence>,
}

/// What went wrong reading a collection.
enum ReadProblem {
    Damaged(String),
    FromTheFuture(String),
}

fn take<T: Default>(decoded: Decoded<T>, slot: &mut T) -> Option<ReadProblem> {
    match decoded {
        Decoded::Clean(value) => {
            *slot = value;
            None
        }
        Decoded::Salvaged { data, reason } => {
            *slot = data;
            Some(ReadProblem::Damaged(reason))
        }
        Decoded::Unreadable { reason } => {
            *slot = T::default();
            Some(ReadProblem::Damaged(reason))
        }
        Decoded::FromTheFuture { reason } => {
            *slot = T::default();
            Some(ReadProblem::FromTheFuture(reason))
        }
    }
}

fn decode_into(collection: Collection, raw: &str, data: &mut DataSet) -> Option<ReadProblem> {
    match collection {
        Collection::Runs => take(codec::decode_records(collection, raw), &mut data.runs),
        Collection::Pain => take(codec::decode_records(collection, raw), &mut data.pain),
        Collection::Strength => take(codec::decode_records(collection, raw), &mut data.strength),
        Collection::Shoes => take(codec::decode_records(collection, raw), &mut data.shoes),
        Collection::Triage => take(codec::decode_records(collection, raw), &mut data.triage),
        Collection::Settings => take(codec::decode_object(collection, raw), &mut data.settings),
        Collection::Recovery => take(codec::decode_object(collection, raw), &mut data.recovery),
    }
}

fn clear_collection(collection: Collection, data: &mut DataSet) {
    match collection {
        Collection::Runs => data.runs.clear(),
        Collection::Pain => data.pain.clear(),
        Collection::Strength => data.strength.clear(),
        Collection::Shoes => data.shoes.clear(),
        Collection::Triage => data.triage.clear(),
        Collection::Settings => data.settings = Default::default(),
        Collection::Recovery => data.recovery = Default::default(),
    }
}

fn encode_collection(collection: Collection, data: &DataSet) -> Result<String, String> {
    let encoded = match collection {
        Collection::Runs => codec::encode(&data.runs),
        Collection::Pain => codec::encode(&data.pain),
        Collection::Strength => codec::encode(&data.strength),
        Collection::Shoes => codec::encode(&data.shoes),
        Collection::Triage => codec::encode(&data.triage),
        Collection::Settings => codec::encode(&data.settings),
        Collection::Recovery => codec::encode(&data.recovery),
    };
    encoded.map_err(|error| format!("Patella could not prepare the data for saving ({error})."))
}

/// Reads one collection from storage into `data`, setting damaged values aside.
fn load_collection(collection: Collection, data: &mut DataSet, health: &mut StoreHealth) {
    health.read_only.remove(&collection);
    health.damage.remove(&collection);
    let raw = match local::read(&collection.storage_key()) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            clear_collection(collection, data);
            return;
        }
        Err(failure) => {
            clear_collection(collection, data);
            health.read_only.insert(collection, failure.to_string());
            return;
        }
    };
    match decode_into(collection, &raw, data) {
        None => {}
        Some(ReadProblem::FromTheFuture(reason)) => {
            let message = format!(
                "Your saved {} were not loaded: {reason}.",
                collection.name()
            );
            health.damage.insert(collection, message.clone());
            health.read_only.insert(collection, message);
        }
        Some(ReadProblem::Damaged(reason)) => {
            let what = collection.name();
            health.damage.insert(
                collection,
                format!("Some saved {what} could not be read: {reason}."),
            );
            if let Err(failure) = local::set_aside(collection.name(), &raw) {
                health.read_only.insert(
                    collection,
                    format!(
                        "Some saved {what} could not be read and could not be set aside \
                         ({failure}), so Patella will not save {what} until that is sorted out. \
                         Download the damaged data from Settings first."
                    ),
                );
                health.set_aside.push(SetAside {
                    key: collection.storage_key(),
                    bytes: raw.len(),
                });
            }
        }
    }
}

fn list_set_aside(health: &mut StoreHealth) {
    let kept_in_place: Vec<SetAside> = health
        .set_aside
        .iter()
        .filter(|item| !item.key.starts_with(QUARANTINE_PREFIX))
        .cloned()
        .collect();
    let quarantined = local::keys_with_prefix(QUARANTINE_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .map(|key| {
            let bytes = local::read(&key).ok().flatten().map_or(0, |raw| raw.len());
            SetAside { key, bytes }
        });
    health.set_aside = quarantined.chain(kept_in_place).collect();
    health.set_aside.dedup();
}

impl AppStore {
    /// Loads everything stored, listens for other tabs, and asks whether storage is kept.
    pub fn start() -> AppStore {
        let mut data = DataSet::default();
        let mut health = StoreHealth::default();
        timing::measure("patella:load-store", || {
            for collection in Collection::ALL {
                load_collection(collection, &mut data, &mut health);
            }
            list_set_aside(&mut health);
        });
        let store = AppStore {
            data: RwSignal::new(data),
            health: RwSignal::new(health),
            persistence: RwSignal::new(Persistence::Unknown),
        };
        store.listen_to_other_tabs();
        persistence::check(store.persistence);
        store
    }

    /// Everything stored, reactively.
    pub fn data(&self) -> Signal<DataSet> {
        self.data.into()
    }

    pub fn health(&self) -> Signal<StoreHealth> {
        self.health.into()
    }

    pub fn persistence(&self) -> Signal<Persistence> {
        self.persistence.into()
    }

    fn listen_to_other_tabs(&self) {
        let store = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            match event.key() {
                // `localStorage.clear()` in another tab.
                None => store.reload(&Collection::ALL),
                Some(key) if key.starts_with(QUARANTINE_PREFIX) => {
                    store.health.update(list_set_aside)
                }
                Some(key) => {
                    if let Some(collection) =
                        Collection::ALL.into_iter().find(|c| c.storage_key() == key)
                    {
                        store.reload(&[collection]);
                    }
                }
            }
        });
        // The store lives as long as the page.
        std::mem::forget(handle);
    }

    /// Replaces these collections in memory with what storage holds now.
    pub fn reload(&self, collections: &[Collection]) {
        let mut data = self.data.get_untracked();
        let mut health = self.health.get_untracked();
        for &collection in collections {
            load_collection(collection, &mut data, &mut health);
        }
        list_set_aside(&mut health);
        self.data.set(data);
        self.health.set(health);
    }

    /// Applies `edit` to the freshest stored copy of `collections` and writes them back.
    /// On any failure nothing changes, in storage or in memory, and the reason is returned
    /// (and shown until a later write succeeds).
    pub fn change(
        &self,
        collections: &[Collection],
        edit: impl FnOnce(&mut DataSet),
    ) -> Result<(), String> {
        let mut health = self.health.get_untracked();
        if let Some(reason) = collections.iter().find_map(|c| health.read_only.get(c)) {
            let reason = reason.clone();
            health.write_error = Some(reason.clone());
            self.health.set(health);
            return Err(reason);
        }

        let mut fresh = self.data.get_untracked();
        let mut before = Vec::with_capacity(collections.len());
        for &collection in collections {
            before.push(local::read(&collection.storage_key()).ok().flatten());
            load_collection(collection, &mut fresh, &mut health);
        }
        if let Some(reason) = collections.iter().find_map(|c| health.read_only.get(c)) {
            let reason = reason.clone();
            health.write_error = Some(reason.clone());
            list_set_aside(&mut health);
            self.health.set(health);
            return Err(reason);
        }
        edit(&mut fresh);

        for (written, &collection) in collections.iter().enumerate() {
            let outcome = encode_collection(collection, &fresh).and_then(|text| {
                local::write(&collection.storage_key(), &text)
                    .map_err(|failure| failure.to_string())
            });
            if let Err(reason) = outcome {
                // Put back what was already written, so storage is as it was.
                for (&done, previous) in collections.iter().zip(&before).take(written) {
                    let key = done.storage_key();
                    let _ = match previous {
                        Some(raw) => local::write(&key, raw),
                        None => local::remove(&key),
                    };
                }
                health.write_error = Some(reason.clone());
                self.health.set(health);
                self.reload(collections);
                return Err(reason);
            }
        }

        health.write_error = None;
        list_set_aside(&mut health);
        let has_records = !fresh.is_empty();
        self.data.set(fresh);
        self.health.set(health);
        if has_records {
            persistence::request_once(self.persistence);
        }
        Ok(())
    }

    /// Removes every key the app has written, set-aside data included.
    pub fn delete_everything(&self) -> Result<(), String> {
        let keys = local::keys_with_prefix(KEY_PREFIX).map_err(|failure| failure.to_string())?;
        for key in keys {
            local::remove(&key).map_err(|failure| failure.to_string())?;
        }
        self.health.set(StoreHealth::default());
        self.reload(&Collection::ALL);
        Ok(())
    }

    /// The raw text of a set-aside value, for download.
    pub fn set_aside_text(&self, key: &str) -> Option<String> {
        local::read(key).ok().flatten()
    }

    /// Deletes a set-aside value the runner has downloaded or does not want.
    pub fn discard_set_aside(&self, key: &str) -> Result<(), String> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return Err("Only set-aside copies can be discarded here.".into());
        }
        local::remove(key).map_err(|failure| failure.to_string())?;
        self.health.update(list_set_aside);
        Ok(())
    }
}
