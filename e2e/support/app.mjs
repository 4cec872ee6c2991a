// Steps a runner takes in the app, written once for every journey.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { serve } from './server.mjs';
import { closePagesAfterEachTest, launch, phonePage } from './browser.mjs';
import { clockScript } from './clock.mjs';
import * as steps from './steps.mjs';

/** A Playwright page as the driver the shared steps (./steps.mjs) take. */
export function driven(page) {
  return {
    tapLink: (name, { within } = {}) =>
      (within ? page.getByRole('navigation', { name: within }) : page).getByRole('link', { name, exact: true }).click(),
    tapButton: (name) => page.getByRole('button', { name }).click(),
    type: (label, text) => page.getByLabel(label, { exact: true }).fill(text),
    pickDate: (label, iso) => page.getByLabel(label, { exact: true }).fill(iso),
    screen: (name) => page.getByRole('heading', { level: 1, name }).waitFor(),
    present: (css) => page.locator(css).waitFor(),
    texts: async (css) => (await page.locator(css).allInnerTexts()).map((text) => text.trim()),
    pickScore: (legend, score) =>
      page.getByRole('group', { name: legend }).getByRole('radio', { name: String(score), exact: true }).check(),
  };
}

/** Taps a score in the 0–10 group named `legend`. */
export const pickScore = (page, legend, score) => driven(page).pickScore(legend, score);

/** The score picked in the 0–10 group named `legend`, or null when none is. */
export async function pickedScore(page, legend) {
  const picked = page.getByRole('group', { name: legend }).getByRole('radio', { checked: true });
  return (await picked.count()) ? picked.getAttribute('value') : null;
}

export const openScreen = (page, name) => steps.openScreen(driven(page), name);
export const addRun = (page, run) => steps.addRun(driven(page), run);
export const listedRuns = (page) => steps.listedRuns(driven(page));

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
 * phone-sized page ({ context, page, problems }) showing that screen; with `fakeTimers` the
 * page's timers run on Playwright's clock, which a test moves (`page.clock.runFor`) instead
 * of waiting, started at the tests' pinned moment.
 */
export function releaseApp() {
  const app = { server: null, browser: null, open: null };
  closePagesAfterEachTest();
  before(async () => {
    assert.ok(process.env.PATELLA_DIST_SUBPATH, 'set PATELLA_DIST_SUBPATH to the /patella/ build');
    app.server = await serve(process.env.PATELLA_DIST_SUBPATH, '/patella/');
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  app.open = async (path, heading, { now, fakeTimers = false } = {}) => {
    const session = await phonePage(app.browser, app.server.origin, { fakeTimers });
    if (now) await setClock(session.context, now);
    await session.page.goto(`${app.server.url}${path}`);
    await session.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    return session;
  };
  return app;
}
