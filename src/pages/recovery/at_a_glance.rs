//! The back-to-running plan at a glance, for Home: the step the runner is on, what it asks,
//! how far into it they are, a step back while it is the latest news, and the way to the
//! Recovery screen. Nothing shows before the plan is started.

use leptos::prelude::*;

use super::protocol_card::current_state;
use crate::store::AppStore;

#[component]
pub fn RecoveryAtAGlance(store: AppStore, recovery_href: String) -> impl IntoView {
    let state = Memo::new(move |_| current_state(store));
    move || {
        state.get().map(|state| {
            let what_and_progress = (!state.finished)
                .then(|| (state.stage.info().what, format!("{}.", state.progress())));
            let step_back = state.step_back().map(|decision| decision.reason.clone());
            view! {
                <section class="card" aria-labelledby="home-recovery">
                    <h2 id="home-recovery">"Back to running"</h2>
                    <p>
                        <strong>{state.headline()}</strong>
                    </p>
                    {what_and_progress
                        .map(|(what, progress)| view! {
                            <p>{what}</p>
                            <p>{progress}</p>
                        })}
                    {step_back.map(|reason| view! { <p class="warning reduce">{reason}</p> })}
                    <a class="button secondary" href=recovery_href.clone()>
                        "Open Recovery"
                    </a>
                </section>
            }
        })
    }
}
