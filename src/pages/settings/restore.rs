//! Restoring from a backup file: read and check everything first, show what was found,
//! then merge or replace only when the runner says so. Any problem changes nothing.

use leptos::prelude::*;

use crate::components::words::said;

use crate::domain::backup::{self, Backup, RestoreMode};
use crate::domain::commands::Command;
use crate::platform::{clock, download, files, import_worker};
use crate::store::use_store;

#[derive(Clone)]
enum RestoreState {
    Idle,
    Reading,
    Refused(String),
    Ready(Box<Backup>),
    Done(String),
}

#[component]
pub fn Restore() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let state = RwSignal::new(RestoreState::Idle);

    let on_file = move |ev: leptos::ev::Event| {
        // The input is emptied, so choosing the same file again works after a refusal.
        let Some(file) = files::chosen(&ev).into_iter().next() else {
            return;
        };
        state.set(RestoreState::Reading);
        leptos::task::spawn_local(async move {
            let outcome = match download::read_text(&file, backup::MAX_BACKUP_BYTES).await {
                Ok(text) => {
                    import_worker::check_backup(text, clock::today(), store.dates_untracked())
                        .await
                        .map(|backup| RestoreState::Ready(Box::new(backup)))
                        .map_err(|error| error.to_string())
                }
                Err(reason) => Err(reason),
            };
            state.set(outcome.unwrap_or_else(|reason| {
                RestoreState::Refused(format!("Nothing was changed. {reason}"))
            }));
        });
    };

    let apply = move |mode: RestoreMode| {
        let RestoreState::Ready(found) = state.get_untracked() else {
            return;
        };
        let outcome = store.apply(Command::Restore {
            backup: Box::new(found.data),
            mode,
        });
        state.set(match outcome {
            Ok(()) => RestoreState::Done(match mode {
                RestoreMode::Merge => {
                    "Restored: the backup was merged with this device's data.".into()
                }
                RestoreMode::Replace => {
                    "Restored: this device now holds exactly the backup's data.".into()
                }
            }),
            Err(reason) => RestoreState::Refused(format!("Nothing was changed. {reason}")),
        });
    };

    let panel = move || match state.get() {
        RestoreState::Idle => ().into_any(),
        RestoreState::Reading => {
            view! { <p role="status">{said("Checking the file…")}</p> }.into_any()
        }
        RestoreState::Refused(reason) => {
            view! { <p class="error-text" role="alert">{said(reason)}</p> }.into_any()
        }
        RestoreState::Done(message) => view! { <p role="status">{said(message)}</p> }.into_any(),
        RestoreState::Ready(found) => {
            let mut counts = found.data.counts();
            if found.data.recovery.start.is_some() {
                // Said below, with the day it started.
                counts.recovery_plan = 0;
            }
            let counts = counts.describe();
            let dates = store.dates_untracked();
            let range = found
                .data
                .date_range()
                .map(|(first, last)| {
                    format!(
                        " Dated {} to {}.",
                        dates.day_with_year(first),
                        dates.day_with_year(last)
                    )
                })
                .unwrap_or_default();
            let plan = found
                .data
                .recovery
                .start
                .as_ref()
                .map(|start| {
                    format!(
                        " It has your back-to-running plan, started on {}.",
                        dates.day_with_year(start.date)
                    )
                })
                .unwrap_or_default();
            let made =
                dates.day_with_year(found.exported_at.with_timezone(&chrono::Local).date_naive());
            view! {
                <div class="confirm" role="region" aria-label="Backup found">
                    <p>
                        {said(format!("This backup was made on {made}. It holds {counts}.{range}{plan}"))}
                    </p>
                    <p>
                        {said("Merge keeps everything on this device and adds the backup's records (the newer copy of a record wins). Replace makes this device hold exactly the backup.")}
                    </p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| apply(RestoreMode::Merge)
                        >
                            {said("Merge with this device")}
                        </button>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| apply(RestoreMode::Replace)
                        >
                            {said("Replace this device's data")}
                        </button>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| state.set(RestoreState::Idle)
                        >
                            {said("Cancel")}
                        </button>
                    </div>
                </div>
            }
                .into_any()
        }
    };

    view! {
        <h3>{said("Restore")}</h3>
        <div class="field">
            <label for="restore-file">{said("Restore from backup")}</label>
            <input
                id="restore-file"
                type="file"
                accept=".json,application/json"
                on:change=on_file
            />
        </div>
        {panel}
    }
    .into_any()
}
