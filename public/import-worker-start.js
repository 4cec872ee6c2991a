// Starts the import worker (src/bin/import_worker.rs) from the glue and wasm trunk builds for
// it. Unlike trunk's loader shim it reports a wasm that fails to load, so the page can say so
// at once instead of waiting; the worker itself says {ready: true} once it listens.
importScripts('./import_worker.js');
wasm_bindgen('./import_worker_bg.wasm').catch((error) => {
  self.postMessage({ ready: false, error: String(error) });
});
