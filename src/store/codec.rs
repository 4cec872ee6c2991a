//! Stored values as text: the `{ "schema": N, "data": ... }` envelope, and decoding that
//! salvages what it can and says what it could not read.
//!
//! Pure functions, tested natively. Deciding what to do with a damaged value (set it aside,
//! refuse to write over it) is the caller's job; this module only gives the verdict.

use std::borrow::Cow;

use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Serialize};

use crate::domain::json::{self, Value};
use crate::domain::schema::{self, Collection, SchemaError, Zone, CURRENT_SCHEMA};

/// What a stored value turned out to hold.
#[derive(Debug, PartialEq)]
pub enum Decoded<T> {
    /// Everything read.
    Clean(T),
    /// Some records could not be read; `data` has the rest. The raw text must be kept.
    Salvaged { data: T, reason: String },
    /// Nothing could be read. The raw text must be kept.
    Unreadable { reason: String },
    /// Written by a newer app: nothing may be written over it.
    FromTheFuture { reason: String },
}

#[derive(Serialize)]
struct Envelope<'a, T: ?Sized> {
    schema: u32,
    data: &'a T,
}

/// The text stored under a collection's key.
pub fn encode<T: Serialize + ?Sized>(data: &T) -> Result<String, json::Error> {
    json::to_string(&Envelope {
        schema: CURRENT_SCHEMA,
        data,
    })
}

/// The text of a scratch value (a draft, a running timer): the same envelope, carrying
/// the version of that kind of value.
pub fn encode_versioned<T: Serialize + ?Sized>(
    version: u32,
    data: &T,
) -> Result<String, json::Error> {
    json::to_string(&Envelope {
        schema: version,
        data,
    })
}

/// True when `raw` is an envelope of a version before `version`: a scratch value an older
/// build wrote, in a shape this one has left behind. (Envelopes are read only here.)
pub fn is_older_version(raw: &str, version: u32) -> bool {
    Frame::read(raw)
        .ok()
        .and_then(|frame| frame.schema)
        .and_then(|schema| json::from_str::<u64>(schema).ok())
        .is_some_and(|schema| schema < u64::from(version))
}

/// Reads a scratch value this build writes at `version`. Scratch values have no migrations:
/// an older one is unreadable, a newer one from the future.
pub fn decode_versioned<T: DeserializeOwned>(raw: &str, version: u32) -> Decoded<T> {
    let envelope = Frame::read(raw).and_then(|frame| {
        let schema = json::from_str::<u64>(required("schema", frame.schema)?)?;
        Ok((schema, required("data", frame.data)?))
    });
    let (schema, data) = match envelope {
        Ok(envelope) => envelope,
        Err(error) => {
            return Decoded::Unreadable {
                reason: format!("it is not a Patella envelope ({error})"),
            }
        }
    };
    if schema > u64::from(version) {
        return Decoded::FromTheFuture {
            reason: format!(
                "it was saved by a newer version of Patella (version {schema}, this app reads {version})"
            ),
        };
    }
    if schema < u64::from(version) {
        return Decoded::Unreadable {
            reason: format!("its version {schema} is no longer read"),
        };
    }
    match json::from_str(data) {
        Ok(data) => Decoded::Clean(data),
        Err(error) => Decoded::Unreadable {
            reason: format!("it could not be read ({})", without_position(&error)),
        },
    }
}

/// The envelope's frame, read without building a tree of its data: `data` stays text.
struct Frame<'a> {
    schema: Option<&'a str>,
    data: Option<&'a str>,
}

impl<'a> Frame<'a> {
    /// Other fields are let be, as they were when serde read the frame; a repeated one is
    /// an error, since which of the two is meant cannot be known.
    fn read(raw: &'a str) -> Result<Frame<'a>, json::Error> {
        let mut frame = Frame {
            schema: None,
            data: None,
        };
        for (key, value) in json::object_fields(raw)? {
            let slot = match &*key {
                "schema" => &mut frame.schema,
                "data" => &mut frame.data,
                _ => continue,
            };
            if slot.replace(value).is_some() {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
        }
        Ok(frame)
    }
}

fn required<'a>(name: &'static str, field: Option<&'a str>) -> Result<&'a str, json::Error> {
    field.ok_or_else(|| de::Error::missing_field(name))
}

/// An error without its " at line 1 column 57": the position is within one record's text,
/// which means nothing to the runner who reads the reason.
fn without_position(error: &json::Error) -> &str {
    error.message()
}

/// Opens the envelope and migrates its data to the current schema: the data's JSON text,
/// borrowed from `raw` when it needs no migration.
fn open(collection: Collection, raw: &str, zone: Zone) -> Result<Cow<'_, str>, Decoded<()>> {
    let unreadable = |reason: String| Decoded::Unreadable { reason };
    let frame = Frame::read(raw).map_err(|error| {
        unreadable(if error.is_syntax() {
            format!("it is not valid JSON ({error})")
        } else {
            "it is not a Patella record envelope".into()
        })
    })?;
    let schema = frame
        .schema
        .and_then(|schema| json::from_str::<u64>(schema).ok())
        .ok_or_else(|| unreadable("it has no data version number".into()))?;
    let data = frame
        .data
        .ok_or_else(|| unreadable("it holds no data".into()))?;
    let refused = |error: SchemaError| match error {
        SchemaError::FromTheFuture { .. } => Decoded::FromTheFuture {
            reason: error.to_string(),
        },
        SchemaError::Unknown { .. } => unreadable(error.to_string()),
    };
    let schema = schema::check(schema).map_err(refused)?;
    if schema::reads_as_is(collection, schema) {
        return Ok(Cow::Borrowed(data));
    }
    // A step that changes data works on a JSON tree.
    let tree: Value = json::from_str(data)
        .map_err(|error| unreadable(format!("it is not valid JSON ({error})")))?;
    let migrated = schema::migrate(collection, u64::from(schema), tree, zone).map_err(refused)?;
    json::to_string(&migrated)
        .map(Cow::Owned)
        .map_err(|error| unreadable(format!("it could not be migrated ({error})")))
}

fn rewrap<T>(verdict: Decoded<()>) -> Decoded<T> {
    match verdict {
        Decoded::Unreadable { reason } => Decoded::Unreadable { reason },
        Decoded::FromTheFuture { reason } => Decoded::FromTheFuture { reason },
        Decoded::Clean(()) | Decoded::Salvaged { .. } => Decoded::Unreadable {
            reason: "it could not be read".into(),
        },
    }
}

/// The common case, read in one pass: an envelope whose data the current types read as it
/// is (the current schema, or an older one whose migration changes nothing) and all parses.
/// Ten years of runs load in a third of the time the salvaging path takes.
fn decode_current<T: DeserializeOwned>(collection: Collection, raw: &str) -> Option<T> {
    #[derive(Deserialize)]
    struct Current<T> {
        schema: u64,
        data: T,
    }
    json::from_str::<Current<T>>(raw)
        .ok()
        .filter(|envelope| {
            schema::check(envelope.schema)
                .is_ok_and(|schema| schema::reads_as_is(collection, schema))
        })
        .map(|envelope| envelope.data)
}

/// Decodes a list of records, keeping every record that reads and counting those that don't.
/// Each record is read from its own slice of the text, so one damaged record costs only
/// itself.
pub fn decode_records<R: DeserializeOwned>(
    collection: Collection,
    raw: &str,
    zone: Zone,
) -> Decoded<Vec<R>> {
    if let Some(records) = decode_current(collection, raw) {
        return Decoded::Clean(records);
    }
    let data = match open(collection, raw, zone) {
        Ok(data) => data,
        Err(verdict) => return rewrap(verdict),
    };
    let Ok(items) = json::array_items(&data) else {
        return Decoded::Unreadable {
            reason: format!("its {} are not a list", collection.name()),
        };
    };
    let total = items.len();
    let mut first_error = None;
    let records: Vec<R> = items
        .into_iter()
        .filter_map(|item| match json::from_str(item) {
            Ok(record) => Some(record),
            Err(error) => {
                first_error.get_or_insert_with(|| without_position(&error).to_string());
                None
            }
        })
        .collect();
    match first_error {
        None => Decoded::Clean(records),
        Some(error) => {
            let failed = total - records.len();
            let reason = format!(
                "{failed} of {total} {noun} {records} could not be read (first problem: {error})",
                noun = collection.record_noun(),
                records = if total == 1 { "record" } else { "records" }
            );
            if records.is_empty() {
                Decoded::Unreadable { reason }
            } else {
                Decoded::Salvaged {
                    data: records,
                    reason,
                }
            }
        }
    }
}

/// Decodes a single stored object, such as the settings.
pub fn decode_object<T: DeserializeOwned>(
    collection: Collection,
    raw: &str,
    zone: Zone,
) -> Decoded<T> {
    if let Some(value) = decode_current(collection, raw) {
        return Decoded::Clean(value);
    }
    match open(collection, raw, zone) {
        Ok(data) => match json::from_str(&data) {
            Ok(value) => Decoded::Clean(value),
            Err(error) => Decoded::Unreadable {
                reason: format!(
                    "its {} could not be read ({})",
                    collection.name(),
                    without_position(&error)
                ),
            },
        },
        Err(verdict) => rewrap(verdict),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{Run, Settings};
    use crate::domain::units::DistanceUnit;

    const RUN: &str = r#"{"id":"a1","updated_at":"2026-11-20T07:00:00Z","date":"2026-11-20","distance":5000.0,"duration":1800}"#;

    #[test]
    fn only_an_envelope_of_an_earlier_version_is_older() {
        assert!(is_older_version(r#"{"schema":1,"data":{}}"#, 2));
        assert!(!is_older_version(r#"{"schema":2,"data":{}}"#, 2));
        assert!(!is_older_version(r#"{"schema":3,"data":{}}"#, 2));
        assert!(
            !is_older_version(r#"{"data":{}}"#, 2),
            "no version: damaged, not older"
        );
        assert!(!is_older_version("not json", 2));
    }

    fn utc(_: chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset {
        chrono::FixedOffset::east_opt(0).unwrap()
    }

    fn new_york_winter(_: chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset {
        chrono::FixedOffset::west_opt(5 * 3600).unwrap()
    }

    /// A knee check stored by 0.3.0 (schema 3, in UTC) at 21:30 on a New York evening
    /// reads as that evening, on its local day; the same text at schema 4 is already local.
    #[test]
    fn an_old_check_reads_on_the_runners_day() {
        use crate::domain::records::TriageRecord;
        let check = r#"{"id":"c1","updated_at":"2027-02-11T02:30:00Z","taken_at":"2027-02-11T02:30:00Z","care_tier":"self_manage"}"#;
        let stored = format!(r#"{{"schema":3,"data":[{check}]}}"#);
        let Decoded::Clean(read) =
            decode_records::<TriageRecord>(Collection::Triage, &stored, new_york_winter)
        else {
            panic!("not read")
        };
        assert_eq!(read[0].taken_at.to_string(), "2027-02-10 21:30:00 -05:00");
        assert_eq!(read[0].taken_at.date_naive().to_string(), "2027-02-10");
        let written = encode(&read).unwrap();
        assert!(
            written.contains(r#""taken_at":"2027-02-10T21:30:00-05:00""#),
            "{written}"
        );
        assert_eq!(
            decode_records::<TriageRecord>(Collection::Triage, &written, utc),
            Decoded::Clean(read)
        );
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let runs: Vec<Run> = json::from_str(&format!("[{RUN}]")).unwrap();
        let raw = encode(&runs).unwrap();
        let tag = format!(r#"{{"schema":{CURRENT_SCHEMA},"data":["#);
        assert!(raw.starts_with(&tag), "{raw}");
        assert_eq!(
            decode_records::<Run>(Collection::Runs, &raw, utc),
            Decoded::Clean(runs)
        );
    }

    #[test]
    fn salvages_the_records_that_read() {
        let raw = format!(r#"{{"schema":1,"data":[{RUN},{{"id":"b2","distance":"far"}}]}}"#);
        match decode_records::<Run>(Collection::Runs, &raw, utc) {
            Decoded::Salvaged { data, reason } => {
                assert_eq!(data.len(), 1);
                assert!(
                    reason.starts_with("1 of 2 run records could not be read"),
                    "{reason}"
                );
            }
            other => panic!("expected a salvage, got {other:?}"),
        }
    }

    #[test]
    fn garbage_is_unreadable_with_a_reason() {
        for raw in [
            "{not json",
            "[]",
            r#"{"schema":1}"#,
            r#"{"data":[]}"#,
            r#"{"schema":0,"data":[]}"#,
            r#"{"schema":1,"data":{}}"#,
        ] {
            match decode_records::<Run>(Collection::Runs, raw, utc) {
                Decoded::Unreadable { reason } => assert!(!reason.is_empty()),
                other => panic!("{raw}: expected unreadable, got {other:?}"),
            }
        }
    }

    #[test]
    fn data_from_a_newer_app_is_left_alone() {
        let raw = r#"{"schema":99,"data":[]}"#;
        assert!(matches!(
            decode_records::<Run>(Collection::Runs, raw, utc),
            Decoded::FromTheFuture { .. }
        ));
        assert!(matches!(
            decode_object::<Settings>(Collection::Settings, raw, utc),
            Decoded::FromTheFuture { .. }
        ));
    }

    #[test]
    fn settings_decode_as_one_object() {
        let raw = r#"{"schema":1,"data":{"units":"mi"}}"#;
        match decode_object::<Settings>(Collection::Settings, raw, utc) {
            Decoded::Clean(settings) => assert_eq!(settings.units, DistanceUnit::Mi),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode_object::<Settings>(
                Collection::Settings,
                r#"{"schema":1,"data":{"units":"leagues"}}"#,
                utc
            ),
            Decoded::Unreadable { .. }
        ));
    }
}
