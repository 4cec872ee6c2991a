//! The one status line: what happened to what the runner just did, said where they did it.
//! Every form and action keeps a [`Said`] and shows it with [`StatusLine`]; the words for
//! success, for marked fields and for a store that could not save live here, once.

use std::fmt;

use leptos::prelude::*;

use crate::store::StoreError;

/// What the runner tried, for the words of a failure ("Not saved.", "Could not undo.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    Save,
    Delete,
    Undo,
    Start,
    Restart,
    /// Keeping the knee check's answers in progress.
    KeepAnswers,
    /// Keeping a choice made on a card.
    KeepChoice,
    /// Keeping the walk-run timer in progress.
    KeepTimer,
    DeleteAll,
}

impl Attempt {
    fn failed(self) -> &'static str {
        match self {
            Attempt::Save => "Not saved.",
            Attempt::Delete => "Not deleted.",
            Attempt::Undo => "Could not undo.",
            Attempt::Start => "Not started.",
            Attempt::Restart => "Could not restart.",
            Attempt::KeepAnswers => {
                "Your answers could not be kept on this device, so reloading the page would \
                 lose them."
            }
            Attempt::KeepChoice => "Your choice could not be kept.",
            Attempt::KeepTimer => {
                "The timer could not be kept on this device, so a reload would lose it."
            }
            Attempt::DeleteAll => "Not everything could be deleted.",
        }
    }
}

/// One status, in the runner's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// A new record is kept: "Saved: 5 km in 30:00 today."
    Saved(String),
    /// An edited record is kept.
    Updated(String),
    /// The back-to-running plan has begun: "Started at week 1."
    Started(String),
    /// A new thing is on a list: "Added Blue trainers."
    Added(String),
    /// Deleted records are back: "The run of Tue 1 Dec is back."
    Back { what: String, plural: bool },
    /// A record is open in its form for editing.
    Editing(String),
    /// Everything was deleted: "Deleted 12 records."
    DeletedAll(String),
    /// The form has fields marked wrong; nothing was kept.
    CheckTheMarkedFields,
    /// The store could not make the change; nothing changed.
    Failed(Attempt, StoreError),
    /// Anything else the screen needs to say, in words from the domain or the content:
    /// pages build no sentences of their own (scripts/check-layers.mjs).
    Note(String),
}

impl Said {
    pub fn not_saved(error: StoreError) -> Said {
        Said::Failed(Attempt::Save, error)
    }

    /// What to say after a change: `done` (which may do more, and may have nothing to say)
    /// when the store kept it, the store's reason when it did not.
    pub fn after(
        kept: Result<(), StoreError>,
        attempt: Attempt,
        done: impl FnOnce() -> Option<Said>,
    ) -> Option<Said> {
        match kept {
            Ok(()) => done(),
            Err(error) => Some(Said::Failed(attempt, error)),
        }
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Said::Saved(what) => write!(f, "Saved: {what}."),
            Said::Updated(what) => write!(f, "Updated: {what}."),
            Said::Added(what) => write!(f, "Added {what}."),
            Said::Started(stage) => write!(f, "Started at {stage}."),
            Said::Back { what, plural } => {
                write!(f, "{what} {} back.", if *plural { "are" } else { "is" })
            }
            Said::Editing(what) => write!(f, "Editing {what}."),
            Said::DeletedAll(what) => {
                write!(f, "Deleted {what}. Patella is empty on this device.")
            }
            Said::CheckTheMarkedFields => {
                f.write_str("Nothing was saved: check the marked fields.")
            }
            Said::Failed(attempt, error) => write!(f, "{} {error}", attempt.failed()),
            Said::Note(words) => f.write_str(words),
        }
    }
}

/// The status line, announced politely to screen readers; empty (and taking no room)
/// while there is nothing to say.
#[component]
pub fn StatusLine(
    said: RwSignal<Option<Said>>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let english = crate::components::words::use_english();
    view! {
        <p role="status" class="status" id=id>
            {move || said.with(|said| said.as_ref().map(|said| english.get().say(&said.to_string())))}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::key_value::StorageFailure;

    #[test]
    fn a_failure_says_what_did_not_happen_and_why() {
        let full = Said::not_saved(StoreError::Storage(StorageFailure::Full));
        assert!(full
            .to_string()
            .starts_with("Not saved. This browser's storage for Patella is full"));
        assert_eq!(
            Said::Failed(Attempt::Undo, StoreError::OtherTab).to_string(),
            "Could not undo. Another tab was saving at the same moment, so nothing was \
             changed here. Try again."
        );
        assert_eq!(
            Said::Saved("5 km in 30:00 today".into()).to_string(),
            "Saved: 5 km in 30:00 today."
        );
    }
}
