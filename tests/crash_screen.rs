//! The panic screen in a real browser: it replaces the page with words and a way out.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{all, document, link_named, text_of};
use patella::platform::crash::{render_crash_screen, CRASH_HEADING};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn crash_screen_replaces_the_page_and_offers_a_reload() {
    // The test runner reports through the page body, so the app stands in a container here;
    // in the app the container is the body itself.
    let app = document().create_element("div").expect("div");
    app.set_id("app");
    app.set_inner_html("<main><h1>Log</h1><button>Save run</button></main>");
    document()
        .body()
        .expect("body")
        .append_child(&app)
        .expect("append");

    render_crash_screen(&app).expect("the crash screen renders");

    assert_eq!(text_of("#app h1").as_deref(), Some(CRASH_HEADING));
    assert!(
        all("#app button").is_empty(),
        "nothing of the dead app is left to tap"
    );
    assert_eq!(
        all("#app [role='alert']").len(),
        1,
        "screen readers announce it"
    );
    let reload = link_named("#app", "Reload")
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .expect("an anchor");
    let here = web_sys::window()
        .expect("window")
        .location()
        .href()
        .expect("href");
    assert_eq!(reload.href(), here, "Reload opens the same address again");
}
