//! A form on screen: a domain draft (`domain::form`) in signals, one input line per field,
//! and the submit steps every form shares: check, take the runner to the first marked
//! field, apply the named command, and say what happened in the form's status line.

use leptos::prelude::*;

use crate::components::fields::{field_line, FieldLine};
use crate::components::status::Said;
use crate::domain::form::{Field, FieldErrors, Typed};
use crate::platform::document::{focus_field, reveal};
use crate::store::StoreError;

/// A form's text, its marked fields and its status.
pub struct FormState<F: Field + Send + Sync> {
    pub typed: RwSignal<Typed<F>>,
    pub errors: RwSignal<FieldErrors<F>>,
    pub said: RwSignal<Option<Said>>,
    /// The id of its status line, scrolled into view after a save.
    pub status_id: &'static str,
}

impl<F: Field + Send + Sync> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Field + Send + Sync> Copy for FormState<F> {}

impl<F: Field + Send + Sync> FormState<F> {
    pub fn new(typed: Typed<F>, status_id: &'static str) -> Self {
        FormState {
            typed: RwSignal::new(typed),
            errors: RwSignal::new(FieldErrors::default()),
            said: RwSignal::new(None),
            status_id,
        }
    }

    /// A form that speaks through a status line it shares with the card it sits in.
    pub fn speaking_to(said: RwSignal<Option<Said>>, status_id: &'static str) -> Self {
        FormState {
            typed: RwSignal::new(Typed::default()),
            errors: RwSignal::new(FieldErrors::default()),
            said,
            status_id,
        }
    }

    /// Replaces what is typed and clears the marks (the status stays).
    pub fn fill(&self, typed: Typed<F>) {
        self.typed.set(typed);
        self.errors.set(FieldErrors::default());
    }

    pub fn set(&self, field: F, text: impl Into<String>) {
        let text = text.into();
        self.typed.update(|typed| typed.set(field, text));
    }

    pub fn say(&self, said: Said) {
        self.said.set(Some(said));
    }

    /// The submit steps: with fields marked, nothing is applied, the first is focused and
    /// the status says so; otherwise `save` applies the checked draft and its status (or
    /// the store's reason) is shown. Returns whether it was kept, for the form to reset.
    pub fn submit<T>(
        &self,
        checked: Result<T, FieldErrors<F>>,
        save: impl FnOnce(T) -> Result<Said, StoreError>,
    ) -> bool {
        match checked {
            Err(errors) => {
                if let Some(field) = errors.first() {
                    focus_field(field.input_id());
                }
                self.errors.set(errors);
                self.say(Said::CheckTheMarkedFields);
                false
            }
            Ok(value) => {
                self.errors.set(FieldErrors::default());
                match save(value) {
                    Ok(said) => {
                        self.say(said);
                        reveal(self.status_id);
                        true
                    }
                    // What was typed stays in the form; the banner at the top says why too.
                    Err(error) => {
                        self.say(Said::not_saved(error));
                        false
                    }
                }
            }
        }
    }
}

/// One field of a form, drawn as its draft declares it.
#[component]
pub fn Input<F: Field + Send + Sync>(
    form: FormState<F>,
    field: F,
    #[prop(into, optional)] hint: MaybeProp<String>,
    /// The choices of a choice field.
    #[prop(into, optional)]
    options: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    field_line(FieldLine {
        id: field.input_id(),
        label: field.label(),
        control: field.control(),
        value: Signal::derive(move || form.typed.with(|typed| typed.get(field).to_string())),
        on_input: Callback::new(move |text: String| form.set(field, text)),
        error: Signal::derive(move || form.errors.with(|e| e.of(field).map(str::to_string))),
        hint,
        options: options.unwrap_or_default(),
    })
}
