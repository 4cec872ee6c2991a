//! Recovery: the return-to-running steps, the interval timer and strength work.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    view! { <PageIntro destination=Destination::Recovery /> }
}
