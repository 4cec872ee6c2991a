//! A form on screen: a domain draft (`domain::form`) in signals, one input line per field,
//! and the submit steps every form shares: check, take the runner to the first marked
//! field, apply the named command, and say what happened in the form's status line.

use leptos::prelude::*;

use crate::components::fields::{field_line, FieldLine};
use crate::components::status::Said;
use crate::domain::form::{Field, FieldErrors, Typed};
use crate::platform::document::{focus_field, reveal};
use crate::store::StoreError;

/// A form's text, its marked fields and its status. The signals hold plain texts and
/// messages by the field's place, so the code that draws and updates them is compiled once
/// for every form; `F` only names the fields at the edges.
pub struct FormState<F: Field + Send + Sync> {
    texts: RwSignal<Vec<String>>,
    marks: RwSignal<Marks>,
    pub said: RwSignal<Option<Said>>,
    /// The id of its status line, scrolled into view after a save.
    pub status_id: &'static str,
    fields: std::marker::PhantomData<fn() -> F>,
}

impl<F: Field + Send + Sync> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Field + Send + Sync> Copy for FormState<F> {}

impl<F: Field + Send + Sync> FormState<F> {
    pub fn new(typed: Typed<F>, status_id: &'static str) -> Self {
        Self::speaking_to(RwSignal::new(None), status_id).filled(typed)
    }

    /// A form that speaks through a status line it shares with the card it sits in.
    pub fn speaking_to(said: RwSignal<Option<Said>>, status_id: &'static str) -> Self {
        FormState {
            texts: RwSignal::new(Typed::<F>::default().into_texts()),
            marks: RwSignal::new(Vec::new()),
            said,
            status_id,
            fields: std::marker::PhantomData,
        }
    }

    fn filled(self, typed: Typed<F>) -> Self {
        self.fill(typed);
        self
    }

    /// What is typed now, as the draft (tracked: a view that reads it follows the typing).
    pub fn draft(&self) -> Typed<F> {
        Typed::from_texts(self.texts.get())
    }

    pub fn draft_untracked(&self) -> Typed<F> {
        Typed::from_texts(self.texts.get_untracked())
    }

    /// One field's text, as a signal.
    pub fn text(&self, field: F) -> Signal<String> {
        text_at(self.texts, field.index())
    }

    /// One field's message while it is marked wrong.
    pub fn error(&self, field: F) -> Signal<Option<String>> {
        error_at(self.marks, field.index())
    }

    /// Replaces what is typed and clears the marks (the status stays).
    pub fn fill(&self, typed: Typed<F>) {
        self.texts.set(typed.into_texts());
        self.marks.set(Vec::new());
    }

    pub fn set(&self, field: F, text: impl Into<String>) {
        set_at(self.texts, field.index(), text.into());
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
        let refused = checked
            .as_ref()
            .err()
            .map(|errors| (errors.first().map(Field::input_id), errors.by_index()));
        submit_steps(
            self.marks,
            self.said,
            self.status_id,
            refused,
            || match checked {
                Ok(value) => save(value),
                Err(_) => Ok(Said::CheckTheMarkedFields),
            },
        )
    }
}

/// Each wrong field's place and message.
type Marks = Vec<(usize, String)>;

/// A refused draft, as the submit steps take it: the first wrong field's input id, and the
/// marks.
type Refused = (Option<&'static str>, Marks);

/// The part of the submit steps that does not depend on the form.
fn submit_steps(
    marks: RwSignal<Marks>,
    said: RwSignal<Option<Said>>,
    status_id: &'static str,
    refused: Option<Refused>,
    save: impl FnOnce() -> Result<Said, StoreError>,
) -> bool {
    if let Some((first, found)) = refused {
        if let Some(id) = first {
            focus_field(id);
        }
        marks.set(found);
        said.set(Some(Said::CheckTheMarkedFields));
        return false;
    }
    marks.set(Vec::new());
    match save() {
        Ok(done) => {
            said.set(Some(done));
            reveal(status_id);
            true
        }
        // What was typed stays in the form; the banner at the top says why too.
        Err(error) => {
            said.set(Some(Said::not_saved(error)));
            false
        }
    }
}

fn text_at(texts: RwSignal<Vec<String>>, index: usize) -> Signal<String> {
    Signal::derive(move || texts.with(|t| t.get(index).cloned().unwrap_or_default()))
}

fn error_at(marks: RwSignal<Marks>, index: usize) -> Signal<Option<String>> {
    Signal::derive(move || {
        marks.with(|m| {
            m.iter()
                .find(|(at, _)| *at == index)
                .map(|(_, message)| message.clone())
        })
    })
}

fn set_at(texts: RwSignal<Vec<String>>, index: usize, text: String) {
    texts.update(|t| {
        if let Some(slot) = t.get_mut(index) {
            *slot = text;
        }
    });
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
    let (texts, index) = (form.texts, field.index());
    field_line(FieldLine {
        id: field.input_id(),
        label: field.label(),
        control: field.control(),
        value: text_at(texts, index),
        on_input: Callback::new(move |text: String| set_at(texts, index, text)),
        error: error_at(form.marks, index),
        hint,
        options: options.unwrap_or_default(),
    })
}
