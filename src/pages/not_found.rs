//! The screen for an address the app does not know, with a way back.

use leptos::prelude::*;

use crate::components::words::said;

use crate::app_base::use_href;
use crate::platform::document;
use crate::routes::Destination;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    document::set_title("Page not found");
    view! {
        <div class="page-intro">
            <h1>{said("Page not found")}</h1>
            <p class="purpose">{said("There is nothing at this address. It may be an old link.")}</p>
        </div>
        <a class="button" href=use_href(Destination::Home)>
            {said("Go to Home")}
        </a>
    }
}
