// The offline app, as a runner on a trail meets it: the release build under /patella/ is
// opened once online; then the server is really stopped and the app must still open on a
// deep link, save a run and show it after a reload. A second build deployed at the same
// address is offered as "A new version is ready — Reload" (never reloaded by itself), and
// after Reload the new version runs with the runner's data intact. The Content-Security-Policy
// lets the app run with no violation and blocks an injected inline script.
//
// The second build is the first one finished again by the release hook with another
// PATELLA_VERSION (shown in Settings): a new index.html, build hash, cache name and sw.js,
// exactly what a deploy changes, in a fraction of a second instead of a second trunk build.
// It goes to target/e2e-pwa/next; set PATELLA_DIST_NEXT to use a finished one instead.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve } from './support/server.mjs';
import { CHROMIUM_ARGS, PHONE, phonePage } from './support/browser.mjs';
import { addRun, listedRuns, openScreen } from './support/app.mjs';
import { dayWords } from './support/dates.mjs';

const MOUNT = '/patella/';
// The version this build says it is (Cargo.toml), and the one the next build will say.
const VERSION = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8').match(/^version = "(.+)"$/m)[1];
const NEXT_VERSION = `${VERSION}-next`;
const dist = process.env.PATELLA_DIST_SUBPATH;
const root = new URL('..', import.meta.url).pathname;

// Chromium refuses to install from an incognito profile (every context but the persistent
// one is incognito), so this test runs a persistent profile in a folder of its own, with the
// same switches and phone settings as e2e/support/browser.mjs.
const INSTALL_TEST_ARGS = [
  ...CHROMIUM_ARGS,
  // Fire beforeinstallprompt without the visits and clicks Chromium normally waits for.
  '--bypass-app-banner-engagement-checks',
];
let profile;
let context;
/** A page of the persistent profile with the usual guard (console errors, other origins, HTTP errors). */
const guardedPage = () => phonePage({ newContext: async () => context }, server.origin);

let session;
let server;
let port;
let nextDist = process.env.PATELLA_DIST_NEXT;

/** Serves `folder` at the same address as before: the app's origin (and its storage) must not change. */
async function serveAgain(folder) {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (_port, ...rest) {
    return listen.call(this, port, ...rest);
  };
  try {
    return await serve(folder, MOUNT);
  } finally {
    Server.prototype.listen = listen;
  }
}

function buildNext() {
  const folder = join(root, 'target/e2e-pwa/next');
  rmSync(folder, { recursive: true, force: true });
  cpSync(dist, folder, { recursive: true });
  execFileSync('node', [join(root, 'scripts/post-build.mjs'), folder], {
    env: { ...process.env, TRUNK_PROFILE: 'release', PATELLA_VERSION: NEXT_VERSION },
    stdio: 'ignore',
  });
  return folder;
}

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function filesOf(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(folder, path));
}

before(async () => {
  assert.ok(dist, 'set PATELLA_DIST_SUBPATH to the /patella/ build');
  nextDist ??= buildNext();
  server = await serve(dist, MOUNT);
  port = Number(new URL(server.origin).port);
  profile = mkdtempSync(join(tmpdir(), 'patella-pwa-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: INSTALL_TEST_ARGS,
    // A British phone, as the suite's expectations are (./support/browser.mjs).
    locale: 'en-GB',
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  session = await guardedPage();
});
after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the offline app', () => {
  test('the service worker activates and controls the page, and Chromium finds the app installable', async (t) => {
    const { page, problems } = session;
    // On a phone on slow 4G the app's wasm is still downloading when Chromium offers
    // installation (it does so once the page has loaded, which the wasm does not delay), so
    // the wasm is held back here until the offer has been made: the app must keep an offer
    // made before it started.
    await page.addInitScript(() =>
      addEventListener('beforeinstallprompt', () => {
        window.offeredBeforeTheApp = true;
      }),
    );
    const appWasm = /\/patella-[0-9a-f]+_bg\.wasm$/;
    await page.route(appWasm, async (route) => {
      await page.waitForFunction(() => window.offeredBeforeTheApp, null, { timeout: 10_000 }).catch(() => {});
      await route.continue();
    });
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    assert.equal(await page.evaluate(() => window.offeredBeforeTheApp), true, 'Chromium offered installation');
    await page.unroute(appWasm);
    await page.evaluate(async () => {
      const { active } = await navigator.serviceWorker.ready;
      if (active.state !== 'activated') {
        await new Promise((resolve) => active.addEventListener('statechange', () => active.state === 'activated' && resolve()));
      }
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    assert.equal(
      await page.evaluate(() => navigator.serviceWorker.controller.scriptURL),
      `${server.url}sw.js`,
    );

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    await cdp.detach();

    // Settings offers the browser's install prompt quietly, and says how on an iPhone.
    await openScreen(page, 'Settings');
    await page.getByRole('heading', { level: 2, name: 'Install Patella' }).waitFor();
    await page.getByText('tap Share, then Add to Home Screen').waitFor();
    // Shown once the browser offers installation (beforeinstallprompt), which the engagement
    // bypass switch above makes it do at once.
    await page.getByRole('button', { name: 'Install Patella' }).waitFor();

    // Everything the build holds is in the cache, under a name carrying the build's hash.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      const files = [];
      for (const request of await cache.keys()) {
        files.push({ url: request.url, bytes: (await (await cache.match(request)).blob()).size });
      }
      return { names, files };
    });
    const build = readFileSync(join(dist, 'index.html'), 'utf8').match(/name="patella-build" content="(\w+)"/)[1];
    assert.deepEqual(cached.names, [`patella-${build}`]);
    const expected = filesOf(dist).filter((f) => f !== 'sw.js' && f !== '404.html');
    assert.deepEqual(cached.files.map((f) => f.url.slice(server.url.length)).sort(), expected.sort());
    const precacheBytes = cached.files.reduce((sum, f) => sum + f.bytes, 0);
    const firstVisit = filesOf(dist).filter((f) => f !== '404.html');
    const total = (squeeze) => firstVisit.reduce((sum, f) => sum + squeeze(readFileSync(join(dist, f))), 0);
    t.diagnostic(`precache: ${cached.files.length} files, ${precacheBytes} B`);
    t.diagnostic(
      `first visit (page, sw.js and everything it precaches, each file once): ${firstVisit.length} files, ` +
        `${total(brotli)} B brotli, ${total((bytes) => gzipSync(bytes, { level: 6 }).length)} B gzip`,
    );
    assert.deepEqual(problems, []);
  });

  test('with the server stopped, a deep link opens, a run is saved and is still there after a reload', async (t) => {
    const { page, problems } = session;
    await server.close();
    server = null;
    await assert.rejects(fetch(`http://127.0.0.1:${port}${MOUNT}`), 'the server is really down');

    await page.goto(`http://127.0.0.1:${port}${MOUNT}log`);
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    const paint = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const entry = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return {
        fromWorker: navigation.workerStart > 0,
        firstPaint: entry('first-paint'),
        firstContentfulPaint: entry('first-contentful-paint'),
        appReady: performance.now(),
      };
    });
    assert.ok(paint.fromWorker, 'the page came from the service worker');
    t.diagnostic(
      `repeat visit offline from the service worker: first paint ${paint.firstPaint?.toFixed(0)} ms, ` +
        `first contentful paint ${paint.firstContentfulPaint?.toFixed(0)} ms, Log screen ready by ${paint.appReady.toFixed(0)} ms`,
    );

    await addRun(page, { date: '2026-11-21', distance: '6.4', duration: '36:00' });
    await page.getByRole('status').filter({ hasText: `Saved: 6.4 km in 36:00 on ${dayWords('2026-11-21')}.` }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    assert.deepEqual(await listedRuns(page), [`${dayWords('2026-11-21')} · 6.4 km · 36:00 · 5:38 /km`]);

    // Importing a watch file works offline too: the import worker came with the install.
    const tcx = readFileSync(join(root, 'tests/fixtures/activities/test.tcx'));
    await page.getByLabel('Import runs').setInputFiles([{ name: 'test.tcx', mimeType: 'application/xml', buffer: tcx }]);
    await page.getByRole('heading', { level: 3, name: 'Found 1 activity' }).waitFor();
    assert.deepEqual(problems, []);
  });

  test('a new build at the same address is offered, never forced, and Reload runs it with the data intact', async () => {
    const { page, problems } = session;
    server = await serveAgain(nextDist);
    assert.equal(server.origin, `http://127.0.0.1:${port}`);

    await openScreen(page, 'Settings');
    await page.getByText(`Version ${VERSION} · build`).waitFor();
    await page.evaluate(() => (window.stillTheSamePage = true));
    // The runner comes back to the app: it asks the server for a new version.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const banner = page.getByRole('status').filter({ hasText: 'A new version is ready — Reload' });
    await banner.waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'the page did not reload itself');
    await page.getByText(`Version ${VERSION} · build`).waitFor();

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByText(`Version ${NEXT_VERSION} · build`).waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSamePage), undefined);
    assert.equal(await banner.count(), 0);

    const nextBuild = readFileSync(join(nextDist, 'index.html'), 'utf8').match(/name="patella-build" content="(\w+)"/)[1];
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`patella-${nextBuild}`], 'the old cache is gone');
    await openScreen(page, 'Log');
    assert.deepEqual(await listedRuns(page), [`${dayWords('2026-11-21')} · 6.4 km · 36:00 · 5:38 /km`]);

    assert.deepEqual(problems, []);
  });

  test('the Content-Security-Policy lets the app run untouched and blocks an injected inline script', async () => {
    const { page, problems } = await guardedPage();
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    for (const screen of ['Knee check', 'Log', 'Recovery', 'Settings', 'Home']) await openScreen(page, screen);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await page.waitForFunction(() => window.violations.length > 0);
    assert.equal(await page.evaluate(() => window.injected), undefined, 'the injected script did not run');
    assert.deepEqual(await page.evaluate(() => window.violations), ['script-src-elem inline']);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /console error: .*inline script.*Content Security Policy.*blocked/i);
    await page.close();
  });

  test('nothing in the build names another origin', () => {
    for (const file of ['index.html', 'sw.js', 'manifest.webmanifest']) {
      const text = readFileSync(join(dist, file), 'utf8');
      assert.doesNotMatch(text, /\b(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i, file);
    }
  });
});
