//! The runner's data as signals the pages read, and the one way to change it: [`AppStore::apply`]
//! with a domain command. The rules (fresh reads, rollback, setting damaged data aside) live in `state`, over
//! the browser's storage; this module adds the signals, the `storage` event from other tabs,
//! and, once there is something to keep, the request to keep storage and a note of the
//! version that kept it (so a later version can say what changed).

use std::cell::Cell;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::commands::Command;
use crate::domain::dataset::DataSet;
use crate::domain::locale::DateStyle;
use crate::platform::persistence::{self, Persistence};
use crate::platform::{release, timing};
use crate::store::error::StoreError;
use crate::store::key_value::KeyValue;
use crate::store::local::BrowserStorage;
use crate::store::scratch::{self, Scratch};
use crate::store::state::{list_set_aside, StoreHealth, Stored};

/// The store, as every component that needs it reaches it: from the context the shell
/// provides (the one way; components never take it as a prop). `None` only for a component
/// mounted without the shell, which then shows nothing of the runner's data.
pub fn use_store() -> Option<AppStore> {
    use_context::<AppStore>()
}

thread_local! {
    /// This version has been noted as the last to run here since the page started.
    static VERSION_NOTED: Cell<bool> = const { Cell::new(false) };
}

#[derive(Clone, Copy)]
pub struct AppStore {
    data: RwSignal<DataSet>,
    health: RwSignal<StoreHealth>,
    persistence: RwSignal<Persistence>,
}

impl AppStore {
    /// Loads everything stored, listens for other tabs, and asks whether storage is kept.
    pub fn start() -> AppStore {
        let stored = timing::measure("patella:load-store", || Stored::load(&BrowserStorage));
        let store = AppStore {
            data: RwSignal::new(stored.data),
            health: RwSignal::new(stored.health),
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

    /// How the runner's dates read: every date on screen goes through it.
    pub fn dates(&self) -> DateStyle {
        self.data.with(|data| data.settings.dates())
    }

    pub fn dates_untracked(&self) -> DateStyle {
        self.data.with_untracked(|data| data.settings.dates())
    }

    pub fn health(&self) -> Signal<StoreHealth> {
        self.health.into()
    }

    pub fn persistence(&self) -> Signal<Persistence> {
        self.persistence.into()
    }

    /// Runs `step` on the stored state and shows what changed.
    fn with_state<R>(&self, step: impl FnOnce(&mut Stored) -> R) -> R {
        let mut stored = Stored {
            data: self.data.get_untracked(),
            health: self.health.get_untracked(),
        };
        let result = step(&mut stored);
        if self.data.with_untracked(|data| *data != stored.data) {
            self.data.set(stored.data);
        }
        if self
            .health
            .with_untracked(|health| *health != stored.health)
        {
            self.health.set(stored.health);
        }
        result
    }

    fn listen_to_other_tabs(&self) {
        let store = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key();
            store.with_state(|stored| stored.on_storage_event(&BrowserStorage, key.as_deref()));
        });
        // The store lives as long as the page.
        std::mem::forget(handle);
    }

    /// Applies a data command to what is stored now and writes it back; on any failure
    /// nothing changes and the reason comes back (and shows until a later write succeeds).
    pub fn apply(&self, command: Command) -> Result<(), StoreError> {
        let outcome = self.with_state(|stored| stored.apply(&BrowserStorage, command));
        if outcome.is_ok() && self.data.with_untracked(|data| !data.is_empty()) {
            persistence::request_once(self.persistence);
            // A first visit notes no version (a browser where the runner stored nothing
            // holds nothing of Patella's); from the first data on, the next start must not
            // take it for an earlier Patella's (`domain::release::on_start`).
            if !VERSION_NOTED.with(Cell::get) {
                self.note_version();
            }
        }
        outcome
    }

    /// Removes every key the app has written, set-aside data included.
    pub fn delete_everything(&self) -> Result<(), StoreError> {
        // The version note goes too; the next data notes it again.
        VERSION_NOTED.with(|noted| noted.set(false));
        self.with_state(|stored| stored.delete_everything(&BrowserStorage))
    }

    /// The version of Patella that last ran on this device, as noted by [`Self::note_version`].
    pub fn version_seen(&self) -> Option<String> {
        self.read_scratch(Scratch::AppVersionSeen)
    }

    /// Notes this build's version as the last to run on this device.
    pub fn note_version(&self) {
        VERSION_NOTED.with(|noted| noted.set(true));
        // A failed write (storage full, private mode) is left unsaid: its only cost is
        // "Updated to …" shown again at the next start, and the store's own banner speaks
        // when the runner's data cannot be saved.
        let _ = self.keep_scratch(Scratch::AppVersionSeen, Some(&release::VERSION.to_string()));
    }

    /// The raw text of a set-aside value, for download.
    pub fn set_aside_text(&self, key: &str) -> Option<String> {
        BrowserStorage.read(key).ok().flatten()
    }

    /// Deletes a set-aside value the runner has downloaded or does not want.
    pub fn discard_set_aside(&self, key: &str) -> Result<(), StoreError> {
        self.with_state(|stored| stored.discard_set_aside(&BrowserStorage, key))
    }

    /// A scratch value kept by [`Self::keep_scratch`], if there is a readable one.
    pub fn read_scratch<T: DeserializeOwned>(&self, kind: Scratch) -> Option<T> {
        let read = scratch::read(&BrowserStorage, kind);
        if read.set_aside {
            self.health
                .update(|health| list_set_aside(&BrowserStorage, health));
        }
        read.value
    }

    /// Keeps work in progress (`None` removes it); the reason in words when it cannot be.
    pub fn keep_scratch<T: Serialize + DeserializeOwned>(
        &self,
        kind: Scratch,
        value: Option<&T>,
    ) -> Result<(), StoreError> {
        let set_aside = scratch::keep(&BrowserStorage, kind, value)?;
        if set_aside {
            self.health
                .update(|health| list_set_aside(&BrowserStorage, health));
        }
        Ok(())
    }
}
