// Debian's Chromium driven by playwright-core, as a phone-sized page, with a guard that
// records every console error, uncaught page error and request to another origin.
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { CLOCK_SHIFT_MS, clockScript, now, TIME_ZONE } from './clock.mjs';

export const PHONE = { width: 360, height: 740 };

/** The switches every test browser starts with. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, headless; `extraArgs` for tools that attach to it (Lighthouse). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Every page `phonePage` opened that no test has closed yet, once a file asked for that. */
let openPages = null;

/**
 * For a test file: closes every page its tests opened after each test, passed or failed, so
 * a failing test leaves nothing running into the next (the teardown a `finally` would do).
 */
export function closePagesAfterEachTest() {
  openPages = new Set();
  afterEach(async () => {
    await Promise.all([...openPages].map((context) => context.close().catch(() => {})));
    openPages.clear();
  });
}

/**
 * A new phone-sized page, set to British English unless `locale` says otherwise, on the tests' clock (./clock.mjs: pinned by PATELLA_TODAY and
 * PATELLA_TZ, or the real one) whose `problems` array fills with anything that should fail a test:
 * console errors, page errors, failed responses and requests that leave `origin`.
 * A 404 for the page itself is allowed, because that is how GitHub Pages serves deep links
 * (its 404.html is the app).
 */
export async function phonePage(browser, origin, { fakeTimers = false, ...options } = {}) {
  const context = await browser.newContext({
    // The phone's language sets the app's words, dates and units: the suite's expectations
    // are a British phone's ("5 km", "Mon 16 Nov"); an American phone is asked for by name.
    locale: 'en-GB',
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...(TIME_ZONE ? { timezoneId: TIME_ZONE } : {}),
    ...options,
  });
  if (openPages) {
    openPages.add(context);
    context.on('close', () => openPages.delete(context));
  }
  // With `fakeTimers` the page's clock is Playwright's, started at the tests' now (a test
  // moves it with `page.clock.runFor`); otherwise the moved Date, when the day is pinned.
  if (fakeTimers) await context.clock.install({ time: now() });
  else if (CLOCK_SHIFT_MS !== 0) await context.addInitScript({ content: clockScript() });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // Chromium logs every failed response as a console error; the response listener below
    // reports those precisely, so they are not counted twice here.
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) {
      problems.push(`console error: ${text}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    const deepLink = response.status() === 404 && response.request().isNavigationRequest();
    if (response.status() >= 400 && !deepLink) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return { context, page, problems };
}
