//! Settings: the runner's preferences and everything about their data on this device.

mod delete_all;
mod install;
mod preferences;
mod restore;
mod your_data;

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageIntro destination=Destination::Settings />
        <preferences::Preferences />
        <your_data::YourData />
        <install::InstallSection />
    }
}
