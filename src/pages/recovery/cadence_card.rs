//! Cadence: the runner's step rate from the Log, a target, and a metronome whose clicks are
//! queued ahead on the Web Audio clock (a lookahead scheduler), so they stay on the beat
//! even when the page's timers are late.

use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::components::fields::TextField;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::cadence;
use crate::domain::commands::{Command, SettingsEdit};
use crate::platform::audio::Sound;
use crate::platform::clock;
use crate::platform::cues;
use crate::store::use_store;

/// How often the scheduler wakes, and how far ahead it queues clicks. Hidden pages get their
/// timers slowed to about once a second, so they queue further ahead.
const WAKE_MS: u64 = 25;
const LOOKAHEAD_VISIBLE: f64 = 0.2;
const LOOKAHEAD_HIDDEN: f64 = 1.5;

struct Metronome {
    sound: Sound,
    start: f64,
    spm: u16,
    next: u64,
    interval: IntervalHandle,
}

#[component]
pub fn CadenceCard() -> impl IntoView {
    let store = use_store()?;
    let current = Memo::new(move |_| store.data().with(|d| cadence::current(&d.runs)));
    let saved_target = Memo::new(move |_| store.data().with(|d| d.settings.target_cadence_spm));
    let initial = saved_target
        .get_untracked()
        .unwrap_or_else(|| cadence::default_target(current.get_untracked()));
    let target = RwSignal::new(initial.to_string());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<Said>);
    let playing = RwSignal::new(false);
    let metronome: StoredValue<Option<Metronome>, LocalStorage> = StoredValue::new_local(None);

    let stop = move || {
        metronome.update_value(|m| {
            if let Some(m) = m.take() {
                m.interval.clear();
                m.sound.close();
            }
        });
        playing.set(false);
    };
    on_cleanup(stop);

    let start = move |spm: u16| {
        stop();
        let Some(sound) = Sound::new() else {
            status.set(Some(Said::Note("This browser cannot play sounds.".into())));
            return;
        };
        let schedule = move || {
            metronome.update_value(|m| {
                if let Some(m) = m.as_mut() {
                    let lookahead = if cues::page_visible() {
                        LOOKAHEAD_VISIBLE
                    } else {
                        LOOKAHEAD_HIDDEN
                    };
                    let (due, next) =
                        cadence::clicks_due(m.start, m.spm, m.next, m.sound.now(), lookahead);
                    for (_, at) in due {
                        m.sound.click(at);
                    }
                    m.next = next;
                }
            })
        };
        let Ok(interval) =
            set_interval_with_handle(schedule, std::time::Duration::from_millis(WAKE_MS))
        else {
            sound.close();
            return;
        };
        let begin = sound.now() + 0.1;
        metronome.set_value(Some(Metronome {
            sound,
            start: begin,
            spm,
            next: 0,
            interval,
        }));
        schedule();
        playing.set(true);
        status.set(None);
    };

    let checked_target = move || -> Option<u16> {
        match cadence::parse_target(&target.get_untracked()) {
            Ok(spm) => {
                error.set(None);
                Some(spm)
            }
            Err(reason) => {
                error.set(Some(reason));
                None
            }
        }
    };
    let toggle = move |_| {
        if playing.get_untracked() {
            stop();
        } else if let Some(spm) = checked_target() {
            start(spm);
        }
    };
    let save_target = move |_| {
        let Some(spm) = checked_target() else {
            return;
        };
        let outcome = store.apply(Command::EditSettings {
            edit: SettingsEdit::TargetCadence(spm),
            now: clock::now(),
        });
        status.set(Said::after(outcome, Attempt::Save, || {
            if playing.get_untracked() {
                start(spm);
            }
            Some(Said::Saved(format!("target of {spm} steps a minute")))
        }));
    };

    let current_text = move || match current.get() {
        Some(spm) => format!(
            "Your cadence: {spm} steps a minute (the average of your latest runs that \
             recorded it). Suggested target: {} (5% more, within 170–180).",
            cadence::default_target(Some(spm))
        ),
        None => "None of your logged runs has a cadence yet: add it when you log a run (many \
                 watches show it). Until then the suggested target is 170."
            .to_string(),
    };

    Some(view! {
        <section class="card recovery-cadence" aria-labelledby="rec-cadence-heading">
            <h2 id="rec-cadence-heading">{said("Cadence")}</h2>
            <p>
                {said("Slightly quicker, shorter steps take load off the knee: 5 to 10% more steps a \
                 minute is enough. Run to the clicks for a few minutes at a time.")}
            </p>
            <p id="rec-cadence-now">{saying(current_text)}</p>
            <TextField
                    input_mode="numeric"
                id="rec-cadence-target"
                label="Target (steps a minute)"
                value=target
                error=Signal::derive(move || error.get())
            />
            <div class="actions">
                <button type="button" class="button" aria-pressed=move || playing.get().to_string() on:click=toggle>
                    {saying(move || if playing.get() { "Stop metronome" } else { "Start metronome" }.to_string())}
                </button>
                <button type="button" class="button secondary" on:click=save_target>
                    {said("Save target")}
                </button>
            </div>
            <p class="hint">
                {said("With the screen locked, the clicks go on where the browser allows it; keep \
                 this page open.")}
            </p>
            <StatusLine said=status />
        </section>
    })
}
