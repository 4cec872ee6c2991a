//! The time and the runner's local date, and fresh record ids.

use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::domain::records::RecordId;

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the runner's own time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
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
