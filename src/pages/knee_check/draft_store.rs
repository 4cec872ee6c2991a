//! Keeps a knee check in progress in localStorage, so a reload mid-wizard loses nothing.
//!
//! Stored as `{ "schema": 1, "data": <Draft> }` under `patella.knee-check-draft`. A draft is
//! scratch work, not a record: one that cannot be read is ignored and replaced by the next
//! answer (it is not set aside), and saving a finished check removes it.

use serde::{Deserialize, Serialize};

use crate::domain::triage::Draft;
use crate::store::local;

pub const KEY: &str = "patella.knee-check-draft";
const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    schema: u32,
    data: Draft,
}

/// The check in progress, if there is a readable one.
pub fn load() -> Option<Draft> {
    let raw = local::read(KEY).ok().flatten()?;
    let envelope: Envelope = serde_json::from_str(&raw).ok()?;
    if envelope.schema != SCHEMA {
        return None;
    }
    let mut draft = envelope.data;
    draft.answers = draft.answers.cleaned();
    Some(draft)
}

/// Keeps the check in progress; the reason in words when the browser refuses.
pub fn save(draft: &Draft) -> Result<(), String> {
    let text = serde_json::to_string(&Envelope {
        schema: SCHEMA,
        data: draft.clone(),
    })
    .map_err(|error| error.to_string())?;
    local::write(KEY, &text).map_err(|failure| failure.to_string())
}

pub fn clear() -> Result<(), String> {
    local::remove(KEY).map_err(|failure| failure.to_string())
}
