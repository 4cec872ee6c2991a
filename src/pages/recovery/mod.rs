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

use crate::components::page_intro::PageIntro;
use crate::components::this_week::ThisWeekCard;
use crate::routes::Destination;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    view! {
        <PageIntro destination=Destination::Recovery />
        <ThisWeekCard here=Destination::Recovery />
        <protocol_card::ProtocolCard />
        <timer::TimerCard />
        <strength_card::StrengthCard />
        <cadence_card::CadenceCard />
    }
}
