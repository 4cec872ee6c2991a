//! Settings: units, preferences and the runner's data.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <PageIntro destination=Destination::Settings /> }
}
