//! The pain entries logged so far, newest first, so a mistyped one can be seen and deleted
//! (with a few seconds to undo). The latest ten show; the rest on request.

use std::time::Duration as StdDuration;

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::for_any::ForAny;
use crate::components::show::ShowAny;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::components::undo::{DeleteButton, UndoNotice};
use crate::domain::commands::Command;
use crate::domain::pain;
use crate::domain::records::PainEntry;
use crate::platform::clock;
use crate::platform::document::focus_heading;
use crate::store::use_store;

/// How long the Undo button stays after a deletion, as for runs.
const UNDO_SECONDS: u64 = 8;
/// Entries shown before "Show all".
const SHOWN_AT_FIRST: usize = 10;

#[component]
pub fn PainList() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let deleted = RwSignal::new(None::<PainEntry>);
    let show_all = RwSignal::new(false);
    let status = RwSignal::new(None::<Said>);

    let entries = Memo::new(move |_| {
        store.data().with(|data| {
            let mut entries = data.pain.clone();
            entries.sort_by(|a, b| b.date.cmp(&a.date).then(b.updated_at.cmp(&a.updated_at)));
            entries
        })
    });
    let delete = move |entry: PainEntry| {
        let id = entry.id.clone();
        let kept = store.apply(Command::DeletePain(id));
        status.set(Said::after(kept, Attempt::Delete, || {
            deleted.set(Some(entry.clone()));
            focus_heading("undo-pain-delete");
            set_timeout(
                move || {
                    // The Log may be gone by now: then so is this state (`None`).
                    let latest = deleted
                        .try_with_untracked(|d| d.as_ref().map(|d| &d.id) == Some(&entry.id));
                    if latest == Some(true) {
                        deleted.set(None);
                    }
                },
                StdDuration::from_secs(UNDO_SECONDS),
            );
            None
        }));
    };
    let undo = move |()| {
        let Some(entry) = deleted.get_untracked() else {
            return;
        };
        let date = store
            .dates_untracked()
            .day_as_of(entry.date, clock::today());
        let kept = store.apply(Command::RestorePain(entry));
        status.set(Said::after(kept, Attempt::Undo, || {
            deleted.set(None);
            focus_heading("pain-list-heading");
            Some(Said::Back {
                what: format!("The pain entry of {date}"),
                plural: false,
            })
        }));
    };
    let shown = move || {
        entries.with(|entries| {
            let count = if show_all.get() {
                entries.len()
            } else {
                SHOWN_AT_FIRST
            };
            entries.iter().take(count).cloned().collect::<Vec<_>>()
        })
    };
    let more_to_show = move || !show_all.get() && entries.with(Vec::len) > SHOWN_AT_FIRST;

    view! {
        <ShowAny when=move || entries.with(|e| !e.is_empty()) || deleted.with(Option::is_some)>
            <section class="card" aria-labelledby="pain-list-heading">
                <h2 id="pain-list-heading" tabindex="-1">{said("Pain entries")}</h2>
                <UndoNotice
                    message=Signal::derive(move || {
                        deleted.with(|d| d.as_ref().map(|e| format!("Deleted the pain entry of {}.", store.dates().day_as_of(e.date, clock::today()))))
                    })
                    button_id="undo-pain-delete"
                    on_undo=Callback::new(undo)
                />
                <StatusLine said=status />
                <ul class="run-list">
                    <ForAny each=shown key=|entry| (entry.id.clone(), entry.updated_at) let:entry>
                        {
                            let text = pain::entry_line(&entry, clock::today(), store.dates_untracked());
                            let label = format!("Delete pain entry {text}");
                            view! {
                                <li>
                                    <span class="run-text">{said(text)}</span>
                                    <span class="row-actions">
                                        <DeleteButton
                                            label=label
                                            on_delete=Callback::new(move |()| delete(entry.clone()))
                                        />
                                    </span>
                                </li>
                            }
                        }
                    </ForAny>
                </ul>
                <ShowAny when=more_to_show>
                    <button type="button" class="button secondary" on:click=move |_| show_all.set(true)>
                        {move || format!("Show all {} entries", entries.with(Vec::len))}
                    </button>
                </ShowAny>
            </section>
        </ShowAny>
    }
    .into_any()
}
