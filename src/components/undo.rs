//! The parts every deletable list shares: a row's Delete button, named for its row, and the
//! "Deleted … Undo" notice shown while a deletion can still be taken back.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::show::ShowAny;

/// A row's small Delete button; `label` names the row for screen readers.
#[component]
pub fn DeleteButton(label: String, on_delete: Callback<()>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button secondary small"
            aria-label=label
            on:click=move |_| on_delete.run(())
        >
            {said("Delete")}
        </button>
    }
}

/// "Deleted the run of … Undo", while `message` is `Some`. The button carries `button_id` so
/// focus can move to it after a deletion, where the next row's Delete would otherwise be.
#[component]
pub fn UndoNotice(
    message: Signal<Option<String>>,
    button_id: &'static str,
    on_undo: Callback<()>,
) -> impl IntoView {
    view! {
        <ShowAny when=move || message.with(Option::is_some)>
            <div class="undo" role="status">
                {move || message.get().map(|text| format!("{text} "))}
                <button type="button" id=button_id class="button secondary" on:click=move |_| on_undo.run(())>
                    {said("Undo")}
                </button>
            </div>
        </ShowAny>
    }
}
