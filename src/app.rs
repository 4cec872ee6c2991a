//! The app shell: router, header, navigation and the error boundary around every screen.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

use crate::app_base::AppBase;
use crate::components::{
    app_header::AppHeader, bottom_nav::BottomNav, storage_notices::StorageNotices,
};
use crate::pages::on_demand::{LogRoute, RecoveryRoute, SettingsRoute, SummaryRoute};
use crate::pages::{home::HomePage, knee_check::KneeCheckPage, not_found::NotFoundPage};
use crate::platform::document;
use crate::store::AppStore;

#[component]
pub fn App() -> impl IntoView {
    let base = document::router_base();
    provide_context(AppBase(base.clone()));
    let store = AppStore::start();
    provide_context(store);
    crate::components::words::provide_english();
    let english = crate::components::words::use_english();
    Effect::new(move || crate::platform::locale::set_page_language(english.get()));
    provide_context(crate::platform::service_worker::start());
    view! {
        <Router base=base>
            <AppHeader />
            <main id="main" class="page" tabindex="-1">
                <StorageNotices />
                <crate::components::update_banner::UpdateBanner />
                <crate::components::update_banner::UpdatedNote />
                <ErrorBoundary fallback=|errors| {
                    view! { <ScreenError errors=errors /> }
                }>
                    <Routes fallback=|| view! { <NotFoundPage /> }>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/knee-check") view=KneeCheckPage />
                        <Route path=path!("/log") view={Lazy::<LogRoute>::new()} />
                        <Route path=path!("/recovery") view={Lazy::<RecoveryRoute>::new()} />
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                        <Route path=path!("/summary") view={Lazy::<SummaryRoute>::new()} />
                    </Routes>
                </ErrorBoundary>
            </main>
            <BottomNav />
        </Router>
    }
}

/// Shown in place of a screen that returned an error, so the rest of the app keeps working.
#[component]
fn ScreenError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| view! { <li>{error.to_string()}</li> })
            .collect_view()
    };
    view! {
        <section class="card error" role="alert">
            <h1>"This screen could not be shown"</h1>
            <p>"Your saved data is not affected. Try another screen, or reload the app."</p>
            <ul>{messages}</ul>
        </section>
    }
}
