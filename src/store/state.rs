//! What one tab holds, kept equal to what is stored, and every way it changes: loading with
//! damaged values set aside, applying a command with rollback, another tab's change, and
//! deleting. Plain Rust over a [`KeyValue`], tested natively; `AppStore` only wraps it in
//! signals and listens for the `storage` event.
//!
//! Rules kept here (DESIGN.md, "Data"):
//! - Memory is never ahead of storage: a change is written first and shown only once the
//!   write succeeded. A failed write leaves the data as it was and an error that stays until
//!   a later write succeeds.
//! - A change reads its collections fresh from storage, applies itself and writes back, so
//!   two tabs adding records never lose each other's.
//! - A damaged stored value is copied aside under a set-aside key before anything is
//!   written over it; if it cannot be copied, that collection is not written at all.
//! - Data from a newer app is never written over.

use crate::domain::commands::Command;
use crate::domain::dataset::DataSet;
use crate::domain::records::Settings;
use crate::domain::schema::{Collection, Zone};
use crate::store::codec::{self, Decoded};
use crate::store::error::StoreError;
use crate::store::key_value::{self, KeyValue, KEY_PREFIX, SET_ASIDE_PREFIX};

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
    pub write_error: Option<StoreError>,
    /// Damaged values kept aside (and damaged values that could not be moved).
    pub set_aside: Vec<SetAside>,
    /// Collections that must not be written, and why.
    pub read_only: PerCollection,
    /// What went wrong reading each collection at the last load, in plain words.
    pub damage: PerCollection,
}

/// A note per collection, in the collections' order: the few entries a `BTreeMap` would
/// hold, without a B-tree's code in the page's wasm for them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerCollection(Vec<(Collection, String)>);

impl PerCollection {
    /// Sets the note for `collection`, returning the one it replaces.
    pub fn insert(&mut self, collection: Collection, note: String) -> Option<String> {
        match self.0.binary_search_by(|(c, _)| c.cmp(&collection)) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, note)),
            Err(at) => {
                self.0.insert(at, (collection, note));
                None
            }
        }
    }

    pub fn remove(&mut self, collection: &Collection) -> Option<String> {
        let at = self.0.iter().position(|(c, _)| c == collection)?;
        Some(self.0.remove(at).1)
    }

    pub fn get(&self, collection: &Collection) -> Option<&String> {
        self.0
            .iter()
            .find(|(c, _)| c == collection)
            .map(|(_, note)| note)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, note)| note)
    }
}

/// One tab's copy of everything stored, and what it must tell the runner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub data: DataSet,
    pub health: StoreHealth,
}

/// What went wrong reading a collection.
#[derive(Debug, PartialEq)]
pub enum ReadProblem {
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

/// Reads one collection's stored text into `data`: what could be read, and what could not.
pub fn decode_into(
    collection: Collection,
    raw: &str,
    zone: Zone,
    data: &mut DataSet,
) -> Option<ReadProblem> {
    match collection {
        Collection::Runs => take(codec::decode_records(collection, raw, zone), &mut data.runs),
        Collection::Pain => take(codec::decode_records(collection, raw, zone), &mut data.pain),
        Collection::Strength => take(
            codec::decode_records(collection, raw, zone),
            &mut data.strength,
        ),
        Collection::Shoes => take(
            codec::decode_records(collection, raw, zone),
            &mut data.shoes,
        ),
        Collection::Triage => take(
            codec::decode_records(collection, raw, zone),
            &mut data.triage,
        ),
        Collection::Settings => take(
            codec::decode_object(collection, raw, zone),
            &mut data.settings,
        ),
        Collection::Recovery => take(
            codec::decode_object(collection, raw, zone),
            &mut data.recovery,
        ),
        Collection::Visits => take(
            codec::decode_records(collection, raw, zone),
            &mut data.visits,
        ),
    }
}

/// The text stored under one collection's key.
pub fn encode_collection(collection: Collection, data: &DataSet) -> Result<String, StoreError> {
    let encoded = match collection {
        Collection::Runs => codec::encode(&data.runs),
        Collection::Pain => codec::encode(&data.pain),
        Collection::Strength => codec::encode(&data.strength),
        Collection::Shoes => codec::encode(&data.shoes),
        Collection::Triage => codec::encode(&data.triage),
        Collection::Settings => codec::encode(&data.settings),
        Collection::Recovery => codec::encode(&data.recovery),
        Collection::Visits => codec::encode(&data.visits),
    };
    encoded.map_err(|error| StoreError::Encode(error.to_string()))
}

/// Reads one collection from storage into `data`, setting damaged values aside. Returns
/// the text read (`None` when there was none, or storage could not be read).
fn load_collection(
    kv: &impl KeyValue,
    collection: Collection,
    data: &mut DataSet,
    health: &mut StoreHealth,
) -> Option<String> {
    health.read_only.remove(&collection);
    health.damage.remove(&collection);
    let raw = match kv.read(&collection.storage_key()) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            dataset_clear(kv, collection, data);
            return None;
        }
        Err(failure) => {
            dataset_clear(kv, collection, data);
            health.read_only.insert(collection, failure.to_string());
            return None;
        }
    };
    let what = collection.in_words();
    match decode_into(collection, &raw, kv.zone(), data) {
        None => {}
        Some(ReadProblem::FromTheFuture(reason)) => {
            let message = format!("Your saved {what} were not loaded: {reason}.");
            health.damage.insert(collection, message.clone());
            health.read_only.insert(collection, message);
        }
        Some(ReadProblem::Damaged(reason)) => {
            health.damage.insert(
                collection,
                format!("Some saved {what} could not be read: {reason}."),
            );
            if let Err(failure) = key_value::set_aside(kv, collection.name(), &raw) {
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
    if collection == Collection::Settings {
        data.settings.fill_from(&kv.locale());
    }
    Some(raw)
}

/// Empties one collection in `data`; settings never stored start from the phone's locale.
fn dataset_clear(kv: &impl KeyValue, collection: Collection, data: &mut DataSet) {
    if collection == Collection::Settings {
        data.settings = Settings::for_locale(&kv.locale());
    } else {
        crate::domain::dataset::copy_collection(collection, &DataSet::default(), data);
    }
}

/// Lists the set-aside copies in storage, plus damaged values that could not be moved.
/// When storage cannot be listed the list stays as it was: a copy the runner was told of
/// must not vanish from the notice because storage is blocked for a moment.
pub fn list_set_aside(kv: &impl KeyValue, health: &mut StoreHealth) {
    let Ok(keys) = kv.keys_with_prefix(SET_ASIDE_PREFIX) else {
        return;
    };
    let kept_in_place: Vec<SetAside> = health
        .set_aside
        .iter()
        .filter(|item| !item.key.starts_with(SET_ASIDE_PREFIX))
        .cloned()
        .collect();
    let copied_aside = keys.into_iter().map(|key| {
        let bytes = kv.read(&key).ok().flatten().map_or(0, |raw| raw.len());
        SetAside { key, bytes }
    });
    health.set_aside = copied_aside.chain(kept_in_place).collect();
    health.set_aside.dedup();
}

impl Stored {
    /// Everything stored, read as a tab does when it opens.
    pub fn load(kv: &impl KeyValue) -> Stored {
        let mut stored = Stored::default();
        for collection in Collection::ALL {
            let _ = load_collection(kv, collection, &mut stored.data, &mut stored.health);
        }
        list_set_aside(kv, &mut stored.health);
        stored
    }

    /// Replaces these collections in memory with what storage holds now.
    pub fn reload(&mut self, kv: &impl KeyValue, collections: &[Collection]) {
        for &collection in collections {
            let _ = load_collection(kv, collection, &mut self.data, &mut self.health);
        }
        list_set_aside(kv, &mut self.health);
    }

    /// Another tab changed `key` (`None`: it cleared all storage).
    pub fn on_storage_event(&mut self, kv: &impl KeyValue, key: Option<&str>) {
        match key {
            None => self.reload(kv, &Collection::ALL),
            Some(key) if key.starts_with(SET_ASIDE_PREFIX) => list_set_aside(kv, &mut self.health),
            Some(key) => {
                if let Some(collection) =
                    Collection::ALL.into_iter().find(|c| c.storage_key() == key)
                {
                    self.reload(kv, &[collection]);
                }
            }
        }
    }

    /// Applies `command` to the freshest stored copy of the collections it touches and
    /// writes them back. On any failure nothing changes, in storage or in memory, and the
    /// reason is returned (and kept, to show until a later write succeeds).
    ///
    /// Whether a collection may be written is decided from this fresh read, never from an
    /// earlier one: storage that was blocked or full a moment ago may be fine now. If another
    /// tab writes between the read and the write, the change starts again from its version.
    pub fn apply(&mut self, kv: &impl KeyValue, command: Command) -> Result<(), StoreError> {
        let collections = command.touches();
        let mut attempts = 0;
        loop {
            attempts += 1;
            let mut fresh = self.data.clone();
            let mut health = self.health.clone();
            let before: Vec<Option<String>> = collections
                .iter()
                .map(|&collection| load_collection(kv, collection, &mut fresh, &mut health))
                .collect();
            if let Some(reason) = collections.iter().find_map(|c| health.read_only.get(c)) {
                let reason = StoreError::Blocked(reason.clone());
                health.write_error = Some(reason.clone());
                list_set_aside(kv, &mut health);
                self.health = health;
                return Err(reason);
            }
            command.clone().apply(&mut fresh);
            // Restored settings from before schema 6 take the phone's words and dates.
            fresh.settings.fill_from(&kv.locale());

            let moved = collections
                .iter()
                .zip(&before)
                .any(|(c, read)| kv.read(&c.storage_key()).ok().flatten() != *read);
            if moved {
                if attempts < 3 {
                    continue;
                }
                let reason = StoreError::OtherTab;
                self.health.write_error = Some(reason.clone());
                self.reload(kv, collections);
                return Err(reason);
            }

            for (written, &collection) in collections.iter().enumerate() {
                let outcome = encode_collection(collection, &fresh).and_then(|text| {
                    kv.write(&collection.storage_key(), &text)
                        .map_err(StoreError::from)
                });
                if let Err(reason) = outcome {
                    // Put back what was already written, so storage is as it was.
                    for (&done, previous) in collections.iter().zip(&before).take(written) {
                        let key = done.storage_key();
                        let _ = match previous {
                            Some(raw) => kv.write(&key, raw),
                            None => kv.remove(&key),
                        };
                    }
                    health.write_error = Some(reason.clone());
                    self.health = health;
                    self.reload(kv, collections);
                    return Err(reason);
                }
            }

            health.write_error = None;
            list_set_aside(kv, &mut health);
            self.data = fresh;
            self.health = health;
            return Ok(());
        }
    }

    /// Removes every key the app has written, set-aside data included.
    pub fn delete_everything(&mut self, kv: &impl KeyValue) -> Result<(), StoreError> {
        for key in kv.keys_with_prefix(KEY_PREFIX)? {
            kv.remove(&key)?;
        }
        self.health = StoreHealth::default();
        self.reload(kv, &Collection::ALL);
        Ok(())
    }

    /// Deletes a set-aside value the runner has downloaded or does not want.
    pub fn discard_set_aside(&mut self, kv: &impl KeyValue, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(SET_ASIDE_PREFIX) {
            return Err(StoreError::NotSetAside);
        }
        kv.remove(key)?;
        list_set_aside(kv, &mut self.health);
        Ok(())
    }
}

/// What the model-based test (`model_test`) found, kept as plain examples.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::domain::commands::Command;
    use crate::domain::records::{RecordId, Run};
    use crate::domain::units::{Distance, Duration};
    use crate::store::memory::MemoryStorage;

    fn run(n: u128) -> Run {
        Run::easy(
            RecordId::from_random_bits(n),
            "2026-11-20".parse().unwrap(),
            Distance::from_metres(5_000.0),
            Duration::from_minutes(30),
        )
    }

    /// A new device starts from its phone's language; settings stored before schema 6 keep
    /// their units and week and take the phone's words and dates; a chosen English stays
    /// whatever the phone says; and nothing is written just by opening the app.
    #[test]
    fn settings_start_from_the_phones_language_and_keep_the_runners_choices() {
        use crate::domain::commands::SettingsEdit;
        use crate::domain::locale::{DateStyle, English, Locale};
        use crate::domain::units::DistanceUnit;
        let kv = MemoryStorage::new();
        kv.set_locale(Locale::of_tag("en-US"));
        let mut tab = Stored::load(&kv);
        let fresh = &tab.data.settings;
        assert_eq!(
            (
                fresh.units,
                fresh.week_start,
                fresh.english(),
                fresh.dates()
            ),
            (
                DistanceUnit::Mi,
                chrono::Weekday::Sun,
                English::Us,
                DateStyle::US
            )
        );
        assert_eq!(fresh.shoe_threshold.in_unit(DistanceUnit::Mi), 500.0);
        assert_eq!(kv.raw("patella.settings"), None);

        // A British runner's settings from schema 5, opened on an American phone.
        kv.put(
            "patella.settings",
            r#"{"schema":5,"data":{"units":"km","week_start":"mon","shoe_threshold":800000.0}}"#,
        );
        tab.reload(&kv, &[Collection::Settings]);
        let old = &tab.data.settings;
        assert_eq!(
            (old.units, old.week_start),
            (DistanceUnit::Km, chrono::Weekday::Mon)
        );
        assert_eq!((old.english(), old.dates()), (English::Us, DateStyle::US));

        tab.apply(
            &kv,
            Command::EditSettings {
                edit: SettingsEdit::English(English::Uk),
                now: "2026-12-07T08:00:00Z".parse().unwrap(),
            },
        )
        .unwrap();
        kv.set_locale(Locale::of_tag("de-DE"));
        let reopened = Stored::load(&kv);
        assert_eq!(reopened.data.settings.english(), English::Uk);
        // The date style was never chosen, but the first save kept the one in use.
        assert_eq!(reopened.data.settings.dates(), DateStyle::US);
    }

    /// 0.3.0 stored a knee check in UTC. Opened in New York, the check of a Wednesday
    /// evening is Wednesday's, so a plan started that evening is followed; the next change
    /// to the checks stores them at the current schema with their offset.
    #[test]
    fn an_evening_check_stored_in_utc_opens_on_the_runners_day() {
        use crate::domain::recovery_plan::ProtocolStart;
        let kv = MemoryStorage::new();
        kv.set_zone(|_| chrono::FixedOffset::west_opt(5 * 3600).unwrap());
        kv.put(
            "patella.triage",
            r#"{"schema":3,"data":[{"id":"c1","updated_at":"2027-02-11T02:30:00Z","taken_at":"2027-02-11T02:30:00Z","care_tier":"self_manage","conditions":["patellofemoral_pain"]}]}"#,
        );
        let mut tab = Stored::load(&kv);
        let wednesday: chrono::NaiveDate = "2027-02-10".parse().unwrap();
        assert_eq!(tab.data.triage[0].taken_at.date_naive(), wednesday);
        let start = ProtocolStart {
            date: wednesday,
            stage: crate::domain::protocol::Stage::Week1,
            from_knee_check: None,
        };
        let now = "2027-02-11T02:40:00Z".parse().unwrap();
        assert_eq!(
            tab.apply(&kv, Command::StartProtocol { start, now }),
            Ok(())
        );
        assert!(
            tab.data.situation(wednesday).on_plan(),
            "{:?}",
            tab.data.situation(wednesday)
        );

        let mut check = tab.data.triage[0].clone();
        check.updated_at = now;
        assert_eq!(tab.apply(&kv, Command::RecordCheck(check)), Ok(()));
        let stored = kv.read("patella.triage").unwrap().unwrap();
        assert!(
            stored.contains(r#""taken_at":"2027-02-10T21:30:00-05:00""#),
            "{stored}"
        );
        let current = format!(r#"{{"schema":{},"#, crate::domain::schema::CURRENT_SCHEMA);
        assert!(stored.starts_with(&current), "{stored}");
    }

    #[test]
    fn storage_blocked_for_one_change_does_not_refuse_the_next() {
        let kv = MemoryStorage::new();
        let mut tab = Stored::load(&kv);
        kv.set_blocked(true);
        assert!(tab.apply(&kv, Command::AddRun(run(1))).is_err());
        kv.set_blocked(false);
        assert_eq!(tab.apply(&kv, Command::AddRun(run(2))), Ok(()));
        assert_eq!(tab.health.write_error, None);
        assert_eq!(Stored::load(&kv).data.runs, vec![run(2)]);
    }

    #[test]
    fn a_blocked_storage_does_not_hide_what_was_set_aside() {
        let kv = MemoryStorage::new();
        kv.put("patella.runs", "{not json");
        let mut tab = Stored::load(&kv);
        assert_eq!(tab.health.set_aside.len(), 1);
        kv.set_blocked(true);
        assert!(tab.apply(&kv, Command::AddRun(run(1))).is_err());
        assert_eq!(tab.health.set_aside.len(), 1, "still listed");
    }

    #[test]
    fn a_tab_writing_between_the_read_and_the_write_keeps_its_run() {
        let kv = MemoryStorage::new();
        let mut tab = Stored::load(&kv);
        let theirs = codec::encode(&vec![run(9)]).unwrap();
        kv.another_tab_writes_after_read("patella.runs", &theirs);
        assert_eq!(tab.apply(&kv, Command::AddRun(run(1))), Ok(()));
        assert_eq!(Stored::load(&kv).data.runs, vec![run(9), run(1)]);
        assert_eq!(tab.data.runs, vec![run(9), run(1)]);
    }

    #[test]
    fn a_failed_second_write_puts_the_first_back() {
        let kv = MemoryStorage::new();
        let mut tab = Stored::load(&kv);
        let shoe = crate::domain::records::Shoe {
            id: RecordId::from_random_bits(3),
            updated_at: "2026-11-20T08:00:00Z".parse().unwrap(),
            name: "Pair".into(),
            added_on: "2026-11-20".parse().unwrap(),
            start_distance: Distance::default(),
            retired: false,
        };
        // Shoes are written, then the settings write fails.
        kv.fail_a_write_after(1);
        assert!(tab.apply(&kv, Command::AddShoe(shoe)).is_err());
        assert_eq!(kv.raw("patella.shoes"), None);
        assert_eq!(kv.raw("patella.settings"), None);
        assert!(tab.data.shoes.is_empty());
        assert!(tab.health.write_error.is_some());
    }
}
