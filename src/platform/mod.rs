//! Browser APIs at the edge of the app: the document, start-up and crash handling, and the
//! facts the build set (`release`). Pages call these; nothing in `domain/` or `routes` may.

pub mod audio;
pub mod clock;
pub mod crash;
pub mod cues;
pub mod document;
pub mod download;
pub mod files;
pub mod import_worker;
pub mod install;
pub mod locale;
pub mod persistence;
pub mod release;
pub mod service_worker;
pub mod share;
pub mod shared_files;
pub mod timing;
