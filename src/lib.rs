//! Patella: knee care for runners. The module tree; `App` is exported so browser tests
//! can mount it.

pub mod app;
pub mod app_base;
pub mod components;
pub mod domain;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod store;

pub use app::App;
