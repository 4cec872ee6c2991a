//! Banners about the runner's stored data: a save that failed, data that could not be
//! read and was set aside. They stay until the problem is resolved.

use leptos::prelude::*;

use crate::components::words::said;

use crate::app_base::use_href;
use crate::components::for_any::ForAny;
use crate::components::show::ShowAny;
use crate::platform::download;
use crate::routes::Destination;
use crate::store::use_store;

#[component]
pub fn StorageNotices() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let settings_href = use_href(Destination::Settings);
    let health = store.health();
    let write_error = move || health.with(|h| h.write_error.as_ref().map(ToString::to_string));
    let damage = move || health.with(|h| h.damage.values().cloned().collect::<Vec<_>>());
    let set_aside = move || health.with(|h| h.set_aside.clone());
    let show_damage = move || !damage().is_empty() || !set_aside().is_empty();

    view! {
        <div class="notices">
            <ShowAny when=move || write_error().is_some()>
                <div class="banner error" role="alert">
                    <strong>{said("Not saved. ")}</strong>
                    {write_error}
                </div>
            </ShowAny>
            <ShowAny when=show_damage>
                <div class="banner warning" role="alert">
                    <strong>{said("Some saved data could not be read. ")}</strong>
                    "It has been kept aside exactly as it was, and everything else has loaded. "
                    {move || damage().join(" ")}
                    <div class="actions">
                        <ForAny
                            each=set_aside
                            key=|item| item.key.clone()
                            let:item
                        >
                            <button
                                type="button"
                                class="button secondary"
                                on:click=move |_| {
                                    if let Some(text) = store.set_aside_text(&item.key) {
                                        let _ = download::offer_download(
                                            &format!("{}.txt", item.key),
                                            "text/plain",
                                            &text,
                                        );
                                    }
                                }
                            >
                                {said("Download the damaged data")}
                            </button>
                        </ForAny>
                        <a href=settings_href.clone()>{said("Manage in Settings")}</a>
                    </div>
                </div>
            </ShowAny>
        </div>
    }
    .into_any()
}
