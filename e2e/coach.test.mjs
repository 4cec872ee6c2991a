// One coach (issue 15): three runners, each tapping through the app, and every screen that
// says what to do this week says the same thing.
//  - A runner whose outer knee burns after a mileage jump: before the check Home warns about
//    the jump; after a self-care check Home and Recovery both say the first days' rest and
//    the volume warnings are quiet; on the back-to-running plan both say the plan's step, and
//    the walk-run session saved from the timer raises no volume warning.
//  - A runner whose check said see someone soon: Home and Recovery both say book a visit.
//  - A runner with no problem: no "this week" card anywhere, and the load warnings speak.
//  - A flare on the plan (issue 25): in week 3, a 7 km run with a friend logged in the Log,
//    then 5/10 and stiff the next morning. Home's card, Recovery's cards and Home's warnings
//    all step back to week 2 in one sentence, which names the run, and all say rest today; no
//    "long run" warning measured against the weeks before the plan.
//  - "I've been seen" (issue 25): a runner whose check said see someone soon records that
//    they were told to rest until reviewed, then at the review that they were given their
//    own programme; Home and Recovery follow each answer, Recovery sets the plan aside, the
//    answers are stored as visits and printed on the knee check summary.
// Screenshots of Home in each situation go to target/screenshots/home-<situation>.png.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { addRun, assertNoProblems, openScreen, pickScore, releaseApp, setClock, stored } from './support/app.mjs';
import {
  AGE,
  answerStory,
  GRADUAL_START,
  OUTER_BURNING_STORY,
  SKIP,
  INJURY,
  NO_INJURY_SIGNS,
  NO_WARNING_SIGNS,
  pick,
  start,
  tap,
} from './support/knee_check.mjs';
import { dayFromToday, daysToMonday } from './support/dates.mjs';
import { now } from './support/clock.mjs';
import { CURRENT_SCHEMA } from './support/schema.mjs';

const app = releaseApp();
const SHOTS = 'target/screenshots';

const localDay = dayFromToday;

/** Days from today to this calendar week's Monday (the app's default first day). */
const toMonday = daysToMonday();

/** Three complete weeks building 10 → 12 → 16 km, logged as a runner types them. */
async function logABuildUp(page) {
  const week = (back, day) => localDay(toMonday - 7 * back + day);
  for (const [date, distance] of [
    [week(3, 0), '5'],
    [week(3, 2), '5'],
    [week(2, 0), '6'],
    [week(2, 2), '6'],
    [week(1, 0), '8'],
    [week(1, 2), '8'],
  ]) {
    await addRun(page, { date, distance, duration: String(Number(distance) * 6) });
    await page.getByRole('status').filter({ hasText: `Saved: ${distance} km` }).waitFor();
  }
}

const VOLUME = /Weekly distance up/;

/** The titles of Home's warnings and notices. */
async function homeWarnings(page) {
  return page.locator('main article h3').allInnerTexts();
}

/** The "What to do this week" card's headline on the screen shown, or null. */
async function thisWeek(page) {
  const card = page.getByRole('region', { name: 'What to do this week' });
  if ((await card.count()) === 0) return null;
  return (await card.locator('.this-week-headline').innerText()).trim();
}

async function shootHome(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/home-${name}.png` });
}

async function sameOnHomeAndRecovery(page, headline, shot) {
  await openScreen(page, 'Home');
  assert.equal(await thisWeek(page), headline, 'Home');
  // It is Home's first card.
  assert.equal(await page.locator('main section.card').first().getAttribute('aria-labelledby'), 'what-to-do');
  if (shot) await shootHome(page, shot);
  await openScreen(page, 'Recovery');
  assert.equal(await thisWeek(page), headline, 'Recovery');
}

describe('one coach', () => {
  test('the IT band runner: warned before the check, then one answer on every screen', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    await logABuildUp(page);
    await openScreen(page, 'Home');
    assert.ok((await homeWarnings(page)).some((t) => VOLUME.test(t)), 'the jump is flagged before any check');
    assert.equal(await thisWeek(page), null, 'no knee problem on record: no card');
    await shootHome(page, 'no-problem');

    // The knee check: outer burning pain during runs after a jump of more than 30%.
    await openScreen(page, 'Knee check');
    await start(page);
    await answerStory(page, { ...GRADUAL_START, ...OUTER_BURNING_STORY }, { otherwise: SKIP });
    const result = page.getByRole('region', { name: 'Your result' });
    const headline = 'Rest from running for a day or two';
    assert.equal((await result.locator('.kc-do-heading').innerText()).trim(), headline);
    const resultActions = await result.locator('.kc-do-now li').allInnerTexts();
    await page.getByRole('button', { name: 'Save to past checks' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to your past checks.' }).waitFor();

    // Home and Recovery say what the result said, in its words; the volume warnings are quiet.
    await sameOnHomeAndRecovery(page, headline, 'first-days');
    await openScreen(page, 'Home');
    const card = page.getByRole('region', { name: 'What to do this week' });
    assert.deepEqual(await card.getByRole('listitem').allInnerTexts(), resultActions);
    assert.ok(!(await homeWarnings(page)).some((t) => VOLUME.test(t)), 'no volume warning while recovering');

    // The back-to-running plan, started from the check: every screen says its step.
    await openScreen(page, 'Recovery');
    await page.getByRole('button', { name: /Start from my knee check/ }).click();
    await page.getByRole('heading', { name: 'Now: Week 1' }).waitFor();
    await sameOnHomeAndRecovery(page, 'Back-to-running plan: Week 1', 'on-plan');

    // A walk-run session, timed at 120× and saved with its pain.
    await page.goto(`${app.server.url}recovery?speed=120`);
    await page.getByRole('heading', { level: 1, name: 'Recovery' }).waitFor();
    await page.getByLabel('Session', { exact: true }).selectOption('stage');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: /Session done/ }).waitFor({ timeout: 20_000 });
    await pickScore(page, 'Pain during (0 none – 10 worst)', 2);
    await pickScore(page, 'Pain afterwards (0 – 10)', 1);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('status').filter({ hasText: 'It is in the Log' }).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.filter((r) => r.kind === 'recovery').length, 1);
    await openScreen(page, 'Home');
    assert.equal(await thisWeek(page), 'Back-to-running plan: Week 1');
    await page.getByRole('region', { name: 'What to do this week' }).getByText('1 of 3 sessions done at this step.').waitFor();
    const titles = await homeWarnings(page);
    assert.ok(!titles.some((t) => VOLUME.test(t)), `the prescribed session raises no volume warning: ${titles}`);
    assertNoProblems(problems);
    await context.close();
  });

  test('the runner told to see someone soon: Home and Recovery say book a visit', async () => {
    const { context, page, problems } = await app.open('knee-check', 'Knee check');
    await start(page);
    // An injury with none of the X-ray questions' signs, and no swelling since.
    await answerStory(page, { ...NO_WARNING_SIGNS, age: AGE, onset: INJURY, ...NO_INJURY_SIGNS }, { stopAt: 'areas' });
    await pick(page, ['Inner side']);
    await answerStory(page, {}, { otherwise: SKIP });
    const result = page.getByRole('region', { name: 'Your result' });
    assert.match(await result.innerText(), /See a professional soon/);
    const headline = 'Book a visit with a GP or physiotherapist';
    assert.equal((await result.locator('.kc-do-heading').innerText()).trim(), headline);
    // One week-one instruction: the plan, shown open, starts with the first screen's week in
    // its words, and nothing on the result offers the back-to-running plan instead.
    const doNow = await result.locator('.kc-do-now li').allInnerTexts();
    const firstPhase = page.getByRole('region', { name: 'Your plan, week by week' }).locator('.kc-phases > li').first();
    await firstPhase.waitFor();
    assert.equal((await firstPhase.locator('h3').innerText()).trim(), `Until you have been seen: ${headline}`);
    const phaseSteps = await firstPhase.locator('li').allInnerTexts();
    assert.deepEqual(phaseSteps.slice(0, doNow.length), doNow);
    assert.equal(await page.getByRole('link', { name: 'Start the back-to-running plan' }).count(), 0);
    await page.getByRole('button', { name: 'Save to past checks' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to your past checks.' }).waitFor();

    await sameOnHomeAndRecovery(page, headline, 'see-someone-soon');
    assert.equal(await page.getByRole('button', { name: /Start from my knee check/ }).count(), 0, 'Recovery offers no week 1 of its own');
    const card = page.getByRole('region', { name: 'What to do this week' });
    assert.match(await card.innerText(), /rest the knee from running/);
    assert.doesNotMatch(await card.innerText(), /walk-run/);
    // The plan itself says to be seen first.
    await page.getByText('Your last knee check said to get the knee seen first.').waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  test('the runner with no problem: no card anywhere, and the load warnings speak', async () => {
    const { context, page, problems } = await app.open('log', 'Log');
    await logABuildUp(page);
    for (const screen of ['Home', 'Recovery']) {
      await openScreen(page, screen);
      assert.equal(await thisWeek(page), null, screen);
    }
    await openScreen(page, 'Home');
    assert.ok((await homeWarnings(page)).some((t) => VOLUME.test(t)));
    assertNoProblems(problems);
    await context.close();
  });

  test('a flare on the plan: Home, Recovery and the warnings all step back, in one sentence', async () => {
    // The plan was started at week 3 three days ago: the page's clock is moved back to start it.
    const started = now();
    started.setDate(started.getDate() - 3);
    const { context, page, problems } = await app.open('recovery', 'Recovery', { now: started });
    await page.getByLabel('Start at').selectOption('week3');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'Now: Week 3' }).waitFor();

    // Back to today: yesterday's 7 km run with a friend, then this morning's knee.
    await setClock(context, now());
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Recovery' }).waitFor();
    await openScreen(page, 'Log');
    const yesterday = dayFromToday(-1);
    await addRun(page, { date: yesterday, distance: '7', duration: '45' });
    await page.getByRole('status').filter({ hasText: 'Saved: 7 km' }).waitFor();
    await page.getByRole('radio', { name: '5', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Stiff or sorer this morning' }).check();
    await page.getByRole('button', { name: 'Save pain entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: pain 5/10' }).waitFor();

    // The one sentence, naming the run by its day, its distance and what week 3 allows.
    const [y, m, d] = yesterday.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    const weekday = date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
    const month = date.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
    const stepBack =
      `You moved back to week 2 because the knee was 5/10 and stiff the morning after ` +
      `${weekday}'s 7 km run (${d} ${month}), above 3/10. That run was more than week 3 allows.`;
    const restToday = 'Today: rest. Your knee is at 5/10, above 3/10; run again once it is back to 3/10 or less.';
    const limit = 'Keep pain at 3 out of 10 or less, no worse or stiffer next morning.';

    await openScreen(page, 'Home');
    const card = page.getByRole('region', { name: 'What to do this week' });
    assert.equal(await thisWeek(page), 'Back-to-running plan: Week 2', 'Home');
    const homeActions = await card.getByRole('listitem').allInnerTexts();
    assert.ok(homeActions.includes(stepBack), `Home's card: ${homeActions}`);
    assert.ok(homeActions.includes(limit), `Home's card states the limit: ${homeActions}`);
    assert.equal((await card.locator('.this-week-today').innerText()).trim(), restToday);
    // The warnings: the plan's step back, in its words, and nothing measured against the
    // weeks before the plan.
    assert.deepEqual(await homeWarnings(page), ['Back one step in the plan']);
    const warning = page.locator('main article').filter({ hasText: 'Back one step in the plan' });
    assert.equal(
      (await warning.locator('p').first().innerText()).trim(),
      `What to do: ${stepBack} ${restToday}`,
    );

    await openScreen(page, 'Recovery');
    assert.equal(await thisWeek(page), 'Back-to-running plan: Week 2', 'Recovery');
    const recoveryActions = await page
      .getByRole('region', { name: 'What to do this week' })
      .getByRole('listitem')
      .allInnerTexts();
    assert.deepEqual(recoveryActions, homeActions);
    await page.getByRole('heading', { name: 'Now: Week 2' }).waitFor();
    assert.equal((await page.locator('.decision-reason').innerText()).trim(), stepBack);
    assert.equal((await page.locator('.plan-today').innerText()).trim(), restToday);
    await page.getByText('How the plan decides').click();
    await page.getByText(limit, { exact: false }).first().waitFor();
    assertNoProblems(problems);
    await context.close();
  });
  test("I've been seen: the runner says what they were told, and every screen follows it", async () => {
    const { context, page, problems } = await app.open('', 'Home');
    // A check two days ago said see someone soon (stored as the wizard saves one).
    const taken = `${dayFromToday(-2)}T12:00:00Z`;
    const check = {
      id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      updated_at: taken,
      taken_at: taken,
      care_tier: 'see_professional_soon',
      conditions: [],
      answers: {},
    };
    await page.evaluate((c) => localStorage.setItem('patella.triage', JSON.stringify({ schema: 3, data: [c] })), check);
    await page.reload();
    const booking = 'Book a visit with a GP or physiotherapist';
    await sameOnHomeAndRecovery(page, booking);
    const card = page.getByRole('region', { name: 'What to do this week' });

    // After the visit: told to rest until reviewed.
    await card.getByText("I've been seen", { exact: true }).click();
    await card.getByText('What were you told?').waitFor();
    await card.getByRole('button', { name: 'Told to rest until reviewed' }).click();
    await card.getByRole('status').filter({ hasText: 'Saved: told to rest until reviewed.' }).waitFor();
    const resting = 'Rest from running until your review';
    assert.equal(await thisWeek(page), resting);
    assert.match(await card.innerText(), /At your review/);
    await sameOnHomeAndRecovery(page, resting);
    await page.getByText("Patella's plan is set aside").waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start the plan', exact: true }).count(), 0);

    // At the review: their own programme. The tracker and its warnings stay; the plan does not.
    await card.getByText("I've had my review", { exact: true }).click();
    await card.getByRole('button', { name: 'Given my own programme' }).click();
    const own = 'Follow the programme you were given';
    await page.getByRole('region', { name: 'What to do this week' }).locator('.this-week-headline', { hasText: own }).waitFor();
    await sameOnHomeAndRecovery(page, own);
    await page.getByText("Patella's plan is set aside").waitFor();
    assert.equal(await card.getByText("I've been seen", { exact: true }).count(), 0, 'nothing asks to be seen any more');
    await openScreen(page, 'Home');
    assert.equal(await card.locator('.warning').count(), 0, 'no "see someone" line');
    await card.getByRole('link', { name: 'Open the Log' }).waitFor();

    const visits = await stored(page, 'patella.visits');
    assert.equal(visits.schema, CURRENT_SCHEMA);
    assert.deepEqual(visits.data.map((v) => v.advice), ['rest_until_reviewed', 'own_programme']);

    // The printed knee check summary lists the answers for the clinician.
    await openScreen(page, 'Knee check');
    await page.locator('.kc-history-item').first().click();
    await page.getByRole('heading', { name: /Knee check from/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.kc-print-only', { hasText: 'Seen by a clinician' });
    await printed.waitFor();
    assert.match(
      await printed.innerText(),
      /^Seen by a clinician, as the runner recorded: .+, told to rest until reviewed; .+, given their own programme\.$/,
    );
    await page.emulateMedia({ media: 'screen' });
    assertNoProblems(problems);
    await context.close();
  });
});
