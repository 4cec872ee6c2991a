//! The phone's share sheet (Web Share), for handing text to another app: a message or an
//! email to the clinic. Not every browser has it (desktop Firefox and Chromium on Linux do
//! not), so a screen asks [`available`] before offering it, and printing stays the way that
//! always works.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The runner picked an app and the text went to it.
    Sent,
    /// The runner closed the sheet: nothing to say.
    Closed,
    /// The browser refused (no sheet, not allowed now, or the text could not be shared).
    Refused,
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|window| window.navigator())
}

/// Whether this browser has a share sheet. Looked up rather than called: calling a method
/// the browser lacks would throw into the wasm.
pub fn available() -> bool {
    navigator().is_some_and(|navigator| {
        js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
            .is_ok_and(|share| share.is_function())
    })
}

/// Opens the share sheet with `title` and `text`.
pub async fn share_text(title: &str, text: &str) -> Shared {
    let Some(navigator) = navigator().filter(|_| available()) else {
        return Shared::Refused;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::Sent,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
                .ok()
                .and_then(|name| name.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Closed
            } else {
                Shared::Refused
            }
        }
    }
}
