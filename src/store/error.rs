//! Why a change to the runner's data did not happen, as a type: the store returns it, the
//! status line (`components::status`) says it in words with what the runner can do, and
//! tests match on it rather than on sentences.

use std::fmt;

use crate::store::key_value::StorageFailure;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// This kind of data may not be written now (storage blocked, data from a newer
    /// version, damage that could not be set aside); the reason, in words.
    Blocked(String),
    /// Another tab kept saving at the same moment; nothing was changed here.
    OtherTab,
    /// The browser refused the write; everything written so far was put back.
    Storage(StorageFailure),
    /// The data could not be turned into text for storage.
    Encode(String),
    /// Asked to discard something that is not a set-aside copy.
    NotSetAside,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Blocked(reason) => f.write_str(reason),
            StoreError::OtherTab => f.write_str(
                "Another tab was saving at the same moment, so nothing was changed here. Try \
                 again.",
            ),
            StoreError::Storage(failure) => failure.fmt(f),
            StoreError::Encode(detail) => write!(
                f,
                "Patella could not prepare the data for saving ({detail}). Nothing was changed."
            ),
            StoreError::NotSetAside => f.write_str("Only set-aside copies can be discarded here."),
        }
    }
}

impl From<StorageFailure> for StoreError {
    fn from(failure: StorageFailure) -> Self {
        StoreError::Storage(failure)
    }
}
