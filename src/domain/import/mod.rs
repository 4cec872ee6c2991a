//! Importing runs from the files a watch or a service writes: Garmin's FIT, GPX 1.1, TCX and
//! Strava's bulk-export `activities.csv`.
//!
//! Pure parsing, no browser: bytes and a file name in, activity summaries out. Each activity
//! keeps only its summary (sport, start, distance, moving and elapsed time, cadence, heart
//! rate, climb); no GPS track is kept. Activities that are not runs come back in
//! [`Parsed::skipped`] with the reason, so the runner can still choose to include a walk.
//! A file that cannot be used at all is an [`ImportError`] in words a runner understands.
//!
//! Units: metres, seconds, steps per minute (both feet), beats per minute.

mod csv_rows;
pub mod duplicates;
mod fit;
mod gpx;
pub mod names;
pub mod preview;
pub mod preview_message;
mod strava_csv;
mod tcx;
mod track;

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::records::{RecordId, Run, RunSource, MAX_SOURCE_NAME_CHARS};
use crate::domain::units::{Distance, Duration, MAX_RUN_SECONDS};

pub use duplicates::{find_duplicate, is_duplicate_of_run, same_activity, LoggedRun};

/// Files bigger than this are refused before any parsing: a year of one-second FIT records
/// is a few megabytes, so 50 MB is never a single run.
pub const MAX_FILE_BYTES: usize = 50 * 1_000_000;

/// The kind of file an activity came from: the same type a stored run keeps.
pub use crate::domain::records::SourceFormat as Format;

/// What the activity was, as the file names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sport {
    /// Road, trail, track, treadmill or virtual running.
    Running,
    /// The file does not say (a GPX track with no `<type>`): taken as a run, since the
    /// runner chose to import it into a running log.
    Unspecified,
    Walking,
    Hiking,
    Cycling,
    Swimming,
    /// Kayaking, canoeing, stand-up paddling.
    Paddling,
    /// Anything else, with the name the file gives it (FIT: `sport/sub_sport`); said in
    /// words through [`names`].
    Other(String),
}

impl Sport {
    /// Runs are imported; everything else is listed as skipped.
    pub fn is_run(&self) -> bool {
        matches!(self, Sport::Running | Sport::Unspecified)
    }

    /// Sports counted in steps: watches store their cadence per leg (strides per minute),
    /// so it is doubled to steps per minute. Pedal and stroke cadences are left alone.
    pub fn is_on_foot(&self) -> bool {
        matches!(
            self,
            Sport::Running | Sport::Unspecified | Sport::Walking | Sport::Hiking
        )
    }

    /// A short name for lists and headings: "Run", "Ride", "Indoor rowing session".
    pub fn label(&self) -> String {
        match self {
            Sport::Running => "Run".to_string(),
            Sport::Unspecified => "Activity (sport not recorded)".to_string(),
            Sport::Walking => "Walk".to_string(),
            Sport::Hiking => "Hike".to_string(),
            Sport::Cycling => "Ride".to_string(),
            Sport::Swimming => "Swim".to_string(),
            Sport::Paddling => "Paddle".to_string(),
            Sport::Other(_) => names::label_of(&self.phrase()),
        }
    }

    /// The sport in a sentence, with its article: "a ride", "an indoor rowing session".
    pub fn phrase(&self) -> String {
        match self {
            Sport::Running => "a run".to_string(),
            Sport::Unspecified => "an activity the file does not name".to_string(),
            Sport::Walking => "a walk".to_string(),
            Sport::Hiking => "a hike".to_string(),
            Sport::Cycling => "a ride".to_string(),
            Sport::Swimming => "a swim".to_string(),
            Sport::Paddling => "a paddle".to_string(),
            Sport::Other(name) => names::other_sport(name),
        }
    }

    /// A sport from the many ways files spell it: FIT's `running`, TCX's `Running`,
    /// Strava's `Trail Run` or `Virtual Ride`, GPX's `running` or Strava's numeric `9`.
    /// Names in the table of other sports are taken as they are first, so a
    /// `motorcycling` is not a ride and a `wheelchair_push_run` not a run.
    pub fn from_name(name: &str) -> Sport {
        let lower = name.trim().to_ascii_lowercase();
        let has = |word: &str| lower.contains(word);
        match lower.as_str() {
            "" => return Sport::Unspecified,
            // Strava's GPX exports write activity types as numbers.
            "9" => return Sport::Running,
            "1" => return Sport::Cycling,
            "10" => return Sport::Walking,
            "4" => return Sport::Hiking,
            _ => {}
        }
        if names::is_known_sport(&lower) {
            Sport::Other(name.trim().to_string())
        } else if has("run") || has("jog") {
            Sport::Running
        } else if has("walk") {
            Sport::Walking
        } else if has("hik") {
            Sport::Hiking
        } else if has("ride") || has("cycl") || has("bik") {
            Sport::Cycling
        } else if has("swim") {
            Sport::Swimming
        } else if has("paddl") || has("kayak") || has("canoe") {
            Sport::Paddling
        } else {
            Sport::Other(name.trim().to_string())
        }
    }

    /// A FIT session's sport, with its sub-sport where that says more ("fitness_equipment"
    /// and "indoor_rowing" make an indoor rowing session; "running" and "treadmill" a run).
    pub fn from_fit(sport: &str, sub_sport: Option<&str>) -> Sport {
        match (Sport::from_name(sport), sub_sport) {
            (Sport::Other(name), Some(sub)) if !sub.is_empty() && sub != "generic" => {
                Sport::Other(format!("{name}/{sub}"))
            }
            (found, _) => found,
        }
    }
}

/// One activity's summary, as read from a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivitySummary {
    pub sport: Sport,
    /// When the activity started; `None` only if the file does not say.
    #[serde(default, with = "crate::domain::iso::optional_instant")]
    pub start: Option<DateTime<Utc>>,
    pub distance_m: f64,
    /// Time spent moving (the watch's timer time, or for GPX the time between points
    /// moving at 0.5 m/s or faster).
    pub moving_s: f64,
    /// From the start to the end, stops included.
    pub elapsed_s: f64,
    /// Steps per minute, both feet.
    pub avg_cadence_spm: Option<f64>,
    pub avg_hr: Option<f64>,
    pub elevation_gain_m: Option<f64>,
    /// The activity's own name, if the file gives one ("Morning Run").
    pub title: Option<String>,
    /// The file it came from.
    pub source_name: String,
    pub format: Format,
}

impl ActivitySummary {
    /// The calendar day the activity started on, at the runner's UTC offset (pass the
    /// offset in use where the runner lives; the shell reads it from the browser).
    pub fn local_date(&self, offset: FixedOffset) -> Option<NaiveDate> {
        self.start
            .map(|start| start.with_timezone(&offset).date_naive())
    }

    /// The run as the log stores it: moving time as the duration (what a watch shows as
    /// the run's time), cadence, heart rate and climb rounded, and where it came from.
    /// Readings no runner could produce (a cadence of 30, a heart rate of 400) are left
    /// out rather than refusing the run. `None` when the file gave no start, or the
    /// numbers cannot be a run the log accepts (no time at all).
    pub fn to_run(
        &self,
        id: RecordId,
        updated_at: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Option<Run> {
        let date = self.local_date(offset)?;
        let started_at = self.start?;
        let seconds = self.moving_s.round();
        if !(seconds >= 1.0 && seconds <= f64::from(MAX_RUN_SECONDS)) {
            return None;
        }
        let elapsed = self
            .elapsed_s
            .round()
            .clamp(seconds, f64::from(MAX_RUN_SECONDS));
        let source = RunSource {
            file_name: truncate_chars(&self.source_name, MAX_SOURCE_NAME_CHARS),
            format: self.format,
            started_at,
            elapsed: Duration::from_seconds(elapsed as u32),
            avg_heart_rate_bpm: self
                .avg_hr
                .map(f64::round)
                .filter(|bpm| (25.0..=250.0).contains(bpm))
                .map(|bpm| bpm as u16),
            elevation_gain_m: self
                .elevation_gain_m
                .filter(|climb| climb.is_finite() && (0.0..=20_000.0).contains(climb))
                .map(|climb| (climb * 10.0).round() / 10.0),
        };
        Some(Run {
            id,
            updated_at,
            date,
            distance: Distance::from_metres(self.distance_m),
            duration: Duration::from_seconds(seconds as u32),
            kind: Default::default(),
            surface: None,
            shoe_id: None,
            pain_during: None,
            pain_after: None,
            effort: None,
            cadence_spm: self
                .avg_cadence_spm
                .map(f64::round)
                .filter(|spm| (60.0..=260.0).contains(spm))
                .map(|spm| spm as u16),
            title: String::new(),
            notes: String::new(),
            source: Some(source),
        })
    }
}

/// Why an activity in a file is not offered as a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SkipReason {
    /// A ride, walk, swim…: the runner may still include it.
    NotARun(Sport),
    /// One row or activity in an otherwise readable file could not be read.
    Unreadable(String),
    /// A FIT activity timed from when the watch was switched on, its clock not yet set, with
    /// nothing in the file to say which day that was.
    ClockNotSet,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotARun(sport) => {
                write!(f, "This is {}, not a run.", sport.phrase())
            }
            SkipReason::Unreadable(why) => f.write_str(why),
            SkipReason::ClockNotSet => f.write_str(
                "The watch hadn't set its clock when it recorded this, and nothing in the file \
                 says which day it was. Add it by hand with its date.",
            ),
        }
    }
}

/// An activity left out of the import, with what is known of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// The summary, when it could be read (a ride has one; a garbled CSV row does not).
    pub summary: Option<ActivitySummary>,
    pub reason: SkipReason,
}

/// Everything one file holds: the runs to offer, and what was left out and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    pub activities: Vec<ActivitySummary>,
    pub skipped: Vec<Skipped>,
}

impl Parsed {
    /// Sorts one summary into runs or skipped.
    fn push(&mut self, summary: ActivitySummary) {
        if summary.sport.is_run() {
            self.activities.push(summary);
        } else {
            let reason = SkipReason::NotARun(summary.sport.clone());
            self.skipped.push(Skipped {
                summary: Some(summary),
                reason,
            });
        }
    }
}

/// Why a whole file could not be imported; `Display` says it in plain words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// The file stops in the middle of a record.
    EndsEarly,
    /// The file's checksum or structure is wrong.
    Damaged,
    /// A FIT file of settings: no activity in it.
    SettingsFile,
    /// A FIT file of another kind (a course, a workout, daily monitoring), with the type
    /// the file gives (`monitoring_b`); said in words through [`names::file_type`].
    NotAnActivity {
        kind: String,
    },
    /// A GPX route or track whose points have no times.
    RouteWithoutTimes,
    /// XML that does not parse.
    BadXml {
        detail: String,
    },
    /// Readable, but neither GPX, TCX, FIT nor Strava's CSV.
    UnknownFormat,
    /// A CSV that is not Strava's activities.csv.
    NotStravaCsv,
    /// A readable file of the right kind with no activity in it.
    NoActivities,
    /// The importer stopped partway through this file.
    ReaderStopped,
    /// The browser could not hand over the file's bytes (a cloud file not on the phone).
    CouldNotRead,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { .. } => write!(
                f,
                "This file is too big to import (over the {} MB limit). A single run is far \
                 smaller — is it a whole-account archive? Import the activity files in it.",
                MAX_FILE_BYTES / 1_000_000
            ),
            ImportError::Empty => f.write_str("This file is empty."),
            ImportError::EndsEarly => f.write_str("This file ends early — it may be damaged."),
            ImportError::Damaged => f.write_str(
                "This file is damaged and can't be read. Try exporting the activity again.",
            ),
            ImportError::SettingsFile => {
                f.write_str("This is a device settings file, not an activity.")
            }
            ImportError::NotAnActivity { kind } => write!(
                f,
                "This is {}, not a recorded activity.",
                names::file_type(kind)
            ),
            ImportError::RouteWithoutTimes => f.write_str(
                "This GPX file is a planned route with no times, so it can't be a run you did.",
            ),
            ImportError::BadXml { detail } => write!(
                f,
                "This file isn't a readable GPX or TCX file — it may be damaged ({detail})."
            ),
            ImportError::UnknownFormat => f.write_str(
                "This isn't a file Patella can import. Choose a FIT, GPX or TCX file from a \
                 watch, or activities.csv from a Strava export.",
            ),
            ImportError::NotStravaCsv => f.write_str(
                "This CSV isn't Strava's activities.csv: it has no \"Activity Date\" and \
                 \"Activity Type\" columns.",
            ),
            ImportError::NoActivities => f.write_str("There are no activities in this file."),
            ImportError::CouldNotRead => f.write_str(
                "The browser couldn't read this file. If it is kept in the cloud, save it to \
                 the phone first.",
            ),
            ImportError::ReaderStopped => f.write_str(
                "Patella couldn't finish reading this file; it may be damaged. The other files \
                 were still read.",
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What reading one file gave: its activities, or why it could not be used.
pub type FileOutcome = Result<Parsed, ImportError>;

/// Field names of the messages between the page and the import worker: the page sends
/// `{id, name, bytes}` for one file; the worker first sends `{ready: true, version}`, then
/// for each file `{id, outcome, parse_ms}`. Once every file is read the page sends
/// `{id, preview}` and the worker answers `{id, shown}` (see [`preview_message`]).
pub mod message {
    pub const READY: &str = "ready";
    /// The app version the worker was built as: a page and a worker from different
    /// versions (an update landing while a page stays open) may not read each other.
    pub const VERSION: &str = "version";
    pub const ID: &str = "id";
    pub const NAME: &str = "name";
    pub const BYTES: &str = "bytes";
    pub const OUTCOME: &str = "outcome";
    pub const PARSE_MS: &str = "parse_ms";
    /// What the preview is built from (`preview_message::request_to_message`); the
    /// preview to show comes back under `SHOWN`.
    pub const PREVIEW: &str = "preview";
    pub const SHOWN: &str = "shown";
    /// What the runs' CSV is made from (`domain::csv::request_to_message`); the CSV comes
    /// back under `CSV`, or no text when the request did not read.
    pub const CSV_DATA: &str = "csv_data";
    pub const CSV: &str = "csv";
    /// A backup file's text to check (`domain::backup::check_to_message`), with `TODAY`,
    /// the page's date as YYYY-MM-DD, and `DATES`, the runner's date style
    /// (`DateStyle::value`) for naming a record at fault; the answer comes back under
    /// `CHECKED`.
    pub const BACKUP_TEXT: &str = "backup_text";
    pub const TODAY: &str = "today";
    pub const DATES: &str = "dates";
    pub const CHECKED: &str = "checked";
}

/// The import worker's reply for one file, as text: the page and the worker are separate
/// wasm programs and share only messages.
pub fn outcome_to_message(outcome: &FileOutcome) -> String {
    // Plain data with no maps or non-string keys: serializing it cannot fail, and if it
    // ever did the page reads the empty reply as a file it could not read.
    crate::domain::json::to_string(outcome).unwrap_or_default()
}

/// [`outcome_to_message`] read back in the worker, which builds the preview from what the
/// page kept of each file; an answer that does not read is the file's failure, said in words.
pub fn outcome_from_message(message: &str) -> FileOutcome {
    read_in_worker(message).unwrap_or(Err(ImportError::Damaged))
}

/// Reads a message in the import worker through serde_json's tree, which the worker has
/// already for checking backups (src/domain/backup.rs), so it carries one JSON reader rather
/// than two (the page reads with src/domain/json and has no serde_json). `None` when the text
/// is not the message expected.
pub fn read_in_worker<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    let tree: serde_json::Value = serde_json::from_str(text).ok()?;
    T::deserialize(&tree).ok()
}

/// Reads one file: FIT, GPX, TCX or Strava's activities.csv, recognised by its content
/// first and its name's extension second.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<Parsed, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    // By content first: a GPX saved with a .fit name is still read as GPX.
    let starts_like_text = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<' || *b == 0xEF);
    if fit::looks_like_fit(bytes) || (extension == "fit" && !starts_like_text) {
        return fit::parse(name, bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        if matches!(extension.as_str(), "gpx" | "tcx" | "xml" | "csv") {
            ImportError::Damaged
        } else {
            ImportError::UnknownFormat
        }
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    if trimmed.starts_with('<') {
        return parse_xml(name, text);
    }
    if matches!(extension.as_str(), "gpx" | "tcx" | "xml") {
        return Err(ImportError::BadXml {
            detail: "it doesn't start with an XML tag".to_string(),
        });
    }
    if extension == "csv" || strava_csv::looks_like_strava(trimmed) {
        return strava_csv::parse(name, text);
    }
    Err(ImportError::UnknownFormat)
}

fn parse_xml(name: &str, text: &str) -> Result<Parsed, ImportError> {
    let document = roxmltree::Document::parse(text).map_err(|error| ImportError::BadXml {
        detail: xml_error_words(&error),
    })?;
    let root = document.root_element();
    match root.tag_name().name() {
        "gpx" => gpx::parse(name, &document),
        "TrainingCenterDatabase" => tcx::parse(name, &document),
        _ => Err(ImportError::UnknownFormat),
    }
}

fn xml_error_words(error: &roxmltree::Error) -> String {
    let position = error.pos();
    format!("the text stops making sense at line {}", position.row)
}

/// The first `count` characters of a text, for short messages.
fn truncate_chars(text: &str, count: usize) -> String {
    text.chars().take(count).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_from_the_names_files_use() {
        assert_eq!(Sport::from_name("running"), Sport::Running);
        assert_eq!(Sport::from_name("Trail Run"), Sport::Running);
        assert_eq!(Sport::from_name("Virtual Ride"), Sport::Cycling);
        assert_eq!(Sport::from_name("Biking"), Sport::Cycling);
        assert_eq!(Sport::from_name("9"), Sport::Running);
        assert_eq!(Sport::from_name("Stand Up Paddling"), Sport::Paddling);
        assert_eq!(Sport::from_name(""), Sport::Unspecified);
        assert_eq!(Sport::from_name("Yoga"), Sport::Other("Yoga".to_string()));
        assert!(Sport::Unspecified.is_run());
        assert!(!Sport::Walking.is_run());
    }

    #[test]
    fn files_over_fifty_megabytes_are_refused_before_parsing() {
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        let error = parse_file("huge.gpx", &big).unwrap_err();
        assert_eq!(error, ImportError::TooLarge { bytes: big.len() });
        assert!(error.to_string().contains("too big"));
    }

    #[test]
    fn empty_and_unknown_files_say_so() {
        assert_eq!(parse_file("a.fit", b""), Err(ImportError::Empty));
        assert_eq!(
            parse_file("notes.txt", b"hello"),
            Err(ImportError::UnknownFormat)
        );
    }

    #[test]
    fn local_date_follows_the_given_offset() {
        let summary = ActivitySummary {
            sport: Sport::Running,
            start: "2024-03-10T23:30:00Z".parse().ok(),
            distance_m: 5000.0,
            moving_s: 1500.0,
            elapsed_s: 1600.0,
            avg_cadence_spm: Some(171.4),
            avg_hr: None,
            elevation_gain_m: None,
            title: None,
            source_name: "a.gpx".to_string(),
            format: Format::Gpx,
        };
        let utc = FixedOffset::east_opt(0).unwrap();
        let sydney = FixedOffset::east_opt(11 * 3600).unwrap();
        assert_eq!(
            summary.local_date(utc),
            NaiveDate::from_ymd_opt(2024, 3, 10)
        );
        assert_eq!(
            summary.local_date(sydney),
            NaiveDate::from_ymd_opt(2024, 3, 11)
        );
        let run = summary
            .to_run(RecordId::from_random_bits(1), Utc::now(), sydney)
            .unwrap();
        assert_eq!(run.date, NaiveDate::from_ymd_opt(2024, 3, 11).unwrap());
        assert_eq!(run.duration.seconds(), 1500);
        assert_eq!(run.cadence_spm, Some(171));
    }
}
