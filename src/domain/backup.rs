//! The backup file: everything a runner has stored, as one JSON document they can keep,
//! and the import that checks every part of it before anything is restored.
//!
//! ```text
//! {"format":"patella-backup","schema":1,"app_version":"0.1.0","exported_at":"2026-11-27T07:00:00Z",
//!  "data":{"runs":[…],"pain":[…],"strength":[…],"shoes":[…],"triage":[…],"settings":{…},
//!          "recovery":{…},"visits":[…]}}
//! ```
//!
//! Import is all or nothing: [`parse_backup`] returns data only when the whole file is
//! readable and every record passes the same checks as a record typed in by hand, so a
//! restore can never bring in half a file or a 600 km run. Its errors name the record and
//! the field, in words a runner can act on. [`restore`] then merges or replaces.

use std::collections::hash_map::{Entry, HashMap};
use std::fmt;

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::dataset::{Counts, DataSet};
use crate::domain::iso;
use crate::domain::json;
use crate::domain::locale::DateStyle;
use crate::domain::records::{FieldProblem, Record, Validate};
use crate::domain::schema::{self, Collection, SchemaError, Zone, CURRENT_SCHEMA};

/// The tag that tells a Patella backup from any other JSON file.
pub const BACKUP_FORMAT: &str = "patella-backup";

/// What a browser's localStorage holds for one site: about 5 million characters (UTF-16
/// code units; Chromium allows 10 MiB at two bytes each).
pub const LOCAL_STORAGE_CHARS: usize = 5 * 1024 * 1024;

/// The largest file a restore reads. A character the device stores as one UTF-16 unit takes
/// up to three bytes in the UTF-8 file (a note in Japanese, say), so three times what
/// localStorage holds: a backup of anything that fits on the device fits here, and a wrong
/// pick (a video) is still refused before it is read.
pub const MAX_BACKUP_BYTES: usize = 3 * LOCAL_STORAGE_CHARS;

/// Problems listed in an error message; the rest are counted, so the message stays readable.
const PROBLEMS_SHOWN: usize = 10;

/// A backup file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// The schema the file was written with; `data` is already migrated to the current one.
    pub schema: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub data: DataSet,
}

/// The file name offered for download, e.g. `patella-backup-2026-11-27.json`.
pub fn backup_file_name(today: NaiveDate) -> String {
    // A date displays as YYYY-MM-DD without chrono's format-string machinery.
    format!("patella-backup-{today}.json")
}

#[derive(Serialize)]
struct BackupFile<'a> {
    format: &'static str,
    schema: u32,
    app_version: &'a str,
    exported_at: String,
    // DataSet's field names are Collection::name(); a test holds them together.
    data: &'a DataSet,
}

/// The backup file's text. Compact JSON: ten years of records stay well under
/// [`MAX_BACKUP_BYTES`], which pretty-printing would eat into for no reader's benefit.
/// It does not fail in practice (string keys only, and even a NaN is written, as null),
/// but a failure is reported rather than an empty "backup" a runner would trust. Written
/// by the page's own JSON writer (`domain::json`), the same text serde_json would write.
pub fn export_backup(
    data: &DataSet,
    app_version: &str,
    now: DateTime<Utc>,
) -> Result<String, json::Error> {
    let file = BackupFile {
        format: BACKUP_FORMAT,
        schema: CURRENT_SCHEMA,
        app_version,
        exported_at: iso::write_instant(now.trunc_subsecs(0)),
        data,
    };
    json::to_string(&file)
}

/// Why a file cannot be restored. Every message says what is wrong and what to do; none
/// of them means anything was changed.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// Not UTF-8: a picture, a PDF, a zip.
    NotText,
    /// Text, but not JSON; the position helps anyone who edited the file by hand.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but without the `"format": "patella-backup"` tag.
    NotABackup,
    /// Tagged as a backup, but written by a newer Patella or with a version never used.
    Schema(SchemaError),
    /// Tagged as a backup, but a part of its frame is missing or malformed.
    Damaged {
        what: String,
    },
    /// Records that cannot be read or fail their checks; never empty.
    InvalidRecords(Vec<RecordProblem>),
}

/// One record that cannot be restored, located so a runner can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordProblem {
    pub collection: Collection,
    /// 1-based place in its list, as a person counts; 0 for the settings.
    pub position: usize,
    /// "Run 12 (dated 4 Mar 2026)", "Shoe 2 (\"Pegasus 40\")", "Settings".
    pub record: String,
    /// The field at fault, when one can be named.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            // "pain: pain 14/10 is off the scale" says the field twice.
            Some(field) if !self.message.starts_with(&format!("{field} ")) => {
                write!(f, "{}: {}: {}", self.record, field, self.message)
            }
            _ => write!(f, "{}: {}", self.record, self.message),
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const PICK: &str =
            "Pick the file Patella saved, named like patella-backup-2026-03-04.json.";
        match self {
            BackupError::TooLarge { bytes } => write!(
                f,
                "This file is {} and a Patella backup is at most {}, so it was not read. {PICK}",
                megabytes(*bytes),
                megabytes(MAX_BACKUP_BYTES)
            ),
            BackupError::Empty => write!(f, "This file is empty. {PICK}"),
            BackupError::NotText => write!(
                f,
                "This is not a Patella backup: it is not a text file. {PICK}"
            ),
            BackupError::NotJson { line, column } => write!(
                f,
                "This is not a Patella backup, or it was damaged: it stops making sense at \
                 line {line}, column {column}. {PICK}"
            ),
            BackupError::NotABackup => write!(
                f,
                "This is not a Patella backup: it does not say \"format\": \"{BACKUP_FORMAT}\". \
                 {PICK}"
            ),
            BackupError::Schema(error) => write!(
                f,
                "This backup cannot be restored: {error}. Nothing was changed."
            ),
            BackupError::Damaged { what } => write!(
                f,
                "This backup is damaged: {what}. Nothing was changed; try another backup file."
            ),
            BackupError::InvalidRecords(problems) => {
                let count = problems.len();
                let noun = if count == 1 { "record" } else { "records" };
                writeln!(
                    f,
                    "This backup has {count} {noun} Patella cannot accept, so nothing was \
                     restored. Correct them in the file, or pick another backup:"
                )?;
                for problem in problems.iter().take(PROBLEMS_SHOWN) {
                    writeln!(f, "• {problem}")?;
                }
                if count > PROBLEMS_SHOWN {
                    writeln!(f, "…and {} more.", count - PROBLEMS_SHOWN)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BackupError {}

fn megabytes(bytes: usize) -> String {
    // Display only: a float is exact enough for "5.2 MB".
    crate::domain::decimals::megabytes(bytes as f64)
}

/// Reads a backup file and checks all of it. `today` bounds the dates records may carry;
/// `dates` is how a record at fault is named ("Run 12 (dated 4 Mar 2026)").
/// Returns the data only if every record is acceptable; otherwise says what is not.
pub fn parse_backup(
    bytes: &[u8],
    today: NaiveDate,
    zone: Zone,
    dates: DateStyle,
) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| BackupError::NotText)?;
    // Some editors add a byte-order mark when a file is saved; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let document: Value = serde_json::from_str(text).map_err(|error| BackupError::NotJson {
        line: error.line(),
        column: error.column(),
    })?;
    let Value::Object(mut document) = document else {
        return Err(BackupError::NotABackup);
    };
    if document.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let schema = document
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| damaged("it has no data version number (\"schema\")"))?;
    // A newer file is refused before anything else is looked at: its fields may mean
    // things this version cannot know.
    let sections = migrated_sections(&mut document, schema, zone)?;
    let schema = u32::try_from(schema)
        .map_err(|_| BackupError::Schema(SchemaError::Unknown { found: schema }))?;
    let app_version = read_app_version(&document)?;
    let exported_at = read_exported_at(&document)?;

    let mut reader = SectionReader {
        sections,
        today,
        dates,
        problems: Vec::new(),
    };
    let data = DataSet {
        runs: reader.records(Collection::Runs)?,
        pain: reader.records(Collection::Pain)?,
        strength: reader.records(Collection::Strength)?,
        shoes: reader.records(Collection::Shoes)?,
        triage: reader.records(Collection::Triage)?,
        settings: reader.object(Collection::Settings)?,
        recovery: reader.object(Collection::Recovery)?,
        visits: reader.records(Collection::Visits)?,
    };
    if !reader.problems.is_empty() {
        return Err(BackupError::InvalidRecords(reader.problems));
    }
    Ok(Backup {
        schema,
        app_version,
        exported_at,
        data,
    })
}

fn damaged(what: &str) -> BackupError {
    BackupError::Damaged {
        what: what.to_string(),
    }
}

/// Takes `data` apart by collection and brings each to the current schema. A missing
/// collection is an empty one, migrated like any other, so that an old backup without
/// a collection gets whatever a later schema puts in an empty one.
fn migrated_sections(
    document: &mut Map<String, Value>,
    schema: u64,
    zone: Zone,
) -> Result<HashMap<Collection, Value>, BackupError> {
    let mut data = match document.remove("data") {
        Some(Value::Object(data)) => data,
        Some(_) => return Err(damaged("its \"data\" is not a set of collections")),
        None => return Err(damaged("it holds no \"data\"")),
    };
    let mut sections = HashMap::new();
    for collection in Collection::ALL {
        let section = data.remove(collection.name()).unwrap_or_else(|| {
            if collection.is_single_object() {
                Value::Object(Map::new())
            } else {
                Value::Array(Vec::new())
            }
        });
        let known = schema::check(schema).map_err(BackupError::Schema)?;
        // The tree is only rebuilt for a step that changes this collection (the store reads
        // the others as they are too).
        let migrated = if schema::reads_as_is(collection, known) {
            section
        } else {
            migrate_tree(collection, schema, section, zone)?
        };
        sections.insert(collection, migrated);
    }
    // A section this version does not know would be dropped without a word: refuse instead.
    if let Some(stranger) = data.keys().next() {
        return Err(BackupError::Damaged {
            what: format!(
                "it has a section \"{}\" that this version of Patella does not know",
                crate::domain::words::shortened(stranger, 40)
            ),
        });
    }
    Ok(sections)
}

/// A section through the migration steps, which work on the page's own JSON tree (the
/// store migrates with them too); the two trees hold the same numbers, so the
/// conversion loses nothing.
fn migrate_tree(
    collection: Collection,
    schema: u64,
    section: Value,
    zone: Zone,
) -> Result<Value, BackupError> {
    let unreadable = |_| damaged("a part of it could not be brought up to date");
    let tree: json::Value = serde_json::from_value(section).map_err(unreadable)?;
    let migrated = schema::migrate(collection, schema, tree, zone).map_err(BackupError::Schema)?;
    serde_json::to_value(migrated).map_err(unreadable)
}

fn read_app_version(document: &Map<String, Value>) -> Result<String, BackupError> {
    match document.get("app_version").and_then(Value::as_str) {
        Some(version) if !version.is_empty() && version.chars().count() <= 64 => {
            Ok(version.to_string())
        }
        _ => Err(damaged(
            "the version of Patella that saved it (\"app_version\") is missing or unreadable",
        )),
    }
}

fn read_exported_at(document: &Map<String, Value>) -> Result<DateTime<Utc>, BackupError> {
    document
        .get("exported_at")
        .and_then(Value::as_str)
        .and_then(iso::parse_instant)
        .ok_or_else(|| {
            damaged("when it was saved (\"exported_at\") is missing or not a date and time")
        })
}

/// Reads the migrated sections into typed records, collecting every record's problems so
/// the runner sees them all at once. A section of the wrong shape is the file's frame
/// broken, and fails at once.
struct SectionReader {
    sections: HashMap<Collection, Value>,
    today: NaiveDate,
    dates: DateStyle,
    problems: Vec<RecordProblem>,
}

impl SectionReader {
    fn records<R>(&mut self, collection: Collection) -> Result<Vec<R>, BackupError>
    where
        R: DeserializeOwned + Validate + Record,
    {
        let Some(Value::Array(items)) = self.sections.remove(&collection) else {
            return Err(BackupError::Damaged {
                what: format!("its \"{}\" is not a list of records", collection.name()),
            });
        };
        let mut records = Vec::with_capacity(items.len());
        let mut first_place_of_id: HashMap<String, usize> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let position = index.saturating_add(1);
            let mut found = Vec::new();
            match read_record::<R>(item) {
                Err(fault) => found.push(fault),
                Ok(record) => {
                    found.extend(record.problems(self.today).into_iter().map(Fault::from));
                    match first_place_of_id.entry(record.id().as_str().to_string()) {
                        Entry::Occupied(first) => found.push(Fault {
                            field: Some("id".to_string()),
                            message: format!(
                                "is the same as {} {}'s; each record needs its own id",
                                collection.record_noun(),
                                first.get()
                            ),
                        }),
                        Entry::Vacant(slot) => {
                            slot.insert(position);
                        }
                    }
                    records.push(record);
                }
            }
            if !found.is_empty() {
                // Named only when needed: most records have nothing to report.
                let record = describe_record(collection, position, item, self.dates);
                self.problems
                    .extend(found.into_iter().map(|fault| RecordProblem {
                        collection,
                        position,
                        record: record.clone(),
                        field: fault.field,
                        message: fault.message,
                    }));
            }
        }
        Ok(records)
    }

    /// A collection kept as one object: the settings, the back-to-running plan.
    fn object<T>(&mut self, collection: Collection) -> Result<T, BackupError>
    where
        T: DeserializeOwned + Validate + Default,
    {
        let section = self.sections.remove(&collection);
        let Some(section @ Value::Object(_)) = section else {
            return Err(BackupError::Damaged {
                what: format!("its \"{}\" are not a group of fields", collection.name()),
            });
        };
        let (value, found) = match read_record::<T>(&section) {
            Ok(value) => {
                let found = value.problems(self.today);
                (value, found.into_iter().map(Fault::from).collect())
            }
            Err(fault) => (T::default(), vec![fault]),
        };
        let record = capitalized(collection.record_noun());
        self.problems
            .extend(found.into_iter().map(|fault: Fault| RecordProblem {
                collection,
                position: 0,
                record: record.clone(),
                field: fault.field,
                message: fault.message,
            }));
        Ok(value)
    }
}

/// One record from its JSON; the fault names the field when one is to blame.
fn read_record<R: DeserializeOwned>(item: &Value) -> Result<R, Fault> {
    // serde would read a list as the fields in order; a record in a backup is an object.
    if !item.is_object() {
        return Err(Fault {
            field: None,
            message: format!("is {}, not a record", kind_of(item)),
        });
    }
    R::deserialize(item).map_err(|error| locate_fault::<R>(item, &error))
}

/// "Run 12 (dated 4 Mar 2026)": the place in the list, plus what a runner would recognise
/// the record by, when the file holds it in a readable form; a date in the runner's style.
fn describe_record(
    collection: Collection,
    position: usize,
    item: &Value,
    dates: DateStyle,
) -> String {
    let noun = capitalized(collection.record_noun());
    let text_field = |name: &str| item.get(name).and_then(Value::as_str);
    let as_date = |text: &str| {
        text.get(..10)
            .and_then(iso::parse_day)
            .map(|day| dates.day_with_year(day))
    };
    let hint = match collection {
        Collection::Runs | Collection::Pain | Collection::Strength => text_field("date")
            .and_then(as_date)
            .map(|day| format!("dated {day}")),
        Collection::Triage => text_field("taken_at")
            .and_then(as_date)
            .map(|day| format!("taken {day}")),
        Collection::Visits => text_field("recorded_at")
            .and_then(as_date)
            .map(|day| format!("recorded {day}")),
        Collection::Shoes => text_field("name")
            .map(str::trim)
            .filter(|name| !name.is_empty() && !name.chars().any(char::is_control))
            .map(|name| format!("\"{}\"", crate::domain::words::shortened(name, 40))),
        Collection::Settings | Collection::Recovery => None,
    };
    match hint {
        Some(hint) => format!("{noun} {position} ({hint})"),
        None => format!("{noun} {position}"),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What is wrong with one record, before it is known where in the file the record sits.
struct Fault {
    field: Option<String>,
    message: String,
}

impl From<FieldProblem> for Fault {
    fn from(problem: FieldProblem) -> Self {
        Fault {
            field: Some(problem.field.to_string()),
            message: problem.message,
        }
    }
}

/// Finds which field made a record unreadable. serde reports the first bad value without
/// its field's name, so each field is tried alone: parsed on its own, a good field fails
/// only for the fields it lacks, and a bad one fails for itself.
fn locate_fault<R: DeserializeOwned>(item: &Value, error: &serde_json::Error) -> Fault {
    let message = error.to_string();
    if let Some(field) = missing_field(&message) {
        return Fault {
            field: Some(field.to_string()),
            message: "is missing".to_string(),
        };
    }
    let fields = item.as_object().into_iter().flatten();
    for (name, value) in fields {
        let alone = Value::Object(Map::from_iter([(name.clone(), value.clone())]));
        if let Err(error) = R::deserialize(&alone) {
            let message = error.to_string();
            if missing_field(&message).is_none() {
                return Fault {
                    field: Some(crate::domain::words::shortened(name, 40)),
                    message: plain_words(&message),
                };
            }
        }
    }
    Fault {
        field: None,
        message: crate::domain::words::shortened(&message, 200),
    }
}

/// The field name in serde's "missing field `date`".
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty (null)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a group of fields",
    }
}

/// serde's messages, in words for a runner. Messages from Patella's own types ("pain 14/10
/// is off the 0–10 scale", a date in `iso`) are already plain and pass through.
fn plain_words(message: &str) -> String {
    let plain = if let Some(rest) = message.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => {
                format!("should be {}, but is {found}", plain_type(expected))
            }
            None => rest.to_string(),
        }
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => {
                format!("{found} is out of range ({})", plain_type(expected))
            }
            None => rest.to_string(),
        }
    } else {
        message.to_string()
    };
    crate::domain::words::shortened(&plain, 200)
}

fn plain_type(expected: &str) -> &str {
    match expected {
        "f64" | "f32" => "a number",
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "i64" => "a whole number",
        "a string" => "text",
        "a boolean" => "true or false",
        other => other,
    }
}

/// What a backup holds, for the "restore this?" question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    pub counts: Counts,
    /// The first and last day any record falls on.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
}

pub fn summary(data: &DataSet) -> BackupSummary {
    BackupSummary {
        counts: data.counts(),
        date_range: data.date_range(),
    }
}

impl fmt::Display for BackupSummary {
    /// "12 runs, 1 pain entry and 3 shoes, from 2026-01-02 to 2026-11-20"; kinds with no
    /// records are left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Counts {
            runs,
            pain,
            strength,
            shoes,
            triage,
            // The plan is named on its own, with the day it started.
            recovery_plan: _,
            visits,
        } = self.counts;
        let parts: Vec<String> = [
            (runs, "run", "runs"),
            (pain, "pain entry", "pain entries"),
            (strength, "strength session", "strength sessions"),
            (shoes, "shoe", "shoes"),
            (triage, "knee check", "knee checks"),
            (visits, "clinician visit", "clinician visits"),
        ]
        .into_iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, one, many)| format!("{count} {}", if count == 1 { one } else { many }))
        .collect();
        match parts.split_last() {
            None => f.write_str("no records")?,
            Some((last, [])) => f.write_str(last)?,
            Some((last, rest)) => write!(f, "{} and {last}", rest.join(", "))?,
        }
        if let Some((first, last)) = self.date_range {
            if first == last {
                write!(f, ", on {first}")?;
            } else {
                write!(f, ", from {first} to {last}")?;
            }
        }
        Ok(())
    }
}

/// The answer to "check this backup file", as text. The check runs in the import worker (a
/// second wasm program the page fetches only when needed), so none of its code is in the
/// page's first load; the page gets back data that passed every check, or the refusal in
/// words. A checked backup crosses as JSON through the record types' own serde, the same
/// way the store keeps them, so every number reads back exactly as it was checked.
#[derive(Serialize, Deserialize)]
enum Checked {
    Accepted {
        schema: u32,
        app_version: String,
        #[serde(with = "crate::domain::iso::instant")]
        exported_at: DateTime<Utc>,
        data: Box<DataSet>,
    },
    Refused(String),
}

/// The worker's side: checks a backup file (see [`parse_backup`]) and says what it found.
pub fn check_to_message(bytes: &[u8], today: NaiveDate, zone: Zone, dates: DateStyle) -> String {
    let checked = match parse_backup(bytes, today, zone, dates) {
        Ok(backup) => Checked::Accepted {
            schema: backup.schema,
            app_version: backup.app_version,
            exported_at: backup.exported_at,
            data: Box::new(backup.data),
        },
        Err(error) => Checked::Refused(error.to_string()),
    };
    // Records of plain data with string keys: writing them cannot fail, and if it ever did
    // the page reads the empty answer as a backup that could not be checked. The page reads
    // it with the same JSON code.
    json::to_string(&checked).unwrap_or_default()
}

/// The page's side of [`check_to_message`]: the checked backup, or why it is refused, in
/// words.
pub fn checked_from_message(message: &str) -> Result<Backup, String> {
    match json::from_str(message) {
        Ok(Checked::Accepted {
            schema,
            app_version,
            exported_at,
            data,
        }) => Ok(Backup {
            schema,
            app_version,
            exported_at,
            data: *data,
        }),
        Ok(Checked::Refused(reason)) => Err(reason),
        Err(_) => Err("The backup could not be checked. Reload the page and try again.".into()),
    }
}

/// What a restore does with the records already on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// Keep both: records are matched by id and the more recently changed copy wins.
    Merge,
    /// The device ends up holding exactly the backup.
    Replace,
}

pub fn restore(current: &DataSet, backup: &DataSet, mode: RestoreMode) -> DataSet {
    match mode {
        RestoreMode::Merge => current.merged_with(backup),
        RestoreMode::Replace => {
            let mut restored = backup.clone();
            // When this device last saved a backup is a fact about the device, not the file.
            restored.settings.last_backup_at = current
                .settings
                .last_backup_at
                .max(backup.settings.last_backup_at);
            restored
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::locale::English;
    use crate::domain::protocol::Stage;
    use crate::domain::records::{
        Advice, CareTier, KneeArea, PainEntry, PainScore, RecordId, Run, RunKind, Settings, Shoe,
        StrengthSession, Surface, TriageRecord, Visit,
    };
    use crate::domain::recovery_plan::{ProtocolStart, RecoveryPrefs};
    use crate::domain::units::{Distance, DistanceUnit, Duration};
    use chrono::Weekday;
    use serde_json::json;

    fn today() -> NaiveDate {
        "2026-11-27".parse().unwrap()
    }

    fn utc(_: DateTime<Utc>) -> chrono::FixedOffset {
        chrono::FixedOffset::east_opt(0).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-11-27T08:15:00Z".parse().unwrap()
    }

    fn id(text: &str) -> RecordId {
        RecordId::try_from(text.to_string()).unwrap()
    }

    fn run_json(id: &str, date: &str, metres: f64) -> Value {
        json!({"id": id, "updated_at": "2026-11-20T07:00:00Z", "date": date,
               "distance": metres, "duration": 1800})
    }

    fn pain_json(id: &str, pain: u64) -> Value {
        json!({"id": id, "updated_at": "2026-11-20T07:00:00Z", "date": "2026-11-20", "pain": pain})
    }

    fn file_with(data: Value) -> Vec<u8> {
        json!({"format": "patella-backup", "schema": 1, "app_version": "0.1.0",
               "exported_at": "2026-11-27T08:15:00Z", "data": data})
        .to_string()
        .into_bytes()
    }

    fn sample() -> DataSet {
        let updated: DateTime<Utc> = "2026-11-20T07:00:00.123Z".parse().unwrap();
        DataSet {
            runs: vec![
                Run {
                    id: id("run-1"),
                    updated_at: updated,
                    date: "2026-11-20".parse().unwrap(),
                    distance: Distance::from_metres(10_012.5),
                    duration: Duration::from_seconds(3_001),
                    kind: RunKind::Tempo,
                    surface: Some(Surface::Trail),
                    shoe_id: Some(id("shoe-1")),
                    pain_during: PainScore::new(2),
                    pain_after: PainScore::new(1),
                    effort: Some(7),
                    cadence_spm: Some(172),
                    title: String::new(),
                    notes: "Hills, \"steep\"\nknee fine".to_string(),
                    source: None,
                },
                Run {
                    updated_at: updated,
                    ..Run::easy(
                        id("run-2"),
                        "2026-11-22".parse().unwrap(),
                        Distance::from_unit(3.1, DistanceUnit::Mi),
                        Duration::from_minutes(30),
                    )
                },
            ],
            pain: vec![PainEntry {
                id: id("pain-1"),
                updated_at: updated,
                date: "2026-11-21".parse().unwrap(),
                pain: PainScore::new(3).unwrap(),
                areas: vec![KneeArea::Front, KneeArea::Outer],
                morning_stiffness: true,
                note: "stairs".to_string(),
            }],
            strength: vec![StrengthSession {
                id: id("strength-1"),
                updated_at: updated,
                date: "2026-11-21".parse().unwrap(),
                exercises: vec!["wall_sit".to_string(), "step_down".to_string()],
                minutes: Some(25),
                note: String::new(),
            }],
            shoes: vec![Shoe {
                id: id("shoe-1"),
                updated_at: updated,
                name: "Pegasus 40".to_string(),
                added_on: "2026-01-03".parse().unwrap(),
                start_distance: Distance::from_metres(42_000.0),
                retired: false,
            }],
            triage: vec![TriageRecord {
                id: id("triage-1"),
                updated_at: updated,
                taken_at: "2026-11-19T18:30:00Z".parse().unwrap(),
                care_tier: CareTier::SelfManage,
                conditions: vec!["patellofemoral_pain".to_string()],
                answers: [("swelling".to_string(), "none".to_string())].into(),
            }],
            settings: Settings {
                updated_at: Some(updated),
                units: DistanceUnit::Mi,
                week_start: Weekday::Sun,
                shoe_threshold: Distance::from_unit(400.0, DistanceUnit::Mi),
                target_cadence_spm: Some(170),
                default_shoe: Some(id("shoe-1")),
                last_backup_at: None,
                english: Some(English::Us),
                dates: Some(DateStyle::US),
            },
            recovery: RecoveryPrefs {
                start: Some(ProtocolStart {
                    date: "2026-11-19".parse().unwrap(),
                    stage: Stage::Week2,
                    from_knee_check: Some("2026-11-19".parse().unwrap()),
                }),
                plan_conditions: Some(vec!["patellofemoral_pain".to_string()]),
                updated_at: Some(updated),
            },
            visits: vec![Visit {
                id: id("visit-1"),
                updated_at: updated,
                recorded_at: "2026-11-21T17:05:00Z".parse().unwrap(),
                advice: Advice::RestUntilReviewed,
            }],
        }
    }

    #[test]
    fn a_checked_backup_reaches_the_page_exactly() {
        let text =
            export_backup(&sample(), "0.2.0", "2026-11-27T07:00:00Z".parse().unwrap()).unwrap();
        let message = check_to_message(text.as_bytes(), today(), utc, DateStyle::default());
        assert_eq!(
            checked_from_message(&message),
            Ok(parse_backup(text.as_bytes(), today(), utc, DateStyle::default()).unwrap())
        );
        let refused = check_to_message(b"{}", today(), utc, DateStyle::default());
        assert_eq!(
            checked_from_message(&refused),
            Err(BackupError::NotABackup.to_string())
        );
        assert!(checked_from_message("").is_err());
    }

    fn error_of(bytes: &[u8]) -> BackupError {
        match parse_backup(bytes, today(), utc, DateStyle::default()) {
            Ok(backup) => panic!("expected a refusal, got {backup:?}"),
            Err(error) => error,
        }
    }

    fn record_problems(bytes: &[u8]) -> Vec<String> {
        match error_of(bytes) {
            BackupError::InvalidRecords(problems) => {
                problems.iter().map(ToString::to_string).collect()
            }
            other => panic!("expected record problems, got {other:?}"),
        }
    }

    #[test]
    fn export_then_parse_gives_back_the_same_data() {
        let data = sample();
        let text = export_backup(&data, "0.1.0", now()).unwrap();
        let backup = parse_backup(text.as_bytes(), today(), utc, DateStyle::default()).unwrap();
        assert_eq!(
            backup,
            Backup {
                schema: CURRENT_SCHEMA,
                app_version: "0.1.0".to_string(),
                exported_at: now(),
                data,
            }
        );
    }

    #[test]
    fn the_file_is_tagged_and_holds_every_collection_by_name() {
        let text = export_backup(&sample(), "0.1.0", now()).unwrap();
        let file: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(file["format"], "patella-backup");
        assert_eq!(file["schema"], CURRENT_SCHEMA);
        assert_eq!(file["app_version"], "0.1.0");
        assert_eq!(file["exported_at"], "2026-11-27T08:15:00Z");
        let names: Vec<&str> = file["data"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: Vec<&str> = Collection::ALL.iter().map(|c| c.name()).collect();
        expected.sort_unstable();
        assert_eq!(names, expected);
    }

    #[test]
    fn a_full_device_of_notes_in_a_three_byte_script_restores() {
        // Every run with the longest note, in a script UTF-8 spends three bytes a character
        // on, until the stored runs fill what localStorage holds.
        let note = "膝".repeat(2000);
        let mut data = DataSet::default();
        let mut stored_chars = 0;
        for n in 0.. {
            let run = Run {
                notes: note.clone(),
                ..Run::easy(
                    RecordId::from_random_bits(n + 1),
                    today() - chrono::TimeDelta::days((n % 3000) as i64),
                    Distance::from_metres(5000.0),
                    Duration::from_minutes(30),
                )
            };
            let chars = serde_json::to_string(&run).map_or(0, |text| text.encode_utf16().count());
            if stored_chars + chars > LOCAL_STORAGE_CHARS {
                break;
            }
            stored_chars += chars;
            data.runs.push(run);
        }
        let text = export_backup(&data, "0.2.0", Utc::now()).unwrap();
        assert!(text.len() > 2 * LOCAL_STORAGE_CHARS, "{} bytes", text.len());
        let restored = parse_backup(text.as_bytes(), today(), utc, DateStyle::default()).unwrap();
        assert_eq!(restored.data.runs.len(), data.runs.len());
    }

    #[test]
    fn the_file_name_carries_the_date() {
        assert_eq!(
            backup_file_name("2026-03-04".parse().unwrap()),
            "patella-backup-2026-03-04.json"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_unread() {
        let error = error_of(&vec![b' '; MAX_BACKUP_BYTES + 1]);
        assert_eq!(
            error,
            BackupError::TooLarge {
                bytes: MAX_BACKUP_BYTES + 1
            }
        );
        assert!(error.to_string().contains("at most 15.0 MB"), "{error}");

        // Exactly at the limit is still read.
        let mut padded = file_with(json!({}));
        padded.resize(MAX_BACKUP_BYTES, b' ');
        assert!(parse_backup(&padded, today(), utc, DateStyle::default()).is_ok());
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(error_of(b""), BackupError::Empty);
        assert_eq!(error_of(b" \r\n\t"), BackupError::Empty);
        assert!(error_of(b"").to_string().starts_with("This file is empty."));
    }

    #[test]
    fn a_file_that_is_not_text_or_not_json_is_refused() {
        assert_eq!(
            error_of(&[0x89, b'P', b'N', b'G', 0xff]),
            BackupError::NotText
        );
        assert_eq!(
            error_of(b"{\n  \"format\": patella"),
            BackupError::NotJson {
                line: 2,
                column: 13
            }
        );
        // Deep nesting is refused by the JSON reader's depth limit, not a stack overflow.
        let deep = "[".repeat(100_000);
        assert!(matches!(
            error_of(deep.as_bytes()),
            BackupError::NotJson { .. }
        ));
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        let mut text = "\u{feff}".as_bytes().to_vec();
        text.extend(file_with(json!({})));
        assert!(parse_backup(&text, today(), utc, DateStyle::default()).is_ok());
    }

    #[test]
    fn other_json_is_not_a_backup() {
        for text in [
            r#"{"format":"someone-else","schema":1,"data":{}}"#,
            r#"{"schema":1,"data":{"runs":[]}}"#,
            r#"{"format":1}"#,
            "[]",
            "42",
            r#""patella-backup""#,
        ] {
            assert_eq!(error_of(text.as_bytes()), BackupError::NotABackup, "{text}");
        }
        assert!(error_of(b"{}")
            .to_string()
            .starts_with("This is not a Patella backup"));
    }

    #[test]
    fn a_backup_from_a_newer_app_is_refused_with_the_reason() {
        let text = json!({"format": "patella-backup", "schema": CURRENT_SCHEMA + 1,
                          "app_version": "9.0.0", "exported_at": "2030-01-01T00:00:00Z",
                          "data": {"runs": [{"id": "x", "shape": "unknown to us"}]}})
        .to_string();
        let error = error_of(text.as_bytes());
        assert_eq!(
            error,
            BackupError::Schema(SchemaError::FromTheFuture {
                found: CURRENT_SCHEMA + 1
            })
        );
        let message = error.to_string();
        assert!(message.contains("newer version of Patella"), "{message}");
        assert!(message.contains("update the app"), "{message}");
    }

    #[test]
    fn a_missing_or_impossible_schema_is_refused() {
        let with_schema = |schema: Value| {
            json!({"format": "patella-backup", "schema": schema, "app_version": "0.1.0",
                   "exported_at": "2026-11-27T08:15:00Z", "data": {}})
            .to_string()
        };
        assert!(matches!(
            error_of(with_schema(json!(0)).as_bytes()),
            BackupError::Schema(SchemaError::Unknown { found: 0 })
        ));
        for schema in [json!(-1), json!(1.5), json!("1"), Value::Null] {
            assert!(
                matches!(
                    error_of(with_schema(schema.clone()).as_bytes()),
                    BackupError::Damaged { .. }
                ),
                "{schema}"
            );
        }
    }

    #[test]
    fn a_damaged_frame_is_refused() {
        let base = || {
            json!({"format": "patella-backup", "schema": 1, "app_version": "0.1.0",
                   "exported_at": "2026-11-27T08:15:00Z", "data": {}})
        };
        let mut cases = Vec::new();
        for (field, value) in [
            ("app_version", Value::Null),
            ("app_version", json!("")),
            ("app_version", json!("x".repeat(65))),
            ("exported_at", json!("last tuesday")),
            ("data", json!([])),
            ("data", json!({"runs": {}})),
            ("data", json!({"settings": []})),
            ("data", json!({"runs": [], "photos": []})),
        ] {
            let mut file = base();
            file[field] = value;
            cases.push(file);
        }
        let mut without_data = base();
        without_data.as_object_mut().unwrap().remove("data");
        cases.push(without_data);
        for file in cases {
            let error = error_of(file.to_string().as_bytes());
            assert!(
                matches!(
                    error,
                    BackupError::Damaged { .. } | BackupError::InvalidRecords(_)
                ),
                "{file}: {error:?}"
            );
            assert!(
                error.to_string().contains("Nothing was")
                    || error.to_string().contains("nothing was")
            );
        }
    }

    #[test]
    fn missing_collections_are_empty() {
        let backup =
            parse_backup(&file_with(json!({})), today(), utc, DateStyle::default()).unwrap();
        assert_eq!(backup.data, DataSet::default());

        let backup = parse_backup(
            &file_with(json!({"runs": [run_json("a", "2026-11-20", 5000.0)]})),
            today(),
            utc,
            DateStyle::default(),
        )
        .unwrap();
        assert_eq!(backup.data.counts().total(), 1);
        assert_eq!(backup.data.settings, Settings::default());
    }

    #[test]
    fn a_600_km_run_is_refused_naming_the_run_and_the_field() {
        let mut runs: Vec<Value> = (1..=11)
            .map(|n| run_json(&format!("r{n}"), "2026-03-01", 5000.0))
            .collect();
        runs.push(run_json("r12", "2026-03-04", 600_000.0));
        let problems = record_problems(&file_with(json!({ "runs": runs })));
        assert_eq!(
            problems,
            [
                "Run 12 (dated 4 Mar 2026): distance: 600 km is not a possible run \
              (more than 0, at most 350 km)"
            ]
        );
    }

    #[test]
    fn pain_of_14_is_refused() {
        let pain = [pain_json("p1", 3), pain_json("p2", 0), pain_json("p3", 14)];
        assert_eq!(
            record_problems(&file_with(json!({ "pain": pain }))),
            ["Pain entry 3 (dated 20 Nov 2026): pain 14/10 is off the 0–10 scale"]
        );
    }

    #[test]
    fn a_date_in_2199_is_refused() {
        let runs = [run_json("r1", "2199-01-01", 5000.0)];
        assert_eq!(
            record_problems(&file_with(json!({ "runs": runs }))),
            ["Run 1 (dated 1 Jan 2199): date is after tomorrow, which no record can be"]
        );
    }

    #[test]
    fn a_record_at_fault_is_named_in_the_runners_date_style() {
        let runs = [run_json("r1", "1949-12-31", 5000.0)];
        let bytes = file_with(json!({ "runs": runs }));
        let Err(BackupError::InvalidRecords(problems)) =
            parse_backup(&bytes, today(), utc, DateStyle::US)
        else {
            panic!("a run from 1949 is refused");
        };
        assert_eq!(
            problems[0].to_string(),
            "Run 1 (dated Dec 31, 1949): date is before 1950, which no record can be"
        );
    }

    #[test]
    fn duplicate_ids_within_a_collection_are_refused() {
        let runs = [
            run_json("same", "2026-11-01", 5000.0),
            run_json("other", "2026-11-02", 5000.0),
            run_json("same", "2026-11-03", 8000.0),
        ];
        assert_eq!(
            record_problems(&file_with(json!({ "runs": runs }))),
            ["Run 3 (dated 3 Nov 2026): id: is the same as run 1's; each record needs its own id"]
        );
        // The same id in two collections is two different records.
        let file = file_with(json!({"runs": [run_json("same", "2026-11-01", 5000.0)],
                                    "pain": [pain_json("same", 2)]}));
        assert!(parse_backup(&file, today(), utc, DateStyle::default()).is_ok());
    }

    #[test]
    fn unreadable_fields_are_named_in_plain_words() {
        let mut far = run_json("r1", "2026-11-20", 0.0);
        far["distance"] = json!("far");
        let mut no_date = run_json("r2", "2026-11-20", 5000.0);
        no_date.as_object_mut().unwrap().remove("date");
        let mut jog = run_json("r3", "2026-11-20", 5000.0);
        jog["kind"] = json!("jog");
        let feb_30 = run_json("r4", "2026-02-30", 5000.0);
        let mut effort = run_json("r5", "2026-11-20", 5000.0);
        effort["effort"] = json!(300);
        let bad_id = run_json("a b", "2026-11-20", 5000.0);
        let problems = record_problems(&file_with(json!({
            "runs": [far, no_date, jog, feb_30, effort, bad_id, 42]
        })));
        assert_eq!(
            problems,
            [
                "Run 1 (dated 20 Nov 2026): distance: should be a number, but is string \"far\"",
                "Run 2: date: is missing",
                "Run 3 (dated 20 Nov 2026): kind: unknown variant `jog`, expected one of `easy`, \
                 `long`, `tempo`, `intervals`, `hills`, `race`, `recovery`, `cross_training`",
                "Run 4: date: \"2026-02-30\" is not a date (like 2026-03-04)",
                "Run 5 (dated 20 Nov 2026): effort: integer `300` is out of range \
                 (a whole number from 0 to 255)",
                "Run 6 (dated 20 Nov 2026): id: \"a b\" is not a record id (letters, digits and \
                 dashes, at most 64)",
                "Run 7: is a number, not a record",
            ]
        );
    }

    #[test]
    fn every_kind_of_record_is_checked_and_named() {
        let problems = record_problems(&file_with(json!({
            "strength": [{"id": "s1", "updated_at": "2026-11-20T07:00:00Z", "date": "2026-11-20",
                          "minutes": 900}],
            "shoes": [{"id": "sh1", "updated_at": "2026-11-20T07:00:00Z", "name": "Pegasus 40",
                       "added_on": "2026-01-01", "start_distance": -5.0}],
            "triage": [{"id": "t1", "updated_at": "2026-11-20T07:00:00Z",
                        "taken_at": "2026-11-19T18:00:00Z", "care_tier": "tomorrow"}],
            "settings": {"shoe_threshold": 10.0, "week_start": "mon"},
        })));
        assert_eq!(
            problems,
            [
                "Strength session 1 (dated 20 Nov 2026): minutes: 900 minutes is longer than any \
                 session",
                "Shoe 1 (\"Pegasus 40\"): start_distance: must be between 0 and 10,000 km",
                "Knee check 1 (taken 19 Nov 2026): care_tier: unknown variant `tomorrow`, expected \
                 one of `emergency_now`, `same_day`, `see_professional_soon`, `self_manage`",
                "Settings: shoe_threshold: must be between 100 and 3,000 km",
            ]
        );
    }

    #[test]
    fn unreadable_settings_are_named() {
        let problems = record_problems(&file_with(json!({"settings": {"week_start": "someday"}})));
        assert_eq!(
            problems,
            ["Settings: week_start: \"someday\" is not a weekday"]
        );
    }

    #[test]
    fn the_message_lists_ten_problems_and_counts_the_rest() {
        let pain: Vec<Value> = (1..=13).map(|n| pain_json(&format!("p{n}"), 11)).collect();
        let message = error_of(&file_with(json!({ "pain": pain }))).to_string();
        assert!(
            message.starts_with("This backup has 13 records Patella cannot accept"),
            "{message}"
        );
        assert_eq!(message.matches("• Pain entry").count(), 10, "{message}");
        assert!(message.ends_with("…and 3 more.\n"), "{message}");
    }

    #[test]
    fn a_long_value_from_the_file_is_shortened_in_messages() {
        let mut run = run_json("r1", "2026-11-20", 5000.0);
        run["distance"] = json!("x".repeat(10_000));
        let problems = record_problems(&file_with(json!({ "runs": [run] })));
        assert!(problems[0].chars().count() < 300, "{}", problems[0]);
    }

    #[test]
    fn merge_keeps_both_sides_and_the_newer_copy_while_replace_takes_the_backup() {
        let mut device = sample();
        device.runs.truncate(1);
        device.runs[0].notes = "edited on the phone".to_string();
        device.runs[0].updated_at = "2026-11-26T10:00:00Z".parse().unwrap();
        device.settings.updated_at = Some("2026-11-26T10:00:00Z".parse().unwrap());
        device.settings.units = DistanceUnit::Km;
        let mut extra = device.pain[0].clone();
        extra.id = id("pain-only-on-device");
        device.pain.push(extra);
        let backup = sample();

        let merged = restore(&device, &backup, RestoreMode::Merge);
        assert_eq!(merged.runs.len(), 2, "run-2 comes from the backup");
        assert_eq!(
            merged.runs[0].notes, "edited on the phone",
            "the newer copy wins"
        );
        assert_eq!(merged.pain.len(), 2, "nothing on the device is lost");
        assert_eq!(
            merged.settings.units,
            DistanceUnit::Km,
            "newer settings win"
        );

        let replaced = restore(&device, &backup, RestoreMode::Replace);
        assert_eq!(replaced, backup);
    }

    #[test]
    fn the_summary_counts_in_words() {
        let summary = summary(&sample());
        assert_eq!(summary.counts.runs, 2);
        assert_eq!(
            summary.to_string(),
            "2 runs, 1 pain entry, 1 strength session, 1 shoe, 1 knee check and 1 clinician visit, \
             from 2026-01-03 to 2026-11-22"
        );
        assert_eq!(
            super::summary(&DataSet::default()).to_string(),
            "no records"
        );
        let one = DataSet {
            runs: sample().runs[..1].to_vec(),
            ..DataSet::default()
        };
        assert_eq!(super::summary(&one).to_string(), "1 run, on 2026-11-20");
    }

    /// Generators of valid records, and the properties: any input is answered without a
    /// panic, and a valid data set survives export and import unchanged.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::option;
        use proptest::prelude::*;
        use proptest::sample::select;

        fn earliest() -> NaiveDate {
            crate::domain::records::earliest_record_date()
        }

        fn a_date() -> impl Strategy<Value = NaiveDate> {
            let days = (today() - earliest()).num_days() + 1;
            (0..=days).prop_map(|offset| earliest() + chrono::Days::new(offset as u64))
        }

        fn an_instant() -> impl Strategy<Value = DateTime<Utc>> {
            (0i64..4_000_000_000, 0u32..1_000_000_000)
                .prop_map(|(seconds, nanos)| DateTime::from_timestamp(seconds, nanos).unwrap())
        }

        fn an_id_prefix() -> impl Strategy<Value = String> {
            "[A-Za-z0-9_-]{1,40}"
        }

        fn a_note() -> impl Strategy<Value = String> {
            prop_oneof!["", "\\PC{0,60}", "[=+@,\"\n -]{0,10}"]
        }

        fn a_score() -> impl Strategy<Value = Option<PainScore>> {
            proptest::option::of((0u8..=10).prop_map(|score| PainScore::new(score).unwrap()))
        }

        /// Ids are made unique within a collection by their place, as the app's UUIDs are.
        fn with_ids<R>(records: Vec<R>, prefix: &str, set: impl Fn(&mut R, RecordId)) -> Vec<R> {
            records
                .into_iter()
                .enumerate()
                .map(|(i, mut record)| {
                    set(&mut record, id(&format!("{prefix}-{i}")));
                    record
                })
                .collect()
        }

        fn a_run() -> impl Strategy<Value = Run> {
            (
                (an_instant(), a_date(), 1.0f64..=350_000.0, 1u32..=172_800),
                (
                    select(RunKind::ALL.to_vec()),
                    proptest::option::of(select(Surface::ALL.to_vec())),
                ),
                (a_score(), a_score(), proptest::option::of(1u8..=10)),
                (
                    proptest::option::of(60u16..=260),
                    a_note(),
                    proptest::option::of(an_id_prefix()),
                    a_note(),
                ),
            )
                .prop_map(
                    |(
                        (updated_at, date, metres, seconds),
                        (kind, surface),
                        (during, after, effort),
                        (cadence, notes, shoe, name),
                    )| Run {
                        id: id("placeholder"),
                        updated_at,
                        date,
                        distance: Distance::from_metres(metres),
                        // No faster than 6 m/s: a run the log accepts is one a person can run.
                        duration: Duration::from_seconds(seconds.max((metres / 6.0).ceil() as u32)),
                        kind,
                        surface,
                        shoe_id: shoe.map(|shoe| id(&shoe)),
                        pain_during: during,
                        pain_after: after,
                        effort,
                        cadence_spm: cadence,
                        // A name is a note's kind of text, within a name's length.
                        title: name
                            .chars()
                            .take(crate::domain::records::MAX_TITLE_CHARS)
                            .collect(),
                        notes,
                        source: None,
                    },
                )
        }

        fn a_pain_entry() -> impl Strategy<Value = PainEntry> {
            (
                an_instant(),
                a_date(),
                0u8..=10,
                vec(select(KneeArea::ALL.to_vec()), 0..4),
                any::<bool>(),
                a_note(),
            )
                .prop_map(
                    |(updated_at, date, pain, areas, morning_stiffness, note)| PainEntry {
                        id: id("placeholder"),
                        updated_at,
                        date,
                        pain: PainScore::new(pain).unwrap(),
                        areas,
                        morning_stiffness,
                        note,
                    },
                )
        }

        fn a_strength_session() -> impl Strategy<Value = StrengthSession> {
            (
                an_instant(),
                a_date(),
                vec("[a-z_]{1,30}", 0..6),
                proptest::option::of(0u16..=600),
                a_note(),
            )
                .prop_map(|(updated_at, date, exercises, minutes, note)| {
                    StrengthSession {
                        id: id("placeholder"),
                        updated_at,
                        date,
                        exercises,
                        minutes,
                        note,
                    }
                })
        }

        fn a_shoe() -> impl Strategy<Value = Shoe> {
            (
                an_instant(),
                "[A-Za-zé0-9][A-Za-zé0-9 ]{0,40}",
                a_date(),
                0.0f64..=10_000_000.0,
                any::<bool>(),
            )
                .prop_map(|(updated_at, name, added_on, metres, retired)| Shoe {
                    id: id("placeholder"),
                    updated_at,
                    name,
                    added_on,
                    start_distance: Distance::from_metres(metres),
                    retired,
                })
        }

        /// A moment on `day` at `second` past local midnight, in a UTC offset of `quarters`
        /// quarter-hours (-12:00 to +14:00), as a runner anywhere would record it.
        fn local_moment(
            day: NaiveDate,
            second: u32,
            quarters: i32,
        ) -> chrono::DateTime<chrono::FixedOffset> {
            let offset = chrono::FixedOffset::east_opt(quarters * 900).unwrap();
            let local =
                day.and_hms_opt(0, 0, 0).unwrap() + chrono::Duration::seconds(i64::from(second));
            local.and_local_timezone(offset).single().unwrap()
        }

        fn a_knee_check() -> impl Strategy<Value = TriageRecord> {
            (
                an_instant(),
                a_date(),
                (0u32..86_400, -48_i32..=56),
                select(vec![
                    CareTier::EmergencyNow,
                    CareTier::SameDay,
                    CareTier::SeeProfessionalSoon,
                    CareTier::SelfManage,
                ]),
                vec("[a-z_]{1,30}", 0..4),
                btree_map("[a-z_]{1,20}", "[a-z_0-9]{1,20}", 0..8),
            )
                .prop_map(
                    |(updated_at, day, (second, quarters), care_tier, conditions, answers)| {
                        TriageRecord {
                            id: id("placeholder"),
                            updated_at,
                            taken_at: local_moment(day, second, quarters),
                            care_tier,
                            conditions,
                            answers,
                        }
                    },
                )
        }

        fn some_settings() -> impl Strategy<Value = Settings> {
            (
                proptest::option::of(an_instant()),
                select(vec![DistanceUnit::Km, DistanceUnit::Mi]),
                select(vec![Weekday::Mon, Weekday::Sat, Weekday::Sun, Weekday::Wed]),
                100_000.0f64..=3_000_000.0,
                proptest::option::of(120u16..=230),
                proptest::option::of(an_id_prefix()),
                proptest::option::of(an_instant()),
                proptest::option::of(select(English::ALL.to_vec())),
                proptest::option::of(select(DateStyle::ALL.to_vec())),
            )
                .prop_map(
                    |(
                        updated_at,
                        units,
                        week_start,
                        threshold,
                        cadence,
                        shoe,
                        last_backup_at,
                        english,
                        dates,
                    )| {
                        Settings {
                            updated_at,
                            units,
                            week_start,
                            shoe_threshold: Distance::from_metres(threshold),
                            target_cadence_spm: cadence,
                            default_shoe: shoe.map(|shoe| id(&shoe)),
                            last_backup_at,
                            english,
                            dates,
                        }
                    },
                )
        }

        fn a_recovery_plan() -> impl Strategy<Value = RecoveryPrefs> {
            (
                option::of((a_date(), 0..5usize, option::of(a_date()))),
                option::of(vec("[a-z_]{1,20}", 0..4)),
                option::of(an_instant()),
            )
                .prop_map(|(start, plan_conditions, updated_at)| RecoveryPrefs {
                    start: start.map(|(date, stage, from_knee_check)| ProtocolStart {
                        date,
                        stage: Stage::ALL[stage],
                        from_knee_check,
                    }),
                    plan_conditions,
                    updated_at,
                })
        }

        fn a_visit() -> impl Strategy<Value = Visit> {
            (
                an_instant(),
                a_date(),
                (0u32..86_400, -48_i32..=56),
                0..Advice::ALL.len(),
            )
                .prop_map(|(updated_at, day, (second, quarters), advice)| Visit {
                    id: id("placeholder"),
                    updated_at,
                    recorded_at: local_moment(day, second, quarters),
                    advice: Advice::ALL[advice],
                })
        }

        fn a_valid_data_set() -> impl Strategy<Value = DataSet> {
            (
                vec(a_run(), 0..25),
                vec(a_pain_entry(), 0..15),
                vec(a_strength_session(), 0..8),
                vec(a_shoe(), 0..5),
                vec(a_knee_check(), 0..4),
                some_settings(),
                a_recovery_plan(),
                an_id_prefix(),
                vec(a_visit(), 0..3),
            )
                .prop_map(
                    |(runs, pain, strength, shoes, triage, settings, recovery, prefix, visits)| {
                        DataSet {
                            runs: with_ids(runs, &prefix, |r, id| r.id = id),
                            pain: with_ids(pain, &prefix, |r, id| r.id = id),
                            strength: with_ids(strength, &prefix, |r, id| r.id = id),
                            shoes: with_ids(shoes, &prefix, |r, id| r.id = id),
                            triage: with_ids(triage, &prefix, |r, id| r.id = id),
                            settings,
                            recovery,
                            visits: with_ids(visits, &prefix, |r, id| r.id = id),
                        }
                    },
                )
        }

        /// Any JSON, with keys that are often real field names so the record checks run.
        fn any_json() -> impl Strategy<Value = Value> {
            let key = prop_oneof![
                select(vec![
                    "id",
                    "updated_at",
                    "date",
                    "distance",
                    "duration",
                    "kind",
                    "pain",
                    "areas",
                    "name",
                    "added_on",
                    "taken_at",
                    "care_tier",
                    "effort",
                    "shoe_threshold",
                    "week_start",
                    "units",
                    "notes",
                    "answers",
                    "minutes",
                    "exercises",
                ])
                .prop_map(str::to_string),
                "\\PC{0,8}",
            ];
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                any::<u64>().prop_map(Value::from),
                any::<f64>().prop_map(Value::from),
                "\\PC{0,20}".prop_map(Value::from),
                a_date().prop_map(|day| Value::from(day.to_string())),
                an_instant().prop_map(|at| Value::from(at.to_rfc3339())),
            ];
            leaf.prop_recursive(4, 64, 8, move |inner| {
                prop_oneof![
                    vec(inner.clone(), 0..8).prop_map(Value::from),
                    btree_map(key.clone(), inner, 0..8)
                        .prop_map(|map| Value::Object(map.into_iter().collect())),
                ]
            })
        }

        /// Whatever parse_backup accepts must pass every check a record typed by hand does.
        fn assert_accepted_data_is_valid(result: Result<Backup, BackupError>) {
            if let Ok(backup) = result {
                let data = &backup.data;
                let problems = data
                    .runs
                    .iter()
                    .flat_map(|r| r.problems(today()))
                    .chain(data.pain.iter().flat_map(|r| r.problems(today())))
                    .chain(data.strength.iter().flat_map(|r| r.problems(today())))
                    .chain(data.shoes.iter().flat_map(|r| r.problems(today())))
                    .chain(data.triage.iter().flat_map(|r| r.problems(today())))
                    .chain(data.settings.problems(today()))
                    .count();
                assert_eq!(problems, 0);
            }
        }

        /// One text read by the page's JSON code and by serde_json, the oracle it replaced
        /// there: the same record, or the same refusal in the same words.
        fn read_alike<R>(text: &str) -> Result<(), TestCaseError>
        where
            R: DeserializeOwned + PartialEq + fmt::Debug,
        {
            match (json::from_str::<R>(text), serde_json::from_str::<R>(text)) {
                // The deliberate difference: serde_json reads a list as a record's fields in
                // order; the page takes a record only as an object, as this file's check does.
                (Err(ours), _) if text.starts_with('[') => {
                    prop_assert!(
                        ours.message().starts_with("invalid type: sequence"),
                        "{}",
                        text
                    );
                }
                (Ok(ours), Ok(theirs)) => prop_assert_eq!(ours, theirs),
                (Err(ours), Err(theirs)) => {
                    let theirs = theirs.to_string();
                    let theirs = theirs.rsplit_once(" at line ").map_or(&*theirs, |(m, _)| m);
                    // The other deliberate difference: where a choice (an enum) is given a
                    // number, a list or null, serde_json says only "expected value"; the
                    // page says what it found and which choice it wanted.
                    let said_more = theirs == "expected value"
                        && ours.message().starts_with("invalid type: ")
                        && ours.message().contains(", expected enum ");
                    if !said_more {
                        prop_assert_eq!(ours.message(), theirs, "{}", text);
                    }
                }
                (ours, theirs) => prop_assert!(false, "{text}: {ours:?} / {theirs:?}"),
            }
            Ok(())
        }

        proptest! {
            #[test]
            fn the_pages_json_writes_and_reads_data_as_serde_json_does(
                data in a_valid_data_set(),
                metres in vec(any::<f64>().prop_filter("finite", |m| m.is_finite()), 0..25),
            ) {
                let mut data = data;
                for (run, metres) in data.runs.iter_mut().zip(metres) {
                    run.distance = Distance::from_metres(metres);
                }
                let text = json::to_string(&data).unwrap();
                let oracle = serde_json::to_string(&data).unwrap();
                // Where the two texts part, with some context either side.
                let at = text.bytes().zip(oracle.bytes()).take_while(|(a, b)| a == b).count();
                let around = |t: &str| t.get(at.saturating_sub(60)..(at + 60).min(t.len())).map(str::to_string);
                // The same text, but for a float exactly halfway between two shortest forms
                // (…456.53125 as …456.5313 or …456.5312): both read back as the same f64.
                let same = text == oracle
                    || serde_json::from_str::<Value>(&text).ok()
                        == serde_json::from_str::<Value>(&oracle).ok();
                prop_assert!(same, "{:?} / {:?}", around(&text), around(&oracle));
                let back: DataSet = json::from_str(&text).unwrap();
                for (run, read) in data.runs.iter().zip(&back.runs) {
                    prop_assert_eq!(run.distance.metres().to_bits(), read.distance.metres().to_bits());
                }
                prop_assert_eq!(back, data);
            }

            #[test]
            fn the_pages_json_reads_any_record_text_as_serde_json_does(item in any_json()) {
                let text = item.to_string();
                read_alike::<Run>(&text)?;
                read_alike::<PainEntry>(&text)?;
                read_alike::<StrengthSession>(&text)?;
                read_alike::<Shoe>(&text)?;
                read_alike::<TriageRecord>(&text)?;
                read_alike::<Settings>(&text)?;
                read_alike::<RecoveryPrefs>(&text)?;
            }

            #[test]
            fn export_then_import_is_the_identity(data in a_valid_data_set()) {
                let text = export_backup(&data, "0.1.0", now()).unwrap();
                let backup = parse_backup(text.as_bytes(), today(), utc, DateStyle::default());
                let back = backup.map(|backup| backup.data);
                // Equal times compare as instants: the offsets, which decide the runner's
                // day, must come back too.
                let offsets = |data: &DataSet| {
                    let checks = data.triage.iter().map(|c| c.taken_at.offset().local_minus_utc());
                    let visits = data.visits.iter().map(|v| v.recorded_at.offset().local_minus_utc());
                    checks.chain(visits).collect::<Vec<_>>()
                };
                prop_assert_eq!(back.as_ref().map(offsets), Ok(offsets(&data)));
                prop_assert_eq!(back, Ok(data));
            }

            #[test]
            fn any_bytes_are_answered_without_a_panic(bytes in vec(any::<u8>(), 0..512)) {
                assert_accepted_data_is_valid(parse_backup(&bytes, today(), utc, DateStyle::default()));
            }

            #[test]
            fn any_json_like_text_is_answered_without_a_panic(
                text in "[\\[\\]{}\",:0-9a-z .eE+-]{0,300}"
            ) {
                assert_accepted_data_is_valid(parse_backup(text.as_bytes(), today(), utc, DateStyle::default()));
            }

            #[test]
            fn any_json_in_a_backup_frame_is_answered_without_a_panic(
                runs in vec(any_json(), 0..4),
                pain in any_json(),
                settings in any_json(),
                schema in prop_oneof![Just(json!(1)), any_json()],
            ) {
                let file = json!({"format": "patella-backup", "schema": schema,
                                  "app_version": "0.1.0", "exported_at": "2026-11-27T08:15:00Z",
                                  "data": {"runs": runs, "pain": pain, "settings": settings}});
                assert_accepted_data_is_valid(parse_backup(file.to_string().as_bytes(), today(), utc, DateStyle::default()));
            }

            #[test]
            fn a_damaged_real_backup_is_answered_without_a_panic(
                data in a_valid_data_set(),
                edits in vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
                cut in any::<prop::sample::Index>(),
                truncate in any::<bool>(),
            ) {
                let mut bytes = export_backup(&data, "0.1.0", now()).unwrap().into_bytes();
                for (at, byte) in edits {
                    let at = at.index(bytes.len());
                    bytes[at] = byte;
                }
                if truncate {
                    bytes.truncate(cut.index(bytes.len()));
                }
                assert_accepted_data_is_valid(parse_backup(&bytes, today(), utc, DateStyle::default()));
            }
        }
    }
}
