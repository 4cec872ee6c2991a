//! `ForAny`: leptos's keyed `<For>` with its rows type-erased, so its list code is compiled
//! once per key type instead of once per use.
//!
//! Leptos's `For` is generic over the list, the item, the key function and the row's view,
//! so each use compiled its own keyed diff (an index set of keys, moves, inserts). This one
//! takes the same props and keeps `For`'s behaviour (rows keyed, a row's view built once, in
//! its own reactive owner, when its key first appears), but turns each item into its key and
//! a boxed function that builds the row, and hands those to one `For` per key type.

use std::hash::Hash;

use leptos::prelude::*;
use leptos::tachys::view::keyed::SerializableKey;

/// One row as the shared `For` sees it: its key, and what builds its view if it is new.
struct Row<K> {
    key: K,
    build: Box<dyn FnOnce() -> AnyView + Send>,
}

/// A keyed list: `children` builds the view of each item of `each` whose `key` is new.
#[component(transparent)]
pub fn ForAny<IF, I, T, KF, K, EF, N>(each: IF, key: KF, children: EF) -> impl IntoView
where
    IF: Fn() -> I + Send + Sync + 'static,
    I: IntoIterator<Item = T>,
    T: Send + 'static,
    KF: Fn(&T) -> K + Send + Sync + 'static,
    K: Eq + Hash + SerializableKey + Send + Sync + Clone + 'static,
    EF: Fn(T) -> N + Send + Sync + Clone + 'static,
    N: IntoView + 'static,
{
    let rows = move || {
        each()
            .into_iter()
            .map(|item| {
                let children = children.clone();
                Row {
                    key: key(&item),
                    build: Box::new(move || children(item).into_any()),
                }
            })
            .collect::<Vec<_>>()
    };
    keyed_rows(Box::new(rows))
}

/// The part that depends only on the key type.
fn keyed_rows<K>(rows: Box<dyn Fn() -> Vec<Row<K>> + Send + Sync>) -> impl IntoView + use<K>
where
    K: Eq + Hash + SerializableKey + Send + Sync + Clone + 'static,
{
    let key = |row: &Row<K>| row.key.clone();
    let build = |row: Row<K>| (row.build)();
    view! { <For each=move || rows() key=key children=build /> }
}
