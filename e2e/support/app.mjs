// Steps a runner takes in the app, written once for every journey.
import assert from 'node:assert/strict';

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

/** The runs listed on the Log screen, as their visible text. */
export async function listedRuns(page) {
  const list = page.getByRole('region', { name: 'Runs' });
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
