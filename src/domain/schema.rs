//! Schema versions of stored data and the migration chain from every earlier one.
//!
//! Each collection is stored (and backed up) as JSON tagged with the schema number that
//! wrote it. Loading older data runs it through every step from its version to
//! [`CURRENT_SCHEMA`]; data from a newer version of the app is refused, never overwritten,
//! because this version cannot know what it would lose.

use std::fmt;

use chrono::{DateTime, FixedOffset, Utc};

use crate::domain::iso;
use crate::domain::json::Value;
use crate::domain::session_draft::TIMER_TITLE_START;

/// The schema this build writes. Bump it only together with a new step in [`STEPS`]
/// and a fixture for the old version under `tests/fixtures/schema/`.
pub const CURRENT_SCHEMA: u32 = 6;

/// The runner's UTC offset at an instant, as their device's time zone gives it: what a
/// step needs to put a stored moment on the runner's local day. The browser's zone in the
/// app (`platform::clock::offset_at`), a fixed one in tests.
pub type Zone = fn(DateTime<Utc>) -> FixedOffset;

/// Whether the current record types read `collection` as schema `schema` wrote it: no
/// step from there on changes that collection ([`Migration::changes`]). The store reads
/// such data in one pass instead of migrating it value by value.
pub fn reads_as_is(collection: Collection, schema: u32) -> bool {
    let from = schema.saturating_sub(1) as usize;
    schema >= 1
        && STEPS
            .get(from..)
            .is_some_and(|later| later.iter().all(|m| !m.changes.contains(&collection)))
}

/// The kinds of stored data, each kept under its own localStorage key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    Runs,
    Pain,
    Strength,
    Shoes,
    Triage,
    Settings,
    /// The back-to-running plan's start and the chosen strength plan: one object.
    Recovery,
    /// "I've been seen": what a clinician told the runner (schema 3 on).
    Visits,
}

impl Collection {
    pub const ALL: [Collection; 8] = [
        Collection::Runs,
        Collection::Pain,
        Collection::Strength,
        Collection::Shoes,
        Collection::Triage,
        Collection::Settings,
        Collection::Recovery,
        Collection::Visits,
    ];

    /// The name used as the field of a backup file and in the storage key.
    pub fn name(self) -> &'static str {
        match self {
            Collection::Runs => "runs",
            Collection::Pain => "pain",
            Collection::Strength => "strength",
            Collection::Shoes => "shoes",
            Collection::Triage => "triage",
            Collection::Settings => "settings",
            Collection::Recovery => "recovery",
            Collection::Visits => "visits",
        }
    }

    /// The localStorage key; every key the app writes starts with `patella.`.
    pub fn storage_key(self) -> String {
        format!("patella.{}", self.name())
    }

    /// How a person would call one record of this kind.
    pub fn record_noun(self) -> &'static str {
        match self {
            Collection::Runs => "run",
            Collection::Pain => "pain entry",
            Collection::Strength => "strength session",
            Collection::Shoes => "shoe",
            Collection::Triage => "knee check",
            Collection::Settings => "settings",
            Collection::Recovery => "back-to-running plan",
            Collection::Visits => "clinician visit",
        }
    }

    /// What the runner's messages call this kind of data ("Some saved … could not be read").
    pub fn in_words(self) -> &'static str {
        match self {
            Collection::Recovery => "back-to-running plan",
            Collection::Visits => "clinician visits",
            other => other.name(),
        }
    }

    /// Kept as one object rather than a list of records.
    pub fn is_single_object(self) -> bool {
        matches!(self, Collection::Settings | Collection::Recovery)
    }
}

/// Why stored or imported data cannot be brought to the current schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaError {
    /// Written by a newer Patella: keep it untouched.
    FromTheFuture { found: u32 },
    /// Not a schema number any Patella ever wrote.
    Unknown { found: u64 },
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaError::FromTheFuture { found } => write!(
                f,
                "it was saved by a newer version of Patella (data version {found}, this app \
                 reads up to {CURRENT_SCHEMA}); update the app to read it"
            ),
            SchemaError::Unknown { found } => {
                write!(f, "its data version {found} is not one Patella ever used")
            }
        }
    }
}

impl std::error::Error for SchemaError {}

/// One migration step: turns a collection's data at version `from` into version `from + 1`,
/// and names the collections whose stored values it changes.
struct Migration {
    step: fn(Collection, Value, Zone) -> Value,
    changes: &'static [Collection],
}

/// `STEPS[i]` migrates from schema `i + 1` to `i + 2`. A new version is one more row here,
/// one more step below, and [`CURRENT_SCHEMA`] one higher.
const STEPS: &[Migration] = &[
    Migration {
        step: v1_to_v2,
        changes: &[],
    },
    Migration {
        step: v2_to_v3,
        changes: &[],
    },
    Migration {
        step: v3_to_v4,
        changes: &[Collection::Triage, Collection::Visits],
    },
    Migration {
        step: v4_to_v5,
        changes: &[Collection::Runs],
    },
    Migration {
        step: v5_to_v6,
        changes: &[],
    },
];

/// Schema 2 gave runs an optional `source` (the file an imported run came from). Every
/// schema-1 record is already a valid schema-2 record, so the data is unchanged; the number
/// went up so that a schema-1 build refuses the new field whole instead of salvaging
/// around it.
fn v1_to_v2(_: Collection, data: Value, _: Zone) -> Value {
    data
}

/// Schema 3 added the visits ("I've been seen", `patella.visits`). Every schema-2 value is
/// a valid schema-3 value (an older build simply had no visits), so the data is unchanged;
/// the number went up so that a schema-2 build refuses a backup or a store with visits as
/// newer, in words, instead of dropping them.
fn v2_to_v3(_: Collection, data: Value, _: Zone) -> Value {
    data
}

/// Schema 4 keeps a knee check's and a visit's time with the runner's UTC offset
/// ("2027-02-10T21:30:00-05:00"), so that it belongs to the runner's day: until then it was
/// stored in UTC ("2027-02-11T02:30:00Z"), and a check in a New York evening or a Sydney
/// morning counted on the wrong day (a plan started right after it was ignored). The
/// offset those times were taken in was never stored; the device's zone at that instant is
/// the best knowledge there is, and right for a runner who has not moved zones since.
/// A time that does not read is left as it is, for the record's own check to report.
fn v3_to_v4(collection: Collection, data: Value, zone: Zone) -> Value {
    let field = match collection {
        Collection::Triage => "taken_at",
        Collection::Visits => "recorded_at",
        _ => return data,
    };
    let Value::Array(records) = data else {
        return data;
    };
    Value::Array(
        records
            .into_iter()
            .map(|record| match record {
                Value::Object(mut fields) => {
                    if let Some(Value::String(text)) = fields.get_mut(field) {
                        // Only what 0.3.0 wrote ("…Z"): a time that names its offset keeps it.
                        let in_utc = text.ends_with(['Z', 'z']);
                        if let Some(at) = iso::parse_instant(text).filter(|_| in_utc) {
                            *text = iso::write_zoned(at.with_timezone(&zone(at)));
                        }
                    }
                    Value::Object(fields)
                }
                other => other,
            })
            .collect(),
    )
}

/// Schema 5 gave runs a name (`title`). Until then an import put the file's name for the
/// activity ("Morning Run") in the run's notes, and the walk-run timer its plan ("Walk-run
/// timer: 2 min walk / 1 min run, 21 min in all"). Such notes, one line no longer than a
/// name, become the run's name, so old and new runs read alike; notes of several lines, or
/// longer, are the runner's and stay, and a run typed in keeps its notes.
fn v4_to_v5(collection: Collection, data: Value, _: Zone) -> Value {
    if collection != Collection::Runs {
        return data;
    }
    let Value::Array(records) = data else {
        return data;
    };
    let is_name = |text: &str| {
        !text.is_empty()
            && !text.contains('\n')
            && text.chars().count() <= crate::domain::records::MAX_TITLE_CHARS
    };
    let moved = records.into_iter().map(|record| match record {
        Value::Object(mut fields) if !fields.contains_key("title") => {
            let named_by_app =
                |notes: &str| fields.contains_key("source") || notes.starts_with(TIMER_TITLE_START);
            if let Some(Value::String(notes)) = fields.get("notes") {
                if is_name(notes) && named_by_app(notes) {
                    if let Some(notes) = fields.remove("notes") {
                        fields.insert("title".to_string(), notes);
                    }
                }
            }
            Value::Object(fields)
        }
        other => other,
    });
    Value::Array(moved.collect())
}

/// Schema 6 gave the settings the runner's English and date style (`english`, `dates`).
/// Every schema-5 value is a valid schema-6 value: settings without them take the phone's
/// as the store reads them. The number went up so that a schema-5 build, whose settings
/// refuse unknown fields, refuses the new ones whole as newer instead of setting the
/// runner's settings aside as damaged.
fn v5_to_v6(_: Collection, data: Value, _: Zone) -> Value {
    data
}

/// Whether data written at `schema` can be brought to [`CURRENT_SCHEMA`]: the version as a
/// number this build knows, or why not. [`migrate`] refuses exactly what this refuses.
pub fn check(schema: u64) -> Result<u32, SchemaError> {
    if schema == 0 {
        return Err(SchemaError::Unknown { found: schema });
    }
    let Ok(schema) = u32::try_from(schema) else {
        return Err(SchemaError::Unknown { found: schema });
    };
    if schema > CURRENT_SCHEMA {
        return Err(SchemaError::FromTheFuture { found: schema });
    }
    Ok(schema)
}

/// Brings `data` written at `schema` up to [`CURRENT_SCHEMA`], in the runner's `zone`.
pub fn migrate(
    collection: Collection,
    schema: u64,
    data: Value,
    zone: Zone,
) -> Result<Value, SchemaError> {
    let schema = check(schema)?;
    let first_step = (schema - 1) as usize;
    Ok(STEPS[first_step..]
        .iter()
        .fold(data, |data, m| (m.step)(collection, data, zone)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Value {
        text.parse().unwrap()
    }

    fn utc(_: DateTime<Utc>) -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    /// New York's rules, enough for these tests: UTC-4 from 14 March to 7 November 2027
    /// (from 2 a.m. local), UTC-5 otherwise.
    fn new_york(at: DateTime<Utc>) -> FixedOffset {
        let summer_starts: DateTime<Utc> = "2027-03-14T07:00:00Z".parse().unwrap();
        let summer_ends: DateTime<Utc> = "2027-11-07T06:00:00Z".parse().unwrap();
        let hours = if (summer_starts..summer_ends).contains(&at) {
            -4
        } else {
            -5
        };
        FixedOffset::east_opt(hours * 3600).unwrap()
    }

    #[test]
    fn data_read_as_is_is_unchanged_by_migration() {
        let sample = tree(
            r#"[{"id":"a1","date":"2026-11-20","distance":5000.0,
                 "taken_at":"2027-02-11T02:30:00Z","recorded_at":"2027-02-11T02:30:00Z"}]"#,
        );
        for collection in Collection::ALL {
            for schema in 1..=CURRENT_SCHEMA {
                if reads_as_is(collection, schema) {
                    assert_eq!(
                        migrate(collection, u64::from(schema), sample.clone(), new_york),
                        Ok(sample.clone()),
                        "{collection:?} from schema {schema}"
                    );
                }
            }
        }
    }

    #[test]
    fn checks_and_visits_move_to_the_runners_day() {
        let stored = tree(
            r#"[{"id":"a","taken_at":"2027-02-11T02:30:00Z","recorded_at":"2027-02-11T02:30:00Z"},
                {"id":"b","taken_at":"2027-07-01T03:00:00.5Z","recorded_at":"2027-07-01T03:00:00.5Z"},
                {"id":"c","taken_at":"not a time","recorded_at":7}]"#,
        );
        let moved = |collection, zone| migrate(collection, 3, stored.clone(), zone).unwrap();
        let times = |data: Value, field: &str| match data {
            Value::Array(records) => records
                .into_iter()
                .map(|record| match record {
                    Value::Object(fields) => fields[field].clone(),
                    _ => panic!("not a record"),
                })
                .collect::<Vec<_>>(),
            _ => panic!("not a list"),
        };
        let text = |s: &str| Value::String(s.into());
        assert_eq!(
            times(moved(Collection::Triage, new_york), "taken_at"),
            vec![
                text("2027-02-10T21:30:00-05:00"),
                text("2027-06-30T23:00:00.500-04:00"),
                text("not a time")
            ]
        );
        // Only the field each collection dates by; the other is left as it was.
        assert_eq!(
            times(moved(Collection::Triage, new_york), "recorded_at")[0],
            text("2027-02-11T02:30:00Z")
        );
        assert_eq!(
            times(moved(Collection::Visits, new_york), "recorded_at"),
            vec![
                text("2027-02-10T21:30:00-05:00"),
                text("2027-06-30T23:00:00.500-04:00"),
                Value::Number(crate::domain::json::Number::U64(7))
            ]
        );
        assert_eq!(
            times(moved(Collection::Triage, utc), "taken_at")[0],
            text("2027-02-11T02:30:00+00:00")
        );
        assert_eq!(moved(Collection::Runs, new_york), stored);
    }

    /// A time that names its own offset (a hand-edited backup) keeps it: only 0.3.0's UTC
    /// times are put in the device's zone.
    #[test]
    fn a_time_with_its_own_offset_is_left_as_it_is() {
        let stored = tree(r#"[{"id":"a","taken_at":"2027-02-11T02:30:00+01:00"}]"#);
        assert_eq!(
            migrate(Collection::Triage, 3, stored.clone(), new_york),
            Ok(stored)
        );
    }

    /// Only what the app itself wrote in the notes becomes a name: an import's activity
    /// name or the timer's plan, on one line. The runner's own notes stay.
    #[test]
    fn imported_and_timed_runs_notes_become_their_names() {
        let stored = tree(
            r#"[{"id":"a","source":{},"notes":"Morning Run"},
                {"id":"b","notes":"Walk-run timer: 2 min walk / 1 min run, 21 min in all"},
                {"id":"c","notes":"Morning Run"},
                {"id":"d","source":{},"notes":"Ran with Sam\nknee fine"},
                {"id":"e","source":{},"notes":"Lunch Run","title":"Kept"},
                {"id":"f","source":{}}]"#,
        );
        let moved = migrate(Collection::Runs, 4, stored.clone(), utc).unwrap();
        let expected = tree(
            r#"[{"id":"a","source":{},"title":"Morning Run"},
                {"id":"b","title":"Walk-run timer: 2 min walk / 1 min run, 21 min in all"},
                {"id":"c","notes":"Morning Run"},
                {"id":"d","source":{},"notes":"Ran with Sam\nknee fine"},
                {"id":"e","source":{},"notes":"Lunch Run","title":"Kept"},
                {"id":"f","source":{}}]"#,
        );
        assert_eq!(moved, expected);
        // Another collection's notes are not a run's.
        assert_eq!(
            migrate(Collection::Pain, 4, stored.clone(), utc),
            Ok(stored)
        );
    }

    #[test]
    fn there_is_a_step_from_every_earlier_schema() {
        assert_eq!(STEPS.len() as u32, CURRENT_SCHEMA - 1);
    }

    #[test]
    fn current_data_passes_through_unchanged() {
        let data = tree(r#"[{"id":"a"}]"#);
        assert_eq!(migrate(Collection::Runs, 1, data.clone(), utc), Ok(data));
    }

    #[test]
    fn future_and_unknown_versions_are_refused() {
        let data = tree("[]");
        assert_eq!(
            migrate(
                Collection::Runs,
                u64::from(CURRENT_SCHEMA) + 1,
                data.clone(),
                utc
            ),
            Err(SchemaError::FromTheFuture {
                found: CURRENT_SCHEMA + 1
            })
        );
        assert_eq!(
            migrate(Collection::Runs, 0, data.clone(), utc),
            Err(SchemaError::Unknown { found: 0 })
        );
        assert_eq!(
            migrate(Collection::Runs, u64::MAX, data, utc),
            Err(SchemaError::Unknown { found: u64::MAX })
        );
    }

    #[test]
    fn every_key_is_namespaced() {
        for collection in Collection::ALL {
            assert!(collection.storage_key().starts_with("patella."));
        }
    }
}
