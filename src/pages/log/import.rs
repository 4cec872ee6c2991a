//! Import runs from files: choose or drop FIT, GPX, TCX files or Strava's activities.csv,
//! watch them being read (in a Web Worker, one file at a time), check a preview with
//! duplicates unticked, and add the ticked runs in one save. Nothing is saved before the
//! runner confirms, and no file leaves the phone.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{File, FileList};

use crate::domain::import::preview::{build_preview, Preview, RowStatus};
use crate::domain::import::{ImportError, MAX_FILE_BYTES};
use crate::domain::schema::Collection;
use crate::platform::clock;
use crate::platform::import_worker::ImportWorker;
use crate::platform::timing;
use crate::store::AppStore;

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading { done: usize, total: usize },
    Checking(Preview),
}

/// Rows drawn at first, and added per "Show more": a year of files at once would otherwise
/// lay out hundreds of rows in one task and freeze a mid-range phone for a moment.
const ROWS_PER_PAGE: usize = 60;

/// The started worker, kept for later imports on this screen.
type WorkerSlot = Rc<RefCell<Option<ImportWorker>>>;

#[component]
pub fn Import() -> impl IntoView {
    let Some(store) = use_context::<AppStore>() else {
        return ().into_any();
    };
    let stage = RwSignal::new(Stage::Idle);
    // One tick per preview row, in the same order.
    let ticked = RwSignal::new(Vec::<bool>::new());
    let status = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let shown = RwSignal::new(ROWS_PER_PAGE);
    let worker: WorkerSlot = Rc::new(RefCell::new(None));

    let read_files = move |files: Vec<File>| {
        if files.is_empty() || matches!(stage.get_untracked(), Stage::Reading { .. }) {
            return;
        }
        status.set(None);
        let worker = Rc::clone(&worker);
        spawn_local(async move {
            let total = files.len();
            stage.set(Stage::Reading { done: 0, total });
            let timer = timing::Span::start("patella:import");
            let mut outcomes = Vec::with_capacity(total);
            let mut parse_ms = 0.0;
            for (done, file) in files.iter().enumerate() {
                stage.set(Stage::Reading { done, total });
                let running = worker.borrow_mut().take();
                let mut running = match running {
                    Some(running) => running,
                    None => match ImportWorker::start().await {
                        Ok(started) => started,
                        Err(failed) => {
                            status.set(Some(failed.0));
                            stage.set(Stage::Idle);
                            return;
                        }
                    },
                };
                match running.read(file, MAX_FILE_BYTES).await {
                    Ok((outcome, ms)) => {
                        parse_ms += ms;
                        outcomes.push((file.name(), outcome));
                        *worker.borrow_mut() = Some(running);
                    }
                    // A worker that failed is dropped (terminated); the next file starts a
                    // fresh one.
                    Err(_) => outcomes.push((file.name(), Err(ImportError::ReaderStopped))),
                }
            }
            let preview = store.data().with_untracked(|data| {
                build_preview(
                    outcomes,
                    &data.runs,
                    clock::offset_at,
                    clock::new_id,
                    clock::now(),
                )
            });
            timer.end(&[
                ("files", total as f64),
                ("rows", preview.rows.len() as f64),
                ("parse_ms", parse_ms),
            ]);
            ticked.set(
                preview
                    .rows
                    .iter()
                    .map(|row| row.status.ticked_by_default())
                    .collect(),
            );
            shown.set(ROWS_PER_PAGE);
            stage.set(Stage::Checking(preview));
        });
    };

    let on_choose = {
        let read_files = read_files.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let files = file_list(input.files());
            // Choosing the same files again must start another import.
            input.set_value("");
            read_files(files);
        }
    };
    let on_drop = {
        let read_files = read_files.clone();
        move |ev: leptos::ev::DragEvent| {
            ev.prevent_default();
            dragging.set(false);
            read_files(file_list(ev.data_transfer().and_then(|d| d.files())));
        }
    };
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the dropped file instead of handing it over.
        ev.prevent_default();
        dragging.set(true);
    };

    let confirm = move |_| {
        let Stage::Checking(preview) = stage.get_untracked() else {
            return;
        };
        let runs = ticked.with_untracked(|ticked| preview.runs_to_add(ticked));
        let count = runs.len();
        match store.change(&[Collection::Runs], move |data| data.runs.extend(runs)) {
            Ok(()) => {
                status.set(Some(format!("Added {}.", runs_phrase(count))));
                stage.set(Stage::Idle);
            }
            // The preview stays, so nothing chosen is lost; the banner says why.
            Err(reason) => status.set(Some(format!("Not saved. {reason}"))),
        }
    };
    let cancel = move |_| {
        stage.set(Stage::Idle);
        status.set(Some("Import cancelled: nothing was added.".to_string()));
    };

    let units = move || store.data().with(|data| data.settings.units);
    let ticked_count = move || ticked.with(|t| t.iter().filter(|on| **on).count());

    let progress = move || match stage.get() {
        Stage::Reading { done, total } => Some(view! {
            <div class="import-progress">
                <progress
                    max=total.to_string()
                    value=done.to_string()
                    aria-labelledby="import-progress-text"
                ></progress>
                <p id="import-progress-text">
                    {format!("Reading file {} of {total}…", done + 1)}
                </p>
            </div>
        }),
        _ => None,
    };

    let preview = move || {
        let Stage::Checking(preview) = stage.get() else {
            return None;
        };
        let unit = units();
        let rows = preview
            .rows
            .iter()
            .take(shown.get())
            .enumerate()
            .map(|(index, row)| {
                let run = &row.run;
                let what = format!(
                    "{} on {}, {}",
                    row.sport.label(),
                    run.date,
                    run.distance.display(unit)
                );
                let attention = !matches!(row.status, RowStatus::New);
                view! {
                    <tr>
                        <td>
                            <label class="check tick">
                                <input
                                    type="checkbox"
                                    aria-label=format!("Add: {what}")
                                    prop:checked=move || {
                                        ticked.with(|t| t.get(index).copied().unwrap_or(false))
                                    }
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        ticked.update(|t| {
                                            if let Some(tick) = t.get_mut(index) {
                                                *tick = on;
                                            }
                                        });
                                    }
                                />
                            </label>
                        </td>
                        <td>
                            <span class="import-date">{run.date.to_string()}</span>
                            <span class="import-numbers">
                                {format!(
                                    "{} · {}",
                                    run.distance.display(unit),
                                    run.duration.display(),
                                )}
                            </span>
                        </td>
                        <td>
                            <span class:import-attention=attention>{row.status.describe()}</span>
                            <span class="import-file">{row.source_name.clone()}</span>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let failed = (!preview.failed.is_empty()).then(|| {
            let items = preview
                .failed
                .iter()
                .map(|failed| {
                    view! {
                        <li>
                            <strong>{failed.source_name.clone()}</strong>
                            ": "
                            {failed.error.to_string()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h4>"Files that couldn't be read"</h4>
                <ul class="import-messages" role="list">{items}</ul>
            }
        });
        let left_out = (!preview.left_out.is_empty()).then(|| {
            let items = preview
                .left_out
                .iter()
                .map(|left| {
                    view! {
                        <li>
                            <strong>{left.source_name.clone()}</strong>
                            {format!(": {}. {}", left.what, left.reason)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h4>"Left out"</h4>
                <ul class="import-messages" role="list">{items}</ul>
            }
        });
        let table = (!preview.rows.is_empty()).then(|| {
            view! {
                <table class="import-table">
                    <caption>"Untick any you don't want to add."</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Add"</th>
                            <th scope="col">"Run"</th>
                            <th scope="col">"Notes"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        });
        let hidden = preview.rows.len().saturating_sub(shown.get());
        let show_more = (hidden > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| shown.update(|count| *count += ROWS_PER_PAGE)
                >
                    {format!("Show {} more of {hidden}", hidden.min(ROWS_PER_PAGE))}
                </button>
            }
        });
        let found = preview.rows.len();
        Some(view! {
            <section class="import-preview" aria-labelledby="import-preview-heading">
                <h3 id="import-preview-heading" tabindex="-1">
                    {format!("Found {}", activities_phrase(found))}
                </h3>
                {table}
                {show_more}
                {failed}
                {left_out}
                <div class="button-row">
                    <button
                        type="button"
                        class="button"
                        on:click=confirm
                        disabled=move || ticked_count() == 0
                    >
                        {move || format!("Add {}", runs_phrase(ticked_count()))}
                    </button>
                    <button type="button" class="button secondary" on:click=cancel>
                        "Cancel"
                    </button>
                </div>
            </section>
        })
    };

    view! {
        <section
            class="card import"
            class:dragging=move || dragging.get()
            aria-labelledby="import-heading"
            on:dragover=on_drag_over
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2 id="import-heading">"From a watch or Strava"</h2>
            <div class="field">
                <label for="import-files">"Import runs"</label>
                <span class="hint" id="import-files-hint">
                    "FIT, GPX or TCX files from a watch, or activities.csv from a Strava export. \
                     Choose several at once, or drop them here. They are read on this phone and \
                     never uploaded."
                </span>
                <input
                    id="import-files"
                    type="file"
                    multiple
                    accept=".fit,.gpx,.tcx,.csv,.xml"
                    aria-describedby="import-files-hint"
                    disabled=move || matches!(stage.get(), Stage::Reading { .. })
                    on:change=on_choose
                />
            </div>
            <div role="status" class="status">
                {progress}
                {move || status.get()}
            </div>
            {preview}
        </section>
    }
    .into_any()
}

fn file_list(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn runs_phrase(count: usize) -> String {
    match count {
        1 => "1 run".to_string(),
        n => format!("{n} runs"),
    }
}

fn activities_phrase(count: usize) -> String {
    match count {
        0 => "no activities to add".to_string(),
        1 => "1 activity".to_string(),
        n => format!("{n} activities"),
    }
}
