//! The walk-run timer card: a big countdown with WALK or RUN, start, pause, skip and end;
//! beeps and a buzz at each change; the screen kept on while it runs; and at the end, the
//! pain questions that save the session as a recovery run.
//!
//! This module owns what outlives each phase of the card: the session kept in storage, the
//! clock it is read at, the beeps queued on the audio clock, the buzz, the screen lock, the
//! focus moving with each phase and the status line. The phases are `setup` (choosing a
//! session), `face` (the running countdown) and `finish` (the questions and the save). The
//! rules (what the face says, which cue, what a session saves as) are in
//! `domain::interval_timer` and `domain::session_draft`.
//!
//! The display is recomputed from timestamps four times a second; nothing is counted, so a
//! locked phone, a background tab or a reload all come back to the right place.

mod face;
mod finish;
mod setup;

use leptos::prelude::*;

use crate::components::words::said;

use super::saved;
use crate::components::form::FormState;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::interval_timer::cues::Cue;
use crate::domain::interval_timer::session::{Phase, Snapshot, TimerSession};
use crate::domain::interval_timer::TimerPlan;
use crate::platform::audio::Sound;
use crate::platform::cues::{self, ScreenLock};
use crate::platform::document::focus_heading;
use crate::store::{use_store, AppStore};
use face::TimerFace;
use finish::TimerFinish;
use setup::{PlanChoice, TimerSetup};

/// What the card's parts share. Copy (signals and handles), so each part takes it as a prop.
#[derive(Clone, Copy)]
struct Timer {
    /// How much faster than real time the clock runs (1 except in tests).
    scale: f64,
    /// The instant the session is read at: moved on by the ticks and by every tap.
    now: RwSignal<f64>,
    /// The session as kept in storage.
    session: RwSignal<Option<TimerSession>>,
    /// The session at `now`.
    snapshot: Memo<Option<Snapshot>>,
    status: RwSignal<Option<Said>>,
    /// False after a reload mid-session, until a tap lets the browser play sound again.
    has_sound: RwSignal<bool>,
    sound: StoredValue<Option<Sound>, LocalStorage>,
    screen: StoredValue<ScreenLock, LocalStorage>,
}

impl Timer {
    fn clock(&self) -> f64 {
        saved::now_ms(self.scale)
    }

    fn say(&self, said: Said) {
        self.status.set(Some(said));
    }

    /// Keeps `next` in storage (`None` removes it) and shows it; says so when storage
    /// refused, since a reload would then lose the session.
    fn keep(&self, store: AppStore, next: Option<TimerSession>) {
        if let Err(error) = saved::keep_timer(store, next.as_ref()) {
            self.say(Said::Failed(Attempt::KeepTimer, error));
        }
        self.session.set(next);
    }

    /// Beeps for every change still ahead are queued on the audio clock, so they sound on
    /// time even when this page's timers are slowed in the background. Any change to the
    /// session cancels them (by closing the audio context) and queues afresh. Called only
    /// from a tap: browsers start sound only after one.
    fn requeue_cues(&self) {
        self.sound.update_value(|s| {
            if let Some(s) = s.take() {
                s.close();
            }
        });
        self.has_sound.set(false);
        let Some(session) = self.session.get_untracked() else {
            return;
        };
        let beeps = session.at(self.clock()).beeps_ahead();
        if beeps.is_empty() {
            return;
        }
        let Some(audio) = Sound::new() else {
            return;
        };
        let base = audio.now() + 0.05;
        for beep in beeps {
            let at = base + beep.after_ms as f64 / self.scale / 1000.0;
            match beep.cue {
                Cue::End => audio.end_cue(at),
                cue => audio.change_cue(at, cue == Cue::ToRun),
            }
        }
        self.sound.set_value(Some(audio));
        self.has_sound.set(true);
    }

    /// Starts a session of `plan` now, with its beeps and the screen kept on.
    fn start(&self, store: AppStore, plan: TimerPlan) {
        let at = self.clock();
        self.now.set(at);
        self.keep(store, Some(TimerSession::start(plan, at)));
        self.requeue_cues();
        self.screen.with_value(ScreenLock::acquire);
    }

    /// A tap's change to the session (pause, skip, end…), made at this instant and kept.
    fn change(&self, store: AppStore, act: impl FnOnce(&mut TimerSession, f64)) {
        let at = self.clock();
        if let Some(mut session) = self.session.get_untracked() {
            act(&mut session, at);
            self.now.set(at);
            self.keep(store, Some(session));
        }
        self.requeue_cues();
    }
}

#[component]
pub fn TimerCard() -> impl IntoView {
    let store = use_store()?;
    let scale = saved::time_scale();
    let now = RwSignal::new(saved::now_ms(scale));
    let session = RwSignal::new(saved::load_timer(store));
    // Beeps kept playing while the runner was on another screen are taken back; a session
    // that is no longer going has no use for them.
    let kept = Sound::take_kept().and_then(|s| {
        if session.with_untracked(|t| t.is_some_and(|t| t.is_going())) {
            Some(s)
        } else {
            s.close();
            None
        }
    });
    let status = RwSignal::new(None);
    let timer = Timer {
        scale,
        now,
        session,
        snapshot: Memo::new(move |_| session.get().map(|t| t.at(now.get()))),
        status,
        has_sound: RwSignal::new(kept.is_some()),
        sound: StoredValue::new_local(kept),
        screen: StoredValue::new_local(ScreenLock::new()),
    };
    // The card keeps the choice of session and the answers for as long as it is on screen,
    // so they outlive the switch between phases: a runner's own minutes stay chosen for the
    // next session.
    let choice = PlanChoice::new();
    let answers = FormState::speaking_to(status, "rec-timer-status");

    // Ticks: only while a session is on screen. The state comes from `now`, not the ticks.
    let tick = move || now.set(saved::now_ms(scale));
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        tick();
        timer.screen.with_value(ScreenLock::on_visibility_change);
    });
    on_cleanup(move || {
        visibility.remove();
        timer.screen.with_value(ScreenLock::release);
        // Leaving mid-session keeps the beeps on (they are queued on the audio clock);
        // only a session paused, ended or finished is silenced.
        let sounding =
            session.with_untracked(|t| t.is_some_and(|t| t.at(saved::now_ms(scale)).is_sounding()));
        timer.sound.update_value(|s| {
            if let Some(s) = s.take() {
                if sounding {
                    s.keep();
                } else {
                    s.close();
                }
            }
        });
    });

    let phase = Memo::new(move |_| timer.snapshot.with(|s| Phase::of(s.as_ref())));
    // Each change of phase replaces the buttons a runner just used; focus follows to what
    // comes next, or it would fall to the page and a screen reader would lose its place.
    Effect::new(move |before: Option<Phase>| {
        let now = phase.get();
        // A session picked up after a reload keeps the screen on too. Browsers that want a
        // tap first (Safari) refuse here; "Turn the beeps on" asks again inside its tap.
        let paused = session.with_untracked(|t| t.is_some_and(|t| t.run.is_paused()));
        if before.is_none() && now == Phase::Running && !paused {
            timer.screen.with_value(ScreenLock::acquire);
        }
        if before.is_some_and(|before| before != now) {
            focus_heading(match now {
                Phase::Setup => "rec-timer-heading",
                Phase::Running => "rec-pause",
                Phase::Finished => "rec-finish-heading",
            });
        }
        now
    });

    // The buzz at each change of segment and at the end, against the session last shown
    // (none after a reload, so a reload does not buzz).
    let shown = StoredValue::new(None::<Snapshot>);
    Effect::new(move |_| {
        let Some(current) = timer.snapshot.get() else {
            shown.set_value(None);
            return;
        };
        let before = shown.get_value();
        shown.set_value(Some(current));
        if current.is_over() {
            timer.screen.with_value(ScreenLock::release);
        }
        // The beeps are already queued on the audio clock; the buzz is given now.
        if let Some(cue) = before.and_then(|before| current.buzz_since(&before)) {
            cues::vibrate(cue.vibration());
        }
    });

    Some(view! {
        <section class="card recovery-timer" aria-labelledby="rec-timer-heading">
            <h2 id="rec-timer-heading" tabindex="-1">{said("Walk-run timer")}</h2>
            {move || match phase.get() {
                Phase::Setup => view! { <TimerSetup timer=timer choice=choice /> }.into_any(),
                Phase::Running => view! { <TimerFace timer=timer /> }.into_any(),
                Phase::Finished => view! { <TimerFinish timer=timer answers=answers /> }.into_any(),
            }}
            <StatusLine said=timer.status id="rec-timer-status" />
        </section>
    })
}
