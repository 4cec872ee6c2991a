//! The time and the runner's local date, and fresh record ids.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, Utc};

use crate::domain::records::RecordId;

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Now, in the runner's offset: what a record keeps so that it stays on the local day it
/// was made, whatever zone later reads it.
pub fn now_here() -> DateTime<FixedOffset> {
    let now = now();
    now.with_timezone(&offset_at(now))
}

/// Milliseconds since 1970 by the wall clock, for timers.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today in the runner's own time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The runner's UTC offset at an instant: the browser knows their time zone's daylight
/// saving rules, so a run from last summer gets summer's offset.
pub fn offset_at(instant: DateTime<Utc>) -> FixedOffset {
    let date = js_sys::Date::new(&(instant.timestamp_millis() as f64).into());
    // Minutes *behind* UTC: positive west of Greenwich.
    let minutes_behind = date.get_timezone_offset();
    let seconds_ahead = if minutes_behind.is_finite() {
        (-minutes_behind * 60.0) as i32
    } else {
        0
    };
    FixedOffset::east_opt(seconds_ahead).unwrap_or_else(|| Utc.fix())
}

/// A new random id: a UUID from the browser's cryptographic generator where there is one.
pub fn new_id() -> RecordId {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .and_then(|uuid| RecordId::try_from(uuid).ok())
        // Only insecure origins lack randomUUID; two Math.random draws are unique enough there.
        .unwrap_or_else(|| {
            let draw = || (js_sys::Math::random() * (u64::MAX as f64)) as u64;
            RecordId::from_random_bits((u128::from(draw()) << 64) | u128::from(draw()))
        })
}
