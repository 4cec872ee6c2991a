//! Form fields shared by the screens: a label, a hint, the input, and its message when
//! wrong, announced together to screen readers.

use leptos::prelude::*;

use crate::components::show::ShowAny;

/// A labelled text-like input bound to a string signal.
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
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
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
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <ShowAny when=move || hint.get().is_some()>
                <span class="hint" id=hint_id.clone()>{move || hint.get()}</span>
            </ShowAny>
            <input
                id=id
                type=input_type
                inputmode=input_mode
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            <ShowAny when=move || error.get().is_some()>
                <p class="error-text" id=error_id.clone()>{move || error.get()}</p>
            </ShowAny>
        </div>
    }
}

/// A labelled select over `(value, label)` options, bound to a string signal.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(option, text)| {
                            let selected = option == value.get_untracked();
                            view! {
                                <option value=option selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A line of values joined by " · " ("28.1 km · 4 runs · 2:52:30"), each value kept whole:
/// a narrow screen breaks the line between values, never inside "28.1 km" or "6:00 /km".
/// The text read out is the line as given.
pub fn values_line(line: &str) -> impl IntoView + use<> {
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
