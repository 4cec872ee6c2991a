//! One module per screen. Pages are thin: they read state, call the domain and render.

pub mod home;
pub mod knee_check;
pub mod log;
pub mod not_found;
pub mod on_demand;
pub mod recovery;
pub mod settings;
pub mod summary;
