//! Recovery: the return-to-running plan with its step-back rule, the walk-run timer, the
//! strength and mobility plan, and the cadence metronome.
//!
//! Thin: every rule lives in `domain::protocol`, `domain::interval_timer`,
//! `domain::strength_plan` and `domain::cadence`; sounds, vibration and the screen lock in
//! `platform::audio` and `platform::cues`.

mod cadence_card;
mod protocol_card;
mod saved;
mod strength_card;
mod timer;

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::components::this_week::ThisWeekCard;
use crate::routes::Destination;
use crate::store::AppStore;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let Some(store) = use_context::<AppStore>() else {
        return view! { <PageIntro destination=Destination::Recovery /> }.into_any();
    };
    view! {
        <PageIntro destination=Destination::Recovery />
        <ThisWeekCard store=store here=Destination::Recovery />
        <protocol_card::ProtocolCard store=store />
        <timer::TimerCard />
        <strength_card::StrengthCard store=store />
        <cadence_card::CadenceCard store=store />
    }
    .into_any()
}
