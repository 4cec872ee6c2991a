// The runner's data in a real Chromium with real localStorage: damaged values are set aside
// and never lost, a full storage is reported and loses nothing, two tabs keep each other's
// runs, and a backup restores everything.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  addRun,
  assertNoProblems,
  listedRuns,
  openScreen,
  releaseApp,
  setClock,
  stored,
  storedRunCount,
} from './support/app.mjs';
import { dayWords } from './support/dates.mjs';
import { now } from './support/clock.mjs';
import { CURRENT_SCHEMA } from './support/schema.mjs';

const app = releaseApp();
const freshApp = () => app.open('log', 'Log');

describe('stored data', () => {
  test('a run saved from the Log screen is stored in metres and seconds and survives a reload', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { date: '2026-11-20', distance: '5.2', duration: '28:30' });
    await page.getByRole('status').filter({ hasText: `Saved: 5.2 km in 28:30 on ${dayWords('2026-11-20')}.` }).waitFor();
    const envelope = await stored(page, 'patella.runs');
    assert.equal(envelope.schema, CURRENT_SCHEMA);
    assert.equal(envelope.data[0].distance, 5200);
    assert.equal(envelope.data[0].duration, 1710);
    await page.reload();
    assert.deepEqual(await listedRuns(page), [`${dayWords('2026-11-20')} · 5.2 km · 28:30 · 5:29 /km`]);
    assertNoProblems(problems);
    await context.close();
  });

  test('bad input shows a message at each field and saves nothing', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { distance: '-3', duration: '25:99' });
    await page.getByText('The distance must be more than zero.').waitFor();
    await page.getByText('Seconds go up to 59: 25:99 is not a time.').waitFor();
    assert.equal(await page.getByLabel('Distance', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await storedRunCount(page), 0);
    await addRun(page, { distance: '900', duration: '45' });
    await page.getByText('That is longer than any single run').waitFor();
    assert.equal(await storedRunCount(page), 0);
    // Focus goes to the first marked field, so the runner lands where the fix is.
    await page.waitForFunction(() => document.activeElement?.id === 'run-distance');
    // A time no runner could run, as typing minutes for an hour gives, is refused in words.
    await addRun(page, { distance: '10', duration: '1' });
    await page.getByText('That is 0:06 /km for 10 km, faster than any runner.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'run-duration');
    assert.equal(await storedRunCount(page), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('a damaged stored value is set aside untouched, the app starts, and the runner is told', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    const damaged = '{"schema":1,"data":[{"id":"x","distance":"far"';
    await page.evaluate((raw) => localStorage.setItem('patella.runs', raw), damaged);
    await page.reload();

    const banner = page.getByRole('alert').filter({ hasText: 'Some saved data could not be read.' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /kept aside exactly as it was/);
    // Settings still load: the rest of the app works.
    await openScreen(page, 'Settings');
    await openScreen(page, 'Log');

    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    const quarantine = keys.filter((k) => k.startsWith('patella.quarantine.runs.'));
    assert.equal(quarantine.length, 1, `one copy set aside, keys: ${keys}`);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), quarantine[0]), damaged);
    assert.equal(await page.evaluate(() => localStorage.getItem('patella.runs')), damaged, 'the original is untouched until a save');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Download the damaged data' }).click(),
    ]);
    assert.equal(await readFile(await download.path(), 'utf8'), damaged);

    // A new run can be saved; the damaged text stays aside.
    await addRun(page, { distance: '6', duration: '36' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    assert.equal(await storedRunCount(page), 1);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), quarantine[0]), damaged);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Some saved data could not be read.' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  test('a full storage is reported, the form keeps what was typed, and nothing stored is lost', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { date: '2026-11-20', distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    const before = await page.evaluate(() => localStorage.getItem('patella.runs'));

    // Fill the origin's quota with someone else's data, as another app on the site might.
    const filled = await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      let i = 0;
      for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
        try {
          for (;;) localStorage.setItem(`filler.${i++}`, chunk.slice(0, size));
        } catch {
          // Full at this size; try smaller pieces.
        }
      }
      return i;
    });
    assert.ok(filled > 0);

    await addRun(page, { date: '2026-11-21', distance: '7', duration: '40' });
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved.' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /storage for Patella is full/);
    assert.equal(await page.getByLabel('Distance', { exact: true }).inputValue(), '7');
    assert.equal(await page.evaluate(() => localStorage.getItem('patella.runs')), before);
    assert.deepEqual(await listedRuns(page), [`${dayWords('2026-11-20')} · 5 km · 30:00 · 6:00 /km`]);

    // Space freed: the same press of Save run now works and the error goes away.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
    });
    await page.getByRole('button', { name: 'Save run' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: 7 km' }).waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: 'Not saved.' }).count(), 0);
    await page.reload();
    assert.equal((await listedRuns(page)).length, 2);
    assertNoProblems(problems);
    await context.close();
  });

  test('two tabs each adding a run keep both, and each shows the other\'s', async () => {
    const { context, page: first, problems } = await freshApp();
    const second = await context.newPage();
    await second.goto(`${app.server.url}log`);
    await second.getByRole('heading', { level: 1, name: 'Log' }).waitFor();

    await addRun(first, { date: '2026-11-20', distance: '5', duration: '30' });
    await first.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    await addRun(second, { date: '2026-11-21', distance: '8', duration: '48' });
    await second.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();

    const both = [`${dayWords('2026-11-21')} · 8 km · 48:00 · 6:00 /km`, `${dayWords('2026-11-20')} · 5 km · 30:00 · 6:00 /km`];
    // The first tab hears about the second tab's run without a reload.
    await first.getByText(`${dayWords('2026-11-21')} · 8 km`).waitFor();
    assert.deepEqual(await listedRuns(first), both);
    for (const page of [first, second]) {
      await page.reload();
      await page.getByText(`${dayWords('2026-11-21')} · 8 km`).waitFor();
      assert.deepEqual(await listedRuns(page), both);
    }
    assertNoProblems(problems);
    await context.close();
  });

  test('download a backup, delete everything, restore it: all is back', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { date: '2026-11-20', distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    await addRun(page, { date: '2026-11-22', distance: '10', duration: '1:01:00' });
    await page.getByRole('status').filter({ hasText: 'Saved: 10 km' }).waitFor();
    await openScreen(page, 'Settings');
    await page.getByLabel('Distances in').selectOption('mi');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^patella-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = await download.path();
    const backup = JSON.parse(await readFile(backupPath, 'utf8'));
    assert.equal(backup.format, 'patella-backup');
    assert.equal(backup.schema, CURRENT_SCHEMA);
    assert.equal(backup.data.runs.length, 2);
    assert.equal(backup.data.settings.units, 'mi');

    await page.getByRole('button', { name: 'Delete all data' }).click();
    const confirm = page.getByRole('alertdialog');
    assert.match(await confirm.innerText(), /Delete 2 records from this device\?/);
    await confirm.getByRole('button', { name: 'Delete 2 records' }).click();
    await page.getByText('Deleted 2 records.').waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('patella.'))), []);
    assert.equal(await page.getByLabel('Distances in').inputValue(), 'km');

    await page.getByLabel('Restore from backup').setInputFiles(backupPath);
    const found = page.getByRole('region', { name: 'Backup found' });
    await found.waitFor();
    assert.match(await found.innerText(), /It holds 2 runs\. Dated 20 Nov 2026 to 22 Nov 2026\./);
    await found.getByRole('button', { name: 'Replace this device\'s data' }).click();
    await page.getByText('Restored: this device now holds exactly the backup\'s data.').waitFor();
    assert.equal(await page.getByLabel('Distances in').inputValue(), 'mi');

    await openScreen(page, 'Log');
    await page.reload();
    assert.deepEqual(await listedRuns(page), [
      `${dayWords('2026-11-22')} · 6.2 mi · 1:01:00 · 9:49 /mi`,
      `${dayWords('2026-11-20')} · 3.1 mi · 30:00 · 9:39 /mi`,
    ]);
    assertNoProblems(problems);
    await context.close();
  });

  test('runs download as CSV, made in the import worker, in the runner\'s unit', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { date: '2026-11-22', distance: '10', duration: '1:01:00' });
    await page.getByRole('status').filter({ hasText: 'Saved: 10 km' }).waitFor();
    await addRun(page, { date: '2026-11-20', distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved: 5 km' }).waitFor();
    await openScreen(page, 'Settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download runs as CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^patella-runs-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    assert.match(lines[0], /^date,distance_km,duration,duration_seconds,pace_per_km,/);
    assert.match(lines[1], /^2026-11-20,5,0:30:00,1800,6:00,/);
    assert.match(lines[2], /^2026-11-22,10,1:01:00,3660,6:06,/);
    assert.equal(lines.length, 4);
    assertNoProblems(problems);
    await context.close();
  });

  test('a broken or absurd backup is refused with its reason and changes nothing', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { date: '2026-11-20', distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    const before = await page.evaluate(() => localStorage.getItem('patella.runs'));
    await openScreen(page, 'Settings');

    const absurd = {
      format: 'patella-backup',
      schema: 1,
      app_version: '0.1.0',
      exported_at: '2026-11-20T10:00:00Z',
      data: {
        runs: [
          { id: 'r1', updated_at: '2026-11-20T10:00:00Z', date: '2026-11-19', distance: 5000, duration: 1800 },
          { id: 'r2', updated_at: '2026-11-20T10:00:00Z', date: '2026-11-18', distance: 600000, duration: 1800 },
        ],
      },
    };
    const input = page.getByLabel('Restore from backup');
    await input.setInputFiles({ name: 'patella-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(absurd)) });
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Run 2/);
    assert.match(await refusal.innerText(), /distance/);

    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await page.getByRole('alert').filter({ hasText: 'Nothing was changed.' }).filter({ hasText: /not a Patella backup/i }).waitFor();

    assert.equal(await page.evaluate(() => localStorage.getItem('patella.runs')), before);
    assertNoProblems(problems);
    await context.close();
  });

  test('Settings says whether the browser will keep the data', async () => {
    const { context, page, problems } = await freshApp();
    await addRun(page, { distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    await openScreen(page, 'Settings');
    const text = await page.locator('.persistence').innerText();
    assert.match(text, /(agreed to keep|may clear|does not say)/);
    assertNoProblems(problems);
    await context.close();
  });
});

describe('backup reminder', () => {
  test('Home asks for a backup only after a week of use with five records, and stops after one is downloaded', async () => {
    // The runner started eight days ago (issue 25: no reminder on day one).
    const started = now();
    started.setDate(started.getDate() - 8);
    const { context, page, problems } = await app.open('log', 'Log', { now: started });
    const reminder = page.getByRole('heading', { name: 'Time for a backup' });
    for (const distance of ['5', '6', '7', '8', '9']) {
      await addRun(page, { distance, duration: '30' });
      await page.getByRole('status').filter({ hasText: `Saved: ${distance} km` }).waitFor();
    }
    await openScreen(page, 'Home');
    assert.equal(await reminder.count(), 0, 'five runs, but on the first day of use');

    // A week later.
    await setClock(context, now());
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await reminder.waitFor();
    await page.getByText('you have not downloaded a backup yet.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Back up in Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
    await page.getByText('Backup downloaded.').waitFor();
    await openScreen(page, 'Home');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Time for a backup' }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });
});
