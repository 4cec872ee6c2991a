//! The run form: date (today at first, then the last date saved, with Today, Yesterday and
//! A day earlier a tap away), distance and duration (or the last run's), then Save run. Type,
//! surface, shoe, pain, effort, cadence and notes are folded away. Also edits a run.
//! The fields, their checks and their words are the draft's (`domain::run_draft`).

use leptos::prelude::*;

use crate::components::words::{said, saying};

use super::LogState;
use crate::components::form::{FormState, Input};
use crate::components::show::ShowAny;
use crate::components::status::{Said, StatusLine};
use crate::domain::commands::Command;
use crate::domain::form::Field;
use crate::domain::records::RecordId;
use crate::domain::run_draft::{RunDraft, RunField};
use crate::platform::clock;
use crate::platform::document::focus_field;
use crate::store::{use_store, AppStore};
use chrono::NaiveDate;

#[component]
pub fn RunForm() -> impl IntoView {
    let (Some(store), Some(log)) = (use_store(), use_context::<LogState>()) else {
        return ().into_any();
    };
    let form = FormState::new(RunDraft::default(), "run-form-status");
    let default_shoe = move || {
        store
            .data()
            .with_untracked(|d| d.settings.default_shoe.clone())
    };
    // After a save the date stays: past runs are logged one after another.
    let reset = move |date| form.fill(RunDraft::new(date, default_shoe()));
    reset(clock::today());
    follow_default_shoe(store, log, form);
    fill_when_editing(store, log, form);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save_run(store, log.editing.get_untracked(), form, reset) {
            log.editing.set(None);
        }
    };
    let cancel_edit = move |_| {
        log.editing.set(None);
        reset(clock::today());
        form.say(Said::Note("Edit stopped; nothing changed.".into()));
    };
    let units = move || store.data().with(|data| data.settings.units);
    let hint = move |field| Signal::derive(move || RunDraft::hint(field, units()));
    let options = move |field| {
        Signal::derive(move || store.data().with(|d| RunDraft::options(field, &d.shoes)))
    };
    let editing = move || log.editing.get().is_some();

    view! {
        <form class="card" on:submit=save novalidate aria-labelledby="run-form-heading">
            <h2 id="run-form-heading">{saying(move || if editing() { "Edit run" } else { "Add a run" }.to_string())}</h2>
            <Input form field=RunField::Date />
            <QuickDates form />
            <Input form field=RunField::Distance hint=hint(RunField::Distance) />
            <Input form field=RunField::Duration hint=hint(RunField::Duration) />
            <SameAsLast store form />
            <details>
                <summary>{said("More details (optional)")}</summary>
                <Input form field=RunField::Kind options=options(RunField::Kind) />
                <Input form field=RunField::Surface options=options(RunField::Surface) />
                <Input form field=RunField::Shoe options=options(RunField::Shoe) />
                <Input form field=RunField::PainDuring />
                <Input form field=RunField::PainAfter />
                <Input form field=RunField::Effort />
                <Input form field=RunField::Cadence />
                <Input form field=RunField::Title hint=hint(RunField::Title) />
                <Input form field=RunField::Notes />
            </details>
            <div class="actions">
                <button type="submit" class="button">{said("Save run")}</button>
                <ShowAny when=editing>
                    <button type="button" class="button secondary" on:click=cancel_edit>{said("Cancel edit")}</button>
                </ShowAny>
            </div>
            <StatusLine said=form.said id="run-form-status" />
        </form>
    }
    .into_any()
}

/// Checks the form and saves the run (a new one, or the one being edited); whether it was
/// kept. After a save the date stays: past runs are logged one after another.
fn save_run(
    store: AppStore,
    editing: Option<RecordId>,
    form: FormState<RunField>,
    reset: impl Fn(NaiveDate),
) -> bool {
    let unit = store.data().with_untracked(|data| data.settings.units);
    let today = clock::today();
    let checked = form.draft_untracked().check(unit, today);
    form.submit(checked, |checked| {
        let (date, summary) = (
            checked.date,
            checked.summary(unit, store.dates_untracked(), today),
        );
        let id = editing.clone().unwrap_or_else(clock::new_id);
        let now = clock::now();
        store.apply(Command::SaveRun {
            id,
            checked,
            unit,
            now,
        })?;
        reset(date);
        Ok(match editing {
            Some(_) => Said::Updated(summary),
            None => Said::Saved(summary),
        })
    })
}

/// "Same distance and time as the last run", and the pace of what is typed.
#[component]
fn SameAsLast(store: AppStore, form: FormState<RunField>) -> impl IntoView {
    let units = move || store.data().with(|data| data.settings.units);
    let copy = move |_| {
        if let Some(last) = store.data().with(|data| data.latest_run().cloned()) {
            let last = RunDraft::from_run(&last, units());
            form.set(RunField::Distance, last.get(RunField::Distance));
            form.set(RunField::Duration, last.get(RunField::Duration));
        }
    };
    let pace = move || {
        let unit = units();
        let pace = form.draft().pace(unit)?;
        Some(format!("Pace: {}", pace.display(unit)))
    };
    view! {
        <ShowAny when=move || store.data().with(|data| !data.runs.is_empty())>
            <button type="button" class="button secondary quick-fill" on:click=copy>
                {said("Same distance and time as the last run")}
            </button>
        </ShowAny>
        <p class="hint" aria-live="polite">{pace}</p>
    }
}

/// Today, Yesterday and A day earlier, for the date field.
#[component]
fn QuickDates(form: FormState<RunField>) -> impl IntoView {
    let set = move |date: chrono::NaiveDate| form.set(RunField::Date, date.to_string());
    let earlier = move |_| {
        let typed = form.text(RunField::Date).get_untracked();
        set(RunDraft::day_before(&typed, clock::today()));
    };
    view! {
        <div class="actions quick-fill" role="group" aria-label="Quick dates">
            <button type="button" class="button secondary" on:click=move |_| set(clock::today())>{said("Today")}</button>
            <button type="button" class="button secondary" on:click=move |_| set(RunDraft::day_before("", clock::today()))>
                {said("Yesterday")}
            </button>
            <button type="button" class="button secondary" on:click=earlier>{said("A day earlier")}</button>
        </div>
    }
}

/// A new default shoe (the first pair added, or one chosen in Shoes) applies to the next run.
fn follow_default_shoe(store: AppStore, log: LogState, form: FormState<RunField>) {
    Effect::new(move |previous: Option<Option<RecordId>>| {
        let default = store.data().with(|data| data.settings.default_shoe.clone());
        if previous.is_some() && log.editing.get_untracked().is_none() {
            form.set(
                RunField::Shoe,
                default
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
        }
        default
    });
}

/// Choosing Edit on a run fills the form with it.
fn fill_when_editing(store: AppStore, log: LogState, form: FormState<RunField>) {
    Effect::new(move |_| {
        let Some(id) = log.editing.get() else {
            return;
        };
        let unit = store.data().with_untracked(|data| data.settings.units);
        let run = store
            .data()
            .with_untracked(|data| data.runs.iter().find(|run| run.id == id).cloned());
        if let Some(run) = run {
            form.fill(RunDraft::from_run(&run, unit));
            let day = store.dates_untracked().day_as_of(run.date, clock::today());
            form.say(Said::Editing(format!("the run of {day}")));
            // The form is at the top of the screen, the Edit button far below it.
            focus_field(RunField::Distance.input_id());
        }
    });
}
