//! Knee check: red flags first, then a likely cause and a plan.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;

#[component]
pub fn KneeCheckPage() -> impl IntoView {
    view! { <PageIntro destination=Destination::KneeCheck /> }
}
