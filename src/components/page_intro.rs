//! The heading and one-line purpose that open every screen.

use leptos::prelude::*;

use crate::platform::document;
use crate::routes::Destination;

#[component]
pub fn PageIntro(destination: Destination) -> impl IntoView {
    document::set_title(destination.label());
    view! {
        <div class="page-intro">
            <h1>{destination.label()}</h1>
            <p class="purpose">{destination.purpose()}</p>
        </div>
    }
}
