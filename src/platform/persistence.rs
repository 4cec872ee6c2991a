//! Whether the browser promises to keep Patella's storage (`navigator.storage.persist()`).
//! Without it, a browser short of space, or Safari after a week unvisited, may clear it.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not known yet.
    Unknown,
    /// The browser will keep the data unless the runner clears it.
    Persisted,
    /// The browser may clear the data when it needs space.
    BestEffort,
    /// This browser cannot say.
    Unsupported,
}

impl Persistence {
    pub fn describe(self) -> &'static str {
        match self {
            Persistence::Unknown => "Checking whether this browser will keep your data…",
            Persistence::Persisted => {
                "This browser has agreed to keep Patella's data until you clear it yourself."
            }
            Persistence::BestEffort => {
                "This browser may clear Patella's data if it runs short of space. Installing \
                 the app and keeping a recent backup protect you."
            }
            Persistence::Unsupported => {
                "This browser does not say whether it will keep your data. Keep a recent backup."
            }
        }
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no `navigator.storage`; web-sys would hand back undefined.
    let has_storage = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has_storage.then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Persistence {
    let Ok(promise) = promise else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise).await.map(|value| value.as_bool()) {
        Ok(Some(true)) => Persistence::Persisted,
        Ok(Some(false)) => Persistence::BestEffort,
        _ => Persistence::Unsupported,
    }
}

/// Reads the current promise into `state`.
pub fn check(state: RwSignal<Persistence>) {
    let Some(manager) = storage_manager() else {
        state.set(Persistence::Unsupported);
        return;
    };
    leptos::task::spawn_local(async move {
        state.set(ask(manager.persisted()).await);
    });
}

/// Asks the browser to keep the data, once it holds something worth keeping.
pub fn request_once(state: RwSignal<Persistence>) {
    if state.get_untracked() == Persistence::Persisted {
        return;
    }
    let Some(manager) = storage_manager() else {
        return;
    };
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        state.set(ask(manager.persist()).await);
    });
}
