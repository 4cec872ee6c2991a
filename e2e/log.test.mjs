// The Log screen as a runner uses it: three runs logged with the labelled inputs, the week's
// total, an edit, a delete and its undo, all as stored after a reload; pain and shoes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addRun, assertNoProblems, listedRuns, openScreen, releaseApp, stored } from './support/app.mjs';
import { dayFromToday, dayWords, weekWords } from './support/dates.mjs';

const app = releaseApp();

const logScreen = () => app.open('log', 'Log');

const saved = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('the run log', () => {
  test('three runs, a week total, an edit, a delete and its undo, all kept after reload', async () => {
    const { context, page, problems } = await app.open('log', 'Log', { fakeTimers: true });
    // Monday 2026-11-16 to Sunday 2026-11-22 is one week with the default Monday start.
    await addRun(page, { date: '2026-11-16', distance: '5', duration: '30' });
    await saved(page, 'Saved: 5 km');
    await addRun(page, { date: '2026-11-18', distance: '6.5', duration: '39:00' });
    await saved(page, 'Saved: 6.5 km');
    await addRun(page, { date: '2026-11-24', distance: '8', duration: '48:00' });
    await saved(page, 'Saved: 8 km');

    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.getByRole('heading', { name: `${weekWords('2026-11-16')}: 11.5 km in 2 runs` }).waitFor();
    await runs.getByRole('heading', { name: `${weekWords('2026-11-23')}: 8 km in 1 run` }).waitFor();

    // Edit the 6.5 km run to 7 km.
    await runs.getByRole('button', { name: `Edit run ${dayWords('2026-11-18')} · 6.5 km · 39:00 · 6:00 /km` }).click();
    await page.getByRole('heading', { name: 'Edit run' }).waitFor();
    // The form is far above the list: focus (and the screen) moves to its distance.
    await page.waitForFunction(() => document.activeElement?.id === 'run-distance');
    assert.equal(await page.getByLabel('Distance', { exact: true }).inputValue(), '6.5');
    await page.getByLabel('Distance', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Save run' }).click();
    await saved(page, 'Updated: 7 km');
    await runs.getByRole('heading', { name: `${weekWords('2026-11-16')}: 12 km in 2 runs` }).waitFor();

    // Delete the 5 km run, then undo.
    await runs.getByRole('button', { name: `Delete run ${dayWords('2026-11-16')} · 5 km · 30:00 · 6:00 /km` }).click();
    await runs.getByText(`Deleted the run of ${dayWords('2026-11-16')}.`).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 2);
    await runs.getByRole('button', { name: 'Undo' }).click();
    await runs.getByText(`The run of ${dayWords('2026-11-16')} is back.`).waitFor();

    // Two deletions in a row, as a double tap makes, are undone together; after a deletion
    // focus waits on Undo, not on the next run's Delete.
    await runs.getByRole('button', { name: `Delete run ${dayWords('2026-11-24')} · 8 km · 48:00 · 6:00 /km` }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
    await runs.getByRole('button', { name: `Delete run ${dayWords('2026-11-18')} · 7 km · 39:00 · 5:34 /km` }).click();
    await runs.getByText(`Deleted 2 runs (${dayWords('2026-11-24')}, ${dayWords('2026-11-18')}).`).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 1);
    await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
    await page.keyboard.press('Enter');
    await runs.getByText(`2 runs (${dayWords('2026-11-24')}, ${dayWords('2026-11-18')}) are back.`).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 3);

    // Delete the 8 km run for good.
    await runs.getByRole('button', { name: `Delete run ${dayWords('2026-11-24')} · 8 km · 48:00 · 6:00 /km` }).click();
    await runs.getByText(`Deleted the run of ${dayWords('2026-11-24')}.`).waitFor();
    // The runner leaves while Undo is still offered; when the offer runs out (8 s), the Log
    // is gone and the app must carry on (reading the Log's state then used to crash it).
    await openScreen(page, 'Home');
    await page.clock.runFor(8_700);
    await openScreen(page, 'Log');
    assert.deepEqual(problems, []);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    assert.deepEqual(await listedRuns(page), [
      `${dayWords('2026-11-18')} · 7 km · 39:00 · 5:34 /km`,
      `${dayWords('2026-11-16')} · 5 km · 30:00 · 6:00 /km`,
    ]);
    const data = (await stored(page, 'patella.runs')).data;
    assert.deepEqual(data.map((r) => r.distance).sort(), [5000, 7000]);
    assertNoProblems(problems);
    await context.close();
  });

  test('a long history shows the latest twelve weeks first and earlier weeks on request', async () => {
    const { context, page, problems } = await logScreen();
    // One run each Monday for 20 weeks, as a backup or an import would leave them.
    const runs = Array.from({ length: 20 }, (_, week) => ({
      id: `run-${String(week).padStart(4, '0')}`,
      updated_at: '2026-11-01T08:00:00Z',
      date: new Date(Date.UTC(2026, 6, 6) + week * 7 * 86_400_000).toISOString().slice(0, 10),
      distance: 5000 + week * 100,
      duration: 1800,
    }));
    await page.evaluate((data) => localStorage.setItem('patella.runs', JSON.stringify({ schema: 2, data })), runs);
    await page.reload();
    const list = page.getByRole('region', { name: 'Runs' });
    await list.getByRole('heading', { name: `${weekWords('2026-11-16')}: 6.9 km in 1 run` }).waitFor();
    assert.equal(await list.getByRole('heading', { level: 3 }).count(), 12);
    await list.getByRole('button', { name: 'Show 8 earlier weeks (8 not shown)' }).click();
    await list.getByRole('heading', { name: `${weekWords('2026-07-06')}: 5 km in 1 run` }).waitFor();
    assert.equal(await list.getByRole('heading', { level: 3 }).count(), 20);
    assert.equal(await list.getByRole('button', { name: /earlier week/ }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('the optional details are saved with the run', async () => {
    const { context, page, problems } = await logScreen();
    await page.getByText('More details (optional)').click();
    await page.getByLabel('Type').selectOption('Intervals');
    await page.getByLabel('Surface').selectOption('Track');
    await page.getByLabel('Pain during (0–10)').fill('3');
    await page.getByLabel('Effort (1 easy – 10 all out)').fill('8');
    await page.getByLabel('Cadence (steps per minute)').fill('176');
    await page.getByLabel('Name', { exact: true }).fill('Track Tuesday');
    await page.getByLabel('Notes').fill('6 x 800 m');
    await addRun(page, { date: '2026-11-20', distance: '9', duration: '50' });
    await saved(page, 'Saved: 9 km');
    const [run] = (await stored(page, 'patella.runs')).data;
    assert.equal(run.kind, 'intervals');
    assert.equal(run.surface, 'track');
    assert.equal(run.pain_during, 3);
    assert.equal(run.effort, 8);
    assert.equal(run.cadence_spm, 176);
    assert.equal(run.title, 'Track Tuesday');
    assert.equal(run.notes, '6 x 800 m');
    // The Log names the run in its row, and Edit brings the name back to the form.
    const row = page.locator('.run-list li').filter({ hasText: 'Track Tuesday' });
    await row.getByRole('button', { name: /^Edit run/ }).click();
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Track Tuesday');
    // A name of one long word (a pasted link, say) wraps: the page stays a phone's width.
    await page.getByLabel('Name', { exact: true }).fill('x'.repeat(100));
    await page.getByRole('button', { name: 'Save run' }).click();
    await saved(page, 'Updated: 9 km');
    await page.locator('.run-name').filter({ hasText: 'x'.repeat(100) }).waitFor();
    const width = await page.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth]);
    assert.deepEqual(width, [360, 360], 'a long name widens the page');

    await page.getByLabel('Pain during (0–10)').fill('14');
    await addRun(page, { distance: '5', duration: '30' });
    await page.getByText('Pain is a whole number from 0 to 10.').waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 1);
    assertNoProblems(problems);
    await context.close();
  });

  test('a daily pain entry and a pair of shoes that new runs count on', async () => {
    const { context, page, problems } = await logScreen();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Outer side' }).check();
    await page.getByRole('checkbox', { name: 'Stiff or sorer this morning' }).check();
    await page.getByRole('button', { name: 'Save pain entry' }).click();
    await saved(page, 'Saved: pain 4/10');
    const [entry] = (await stored(page, 'patella.pain')).data;
    assert.equal(entry.pain, 4);
    assert.deepEqual(entry.areas, ['outer']);
    assert.equal(entry.morning_stiffness, true);
    // Listed, so a mistyped one can be deleted (and the deletion undone).
    const entries = page.getByRole('region', { name: 'Pain entries' });
    const line = `${dayWords(entry.date)} · 4/10 · Outer side · stiff or sorer in the morning`;
    await entries.getByText(line).waitFor();
    await entries.getByRole('button', { name: `Delete pain entry ${line}` }).click();
    await entries.getByText(`Deleted the pain entry of ${dayWords(entry.date)}.`).waitFor();
    assert.equal((await stored(page, 'patella.pain')).data.length, 0);
    await page.waitForFunction(() => document.activeElement?.id === 'undo-pain-delete');
    await entries.getByRole('button', { name: 'Undo' }).click();
    await entries.getByText(`The pain entry of ${dayWords(entry.date)} is back.`).waitFor();
    assert.deepEqual((await stored(page, 'patella.pain')).data, [entry]);

    await page.getByLabel('Shoe name').fill('Blue trainers');
    await page.getByLabel('Distance already on them (optional)').fill('100');
    await page.getByRole('button', { name: 'Add shoes' }).click();
    const shoes = page.getByRole('region', { name: 'Shoes' });
    await shoes.getByText('Blue trainers: 100 km · default').waitFor();
    await addRun(page, { distance: '10', duration: '55' });
    await saved(page, 'Saved: 10 km');
    await shoes.getByText('Blue trainers: 110 km · default').waitFor();

    // A lower replacement distance in Settings marks the pair as getting worn.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Replace shoes at').fill('50');
    await page.getByLabel('Replace shoes at').press('Enter');
    await page.getByText('Enter a distance from 100 km to 3000 km, like 800.').waitFor();
    await page.getByLabel('Replace shoes at').fill('130');
    await page.getByLabel('Replace shoes at').press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
    await shoes.getByText('Blue trainers: 110 km · default · Getting worn (84% of 130 km)').waitFor();
    await shoes.getByRole('button', { name: 'Retire Blue trainers' }).click();
    await shoes.getByText('Blue trainers: 110 km · retired').waitFor();
    assertNoProblems(problems);
    await context.close();
  });
});

describe('the turn of a year', () => {
  test("on 2 January, last year's runs carry their year and this year's do not", async () => {
    // The clock moved to Saturday 2 January 2027, 10:00: the week of Monday 28 December runs
    // across the year's end, and the run of 20 December is last year's.
    const { context, page, problems } = await app.open('log', 'Log', { now: new Date(2027, 0, 2, 10) });
    await addRun(page, { date: '2026-12-20', distance: '4', duration: '24' });
    await saved(page, 'Saved: 4 km in 24:00 on Sun 20 Dec 2026.');
    await addRun(page, { date: '2026-12-28', distance: '5', duration: '30' });
    await saved(page, 'Saved: 5 km in 30:00 on Mon 28 Dec 2026.');
    await addRun(page, { date: '2027-01-01', distance: '8', duration: '48' });
    await saved(page, 'Saved: 8 km in 48:00 yesterday.');

    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.getByRole('heading', { name: '28 Dec – 3 Jan: 13 km in 2 runs' }).waitFor();
    await runs.getByRole('heading', { name: '14–20 Dec 2026: 4 km in 1 run' }).waitFor();
    assert.deepEqual(await listedRuns(page), [
      'Fri 1 Jan · 8 km · 48:00 · 6:00 /km',
      'Mon 28 Dec 2026 · 5 km · 30:00 · 6:00 /km',
      'Sun 20 Dec 2026 · 4 km · 24:00 · 6:00 /km',
    ]);
    // The tests' own date words agree with the app's on that day.
    const today = new Date(2027, 0, 2);
    assert.equal(dayWords('2026-12-28', today), 'Mon 28 Dec 2026');
    assert.equal(weekWords('2026-12-28', today), '28 Dec – 3 Jan');
    assert.equal(weekWords('2026-12-14', today), '14–20 Dec 2026');
    assertNoProblems(problems);
    await context.close();
  });
});

describe('Home after logging', () => {
  test('the week total and a single-run spike warning show on Home', async () => {
    const { context, page, problems } = await logScreen();
    const daysAgo = (n) => dayFromToday(-n);
    await addRun(page, { date: daysAgo(12), distance: '5', duration: '30' });
    await saved(page, 'Saved: 5 km');
    await addRun(page, { date: daysAgo(6), distance: '5', duration: '30' });
    await saved(page, 'Saved: 5 km');
    await addRun(page, { date: daysAgo(1), distance: '8', duration: '48' });
    await saved(page, 'Saved: 8 km');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const spike = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'A run much longer than usual' }) });
    await spike.waitFor();
    // One headline and one action; what was seen, and the evidence, behind "Why?".
    assert.match(await spike.innerText(), /What to do:/);
    assert.doesNotMatch(await spike.innerText(), /Frandsen/);
    await spike.getByText('Why?').click();
    assert.match(await spike.innerText(), /8 km/);
    assert.match(await spike.innerText(), /5 km/);
    assert.match(await spike.innerText(), /\(Source: Frandsen and colleagues, 2025\.\)/);
    assert.doesNotMatch(await spike.innerText(), /hazard ratio/);
    const chart = page.getByRole('img', { name: /^Distance run (each|this) week, in kilometres/ });
    await chart.waitFor();
    assertNoProblems(problems);
    await context.close();
  });
});
