//! The page's side of the import worker (src/bin/import_worker.rs): starts it the first
//! time the runner imports, sends it one file at a time, and waits for what the file holds.
//! The files themselves are read off the page's thread by the browser. The preview is built
//! there too ([`ImportWorker::preview`]), and a backup file is checked there
//! ([`check_backup`]), so the page's wasm carries neither the preview's rules nor backup
//! checks. The runs' CSV is made there as well ([`runs_csv`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};

use chrono::NaiveDate;

use crate::domain::backup::{self, Backup};
use crate::domain::import::preview_message::{
    request_to_message, shown_from_message, FileRead, PreviewRequest, Shown,
};
use crate::domain::import::{message, ImportError};
use crate::domain::locale::DateStyle;

/// The worker's start script (public/import-worker-start.js), copied beside the page by
/// trunk: it loads the worker's glue and wasm, and reports a wasm that fails to load.
const WORKER_SCRIPT: &str = "import-worker-start.js";

/// How long the worker may take to fetch and start its program (about 200 KB compressed).
/// The start script reports a wasm that fails to load; this limit is for anything else that
/// would leave the import waiting for ever.
const START_TIMEOUT_MS: i32 = 120_000;

/// The worker stopped or never started; said in words.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkerFailed(pub String);

/// The two ends of the promise the next message settles.
struct Waiting {
    resolve: Function,
    reject: Function,
}

/// A running import worker. Requests go one at a time: each waits for its reply.
pub struct ImportWorker {
    worker: Worker,
    waiting: Rc<RefCell<Option<Waiting>>>,
    // Kept alive as long as the worker: the browser calls them.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    next_id: u32,
}

impl ImportWorker {
    /// Starts the worker and waits until its wasm is ready for files.
    pub async fn start() -> Result<ImportWorker, WorkerFailed> {
        let cannot_start = |detail: &str| {
            WorkerFailed(format!(
                "The importer couldn't start ({detail}). Check the connection and try again; \
                 once Patella has been opened online, importing works offline too."
            ))
        };
        let url = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.base_uri().ok().flatten())
            .and_then(|base| web_sys::Url::new_with_base(WORKER_SCRIPT, &base).ok())
            .map(|url| url.href())
            .ok_or_else(|| cannot_start("no page address"))?;
        let worker = Worker::new(&url).map_err(|_| cannot_start("blocked by the browser"))?;

        let waiting: Rc<RefCell<Option<Waiting>>> = Rc::new(RefCell::new(None));
        let on_message = {
            let waiting = Rc::clone(&waiting);
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                // Taken out before calling into JS, so nothing can find the cell borrowed.
                let taken = waiting.borrow_mut().take();
                if let Some(Waiting { resolve, .. }) = taken {
                    let _ = resolve.call1(&JsValue::NULL, &event.data());
                }
            })
        };
        // A worker script that cannot be fetched fires a plain `Event`; an exception inside
        // the worker fires an `ErrorEvent`. Either way the wait ends with a failure.
        let on_error = {
            let waiting = Rc::clone(&waiting);
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                // The page says what happened; the console need not shout as well.
                event.prevent_default();
                let taken = waiting.borrow_mut().take();
                if let Some(Waiting { reject, .. }) = taken {
                    let _ = reject.call0(&JsValue::NULL);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut started = ImportWorker {
            worker,
            waiting,
            _on_message: on_message,
            _on_error: on_error,
            next_id: 0,
        };
        let ready = started.next_reply();
        let answered = Rc::new(Cell::new(false));
        give_up_after(START_TIMEOUT_MS, &started.waiting, &answered);
        let ready = ready.await;
        answered.set(true);
        let field = |name: &str| {
            ready
                .as_ref()
                .ok()
                .and_then(|reply| Reflect::get(reply, &name.into()).ok())
        };
        if !field(message::READY).is_some_and(|flag| flag.is_truthy()) {
            started.worker.terminate();
            return Err(cannot_start("its program did not load"));
        }
        let version = field(message::VERSION).and_then(|version| version.as_string());
        if version.as_deref() != Some(super::release::VERSION) {
            started.worker.terminate();
            return Err(WorkerFailed(
                "Patella was updated while this page was open. Reload the page, then import \
                 again."
                    .to_string(),
            ));
        }
        started.next_id = 1;
        Ok(started)
    }

    /// Reads one file in the worker: what it holds (as the worker wrote it, for
    /// [`ImportWorker::preview`]), and how long parsing took there (ms). `Err` means the
    /// worker itself failed; it should be replaced before the next file.
    pub async fn read(
        &mut self,
        file: &File,
        max_bytes: usize,
    ) -> Result<(FileRead, f64), WorkerFailed> {
        let size = file.size();
        if size > max_bytes as f64 {
            return Ok((
                FileRead::Failed(ImportError::TooLarge {
                    bytes: size as usize,
                }),
                0.0,
            ));
        }
        let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
            // The worker is fine; the browser could not hand over the file's bytes.
            return Ok((FileRead::Failed(ImportError::CouldNotRead), 0.0));
        };
        let bytes = Uint8Array::new(&buffer);
        let request = Object::new();
        let _ = Reflect::set(&request, &message::NAME.into(), &file.name().into());
        let _ = Reflect::set(&request, &message::BYTES.into(), &bytes);
        // The bytes move to the worker instead of being copied.
        let transfer = js_sys::Array::of1(&bytes.buffer());
        let reply = self.exchange(&request, &transfer).await?;
        let field = |name: &str| Reflect::get(&reply, &name.into()).ok();
        let outcome = field(message::OUTCOME)
            .and_then(|text| text.as_string())
            .map(FileRead::Answered)
            .unwrap_or(FileRead::Failed(ImportError::Damaged));
        let parse_ms = field(message::PARSE_MS)
            .and_then(|ms| ms.as_f64())
            .unwrap_or(0.0);
        Ok((outcome, parse_ms))
    }

    /// Builds the preview of what the files gave, in the worker: the runs to offer and
    /// every line in words. `Err` is why there is none, in words.
    pub async fn preview(&mut self, request: &PreviewRequest) -> Result<Shown, String> {
        let asked = Object::new();
        let _ = Reflect::set(
            &asked,
            &message::PREVIEW.into(),
            &request_to_message(request).into(),
        );
        let reply = self
            .exchange(&asked, &js_sys::Array::new())
            .await
            .map_err(|WorkerFailed(reason)| reason)?;
        let shown = Reflect::get(&reply, &message::SHOWN.into())
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default();
        shown_from_message(&shown)
    }

    /// Sends one request (`transfer` lists buffers that move rather than copy) and waits
    /// for its answer.
    async fn exchange(
        &mut self,
        request: &Object,
        transfer: &js_sys::Array,
    ) -> Result<JsValue, WorkerFailed> {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let _ = Reflect::set(request, &message::ID.into(), &id.into());
        let mut reply = self.next_reply();
        self.worker
            .post_message_with_transfer(request, transfer)
            .map_err(|_| WorkerFailed("The file couldn't be handed to the importer.".into()))?;
        // Only this request's answer counts; anything else is skipped.
        loop {
            let answer = reply.await?;
            let answered_id = Reflect::get(&answer, &message::ID.into())
                .ok()
                .and_then(|id| id.as_f64());
            if answered_id == Some(f64::from(id)) {
                return Ok(answer);
            }
            reply = self.next_reply();
        }
    }

    /// A future for the worker's next message (or its failure). Set up before posting, so a
    /// reply can never arrive with nobody waiting.
    fn next_reply(&self) -> impl std::future::Future<Output = Result<JsValue, WorkerFailed>> {
        let waiting = Rc::clone(&self.waiting);
        let promise = Promise::new(&mut |resolve, reject| {
            *waiting.borrow_mut() = Some(Waiting { resolve, reject });
        });
        async move {
            JsFuture::from(promise)
                .await
                .map_err(|_| WorkerFailed("The importer stopped.".to_string()))
        }
    }
}

/// Checks a backup file's text in the import worker (started for the purpose and stopped
/// after): the backup if every part of it passed, or why not, in words. `today` bounds the
/// dates its records may carry; a record at fault is named by its date in `dates`.
pub async fn check_backup(
    text: String,
    today: NaiveDate,
    dates: DateStyle,
) -> Result<Backup, String> {
    let mut worker = ImportWorker::start()
        .await
        .map_err(|WorkerFailed(reason)| reason)?;
    let request = Object::new();
    let _ = Reflect::set(&request, &message::BACKUP_TEXT.into(), &text.into());
    let _ = Reflect::set(&request, &message::TODAY.into(), &today.to_string().into());
    let _ = Reflect::set(&request, &message::DATES.into(), &dates.value().into());
    let reply = worker
        .exchange(&request, &js_sys::Array::new())
        .await
        .map_err(|WorkerFailed(reason)| reason)?;
    let checked = Reflect::get(&reply, &message::CHECKED.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    backup::checked_from_message(&checked)
}

/// Makes the runs' CSV in the import worker (started for the purpose and stopped after)
/// from what [`crate::domain::csv::request_to_message`] wrote; `Err` says why not, in words.
pub async fn runs_csv(request: String) -> Result<String, String> {
    let mut worker = ImportWorker::start()
        .await
        .map_err(|WorkerFailed(reason)| reason)?;
    let asked = Object::new();
    let _ = Reflect::set(&asked, &message::CSV_DATA.into(), &request.into());
    let reply = worker
        .exchange(&asked, &js_sys::Array::new())
        .await
        .map_err(|WorkerFailed(reason)| reason)?;
    Reflect::get(&reply, &message::CSV.into())
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "The CSV could not be made. Reload the page and try again.".to_string())
}

/// Fails the start if the worker has not `answered` within `ms`. Only the start: the flag
/// is set once the first reply is in, so a file being read later is never failed by it.
fn give_up_after(ms: i32, waiting: &Rc<RefCell<Option<Waiting>>>, answered: &Rc<Cell<bool>>) {
    let (waiting, answered) = (Rc::clone(waiting), Rc::clone(answered));
    let give_up = Closure::once_into_js(move || {
        if answered.get() {
            return;
        }
        let taken = waiting.borrow_mut().take();
        if let Some(Waiting { reject, .. }) = taken {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), ms);
    }
}

impl Drop for ImportWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
