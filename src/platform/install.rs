//! The browser's offer to install Patella as an app (`beforeinstallprompt`, Chromium-based
//! browsers). The offer is kept so Settings can show a quiet "Install Patella" button
//! instead of the browser's own banner; Safari has no such event, so Settings also says
//! how to add the app from the Share menu.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether the browser currently offers installation.
#[derive(Clone, Copy)]
pub struct InstallOffer {
    pub available: RwSignal<bool>,
}

thread_local! {
    /// The `beforeinstallprompt` event, whose `prompt()` shows the browser's install dialog.
    static OFFER: RefCell<Option<web_sys::Event>> = const { RefCell::new(None) };
}

/// Where index.html's first script keeps an offer made before the app started.
const KEPT_OFFER: &str = "patellaInstallOffer";

/// Takes the offer index.html kept while the wasm was still downloading, if there was one.
fn take_kept_offer(window: &web_sys::Window) -> Option<web_sys::Event> {
    let kept = js_sys::Reflect::get(window, &KEPT_OFFER.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(window, &KEPT_OFFER.into());
    kept.dyn_into::<web_sys::Event>().ok()
}

/// Takes any offer made before the app started and listens for later ones; the app calls
/// this once at start.
pub fn listen() -> InstallOffer {
    let offer = InstallOffer {
        available: RwSignal::new(false),
    };
    let Some(window) = web_sys::window() else {
        return offer;
    };
    if let Some(event) = take_kept_offer(&window) {
        OFFER.with(|slot| *slot.borrow_mut() = Some(event));
        offer.available.set(true);
    }
    let available = offer.available;
    let on_offer = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Keep the browser's own mini-banner away; Settings offers the button instead.
        event.prevent_default();
        OFFER.with(|slot| *slot.borrow_mut() = Some(event));
        available.set(true);
    });
    let on_installed = Closure::<dyn Fn()>::new(move || {
        OFFER.with(|slot| slot.borrow_mut().take());
        available.set(false);
    });
    let _ = window
        .add_event_listener_with_callback("beforeinstallprompt", on_offer.as_ref().unchecked_ref());
    let _ = window
        .add_event_listener_with_callback("appinstalled", on_installed.as_ref().unchecked_ref());
    on_offer.forget();
    on_installed.forget();
    offer
}

/// Shows the browser's install dialog. The offer can be used once, whatever the answer.
pub fn prompt(offer: InstallOffer) {
    let Some(event) = OFFER.with(|slot| slot.borrow_mut().take()) else {
        offer.available.set(false);
        return;
    };
    offer.available.set(false);
    let prompt = js_sys::Reflect::get(&event, &"prompt".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(prompt) = prompt {
        if let Ok(result) = prompt.call0(&event) {
            if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
                leptos::task::spawn_local(async move {
                    // Accepted or dismissed: either way the offer is spent.
                    let _: Result<JsValue, JsValue> = JsFuture::from(promise).await;
                });
            }
        }
    }
}

/// The kind of device Patella is open on, for the steps that put it on the home screen.
pub fn device() -> crate::domain::content::welcome::Device {
    let navigator = web_sys::window().map(|window| window.navigator());
    let user_agent = navigator
        .as_ref()
        .and_then(|navigator| navigator.user_agent().ok())
        .unwrap_or_default();
    let touch_points = navigator.map_or(0, |navigator| navigator.max_touch_points());
    crate::domain::content::welcome::Device::of(
        &user_agent,
        u32::try_from(touch_points).unwrap_or(0),
    )
}
