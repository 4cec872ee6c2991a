//! Form fields shared by the screens: a label, a hint, the input, and its message when
//! wrong, announced together to screen readers.

use leptos::prelude::*;

use crate::components::words::{said, use_english};

use crate::components::show::ShowAny;
use crate::domain::form::{Control, Keyboard};

/// Everything one input line needs, with nothing generic: every form field on every
/// screen is drawn by [`field_line`], so it is compiled once.
pub struct FieldLine {
    pub id: &'static str,
    pub label: &'static str,
    pub control: Control,
    pub value: Signal<String>,
    pub on_input: Callback<String>,
    pub error: Signal<Option<String>>,
    pub hint: MaybeProp<String>,
    pub options: Signal<Vec<(String, String)>>,
}

/// A field's `aria-describedby`: its hint and its message, whichever are shown.
fn described_by(
    hint_id: &str,
    error_id: &str,
    hint: MaybeProp<String>,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (hint_id, error_id) = (hint_id.to_string(), error_id.to_string());
    move || {
        let ids: Vec<&str> = [
            hint.get().map(|_| hint_id.as_str()),
            error.get().map(|_| error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A 0–10 score as eleven radios under `legend`; the first radio has the field's id, so a
/// failed save can take the runner there.
pub fn score_line(
    id: &'static str,
    legend: Signal<String>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
    hint: MaybeProp<String>,
) -> AnyView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = described_by(&hint_id, &error_id, hint, error);
    let english = use_english();
    let say = move |text: Option<String>| text.map(|text| english.get().say(&text));
    let scores = (0..=10u8)
        .map(|score| {
            let text = score.to_string();
            let checked = {
                let text = text.clone();
                move || value.with(|v| v.trim() == text)
            };
            let picked = text.clone();
            view! {
                <label class="score">
                    <input
                        type="radio"
                        id=(score == 0).then_some(id)
                        name=id
                        value=text
                        prop:checked=checked
                        on:change=move |_| on_input.run(picked.clone())
                    />
                    <span>{score}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="field"
            aria-invalid=move || error.get().is_some().then_some("true")
            aria-describedby=described_by
        >
            <legend>{move || say(Some(legend.get()))}</legend>
            <ShowAny when=move || hint.get().is_some()>
                <p class="hint" id=hint_id.clone()>{move || say(hint.get())}</p>
            </ShowAny>
            <div class="scores">{scores}</div>
            <ShowAny when=move || error.get().is_some()>
                <p class="error-text" id=error_id.clone()>{move || say(error.get())}</p>
            </ShowAny>
        </fieldset>
    }
    .into_any()
}

/// A label, a hint, the input and its message when wrong, announced together to screen
/// readers.
pub fn field_line(line: FieldLine) -> AnyView {
    let FieldLine {
        id,
        label,
        control,
        value,
        on_input,
        error,
        hint,
        options,
    } = line;
    if control == Control::Score {
        return score_line(
            id,
            Signal::stored(label.to_string()),
            value,
            on_input,
            error,
            hint,
        );
    }
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = described_by(&hint_id, &error_id, hint, error);
    let invalid = move || error.get().is_some().then_some("true");
    let english = use_english();
    let say = move |text: Option<String>| text.map(|text| english.get().say(&text));
    let input = match control {
        Control::Paragraph => view! {
            <textarea
                id=id
                rows="3"
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=invalid
                aria-describedby=described_by
            ></textarea>
        }
        .into_any(),
        Control::Choice => view! {
            <select
                id=id
                prop:value=move || value.get()
                on:change=move |ev| on_input.run(event_target_value(&ev))
            >
                {move || {
                    let chosen = value.get_untracked();
                    options
                        .get()
                        .into_iter()
                        .map(|(option, text)| {
                            let selected = option == chosen;
                            view! {
                                <option value=option selected=selected>
                                    {english.get_untracked().say(&text)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        }
        .into_any(),
        Control::Day | Control::Line(_) | Control::Score => {
            let (input_type, input_mode) = match control {
                Control::Day => ("date", None),
                Control::Line(Keyboard::Decimal) => ("text", Some("decimal")),
                Control::Line(Keyboard::Numeric) => ("text", Some("numeric")),
                _ => ("text", None),
            };
            view! {
                <input
                    id=id
                    type=input_type
                    inputmode=input_mode
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    aria-invalid=invalid
                    aria-describedby=described_by
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field">
            <label for=id>{said(label)}</label>
            <ShowAny when=move || hint.get().is_some()>
                <span class="hint" id=hint_id.clone()>{move || say(hint.get())}</span>
            </ShowAny>
            {input}
            <ShowAny when=move || error.get().is_some()>
                <p class="error-text" id=error_id.clone()>{move || say(error.get())}</p>
            </ShowAny>
        </div>
    }
    .into_any()
}

/// A labelled text-like input bound to a string signal, outside a form draft.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] input_mode: Option<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into, optional)] hint: MaybeProp<String>,
) -> impl IntoView {
    let control = match (input_type, input_mode) {
        ("date", _) => Control::Day,
        (_, Some("decimal")) => Control::Line(Keyboard::Decimal),
        (_, Some("numeric")) => Control::Line(Keyboard::Numeric),
        _ => Control::Line(Keyboard::Text),
    };
    field_line(FieldLine {
        id,
        label,
        control,
        value: value.into(),
        on_input: Callback::new(move |text| value.set(text)),
        error,
        hint,
        options: Signal::default(),
    })
}

/// A labelled select over `(value, label)` options, bound to a string signal.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    field_line(FieldLine {
        id,
        label,
        control: Control::Choice,
        value: value.into(),
        on_input: Callback::new(move |text| value.set(text)),
        error: Signal::default(),
        hint: MaybeProp::default(),
        options,
    })
}

/// A line of values joined by " · " ("28.1 km · 4 runs · 2:52:30"), each value kept whole:
/// a narrow screen breaks the line between values, never inside "28.1 km" or "6:00 /km".
/// The text read out is the line as given.
pub fn values_line(line: &str) -> impl IntoView + use<> {
    let line = use_english().get_untracked().say(line);
    line.split(" · ")
        .enumerate()
        .map(|(i, part)| {
            view! {
                {(i > 0).then_some(" · ")}
                <span class="value">{part.to_string()}</span>
            }
        })
        .collect_view()
}
