//! The app's own words on screen, through the one catalogue: each is written once in UK
//! English (its key, as in gettext) and shown in the runner's English by `English::say`,
//! following a change of English in Settings at once. The pseudo-locale (en-XA) makes any
//! text that skipped this visible (e2e/pseudo.test.mjs).

use std::borrow::Cow;

use leptos::prelude::*;

use crate::domain::locale::English;
use crate::store::use_store;

/// The runner's English, as a signal: UK English where no store is provided (a component
/// mounted alone in a test).
pub fn use_english() -> Signal<English> {
    match use_store() {
        Some(store) => Signal::derive(move || store.data().with(|data| data.settings.english())),
        None => Signal::stored(English::default()),
    }
}

/// `text` in the runner's English, for a view: `{said("Log pain")}`, or a sentence the
/// domain wrote (`{said(week.headline)}`). One closure type for every call, so the page's
/// wasm holds its code once.
pub fn said(text: impl Into<Cow<'static, str>>) -> Signal<String> {
    let text: Cow<'static, str> = text.into();
    let english = use_english();
    Signal::derive(move || english.get().say(&text))
}

/// What `words` says now, in the runner's English: for text that changes (a count, a
/// timer's progress).
pub fn saying(words: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    let english = use_english();
    Signal::derive(move || english.get().say(&words()))
}
