// Importing runs from files on the Log screen, as a runner does it: choose real watch files
// (tests/fixtures/activities), read them in the import worker, check the preview, confirm,
// and find the runs in the log and on Home; import them again and see them marked as
// duplicates; see in words why a ride, a truncated file and a settings file are left out.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { phonePage } from './support/browser.mjs';
import { fixtureDate, fixtureDay, gpxText } from './support/activities.mjs';
import { assertNoProblems, listedRuns, openScreen, releaseApp, stored } from './support/app.mjs';
import { dayWords, isoDate } from './support/dates.mjs';
import { now } from './support/clock.mjs';

const app = releaseApp();
const FIXTURES = new URL('../tests/fixtures/activities/', import.meta.url);

const RUN_FILES = ['activity-small-fenix2-run.fit', 'garmin-activity.gpx', 'test.tcx'];

async function fixture(name) {
  return { name, mimeType: 'application/octet-stream', buffer: await readFile(new URL(name, FIXTURES)) };
}

/** A synthetic GPX run (e2e/support/activities.mjs) as a chosen file. */
function syntheticGpx(options) {
  return { name: `${options.name}.gpx`, mimeType: 'application/gpx+xml', buffer: Buffer.from(gpxText(options)) };
}

const localDate = isoDate;

/** Chooses files in the "Import runs" input and waits for the preview's heading. */
async function importFiles(page, files) {
  await page.getByLabel('Import runs').setInputFiles(files);
  const heading = page.getByRole('heading', { level: 3, name: /^Found / });
  await heading.waitFor();
  return heading.innerText();
}

async function previewRows(page) {
  const table = page.getByRole('table');
  return (await table.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('importing runs from files', () => {
  test('watch files are previewed, added on confirm, listed in the log and counted on Home; a second import is all duplicates', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    const start = new Date(now().getTime() - 60 * 60 * 1000);
    const recent = syntheticGpx({ name: 'Lunch Run', start, km: 5, minutes: 30 });
    const files = [...(await Promise.all(RUN_FILES.map(fixture))), recent];

    assert.equal(await importFiles(page, files), 'Found 4 activities');
    const rows = await previewRows(page);
    // Oldest first, in the runner's unit, each with the file it came from.
    assert.match(rows[0], /^(Wed 26|Thu 27) Dec 2012 4\.69 km · 33:13 New test\.tcx$/);
    assert.match(rows[1], new RegExp(`^${fixtureDay('activity-small-fenix2-run.fit')} 9\\.01 km · 47:12 New activity-small-fenix2-run\\.fit$`));
    assert.match(rows[2], new RegExp(`^${fixtureDay('garmin-activity.gpx')} 12\\.8\\d km · 1:31:25 New garmin-activity\\.gpx$`));
    assert.match(rows[3], /^\w{3} \d{1,2} \w{3}( \d{4})? 5(\.0\d)? km · 30:00 New Lunch Run\.gpx$/);
    for (const box of await page.getByRole('checkbox', { name: /^Add: Run on/ }).all()) {
      assert.equal(await box.isChecked(), true);
    }
    assert.equal(await context.pages()[0].evaluate(() => localStorage.getItem('patella.runs')), null, 'nothing saved before confirming');

    await page.getByRole('button', { name: 'Add 4 runs' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 4 runs.' }).waitFor();
    const listed = await listedRuns(page);
    assert.equal(listed.length, 4);
    assert.ok(listed.some((text) => text.startsWith(`${fixtureDay('activity-small-fenix2-run.fit')} · 9 km · 47:12`)), listed.join('\n'));

    const data = (await stored(page, 'patella.runs')).data;
    const fenix = data.find((run) => run.source?.file_name === 'activity-small-fenix2-run.fit');
    assert.equal(fenix.date, fixtureDate('activity-small-fenix2-run.fit'));
    assert.equal(fenix.duration, 2832);
    assert.equal(fenix.cadence_spm, 162);
    assert.deepEqual(
      { ...fenix.source, file_name: undefined },
      { file_name: undefined, format: 'fit', started_at: '2015-08-15T14:45:08Z', elapsed: 2832, elevation_gain_m: 64 },
    );
    const gpx = data.find((run) => run.source?.format === 'gpx' && run.source.file_name === 'garmin-activity.gpx');
    assert.equal(gpx.source.avg_heart_rate_bpm, 146);
    assert.equal(gpx.title, 'casual stroll');
    assert.equal(JSON.stringify(data).includes('trkpt'), false, 'no track stored');

    // Home counts the recent run in its week.
    await openScreen(page, 'Home');
    const monday = now();
    monday.setHours(0, 0, 0, 0);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    const week = start >= monday ? 'This week so far' : 'Last week';
    const line = page.locator('dt', { hasText: week }).locator('xpath=following-sibling::dd[1]');
    assert.match(await line.innerText(), /^5(\.0\d)? km · 1 run · 30:00$/);

    // The same files again: every row is already in the log and unticked.
    await openScreen(page, 'Log');
    await importFiles(page, files);
    const again = await previewRows(page);
    assert.equal(again.length, 4);
    for (const row of again) assert.match(row, /Already in your log \(\d{1,2} [A-Z][a-z]{2} \d{4}\)/);
    for (const box of await page.getByRole('checkbox', { name: /^Add: / }).all()) {
      assert.equal(await box.isChecked(), false);
    }
    assert.equal(await page.getByRole('button', { name: 'Add 0 runs' }).isDisabled(), true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Import stopped: nothing was added.' }).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 4);
    assertNoProblems(problems);
    await context.close();
  });

  test('a ride, a truncated file, a settings file and a route say why they are left out; a walk can be included', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    const walkStart = new Date(now().getTime() - 3 * 60 * 60 * 1000);
    const files = [
      ...(await Promise.all(
        ['garmin-fenix-5-bike.fit', 'activity-unexpected-eof.fit', 'Settings.fit', 'strava_route_example.gpx'].map(fixture),
      )),
      syntheticGpx({ name: 'Dog walk', start: walkStart, km: 2, minutes: 25, type: 'walking' }),
    ];
    assert.equal(await importFiles(page, files), 'Found 1 activity');

    const failed = page.getByRole('heading', { name: "Files that couldn't be read" }).locator('xpath=following-sibling::ul[1]');
    assert.deepEqual(await failed.getByRole('listitem').allInnerTexts(), [
      'activity-unexpected-eof.fit: This file ends early — it may be damaged.',
      'Settings.fit: This is a device settings file, not an activity.',
      "strava_route_example.gpx: This GPX file is a planned route with no times, so it can't be a run you did.",
    ]);
    const leftOut = page.getByRole('heading', { name: 'Left out' }).locator('xpath=following-sibling::ul[1]');
    assert.deepEqual(await leftOut.getByRole('listitem').allInnerTexts(), [
      'garmin-fenix-5-bike.fit: Ride. This is a ride, not a run.',
    ]);

    const walk = page.getByRole('checkbox', { name: `Add: Walk on ${dayWords(localDate(walkStart))}, 2 km` });
    assert.equal(await walk.isChecked(), false);
    assert.match((await previewRows(page))[0], /Walk, not a run: tick to include it/);
    await walk.check();
    await page.getByRole('button', { name: 'Add 1 run' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 1 run.' }).waitFor();
    const [saved] = (await stored(page, 'patella.runs')).data;
    assert.equal(saved.title, 'Walk: Dog walk');
    assert.equal(saved.duration, 1500);
    assertNoProblems(problems);
    await context.close();
  });

  test("Strava's activities.csv: running rows are offered, a ride is left out, and the same run as the watch file is offered once", async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    const morning = new Date(now().getTime() - 26 * 60 * 60 * 1000);
    morning.setUTCSeconds(0, 0);
    const evening = new Date(morning.getTime() + 10 * 60 * 60 * 1000);
    const stravaTime = (d) => d.toISOString().replace('T', ' ').slice(0, 19);
    const csv = [
      'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance',
      // The watch file's run as Strava recorded it: a minute later, 1% shorter.
      `9001,${stravaTime(new Date(morning.getTime() + 60_000))},Morning Run,Run,1800,4.95`,
      `9002,${stravaTime(evening)},Evening Ride,Ride,3600,25.0`,
      `9003,${stravaTime(evening)},Evening jog,Trail Run,1500,4.2`,
    ].join('\r\n');
    const files = [
      syntheticGpx({ name: 'Morning Run', start: morning, km: 5, minutes: 30 }),
      { name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    ];
    assert.equal(await importFiles(page, files), 'Found 3 activities');
    const rows = await previewRows(page);
    assert.match(rows[0], / New Morning Run\.gpx$/);
    assert.match(rows[1], / Also in Morning Run\.gpx activities\.csv$/);
    assert.match(rows[2], /^\w{3} \d{1,2} \w{3}( \d{4})? 4\.2 km · 25:00 New activities\.csv$/);
    const leftOut = page.getByRole('heading', { name: 'Left out' }).locator('xpath=following-sibling::ul[1]');
    assert.deepEqual(await leftOut.getByRole('listitem').allInnerTexts(), ['activities.csv: Ride. This is a ride, not a run.']);
    await page.getByRole('button', { name: 'Add 2 runs' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 2 runs.' }).waitFor();
    const saved = (await stored(page, 'patella.runs')).data;
    assert.deepEqual(saved.map((run) => run.source.format).sort(), ['gpx', 'strava-csv']);
    assertNoProblems(problems);
    await context.close();
  });

  test('many files at once: the first rows are drawn, the rest on request, and all are added', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    const first = Date.UTC(2025, 0, 6, 7);
    const files = Array.from({ length: 65 }, (_, day) =>
      syntheticGpx({ name: `run-${day + 1}`, start: new Date(first + day * 86_400_000), km: 3, minutes: 20 }),
    );
    await page.getByLabel('Import runs').setInputFiles(files);
    await page.getByRole('heading', { level: 3, name: 'Found 65 activities' }).waitFor();
    assert.equal((await previewRows(page)).length, 60);
    await page.getByRole('button', { name: 'Show 5 more of 5' }).click();
    assert.equal((await previewRows(page)).length, 65);
    await page.getByRole('button', { name: 'Add 65 runs' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 65 runs.' }).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 65);
    assertNoProblems(problems);
    await context.close();
  });

  test('files dropped anywhere on the Log screen are read like chosen ones, and the browser does not open them', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    const tcx = [...(await readFile(new URL('test.tcx', FIXTURES)))];
    // Dropped on the screen's heading, outside the import card.
    await page.getByRole('heading', { level: 1, name: 'Log' }).evaluate((card, bytes) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(bytes)], 'test.tcx', { type: 'application/xml' }));
      card.dispatchEvent(new DragEvent('dragover', { dataTransfer: files, bubbles: true, cancelable: true }));
      const drop = new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true });
      card.dispatchEvent(drop);
      if (!drop.defaultPrevented) throw new Error('the browser would have opened the file');
    }, tcx);
    await page.getByRole('heading', { level: 3, name: 'Found 1 activity' }).waitFor();
    assert.match((await previewRows(page))[0], /4\.69 km · 33:13 New test\.tcx$/);
    assertNoProblems(problems);
    await context.close();
  });

  test('when the importer cannot be fetched the runner is told at once, and the app keeps working', async () => {
    // A build whose worker files are missing, as on a phone offline before the app was cached.
    const folder = await mkdtemp(join(tmpdir(), 'patella-no-worker-'));
    await cp(process.env.PATELLA_DIST_SUBPATH, folder, { recursive: true });
    for (const name of ['import-worker-start.js', 'import_worker.js', 'import_worker_bg.wasm']) {
      await rm(join(folder, name));
    }
    const server = await serve(folder, '/patella/');
    const { context, page, problems } = await phonePage(app.browser, server.origin);
    try {
      await page.goto(`${server.url}log`);
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      await page.getByLabel('Import runs').setInputFiles([await fixture('test.tcx')]);
      await page.getByRole('status').filter({ hasText: "The importer couldn't start" }).waitFor({ timeout: 5000 });
      assert.equal(await page.getByLabel('Import runs').isEnabled(), true, 'the runner can try again');
      await page.getByLabel('Distance', { exact: true }).fill('5');
      await page.getByLabel('Duration', { exact: true }).fill('30');
      await page.getByRole('button', { name: 'Save run' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved: 5 km' }).waitFor();
      assert.deepEqual(
        problems.filter((p) => !p.includes('import-worker-start.js')),
        [],
        'nothing but the missing worker script went wrong',
      );
    } finally {
      await context.close();
      await server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('a file over 50 MB is refused before it is read', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    const huge = { name: 'archive.fit', mimeType: 'application/octet-stream', buffer: Buffer.alloc(50_000_001) };
    await importFiles(page, [huge]);
    const failed = page.getByRole('heading', { name: "Files that couldn't be read" }).locator('xpath=following-sibling::ul[1]');
    assert.match(await failed.innerText(), /^archive\.fit: This file is too big to import \(over the 50 MB limit\)/);
    assertNoProblems(problems);
    await context.close();
  });
});
