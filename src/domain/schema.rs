//! Schema versions of stored data and the migration chain from every earlier one.
//!
//! Each collection is stored (and backed up) as JSON tagged with the schema number that
//! wrote it. Loading older data runs it through every step from its version to
//! [`CURRENT_SCHEMA`]; data from a newer version of the app is refused, never overwritten,
//! because this version cannot know what it would lose.

use std::fmt;

use crate::domain::json::Value;

/// The schema this build writes. Bump it only together with a new step in [`STEPS`]
/// and a fixture for the old version under `tests/fixtures/schema/`.
pub const CURRENT_SCHEMA: u32 = 3;

/// The oldest schema whose data the current record types read exactly as it was written:
/// every step from it to [`CURRENT_SCHEMA`] leaves the data unchanged (schema 2 only added
/// an optional field, schema 3 a new collection). The store reads such data in one pass instead of migrating it value
/// by value. Raise it to `CURRENT_SCHEMA` with the first step that changes data.
pub const OLDEST_READ_AS_IS: u32 = 1;

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

/// One migration step: turns a collection's data at version `from` into version `from + 1`.
type Step = fn(Collection, Value) -> Value;

/// `STEPS[i]` migrates from schema `i + 1` to `i + 2`.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3];

/// Schema 2 gave runs an optional `source` (the file an imported run came from). Every
/// schema-1 record is already a valid schema-2 record, so the data is unchanged; the number
/// went up so that a schema-1 build refuses the new field whole instead of salvaging
/// around it.
fn v1_to_v2(_: Collection, data: Value) -> Value {
    data
}

/// Schema 3 added the visits ("I've been seen", `patella.visits`). Every schema-2 value is
/// a valid schema-3 value (an older build simply had no visits), so the data is unchanged;
/// the number went up so that a schema-2 build refuses a backup or a store with visits as
/// newer, in words, instead of dropping them.
fn v2_to_v3(_: Collection, data: Value) -> Value {
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

/// Brings `data` written at `schema` up to [`CURRENT_SCHEMA`].
pub fn migrate(collection: Collection, schema: u64, data: Value) -> Result<Value, SchemaError> {
    let schema = check(schema)?;
    let first_step = (schema - 1) as usize;
    Ok(STEPS[first_step..]
        .iter()
        .fold(data, |data, step| step(collection, data)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Value {
        text.parse().unwrap()
    }

    #[test]
    fn data_read_as_is_is_unchanged_by_migration() {
        let sample = tree(r#"[{"id":"a1","date":"2026-11-20","distance":5000.0}]"#);
        for collection in Collection::ALL {
            for schema in OLDEST_READ_AS_IS..CURRENT_SCHEMA {
                assert_eq!(
                    migrate(collection, u64::from(schema), sample.clone()),
                    Ok(sample.clone()),
                    "{collection:?} from schema {schema}"
                );
            }
        }
    }

    #[test]
    fn there_is_a_step_from_every_earlier_schema() {
        assert_eq!(STEPS.len() as u32, CURRENT_SCHEMA - 1);
    }

    #[test]
    fn current_data_passes_through_unchanged() {
        let data = tree(r#"[{"id":"a"}]"#);
        assert_eq!(migrate(Collection::Runs, 1, data.clone()), Ok(data));
    }

    #[test]
    fn future_and_unknown_versions_are_refused() {
        let data = tree("[]");
        assert_eq!(
            migrate(
                Collection::Runs,
                u64::from(CURRENT_SCHEMA) + 1,
                data.clone()
            ),
            Err(SchemaError::FromTheFuture {
                found: CURRENT_SCHEMA + 1
            })
        );
        assert_eq!(
            migrate(Collection::Runs, 0, data.clone()),
            Err(SchemaError::Unknown { found: 0 })
        );
        assert_eq!(
            migrate(Collection::Runs, u64::MAX, data),
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
