// Sharing files into Patella from a watch app (the manifest's share_target), in Chromium: the
// test makes the POST the browser makes when the runner picks Patella in Android's share
// sheet, a multipart form to the share action, with the network off as on a run. The service
// worker keeps the files, the Log screen opens with their import preview, and once the runner
// adds or cancels nothing shared is left in the browser. And a file opened with the installed
// app from a desktop file manager (file_handlers, through window.launchQueue) is previewed too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { phonePage } from './support/browser.mjs';
import { fixtureDay } from './support/activities.mjs';
import { assertNoProblems, releaseApp, stored } from './support/app.mjs';

const app = releaseApp();
const FIXTURES = new URL('../tests/fixtures/activities/', import.meta.url);

/** The Log screen, controlled by the service worker, with the network then turned off. */
async function offlineApp() {
  const session = await app.open('log', 'Log');
  await session.page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 15_000,
  });
  await session.context.setOffline(true);
  return session;
}

/** What Chromium sends to the share action: a multipart POST navigation of the files. */
async function share(page, names) {
  const files = await Promise.all(
    names.map(async (name) => ({ name, bytes: [...(await readFile(new URL(name, FIXTURES)))] })),
  );
  await page.evaluate(
    ({ action, files }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.enctype = 'multipart/form-data';
      form.action = action;
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'activities';
      input.multiple = true;
      const chosen = new DataTransfer();
      for (const file of files) {
        chosen.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: 'application/octet-stream' }));
      }
      input.files = chosen.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { action: `${app.server.url}share-target`, files },
  );
}

const sharedKept = (page) => page.evaluate(() => caches.has('patella-shared'));

async function previewRows(page) {
  const rows = await page.getByRole('table').locator('tbody tr').allInnerTexts();
  return rows.map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('sharing files into Patella', () => {
  test('shared files open the import preview offline; a settings file says why; after Add nothing shared is kept', async () => {
    const { context, page, problems } = await offlineApp();
    await share(page, ['test.tcx', 'Settings.fit']);
    await page.waitForURL(/\/patella\/log\?shared=2$/);
    await page.getByRole('heading', { level: 3, name: 'Found 1 activity' }).waitFor();
    const rows = await previewRows(page);
    assert.equal(rows.length, 1);
    assert.match(rows[0], /^(Wed 26|Thu 27) Dec 2012 4\.69 km · 33:13 New test\.tcx$/);
    const failed = page.getByRole('heading', { name: "Files that couldn't be read" }).locator('xpath=following-sibling::ul[1]');
    assert.deepEqual(await failed.getByRole('listitem').allInnerTexts(), [
      'Settings.fit: This is a device settings file, not an activity.',
    ]);

    await page.getByRole('button', { name: 'Add 1 run' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 1 run.' }).waitFor();
    assert.equal(await sharedKept(page), false, 'no shared file is kept');
    const [saved] = (await stored(page, 'patella.runs')).data;
    assert.equal(saved.source.file_name, 'test.tcx');

    // Reloading the screen the share opened does not import the files again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 3, name: /^Found / }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('a share with no file says what to share', async () => {
    const { context, page, problems } = await offlineApp();
    await share(page, []);
    await page.waitForURL(/\/patella\/log\?shared=0$/);
    await page
      .getByRole('status')
      .filter({ hasText: 'The share held no file. Share a FIT, GPX or TCX file from a watch app' })
      .waitFor();
    assert.equal(await sharedKept(page), false);
    assertNoProblems(problems);
    await context.close();
  });

  test("a file opened with Patella from a desktop file manager (launchQueue) is previewed", async () => {
    const session = await phonePage(app.browser, app.server.origin);
    const { context, page, problems } = session;
    // Chromium hands the installed app's launch files to the consumer the page sets; here the
    // test stands in for the browser, holding the consumer and calling it as a launch would.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'launchQueue', {
        value: { setConsumer: (consumer) => (window.launchConsumer = consumer) },
      });
    });
    await page.goto(`${app.server.url}log`);
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    await page.waitForFunction(() => typeof window.launchConsumer === 'function');
    const tcx = [...(await readFile(new URL('test.tcx', FIXTURES)))];
    await page.evaluate((bytes) => {
      const file = new File([new Uint8Array(bytes)], 'test.tcx', { type: 'application/vnd.garmin.tcx+xml' });
      window.launchConsumer({ files: [{ kind: 'file', name: 'test.tcx', getFile: async () => file }] });
    }, tcx);
    await page.getByRole('heading', { level: 3, name: 'Found 1 activity' }).waitFor();
    assert.match((await previewRows(page))[0], /4\.69 km · 33:13 New test\.tcx$/);
    assertNoProblems(problems);
    await context.close();
  });

  test('after Cancel nothing is added and nothing shared is kept', async () => {
    const { context, page, problems } = await offlineApp();
    await share(page, ['activity-small-fenix2-run.fit']);
    await page.getByRole('heading', { level: 3, name: 'Found 1 activity' }).waitFor();
    assert.match((await previewRows(page))[0], new RegExp(`^${fixtureDay('activity-small-fenix2-run.fit')} 9\\.01 km · 47:12 New activity-small-fenix2-run\\.fit$`));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Import stopped: nothing was added.' }).waitFor();
    assert.equal(await sharedKept(page), false, 'no shared file is kept');
    assert.equal(await page.evaluate(() => localStorage.getItem('patella.runs')), null);
    assertNoProblems(problems);
    await context.close();
  });
});
