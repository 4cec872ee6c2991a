//! Garmin's FIT files (also written by Coros, Wahoo, Suunto and Strava's app), decoded by
//! the `fitparser` crate. One activity per `session` message (a triathlon has several).
//!
//! - The file's kind comes from `file_id.type`: settings, courses, workouts and the like
//!   are refused with their own message.
//! - Sport `sport`, with `sub_sport` where it says more (see [`Sport::from_fit`]).
//! - Start `start_time`, read through the file's clock (see [`Clock`]); distance `total_distance`; moving `total_timer_time` (the watch's
//!   timer, paused with auto-pause); elapsed `total_elapsed_time`.
//! - Cadence: on foot, `avg_running_cadence` (+ `avg_fractional_cadence`) is strides per
//!   minute, one leg: doubled to steps per minute. On a bike `avg_cadence` is pedal rpm.
//! - `avg_heart_rate`, `total_ascent` as recorded by the device.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use fitparser::de::DecodeOption;
use fitparser::profile::MesgNum;
use fitparser::{ErrorKind, FitDataRecord, Value};

use super::{ActivitySummary, Format, ImportError, Parsed, SkipReason, Skipped, Sport};

/// A FIT file's header: its size (12 or 14) first, `.FIT` at bytes 8–11.
pub fn looks_like_fit(bytes: &[u8]) -> bool {
    bytes.len() >= 12 && matches!(bytes[0], 12 | 14) && &bytes[8..12] == b".FIT"
}

fn error_words(error: &ErrorKind) -> ImportError {
    match error {
        ErrorKind::UnexpectedEof(_) | ErrorKind::Io(_) => ImportError::EndsEarly,
        _ => ImportError::Damaged,
    }
}

pub fn parse(name: &str, bytes: &[u8]) -> Result<Parsed, ImportError> {
    if !looks_like_fit(bytes) {
        return Err(if bytes.len() < 12 {
            ImportError::EndsEarly
        } else {
            ImportError::Damaged
        });
    }
    let options: HashSet<DecodeOption> = [
        DecodeOption::DropUnknownFields,
        DecodeOption::DropUnknownMessages,
    ]
    .into_iter()
    .collect();
    let records =
        fitparser::de::from_bytes_with_options(bytes, &options).map_err(|e| error_words(&e))?;

    let file_kind = records
        .iter()
        .find(|r| r.kind() == MesgNum::FileId)
        .and_then(|r| field(r, "type"))
        .and_then(|v| match v {
            Value::String(kind) => Some(kind.clone()),
            _ => None,
        });
    match file_kind.as_deref() {
        None | Some("activity") | Some("activity_summary") => {}
        Some("settings") | Some("device") => return Err(ImportError::SettingsFile),
        Some(other) => {
            return Err(ImportError::NotAnActivity {
                kind: other.to_string(),
            })
        }
    }

    let clock = Clock::of(&records);
    let sessions: Vec<&FitDataRecord> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .collect();
    let only_session = sessions.len() == 1;
    let mut parsed = Parsed::default();
    for session in sessions {
        let mut summary = summary(name, session);
        let start = field(session, "start_time").and_then(fit_seconds);
        summary.start = start.and_then(|start| clock.absolute(start, only_session));
        if start.is_some() && summary.start.is_none() {
            parsed.skipped.push(Skipped {
                summary: Some(summary),
                reason: SkipReason::ClockNotSet,
            });
        } else {
            parsed.push(summary);
        }
    }
    if parsed.activities.is_empty() && parsed.skipped.is_empty() {
        return Err(ImportError::NoActivities);
    }
    Ok(parsed)
}

fn field<'a>(record: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    record
        .fields()
        .iter()
        .find(|f| f.name() == name)
        .map(|f| f.value())
}

/// FIT counts time in seconds from 1989-12-31T00:00:00Z: this many seconds after the Unix epoch.
const FIT_EPOCH_UNIX_S: i64 = 631_065_600;

/// The FIT profile's `date_time`: values below this are not calendar time but seconds since
/// the device was switched on (its clock was not yet set, say before a GPS fix).
const SYSTEM_TIME_BELOW: i64 = 0x1000_0000;

/// A `date_time` as the file wrote it: seconds on the FIT clock. `fitparser` hands every
/// one over as a calendar time counted from 1989, system times included, so the count is
/// read back from it.
fn fit_seconds(value: &Value) -> Option<i64> {
    match value {
        Value::Timestamp(t) => Some(t.timestamp() - FIT_EPOCH_UNIX_S),
        _ => None,
    }
}

fn is_system_time(seconds: i64) -> bool {
    seconds < SYSTEM_TIME_BELOW
}

fn calendar_time(seconds: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(FIT_EPOCH_UNIX_S.checked_add(seconds)?, 0)
}

/// What the file says about its own clock: how to turn a time counted from power-on into a
/// calendar time, when anything in it does.
#[derive(Debug, Default)]
struct Clock {
    /// Calendar time minus system time, from a `timestamp_correlation` message or from the
    /// `activity` message's calendar end against the last session's system-time end.
    system_to_calendar: Option<i64>,
    /// `file_id.time_created` when it is a calendar time: the device makes the file as the
    /// recording starts.
    created: Option<i64>,
}

impl Clock {
    fn of(records: &[FitDataRecord]) -> Clock {
        let seconds =
            |record: &FitDataRecord, name: &str| field(record, name).and_then(fit_seconds);
        let of_kind = |kind: MesgNum| records.iter().filter(move |r| r.kind() == kind);
        let correlated = of_kind(MesgNum::TimestampCorrelation).find_map(|record| {
            let calendar = seconds(record, "timestamp").filter(|t| !is_system_time(*t))?;
            let system = seconds(record, "system_timestamp")?;
            Some(calendar - system)
        });
        let last_session_end = of_kind(MesgNum::Session)
            .filter_map(|session| seconds(session, "timestamp"))
            .max()
            .filter(|end| is_system_time(*end));
        let from_activity = of_kind(MesgNum::Activity).find_map(|activity| {
            let calendar = seconds(activity, "timestamp").filter(|t| !is_system_time(*t))?;
            Some(calendar - last_session_end?)
        });
        Clock {
            system_to_calendar: correlated.or(from_activity),
            created: of_kind(MesgNum::FileId)
                .find_map(|file_id| seconds(file_id, "time_created"))
                .filter(|t| !is_system_time(*t)),
        }
    }

    /// A session's start as a calendar time; `None` when it was counted from power-on and
    /// nothing in the file says when that was. The file's creation time stands in for the
    /// start only of a file with one session.
    fn absolute(&self, start: i64, only_session: bool) -> Option<DateTime<Utc>> {
        if !is_system_time(start) {
            return calendar_time(start);
        }
        if let Some(offset) = self.system_to_calendar {
            let calendar = start.checked_add(offset)?;
            return calendar_time(calendar).filter(|_| !is_system_time(calendar));
        }
        self.created
            .filter(|_| only_session)
            .and_then(calendar_time)
    }
}

fn number(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Byte(v) | Value::UInt8(v) | Value::UInt8z(v) | Value::Enum(v) => f64::from(*v),
        Value::SInt8(v) => f64::from(*v),
        Value::SInt16(v) => f64::from(*v),
        Value::UInt16(v) | Value::UInt16z(v) => f64::from(*v),
        Value::SInt32(v) => f64::from(*v),
        Value::UInt32(v) | Value::UInt32z(v) => f64::from(*v),
        Value::SInt64(v) => *v as f64,
        Value::UInt64(v) | Value::UInt64z(v) => *v as f64,
        Value::Float32(v) => f64::from(*v),
        Value::Float64(v) => *v,
        _ => return None,
    };
    n.is_finite().then_some(n)
}

fn summary(name: &str, session: &FitDataRecord) -> ActivitySummary {
    let num = |field_name: &str| field(session, field_name).and_then(number);
    let sub_sport = match field(session, "sub_sport") {
        Some(Value::String(sub)) => Some(sub.as_str()),
        _ => None,
    };
    let sport = match field(session, "sport") {
        Some(Value::String(sport)) => Sport::from_fit(sport, sub_sport),
        Some(other) => Sport::Other(format!("sport {other}")),
        None => Sport::Unspecified,
    };
    let elapsed_s = num("total_elapsed_time").unwrap_or(0.0).max(0.0);
    let moving_s = num("total_timer_time").unwrap_or(elapsed_s).max(0.0);
    let strides = num("avg_running_cadence")
        .filter(|c| *c > 0.0)
        .map(|c| c + num("avg_fractional_cadence").unwrap_or(0.0));
    let avg_cadence_spm = match strides {
        Some(per_leg) => Some(per_leg * 2.0),
        None => num("avg_cadence").filter(|c| *c > 0.0).map(|c| {
            let c = c + num("avg_fractional_cadence").unwrap_or(0.0);
            if sport.is_on_foot() {
                c * 2.0
            } else {
                c
            }
        }),
    };
    ActivitySummary {
        sport,
        // Set by the caller, which knows the file's clock.
        start: None,
        distance_m: num("total_distance").unwrap_or(0.0).max(0.0),
        moving_s,
        elapsed_s,
        avg_cadence_spm,
        avg_hr: num("avg_heart_rate").filter(|hr| *hr > 0.0),
        elevation_gain_m: num("total_ascent"),
        title: None,
        source_name: name.to_string(),
        format: Format::Fit,
    }
}
