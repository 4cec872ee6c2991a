//! Log: add a run in three taps, and see what has been logged.

mod run_form;
mod run_list;

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;

#[component]
pub fn LogPage() -> impl IntoView {
    view! {
        <PageIntro destination=Destination::Log />
        <run_form::RunForm />
        <run_list::RunList />
    }
}
