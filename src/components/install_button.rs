//! The quiet "Install Patella" button, there only while the browser offers installation
//! (`beforeinstallprompt`): the welcome and Settings both show it.

use leptos::prelude::*;

use crate::components::words::said;

use crate::platform::install;
use crate::platform::service_worker::OfflineApp;

#[component]
pub fn InstallButton() -> impl IntoView {
    let offer = use_context::<OfflineApp>().map(|offline| offline.install);
    move || {
        offer.filter(|offer| offer.available.get()).map(|offer| {
            view! {
                <button type="button" class="button secondary" on:click=move |_| install::prompt(offer)>
                    {said("Install Patella")}
                </button>
            }
        })
    }
}
