//! Where the app is served from, as every component sees it: [`AppBase`], provided once by
//! the shell, and the links to destinations built from it ([`use_href`]). The pure rules
//! (reading `<base href>`, joining paths) are in `routes.rs`.

use leptos::prelude::*;

use crate::routes::{self, Destination};

/// Where the app is served from, as the router sees it: "" at the root, "/patella" below it.
/// Provided through context so every link is built from it.
#[derive(Clone, Debug, Default)]
pub struct AppBase(pub String);

impl AppBase {
    /// The full address of `destination` under this base ("/patella/log").
    pub fn href(&self, destination: Destination) -> String {
        routes::href(&self.0, destination.path())
    }

    /// The clinician summary's address under this base.
    pub fn summary_href(&self) -> String {
        routes::href(&self.0, routes::SUMMARY_PATH)
    }
}

/// The base the shell provided; the site root when none was (a component mounted alone).
pub fn use_base() -> AppBase {
    use_context::<AppBase>().unwrap_or_default()
}

/// The address of `destination` under the app's base, for a link.
pub fn use_href(destination: Destination) -> String {
    use_base().href(destination)
}
