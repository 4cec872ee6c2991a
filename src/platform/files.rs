//! Files the runner hands the app: chosen in a file input or dropped on the screen. Pages
//! get plain lists of [`File`]s and never touch the elements or the drag data.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Event, FileList, HtmlInputElement};

pub use web_sys::File;

/// The files chosen in the input that fired `event`. The input is emptied, so choosing the
/// same file again (after a refusal, or for another import) fires again.
pub fn chosen(event: &Event) -> Vec<File> {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = listed(input.files());
    input.set_value("");
    files
}

/// The files dropped with `event`.
pub fn dropped(event: &DragEvent) -> Vec<File> {
    listed(event.data_transfer().and_then(|data| data.files()))
}

/// Whether a drag has left the window, rather than moved between elements.
pub fn left_window(event: &DragEvent) -> bool {
    event.related_target().is_none()
}

fn listed(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
