// The one page for a clinician (src/pages/summary.rs): reached from the card that asks the
// runner to be seen and from Recovery; what it says is what the stored data says (weeks,
// totals, pain scores shown or counted); the fullest history there can be still prints on
// one A4 and one Letter page; and the share sheet gets the same words, with a refusal said
// in words and a closed sheet saying nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { assertNoProblems, releaseApp } from './support/app.mjs';
import { dayFromToday, dayWords, mondayOf, weekWords } from './support/dates.mjs';
import { CURRENT_SCHEMA } from './support/schema.mjs';

const app = releaseApp();
const TITLE = 'Knee summary for a clinician';
const LINK = 'One page for your clinician';

const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const stamp = (iso) => `${iso}T07:00:00Z`;

/** Every warning-sign question answered "nothing", as the knee check stores it. */
const CLEAR = {
  rf_weight: 'no', rf_walk: 'no', rf_locked: 'no', rf_gives_way: 'no', rf_swollen: 'no', rf_hot: 'no',
  rf_numb: 'no', rf_calf: 'no', rf_worse_rest: 'no', rf_general: 'none',
};

/** A saved check: four warning signs at once (the longest "because"), or the front-of-knee
 * story with two likely causes and their reasons. */
function savedCheck(kind, takenIso) {
  const answers = kind === 'warning'
    ? { ...CLEAR, rf_gives_way: 'yes', rf_swollen: 'yes', rf_hot: 'yes', rf_numb: 'yes', side: 'both' }
    : { ...CLEAR, onset: 'gradual', areas: 'front,below', feel: 'dull', triggers: 'stairs,sitting,squat', duration: 'under_2w', before: 'no', side: 'left' };
  return {
    id: id(9000),
    updated_at: stamp(takenIso),
    taken_at: `${takenIso}T18:30:00+00:00`,
    care_tier: kind === 'warning' ? 'same_day' : 'self_manage',
    conditions: [],
    answers,
  };
}

/** A pain note longer than the page keeps (60 characters). */
const NOTE = 'Sharp on the stairs going down, dull ache after sitting at my desk all afternoon';

/** The most a runner can have in eight weeks: a run every day, each sore, a long pain note
 * every day, a plan started eight weeks ago that kept stepping back, five visits. */
function fullestHistory(check) {
  const days = Array.from({ length: 60 }, (_, i) => dayFromToday(-i));
  return {
    settings: { units: 'km', week_start: 'mon', english: 'en-GB', dates: 'day-24', updated_at: stamp(days[59]) },
    runs: days.map((date, i) => ({
      id: id(i + 1), updated_at: stamp(date), date, distance: 10000, duration: 3300, kind: i % 7 === 0 ? 'long' : 'easy',
      pain_during: 4, pain_after: 6, notes: NOTE,
    })),
    pain: days.map((date, i) => ({
      id: id(i + 100), updated_at: stamp(date), date, pain: 5, areas: ['front', 'outer', 'inner', 'behind', 'below_kneecap'],
      morning_stiffness: true, note: NOTE,
    })),
    triage: [check],
    recovery: { start: { date: days[55], stage: 'week3', from_knee_check: null }, plan_conditions: null, updated_at: stamp(days[55]) },
    visits: [10, 20, 30, 40, 50].map((ago, i) => ({
      id: id(i + 500), updated_at: stamp(dayFromToday(-ago)), recorded_at: `${dayFromToday(-ago)}T09:00:00+00:00`,
      advice: i % 2 ? 'rest_until_reviewed' : 'cleared',
    })),
  };
}

/** Stores `data` as the app does (one envelope per collection) and reloads. With
 * `updated`, the version that last ran is forgotten, so the app says it was updated. */
async function store(page, data, { updated = false } = {}) {
  await page.evaluate(({ data, schema }) => {
    for (const [key, value] of Object.entries(data)) {
      localStorage.setItem(`patella.${key}`, JSON.stringify({ schema, data: value }));
    }
  }, { data, schema: CURRENT_SCHEMA });
  await page.reload();
  await page.locator('main#main h1').waitFor();
  // The app notes its version as it starts; forgotten after that, the next start says so.
  if (updated) await page.evaluate(() => localStorage.removeItem('patella.app-version-seen'));
}

/** The days of the eight weeks the page covers, Monday weeks: this one and seven before. */
function daysShown() {
  const first = dayFromToday(-49, new Date(`${mondayOf(dayFromToday(0))}T12:00:00`));
  const today = dayFromToday(0);
  return { first, inside: (date) => date >= first && date <= today };
}

async function openSummary(page) {
  await page.goto(`${app.server.url}summary`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

const PAGES = (bytes) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('the clinician summary', () => {
  test('the card that asks to be seen leads to it, and Recovery does too', async () => {
    const { context, page, problems } = await app.open('', 'Home');
    await store(page, { triage: [savedCheck('warning', dayFromToday(-1))] });
    const card = page.getByRole('region', { name: 'What to do this week' });
    await card.getByRole('link', { name: LINK }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.match(page.url(), /\/patella\/summary$/);
    const sheet = await page.locator('main').innerText();
    assert.match(sheet, new RegExp(`Latest knee check: ${dayFromToday(-1).split('-').map(Number)[2]} `));
    assert.match(sheet, /· Both knees/);
    assert.match(sheet, /Care it pointed to: Same-day care\./);
    assert.match(sheet, /Because the runner said /);
    assert.doesNotMatch(sheet, /\byou said\b/i, 'said to a third person');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery' }).click();
    await page.getByRole('region', { name: 'For your clinician' }).getByRole('link', { name: LINK }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  for (const kind of ['warning', 'self-care']) {
    test(`the fullest eight weeks with a ${kind} check say what is stored and print on one A4 and one Letter page`, async () => {
      const { context, page, problems } = await app.open('', 'Home');
      const data = fullestHistory(savedCheck(kind, dayFromToday(-2)));
      await store(page, data, { updated: true });
      await openSummary(page);
      const { first, inside } = daysShown();

      // The weeks, oldest first, each with its runs; the total is every run of those days.
      const rows = await page.locator('.cs-weeks tbody tr').allInnerTexts();
      assert.equal(rows.length, 8);
      const mondays = Array.from({ length: 8 }, (_, i) => dayFromToday(7 * i, new Date(`${first}T12:00:00`)));
      rows.forEach((row, i) => {
        const runs = data.runs.filter((r) => inside(r.date) && mondayOf(r.date) === mondays[i]).length;
        const cells = row.split('\t').map((c) => c.trim());
        assert.equal(cells[0], i === 7 ? `${weekWords(mondays[i])} (so far)` : weekWords(mondays[i]));
        assert.deepEqual(cells.slice(1), [`${runs * 10} km`, String(runs), '6/10'], row);
      });
      const runsShown = data.runs.filter((r) => inside(r.date)).length;
      await page.getByText(`${runsShown * 10} km in ${runsShown} runs over 8 weeks.`, { exact: true }).waitFor();

      // Pain: 12 lines, newest first, the run before the day's note; the rest counted.
      const pain = await page.locator('.cs-pain-list li').allInnerTexts();
      assert.equal(pain.length, 12);
      assert.equal(pain[0], `${dayWords(dayFromToday(0))} · Easy run, 10 km · pain 4/10 during, 6/10 after`.replace('Easy', data.runs[0].kind === 'long' ? 'Long' : 'Easy'));
      assert.match(pain[1], new RegExp(`^${dayWords(dayFromToday(0))} · 5/10 · Front, around the kneecap; .* · stiff or sorer in the morning · “${NOTE.slice(0, 60)}…”$`));
      const scores = 2 * runsShown;
      await page.getByText(`${scores - 12} older scores from these weeks not shown; the runner's Log in Patella has them all.`).waitFor();

      const sheet = await page.locator('main').innerText();
      assert.match(sheet, /Back-to-running plan, started /);
      assert.match(sheet, /What it told the runner, newest first:/);
      assert.match(sheet, /Seen by a clinician, as the runner recorded: .*; .*; .*; .*; .*\./);
      assert.match(sheet, /Prepared \d+ \w{3} \d{4} with Patella \d+\.\d+\.\d+/);

      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.getByRole('button', { name: 'Print or save as PDF' }).click();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false, 'the buttons are left off paper');
      // Seeded with no version noted, the app says it was updated: on screen, not on paper.
      await page.getByText(/^Updated to Patella /).waitFor({ state: 'attached' });
      assert.doesNotMatch(await page.locator('body').innerText(), /Updated to Patella|Knee summary for a clinician\s+One page/);
      for (const format of ['A4', 'Letter']) {
        const bytes = await page.pdf({ format, printBackground: false });
        mkdirSync('target/screenshots', { recursive: true });
        writeFileSync(`target/screenshots/summary-${kind}-${format}.pdf`, bytes);
        assert.equal(PAGES(bytes), 1, `${kind}, ${format}: ${PAGES(bytes)} pages`);
      }
      assertNoProblems(problems);
      await context.close();
    });
  }

  test('nothing stored still makes the page, saying what is missing', async () => {
    const { context, page, problems } = await app.open('', 'Home');
    await openSummary(page);
    const sheet = await page.locator('main').innerText();
    for (const line of ['No knee check saved in Patella.', '0 km in 0 runs over 8 weeks.', 'No pain recorded in these weeks.',
      'The back-to-running plan has not been started.', 'No visit to a clinician recorded in Patella.']) {
      assert.ok(sheet.includes(line), `${line} in:\n${sheet}`);
    }
    assertNoProblems(problems);
    await context.close();
  });

  test('the share sheet gets the page as text; a refusal is said, a closed sheet says nothing', async () => {
    const { context, page, problems } = await app.open('', 'Home');
    // Chromium on Linux has no share sheet: the button is not offered, and print is.
    await store(page, { triage: [savedCheck('self-care', dayFromToday(-3))] });
    await openSummary(page);
    assert.equal(await page.getByRole('button', { name: 'Share as text' }).count(), 0);

    // A phone's share sheet, standing in for the one this browser lacks: it records what it
    // was given and ends as the test says.
    await context.addInitScript(() => {
      window.__shared = [];
      navigator.share = (data) => {
        window.__shared.push(data);
        const ending = localStorage.getItem('test.share-ending');
        return ending ? Promise.reject(new DOMException('no', ending)) : Promise.resolve();
      };
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Share as text' }).click();
    const status = page.getByRole('status');
    await status.filter({ hasText: 'Sent to the app you chose.' }).waitFor();
    const [shared] = await page.evaluate(() => window.__shared);
    assert.equal(shared.title, TITLE);
    const onPage = await page.locator('.summary > p, .summary section li, .summary section > p').allInnerTexts();
    for (const line of onPage) assert.ok(shared.text.includes(line.trim()), `shared text lacks: ${line}`);

    await page.evaluate(() => localStorage.setItem('test.share-ending', 'NotAllowedError'));
    await page.getByRole('button', { name: 'Share as text' }).click();
    await status.filter({ hasText: 'This browser could not share it. Print it or save it as a PDF instead.' }).waitFor();

    await page.evaluate(() => localStorage.setItem('test.share-ending', 'AbortError'));
    await page.getByRole('button', { name: 'Share as text' }).click();
    await page.waitForFunction(() => window.__shared.length === 3);
    await page.waitForFunction(() => !document.querySelector('.summary [role=status]').textContent.trim());
    assertNoProblems(problems);
    await context.close();
  });
});
