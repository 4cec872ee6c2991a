//! Home: the runner's week at a glance, and the first step for someone new.

use leptos::prelude::*;

use crate::app::AppBase;
use crate::components::page_intro::PageIntro;
use crate::routes::{self, Destination};

#[component]
pub fn HomePage() -> impl IntoView {
    let base = use_context::<AppBase>().unwrap_or_default();
    view! {
        <PageIntro destination=Destination::Home />
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
