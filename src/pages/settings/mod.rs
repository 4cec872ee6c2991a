//! Settings: the runner's preferences, everything about their data on this device, and
//! which version of Patella this is.

mod about;
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
        <about::AboutThisVersion />
    }
}
