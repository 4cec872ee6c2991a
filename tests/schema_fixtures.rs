//! Every schema version Patella ever wrote still loads: each folder under
//! `tests/fixtures/schema/` holds one version's localStorage values and backup file, and
//! each is migrated to the current schema and read into the typed records. New version
//! folders are picked up without touching this file.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc, Weekday};
use patella::domain::backup::parse_backup;
use patella::domain::dataset::DataSet;
use patella::domain::json;
use patella::domain::locale::{DateStyle, English};
use patella::domain::protocol::Stage;
use patella::domain::records::{CareTier, KneeArea, Record, RunKind, Surface, Validate};
use patella::domain::schema::{migrate, Collection, CURRENT_SCHEMA};
use patella::domain::units::DistanceUnit;
use patella::store::codec::{self, Decoded};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema")
}

/// (schema number, folder) for every `vN` folder, oldest first.
fn version_folders() -> Vec<(u32, PathBuf)> {
    let mut folders: Vec<(u32, PathBuf)> = fs::read_dir(fixtures_root())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|path| {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let version = name
                .strip_prefix('v')
                .and_then(|number| number.parse().ok())
                .unwrap_or_else(|| panic!("fixture folder {name} is not named vN"));
            (version, path)
        })
        .collect();
    folders.sort();
    folders
}

/// The device's zone the fixtures are read in: New York, whose evenings are the next day in
/// UTC, by its 2026 rules (EDT from 8 March to 1 November), enough for every fixture's dates.
fn new_york(at: DateTime<Utc>) -> FixedOffset {
    let summer_starts: DateTime<Utc> = "2026-03-08T07:00:00Z".parse().unwrap();
    let summer_ends: DateTime<Utc> = "2026-11-01T06:00:00Z".parse().unwrap();
    let hours = if (summer_starts..summer_ends).contains(&at) {
        -4
    } else {
        -5
    };
    FixedOffset::east_opt(hours * 3600).unwrap()
}

/// The tests' today: the day PATELLA_TODAY pins ("2027-01-01T00:30" or "2027-01-01"), as
/// every other test reads it (e2e/support/clock.mjs), or the real local day.
fn today() -> NaiveDate {
    match std::env::var("PATELLA_TODAY") {
        Ok(pinned) => pinned
            .get(..10)
            .and_then(|day| day.parse().ok())
            .unwrap_or_else(|| {
                panic!("PATELLA_TODAY={pinned} is not a local date like 2027-01-01T00:30")
            }),
        Err(_) => Local::now().date_naive(),
    }
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A stored envelope's data, migrated to the current schema; `None` when the version had
/// no such collection.
fn migrated(folder: &Path, version: u32, collection: Collection) -> Option<Value> {
    let path = folder.join(format!("{}.json", collection.storage_key()));
    if !path.exists() {
        return None;
    }
    let envelope = read_json(&path);
    assert_eq!(
        envelope["schema"].as_u64(),
        Some(u64::from(version)),
        "{} sits in the folder of another version",
        path.display()
    );
    // The migration steps work on the app's own JSON tree, which holds the same numbers.
    let data: json::Value = serde_json::from_value(envelope["data"].clone()).unwrap();
    let migrated = migrate(collection, u64::from(version), data, new_york)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_json::to_value(migrated).unwrap())
}

/// Reads a migrated list into typed records; every record must read and pass its checks,
/// with ids unique.
fn records<R>(folder: &Path, version: u32, collection: Collection) -> Vec<R>
where
    R: DeserializeOwned + Validate + Record,
{
    let Some(data) = migrated(folder, version, collection) else {
        return Vec::new();
    };
    let items = data
        .as_array()
        .expect("a collection's data is a list")
        .clone();
    assert!(
        !items.is_empty(),
        "v{version} {}: a fixture needs records to prove they migrate",
        collection.name()
    );
    let records: Vec<R> = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            serde_json::from_value(item).unwrap_or_else(|e| {
                panic!("v{version} {} record {}: {e}", collection.name(), i + 1)
            })
        })
        .collect();
    let mut ids = HashSet::new();
    for record in &records {
        assert!(
            record.problems(today()).is_empty(),
            "v{version} {} {}: {:?}",
            collection.name(),
            record.id(),
            record.problems(today())
        );
        assert!(
            ids.insert(record.id().clone()),
            "duplicate id {}",
            record.id()
        );
    }
    records
}

/// A collection kept as one object, or its default when the version did not store it.
fn object<T: DeserializeOwned + Default>(folder: &Path, version: u32, collection: Collection) -> T {
    migrated(folder, version, collection)
        .map(|data| {
            serde_json::from_value(data)
                .unwrap_or_else(|e| panic!("v{version} {}: {e}", collection.name()))
        })
        .unwrap_or_default()
}

fn data_set(folder: &Path, version: u32) -> DataSet {
    let settings = object(folder, version, Collection::Settings);
    DataSet {
        runs: records(folder, version, Collection::Runs),
        pain: records(folder, version, Collection::Pain),
        strength: records(folder, version, Collection::Strength),
        shoes: records(folder, version, Collection::Shoes),
        triage: records(folder, version, Collection::Triage),
        settings,
        recovery: object(folder, version, Collection::Recovery),
        visits: records(folder, version, Collection::Visits),
    }
}

#[test]
fn every_shipped_schema_has_a_fixture_folder() {
    let versions: Vec<u32> = version_folders().iter().map(|(v, _)| *v).collect();
    assert_eq!(versions, (1..=CURRENT_SCHEMA).collect::<Vec<_>>());
}

#[test]
fn fixture_folders_hold_only_files_the_test_reads() {
    for (version, folder) in version_folders() {
        let mut known: HashSet<String> = Collection::ALL
            .iter()
            .map(|c| format!("{}.json", c.storage_key()))
            .collect();
        known.insert(format!("backup-v{version}.json"));
        for entry in fs::read_dir(&folder).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                known.contains(&name),
                "v{version}/{name} is not a fixture the test reads"
            );
        }
    }
}

#[test]
fn the_newest_fixture_has_every_collection() {
    let (version, folder) = version_folders().pop().unwrap();
    for collection in Collection::ALL {
        let path = folder.join(format!("{}.json", collection.storage_key()));
        assert!(path.exists(), "v{version} lacks {}", path.display());
    }
}

#[test]
fn every_version_migrates_and_reads_in_full() {
    for (version, folder) in version_folders() {
        let data = data_set(&folder, version);
        assert!(data.counts().runs > 0, "v{version} has no runs");
        assert!(
            data.settings.problems(today()).is_empty(),
            "v{version} settings: {:?}",
            data.settings.problems(today())
        );
    }
}

#[test]
fn each_backup_fixture_restores_the_same_records_as_its_storage() {
    for (version, folder) in version_folders() {
        let path = folder.join(format!("backup-v{version}.json"));
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let backup = parse_backup(&bytes, today(), new_york, DateStyle::default())
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_eq!(backup.schema, version);
        let mut stored = data_set(&folder, version);
        // Backups made before the back-to-running plan joined the collections (issue 14)
        // left it out: such a file restores everything else, and the plan as not started.
        let file: Value = serde_json::from_slice(&bytes).unwrap();
        if file["data"].get(Collection::Recovery.name()).is_none() {
            stored.recovery = Default::default();
        }
        assert_eq!(backup.data, stored, "v{version}");
    }
}

#[test]
fn version_1_reads_as_it_was_written() {
    let folder = fixtures_root().join("v1");
    let data = data_set(&folder, 1);
    let counts = data.counts();
    assert_eq!(
        (
            counts.runs,
            counts.pain,
            counts.strength,
            counts.shoes,
            counts.triage
        ),
        (4, 3, 2, 3, 1)
    );

    let tempo = &data.runs[1];
    assert_eq!(tempo.date, NaiveDate::from_ymd_opt(2026, 10, 7).unwrap());
    assert_eq!(tempo.distance.metres(), 10_000.0);
    assert_eq!(tempo.duration.seconds(), 2_730);
    assert_eq!(tempo.kind, RunKind::Tempo);
    assert_eq!(tempo.surface, Some(Surface::Track));
    assert_eq!(tempo.pain_after.map(|p| p.value()), Some(3));
    assert!(tempo.notes.contains("\"sore\"") && tempo.notes.contains('\n'));
    let bare = &data.runs[3];
    assert_eq!(
        (bare.kind, bare.surface, bare.cadence_spm),
        (RunKind::Easy, None, None)
    );
    assert_eq!(bare.distance.metres(), 4_988.966_4);

    assert_eq!(data.pain[0].pain.value(), 3);
    assert!(data.pain[0].morning_stiffness);
    assert_eq!(data.pain[1].areas, [KneeArea::Front, KneeArea::Outer]);
    assert!(data.pain[2].areas.is_empty());

    assert_eq!(data.strength[0].exercises.len(), 4);
    assert_eq!(data.strength[1].minutes, None);

    assert_eq!(data.shoes[0].name, "Pegasus 40 (blue)");
    assert_eq!(data.shoes[1].start_distance.metres(), 120_000.0);
    assert!(data.shoes[2].retired);
    assert_eq!(tempo.shoe_id.as_ref(), Some(&data.shoes[0].id));

    assert_eq!(data.triage[0].care_tier, CareTier::SelfManage);
    assert_eq!(data.triage[0].answers["worse_on_stairs"], "yes");

    assert_eq!(data.settings.units, DistanceUnit::Km);
    assert_eq!(data.settings.week_start, Weekday::Mon);
    assert_eq!(data.settings.shoe_threshold.metres(), 650_000.0);
    assert_eq!(data.settings.default_shoe.as_ref(), Some(&data.shoes[0].id));

    // Kept under `patella.recovery` in its own envelope before it was a collection.
    let start = data.recovery.start.as_ref().expect("the plan had started");
    assert_eq!(start.date, NaiveDate::from_ymd_opt(2026, 10, 9).unwrap());
    assert_eq!(start.stage, Stage::Week1);
    assert_eq!(
        start.from_knee_check,
        Some(data.triage[0].taken_at.date_naive())
    );
    assert_eq!(
        data.recovery.plan_conditions.as_deref(),
        Some(&["patellofemoral_pain".to_string()][..])
    );
    assert_eq!(data.recovery.updated_at, None);
}

#[test]
fn version_2_keeps_where_imported_runs_came_from() {
    use patella::domain::records::SourceFormat;
    let data = data_set(&fixtures_root().join("v2"), 2);
    assert_eq!(data.counts().runs, 6);
    let typed = &data.runs[0];
    assert_eq!(typed.source, None);

    let from_watch = data.runs[4].source.as_ref().expect("an imported run");
    assert_eq!(from_watch.file_name, "Morning_Run_2026-10-18.fit");
    assert_eq!(from_watch.format, SourceFormat::Fit);
    assert_eq!(
        from_watch.started_at.to_rfc3339(),
        "2026-10-18T06:42:09+00:00"
    );
    assert_eq!(from_watch.elapsed.seconds(), 3_302);
    assert_eq!(from_watch.avg_heart_rate_bpm, Some(151));
    assert_eq!(from_watch.elevation_gain_m, Some(84.6));
    assert_eq!(data.runs[4].duration.seconds(), 3_185);

    let from_strava = data.runs[5].source.as_ref().expect("an imported run");
    assert_eq!(from_strava.format, SourceFormat::StravaCsv);
    assert_eq!(
        (from_strava.avg_heart_rate_bpm, from_strava.elevation_gain_m),
        (None, None)
    );
}

#[test]
fn version_3_keeps_what_the_runner_was_told_when_seen() {
    use patella::domain::records::{latest_visit, Advice};
    let folder = fixtures_root().join("v3");
    let data = data_set(&folder, 3);
    let told: Vec<Advice> = data.visits.iter().map(|visit| visit.advice).collect();
    assert_eq!(told, [Advice::RestUntilReviewed, Advice::Cleared]);
    assert_eq!(
        latest_visit(&data.visits).map(|visit| visit.recorded_at.to_rfc3339()),
        Some("2026-10-17T05:12:45-04:00".to_string())
    );
    // Everything schema 2 held reads as it did.
    let mut before = data_set(&fixtures_root().join("v2"), 2);
    before.visits = data.visits.clone();
    assert_eq!(data, before);
}

/// Schema 4 keeps the offset with a check's and a visit's time. Read in New York, 0.3.0's
/// UTC times land on the runner's day: the check at 20:15 UTC was 16:15 there. Everything
/// else reads as schema 3 wrote it, and a schema-4 store holds exactly that.
#[test]
fn version_4_puts_checks_and_visits_on_the_runners_day() {
    let migrated = data_set(&fixtures_root().join("v3"), 3);
    let check = &migrated.triage[0];
    assert_eq!(check.taken_at.to_rfc3339(), "2026-10-08T16:15:31-04:00");
    assert_eq!(check.taken_at.date_naive().to_string(), "2026-10-08");
    let first_visit = migrated.visits.iter().map(|v| v.recorded_at).min().unwrap();
    assert_eq!(first_visit.to_rfc3339(), "2026-10-10T12:40:12-04:00");
    // Runs aside: the v4 fixture also holds the names 0.4.0 kept in runs' notes
    // (`version_4_names_its_imported_and_timed_runs`).
    let mut v4 = data_set(&fixtures_root().join("v4"), 4);
    v4.runs = migrated.runs.clone();
    assert_eq!(v4, migrated);
    // A schema-4 file is never moved again: the zone it is read in does not matter.
    let path = fixtures_root().join("v4/patella.triage.json");
    let raw = fs::read_to_string(path).unwrap();
    let Decoded::Clean(read) = codec::decode_records::<patella::domain::records::TriageRecord>(
        Collection::Triage,
        &raw,
        |_| FixedOffset::east_opt(9 * 3600).unwrap(),
    ) else {
        panic!("v4 triage did not read")
    };
    assert_eq!(read[0].taken_at.to_rfc3339(), "2026-10-08T16:15:31-04:00");
}

/// What the store itself makes of a fixture's stored value: its shipped path (the page's own
/// JSON code, salvage and migration included) must read every record, clean.
fn through_the_store<T>(
    folder: &Path,
    collection: Collection,
    decode: fn(Collection, &str, patella::domain::schema::Zone) -> Decoded<T>,
) -> Option<T> {
    let path = folder.join(format!("{}.json", collection.storage_key()));
    let raw = fs::read_to_string(&path).ok()?;
    match decode(collection, &raw, new_york) {
        Decoded::Clean(data) => Some(data),
        other => panic!("{}: {}", path.display(), other_verdict(&other)),
    }
}

fn other_verdict<T>(verdict: &Decoded<T>) -> &str {
    match verdict {
        Decoded::Clean(_) => "clean",
        Decoded::Salvaged { reason, .. }
        | Decoded::Unreadable { reason }
        | Decoded::FromTheFuture { reason } => reason,
    }
}

#[test]
fn every_version_loads_through_the_store_as_it_reads_here() {
    for (version, folder) in version_folders() {
        let expected = data_set(&folder, version);
        let loaded = DataSet {
            runs: through_the_store(&folder, Collection::Runs, codec::decode_records)
                .unwrap_or_default(),
            pain: through_the_store(&folder, Collection::Pain, codec::decode_records)
                .unwrap_or_default(),
            strength: through_the_store(&folder, Collection::Strength, codec::decode_records)
                .unwrap_or_default(),
            shoes: through_the_store(&folder, Collection::Shoes, codec::decode_records)
                .unwrap_or_default(),
            triage: through_the_store(&folder, Collection::Triage, codec::decode_records)
                .unwrap_or_default(),
            settings: through_the_store(&folder, Collection::Settings, codec::decode_object)
                .unwrap_or_default(),
            recovery: through_the_store(&folder, Collection::Recovery, codec::decode_object)
                .unwrap_or_default(),
            visits: through_the_store(&folder, Collection::Visits, codec::decode_records)
                .unwrap_or_default(),
        };
        assert_eq!(loaded, expected, "v{version}");
    }
}

/// 0.4.0 kept an imported run's name and a timed session's plan in the run's notes; from
/// schema 5 they are the run's name, and the runner's own notes stay notes.
#[test]
fn version_4_names_its_imported_and_timed_runs() {
    for version in [4, 5] {
        let data = data_set(&fixtures_root().join(format!("v{version}")), version);
        let by_day = |day: &str| {
            let day: NaiveDate = day.parse().unwrap();
            data.runs.iter().find(|run| run.date == day).unwrap()
        };
        let imported = by_day("2026-10-18");
        assert_eq!(
            (imported.title.as_str(), imported.notes.as_str()),
            ("Morning Run", ""),
            "v{version}"
        );
        let timed = by_day("2026-10-22");
        assert_eq!(
            timed.title, "Walk-run timer: 2 min walk / 1 min run, 21 min in all",
            "v{version}"
        );
        assert_eq!(timed.notes, "", "v{version}");
        let typed = by_day("2026-10-04");
        assert_eq!(
            (typed.title.as_str(), typed.notes.as_str()),
            ("", "Easy loop by the river, knee quiet"),
            "v{version}"
        );
    }
    let v5 = data_set(&fixtures_root().join("v5"), 5);
    let long = v5
        .runs
        .iter()
        .find(|run| run.kind == RunKind::Long)
        .unwrap();
    assert_eq!(long.title, "Half marathon on the trails");
}

/// Schema 6 keeps the runner's English and date style; older settings have none, for the
/// store to fill from the phone's language.
#[test]
fn version_6_keeps_the_runners_english_and_date_style() {
    let v6 = data_set(&fixtures_root().join("v6"), 6);
    assert_eq!(v6.settings.english, Some(English::Us));
    assert_eq!(v6.settings.dates, Some(DateStyle::US));
    for version in 1..6 {
        let older = data_set(&fixtures_root().join(format!("v{version}")), version);
        assert_eq!(
            (older.settings.english, older.settings.dates),
            (None, None),
            "v{version}"
        );
    }
}
