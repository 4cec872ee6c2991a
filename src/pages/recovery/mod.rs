//! Recovery: the return-to-running plan with its step-back rule, the walk-run timer, the
//! strength and mobility plan, and the cadence metronome.
//!
//! Thin: every rule lives in `domain::protocol`, `domain::interval_timer`,
//! `domain::strength_plan` and `domain::cadence`; sounds, vibration and the screen lock in
//! `platform::audio` and `platform::cues`.

mod at_a_glance;
mod cadence_card;
mod protocol_card;
mod saved;
mod strength_card;
mod timer_card;

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::routes::Destination;
use crate::store::AppStore;

pub use at_a_glance::RecoveryAtAGlance;
use saved::RecoveryPrefs;

/// The page's own settings, shared by its cards, and the store that lists what was set aside.
#[derive(Clone, Copy)]
pub(crate) struct Prefs(pub RwSignal<RecoveryPrefs>, pub AppStore);

impl Prefs {
    /// Changes the stored prefs (as they are now, see [`saved::change_prefs`]) and shows
    /// the result; on a failed write nothing changes.
    /// An unreadable stored value set aside on the way is listed at once, so the app's notice
    /// about set-aside data tells the runner.
    pub fn update(&self, change: impl FnOnce(&mut RecoveryPrefs)) -> Result<(), String> {
        let (prefs, set_aside) = saved::change_prefs(change)?;
        self.0.set(prefs);
        if set_aside {
            self.1.relist_set_aside();
        }
        Ok(())
    }
}

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let Some(store) = use_context::<AppStore>() else {
        return view! { <PageIntro destination=Destination::Recovery /> }.into_any();
    };
    let prefs = Prefs(RwSignal::new(saved::load_prefs()), store);
    provide_context(prefs);
    view! {
        <PageIntro destination=Destination::Recovery />
        <protocol_card::ProtocolCard store=store prefs=prefs />
        <timer_card::TimerCard store=store prefs=prefs />
        <strength_card::StrengthCard store=store prefs=prefs />
        <cadence_card::CadenceCard store=store />
    }
    .into_any()
}
