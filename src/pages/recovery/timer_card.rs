//! The walk-run timer: a big countdown with WALK or RUN, start, pause, skip and end; beeps
//! and a buzz at each change; the screen kept on while it runs; and at the end, the pain
//! questions that save the session as a recovery run.
//!
//! The display is recomputed from timestamps four times a second; nothing is counted, so a
//! locked phone, a background tab or a reload all come back to the right place.

use leptos::prelude::*;

use super::protocol_card::current_state;
use super::saved::{self, SavedTimer};
use crate::components::fields::{SelectField, TextField};
use crate::domain::commands::Command;
use crate::domain::interval_timer::{SegmentKind, TimerPlan, TimerRun, TimerState};
use crate::domain::protocol::Stage;
use crate::domain::records::{Run, RunKind};
use crate::domain::run_draft::required_pain;
use crate::domain::units::{parse_distance, Duration};
use crate::platform::audio::Sound;
use crate::platform::clock;
use crate::platform::cues::{self, ScreenLock};
use crate::platform::document::focus_heading;
use crate::store::AppStore;

fn countdown(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Idle,
    Running,
    Finished,
}

#[derive(Clone, Default, PartialEq)]
struct PainErrors {
    during: Option<String>,
    after: Option<String>,
    distance: Option<String>,
}

#[component]
pub fn TimerCard(store: AppStore) -> impl IntoView {
    let scale = saved::time_scale();
    let now = RwSignal::new(saved::now_ms(scale));
    let timer = RwSignal::new(saved::load_timer(store));
    let status = RwSignal::new(None::<String>);
    // Beeps kept playing while the runner was on another screen are taken back; a session
    // that is no longer running has no use for them.
    let kept = Sound::take_kept().and_then(|s| {
        let running = timer.with_untracked(|t| t.is_some_and(|t| !t.ended && !t.run.is_paused()));
        if running {
            Some(s)
        } else {
            s.close();
            None
        }
    });
    let kept_beeps = kept.is_some();
    let sound: StoredValue<Option<Sound>, LocalStorage> = StoredValue::new_local(kept);
    let screen = StoredValue::new_local(ScreenLock::new());
    // The segment last shown, to cue only on a change (not on a reload).
    let shown_index = StoredValue::new(None::<(usize, bool)>);
    // False after a reload mid-session, until a tap lets the browser play sound again.
    let has_sound = RwSignal::new(kept_beeps);

    // Custom session settings, prefilled from the plan's current stage.
    let stage_now = move || {
        current_state(store)
            .filter(|s| !s.finished)
            .map(|s| s.stage)
    };
    let plan_choice = RwSignal::new("stage".to_string());
    let walk = RwSignal::new("2".to_string());
    let run = RwSignal::new("1".to_string());
    let total = RwSignal::new("21".to_string());
    let choice_options = Signal::derive(move || {
        let stage = stage_now().unwrap_or(Stage::Week1);
        vec![
            (
                "stage".to_string(),
                format!(
                    "{}: {}",
                    stage.title(),
                    TimerPlan::for_stage(stage).describe()
                ),
            ),
            (
                "custom".to_string(),
                "My own walk and run minutes".to_string(),
            ),
        ]
    });
    let chosen_plan = move || -> Result<TimerPlan, String> {
        if plan_choice.get_untracked() == "stage" {
            return Ok(TimerPlan::for_stage(
                untrack(stage_now).unwrap_or(Stage::Week1),
            ));
        }
        let number = |text: String, what: &str| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| format!("Enter the {what} in whole minutes."))
        };
        let walk = number(walk.get_untracked(), "walking time")?;
        let run = number(run.get_untracked(), "running time")?;
        let total = number(total.get_untracked(), "total time")?;
        if run == 0 || total == 0 {
            return Err("Running and total minutes must be more than 0.".to_string());
        }
        Ok(TimerPlan::custom(walk, run, total))
    };

    let keep = move |next: Option<SavedTimer>| {
        if let Err(reason) = saved::keep_timer(store, next.as_ref()) {
            status.set(Some(format!(
                "The timer could not be kept on this device, so a reload would lose it. {reason}"
            )));
        }
        timer.set(next);
    };
    // Beeps for every change still ahead are queued on the audio clock, so they sound on
    // time even when this page's timers are slowed in the background. Any change to the
    // timer cancels them (by closing the audio context) and queues afresh. Called only from
    // a tap: browsers start sound only after one.
    let requeue_cues = move || {
        sound.update_value(|s| {
            if let Some(s) = s.take() {
                s.close();
            }
        });
        has_sound.set(false);
        let Some(t) = timer.get_untracked() else {
            return;
        };
        if t.ended || t.run.is_paused() {
            return;
        }
        let now_ms = saved::now_ms(scale);
        let current = t.run.state(now_ms);
        if current.finished {
            return;
        }
        let Some(audio) = Sound::new() else {
            return;
        };
        let base = audio.now() + 0.05;
        let in_seconds = |offset_ms: u64| {
            base + offset_ms.saturating_sub(current.elapsed_ms) as f64 / scale / 1000.0
        };
        for segment in t.run.plan.segments().iter().skip(current.index + 1) {
            audio.change_cue(
                in_seconds(segment.start_ms),
                segment.kind == SegmentKind::Run,
            );
        }
        audio.end_cue(in_seconds(t.run.plan.total_ms()));
        sound.set_value(Some(audio));
        has_sound.set(true);
    };

    // Ticks: only while a session is on screen. The state comes from `now`, not the ticks.
    let tick = move || now.set(saved::now_ms(scale));
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        tick();
        screen.with_value(ScreenLock::on_visibility_change);
    });
    on_cleanup(move || {
        visibility.remove();
        screen.with_value(ScreenLock::release);
        // Leaving mid-session keeps the beeps on (they are queued on the audio clock);
        // only a session paused, ended or finished is silenced.
        let running = timer.with_untracked(|t| {
            t.is_some_and(|t| {
                !t.ended && !t.run.is_paused() && !t.run.state(saved::now_ms(scale)).finished
            })
        });
        sound.update_value(|s| {
            if let Some(s) = s.take() {
                if running {
                    s.keep();
                } else {
                    s.close();
                }
            }
        });
    });

    let state = Memo::new(move |_| timer.get().map(|t| (t, t.run.state(now.get()))));

    let mode = Memo::new(move |_| match state.get() {
        None => Mode::Idle,
        Some((t, s)) if s.finished || t.ended => Mode::Finished,
        Some(_) => Mode::Running,
    });
    // Each change of mode replaces the buttons a runner just used; focus follows to what
    // comes next, or it would fall to the page and a screen reader would lose its place.
    Effect::new(move |before: Option<Mode>| {
        let now = mode.get();
        // A session picked up after a reload keeps the screen on too. Browsers that want a
        // tap first (Safari) refuse here; "Turn the beeps on" asks again inside its tap.
        let paused = timer.with_untracked(|t| t.is_some_and(|t| t.run.is_paused()));
        if before.is_none() && now == Mode::Running && !paused {
            screen.with_value(ScreenLock::acquire);
        }
        if before.is_some_and(|before| before != now) {
            focus_heading(match now {
                Mode::Idle => "rec-timer-heading",
                Mode::Running => "rec-pause",
                Mode::Finished => "rec-finish-heading",
            });
        }
        now
    });

    // Cues at each change of segment and at the end.
    Effect::new(move |_| {
        let Some((saved_timer, current)) = state.get() else {
            shown_index.set_value(None);
            return;
        };
        let done = current.finished || saved_timer.ended;
        let key = (current.index, done);
        let before = shown_index.get_value();
        shown_index.set_value(Some(key));
        if done {
            screen.with_value(ScreenLock::release);
        }
        let Some(before) = before else {
            return;
        };
        if before == key || saved_timer.run.is_paused() && !done {
            return;
        }
        // The beeps are already queued on the audio clock; the buzz is given now.
        if done && !before.1 {
            if !saved_timer.ended {
                cues::vibrate(&[300, 150, 300, 150, 300]);
            }
        } else if !done {
            let to_run = current.kind == SegmentKind::Run;
            cues::vibrate(if to_run { &[200, 100, 200] } else { &[400] });
        }
    });

    let start = move |_| {
        status.set(None);
        let plan = match chosen_plan() {
            Ok(plan) => plan,
            Err(reason) => {
                status.set(Some(reason));
                return;
            }
        };
        let at = saved::now_ms(scale);
        now.set(at);
        keep(Some(SavedTimer {
            run: TimerRun::start(plan, at),
            ended: false,
        }));
        requeue_cues();
        screen.with_value(ScreenLock::acquire);
    };
    let change = move |act: fn(&mut TimerRun, f64)| {
        let at = saved::now_ms(scale);
        if let Some(mut t) = timer.get_untracked() {
            act(&mut t.run, at);
            now.set(at);
            keep(Some(t));
        }
        requeue_cues();
    };
    let pause_or_resume = move |_| {
        let paused = timer.with_untracked(|t| t.is_some_and(|t| t.run.is_paused()));
        if paused {
            change(TimerRun::resume);
            screen.with_value(ScreenLock::acquire);
        } else {
            change(TimerRun::pause);
            screen.with_value(ScreenLock::release);
        }
    };
    let skip = move |_| change(TimerRun::skip);
    let end = move |_| {
        change(TimerRun::pause);
        if let Some(mut t) = timer.get_untracked() {
            t.ended = true;
            keep(Some(t));
        }
        requeue_cues();
        screen.with_value(ScreenLock::release);
    };

    // The pain questions at the end.
    let during = RwSignal::new(String::new());
    let after = RwSignal::new(String::new());
    let distance = RwSignal::new(String::new());
    let errors = RwSignal::new(PainErrors::default());
    let unit = move || store.data().with(|d| d.settings.units);
    let finished_session = move || {
        state
            .get()
            .and_then(|(t, s)| (s.finished || t.ended).then_some((t.run.plan, s.elapsed_ms)))
    };
    // Prefill the distance estimate once per finished session.
    Effect::new(move |previous: Option<Option<u64>>| {
        let elapsed = finished_session().map(|(plan, elapsed)| {
            if previous.flatten().is_none() {
                let guess = plan.estimated_distance(elapsed).in_unit(unit());
                distance.set(format!("{guess:.2}"));
            }
            elapsed
        });
        elapsed
    });

    // A timed session is thrown away only on a second tap: Discard sits beside Save.
    let discard_asked = RwSignal::new(false);
    let discard = move |_| {
        if !discard_asked.get_untracked() {
            discard_asked.set(true);
            status.set(Some(
                "Tap \"Discard for good\" to throw this session away, or save it.".to_string(),
            ));
            return;
        }
        discard_asked.set(false);
        keep(None);
        requeue_cues();
        status.set(Some("The session was not saved.".to_string()));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        discard_asked.set(false);
        let Some((plan, elapsed_ms)) = finished_session() else {
            return;
        };
        let pain_during = required_pain(&during.get_untracked());
        let pain_after = required_pain(&after.get_untracked());
        let covered = parse_distance(&distance.get_untracked(), unit())
            .map_err(|e| e.to_string())
            .and_then(|d| {
                if d.metres() > 0.0 {
                    Ok(d)
                } else {
                    Err("Enter the distance covered, more than 0.".to_string())
                }
            });
        let (Ok(pain_during), Ok(pain_after), Ok(covered)) =
            (pain_during.clone(), pain_after.clone(), covered.clone())
        else {
            errors.set(PainErrors {
                during: pain_during.err(),
                after: pain_after.err(),
                distance: covered.err(),
            });
            status.set(Some(
                "Nothing was saved: check the marked fields.".to_string(),
            ));
            return;
        };
        errors.set(PainErrors::default());
        let seconds = u32::try_from(elapsed_ms.div_ceil(1000))
            .unwrap_or(u32::MAX)
            .max(1);
        let run = Run {
            id: clock::new_id(),
            updated_at: clock::now(),
            date: clock::today(),
            distance: covered,
            duration: Duration::from_seconds(seconds),
            kind: RunKind::Recovery,
            surface: None,
            shoe_id: None,
            pain_during: Some(pain_during),
            pain_after: Some(pain_after),
            effort: None,
            cadence_spm: None,
            notes: format!("Walk-run timer: {}", plan.describe()),
            source: None,
        };
        let summary = format!(
            "Saved: {} recovery session, pain {}/10 during and {}/10 after.",
            run.duration.display(),
            pain_during.value(),
            pain_after.value()
        );
        match store.apply(Command::AddRun(run)) {
            Ok(()) => {
                keep(None);
                during.set(String::new());
                after.set(String::new());
                status.set(Some(format!("{summary} It is in the Log.")));
            }
            Err(reason) => status.set(Some(format!("Not saved. {reason}"))),
        }
    };

    let idle = move || {
        view! {
            <SelectField id="rec-timer-plan" label="Session" value=plan_choice options=choice_options />
            <Show when=move || plan_choice.get() == "custom">
                <div class="timer-custom">
                    <TextField
                    input_mode="numeric" id="rec-walk" label="Walk (minutes)" value=walk error=Signal::derive(|| None::<String>) />
                    <TextField
                    input_mode="numeric" id="rec-run" label="Run (minutes)" value=run error=Signal::derive(|| None::<String>) />
                    <TextField
                    input_mode="numeric" id="rec-total" label="Total (minutes)" value=total error=Signal::derive(|| None::<String>) />
                </div>
            </Show>
            <button type="button" class="button timer-start" on:click=start>
                "Start"
            </button>
        }
    };

    let running = move || {
        let current = move || state.get();
        let paused = move || current().is_some_and(|(t, _)| t.run.is_paused());
        let class = move || match current().map(|(_, s)| s.kind) {
            Some(SegmentKind::Walk) => "timer-face walk",
            _ => "timer-face run",
        };
        let label = move || match current() {
            Some((t, _)) if t.run.is_paused() => "PAUSED",
            Some((_, s)) => s.kind.label(),
            None => "",
        };
        let remaining = move || {
            current()
                .map(|(_, s): (SavedTimer, TimerState)| countdown(s.remaining_in_segment_ms))
                .unwrap_or_default()
        };
        let progress = move || {
            current()
                .map(|(t, s)| {
                    format!(
                        "{} done of {} · {}",
                        countdown(s.elapsed_ms),
                        countdown(t.run.plan.total_ms()),
                        t.run.plan.describe()
                    )
                })
                .unwrap_or_default()
        };
        view! {
            <div class=class>
                <p class="timer-segment" id="rec-segment" aria-live="polite">
                    {label}
                </p>
                <p class="timer-count" id="rec-countdown">
                    {remaining}
                </p>
                <p class="timer-total">{progress}</p>
            </div>
            <Show when=move || !has_sound.get() && !paused()>
                <button
                    type="button"
                    class="button secondary timer-sound"
                    on:click=move |_| {
                        requeue_cues();
                        screen.with_value(ScreenLock::acquire);
                    }
                >
                    "Turn the beeps on"
                </button>
            </Show>
            <div class="timer-buttons">
                <button type="button" id="rec-pause" class="button" on:click=pause_or_resume>
                    {move || if paused() { "Resume" } else { "Pause" }}
                </button>
                <button type="button" class="button secondary" on:click=skip>
                    "Skip"
                </button>
                <button type="button" class="button secondary" on:click=end>
                    "End"
                </button>
            </div>
        }
    };

    let ask_pain = move |elapsed_ms: u64| {
        let unit_label = unit().abbreviation();
        view! {
            <form class="timer-finish" on:submit=save novalidate aria-labelledby="rec-finish-heading">
                <h3 id="rec-finish-heading" tabindex="-1">
                    {format!("Session done: {}", countdown(elapsed_ms))}
                </h3>
                <TextField
                    input_mode="numeric"
                    id="rec-pain-during"
                    label="Pain during (0 none – 10 worst)"
                    value=during
                    error=Signal::derive(move || errors.with(|e| e.during.clone()))
                />
                <TextField
                    input_mode="numeric"
                    id="rec-pain-after"
                    label="Pain afterwards (0 – 10)"
                    hint="If the knee is worse tomorrow morning, change this in the Log.".to_string()
                    value=after
                    error=Signal::derive(move || errors.with(|e| e.after.clone()))
                />
                <TextField
                    id="rec-distance"
                    label=if unit_label == "mi" { "Distance covered (mi)" } else { "Distance covered (km)" }
                    input_mode="decimal"
                    hint="An estimate from your walking and jogging time; change it if you know.".to_string()
                    value=distance
                    error=Signal::derive(move || errors.with(|e| e.distance.clone()))
                />
                <div class="actions">
                    <button type="submit" class="button">"Save session"</button>
                    <button type="button" class="button secondary" on:click=discard>
                        {move || if discard_asked.get() { "Discard for good" } else { "Discard" }}
                    </button>
                </div>
            </form>
        }
    };

    view! {
        <section class="card recovery-timer" aria-labelledby="rec-timer-heading">
            <h2 id="rec-timer-heading" tabindex="-1">"Walk-run timer"</h2>
            {move || match mode.get() {
                Mode::Idle => idle().into_any(),
                Mode::Running => running().into_any(),
                Mode::Finished => {
                    let elapsed = state
                        .get_untracked()
                        .map_or(0, |(_, s)| s.elapsed_ms);
                    ask_pain(elapsed).into_any()
                }
            }}
            <p role="status" class="status">{move || status.get()}</p>
        </section>
    }
}
