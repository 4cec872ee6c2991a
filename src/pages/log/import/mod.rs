//! Import runs from files: choose, drop, share (from a watch app) or open with Patella (from
//! a desktop file manager) FIT, GPX, TCX files or Strava's activities.csv,
//! watch them being read (in a Web Worker, one file at a time, with a Stop button), check a
//! preview with duplicates unticked (put together in the worker too, so its rules and words
//! are not in the page's wasm), and add the ticked runs in one save. Nothing is saved
//! before the runner confirms, and no file leaves the phone.

mod preview_table;

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::words::said;
use leptos::task::spawn_local;

use crate::components::status::{Attempt, Said};
use crate::domain::commands::Command;
use crate::domain::import::preview_message::{FileRead, PreviewRequest, Shown};
use crate::domain::import::{ImportError, LoggedRun, MAX_FILE_BYTES};
use crate::platform::clock;
use crate::platform::document::focus_heading;
use crate::platform::files::{self, File};
use crate::platform::import_worker::ImportWorker;
use crate::platform::shared_files;
use crate::platform::timing;
use crate::store::{use_store, AppStore};

use preview_table::PreviewTable;

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading { done: usize, total: usize },
    Checking(Arc<Shown>),
}

/// What the reading task reports to the screen.
#[derive(Clone, Copy)]
struct ImportUi {
    stage: RwSignal<Stage>,
    /// One tick per preview row, in the same order.
    ticked: RwSignal<Vec<bool>>,
    status: RwSignal<Option<Said>>,
    /// Set by "Stop reading".
    stop: RwSignal<bool>,
}

#[component]
pub fn Import() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let ui = ImportUi {
        stage: RwSignal::new(Stage::Idle),
        ticked: RwSignal::new(Vec::new()),
        status: RwSignal::new(None),
        stop: RwSignal::new(false),
    };
    let dragging = RwSignal::new(false);

    let read_files = move |files: Vec<File>| {
        if files.is_empty() || matches!(ui.stage.get_untracked(), Stage::Reading { .. }) {
            return;
        }
        ui.status.set(None);
        ui.stop.set(false);
        // Set before the task starts, so a second choice or drop in between is refused.
        ui.stage.set(Stage::Reading {
            done: 0,
            total: files.len(),
        });
        spawn_local(read_all(files, store, ui));
    };

    // Files shared from a watch app (the service worker kept them) or opened with Patella
    // from a file manager go straight to the preview, as if chosen here.
    if let Some(count) = shared_files::shared_count() {
        spawn_local(async move {
            match shared_files::take_shared().await {
                Ok(files) if !files.is_empty() => read_files(files),
                Ok(_) if count == 0 => ui.status.set(Some(Said::Note(
                    "The share held no file. Share a FIT, GPX or TCX file from a watch app, \
                     or activities.csv from a Strava export."
                        .to_string(),
                ))),
                // Taken already: this is a reload of the screen the share opened.
                Ok(_) => {}
                Err(words) => ui.status.set(Some(Said::Note(words))),
            }
        });
    }
    shared_files::on_launch_files(move |files| {
        // The Log screen may have closed since: then there is no one to show them to.
        if ui.stage.try_get_untracked().is_some() {
            read_files(files);
        }
    });

    // The input is emptied, so choosing the same files again starts another import.
    let on_choose = move |ev: leptos::ev::Event| read_files(files::chosen(&ev));
    // The whole Log screen takes dropped files while it is open: a file dropped beside the
    // card must not make the browser open it and leave the app.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if matches!(ui.stage.get_untracked(), Stage::Reading { .. }) {
            ui.status.set(Some(Said::Note(
                "Still reading the last files: drop these again when it is done.".to_string(),
            )));
            return;
        }
        read_files(files::dropped(&ev));
    };
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the dropped file instead of handing it over.
        ev.prevent_default();
        dragging.set(true);
    };
    let on_drag_leave = move |ev: leptos::ev::DragEvent| {
        // Only leaving the window ends the drag; moving between elements does not.
        if files::left_window(&ev) {
            dragging.set(false);
        }
    };
    let listeners = [
        window_event_listener(leptos::ev::drop, on_drop),
        window_event_listener(leptos::ev::dragover, on_drag_over),
        window_event_listener(leptos::ev::dragleave, on_drag_leave),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));

    let confirm = move || {
        let Stage::Checking(preview) = ui.stage.get_untracked() else {
            return;
        };
        let runs = ui
            .ticked
            .with_untracked(|ticked| preview.runs_to_add(ticked));
        let count = runs.len();
        // On a failure the preview stays, so nothing chosen is lost; the banner says why.
        let kept = store.apply(Command::AddRuns(runs));
        let said = Said::after(kept, Attempt::Save, || {
            ui.stage.set(Stage::Idle);
            focus_heading("import-files");
            Some(Said::Added(preview_table::runs_phrase(count)))
        });
        ui.status.set(said);
    };
    let cancel = move || {
        ui.stage.set(Stage::Idle);
        ui.status.set(Some(Said::Note(
            "Import stopped: nothing was added.".into(),
        )));
        focus_heading("import-files");
    };

    let progress = move || match ui.stage.get() {
        Stage::Reading { done, total } => Some(view! {
            <div class="import-progress">
                <progress
                    max=total.to_string()
                    value=done.to_string()
                    aria-labelledby="import-progress-text"
                ></progress>
                <p id="import-progress-text">
                    {said(format!("Reading file {} of {total}…", done + 1))}
                </p>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| ui.stop.set(true)
                >
                    {said("Stop reading")}
                </button>
            </div>
        }),
        _ => None,
    };

    let preview = move || match ui.stage.get() {
        Stage::Checking(preview) => Some(view! {
            <PreviewTable
                preview=preview
                ticked=ui.ticked
                units=store.data().with_untracked(|data| data.settings.units)
                dates=store.dates_untracked()
                on_confirm=Callback::new(move |_| confirm())
                on_cancel=Callback::new(move |_| cancel())
            />
        }),
        _ => None,
    };

    view! {
        <section
            class="card import"
            class:dragging=move || dragging.get()
            aria-labelledby="import-heading"
        >
            <h2 id="import-heading">{said("From a watch or Strava")}</h2>
            <div class="field">
                <label for="import-files">{said("Import runs")}</label>
                <span class="hint" id="import-files-hint">
                    {said("FIT, GPX or TCX files from a watch, or activities.csv from a Strava export. \
                     Choose several at once (on a computer, dragging them onto this screen \
                     works too). They are read on this device and never uploaded.")}
                </span>
                <input
                    id="import-files"
                    type="file"
                    multiple
                    accept=".fit,.gpx,.tcx,.csv,.xml"
                    aria-describedby="import-files-hint"
                    disabled=move || matches!(ui.stage.get(), Stage::Reading { .. })
                    on:change=on_choose
                />
            </div>
            <div role="status" class="status">
                {progress}
                {move || ui.status.with(|said| said.as_ref().map(ToString::to_string))}
            </div>
            {preview}
        </section>
    }
    .into_any()
}

/// Reads every file in the import worker, one at a time, then has the worker build the
/// preview. Stops between files, and before showing the preview, when the runner presses
/// Stop or leaves the Log screen. The worker is started for this batch and ends with it, so
/// the memory a big file took goes back.
async fn read_all(files: Vec<File>, store: AppStore, ui: ImportUi) {
    let total = files.len();
    let timer = timing::Span::start("patella:import");
    let mut reads = Vec::with_capacity(total);
    let mut parse_ms = 0.0;
    let mut worker: Option<ImportWorker> = None;
    for (done, file) in files.iter().enumerate() {
        if stopped(ui) {
            return;
        }
        ui.stage.set(Stage::Reading { done, total });
        if worker.is_none() {
            match ImportWorker::start().await {
                Ok(started) => worker = Some(started),
                Err(failed) if reads.is_empty() => {
                    ui.status.set(Some(Said::Note(failed.0)));
                    ui.stage.set(Stage::Idle);
                    return;
                }
                // What was read so far is kept; the rest is marked, not lost silently.
                Err(_) => {
                    reads.extend(
                        files[done..].iter().map(|file| {
                            (file.name(), FileRead::Failed(ImportError::ReaderStopped))
                        }),
                    );
                    break;
                }
            }
        }
        let Some(running) = worker.as_mut() else {
            break;
        };
        match running.read(file, MAX_FILE_BYTES).await {
            Ok((read, ms)) => {
                parse_ms += ms;
                reads.push((file.name(), read));
            }
            // A worker that failed is dropped (terminated); the next file starts a fresh one.
            Err(_) => {
                worker = None;
                reads.push((file.name(), FileRead::Failed(ImportError::ReaderStopped)));
            }
        }
    }
    let request = PreviewRequest {
        files: reads,
        logged: store
            .data()
            .with_untracked(|data| data.runs.iter().map(LoggedRun::of).collect()),
        today: clock::today(),
        now: clock::now(),
        dates: store.dates_untracked(),
    };
    let shown = match worker {
        Some(mut running) => running.preview(&request).await,
        // The last worker stopped: a fresh one puts together what the others read.
        None => match ImportWorker::start().await {
            Ok(mut started) => started.preview(&request).await,
            Err(failed) => Err(failed.0),
        },
    };
    if stopped(ui) {
        return;
    }
    let preview = match shown {
        Ok(preview) => preview,
        Err(reason) => {
            ui.status.set(Some(Said::Note(reason)));
            ui.stage.set(Stage::Idle);
            return;
        }
    };
    timer.end(&[
        ("files", total as f64),
        ("rows", preview.rows.len() as f64),
        ("parse_ms", parse_ms),
    ]);
    ui.ticked
        .set(preview.rows.iter().map(|row| row.ticked).collect());
    ui.stage.set(Stage::Checking(Arc::new(preview)));
    focus_heading("import-preview-heading");
}

/// Whether the runner pressed Stop, or left the screen (`None`: nobody is waiting for this
/// import); if so, says that nothing was added.
fn stopped(ui: ImportUi) -> bool {
    if !ui.stop.try_get_untracked().unwrap_or(true) {
        return false;
    }
    ui.stage.set(Stage::Idle);
    ui.status.set(Some(Said::Note(
        "Import stopped: nothing was added.".into(),
    )));
    true
}
