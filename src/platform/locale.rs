//! The phone's language, as the browser reports it (`navigator.language`), and the page's
//! `lang` attribute, which tells screen readers which English voice to use.

use crate::domain::locale::{English, Locale};

/// What a phone set to its language expects; the international defaults where the browser
/// names none.
pub fn phone() -> Locale {
    let tag = web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default();
    Locale::of_tag(&tag)
}

/// Marks the page as written in `english`.
pub fn set_page_language(english: English) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", english.tag());
    }
}
