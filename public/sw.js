// Patella's service worker: the whole app offline, updated only when the runner says so.
//
// This file is a template. scripts/post-build.mjs copies it into every release build as
// sw.js, filling in BUILD (a hash of the build's files, so each deploy gets its own cache)
// and PRECACHE (every file of the build, hashed names included). Never edit the list by hand.
//
// - install: fetch every file into the cache `patella-<build>`; do not take over yet.
// - activate: delete every older `patella-` cache, then control the open pages.
// - fetch: files of the build come from the cache first; a page navigation anywhere under
//   the scope is answered with the cached index.html, so deep links open with no network.
// - message "skipWaiting": the runner pressed Reload on "A new version is ready".
// - POST to share-target (the manifest's share_target: a watch app's Share on Android): the
//   shared files are kept in the cache `patella-shared`, replacing any left from before, and
//   the browser is sent on to the Log screen, which reads them into the import preview and
//   deletes the cache (src/platform/shared_files.rs). Works offline: nothing goes to a server.
'use strict';

const BUILD = '__PATELLA_BUILD__';
const PRECACHE = __PATELLA_PRECACHE__;

const CACHE = `patella-${BUILD}`;
// Must match src/platform/shared_files.rs.
const SHARED = 'patella-shared';
const SHARE_ACTION = new URL('share-target', self.registration.scope).href;
const SCOPE = self.registration.scope;
const INDEX = new URL('index.html', SCOPE).href;
// trunk names its outputs `name-<16 hex digits>.ext`: such a file never changes, so the
// browser's HTTP cache may supply it. Anything else is revalidated with the server.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map((path) => {
          const url = new URL(path, SCOPE);
          return new Request(url, { cache: HASHED.test(url.pathname) ? 'default' : 'no-cache' });
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('patella-') && name !== CACHE && name !== SHARED)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method === 'POST' && request.url.split('?')[0] === SHARE_ACTION) {
    event.respondWith(keepShared(request));
    return;
  }
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(fromCache(request));
});

// Keeps each shared file as a response in the SHARED cache under shared/<n>, its name in a
// header, then opens the Log screen. A form with no files still opens it, which then says so.
async function keepShared(request) {
  let files = [];
  try {
    const form = await request.formData();
    // A form posted with its file input empty still sends one part, with no name and no bytes.
    files = form.getAll('activities').filter((item) => typeof item !== 'string' && (item.name || item.size));
  } catch {
    // Not a form the share sheet made: open the Log screen with nothing shared.
  }
  await caches.delete(SHARED);
  const cache = await caches.open(SHARED);
  await Promise.all(
    files.map((file, index) =>
      cache.put(
        new Request(new URL(`shared/${index}`, SCOPE)),
        new Response(file, {
          headers: {
            'content-type': file.type || 'application/octet-stream',
            'x-patella-name': encodeURIComponent(file.name || `shared-${index + 1}`),
          },
        }),
      ),
    ),
  );
  return Response.redirect(new URL(`log?shared=${files.length}`, SCOPE).href, 303);
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (cached) return cached;
  if (request.mode === 'navigate') {
    const index = await cache.match(INDEX);
    if (index) return index;
  }
  return fetch(request);
}
