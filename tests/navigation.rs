//! The app shell mounted in a real browser: the bottom navigation reaches every screen.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{all, link_named, text_of, wait_until};
use patella::routes::Destination;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn bottom_navigation_reaches_every_destination() {
    leptos::mount::mount_to_body(patella::App);

    let nav_names: Vec<String> = all("nav[aria-label='Main'] a")
        .iter()
        .map(|link| link.text_content().unwrap_or_default().trim().to_string())
        .collect();
    assert_eq!(
        nav_names,
        ["Home", "Knee check", "Log", "Recovery", "Settings"]
    );

    for destination in Destination::ALL {
        link_named("nav[aria-label='Main']", destination.label()).click();
        wait_until(
            &format!("the {} heading shows", destination.label()),
            || text_of("main h1").as_deref() == Some(destination.label()),
        )
        .await;

        let current: Vec<String> = all("nav[aria-label='Main'] a[aria-current='page']")
            .iter()
            .map(|link| link.text_content().unwrap_or_default().trim().to_string())
            .collect();
        assert_eq!(
            current,
            [destination.label()],
            "only the open screen is marked current"
        );
        assert_eq!(
            text_of("main .purpose").as_deref(),
            Some(destination.purpose()),
            "each screen says what it is for"
        );
        assert_eq!(
            browser_support::document().title(),
            format!("{} · Patella", destination.label())
        );
    }
}
