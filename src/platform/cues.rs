//! Cues that do not need the screen: vibration, and keeping the screen on while the timer
//! runs (the Screen Wake Lock API). Both are missing or refused in some browsers (desktop,
//! headless, iOS for vibration); then they do nothing, quietly.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Vibrates in a pattern of milliseconds (on, off, on, …) where the phone can.
pub fn vibrate(pattern: &[u32]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Some browsers have no vibrate at all: look before calling.
    let has = Reflect::has(&navigator, &JsValue::from_str("vibrate")).unwrap_or(false);
    // Without a tap on the page first, browsers refuse and complain in the console.
    let active = Reflect::get(&navigator, &JsValue::from_str("userActivation"))
        .ok()
        .filter(|activation| activation.is_object())
        .and_then(|activation| Reflect::get(&activation, &JsValue::from_str("hasBeenActive")).ok())
        .is_none_or(|value| value.is_truthy());
    if !has || !active {
        return;
    }
    let list = js_sys::Array::new();
    for &ms in pattern {
        list.push(&JsValue::from(ms));
    }
    let _ = navigator.vibrate_with_pattern(&list);
}

/// The page is visible (not in the background or behind a locked screen).
pub fn page_visible() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .map(|document| document.visibility_state() == web_sys::VisibilityState::Visible)
        .unwrap_or(true)
}

/// Holds the screen on while wanted; asks again when the page comes back into view (the
/// browser releases the lock whenever the page is hidden).
#[derive(Clone, Default)]
pub struct ScreenLock {
    sentinel: Rc<RefCell<Option<JsValue>>>,
    wanted: Rc<RefCell<bool>>,
}

impl ScreenLock {
    pub fn new() -> ScreenLock {
        ScreenLock::default()
    }

    /// Keep the screen on from now until [`ScreenLock::release`].
    pub fn acquire(&self) {
        *self.wanted.borrow_mut() = true;
        self.request();
    }

    /// Called on `visibilitychange`: a visible page that wants the lock asks for it again.
    pub fn on_visibility_change(&self) {
        if *self.wanted.borrow() && page_visible() {
            self.request();
        }
    }

    /// A lock is held now: asked for, granted, and not released by the browser since (it
    /// releases the lock whenever the page is hidden).
    fn held(&self) -> bool {
        self.sentinel.borrow().as_ref().is_some_and(|sentinel| {
            Reflect::get(sentinel, &JsValue::from_str("released"))
                .map(|released| !released.is_truthy())
                .unwrap_or(false)
        })
    }

    pub fn release(&self) {
        *self.wanted.borrow_mut() = false;
        if let Some(sentinel) = self.sentinel.borrow_mut().take() {
            if let Some(release) = method(&sentinel, "release") {
                // release() returns a promise; wait on it so a refusal is not "unhandled".
                if let Ok(promise) = release.call0(&sentinel) {
                    if let Ok(promise) = promise.dyn_into::<Promise>() {
                        spawn_local(async move {
                            let _ = JsFuture::from(promise).await;
                        });
                    }
                }
            }
        }
    }

    fn request(&self) {
        if !page_visible() || self.held() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator: JsValue = window.navigator().into();
        let Ok(wake_lock) = Reflect::get(&navigator, &JsValue::from_str("wakeLock")) else {
            return;
        };
        if wake_lock.is_undefined() || wake_lock.is_null() {
            return;
        }
        let Some(request) = method(&wake_lock, "request") else {
            return;
        };
        let Ok(promise) = request.call1(&wake_lock, &JsValue::from_str("screen")) else {
            return;
        };
        let Ok(promise) = promise.dyn_into::<Promise>() else {
            return;
        };
        let slot = self.sentinel.clone();
        let wanted = self.wanted.clone();
        spawn_local(async move {
            // Refused (no permission, headless, battery saver): the screen may sleep; the
            // timer is still right because it runs from timestamps.
            if let Ok(sentinel) = JsFuture::from(promise).await {
                if *wanted.borrow() {
                    *slot.borrow_mut() = Some(sentinel);
                } else if let Some(release) = method(&sentinel, "release") {
                    if let Ok(promise) = release.call0(&sentinel) {
                        if let Ok(promise) = promise.dyn_into::<Promise>() {
                            let _ = JsFuture::from(promise).await;
                        }
                    }
                }
            }
        });
    }
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}
