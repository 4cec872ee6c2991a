//! "A new version is ready — Reload": shown when a new version of Patella has installed in
//! the background. The page never reloads by itself (a runner may be mid-interval); the
//! runner presses Reload when it suits them, and their data carries over untouched.

use leptos::prelude::*;

use crate::components::show::ShowAny;
use crate::platform::service_worker::{self, OfflineApp};

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let Some(offline) = use_context::<OfflineApp>() else {
        return ().into_any();
    };
    let update_ready = offline.update_ready;
    view! {
        <ShowAny when=move || update_ready.get()>
            <div class="banner update" role="status">
                <span>"A new version is ready — "</span>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| service_worker::apply_update()
                >
                    "Reload"
                </button>
            </div>
        </ShowAny>
    }
    .into_any()
}
