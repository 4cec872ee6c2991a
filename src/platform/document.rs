//! The page itself: where the app is served from, its title, and the static start-up shell.

use crate::routes;

/// The router base for wherever trunk's `<base href>` says the app is served ("" at the root).
pub fn router_base() -> String {
    let base_href = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("base").ok().flatten())
        .and_then(|base| base.get_attribute("href"))
        .unwrap_or_default();
    routes::router_base(&base_href)
}

/// Names the browser tab and the screen reader's page title after the screen shown.
pub fn set_title(screen: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{screen} · Patella"));
    }
}

/// Removes the plain-HTML shell that `index.html` paints while the wasm loads, so the app
/// can take its place in the same frame, and the shell script's note of which screen's first
/// view it painted.
pub fn remove_boot_shell() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(shell) = document.get_element_by_id("boot") {
        shell.remove();
    }
    if let Some(root) = document.document_element() {
        // Only styles the shell, which is gone; failing to remove it changes nothing.
        let _ = root.remove_attribute("data-boot-screen");
    }
}
