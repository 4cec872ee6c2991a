//! Widgets shared by several screens.

pub mod app_header;
pub mod been_seen;
pub mod bottom_nav;
pub mod fields;
pub mod for_any;
pub mod form;
pub mod install_button;
pub mod page_intro;
pub mod show;
pub mod status;
pub mod storage_notices;
pub mod this_week;
pub mod undo;
pub mod update_banner;
pub mod weekly_chart;
pub mod welcome;
pub mod words;
