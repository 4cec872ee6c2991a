// Everyday use at 360 px (issue 16): pain is one tap from Home and scored with 0–10 buttons
// that the keyboard can work, the Log's own links reach each section without scrolling, and
// the weekly chart starts at the first run with its axes, this week "so far" and a text
// alternative. Saves Log, Home with data and the chart, light and dark, to target/screenshots/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { phonePage } from './support/browser.mjs';
import { addRun, assertNoProblems, openScreen, releaseApp, stored } from './support/app.mjs';
import { dayFromToday, weeksSpanned } from './support/dates.mjs';

const app = releaseApp();
const SHOTS = 'target/screenshots';

const isoDaysAgo = (daysAgo) => dayFromToday(-daysAgo);

/** Whether an element's box lies wholly between the sticky header and the bottom bar. */
async function inView(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel).getBoundingClientRect();
    const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
    const nav = document.querySelector('nav[aria-label="Main"]')?.getBoundingClientRect().top ?? innerHeight;
    return box.top >= header - 1 && box.top < nav;
  }, selector);
}

for (const scheme of (process.env.SCHEMES ?? 'light,dark').split(',')) {
  describe(`everyday use in ${scheme} mode`, () => {
    test('pain one tap from Home, the Log reachable by its own links, a chart that reads', async () => {
      await mkdir(SHOTS, { recursive: true });
      const { context, page, problems } = await phonePage(app.browser, app.server.origin, {
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      await page.goto(`${app.server.url}log`);
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      for (const [daysAgo, km] of [[15, '5'], [8, '7.5'], [1, '9']]) {
        await addRun(page, { date: isoDaysAgo(daysAgo), distance: km, duration: '45' });
        await page.getByRole('status').filter({ hasText: `Saved: ${km} km` }).waitFor();
      }

      // The pain score: a radio group the arrow keys move through, worded for the day.
      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Pain' }).click();
      await page.waitForFunction(() => location.hash === '#pain');
      assert.ok(await inView(page, '#pain'), 'the pain entry is on screen after one tap');
      await page.getByLabel('Day', { exact: true }).fill(isoDaysAgo(1));
      const group = page.getByRole('group', { name: /Pain yesterday \(0 none – 10 worst\)/ });
      await group.waitFor();
      await page.getByRole('checkbox', { name: 'Stiff or sorer that morning' }).waitFor();
      await group.getByRole('radio', { name: '2', exact: true }).check();
      await page.keyboard.press('ArrowRight');
      assert.ok(await group.getByRole('radio', { name: '3', exact: true }).isChecked(), 'an arrow key moves the score');
      await page.getByRole('button', { name: 'Save pain entry' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved: pain 3/10 yesterday.' }).waitFor();
      assert.equal((await stored(page, 'patella.pain')).data[0].pain, 3);

      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Shoes' }).click();
      await page.waitForFunction(() => location.hash === '#shoes');
      assert.ok(await inView(page, '#shoes'), 'Shoes is on screen after one tap');
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/everyday-log-${scheme}.png` });

      // Home: this week, the chart from the first run's week, and pain a tap away.
      await openScreen(page, 'Home');
      const chart = page.locator('.weekly-chart');
      await chart.waitFor();
      const caption = await chart.locator('figcaption').innerText();
      // From the first run's week to this one: three weeks, or four when today is a Monday.
      const weeks = weeksSpanned(isoDaysAgo(15), isoDaysAgo(0));
      assert.match(caption, new RegExp(`^Distance run each week, in kilometres, over ${weeks} weeks from `));
      assert.match(caption, /This week so far: /);
      assert.match(caption, /Highest pain: 3\/10/);
      assert.equal(await chart.locator('rect.bar').count(), weeks, 'no empty weeks before the first run');
      assert.equal(await chart.locator('text', { hasText: 'so far' }).count(), 1);
      // Pain stands out from the card by at least 3:1 in this theme.
      const contrast = await page.evaluate(() => {
        const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => {
          const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
          return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        };
        const dot = lum(rgb(getComputedStyle(document.querySelector('.pain-dot')).fill));
        const card = lum(rgb(getComputedStyle(document.querySelector('.weekly-chart').closest('.card')).backgroundColor));
        return (Math.max(dot, card) + 0.05) / (Math.min(dot, card) + 0.05);
      });
      assert.ok(contrast >= 3, `pain dot contrast ${contrast.toFixed(2)}:1`);
      await chart.scrollIntoViewIfNeeded();
      await chart.screenshot({ path: `${SHOTS}/everyday-chart-${scheme}.png` });
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/everyday-home-${scheme}.png` });

      await page.getByRole('link', { name: 'Log pain' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      await page.waitForFunction(() => {
        const box = document.getElementById('pain')?.getBoundingClientRect();
        return box && box.top < innerHeight / 2;
      });
      assert.ok(await inView(page, '#pain'), 'Log pain opens the Log at the pain entry');
      assertNoProblems(problems);
      await context.close();
    });
  });
}
