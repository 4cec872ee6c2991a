// The back-to-running plan is the runner's data like any record: a backup carries it to a
// new phone, a second tab sees it change without a reload, and a plan alone is counted when
// everything is deleted (on its own on day one it is not yet worth a backup reminder).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertNoProblems, openScreen, releaseApp, stored } from './support/app.mjs';

const app = releaseApp();

async function startPlanAt(page, stage, title) {
  await page.getByLabel('Start at').selectOption(stage);
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await page.getByRole('heading', { name: `Now: ${title}` }).waitFor();
}

describe('the back-to-running plan', () => {
  test('a backup made after starting the plan restores it on an empty browser', async () => {
    const old = await app.open('recovery', 'Recovery');
    await startPlanAt(old.page, 'week3', 'Week 3');
    await openScreen(old.page, 'Settings');
    const [download] = await Promise.all([
      old.page.waitForEvent('download'),
      old.page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    // Read now: closing the old browser deletes the download.
    const text = await readFile(await download.path(), 'utf8');
    const backup = JSON.parse(text);
    assert.equal(backup.data.recovery.start.stage, 'week3');
    assertNoProblems(old.problems);
    await old.context.close();

    // A new phone: nothing stored at all.
    const fresh = await app.open('settings', 'Settings');
    assert.deepEqual(await fresh.page.evaluate(() => Object.keys(localStorage)), []);
    await fresh.page.getByLabel('Restore from backup').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const found = fresh.page.getByRole('region', { name: 'Backup found' });
    await found.getByText('It has your back-to-running plan, started on').waitFor();
    await found.getByRole('button', { name: 'Replace this device\'s data' }).click();
    await fresh.page.getByText('Restored: this device now holds exactly the backup\'s data.').waitFor();
    assert.equal((await stored(fresh.page, 'patella.recovery')).data.start.stage, 'week3');

    await openScreen(fresh.page, 'Recovery');
    await fresh.page.getByRole('heading', { name: 'Now: Week 3' }).waitFor();
    await fresh.page.reload();
    await fresh.page.getByRole('heading', { name: 'Now: Week 3' }).waitFor();
    assertNoProblems(fresh.problems);
    await fresh.context.close();
  });

  test('a plan started in one tab shows in the other without a reload', async () => {
    const { context, page: first, problems } = await app.open('recovery', 'Recovery');
    const second = await context.newPage();
    await second.goto(`${app.server.url}recovery`);
    await second.getByRole('heading', { level: 1, name: 'Recovery' }).waitFor();

    await startPlanAt(second, 'week2', 'Week 2');
    await first.getByRole('heading', { name: 'Now: Week 2' }).waitFor();
    await first.getByRole('button', { name: 'Start the plan again' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  test('a plan changed in one tab shows in the other: started again at another step', async () => {
    const { context, page: first, problems } = await app.open('recovery', 'Recovery');
    await startPlanAt(first, 'week2', 'Week 2');
    const second = await context.newPage();
    await second.goto(`${app.server.url}recovery`);
    await second.getByRole('heading', { name: 'Now: Week 2' }).waitFor();

    await second.getByRole('button', { name: 'Start the plan again' }).click();
    await first.getByRole('button', { name: 'Start the plan', exact: true }).waitFor();
    await startPlanAt(first, 'week4', 'Week 4');
    await second.getByRole('heading', { name: 'Now: Week 4' }).waitFor();
    assert.equal(await second.getByRole('heading', { name: 'Now: Week 2' }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('a plan alone is kept like a record, and deleting everything counts it', async () => {
    const { context, page, problems } = await app.open('recovery', 'Recovery');
    await startPlanAt(page, 'week2', 'Week 2');
    await openScreen(page, 'Home');
    // One record on the first day is not yet worth a reminder (issue 25).
    assert.equal(await page.getByRole('heading', { name: 'Time for a backup' }).count(), 0);

    await openScreen(page, 'Settings');
    await page.getByText('Stored on this device: 1 back-to-running plan.').waitFor();
    await page.getByRole('button', { name: 'Delete all data' }).click();
    const confirm = page.getByRole('alertdialog');
    assert.match(await confirm.innerText(), /Delete 1 record from this device\?/);
    await confirm.getByRole('button', { name: 'Delete 1 record' }).click();
    await page.getByText('Deleted 1 record.').waitFor();
    await page.getByText('Nothing is stored yet.').waitFor();

    await openScreen(page, 'Recovery');
    await page.getByRole('button', { name: 'Start the plan', exact: true }).waitFor();
    await openScreen(page, 'Home');
    assert.equal(await page.getByRole('heading', { name: 'Time for a backup' }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });
});
