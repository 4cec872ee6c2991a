//! "Your data": what is stored, whether the browser will keep it, backups and deletion.

use leptos::prelude::*;

use crate::components::words::{said, saying};

use super::{delete_all::DeleteAll, restore::Restore};
use crate::app_base::use_base;
use crate::domain::backup;
use crate::domain::clinician_summary::LINK;
use crate::domain::commands::Command;
use crate::domain::csv;
use crate::platform::{clock, download, import_worker, release};
use crate::store::use_store;

#[component]
pub fn YourData() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let message = RwSignal::new(None::<String>);

    let download_backup = move |_| {
        let data = store.data().get_untracked();
        let now = clock::now();
        let outcome = backup::export_backup(&data, release::VERSION, now)
            .map_err(|error| {
                format!("The backup could not be made ({error}). Nothing was downloaded.")
            })
            .and_then(|text| {
                download::offer_download(
                    &backup::backup_file_name(clock::today()),
                    "application/json",
                    &text,
                )
            })
            .and_then(|()| {
                store
                    .apply(Command::NoteBackup { at: now })
                    .map_err(|error| error.to_string())
            });
        message.set(Some(match outcome {
            Ok(()) => "Backup downloaded. Keep it somewhere other than this phone.".into(),
            Err(reason) => reason,
        }));
    };

    // The CSV is made in the import worker, so its code is not in the page's wasm.
    let download_csv = move |_| {
        let request = store.data().with_untracked(|data| {
            csv::request_to_message(&data.runs, &data.shoes, data.settings.units)
        });
        leptos::task::spawn_local(async move {
            let outcome = import_worker::runs_csv(request).await.and_then(|text| {
                let name = format!("patella-runs-{}.csv", clock::today());
                download::offer_download(&name, "text/csv;charset=utf-8", &text)
            });
            if let Err(reason) = outcome {
                message.set(Some(reason));
            }
        });
    };

    let summary = move || {
        store.data().with(|data| {
            let counts = data.counts();
            if counts.total() == 0 {
                "Nothing is stored yet.".to_string()
            } else {
                format!("Stored on this device: {}.", counts.describe())
            }
        })
    };
    let last_backup = move || {
        store
            .data()
            .with(|data| match data.settings.last_backup_at {
                Some(at) => format!(
                    "Last backup: {}.",
                    data.settings
                        .dates()
                        .day_with_year(at.with_timezone(&chrono::Local).date_naive())
                ),
                None => "No backup downloaded yet.".to_string(),
            })
    };

    view! {
        <section class="card" aria-labelledby="your-data-heading">
            <h2 id="your-data-heading">{said("Your data")}</h2>
            <p>
                {said("Patella keeps everything in this browser on this device. Nothing is sent anywhere.")}
            </p>
            <p>{saying(summary)}</p>
            <p class="persistence">{saying(move || store.persistence().get().describe().to_string())}</p>
            <div class="actions">
                <button type="button" class="button" on:click=download_backup>
                    {said("Download backup")}
                </button>
                <button type="button" class="button secondary" on:click=download_csv>
                    {said("Download runs as CSV")}
                </button>
                <a class="button secondary" href=use_base().summary_href()>{said(LINK)}</a>
            </div>
            <p class="hint">{saying(last_backup)}</p>
            <p role="status" class="status">{move || message.get()}</p>
            <Restore />
            <SetAsideList />
            <DeleteAll />
        </section>
    }
    .into_any()
}

/// Stored values that could not be read, kept as they were, to download or discard.
#[component]
fn SetAsideList() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let items = move || store.health().with(|health| health.set_aside.clone());
    view! {
        <Show when=move || !items().is_empty()>
            <h3>{said("Data set aside")}</h3>
            <p>
                {said("These stored values could not be read. They are kept exactly as they were; download them before deleting.")}
            </p>
            <ul class="set-aside">
                <For each=items key=|item| item.key.clone() let:item>
                    <SetAsideItem key=item.key bytes=item.bytes />
                </For>
            </ul>
        </Show>
    }
    .into_any()
}

#[component]
fn SetAsideItem(key: String, bytes: usize) -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let download_key = key.clone();
    let discard_key = key.clone();
    let error = RwSignal::new(None::<String>);
    view! {
        <li>
            <code>{key.clone()}</code>
            " ("
            {bytes}
            " bytes) "
            <button
                type="button"
                class="button secondary"
                on:click=move |_| {
                    let outcome = store
                        .set_aside_text(&download_key)
                        .ok_or_else(|| "That value is no longer stored.".to_string())
                        .and_then(|text| {
                            download::offer_download(
                                &format!("{download_key}.txt"),
                                "text/plain",
                                &text,
                            )
                        });
                    error.set(outcome.err());
                }
            >
                {said("Download")}
            </button>
            <Show when=move || discard_key.starts_with(crate::store::SET_ASIDE_PREFIX)>
                <button
                    type="button"
                    class="button secondary"
                    on:click={
                        let key = key.clone();
                        move |_| error.set(store.discard_set_aside(&key).err().map(|e| e.to_string()))
                    }
                >
                    {said("Delete")}
                </button>
            </Show>
            <p role="alert">{move || error.get()}</p>
        </li>
    }
    .into_any()
}
