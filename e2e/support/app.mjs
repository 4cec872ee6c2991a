// Steps a runner takes in the app, written once for every journey.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { serve } from './server.mjs';
import { launch, phonePage } from './browser.mjs';
import { clockScript } from './clock.mjs';

/** Opens a screen through the bottom navigation and waits for its heading. */
export async function openScreen(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Fills the quick run form on the Log screen and presses Save run. */
export async function addRun(page, { date, distance, duration }) {
  if (date) await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByLabel('Distance', { exact: true }).fill(distance);
  await page.getByLabel('Duration', { exact: true }).fill(duration);
  await page.getByRole('button', { name: 'Save run' }).click();
}

/**
 * The runs listed on the Log screen, as their visible text, once the screen shows: Log is
 * fetched on first use, so after a reload its list comes a moment after the page loads.
 */
export async function listedRuns(page) {
  const list = page.getByRole('region', { name: 'Runs' });
  await list.waitFor();
  return (await list.getByRole('listitem').locator('.run-text').allInnerTexts()).map((text) => text.trim());
}

/** The parsed envelope stored under a key, or null. */
export async function stored(page, key) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : JSON.parse(raw);
}

export async function storedRunCount(page) {
  const envelope = await stored(page, 'patella.runs');
  return envelope ? envelope.data.length : 0;
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, []);
}

/**
 * Moves the page's clock to `now` (a `Date`) before any script runs, and lets it tick on
 * from there, whatever clock the tests run on: "today" in the app is `now`'s day.
 */
export async function setClock(context, now) {
  await context.addInitScript({ content: clockScript(now.getTime() - Date.now()) });
}

/**
 * For a test file: serves the /patella/ release build (PATELLA_DIST_SUBPATH) and launches
 * Chromium before its tests, and stops both after. `open(path, heading)` gives a fresh
 * phone-sized page ({ context, page, problems }) showing that screen.
 */
export function releaseApp() {
  const app = { server: null, browser: null };
  before(async () => {
    assert.ok(process.env.PATELLA_DIST_SUBPATH, 'set PATELLA_DIST_SUBPATH to the /patella/ build');
    app.server = await serve(process.env.PATELLA_DIST_SUBPATH, '/patella/');
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  app.open = async (path, heading, { now } = {}) => {
    const session = await phonePage(app.browser, app.server.origin);
    if (now) await setClock(session.context, now);
    await session.page.goto(`${app.server.url}${path}`);
    await session.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    return session;
  };
  return app;
}
