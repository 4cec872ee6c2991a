//! The heading and one-line purpose that open every screen.

use leptos::prelude::*;

use crate::components::words::{said, use_english};
use crate::platform::document;
use crate::routes::Destination;

#[component]
pub fn PageIntro(destination: Destination) -> impl IntoView {
    document::set_title(&use_english().get_untracked().say(destination.label()));
    view! {
        <div class="page-intro">
            <h1>{said(destination.label())}</h1>
            <p class="purpose">{said(destination.purpose())}</p>
        </div>
    }
}
