//! Home: the runner's week at a glance, and the first step for someone new.

use leptos::prelude::*;

use crate::app::AppBase;
use crate::components::page_intro::PageIntro;
use crate::platform::clock;
use crate::routes::{self, Destination};
use crate::store::AppStore;

#[component]
pub fn HomePage() -> impl IntoView {
    let base = use_context::<AppBase>().unwrap_or_default();
    let store = use_context::<AppStore>();
    let backup_due = move || {
        store.is_some_and(|store| {
            store
                .data()
                .with(|data| data.backup_reminder_due(clock::now()))
        })
    };
    let settings_href = routes::href(&base.0, Destination::Settings.path());
    view! {
        <PageIntro destination=Destination::Home />
        <Show when=backup_due>
            <section class="card reminder" aria-labelledby="backup-reminder">
                <h2 id="backup-reminder">"Time for a backup"</h2>
                <p>
                    "Your records live only in this browser, and you have not downloaded a backup in the last 30 days. Some browsers clear a site's data after a week without a visit unless the app is installed."
                </p>
                <a class="button secondary" href=settings_href.clone()>
                    "Back up in Settings"
                </a>
            </section>
        </Show>
        <section class="card" aria-labelledby="first-step">
            <h2 id="first-step">"Knee hurting?"</h2>
            <p>
                "Start with a knee check. It asks about warning signs first, then where and how it hurts, and ends with a plan for this week."
            </p>
            <a class="button" href=routes::href(&base.0, Destination::KneeCheck.path())>
                "Start a knee check"
            </a>
        </section>
    }
}
