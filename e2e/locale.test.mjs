// The phone's language sets Patella's words, dates, units and weeks (issue 28): an American
// phone gets miles, Sunday weeks, "Sun, Dec 6" and "doctor or physical therapist"; a British
// one "Sun 6 Dec" and "GP or physiotherapist". Settings changes any of them. On every screen,
// in either English, with a runner's data stored, no date is left in its stored ISO form
// and, in US English, no word only the UK uses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { phonePage } from './support/browser.mjs';
import { addRun, assertNoProblems, openScreen, releaseApp, stored } from './support/app.mjs';
import { dayFromToday, usDayWords } from './support/dates.mjs';
import { answerStory, FRONT_OF_KNEE_STORY, GRADUAL_START, start } from './support/knee_check.mjs';
import { SCREENS } from './support/screens.mjs';

const app = releaseApp();

/** Words a US reader would not use (src/domain/content/us_words.rs keeps the same list). */
const UK_ONLY = /\b(GP|GP's|physiotherapist|physiotherapy|pavement|cross-trainer|trainers|programme|A&E|fortnight|[Kk]ilometres|metres|recognise|cancelled)\b/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const usDay = (iso) => usDayWords(iso);

/** A runner's schema-5 data, as Patella 0.5.0 stored it (tests/fixtures/schema/v5). */
function schema5Storage() {
  const folder = 'tests/fixtures/schema/v5';
  return readdirSync(folder)
    .filter((name) => name.startsWith('patella.'))
    .map((name) => [name.replace(/\.json$/, ''), readFileSync(join(folder, name), 'utf8')]);
}

/** Everything the screen says, folded parts and the printout's lines included. */
const screenText = (page) =>
  page.evaluate(() => ['header', 'main', 'nav'].map((css) => document.querySelector(css)?.textContent ?? '').join('\n'));

async function americanPhone(options = {}) {
  return phonePage(app.browser, app.server.origin, { locale: 'en-US', ...options });
}

describe('the runner’s English', () => {
  test('an American phone starts in miles, Sunday weeks, US dates and US words', async () => {
    const { page, problems } = await americanPhone();
    await page.goto(`${app.server.url}log`);
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
    await page.getByText('In mi, like 5 or 5.2').first().waitFor();
    const day = dayFromToday(-1);
    await addRun(page, { date: day, distance: '3', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved: 3 mi in 30:00 yesterday.' }).waitFor();
    const listed = await page.locator('#runs .run-list .run-text').allInnerTexts();
    assert.deepEqual(listed.map((t) => t.trim()), [`${usDay(day)} · 3 mi · 30:00 · 10:00 /mi`]);
    // The run's week starts on the Sunday on or before it.
    const sunday = new Date(`${day}T12:00:00`);
    sunday.setDate(sunday.getDate() - sunday.getDay());
    const heading = await page.locator('#runs h3').first().innerText();
    assert.match(heading, new RegExp(`^${MONTHS[sunday.getMonth()]} ${sunday.getDate()}`), heading);

    await openScreen(page, 'Settings');
    assert.equal(await page.getByLabel('Words in', { exact: true }).inputValue(), 'en-US');
    assert.equal(await page.getByLabel('Dates and times', { exact: true }).inputValue(), 'month-12');
    assert.equal(await page.getByLabel('Distances in', { exact: true }).inputValue(), 'mi');
    assert.equal(await page.getByLabel('Weeks start on', { exact: true }).inputValue(), 'sun');
    assert.equal(await page.getByLabel('Replace shoes at', { exact: true }).inputValue(), '500');
    assertNoProblems(problems);
  });

  test('the knee check speaks US English there, and UK English once Settings says so', async () => {
    const { page, problems } = await americanPhone();
    await page.goto(`${app.server.url}knee-check`);
    await start(page);
    // Shoes are counted in miles on an American phone.
    const story = { ...GRADUAL_START, ...FRONT_OF_KNEE_STORY, shoe_distance: 'Under 300 miles' };
    await answerStory(page, story);
    await page.getByRole('heading', { name: 'Your result' }).waitFor();
    let text = await screenText(page);
    assert.doesNotMatch(text, UK_ONLY);
    assert.match(text, /physical therapist/);

    await openScreen(page, 'Settings');
    await page.getByLabel('Words in', { exact: true }).selectOption('en-GB');
    await page.getByLabel('Dates and times', { exact: true }).selectOption('day-24');
    assert.equal((await stored(page, 'patella.settings')).data.english, 'en-GB');
    // The same answers, kept on this device, give the same result in the other English.
    await page.goto(`${app.server.url}knee-check`);
    await page.getByRole('heading', { name: 'Your result' }).waitFor();
    text = await screenText(page);
    assert.match(text, /GP, physiotherapist or sports medicine doctor/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
    assertNoProblems(problems);
  });

  test('a refused backup names its records by their dates in the phone’s style, never as stored', async () => {
    const page = await americanPhone({}).then((session) => session.page);
    await page.goto(`${app.server.url}settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const broken = {
      format: 'patella-backup',
      schema: 1,
      app_version: '0.1.0',
      exported_at: '2026-11-20T10:00:00Z',
      data: {
        runs: [
          { id: 'r1', updated_at: '2026-11-20T10:00:00Z', date: '2026-03-04', distance: 600000, duration: 1800 },
          { id: 'r2', updated_at: '2026-11-20T10:00:00Z', date: '2199-01-01', distance: 5000, duration: 1800 },
        ],
        recovery: { start: { date: '2199-02-01', stage: 'week1', from_knee_check: null } },
      },
    };
    await page.getByLabel('Restore from backup').setInputFiles({
      name: 'patella-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
    await refusal.waitFor();
    const words = await refusal.innerText();
    assert.match(words, /Run 1 \(dated Mar 4, 2026\): distance/);
    assert.match(words, /Run 2 \(dated Jan 1, 2199\): date is after tomorrow, which no record can be/);
    assert.match(words, /start: starts after tomorrow, which cannot be right/);
    assert.doesNotMatch(words, ISO_DATE, words.match(ISO_DATE)?.[0]);
  });

  for (const locale of ['en-US', 'en-GB']) {
    test(`${locale}: a runner's stored data reads without a stored date on any screen`, async () => {
      const { page, problems } = await phonePage(app.browser, app.server.origin, { locale });
      await page.goto(app.server.url);
      await page.evaluate((entries) => {
        for (const [key, value] of entries) localStorage.setItem(key, value);
      }, schema5Storage());
      await page.reload();
      for (const screen of SCREENS) {
        await page.goto(`${app.server.url}${screen.path}`);
        await page.getByRole('heading', { level: 1, name: screen.name }).waitFor();
        if (screen.name === 'Log') await page.locator('#runs .run-list').first().waitFor();
        const text = await screenText(page);
        assert.doesNotMatch(text, ISO_DATE, `${screen.name}: ${text.match(ISO_DATE)?.[0]}`);
        if (locale === 'en-US') assert.doesNotMatch(text, UK_ONLY, `${screen.name}: ${text.match(UK_ONLY)?.[0]}`);
      }
      // The page for a clinician, and the text it shares.
      await page.goto(`${app.server.url}summary`);
      await page.getByRole('heading', { level: 1, name: 'Knee summary for a clinician' }).waitFor();
      const summary = await screenText(page);
      assert.doesNotMatch(summary, ISO_DATE, summary.match(ISO_DATE)?.[0]);
      if (locale === 'en-US') assert.doesNotMatch(summary, UK_ONLY, summary.match(UK_ONLY)?.[0]);
      // The saved knee check, opened from the list of past checks.
      await page.goto(`${app.server.url}knee-check`);
      await page.locator('.kc-history-item').first().click();
      await page.getByRole('heading', { name: /^Knee check from / }).waitFor();
      const check = await screenText(page);
      assert.doesNotMatch(check, ISO_DATE);
      if (locale === 'en-US') {
        assert.doesNotMatch(check, UK_ONLY, check.match(UK_ONLY)?.[0]);
        assert.match(check, /Knee check from Oct 8, 2026, 4:15 PM/);
      } else {
        assert.match(check, /Knee check from 8 Oct 2026, 16:15/);
      }
      // A British runner's km and Monday weeks stay theirs on any phone.
      await openScreen(page, 'Log');
      const runs = (await page.locator('#runs .run-list .run-text').allInnerTexts()).map((t) => t.trim());
      assert.ok(runs.some((run) => run.includes('8 km')), runs.join('\n'));
      if (locale === 'en-US') assert.ok(runs.some((run) => run.startsWith(usDay('2026-10-04'))), runs.join('\n'));
      assertNoProblems(problems);
    });
  }
});
