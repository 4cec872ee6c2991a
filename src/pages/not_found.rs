//! The screen for an address the app does not know, with a way back.

use leptos::prelude::*;

use crate::app::AppBase;
use crate::platform::document;
use crate::routes::{self, Destination};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    document::set_title("Page not found");
    let base = use_context::<AppBase>().unwrap_or_default();
    view! {
        <div class="page-intro">
            <h1>"Page not found"</h1>
            <p class="purpose">"There is nothing at this address. It may be an old link."</p>
        </div>
        <a class="button" href=routes::href(&base.0, Destination::Home.path())>
            "Go to Home"
        </a>
    }
}
