//! Files handed to Patella by the system rather than chosen in the page: shared from a watch
//! app (the manifest's `share_target`, which the service worker answers by keeping the files
//! in the Cache API) or opened with the installed app from a desktop file manager (the
//! manifest's `file_handlers`, delivered through `window.launchQueue`). Both end as `File`s
//! for the import on the Log screen.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Reflect};
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Cache, File, FilePropertyBag, Request, Response};

/// The cache the service worker keeps shared files in: `SHARED` in public/sw.js.
const SHARED_CACHE: &str = "patella-shared";
/// The header holding each shared file's name, URI-encoded (public/sw.js).
const NAME_HEADER: &str = "x-patella-name";

const COULD_NOT_TAKE: &str =
    "Patella couldn't take the shared files. Share them again, or choose them below.";

/// How many files the share held, when this page was opened by one: the service worker
/// sends the browser on to `log?shared=<count>`.
pub fn shared_count() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("shared="))
        .and_then(|count| count.parse().ok())
}

/// Takes the shared files out of the service worker's cache and deletes it: a shared file is
/// kept only until the page holds it. Empty when there is nothing (a reload after the files
/// were taken).
pub async fn take_shared() -> Result<Vec<File>, String> {
    let caches = web_sys::window()
        .and_then(|window| window.caches().ok())
        .ok_or_else(|| COULD_NOT_TAKE.to_string())?;
    let kept = JsFuture::from(caches.has(SHARED_CACHE))
        .await
        .ok()
        .and_then(|has| has.as_bool())
        .unwrap_or(false);
    if !kept {
        return Ok(Vec::new());
    }
    let files = read_cache(&caches).await;
    // Deleted whether or not every file could be read: nothing shared lingers.
    let _ = JsFuture::from(caches.delete(SHARED_CACHE)).await;
    files.map_err(|_| COULD_NOT_TAKE.to_string())
}

async fn read_cache(caches: &web_sys::CacheStorage) -> Result<Vec<File>, JsValue> {
    let cache: Cache = JsFuture::from(caches.open(SHARED_CACHE))
        .await?
        .dyn_into()?;
    let requests = Array::from(&JsFuture::from(cache.keys()).await?);
    let mut numbered = Vec::new();
    for request in requests.iter() {
        let request: Request = request.dyn_into()?;
        let url = request.url();
        // Kept as shared/<n>: put back in the order they were shared.
        let index: usize = url
            .rsplit('/')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX);
        let response: Response = JsFuture::from(cache.match_with_request(&request))
            .await?
            .dyn_into()?;
        let name = response
            .headers()
            .get(NAME_HEADER)
            .ok()
            .flatten()
            .and_then(|encoded| js_sys::decode_uri_component(&encoded).ok())
            .map(String::from)
            .unwrap_or_else(|| "shared file".to_string());
        let blob: Blob = JsFuture::from(response.blob()?).await?.dyn_into()?;
        numbered.push((index, as_file(&blob, &name)?));
    }
    crate::domain::sort::sort_by_key(&mut numbered, |(index, _)| *index);
    Ok(numbered.into_iter().map(|(_, file)| file).collect())
}

fn as_file(blob: &Blob, name: &str) -> Result<File, JsValue> {
    let options = FilePropertyBag::new();
    options.set_type(&blob.type_());
    File::new_with_blob_sequence_and_options(&Array::of1(blob), name, &options)
}

/// What `launchQueue.setConsumer` is given.
type Consumer = Closure<dyn FnMut(JsValue)>;

thread_local! {
    /// The launch consumer now set: replacing it drops the one before, whose screen is gone.
    static CONSUMER: RefCell<Option<Consumer>> = const { RefCell::new(None) };
}

/// Calls `take` with the files the runner opened Patella with from a file manager (desktop
/// Chromium's `launchQueue`). Does nothing in browsers without it.
pub fn on_launch_files(take: impl Fn(Vec<File>) + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(queue) = Reflect::get(&window, &JsValue::from_str("launchQueue")) else {
        return;
    };
    let Some(set_consumer) = Reflect::get(&queue, &JsValue::from_str("setConsumer"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let consumer: Consumer = Closure::new(move |params: JsValue| {
        let take = take.clone();
        let handles = Reflect::get(&params, &JsValue::from_str("files"))
            .map(|files| Array::from(&files))
            .unwrap_or_default();
        spawn_local(async move {
            let mut files = Vec::new();
            for handle in handles.iter() {
                if let Some(file) = file_of(&handle).await {
                    files.push(file);
                }
            }
            if !files.is_empty() {
                take(files);
            }
        });
    });
    if set_consumer.call1(&queue, consumer.as_ref()).is_ok() {
        CONSUMER.with(|slot| slot.replace(Some(consumer)));
    }
}

/// A `FileSystemFileHandle`'s file: `await handle.getFile()`.
async fn file_of(handle: &JsValue) -> Option<File> {
    let get_file: Function = Reflect::get(handle, &JsValue::from_str("getFile"))
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = get_file.call0(handle).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
