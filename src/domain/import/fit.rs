//! Garmin's FIT files (also written by Coros, Wahoo, Suunto and Strava's app), decoded by
//! the `fitparser` crate. One activity per `session` message (a triathlon has several).
//!
//! - The file's kind comes from `file_id.type`: settings, courses, workouts and the like
//!   are refused with their own message.
//! - Start `start_time`; distance `total_distance`; moving `total_timer_time` (the watch's
//!   timer, paused with auto-pause); elapsed `total_elapsed_time`.
//! - Cadence: on foot, `avg_running_cadence` (+ `avg_fractional_cadence`) is strides per
//!   minute, one leg: doubled to steps per minute. On a bike `avg_cadence` is pedal rpm.
//! - `avg_heart_rate`, `total_ascent` as recorded by the device.

use std::collections::HashSet;

use chrono::Utc;
use fitparser::de::DecodeOption;
use fitparser::profile::MesgNum;
use fitparser::{ErrorKind, FitDataRecord, Value};

use super::{ActivitySummary, Format, ImportError, Parsed, Sport};

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
                kind: other.replace('_', " "),
            })
        }
    }

    let mut parsed = Parsed::default();
    for session in records.iter().filter(|r| r.kind() == MesgNum::Session) {
        parsed.push(summary(name, session));
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
    let sport = match field(session, "sport") {
        Some(Value::String(sport)) => Sport::from_name(sport),
        Some(other) => Sport::Other(format!("sport {other}")),
        None => Sport::Unspecified,
    };
    let start = match field(session, "start_time") {
        Some(Value::Timestamp(t)) => Some(t.with_timezone(&Utc)),
        _ => None,
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
        start,
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
