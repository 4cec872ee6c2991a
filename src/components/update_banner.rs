//! The two lines about new versions, at the top of every screen.
//!
//! Before an update, [`UpdateBanner`]: "A new version is ready — Reload", shown when a new
//! version of Patella has installed in the background. The page never reloads by itself (a
//! runner may be mid-interval); the runner presses Reload when it suits them, and their data
//! carries over untouched.
//!
//! After it, [`UpdatedNote`]: "Updated to Patella 0.3.0: …" once, with the changelog's line
//! for this version, until the runner closes it. Whether to say it is
//! `domain::release::on_start`, from the version the store noted as last run here
//! (`AppStore::version_seen`).

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::show::ShowAny;
use crate::domain::release;
use crate::platform::document;
use crate::platform::release::{VERSION, WHATS_NEW};
use crate::platform::service_worker::{self, OfflineApp};
use crate::store::{use_store, AppStore};

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let Some(offline) = use_context::<OfflineApp>() else {
        return ().into_any();
    };
    let update_ready = offline.update_ready;
    view! {
        <ShowAny when=move || update_ready.get()>
            <div class="banner update" role="status">
                <span>{said("A new version is ready — ")}</span>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| service_worker::apply_update()
                >
                    {said("Reload")}
                </button>
            </div>
        </ShowAny>
    }
    .into_any()
}

/// "Updated to Patella 0.3.0: …", once after an update, with a button to close it.
#[component]
pub fn UpdatedNote() -> impl IntoView {
    let Some(line) = use_store().and_then(on_start) else {
        return ().into_any();
    };
    view! {
        <div id="updated-note" class="banner update" role="status">
            <span>{said(line)}</span>
            <button
                type="button"
                class="button secondary"
                on:click=|_| {
                    // Closed for good, and nothing around it in the shell is ever redrawn,
                    // so it is taken out of the page as it is: a <Show> or a reactive
                    // attribute here cost the page's wasm 1.5 to 2.5 KB more (measured).
                    document::remove_element("updated-note");
                    // Its button goes with it; focus stays on the screen, not lost.
                    document::focus_heading("main");
                }
            >
                {said("Close")}
            </button>
        </div>
    }
    .into_any()
}

/// Reads the version last run here, notes this one when the rule says so, and gives the
/// line to show, if any. (From the runner's first data on, the store notes it too.)
fn on_start(store: AppStore) -> Option<String> {
    let seen = store.version_seen();
    let holds_data = store.data().with_untracked(|data| !data.is_empty());
    let decision = release::on_start(seen.as_deref(), holds_data, VERSION);
    if decision.remember {
        store.note_version();
    }
    decision
        .announce
        .then(|| release::updated_line(VERSION, WHATS_NEW))
}
