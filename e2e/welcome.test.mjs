// The first visit (issue 28): before anything else, Home says what Patella is and is not,
// has the unit ready from the phone's language, and says how to keep the app and its data on
// this device. Put away once, it never comes back; a runner with data never sees it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { phonePage } from './support/browser.mjs';
import { addRun, assertNoProblems, openScreen, releaseApp, stored } from './support/app.mjs';
import { dayFromToday } from './support/dates.mjs';

const app = releaseApp();
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

const welcome = (page) => page.getByRole('region', { name: 'Welcome to Patella' });

describe('the first visit', () => {
  test('the welcome comes first, with the phone’s unit, and once put away stays away', async () => {
    const { page, problems } = await phonePage(app.browser, app.server.origin, { locale: 'en-US' });
    await page.goto(app.server.url);
    await welcome(page).waitFor();
    const first = await page.locator('main section.card > h2').first().innerText();
    assert.equal(first, 'Welcome to Patella');
    const text = await welcome(page).innerText();
    for (const promise of [/no account/, /nothing is sent anywhere/, /no signal/, /not a diagnosis/, /a week without a visit/]) {
      assert.match(text, promise);
    }
    const units = welcome(page).getByLabel('Count distances in', { exact: true });
    assert.equal(await units.inputValue(), 'mi');
    await units.selectOption('km');
    assert.equal((await stored(page, 'patella.settings')).data.units, 'km');
    assert.equal(await stored(page, 'patella.welcomed'), null, 'choosing a unit is not putting it away');

    await welcome(page).getByRole('button', { name: 'Got it' }).click();
    await welcome(page).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    assert.ok(await stored(page, 'patella.welcomed'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.locator('main section.card').first().waitFor();
    assert.equal(await welcome(page).count(), 0);
    // The steps stay in Settings.
    await openScreen(page, 'Settings');
    await page.getByText('a week without a visit').waitFor();
    assertNoProblems(problems);
  });

  test('on an iPhone it gives Safari’s steps; a runner with data is not welcomed', async () => {
    const { page, problems } = await phonePage(app.browser, app.server.origin, { userAgent: IPHONE });
    await page.goto(app.server.url);
    await welcome(page).getByText('tap Share, then Add to Home Screen').waitFor();
    assert.equal(await welcome(page).getByLabel('Count distances in', { exact: true }).inputValue(), 'km');

    await openScreen(page, 'Log');
    await addRun(page, { date: dayFromToday(-1), distance: '5', duration: '30' });
    await page.getByRole('status').filter({ hasText: 'Saved: 5 km' }).waitFor();
    await openScreen(page, 'Home');
    await page.getByRole('region', { name: 'What to do this week' }).or(page.locator('main section.card').first()).first().waitFor();
    assert.equal(await welcome(page).count(), 0);
    assertNoProblems(problems);
  });
});
