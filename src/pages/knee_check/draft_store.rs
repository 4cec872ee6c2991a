//! Keeps a knee check in progress, so a reload mid-wizard loses nothing.
//!
//! A scratch value of the store (`patella.knee-check-draft`): one that cannot be read is set
//! aside like any damaged value and the wizard starts afresh; saving a finished check
//! removes it.

use crate::domain::triage::Draft;
use crate::store::{AppStore, Scratch, StoreError};

/// The check in progress, if there is a readable one.
pub fn load(store: Option<AppStore>) -> Option<Draft> {
    let mut draft: Draft = store?.read_scratch(Scratch::KneeCheckDraft)?;
    draft.answers = draft.answers.cleaned();
    Some(draft)
}

/// Keeps the check in progress (`None` removes it); the reason in words when the browser
/// refuses.
pub fn keep(store: Option<AppStore>, draft: Option<&Draft>) -> Result<(), StoreError> {
    match store {
        Some(store) => store.keep_scratch(Scratch::KneeCheckDraft, draft),
        None => Ok(()),
    }
}
