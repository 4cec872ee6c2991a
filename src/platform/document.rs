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
/// can take its place in the same frame.
pub fn remove_boot_shell() {
    remove_element("boot");
}

/// Takes the element `id` out of the page as it is, for a part that goes for good and that
/// no view redraws (the start-up shell, the "Updated to" note in the app shell).
pub fn remove_element(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
    {
        element.remove();
    }
}

/// Moves keyboard and screen-reader focus to the heading (or other element) `id` once it is
/// drawn: the next animation frame, after the view that holds it has been built.
pub fn focus_heading(id: &'static str) {
    focus_when_drawn(id, false);
}

/// Moves focus to the form field `id` (which scrolls it into view), opening the folded
/// `<details>` it may sit in: where a runner fixes what a failed save marked.
pub fn focus_field(id: &'static str) {
    focus_when_drawn(id, true);
}

/// Puts `value` back in the form control `id` (a select or an input) when what it shows
/// must match the stored value after a refused change.
pub fn set_control_value(id: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id));
    if let Some(select) = element
        .clone()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        select.set_value(value);
    } else if let Some(input) = element.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(value);
    }
}

/// Scrolls the element `id` into view once it is drawn, bottom edge first: a status line
/// under a form lands just above the fixed navigation (the root's scroll-padding).
pub fn reveal(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(id))
        {
            element.scroll_into_view_with_bool(false);
        }
    });
}

/// Scrolls to the element the URL's fragment names once the screen is drawn. The router
/// scrolls on arrival, before a screen it has just mounted holds that element: without
/// this, Home's "Log pain" would open the Log at its top, not at the pain entry.
pub fn reveal_fragment() {
    leptos::prelude::request_animation_frame(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let hash = window.location().hash().unwrap_or_default();
        let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
            return;
        };
        if let Some(element) = window.document().and_then(|d| d.get_element_by_id(id)) {
            element.scroll_into_view();
        }
    });
}

fn focus_when_drawn(id: &'static str, unfold: bool) {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let Some(element) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(id))
        else {
            return;
        };
        if unfold {
            if let Ok(Some(details)) = element.closest("details") {
                let _ = details.set_attribute("open", "");
            }
        }
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// Opens every folded part matching `selectors`, then the browser's print dialog: closed
/// `<details>` do not print, and a clinician reads what they hold.
pub fn print_with_open(selectors: &[&str]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document() {
        for selector in selectors {
            if let Ok(Some(folded)) = document.query_selector(selector) {
                let _ = folded.set_attribute("open", "");
            }
        }
    }
    let _ = window.print();
}

/// The value of `name` in the page address's query (`?speed=60` gives "60" for "speed").
pub fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let prefix = format!("{name}=");
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(prefix.as_str()).map(str::to_string))
}
