//! The first visit's welcome, above everything on Home: what Patella is and is not, the unit
//! to count in (the phone's ready), and how to keep it on this device's home screen. Put
//! away once, it never comes back (a scratch note on this device, not in backups); the
//! home-screen steps stay in Settings. A runner with anything stored already knows the app.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::install_button::InstallButton;
use crate::domain::commands::{Command, SettingsEdit};
use crate::domain::content::welcome::{PROMISES, WHY_HOME_SCREEN};
use crate::domain::units::DistanceUnit;
use crate::platform::{clock, document, install};
use crate::store::scratch::Scratch;
use crate::store::use_store;

#[component]
pub fn WelcomeCard() -> impl IntoView {
    let store = use_store()?;
    let welcomed = RwSignal::new(
        store
            .read_scratch::<bool>(Scratch::Welcomed)
            .unwrap_or(false),
    );
    let nothing_stored = move || store.data().with(|data| data.is_empty());
    let device = install::device();
    let units = move || store.data().with(|data| data.settings.units);
    let english = move || store.data().with(|data| data.settings.english());
    let put_away = move |_| {
        // Kept even when storage refuses it: it is gone for this visit at least.
        let _ = store.keep_scratch(Scratch::Welcomed, Some(&true));
        welcomed.set(true);
        // The card and its button are gone: the screen takes the focus, not the page's end.
        document::focus_heading("main");
    };
    Some(move || {
        (!welcomed.get() && nothing_stored()).then(|| {
            view! {
                <section class="card welcome" aria-labelledby="welcome-heading">
                    <h2 id="welcome-heading">{said("Welcome to Patella")}</h2>
                    <ul>{PROMISES.iter().map(|line| view! { <li>{said(*line)}</li> }).collect_view()}</ul>
                    <div class="field">
                        <label for="welcome-units">{said("Count distances in")}</label>
                        <select
                            id="welcome-units"
                            prop:value=move || units().abbreviation()
                            on:change=move |ev| {
                                let unit = if event_target_value(&ev) == "mi" { DistanceUnit::Mi } else { DistanceUnit::Km };
                                let _ = store.apply(Command::EditSettings {
                                    edit: SettingsEdit::Units(unit),
                                    now: clock::now(),
                                });
                            }
                        >
                            <option value="km">{move || english().say("Kilometres (km)")}</option>
                            <option value="mi">{said("Miles (mi)")}</option>
                        </select>
                    </div>
                    <p>{said(WHY_HOME_SCREEN)}</p>
                    <p class="hint">{said(device.home_screen_steps())}</p>
                    <InstallButton />
                    <button type="button" class="button" on:click=put_away>
                        {said("Got it")}
                    </button>
                </section>
            }
        })
    })
}
