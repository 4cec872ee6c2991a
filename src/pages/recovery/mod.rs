//! Recovery: the back-to-running plan with its step-back rule, the walk-run timer, the
//! strength and mobility plan, and the cadence metronome.
//!
//! Thin: every rule lives in `domain::protocol`, `domain::interval_timer`,
//! `domain::strength_plan` and `domain::cadence`; sounds, vibration and the screen lock in
//! `platform::audio` and `platform::cues`. Each card reaches the store itself
//! (`store::use_store`).

mod cadence_card;
mod protocol_card;
mod saved;
mod strength_card;
mod timer;

use leptos::prelude::*;

use crate::components::words::said;

use crate::app_base::use_base;
use crate::components::page_intro::PageIntro;
use crate::components::this_week::ThisWeekCard;
use crate::domain::clinician_summary::{FOR_THE_RUNNER, LINK};
use crate::routes::Destination;
use crate::store::use_store;

/// The way to the one page for a clinician, last: the plan's decisions above are on it.
#[component]
fn ForYourClinician() -> impl IntoView {
    let english =
        use_store().map(|store| store.data().with_untracked(|data| data.settings.english()));
    view! {
        <section class="card" aria-labelledby="rec-clinician">
            <h2 id="rec-clinician">{said("For your clinician")}</h2>
            <p>{english.unwrap_or_default().say(FOR_THE_RUNNER)}</p>
            <a class="button secondary" href=use_base().summary_href()>{said(LINK)}</a>
        </section>
    }
}

#[component]
pub fn RecoveryPage() -> impl IntoView {
    view! {
        <PageIntro destination=Destination::Recovery />
        <ThisWeekCard here=Destination::Recovery />
        <protocol_card::ProtocolCard />
        <timer::TimerCard />
        <strength_card::StrengthCard />
        <cadence_card::CadenceCard />
        <ForYourClinician />
    }
}
