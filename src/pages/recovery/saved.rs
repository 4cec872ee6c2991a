//! What Recovery keeps in localStorage beside the records: a timer in progress.
//!
//! `patella.recovery.timer` holds `{ "schema": 1, "data": SavedTimer }`. The plan's start is
//! the `recovery` collection; sessions are Runs (kind Recovery) and strength work is
//! StrengthSessions, stored with the rest of the runner's data.
//!
//! For tests and demos the timer's clock can run faster: `?speed=60` in the address, or a
//! number in `patella.debug.time-scale`, read when the page opens (1 to 1000; default 1).

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::domain::interval_timer::TimerRun;
use crate::store::local;

pub const TIMER_KEY: &str = "patella.recovery.timer";
pub const TIME_SCALE_KEY: &str = "patella.debug.time-scale";
const SCHEMA: u32 = 1;

/// A session in progress, or ended and waiting for its pain scores.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedTimer {
    pub run: TimerRun,
    /// Ended early by the runner.
    #[serde(default)]
    pub ended: bool,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    schema: u32,
    data: T,
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let raw = local::read(key).ok().flatten()?;
    let envelope: Envelope<T> = serde_json::from_str(&raw).ok()?;
    (envelope.schema == SCHEMA).then_some(envelope.data)
}

fn save<T: Serialize>(key: &str, data: &T) -> Result<(), String> {
    let text = serde_json::to_string(&Envelope {
        schema: SCHEMA,
        data,
    })
    .map_err(|error| error.to_string())?;
    local::write(key, &text).map_err(|failure| failure.to_string())
}

pub fn load_timer() -> Option<SavedTimer> {
    load(TIMER_KEY)
}

pub fn save_timer(timer: Option<&SavedTimer>) -> Result<(), String> {
    match timer {
        Some(timer) => save(TIMER_KEY, timer),
        None => local::remove(TIMER_KEY).map_err(|failure| failure.to_string()),
    }
}

/// How much faster than real time the timer runs (tests only; 1 for everyone else).
pub fn time_scale() -> f64 {
    let from_query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("speed=").map(str::to_string))
        });
    let from_storage = || local::read(TIME_SCALE_KEY).ok().flatten();
    from_query
        .or_else(from_storage)
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|scale| scale.is_finite())
        .map_or(1.0, |scale| scale.clamp(1.0, 1000.0))
}

/// The timer's clock in milliseconds: wall-clock time, times the scale.
pub fn now_ms(scale: f64) -> f64 {
    js_sys::Date::now() * scale
}
