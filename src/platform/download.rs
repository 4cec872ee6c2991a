//! Saving a file the app made (a backup, a CSV) to the runner's device, and reading one
//! they chose. Nothing leaves the device: the file is built and read in the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a download named `file_name`.
pub fn offer_download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let failed = |what: &str| format!("The file could not be made ({what}).");
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| failed("no document"))?;
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| failed("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("address"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed("link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The click has handed the blob to the browser's download; the address can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of a file the runner picked, refused above `max_bytes` before reading it.
pub async fn read_text(file: &web_sys::File, max_bytes: usize) -> Result<String, String> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(format!(
            "This file is {}; a Patella backup is never over {} MB. Choose the backup file \
             Patella saved (patella-backup-….json).",
            crate::domain::decimals::megabytes(size),
            max_bytes / 1_048_576
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read. Try choosing it again.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The file could not be read as text.".to_string())
}
