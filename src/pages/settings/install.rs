//! Install Patella: a quiet button where the browser offers installation, the steps for
//! every device (this one's first) with why they keep the runner's data, and which version
//! this copy is.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::install_button::InstallButton;
use crate::domain::content::welcome::WHY_HOME_SCREEN;
use crate::platform::install;
use crate::platform::service_worker;

#[component]
pub fn InstallSection() -> impl IntoView {
    let version = service_worker::build_info().map(|info| {
        let version = if info.version.is_empty() {
            String::new()
        } else {
            format!("Version {} · ", info.version)
        };
        format!("{version}build {}. Works offline once opened.", info.build)
    });

    view! {
        <section class="card install" aria-labelledby="install-heading">
            <h2 id="install-heading">{said("Install Patella")}</h2>
            <p>
                {said("Installed, Patella opens from your home screen like any other app and works \
                 with no signal at all, on a trail or in a basement.")}
            </p>
            <InstallButton />
            <p>{said(WHY_HOME_SCREEN)}</p>
            <ul class="hint">
                {install::device().all_steps().map(|steps| view! { <li>{said(steps)}</li> }).collect_view()}
            </ul>
            {version.map(|text| view! { <p class="hint app-version">{said(text)}</p> })}
        </section>
    }
}
