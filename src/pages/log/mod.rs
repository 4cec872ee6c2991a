//! Log: add a run in three taps (more detail folded away), edit or delete any run with an
//! undo, a quick daily pain entry and the list of them, and the runner's shoes; a row of
//! links at the top reaches each part without scrolling past every run.

mod import;
mod pain_form;
mod pain_list;
mod run_form;
mod run_list;
mod shoes;

use leptos::prelude::*;

use crate::components::words::said;

use crate::app_base::use_href;
use crate::components::page_intro::PageIntro;
use crate::domain::records::{RecordId, Run};
use crate::routes::Destination;

/// What the Log screen's parts share: which run is being edited, and the runs just deleted
/// (so they can be put back: a double tap that deleted two is undone whole).
#[derive(Clone, Copy)]
pub struct LogState {
    pub editing: RwSignal<Option<RecordId>>,
    pub deleted: RwSignal<Vec<Run>>,
}

#[component]
pub fn LogPage() -> impl IntoView {
    provide_context(LogState {
        editing: RwSignal::new(None),
        deleted: RwSignal::new(Vec::new()),
    });
    let log = use_href(Destination::Log);
    let to = move |id: &str| format!("{log}#{id}");
    crate::platform::document::reveal_fragment();
    view! {
        <PageIntro destination=Destination::Log />
        // The router scrolls to the fragment's id, and the root's scroll-padding keeps the
        // section clear of the header. A bare "#pain" would resolve against <base>, i.e. Home.
        <nav aria-label="On this page">
            <ul class="jump">
                <li>
                    <a href=to("runs")>{said("Runs")}</a>
                </li>
                <li>
                    <a href=to("pain")>{said("Pain")}</a>
                </li>
                <li>
                    <a href=to("shoes")>{said("Shoes")}</a>
                </li>
            </ul>
        </nav>
        <run_form::RunForm />
        <import::Import />
        <run_list::RunList />
        <pain_form::PainForm />
        <pain_list::PainList />
        <shoes::Shoes />
    }
}
