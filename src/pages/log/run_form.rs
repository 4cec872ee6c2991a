//! The quick run form: date (today by default), distance and duration, then Save run.

use leptos::prelude::*;

use crate::domain::records::Run;
use crate::domain::run_draft::{DraftErrors, RunDraft};
use crate::domain::schema::Collection;
use crate::platform::clock;
use crate::store::AppStore;

#[component]
pub fn RunForm() -> impl IntoView {
    let Some(store) = use_context::<AppStore>() else {
        return ().into_any();
    };
    let date = RwSignal::new(clock::today().to_string());
    let distance = RwSignal::new(String::new());
    let duration = RwSignal::new(String::new());
    let errors = RwSignal::new(DraftErrors::default());
    let status = RwSignal::new(None::<String>);
    let units = move || store.data().with(|data| data.settings.units);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = RunDraft {
            date: date.get_untracked(),
            distance: distance.get_untracked(),
            duration: duration.get_untracked(),
        };
        let unit = units();
        let checked = match draft.check(unit, clock::today()) {
            Ok(checked) => checked,
            Err(found) => {
                errors.set(found);
                status.set(Some("Nothing was saved: check the marked fields.".into()));
                return;
            }
        };
        errors.set(DraftErrors::default());
        let run = Run {
            id: clock::new_id(),
            updated_at: clock::now(),
            date: checked.date,
            distance: checked.distance,
            duration: checked.duration,
            kind: Default::default(),
            surface: None,
            shoe_id: None,
            pain_during: None,
            pain_after: None,
            effort: None,
            cadence_spm: None,
            notes: String::new(),
        };
        match store.change(&[Collection::Runs], |data| data.runs.push(run)) {
            Ok(()) => {
                status.set(Some(format!(
                    "Saved: {} in {} on {}.",
                    checked.distance.display(unit),
                    checked.duration.display(),
                    checked.date
                )));
                distance.set(String::new());
                duration.set(String::new());
            }
            // The typed values stay in the form so nothing is lost; the banner says why.
            Err(reason) => status.set(Some(format!("Not saved. {reason}"))),
        }
    };

    view! {
        <form class="card" on:submit=save novalidate>
            <h2>"Add a run"</h2>
            <Field
                id="run-date"
                label="Date"
                input_type="date"
                value=date
                error=Signal::derive(move || errors.get().date)
                hint=Signal::derive(|| None)
            />
            <Field
                id="run-distance"
                label="Distance"
                input_type="text"
                value=distance
                error=Signal::derive(move || errors.get().distance)
                hint=Signal::derive(move || Some(format!("In {}, like 5 or 5.2", units().abbreviation())))
            />
            <Field
                id="run-duration"
                label="Duration"
                input_type="text"
                value=duration
                error=Signal::derive(move || errors.get().duration)
                hint=Signal::derive(|| Some("Minutes (45), 45:30 or 1:02:03".to_string()))
            />
            <button type="submit" class="button">"Save run"</button>
            <p role="status" class="status">{move || status.get()}</p>
        </form>
    }
    .into_any()
}

/// A labelled input with its hint and, when wrong, its message, both announced with it.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    input_type: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    hint: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.get().is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <Show when=move || hint.get().is_some()>
                <span class="hint" id=hint_id.clone()>{move || hint.get()}</span>
            </Show>
            <input
                id=id
                type=input_type
                inputmode=(input_type == "text").then_some("decimal")
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            <Show when=move || error.get().is_some()>
                <p class="error-text" id=error_id.clone()>{move || error.get()}</p>
            </Show>
        </div>
    }
}
