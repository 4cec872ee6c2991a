//! The app's own words on screen, through the one catalogue: each is written once in UK
//! English (its key, as in gettext) and shown in the runner's English by `English::say`,
//! following a change of English in Settings at once. The pseudo-locale (en-XA) makes any
//! text that skipped this visible (e2e/pseudo.test.mjs).

use std::borrow::Cow;

use leptos::prelude::*;

use crate::domain::locale::English;
use crate::store::use_store;

/// The runner's English, kept once for the whole app (`provide_english`): every text on
/// screen follows it, and none of them is worked out again when other data changes.
#[derive(Clone, Copy)]
struct RunnersEnglish(Memo<English>);

/// Keeps the runner's English for every [`said`] text; the shell calls it once, after the
/// store is provided.
pub fn provide_english() {
    if let Some(store) = use_store() {
        let english = Memo::new(move |_| store.data().with(|data| data.settings.english()));
        provide_context(RunnersEnglish(english));
    }
}

/// The runner's English, as a signal: the shell's, or the store's where a component is
/// mounted without the shell, or UK English with neither (a component alone in a test).
pub fn use_english() -> Signal<English> {
    if let Some(RunnersEnglish(english)) = use_context::<RunnersEnglish>() {
        return english.into();
    }
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
