//! The screens fetched the first time they are opened rather than with the app: Log,
//! Recovery, Settings and the clinician summary. The page's release build (index.html turns on the `split-screens`
//! feature for it) splits each into its own wasm file (scripts/tools/wasm-bindgen runs
//! wasm-split before wasm-bindgen), so a first visit to Home or the knee check downloads none
//! of their code; the service worker then precaches them for offline use. Debug builds, the
//! browser tests and the import worker keep them in one module: a split point is an exported
//! symbol, which would otherwise pull the screens into every wasm the library is in.
//!
//! A screen that cannot be fetched (offline before the first visit finished caching, say)
//! shows a message in words, and opening it again tries again: the loader keeps no failure.

use leptos::prelude::*;

use crate::components::words::said;
use leptos_router::LazyRoute;

use crate::pages::{
    log::LogPage, recovery::RecoveryPage, settings::SettingsPage, summary::SummaryPage,
};
use crate::platform::document;

/// Declares one screen's split point and the route that loads it.
macro_rules! on_demand_screen {
    ($route:ident, $loader:ident, $page:ident) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                $loader().await.unwrap_or_else(|_| not_loaded())
            }
        }

        #[cfg(all(feature = "split-screens", not(debug_assertions)))]
        #[wasm_split_helpers::wasm_split($loader, fallible)]
        fn $loader() -> Result<AnyView, wasm_split_helpers::SplitLoaderError> {
            Ok(view! { <$page /> }.into_any())
        }

        #[cfg(not(all(feature = "split-screens", not(debug_assertions))))]
        async fn $loader() -> Result<AnyView, ()> {
            Ok(view! { <$page /> }.into_any())
        }
    };
}

on_demand_screen!(LogRoute, log_screen, LogPage);
on_demand_screen!(RecoveryRoute, recovery_screen, RecoveryPage);
on_demand_screen!(SettingsRoute, settings_screen, SettingsPage);
on_demand_screen!(SummaryRoute, summary_screen, SummaryPage);

/// What a screen that could not be fetched shows instead.
fn not_loaded() -> AnyView {
    document::set_title("Screen not loaded");
    view! {
        <section class="card error" role="alert">
            <h1>{said("This screen could not be loaded")}</h1>
            <p>
                {said("Patella fetches this screen the first time you open it, and it could not be \
                 fetched just now. Connect to the internet and open it again. Your saved data \
                 is not affected.")}
            </p>
        </section>
    }
    .into_any()
}
