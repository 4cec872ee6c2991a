//! The import worker: a second wasm program, run in a Web Worker, that reads activity files
//! (FIT, GPX, TCX, Strava CSV) off the page's thread. The page sends one file at a time and
//! gets back its summaries as text (see `patella::domain::import::message`), then asks for
//! the preview of them all (`patella::domain::import::preview_message`): duplicates, sports
//! and every line in words are worked out here. It also checks backup files before a
//! restore (`patella::domain::backup::check_to_message`) and makes the runs' CSV
//! (`patella::domain::csv::answer`). Only the parsers, the preview's
//! rules and the checks are linked in here, and the page downloads this program the first
//! time the runner imports or restores, so the first load carries none of it.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::listen();
}

/// Nothing to do outside a browser; the parsers have their native tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use chrono::NaiveDate;
    use js_sys::{Object, Reflect, Uint8Array};
    use patella::domain::import::{
        message, outcome_to_message, parse_file, preview_message, ImportError,
    };
    use patella::domain::locale::DateStyle;
    use patella::domain::records::RecordId;
    use patella::domain::{backup, csv};
    use patella::platform::clock;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn listen() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_scope = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let reply = answer(&event.data());
            // Posting plain objects of strings and numbers cannot fail.
            let _ = reply_scope.post_message(&reply);
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it; so does its handler.
        on_message.forget();
        let ready = Object::new();
        let _ = Reflect::set(&ready, &message::READY.into(), &JsValue::TRUE);
        let _ = Reflect::set(
            &ready,
            &message::VERSION.into(),
            &patella::platform::release::VERSION.into(),
        );
        let _ = scope.post_message(&ready);
    }

    /// Reads the file in one request and says what it holds.
    fn answer(request: &JsValue) -> JsValue {
        let field = |name: &str| Reflect::get(request, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let id = field(message::ID);
        if let Some(text) = field(message::BACKUP_TEXT).as_string() {
            let dates = field(message::DATES)
                .as_string()
                .and_then(|value| DateStyle::from_value(&value))
                .unwrap_or_default();
            return check_backup(id, &text, field(message::TODAY).as_string(), dates);
        }
        if let Some(text) = field(message::CSV_DATA).as_string() {
            let reply = Object::new();
            let _ = Reflect::set(&reply, &message::ID.into(), &id);
            if let Some(csv) = csv::answer(&text) {
                let _ = Reflect::set(&reply, &message::CSV.into(), &csv.into());
            }
            return reply.into();
        }
        if let Some(text) = field(message::PREVIEW).as_string() {
            let shown = preview_message::answer(&text, clock::offset_at, new_id);
            return reply(id, message::SHOWN, shown);
        }
        let name = field(message::NAME).as_string().unwrap_or_default();
        let started = now_ms();
        let outcome = match field(message::BYTES).dyn_into::<Uint8Array>() {
            Ok(bytes) => parse_file(&name, &bytes.to_vec()),
            Err(_) => Err(ImportError::Empty),
        };
        let parse_ms = now_ms() - started;
        let reply = Object::new();
        let _ = Reflect::set(&reply, &message::ID.into(), &id);
        let _ = Reflect::set(
            &reply,
            &message::OUTCOME.into(),
            &outcome_to_message(&outcome).into(),
        );
        let _ = Reflect::set(&reply, &message::PARSE_MS.into(), &parse_ms.into());
        reply.into()
    }

    /// Checks a backup file's text against the page's date.
    fn check_backup(id: JsValue, text: &str, today: Option<String>, dates: DateStyle) -> JsValue {
        let today = today
            .and_then(|today| today.parse::<NaiveDate>().ok())
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        reply(
            id,
            message::CHECKED,
            // The worker shares the page's time zone: old backups' times land on the same days.
            backup::check_to_message(
                text.as_bytes(),
                today,
                patella::platform::clock::offset_at,
                dates,
            ),
        )
    }

    /// `{id, <field>: text}`.
    fn reply(id: JsValue, field: &str, text: String) -> JsValue {
        let reply = Object::new();
        let _ = Reflect::set(&reply, &message::ID.into(), &id);
        let _ = Reflect::set(&reply, &field.into(), &text.into());
        reply.into()
    }

    /// A new random id for an imported run, from the worker's cryptographic generator as
    /// the page makes them (`platform::clock::new_id` asks the window, which a worker has
    /// not).
    fn new_id() -> RecordId {
        js_sys::global()
            .unchecked_into::<web_sys::WorkerGlobalScope>()
            .crypto()
            .ok()
            .map(|crypto| crypto.random_uuid())
            .and_then(|uuid| RecordId::try_from(uuid).ok())
            .unwrap_or_else(clock::new_id)
    }

    fn now_ms() -> f64 {
        js_sys::global()
            .unchecked_into::<web_sys::WorkerGlobalScope>()
            .performance()
            .map(|performance| performance.now())
            .unwrap_or(0.0)
    }
}
