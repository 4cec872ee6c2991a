// A release a runner can trust: the release build says which version and build it is (in
// Settings and on the printed knee check), and after an update it says once, in the
// changelog's own line, what changed. The version comes from Cargo.toml and the line from
// CHANGELOG.md, read here the way build.rs reads them, so neither is written twice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addRun, assertNoProblems, openScreen, releaseApp, stored } from './support/app.mjs';
import { start, tap } from './support/knee_check.mjs';

const read = (name) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const VERSION = read('Cargo.toml').match(/^version = "(.+)"$/m)[1];

/** The one-line summary of `version`'s section of CHANGELOG.md (src/domain/changelog.rs's rule). */
function changelogSummary(text, version) {
  const lines = text.split('\n').map((line) => line.trim());
  const heading = lines.findIndex((line) => line.startsWith('## ') && line.slice(3).trim().split(/\s+/)[0] === version);
  assert.ok(heading >= 0, `CHANGELOG.md has a section for ${version}`);
  const summary = lines.slice(heading + 1).find((line) => line !== '');
  assert.ok(summary && !summary.startsWith('#') && !/^[-*+] /.test(summary), `the ${version} section opens with a line`);
  return summary;
}

const SUMMARY = changelogSummary(read('CHANGELOG.md'), VERSION);
const UPDATED = `Updated to Patella ${VERSION}: ${SUMMARY}`;
// A release build names its build (scripts/build-release.sh exports PATELLA_BUILD); only
// builds given no id, such as the tests' debug builds, say "development build".
const THIS_BUILD = new RegExp(`^Patella ${VERSION.replace(/\./g, '\\.')} · build [0-9A-Za-z][0-9A-Za-z.+-]*$`);

const KEY = 'patella.app-version-seen';
/** The envelope the store keeps the version in (store/scratch.rs, kind version 1). */
const seen = (version) => JSON.stringify({ schema: 1, data: version });

const app = releaseApp();
const updatedLine = (page) => page.getByRole('status').filter({ hasText: 'Updated to Patella' });

describe('a release a runner can trust', () => {
  test('Settings names the version and build, and what is new in it', async () => {
    const { context, page, problems } = await app.open('settings', 'Settings');
    const about = page.getByRole('region', { name: 'This version' });
    const lines = (await about.locator('p').allInnerTexts()).map((text) => text.trim());
    assert.match(lines[0], THIS_BUILD);
    assert.equal(lines[1], `What's new: ${SUMMARY}`);
    assertNoProblems(problems);
    await context.close();
  });

  test('the printed knee check names the version and build that gave the answer', async () => {
    const { context, page, problems } = await app.open('knee-check', 'Knee check');
    await start(page);
    // A warning sign stops the check at once with its result: the shortest way to a sheet.
    await tap(page, 'Yes');
    const header = (await page.locator('.kc-print-only').first().textContent()).trim();
    assert.match(header, /^Patella knee check summary, printed \d{1,2} [A-Z][a-z]{2} \d{4} by /);
    assert.match(header.split(' by ')[1], THIS_BUILD);
    assertNoProblems(problems);
    await context.close();
  });

  test('a first visit says nothing about updates and stores nothing', async () => {
    const { context, page, problems } = await app.open('', 'Home');
    await openScreen(page, 'Settings');
    assert.equal(await updatedLine(page).count(), 0);
    assert.equal(await page.getByText('Updated to').count(), 0);
    assert.equal(await stored(page, KEY), null);
    assertNoProblems(problems);
    await context.close();
  });

  test('after an update the changelog line shows once, closes, and stays closed', async () => {
    const { context, page, problems } = await app.open('', 'Home');
    // As Patella 0.2.0 would have left it, had it remembered its version.
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, seen('0.2.0')]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    const line = updatedLine(page);
    await line.waitFor();
    assert.equal((await line.innerText()).replace(/\s*Close$/, '').trim(), UPDATED);
    assert.deepEqual(await stored(page, KEY), { schema: 1, data: VERSION }, 'this version is remembered at once');
    // Thumb-sized, and named for a screen reader.
    const close = line.getByRole('button', { name: 'Close' });
    const box = await close.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `Close is ${box.width}×${box.height}`);

    await close.click();
    await line.waitFor({ state: 'detached' });
    // Focus stays on the screen rather than falling back to the document.
    await page.waitForFunction(() => document.activeElement?.id === 'main');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await openScreen(page, 'Log');
    assert.equal(await page.getByText('Updated to').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('data kept before versions were remembered counts as an update; a later or unreadable version does not', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    await addRun(page, { distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    // The runner's first data makes the app remember its version, so the next start is quiet.
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
    assert.deepEqual(await stored(page, KEY), { schema: 1, data: VERSION });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    assert.equal(await page.getByText('Updated to').count(), 0);

    // Patella 0.2.0 and earlier kept runs but no version.
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await page.reload();
    await updatedLine(page).waitFor();
    assert.deepEqual(await stored(page, KEY), { schema: 1, data: VERSION });

    // A later version (a deploy rolled back) or a value that is no version: nothing claimed.
    for (const value of ['99.0.0', 'not a version']) {
      await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [KEY, seen(value)]);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      assert.equal(await page.getByText('Updated to').count(), 0, value);
      assert.deepEqual(await stored(page, KEY), { schema: 1, data: VERSION }, value);
    }
    assertNoProblems(problems);
    await context.close();
  });
});
