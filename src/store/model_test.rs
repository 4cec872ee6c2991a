//! The store against a plain model, by random search: two tabs apply random commands over
//! one memory storage, while storage fills up, blocks, fails part-way through a change, has
//! values damaged or left by a newer app, and another tab writes between a change's read and
//! its write. The model is one `DataSet` of what was acknowledged. After every step:
//! - what storage holds reads back as the model, and so does each tab's memory;
//! - a command fails only when a failure was switched on or a collection it touches is from
//!   a newer app, and a failed one leaves its error on show (a successful one clears it);
//! - every damaged value is still at its key or in a set-aside copy;
//! - data from a newer app is never written over.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc, Weekday};
use proptest::prelude::*;

use crate::domain::backup::RestoreMode;
use crate::domain::commands::{Command, SettingsEdit};
use crate::domain::dataset::{copy_collection, DataSet};
use crate::domain::locale::Locale;
use crate::domain::protocol::Stage;
use crate::domain::records::{
    CareTier, PainEntry, PainScore, RecordId, Run, Settings, Shoe, StrengthSession, TriageRecord,
};
use crate::domain::recovery_plan::ProtocolStart;
use crate::domain::schema::Collection;
use crate::domain::units::{Distance, DistanceUnit, Duration};
use crate::store::key_value::{KeyValue, SET_ASIDE_PREFIX};
use crate::store::memory::MemoryStorage;
use crate::store::state::{decode_into, encode_collection, Stored};

/// A command in a form proptest can generate and shrink; ids come from a small range so
/// deletions and retirements find their record.
#[derive(Clone, Debug)]
enum Op {
    AddRun(u8),
    DeleteRun(u8),
    RestoreRun(u8),
    AddPain(u8),
    DeletePain(u8),
    AddStrength(u8),
    AddShoe(u8),
    RetireShoe(u8),
    SetDefaultShoe(u8),
    RecordCheck(u8),
    Units(bool),
    NoteBackup,
    StartProtocol(u8),
    ClearProtocol,
    ChoosePlan(bool),
    Restore { runs: Vec<u8>, replace: bool },
}

#[derive(Clone, Debug)]
enum Failure {
    None,
    Full,
    Blocked,
    /// The write after this many good ones fails, once.
    WriteFailsAfter(usize),
    /// Another tab adds to the first collection the command touches, between the read and
    /// the write.
    OtherTabBetweenReadAndWrite(u8),
}

#[derive(Clone, Debug)]
enum Damage {
    /// Not JSON at all.
    Garbage,
    /// One record that cannot be read, beside the rest (lists only).
    BadRecord,
    /// Written by a newer app.
    FromTheFuture,
}

#[derive(Clone, Debug)]
enum Step {
    Command {
        tab: usize,
        op: Op,
        failure: Failure,
    },
    /// A tab is closed and opened again.
    Reopen {
        tab: usize,
    },
    /// A value is damaged; `while_full` when storage is full as the tabs hear of it.
    Damage {
        collection: usize,
        damage: Damage,
        while_full: bool,
    },
    DeleteEverything {
        tab: usize,
    },
}

fn an_op() -> impl Strategy<Value = Op> {
    let id = 0u8..6;
    prop_oneof![
        4 => id.clone().prop_map(Op::AddRun),
        2 => id.clone().prop_map(Op::DeleteRun),
        1 => id.clone().prop_map(Op::RestoreRun),
        2 => id.clone().prop_map(Op::AddPain),
        1 => id.clone().prop_map(Op::DeletePain),
        1 => id.clone().prop_map(Op::AddStrength),
        2 => id.clone().prop_map(Op::AddShoe),
        1 => id.clone().prop_map(Op::RetireShoe),
        1 => id.clone().prop_map(Op::SetDefaultShoe),
        1 => id.clone().prop_map(Op::RecordCheck),
        1 => any::<bool>().prop_map(Op::Units),
        1 => Just(Op::NoteBackup),
        2 => id.clone().prop_map(Op::StartProtocol),
        1 => Just(Op::ClearProtocol),
        1 => any::<bool>().prop_map(Op::ChoosePlan),
        1 => (proptest::collection::vec(id, 0..3), any::<bool>())
            .prop_map(|(runs, replace)| Op::Restore { runs, replace }),
    ]
}

fn a_failure() -> impl Strategy<Value = Failure> {
    prop_oneof![
        12 => Just(Failure::None),
        1 => Just(Failure::Full),
        1 => Just(Failure::Blocked),
        2 => (0usize..3).prop_map(Failure::WriteFailsAfter),
        2 => (0u8..6).prop_map(Failure::OtherTabBetweenReadAndWrite),
    ]
}

fn a_step() -> impl Strategy<Value = Step> {
    let damage = prop_oneof![
        Just(Damage::Garbage),
        Just(Damage::BadRecord),
        Just(Damage::FromTheFuture)
    ];
    prop_oneof![
        20 => (0usize..2, an_op(), a_failure())
            .prop_map(|(tab, op, failure)| Step::Command { tab, op, failure }),
        2 => (0usize..2).prop_map(|tab| Step::Reopen { tab }),
        1 => (0..Collection::ALL.len(), damage, any::<bool>()).prop_map(
            |(collection, damage, while_full)| Step::Damage {
                collection,
                damage,
                while_full,
            }
        ),
        1 => (0usize..2).prop_map(|tab| Step::DeleteEverything { tab }),
    ]
}

fn id(prefix: &str, n: u8) -> RecordId {
    RecordId::from_random_bits((u128::from(prefix.as_bytes()[0]) << 8) | u128::from(n))
}

fn time(tick: usize) -> DateTime<Utc> {
    let start = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
    start + TimeDelta::seconds(tick as i64)
}

fn run(n: u8) -> Run {
    Run::easy(
        id("run", n),
        time(0).date_naive(),
        Distance::from_metres(1_000.0 * f64::from(n + 1)),
        Duration::from_minutes(30),
    )
}

// 0 to 9 is always a score.
#[allow(clippy::unwrap_used)]
fn pain(n: u8, now: DateTime<Utc>) -> PainEntry {
    PainEntry {
        id: id("pain", n),
        updated_at: now,
        date: now.date_naive(),
        pain: PainScore::new(n % 10).unwrap(),
        areas: Vec::new(),
        morning_stiffness: false,
        note: String::new(),
    }
}

fn shoe(n: u8, now: DateTime<Utc>) -> Shoe {
    Shoe {
        id: id("shoe", n),
        updated_at: now,
        name: format!("Pair {n}"),
        added_on: now.date_naive(),
        start_distance: Distance::default(),
        retired: false,
    }
}

fn command(op: &Op, tick: usize) -> Command {
    let now = time(tick);
    match op.clone() {
        Op::AddRun(n) => Command::AddRun(run(n)),
        Op::DeleteRun(n) => Command::DeleteRun(id("run", n)),
        Op::RestoreRun(n) => Command::RestoreRuns(vec![run(n)]),
        Op::AddPain(n) => Command::AddPain(pain(n, now)),
        Op::DeletePain(n) => Command::DeletePain(id("pain", n)),
        Op::AddStrength(n) => Command::AddStrength(StrengthSession {
            id: id("strength", n),
            updated_at: now,
            date: now.date_naive(),
            exercises: vec!["wall_sit".into()],
            minutes: None,
            note: String::new(),
        }),
        Op::AddShoe(n) => Command::AddShoe(shoe(n, now)),
        Op::RetireShoe(n) => Command::RetireShoe {
            id: id("shoe", n),
            now,
        },
        Op::SetDefaultShoe(n) => Command::SetDefaultShoe {
            id: id("shoe", n),
            now,
        },
        Op::RecordCheck(n) => Command::RecordCheck(TriageRecord {
            id: id("triage", n),
            updated_at: now,
            taken_at: now.fixed_offset(),
            care_tier: CareTier::SelfManage,
            conditions: Vec::new(),
            answers: Default::default(),
        }),
        Op::Units(miles) => Command::EditSettings {
            edit: SettingsEdit::Units(if miles {
                DistanceUnit::Mi
            } else {
                DistanceUnit::Km
            }),
            now,
        },
        Op::NoteBackup => Command::NoteBackup { at: now },
        Op::StartProtocol(n) => Command::StartProtocol {
            start: ProtocolStart {
                date: now.date_naive(),
                stage: Stage::ALL[usize::from(n) % Stage::ALL.len()],
                from_knee_check: None,
            },
            now,
        },
        Op::ClearProtocol => Command::ClearProtocol { now },
        Op::ChoosePlan(general) => Command::ChooseStrengthPlan {
            conditions: general.then(Vec::new),
            now,
        },
        Op::Restore { runs, replace } => Command::Restore {
            backup: Box::new(DataSet {
                runs: runs.into_iter().map(run).collect(),
                ..DataSet::default()
            }),
            mode: if replace {
                RestoreMode::Replace
            } else {
                RestoreMode::Merge
            },
        },
    }
}

/// What another tab adds to `collection`, as that tab would save it.
fn other_tabs_edit(collection: Collection, n: u8, now: DateTime<Utc>, data: &mut DataSet) {
    match collection {
        Collection::Runs => data.runs.push(run(n + 100)),
        Collection::Pain => data.pain.push(pain(n + 100, now)),
        Collection::Strength => data.strength.clear(),
        Collection::Shoes => data.shoes.push(shoe(n + 100, now)),
        Collection::Triage => data.triage.clear(),
        Collection::Settings => {
            data.settings.week_start = Weekday::Sun;
            data.settings.updated_at = Some(now);
        }
        Collection::Recovery => {
            data.recovery.plan_conditions = Some(vec!["it_band".into()]);
            data.recovery.updated_at = Some(now);
        }
        Collection::Visits => data.visits.push(crate::domain::records::Visit {
            id: crate::domain::records::RecordId::from_random_bits(u128::from(n) + 300),
            updated_at: now,
            recorded_at: now.fixed_offset(),
            advice: crate::domain::records::Advice::Cleared,
        }),
    }
}

/// A device with nothing stored, as its phone's language sets it up.
fn fresh(storage: &MemoryStorage) -> DataSet {
    DataSet {
        settings: Settings::for_locale(&storage.locale()),
        ..DataSet::default()
    }
}

/// What the store must make of `raw`, read now.
fn read_as(collection: Collection, raw: &str) -> DataSet {
    let mut data = DataSet::default();
    decode_into(
        collection,
        raw,
        |_| chrono::Offset::fix(&chrono::Utc),
        &mut data,
    );
    data
}

struct World {
    storage: MemoryStorage,
    tabs: [Stored; 2],
    /// What was acknowledged.
    model: DataSet,
    /// Damaged values that must never be lost.
    damaged: Vec<String>,
    /// Values from a newer app, by collection, that must stay as they are.
    future: BTreeMap<Collection, String>,
}

impl World {
    fn new() -> World {
        let storage = MemoryStorage::new();
        // An American phone: a fresh device's settings are not the international defaults.
        storage.set_locale(Locale::of_tag("en-US"));
        let tabs = [Stored::load(&storage), Stored::load(&storage)];
        World {
            model: fresh(&storage),
            storage,
            tabs,
            damaged: Vec::new(),
            future: BTreeMap::new(),
        }
    }

    /// Delivers the `storage` event for every key changed since the last delivery to each
    /// tab that did not make the change itself (`None`: neither did).
    fn deliver_events(&mut self, writer: Option<usize>) {
        for key in self.storage.take_changed() {
            for (index, tab) in self.tabs.iter_mut().enumerate() {
                if Some(index) != writer {
                    tab.on_storage_event(&self.storage, Some(&key));
                }
            }
        }
    }

    fn step(&mut self, step: &Step, tick: usize) -> Result<(), TestCaseError> {
        match step {
            Step::Command { tab, op, failure } => self.command(*tab, op, failure, tick)?,
            Step::Reopen { tab } => {
                self.tabs[*tab] = Stored::load(&self.storage);
                self.deliver_events(Some(*tab));
            }
            Step::Damage {
                collection,
                damage,
                while_full,
            } => {
                let collection = Collection::ALL[*collection];
                let key = collection.storage_key();
                let raw = match damage {
                    Damage::Garbage => format!("{{\"schema\":2,\"data\":[broken {tick}"),
                    Damage::BadRecord if !collection.is_single_object() => {
                        let mut list: serde_json::Value = self
                            .storage
                            .raw(&key)
                            .and_then(|raw| serde_json::from_str(&raw).ok())
                            .filter(|v: &serde_json::Value| {
                                v["schema"] == 2 && v["data"].is_array()
                            })
                            .unwrap_or(serde_json::json!({"schema": 2, "data": []}));
                        if let Some(items) = list["data"].as_array_mut() {
                            items.push(serde_json::json!({"id": tick, "broken": true}));
                        }
                        list.to_string()
                    }
                    Damage::BadRecord => format!("{{\"schema\":2,\"data\":{{\"bad\":{tick}}}}}"),
                    Damage::FromTheFuture => format!("{{\"schema\":99,\"data\":{tick}}}"),
                };
                // A damaged value the app never set aside is destroyed here by the test,
                // not by the app: it no longer has to be found.
                if let Some(old) = self.storage.raw(&key) {
                    let copies = self.storage.all().values().filter(|v| **v == old).count();
                    if copies == 1 {
                        self.damaged.retain(|raw| *raw != old);
                    }
                }
                self.storage.set_full(*while_full);
                self.storage.put(&key, &raw);
                let read = read_as(collection, &raw);
                copy_collection(collection, &read, &mut self.model);
                if matches!(damage, Damage::FromTheFuture) {
                    self.future.insert(collection, raw);
                } else {
                    self.future.remove(&collection);
                    self.damaged.push(raw);
                }
                self.deliver_events(None);
                self.storage.set_full(false);
            }
            Step::DeleteEverything { tab } => {
                let outcome = self.tabs[*tab].delete_everything(&self.storage);
                prop_assert!(outcome.is_ok(), "delete everything failed: {outcome:?}");
                self.model = fresh(&self.storage);
                self.damaged.clear();
                self.future.clear();
                self.deliver_events(Some(*tab));
            }
        }
        self.check()
    }

    fn command(
        &mut self,
        tab: usize,
        op: &Op,
        failure: &Failure,
        tick: usize,
    ) -> Result<(), TestCaseError> {
        let command = command(op, tick);
        let touches = command.touches();
        let blocked_by_future = touches.iter().any(|c| self.future.contains_key(c));
        let before = self.storage.all();
        let mut other_tab = None;
        match failure {
            Failure::None | Failure::WriteFailsAfter(_) => {}
            Failure::Full => self.storage.set_full(true),
            Failure::Blocked => self.storage.set_blocked(true),
            Failure::OtherTabBetweenReadAndWrite(n) => {
                let collection = touches[0];
                if !self.future.contains_key(&collection) {
                    let mut theirs = self.model.clone();
                    other_tabs_edit(collection, *n, time(tick), &mut theirs);
                    let raw = encode_collection(collection, &theirs)
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    self.storage
                        .another_tab_writes_after_read(&collection.storage_key(), &raw);
                    other_tab = Some((collection, theirs));
                }
            }
        }
        if let Failure::WriteFailsAfter(n) = failure {
            self.storage.fail_a_write_after(*n);
        }

        let outcome = self.tabs[tab].apply(&self.storage, command.clone());

        let raced = self.storage.take_foreign_write();
        self.storage.heal();
        if let Some((collection, theirs)) = other_tab.filter(|_| raced) {
            copy_collection(collection, &theirs, &mut self.model);
        }
        match &outcome {
            Ok(()) => {
                prop_assert!(!blocked_by_future, "wrote over a newer app's data");
                command.apply(&mut self.model);
                prop_assert_eq!(&self.tabs[tab].health.write_error, &None);
            }
            Err(reason) => {
                let expected = blocked_by_future
                    || matches!(
                        failure,
                        Failure::Full | Failure::Blocked | Failure::WriteFailsAfter(_)
                    );
                prop_assert!(expected, "{command:?} failed for no reason: {reason}");
                prop_assert_eq!(self.tabs[tab].health.write_error.as_ref(), Some(reason));
                if matches!(failure, Failure::Full | Failure::Blocked) {
                    prop_assert_eq!(&self.storage.all(), &before, "a refused change wrote");
                }
            }
        }
        // The other tab hears of this tab's writes; a racing third tab's write reaches both.
        self.deliver_events(if raced { None } else { Some(tab) });
        Ok(())
    }

    fn check(&self) -> Result<(), TestCaseError> {
        for collection in Collection::ALL {
            let key = collection.storage_key();
            let locale = self.storage.locale();
            let stored = match self.storage.raw(&key) {
                Some(raw) => read_as(collection, &raw),
                None => fresh(&self.storage),
            };
            let mut expected = fresh(&self.storage);
            copy_collection(collection, &self.model, &mut expected);
            // Settings from before schema 6 (a restored backup's) read with the phone's words.
            expected.settings.fill_from(&locale);
            let mut stored_read = fresh(&self.storage);
            copy_collection(collection, &stored, &mut stored_read);
            stored_read.settings.fill_from(&locale);
            prop_assert_eq!(&stored_read, &expected, "storage of {:?}", collection);
            for (index, tab) in self.tabs.iter().enumerate() {
                let mut shown = fresh(&self.storage);
                copy_collection(collection, &tab.data, &mut shown);
                prop_assert_eq!(&shown, &expected, "tab {} shows {:?}", index, collection);
            }
        }
        let all = self.storage.all();
        for raw in &self.damaged {
            let kept = all.values().any(|value| value == raw);
            prop_assert!(kept, "a damaged value was lost: {raw}");
        }
        for (collection, raw) in &self.future {
            let now = self.storage.raw(&collection.storage_key());
            prop_assert_eq!(
                now.as_ref(),
                Some(raw),
                "a newer app's data was written over"
            );
        }
        let listed: Vec<&String> = self.tabs[0]
            .health
            .set_aside
            .iter()
            .map(|s| &s.key)
            .collect();
        for key in all.keys().filter(|key| key.starts_with(SET_ASIDE_PREFIX)) {
            prop_assert!(listed.contains(&key), "{key} is set aside but not listed");
        }
        Ok(())
    }
}

/// Steps per case × cases: at least 10,000 steps in all.
const STEPS: usize = 50;
const CASES: u32 = 220;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_store_keeps_every_acknowledged_change_and_every_damaged_value(
        steps in proptest::collection::vec(a_step(), STEPS)
    ) {
        let mut world = World::new();
        for (tick, step) in steps.iter().enumerate() {
            world.step(step, tick)?;
        }
    }
}

#[test]
fn the_search_covers_at_least_ten_thousand_steps() {
    assert!(STEPS * CASES as usize >= 10_000);
}
