//! The run form: date (today at first, then the last date saved, with Today, Yesterday and
//! A day earlier a tap away), distance and duration (or the last run's), then Save run. Type,
//! surface, shoe, pain, effort, cadence and notes are folded away. Also edits a run.

use leptos::prelude::*;

use super::LogState;
use crate::components::fields::{SelectField, TextField};
use crate::components::show::ShowAny;
use crate::domain::commands::Command;
use crate::domain::dates;
use crate::domain::records::{RecordId, RunKind, Surface};
use crate::domain::run_draft::{DraftErrors, RunDraft};
use crate::domain::units::Pace;
use crate::platform::clock;
use crate::platform::document::{focus_field, reveal};
use crate::store::use_store;

/// One signal per field, so each input owns its text while the runner types.
#[derive(Clone, Copy)]
struct FormFields {
    date: RwSignal<String>,
    distance: RwSignal<String>,
    duration: RwSignal<String>,
    kind: RwSignal<String>,
    surface: RwSignal<String>,
    shoe: RwSignal<String>,
    pain_during: RwSignal<String>,
    pain_after: RwSignal<String>,
    effort: RwSignal<String>,
    cadence: RwSignal<String>,
    notes: RwSignal<String>,
}

fn kind_value(kind: RunKind) -> String {
    kind.label().to_string()
}

fn surface_value(surface: Option<Surface>) -> String {
    surface.map(|s| s.label().to_string()).unwrap_or_default()
}

impl FormFields {
    fn new() -> Self {
        let text = || RwSignal::new(String::new());
        FormFields {
            date: text(),
            distance: text(),
            duration: text(),
            kind: text(),
            surface: text(),
            shoe: text(),
            pain_during: text(),
            pain_after: text(),
            effort: text(),
            cadence: text(),
            notes: text(),
        }
    }

    fn fill(&self, draft: &RunDraft) {
        self.date.set(draft.date.clone());
        self.distance.set(draft.distance.clone());
        self.duration.set(draft.duration.clone());
        self.kind.set(kind_value(draft.kind));
        self.surface.set(surface_value(draft.surface));
        self.shoe.set(
            draft
                .shoe_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
        self.pain_during.set(draft.pain_during.clone());
        self.pain_after.set(draft.pain_after.clone());
        self.effort.set(draft.effort.clone());
        self.cadence.set(draft.cadence.clone());
        self.notes.set(draft.notes.clone());
    }

    fn draft(&self) -> RunDraft {
        let kind = RunKind::ALL
            .into_iter()
            .find(|k| kind_value(*k) == self.kind.get_untracked())
            .unwrap_or_default();
        let surface = Surface::ALL
            .into_iter()
            .find(|s| surface_value(Some(*s)) == self.surface.get_untracked());
        RunDraft {
            date: self.date.get_untracked(),
            distance: self.distance.get_untracked(),
            duration: self.duration.get_untracked(),
            kind,
            surface,
            shoe_id: RecordId::try_from(self.shoe.get_untracked()).ok(),
            pain_during: self.pain_during.get_untracked(),
            pain_after: self.pain_after.get_untracked(),
            effort: self.effort.get_untracked(),
            cadence: self.cadence.get_untracked(),
            notes: self.notes.get_untracked(),
        }
    }
}

/// The first field, top to bottom, that a failed save marked.
fn first_marked_field(errors: &DraftErrors) -> Option<&'static str> {
    [
        (&errors.date, "run-date"),
        (&errors.distance, "run-distance"),
        (&errors.duration, "run-duration"),
        (&errors.pain_during, "run-pain-during"),
        (&errors.pain_after, "run-pain-after"),
        (&errors.effort, "run-effort"),
        (&errors.cadence, "run-cadence"),
        (&errors.notes, "run-notes"),
    ]
    .into_iter()
    .find_map(|(error, id)| error.is_some().then_some(id))
}

#[component]
pub fn RunForm() -> impl IntoView {
    let (Some(store), Some(log)) = (use_store(), use_context::<LogState>()) else {
        return ().into_any();
    };
    let fields = FormFields::new();
    let errors = RwSignal::new(DraftErrors::default());
    let status = RwSignal::new(None::<String>);
    let units = move || store.data().with(|data| data.settings.units);
    let default_shoe = move || {
        store
            .data()
            .with_untracked(|data| data.settings.default_shoe.clone())
    };
    // After a save the date stays: past runs are logged one after another.
    let reset = move |date| {
        fields.fill(&RunDraft::new(date, default_shoe()));
        errors.set(DraftErrors::default());
    };
    reset(clock::today());

    // A new default shoe (the first pair added, or one chosen below) applies to the next run.
    Effect::new(move |previous: Option<Option<RecordId>>| {
        let default = store.data().with(|data| data.settings.default_shoe.clone());
        if previous.is_some() && log.editing.get_untracked().is_none() {
            fields.shoe.set(
                default
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
        }
        default
    });

    // Choosing Edit on a run fills the form with it.
    Effect::new(move |_| {
        let Some(id) = log.editing.get() else {
            return;
        };
        let unit = units();
        if let Some(run) = store
            .data()
            .with_untracked(|data| data.runs.iter().find(|run| run.id == id).cloned())
        {
            fields.fill(&RunDraft::from_run(&run, unit));
            errors.set(DraftErrors::default());
            status.set(Some(format!(
                "Editing the run of {}.",
                dates::day_as_of(run.date, clock::today())
            )));
            // The form is at the top of the screen, the Edit button far below it.
            focus_field("run-distance");
        }
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let unit = units();
        let checked = match fields.draft().check(unit, clock::today()) {
            Ok(checked) => checked,
            Err(found) => {
                if let Some(id) = first_marked_field(&found) {
                    focus_field(id);
                }
                errors.set(*found);
                status.set(Some("Nothing was saved: check the marked fields.".into()));
                return;
            }
        };
        errors.set(DraftErrors::default());
        let date = checked.date;
        let summary = format!(
            "{} in {} {}",
            checked.distance.display(unit),
            checked.duration.display(),
            dates::relative_day(checked.date, clock::today())
        );
        let editing = log.editing.get_untracked();
        let updated_at = clock::now();
        let outcome = store.apply(Command::SaveRun {
            id: editing.clone().unwrap_or_else(clock::new_id),
            checked,
            unit,
            now: updated_at,
        });
        match outcome {
            Ok(()) => {
                let verb = if editing.is_some() {
                    "Updated"
                } else {
                    "Saved"
                };
                status.set(Some(format!("{verb}: {summary}.")));
                log.editing.set(None);
                reset(date);
                reveal("run-form-status");
            }
            // What was typed stays in the form; the banner at the top says why.
            Err(reason) => status.set(Some(format!("Not saved. {reason}"))),
        }
    };

    let set_date = move |date: chrono::NaiveDate| fields.date.set(date.to_string());
    let latest_run = move || {
        store.data().with(|data| {
            data.runs
                .iter()
                .max_by_key(|run| (run.date, run.updated_at))
                .map(|run| RunDraft::from_run(run, data.settings.units))
        })
    };
    let has_runs = move || store.data().with(|data| !data.runs.is_empty());
    let same_as_last = move |_| {
        if let Some(last) = latest_run() {
            fields.distance.set(last.distance);
            fields.duration.set(last.duration);
        }
    };

    let pace = move || {
        let draft = fields.draft();
        let unit = units();
        let distance = crate::domain::units::parse_distance(&draft.distance, unit).ok()?;
        let duration = crate::domain::units::parse_duration(&draft.duration).ok()?;
        Pace::of(distance, duration).map(|pace| format!("Pace: {}", pace.display(unit)))
    };
    let kinds = Signal::derive(|| {
        RunKind::ALL
            .into_iter()
            .map(|k| (kind_value(k), k.label().to_string()))
            .collect()
    });
    let surfaces = Signal::derive(|| {
        std::iter::once((String::new(), "Not recorded".to_string()))
            .chain(
                Surface::ALL
                    .into_iter()
                    .map(|s| (surface_value(Some(s)), s.label().to_string())),
            )
            .collect()
    });
    let shoes = Signal::derive(move || {
        store.data().with(|data| {
            std::iter::once((String::new(), "No shoe".to_string()))
                .chain(
                    data.shoes
                        .iter()
                        .filter(|shoe| !shoe.retired)
                        .map(|shoe| (shoe.id.to_string(), shoe.name.clone())),
                )
                .collect()
        })
    });
    let error =
        move |pick: fn(&DraftErrors) -> Option<String>| Signal::derive(move || errors.with(pick));
    let heading = move || {
        if log.editing.get().is_some() {
            "Edit run"
        } else {
            "Add a run"
        }
    };

    view! {
        <form class="card" on:submit=save novalidate aria-labelledby="run-form-heading">
            <h2 id="run-form-heading">{heading}</h2>
            <TextField
                id="run-date"
                label="Date"
                input_type="date"
                value=fields.date
                error=error(|e| e.date.clone())
            />
            <div class="actions quick-fill" role="group" aria-label="Quick dates">
                <button type="button" class="button secondary" on:click=move |_| set_date(clock::today())>
                    "Today"
                </button>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| set_date(RunDraft::day_before("", clock::today()))
                >
                    "Yesterday"
                </button>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| {
                        set_date(RunDraft::day_before(&fields.date.get_untracked(), clock::today()))
                    }
                >
                    "A day earlier"
                </button>
            </div>
            <TextField
                id="run-distance"
                label="Distance"
                input_mode="decimal"
                value=fields.distance
                error=error(|e| e.distance.clone())
                hint=Signal::derive(move || Some(format!("In {}, like 5 or 5.2", units().abbreviation())))
            />
            <TextField
                id="run-duration"
                label="Duration"
                // A decimal keypad has "." or ",", which stand for ":" (45.30 is 45:30).
                input_mode="decimal"
                value=fields.duration
                error=error(|e| e.duration.clone())
                hint="Minutes (45), 45:30, 45.30 or 1:02:03".to_string()
            />
            <ShowAny when=has_runs>
                <button type="button" class="button secondary quick-fill" on:click=same_as_last>
                    "Same distance and time as the last run"
                </button>
            </ShowAny>
            <p class="hint" aria-live="polite">{pace}</p>
            <details>
                <summary>"More details (optional)"</summary>
                <SelectField id="run-kind" label="Type" value=fields.kind options=kinds />
                <SelectField id="run-surface" label="Surface" value=fields.surface options=surfaces />
                <SelectField id="run-shoe" label="Shoe" value=fields.shoe options=shoes />
                <TextField
                    id="run-pain-during"
                    label="Pain during (0–10)"
                    input_mode="numeric"
                    value=fields.pain_during
                    error=error(|e| e.pain_during.clone())
                />
                <TextField
                    id="run-pain-after"
                    label="Pain after (0–10)"
                    input_mode="numeric"
                    value=fields.pain_after
                    error=error(|e| e.pain_after.clone())
                />
                <TextField
                    id="run-effort"
                    label="Effort (1 easy – 10 all out)"
                    input_mode="numeric"
                    value=fields.effort
                    error=error(|e| e.effort.clone())
                />
                <TextField
                    id="run-cadence"
                    label="Cadence (steps per minute)"
                    input_mode="numeric"
                    value=fields.cadence
                    error=error(|e| e.cadence.clone())
                />
                <div class="field">
                    <label for="run-notes">"Notes"</label>
                    <textarea
                        id="run-notes"
                        rows="3"
                        prop:value=move || fields.notes.get()
                        on:input=move |ev| fields.notes.set(event_target_value(&ev))
                    ></textarea>
                    <ShowAny when=move || errors.with(|e| e.notes.is_some())>
                        <p class="error-text">{move || errors.with(|e| e.notes.clone())}</p>
                    </ShowAny>
                </div>
            </details>
            <div class="actions">
                <button type="submit" class="button">"Save run"</button>
                <ShowAny when=move || log.editing.get().is_some()>
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| {
                            log.editing.set(None);
                            reset(clock::today());
                            status.set(Some("Edit cancelled; nothing changed.".into()));
                        }
                    >
                        "Cancel edit"
                    </button>
                </ShowAny>
            </div>
            <p role="status" class="status" id="run-form-status">{move || status.get()}</p>
        </form>
    }
    .into_any()
}
