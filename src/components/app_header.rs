//! The bar at the top of every screen: the app's name, linking home, and a skip link.

use leptos::prelude::*;

use crate::app_base::use_href;
use crate::components::words::said;
use crate::routes::Destination;

#[component]
pub fn AppHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{said("Skip to content")}</a>
        <header class="app-header">
            <a class="brand" href=use_href(Destination::Home)>
                <svg class="brand-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                    <rect width="64" height="64" rx="14" fill="#0b6e69"></rect>
                    <path
                        d="M20 6 30 31 22 58"
                        fill="none"
                        stroke="#fff"
                        stroke-width="9"
                        stroke-linecap="round"
                        stroke-linejoin="round"
                    ></path>
                    <ellipse cx="38" cy="30" rx="7" ry="9" fill="#f6c453"></ellipse>
                </svg>
                // A name, the same in every language.
                <span translate="no">"Patella"</span>
            </a>
        </header>
    }
}
