//! "This version": which Patella this is and what changed in it, so a runner (or a bug
//! report) can say which build gave an answer. The same words are on backups and on the
//! printed knee check.

use leptos::prelude::*;

use crate::components::words::said;

use crate::platform::release;

#[component]
pub fn AboutThisVersion() -> impl IntoView {
    view! {
        <section class="card about" aria-labelledby="about-heading">
            <h2 id="about-heading">{said("This version")}</h2>
            <p>{said(release::describe())}</p>
            <p>{said(format!("What's new: {}", release::WHATS_NEW))}</p>
        </section>
    }
}
