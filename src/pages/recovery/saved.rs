//! What Recovery keeps in localStorage beside the records: a timer in progress.
//!
//! A scratch value of the store (`patella.recovery.timer`, `{ "schema": 1, "data":
//! TimerSession }`). The plan's start is the `recovery` collection; sessions are Runs (kind
//! Recovery) and strength work is StrengthSessions, stored with the rest of the runner's data.
//!
//! For tests and demos the timer's clock can run faster: `?speed=60` in the address, or a
//! number in `patella.debug.time-scale`, read when the page opens (1 to 1000; default 1).

use crate::domain::interval_timer::session::TimerSession;
use crate::platform::{clock, document};
use crate::store::{self, AppStore, Scratch, StoreError};

const TIME_SCALE_KEY: &str = "patella.debug.time-scale";

/// The session kept by [`keep_timer`], if there is a readable one.
pub fn load_timer(store: AppStore) -> Option<TimerSession> {
    store.read_scratch(Scratch::RecoveryTimer)
}

/// Keeps the session (`None` removes it); the reason in words when it cannot be.
pub fn keep_timer(store: AppStore, timer: Option<&TimerSession>) -> Result<(), StoreError> {
    store.keep_scratch(Scratch::RecoveryTimer, timer)
}

/// How much faster than real time the timer runs (tests only; 1 for everyone else).
pub fn time_scale() -> f64 {
    let from_query = document::query_value("speed");
    let from_storage = || store::debug_value(TIME_SCALE_KEY);
    from_query
        .or_else(from_storage)
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|scale| scale.is_finite())
        .map_or(1.0, |scale| scale.clamp(1.0, 1000.0))
}

/// The timer's clock in milliseconds: wall-clock time, times the scale.
pub fn now_ms(scale: f64) -> f64 {
    clock::now_ms() * scale
}
