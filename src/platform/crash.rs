//! What a runner sees if the app panics: a plain, calm screen instead of a frozen page.
//!
//! A panic in wasm stops the whole module, so every button would silently die. The hook
//! logs the panic for developers and then replaces the page with a message and a reload
//! link. Stored data is untouched by a panic, and the screen says so.

use wasm_bindgen::JsValue;

pub const CRASH_HEADING: &str = "Something went wrong — your data is safe, reload";

/// Installs the panic hook. Call once, before the app mounts.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Nothing more can be done if even this fails; the console has the details.
        let _ = show_crash_screen();
    }));
}

/// Replaces the whole page body with the crash message.
pub fn show_crash_screen() -> Result<(), JsValue> {
    let body = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
        .ok_or("no body")?;
    render_crash_screen(&body)
}

/// Replaces everything inside `container` with the crash message. Built with DOM calls
/// rather than markup so the reload address is never parsed as HTML.
pub fn render_crash_screen(container: &web_sys::Element) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let reload_to = window.location().href()?;

    let screen = document.create_element("main")?;
    screen.set_class_name("crash");
    screen.set_attribute("role", "alert")?;

    let heading = document.create_element("h1")?;
    heading.set_text_content(Some(CRASH_HEADING));
    let explanation = document.create_element("p")?;
    explanation.set_text_content(Some(
        "Patella hit a problem it could not recover from. Everything you saved is still on \
         this device. Reloading starts the app again.",
    ));
    let reload = document.create_element("a")?;
    reload.set_class_name("button");
    reload.set_attribute("href", &reload_to)?;
    reload.set_text_content(Some("Reload"));

    screen.append_child(&heading)?;
    screen.append_child(&explanation)?;
    screen.append_child(&reload)?;
    container.set_text_content(None);
    container.append_child(&screen)?;
    Ok(())
}
