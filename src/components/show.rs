//! `ShowAny`: leptos's `<Show>` with its children and condition type-erased, compiled once.
//!
//! Leptos's `Show` is generic over its condition and its children's view type, so each of the
//! app's twenty-odd uses compiled its own memo, render effect and `Either` state for the
//! page's wasm. This one takes the same props and behaves the same way (the condition is
//! memoized, so the children are built again only when it flips; the fallback defaults to
//! nothing), but boxes the condition and takes `ChildrenFn`, so only a few lines per use are
//! generic.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

/// Shows `children` while `when` is true and `fallback` (nothing, by default) otherwise.
#[component(transparent)]
pub fn ShowAny<W>(
    children: ChildrenFn,
    when: W,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView
where
    W: Fn() -> bool + Send + Sync + 'static,
{
    show(Arc::new(when), children, fallback)
}

/// The part that does not depend on the caller's types, so it is compiled once.
fn show(
    when: Arc<dyn Fn() -> bool + Send + Sync>,
    children: ChildrenFn,
    fallback: ViewFn,
) -> impl IntoView + use<> {
    let memoized_when = ArcMemo::new(move |_| when());
    move || {
        if memoized_when.get() {
            Either::Left(children())
        } else {
            Either::Right(fallback.run())
        }
    }
}
