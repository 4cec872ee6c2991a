// Each browser-test binary uses only some of these helpers.
#![allow(dead_code)]

//! Helpers shared by the browser tests: find elements as a person would, and wait for
//! the reactive DOM to settle without fixed sleeps.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

pub fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("tests run in a page with a document")
}

/// Every element matching `selector`, in document order.
pub fn all(selector: &str) -> Vec<Element> {
    let list = document()
        .query_selector_all(selector)
        .expect("selector is valid");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

pub fn text_of(selector: &str) -> Option<String> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.text_content())
}

/// The link whose visible text (its accessible name here) is exactly `name`.
pub fn link_named(scope: &str, name: &str) -> HtmlElement {
    all(&format!("{scope} a"))
        .into_iter()
        .find(|link| link.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no link named {name:?} in {scope}"))
        .dyn_into::<HtmlElement>()
        .expect("a link is an HTML element")
}

/// Lets timers, microtasks and a frame run.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer resolves");
}

/// Waits up to two seconds for `condition` to hold; panics with `what` if it never does.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        next_tick().await;
    }
    panic!("timed out waiting until {what}");
}
