//! The runner's shoes: add a pair with the distance already on it, choose the default for
//! new runs, retire a pair. Each shoe's total comes from its runs.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::form::{FormState, Input};
use crate::components::show::ShowAny;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::commands::Command;
use crate::domain::decimals;
use crate::domain::records::RecordId;
use crate::domain::run_draft::{ShoeDraft, ShoeField};
use crate::domain::shoes::{self, ShoeStatus};
use crate::platform::clock;
use crate::store::use_store;

#[component]
pub fn Shoes() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let form = FormState::new(ShoeDraft::default(), "shoe-status");
    let units = move || store.data().with(|data| data.settings.units);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked =
            form.draft_untracked()
                .check(units(), clock::today(), clock::new_id(), clock::now());
        form.submit(checked, |shoe| {
            let name = shoe.name.clone();
            store.apply(Command::AddShoe(shoe))?;
            form.fill(ShoeDraft::default());
            Ok(Said::Added(name))
        });
    };

    let set_default = move |id: RecordId| {
        let kept = store.apply(Command::SetDefaultShoe {
            id,
            now: clock::now(),
        });
        form.said.set(Said::after(kept, Attempt::Save, || None));
    };
    let retire = move |id: RecordId| {
        let kept = store.apply(Command::RetireShoe {
            id,
            now: clock::now(),
        });
        form.said.set(Said::after(kept, Attempt::Save, || None));
    };

    let rows = move || {
        store.data().with(|data| {
            let unit = data.settings.units;
            let mut wear =
                shoes::shoe_report(&data.shoes, &data.runs, &data.settings, clock::today()).shoes;
            wear.sort_by_key(|shoe| shoe.retired);
            wear.into_iter()
                .map(|shoe| {
                    let text = format!(
                        "{}: {}{}{}",
                        shoe.name,
                        shoes::whole_distance(shoe.total, unit),
                        if shoe.is_default { " · default" } else { "" },
                        if shoe.retired {
                            " · retired".to_string()
                        } else {
                            match shoe.status {
                                ShoeStatus::Fine => String::new(),
                                status => format!(
                                    " · {} ({}% of {})",
                                    status.label(),
                                    decimals::fixed(
                                        (shoe.fraction_of_threshold * 100.0).floor(),
                                        0
                                    ),
                                    shoes::whole_distance(data.settings.shoe_threshold, unit)
                                ),
                            }
                        }
                    );
                    (shoe, text)
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section id="shoes" class="card" aria-labelledby="shoes-heading">
            <h2 id="shoes-heading">{said("Shoes")}</h2>
            <ul class="shoe-list">
                {move || {
                    rows()
                        .into_iter()
                        .map(|(shoe, text)| {
                            let is_default = shoe.is_default;
                            let (default_id, retire_id) = (shoe.id.clone(), shoe.id.clone());
                            let active = !shoe.retired;
                            let default_label = format!("Make {} the default", shoe.name);
                            let retire_label = format!("Retire {}", shoe.name);
                            view! {
                                <li>
                                    <span>{said(text)}</span>
                                    <ShowAny when=move || active && !is_default>
                                        <button
                                            type="button"
                                            class="button secondary small"
                                            aria-label=default_label.clone()
                                            on:click={
                                                let id = default_id.clone();
                                                move |_| set_default(id.clone())
                                            }
                                        >
                                            {said("Make default")}
                                        </button>
                                    </ShowAny>
                                    <ShowAny when=move || active>
                                        <button
                                            type="button"
                                            class="button secondary small"
                                            aria-label=retire_label.clone()
                                            on:click={
                                                let id = retire_id.clone();
                                                move |_| retire(id.clone())
                                            }
                                        >
                                            {said("Retire")}
                                        </button>
                                    </ShowAny>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form on:submit=add novalidate aria-label="Add shoes">
                <Input form field=ShoeField::Name />
                <Input
                    form
                    field=ShoeField::StartDistance
                    hint=Signal::derive(move || Some(format!("In {}", units().abbreviation())))
                />
                <button type="submit" class="button">{said("Add shoes")}</button>
            </form>
            <StatusLine said=form.said id="shoe-status" />
        </section>
    }
    .into_any()
}
