//! Log: runs, pain and shoes, and the warnings they feed.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;

#[component]
pub fn LogPage() -> impl IntoView {
    view! { <PageIntro destination=Destination::Log /> }
}
