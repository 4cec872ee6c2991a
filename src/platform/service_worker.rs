//! The offline app: registers the service worker the release build ships (`sw.js`, made by
//! `scripts/post-build.mjs` from `public/sw.js`) and tells the runner when a new version
//! is waiting.
//!
//! An update never reloads the page by itself: a runner may be mid-interval. The new worker
//! installs in the background and waits; the app shows "A new version is ready — Reload";
//! only the Reload button asks it to take over (`skipWaiting`), and the page reloads once it
//! has (`controllerchange`). Every failure here is silent: the app works online without it.
//!
//! Registration only happens on a page whose `<meta name="patella-build">` the release hook
//! wrote, so debug builds and browser tests (no `sw.js`) never try.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

use super::install::{self, InstallOffer};

/// The message `public/sw.js` answers by taking over.
const SKIP_WAITING: &str = "skipWaiting";

/// What the app shell knows about the offline app; provided as context by `App`.
#[derive(Clone, Copy)]
pub struct OfflineApp {
    /// A new version is installed and waiting for the runner to press Reload.
    pub update_ready: RwSignal<bool>,
    /// The browser offers to install Patella (`beforeinstallprompt`).
    pub install: InstallOffer,
}

/// The build the page is running, from the `<meta name="patella-build">` the hook wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildInfo {
    pub version: String,
    pub build: String,
}

thread_local! {
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    static RELOAD_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker (release builds only) and starts listening for updates and
/// for the browser's install offer. Call once, from `App`.
pub fn start() -> OfflineApp {
    let offline = OfflineApp {
        update_ready: RwSignal::new(false),
        install: install::listen(),
    };
    if build_info().is_some() {
        if let Some(container) = container() {
            let update_ready = offline.update_ready;
            leptos::task::spawn_local(async move {
                // A refused registration (private mode, blocked by policy) leaves the app online-only.
                let _ = register(container, update_ready).await;
            });
        }
    }
    offline
}

/// The running build, or `None` on a page without the release hook's `<meta>`.
pub fn build_info() -> Option<BuildInfo> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name='patella-build']")
        .ok()??;
    let build = meta.get_attribute("content")?;
    let version = meta.get_attribute("data-version").unwrap_or_default();
    Some(BuildInfo { version, build })
}

/// The Reload button: lets the waiting version take over, then reloads into it. With
/// nothing waiting (another tab already switched), it simply reloads.
pub fn apply_update() {
    RELOAD_ASKED.with(|asked| asked.set(true));
    let waiting = WAITING.with(|waiting| waiting.borrow_mut().take());
    let asked = waiting.is_some_and(|worker| {
        worker
            .post_message(&JsValue::from_str(SKIP_WAITING))
            .is_ok()
    });
    if !asked {
        reload();
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Insecure origins and some private modes have no `navigator.serviceWorker`.
    let has = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// The folder the app is served from ("http://host/patella/"), from the document's base.
fn app_base() -> Option<String> {
    web_sys::window()?.document()?.base_uri().ok()?
}

async fn register(
    container: ServiceWorkerContainer,
    update_ready: RwSignal<bool>,
) -> Result<(), JsValue> {
    let base = app_base().ok_or("no base")?;
    let options = RegistrationOptions::new();
    options.set_scope(&base);
    // sw.js is always fetched from the server, whatever HTTP caching the host applies.
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let script = format!("{base}sw.js");
    let registration: ServiceWorkerRegistration =
        JsFuture::from(container.register_with_options(&script, &options))
            .await?
            .dyn_into()?;

    // Only pages already run by a worker have something to update; on the very first
    // visit the new worker simply starts.
    let controlled = {
        let container = container.clone();
        move || container.controller().is_some()
    };

    if let Some(waiting) = registration.waiting() {
        if controlled() {
            offer(waiting, update_ready);
        }
    }

    let on_update_found = {
        let registration = registration.clone();
        let controlled = controlled.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = registration.installing() {
                watch_install(installing, controlled.clone(), update_ready);
            }
        })
    };
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();

    let on_controller_change = Closure::<dyn Fn()>::new(|| {
        if RELOAD_ASKED.with(Cell::get) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    check_for_updates_when_back(registration);
    Ok(())
}

/// Follows a newly found worker until it is installed, then offers it.
fn watch_install(
    worker: ServiceWorker,
    controlled: impl Fn() -> bool + 'static,
    update_ready: RwSignal<bool>,
) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && controlled() {
            offer(watched.clone(), update_ready);
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

fn offer(worker: ServiceWorker, update_ready: RwSignal<bool>) {
    WAITING.with(|waiting| *waiting.borrow_mut() = Some(worker));
    update_ready.set(true);
}

/// Asks the server for a new sw.js when the runner comes back to the app or back online;
/// the browser also checks on every page load.
fn check_for_updates_when_back(registration: ServiceWorkerRegistration) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let check = Closure::<dyn Fn()>::new(move || {
        let visible = web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| !document.hidden());
        if !visible {
            return;
        }
        if let Ok(promise) = registration.update() {
            // Offline the check fails; that is expected and changes nothing.
            leptos::task::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    });
    let callback = check.as_ref().unchecked_ref();
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", callback);
    }
    let _ = window.add_event_listener_with_callback("online", callback);
    check.forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
