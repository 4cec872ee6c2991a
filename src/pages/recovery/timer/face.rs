//! The running face: WALK, RUN or PAUSED in big type with the segment's countdown and the
//! session so far, and what a runner taps mid-run: pause or resume, skip, end, and turning
//! the beeps back on after a reload.

use leptos::prelude::*;

use crate::components::words::{said, saying};

use super::Timer;
use crate::components::show::ShowAny;
use crate::platform::cues::ScreenLock;
use crate::store::use_store;

#[component]
pub(super) fn TimerFace(timer: Timer) -> impl IntoView {
    let store = use_store()?;
    let face = Memo::new(move |_| timer.snapshot.get().map(|s| s.face()));
    let paused = move || timer.session.with(|t| t.is_some_and(|t| t.run.is_paused()));
    let class = move || {
        if face.with(|f| f.as_ref().is_some_and(|f| f.walking)) {
            "timer-face walk"
        } else {
            "timer-face run"
        }
    };
    let label = move || face.with(|f| f.as_ref().map_or("", |f| f.label));
    let remaining =
        move || face.with(|f| f.as_ref().map(|f| f.remaining.clone()).unwrap_or_default());
    let progress =
        move || face.with(|f| f.as_ref().map(|f| f.progress.clone()).unwrap_or_default());

    let pause_or_resume = move |_| {
        if untrack(paused) {
            timer.change(store, |s, at| s.run.resume(at));
            timer.screen.with_value(ScreenLock::acquire);
        } else {
            timer.change(store, |s, at| s.run.pause(at));
            timer.screen.with_value(ScreenLock::release);
        }
    };
    let skip = move |_| timer.change(store, |s, at| s.run.skip(at));
    let end = move |_| {
        timer.change(store, |s, at| s.end(at));
        timer.screen.with_value(ScreenLock::release);
    };
    let beeps_on = move |_| {
        timer.requeue_cues();
        timer.screen.with_value(ScreenLock::acquire);
    };

    Some(view! {
        <div class=class>
            <p class="timer-segment" id="rec-segment" aria-live="polite">
                {label}
            </p>
            <p class="timer-count" id="rec-countdown">
                {remaining}
            </p>
            <p class="timer-total">{saying(progress)}</p>
        </div>
        <ShowAny when=move || !timer.has_sound.get() && !paused()>
            <button type="button" class="button secondary timer-sound" on:click=beeps_on>
                {said("Turn the beeps on")}
            </button>
        </ShowAny>
        <div class="timer-buttons">
            <button type="button" id="rec-pause" class="button" on:click=pause_or_resume>
                {move || if paused() { "Resume" } else { "Pause" }}
            </button>
            <button type="button" class="button secondary" on:click=skip>
                {said("Skip")}
            </button>
            <button type="button" class="button secondary" on:click=end>
                {said("End")}
            </button>
        </div>
    })
}
