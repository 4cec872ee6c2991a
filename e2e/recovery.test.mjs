// Recovery as a runner uses it, with the timer's clock sped up (`?speed=N`, see
// src/pages/recovery/saved.rs) so no real minutes pass: start the plan, run a week-1
// walk-run session through WALK→RUN changes and a reload to its end, enter pain, find the
// session in the Log, the plan's decision on Recovery and the step on Home; tick the
// strength checklist and see the week's adherence after a reload. Headless Chromium has no speakers and no wake
// lock: those must fail quietly (phonePage fails the test on any console error).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './support/server.mjs';
import { closePagesAfterEachTest, launch, phonePage } from './support/browser.mjs';
import { assertNoProblems, listedRuns, openScreen, pickedScore, pickScore, stored } from './support/app.mjs';
import { now } from './support/clock.mjs';
import { CURRENT_SCHEMA } from './support/schema.mjs';

closePagesAfterEachTest();

let browser;
let server;
before(async () => {
  assert.ok(process.env.PATELLA_DIST_SUBPATH, 'set PATELLA_DIST_SUBPATH to the /patella/ build');
  server = await serve(process.env.PATELLA_DIST_SUBPATH, '/patella/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Week 1 is 21 minutes of 2 min walk / 1 min run; at 120× that is 10.5 s, a walk 1 s.
const SPEED = 120;

async function recoveryScreen(session) {
  await session.page.goto(`${server.url}recovery?speed=${SPEED}`);
  await session.page.getByRole('heading', { level: 1, name: 'Recovery' }).waitFor();
}

const segment = (page) => page.locator('#rec-segment');

/** Opens the app with one saved knee check, taken now; returns when it was taken. */
async function withSavedCheck(page, { care_tier, conditions }) {
  await page.goto(`${server.url}`);
  const at = now().toISOString();
  await page.evaluate((check) => {
    localStorage.setItem('patella.triage', JSON.stringify({ schema: 1, data: [check] }));
  }, { id: 'check1', updated_at: at, taken_at: at, care_tier, conditions, answers: {} });
  return at;
}

describe('recovery', () => {
  test('a week-1 walk-run session, timed, saved with its pain, in the Log and the plan', async () => {
    const session = await phonePage(browser, server.origin);
    const { context, page, problems } = session;
    await recoveryScreen(session);

    await page.getByLabel('Start at').selectOption('week1');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'Now: Week 1' }).waitFor();
    // Focus follows each step, so a screen reader never falls back to the top of the page.
    const focusOn = (id) => page.waitForFunction((want) => document.activeElement?.id === want, id);
    await focusOn('rec-stage');

    await page.getByLabel('Session', { exact: true }).selectOption('stage');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await segment(page).filter({ hasText: 'WALK' }).waitFor();
    await focusOn('rec-pause');
    await segment(page).filter({ hasText: 'RUN' }).waitFor({ timeout: 5000 });
    await segment(page).filter({ hasText: 'WALK' }).waitFor({ timeout: 5000 });

    // The timer lives in storage: a reload picks it up where it is.
    const kept = await stored(page, 'patella.recovery.timer');
    assert.equal(kept.schema, 1);
    assert.equal(kept.data.run.plan.walk_minutes, 2);
    await recoveryScreen(session);
    await segment(page).filter({ hasText: /WALK|RUN/ }).waitFor();
    // Browsers play sound only after a tap, so a reloaded timer offers to turn the beeps on.
    await page.getByRole('button', { name: 'Turn the beeps on' }).click();
    await page.getByRole('button', { name: 'Turn the beeps on' }).waitFor({ state: 'detached' });

    // Pause freezes the countdown; resume carries on.
    await page.getByRole('button', { name: 'Pause' }).click();
    await segment(page).filter({ hasText: 'PAUSED' }).waitFor();
    const frozen = await page.locator('#rec-countdown').innerText();
    await page.waitForTimeout(600);
    assert.equal(await page.locator('#rec-countdown').innerText(), frozen);
    await page.getByRole('button', { name: 'Resume' }).click();

    // The session runs to its end by itself.
    await page.getByRole('heading', { name: /Session done: 21:00/ }).waitFor({ timeout: 15000 });
    await focusOn('rec-finish-heading');
    const estimate = await page.getByLabel('Distance covered').inputValue();
    assert.ok(Number(estimate) > 1 && Number(estimate) < 3, `estimate ${estimate}`);
    await pickScore(page, 'Pain during (0 none – 10 worst)', 2);
    await pickScore(page, 'Pain afterwards (0 – 10)', 1);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('status').filter({ hasText: 'It is in the Log' }).waitFor();
    assert.equal(await stored(page, 'patella.recovery.timer'), null);

    // The plan's decision names the session and counts it.
    await page.locator('.decision-reason').filter({ hasText: '1 of 3 sessions done at week 1' }).waitFor();
    const runs = await stored(page, 'patella.runs');
    assert.equal(runs.data.length, 1);
    assert.equal(runs.data[0].kind, 'recovery');
    assert.equal(runs.data[0].duration, 1260);
    assert.equal(runs.data[0].pain_during, 2);

    await openScreen(page, 'Log');
    const listed = await listedRuns(page);
    assert.equal(listed.length, 1);
    assert.match(listed[0], /21:00/);

    // Home's first card is the plan's step, and leads back to it.
    await openScreen(page, 'Home');
    const glance = page.getByRole('region', { name: 'What to do this week' });
    await glance.getByText('Back-to-running plan: Week 1').waitFor();
    await glance.getByText('1 of 3 sessions done at this step.').waitFor();
    assert.equal(await glance.getByText(/start it again/).count(), 0);
    await glance.getByRole('link', { name: 'Open Recovery' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recovery' }).waitFor();
    await page.locator('.decision-reason').filter({ hasText: '2/10 during, 1/10 after' }).waitFor();

    // A painful session steps back (week 1 cannot go lower: it starts again).
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await segment(page).filter({ hasText: 'WALK' }).waitFor();
    await page.getByRole('button', { name: 'End' }).click();
    await pickScore(page, 'Pain during (0 none – 10 worst)', 5);
    await pickScore(page, 'Pain afterwards (0 – 10)', 5);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page
      .locator('.decision-reason')
      .filter({ hasText: /start it again because pain was 5\/10 during \w+day's session/ })
      .waitFor();
    // On Home too, the step back is said with its reason until a good session follows.
    await openScreen(page, 'Home');
    await glance.getByText('0 of 3 sessions done at this step.').waitFor();
    await glance.getByText(/start it again because pain was 5\/10 during/).waitFor();

    // A session is thrown away only on a second, deliberate tap.
    await glance.getByRole('link', { name: 'Open Recovery' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'End' }).click();
    // One answer given and one missed, then the session thrown away.
    await pickScore(page, 'Pain afterwards (0 – 10)', 3);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('status').filter({ hasText: 'Nothing was saved' }).waitFor();
    await page.getByText('Enter your pain from 0 (none) to 10 (worst).').waitFor();
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Tap "Discard for good"' }).waitFor();
    await page.getByRole('heading', { name: /Session done/ }).waitFor();
    await page.getByRole('button', { name: 'Discard for good' }).click();
    await page.getByRole('status').filter({ hasText: 'The session was not saved.' }).waitFor();
    assert.equal((await stored(page, 'patella.runs')).data.length, 2);
    // The next session's questions start empty: the discarded pain is not carried over.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'End' }).click();
    await page.getByRole('heading', { name: /Session done/ }).waitFor();
    assert.equal(await pickedScore(page, 'Pain during (0 none – 10 worst)'), null);
    assert.equal(await pickedScore(page, 'Pain afterwards (0 – 10)'), null);
    assert.equal(await page.locator('.timer-finish [aria-invalid="true"]').count(), 0);

    assertNoProblems(problems);
    await context.close();
  });

  test('a strength checklist ticked and saved shows in the week adherence after reload', async () => {
    const session = await phonePage(browser, server.origin);
    const { context, page, problems } = session;
    await recoveryScreen(session);
    const adherence = page.locator('#rec-adherence');
    await adherence.filter({ hasText: 'This week: 0 of 2–3 strength sessions' }).waitFor();

    await page.getByLabel('Plan for').selectOption('it_band');
    await page.getByRole('checkbox', { name: /Clamshells/ }).check();
    await page.getByRole('checkbox', { name: /Side-lying leg lifts/ }).check();
    await page.getByRole('button', { name: "Save today's exercises" }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: 2 exercises today.' }).waitFor();
    await adherence.filter({ hasText: 'This week: 1 of 2–3 strength sessions' }).waitFor();

    await recoveryScreen(session);
    await adherence.filter({ hasText: 'This week: 1 of 2–3 strength sessions' }).waitFor();
    // The plan picked by hand is kept too.
    assert.equal(await page.getByLabel('Plan for').inputValue(), 'it_band');
    const strength = await stored(page, 'patella.strength');
    assert.deepEqual(strength.data[0].exercises, ['clamshell', 'side_lying_leg_lift']);

    // The metronome starts and stops without a sound card, quietly.
    await page.getByRole('button', { name: 'Start metronome' }).click();
    await page.getByRole('button', { name: 'Stop metronome' }).click();
    await page.getByRole('button', { name: 'Start metronome' }).waitFor();

    assertNoProblems(problems);
    await context.close();
  });
  test('the plan and the exercises start from the latest knee check', async () => {
    const session = await phonePage(browser, server.origin);
    const { context, page, problems } = session;
    const now = await withSavedCheck(page, { care_tier: 'self_manage', conditions: ['it_band'] });
    await recoveryScreen(session);
    // The button names the runner's local day as the app writes it: "29 Nov 2026".
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const taken = new Date(now);
    const day = `${taken.getDate()} ${MONTHS[taken.getMonth()]} ${taken.getFullYear()}`;
    await page.getByRole('button', { name: `Start from my knee check of ${day}` }).click();
    await page.getByRole('heading', { name: 'Now: Week 1' }).waitFor();
    assert.equal(await page.getByLabel('Plan for').inputValue(), 'check');
    const first = page.locator('.checklist').last().getByRole('checkbox').first();
    assert.equal(await first.getAttribute('id'), 'rec-ex-side_lying_leg_lift'); // IT band's first-line exercise leads
    const prefs = await stored(page, 'patella.recovery');
    assert.equal(prefs.schema, CURRENT_SCHEMA);
    assert.equal(prefs.data.start.stage, 'week1');
    // The check's local day, as the button names it: not its UTC day, which is another day
    // on a New York evening or a Sydney morning.
    const localDay = `${taken.getFullYear()}-${String(taken.getMonth() + 1).padStart(2, '0')}-${String(taken.getDate()).padStart(2, '0')}`;
    assert.equal(prefs.data.start.from_knee_check, localDay);
    assertNoProblems(problems);
    await context.close();
  });

  test('a recovery plan this build cannot read is set aside, never written over unseen', async () => {
    const session = await phonePage(browser, server.origin);
    const { context, page, problems } = session;
    await page.goto(`${server.url}`);
    // As a newer Patella might have left it.
    const unreadable = '{"schema":2,"data":{"start":{"date":"2026-11-01","stage":"week3","pace":"easy"}}}';
    await page.evaluate((raw) => localStorage.setItem('patella.recovery', raw), unreadable);
    await recoveryScreen(session);
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'Now: Week 1' }).waitFor();

    const aside = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('patella.quarantine.recovery.')),
    );
    assert.equal(aside.length, 1);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), aside[0]), unreadable);
    assert.equal((await stored(page, 'patella.recovery')).data.start.stage, 'week1');
    // The runner is told at once, and can take the old plan away.
    const notice = page.getByRole('alert').filter({ hasText: 'Some saved data could not be read.' });
    await notice.getByRole('button', { name: 'Download the damaged data' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  test('after a knee check that found a warning sign, no exercise is offered until the knee is seen', async () => {
    const session = await phonePage(browser, server.origin);
    const { context, page, problems } = session;
    // A red flag ends the check before any cause is weighed, so no condition is saved.
    await withSavedCheck(page, { care_tier: 'same_day', conditions: [] });
    await recoveryScreen(session);
    const strength = page.getByRole('region', { name: 'Strength and mobility' });
    assert.equal(await page.getByLabel('Plan for').inputValue(), 'check');
    await strength.getByText('Your last knee check found a warning sign. Have the knee examined before').waitFor();
    assert.equal(await strength.getByRole('checkbox').count(), 0);
    // Once the knee has been seen, the runner picks a plan by hand.
    await page.getByLabel('Plan for').selectOption('general');
    await strength.getByRole('checkbox', { name: /Clamshells/ }).waitFor();
    assert.equal(await strength.getByText('found a warning sign').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });
});
