//! The app's destinations and how their addresses are built under a base path.
//!
//! The app may be served at `/` or under a sub-path such as `/patella/` (a GitHub Pages
//! project site). leptos_router matches routes under its `base`, but an `<A href="/log">`
//! is used as written, so every link is built here from the base, in one place.

/// One of the five places the bottom navigation leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    Home,
    KneeCheck,
    Log,
    Recovery,
    Settings,
}

impl Destination {
    /// In the order the navigation bar shows them, left to right.
    pub const ALL: [Destination; 5] = [
        Destination::Home,
        Destination::KneeCheck,
        Destination::Log,
        Destination::Recovery,
        Destination::Settings,
    ];

    /// The path below the base, always starting with `/`.
    pub fn path(self) -> &'static str {
        match self {
            Destination::Home => "/",
            Destination::KneeCheck => "/knee-check",
            Destination::Log => "/log",
            Destination::Recovery => "/recovery",
            Destination::Settings => "/settings",
        }
    }

    /// One line under the heading saying what the screen is for.
    pub fn purpose(self) -> &'static str {
        match self {
            Destination::Home => "Your week at a glance: distance, pain and what to watch.",
            Destination::KneeCheck => {
                "Warning signs first, then how it hurts: learn what may be going on and whether to see someone."
            }
            Destination::Log => "Record runs, pain and shoes so patterns show before they hurt.",
            Destination::Recovery => {
                "Ease back into running step by step, with strength work that helps."
            }
            Destination::Settings => {
                "Preferences, installing the app, and your data, which stays on this device."
            }
        }
    }

    /// The name on the navigation button, which is also its accessible name.
    pub fn label(self) -> &'static str {
        match self {
            Destination::Home => "Home",
            Destination::KneeCheck => "Knee check",
            Destination::Log => "Log",
            Destination::Recovery => "Recovery",
            Destination::Settings => "Settings",
        }
    }
}

/// The one page for a clinician (`pages::summary`): reached from the cards that ask the
/// runner to be seen, from Recovery and from Settings, not from the navigation bar.
pub const SUMMARY_PATH: &str = "/summary";

/// Turns the document's `<base href>` ("/patella/", "/", "") into the router's base
/// ("/patella", ""): no trailing slash, and empty for the site root.
pub fn router_base(base_href: &str) -> String {
    let path = match base_href.find("://") {
        // An absolute URL: keep only its path.
        Some(scheme_end) => {
            let after_host = &base_href[scheme_end + 3..];
            after_host
                .find('/')
                .map_or("", |slash| &after_host[slash..])
        }
        None => base_href,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// The full address of `path` (which starts with `/`) under the router's base.
pub fn href(base: &str, path: &str) -> String {
    if path == "/" {
        format!("{base}/")
    } else {
        format!("{base}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_from_the_document_base_href() {
        assert_eq!(router_base("/patella/"), "/patella");
        assert_eq!(router_base("/patella"), "/patella");
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base(""), "");
        assert_eq!(router_base("patella/"), "/patella");
        assert_eq!(router_base("https://runner.github.io/patella/"), "/patella");
        assert_eq!(router_base("http://127.0.0.1:8080/"), "");
        assert_eq!(router_base("http://127.0.0.1:8080"), "");
        assert_eq!(router_base("/a/b/?x=1#y"), "/a/b");
    }

    #[test]
    fn links_carry_the_base() {
        assert_eq!(href("/patella", "/log"), "/patella/log");
        assert_eq!(href("/patella", "/"), "/patella/");
        assert_eq!(href("", "/log"), "/log");
        assert_eq!(href("", "/"), "/");
    }

    #[test]
    fn every_destination_has_a_distinct_path_and_label() {
        for (i, a) in Destination::ALL.iter().enumerate() {
            assert!(a.path().starts_with('/'));
            for b in &Destination::ALL[i + 1..] {
                assert_ne!(a.path(), b.path());
                assert_ne!(a.label(), b.label());
            }
        }
    }
}
