//! The page's side of the import worker in a real browser. The test server has no worker
//! program, which is what a runner meets offline before the app was ever cached: starting
//! the importer must end in words, not hang or crash the page.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

use patella::platform::import_worker::ImportWorker;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_worker_that_cannot_load_is_reported_in_words() {
    let Err(failed) = ImportWorker::start().await else {
        panic!("the importer started without its program");
    };
    assert!(
        failed.0.starts_with("The importer couldn't start"),
        "{}",
        failed.0
    );
    assert!(failed.0.contains("Check the connection"), "{}", failed.0);
}
