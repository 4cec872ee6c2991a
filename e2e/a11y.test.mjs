// Accessibility and phone-fit gates over every screen and every step of the knee check, in
// light and dark: axe-core finds no violations, every tap target is at least 44×44 CSS px,
// nothing scrolls sideways at 360 px or at 200% zoom, and the knee check can be done with
// the keyboard alone. Also saves a 360×740 screenshot of each screen to target/screenshots/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { phonePage } from './support/browser.mjs';
import { addRun, releaseApp } from './support/app.mjs';
import { dayFromToday } from './support/dates.mjs';
import {
  answerStory,
  focusSettled,
  FRONT_OF_KNEE_STORY,
  GRADUAL_START,
  question,
  start,
} from './support/knee_check.mjs';
import { SCREENS } from './support/screens.mjs';

const app = releaseApp();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'target/screenshots';

/** axe-core's violations on the page as it is now, one line each. */
async function axeViolations(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.map(
    (v) => `${where}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** Interactive elements smaller than 44×44 CSS px (a checkbox counts by its label). */
async function smallTargets(page, where) {
  const small = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const target = el.matches('input[type=checkbox], input[type=radio]') ? el.closest('label') ?? el : el;
        const box = target.getBoundingClientRect();
        const name = (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().slice(0, 40);
        return { name, width: Math.round(box.width), height: Math.round(box.height) };
      })
      .filter((t) => t.width < 44 || t.height < 44);
  });
  // The skip link is off screen until focused, then 44 px tall.
  return small.filter((t) => t.name !== 'Skip to content').map((t) => `${where}: "${t.name}" is ${t.width}×${t.height}`);
}

async function sidewaysScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return overflow > 0 ? [`${where}: scrolls sideways by ${overflow}px`] : [];
}

async function audit(page, where) {
  return [...(await axeViolations(page, where)), ...(await smallTargets(page, where)), ...(await sidewaysScroll(page, where))];
}

async function openIn(scheme, path, heading, options = {}) {
  // Scale 1 so each screenshot is exactly 360×740 pixels.
  const session = await phonePage(app.browser, app.server.origin, {
    colorScheme: scheme,
    bypassCSP: true,
    deviceScaleFactor: 1,
    ...options,
  });
  await session.page.goto(`${app.server.url}${path}`);
  await session.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return session;
}

for (const scheme of ['light', 'dark']) {
  describe(`accessibility in ${scheme} mode`, () => {
    test('every screen, empty and with data, passes axe, tap-size and width checks', async () => {
      await mkdir(SHOTS, { recursive: true });
      const { context, page, problems } = await openIn(scheme, '', 'Home');
      const found = [];
      for (const screen of SCREENS) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: screen.name }).waitFor();
        found.push(...(await audit(page, `${screen.name} (empty)`)));
        await page.screenshot({ path: `${SHOTS}/${screen.path || 'home'}-${scheme}.png` });
      }
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
      for (const [daysAgo, km] of [[15, '5'], [8, '5'], [1, '9']]) {
        const date = dayFromToday(-daysAgo);
        await addRun(page, { date, distance: km, duration: '40' });
        await page.getByRole('status').filter({ hasText: `Saved: ${km} km` }).waitFor();
      }
      await page.getByRole('radio', { name: '3', exact: true }).check();
      await page.getByRole('button', { name: 'Save pain entry' }).click();
      await page.getByRole('region', { name: 'Pain entries' }).waitFor();
      found.push(...(await audit(page, 'Log (with runs and a pain entry)')));
      await page.screenshot({ path: `${SHOTS}/log-data-${scheme}.png` });
      // The import preview: a table of runs with tick boxes, and the reasons files were left out.
      await page.getByLabel('Import runs').setInputFiles(
        ['test.tcx', 'garmin-fenix-5-bike.fit', 'activity-unexpected-eof.fit'].map((name) => ({
          name,
          mimeType: 'application/octet-stream',
          buffer: readFileSync(new URL(`../tests/fixtures/activities/${name}`, import.meta.url)),
        })),
      );
      const preview = page.getByRole('heading', { level: 3, name: 'Found 1 activity' });
      await preview.waitFor();
      await preview.scrollIntoViewIfNeeded();
      found.push(...(await audit(page, 'Log (import preview)')));
      await page.screenshot({ path: `${SHOTS}/log-import-${scheme}.png` });
      await page.getByRole('button', { name: 'Cancel' }).click();
      // The back-to-running plan, started: its card on Recovery, and its step first on Home.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recovery' }).click();
      await page.getByRole('button', { name: 'Start the plan' }).click();
      await page.getByRole('heading', { level: 3, name: 'Now: Week 1' }).waitFor();
      found.push(...(await audit(page, 'Recovery (plan started)')));
      await page.getByRole('link', { name: 'One page for your clinician' }).click();
      await page.getByRole('heading', { level: 1, name: 'Knee summary for a clinician' }).waitFor();
      found.push(...(await audit(page, 'Clinician summary (with data)')));
      await page.screenshot({ path: `${SHOTS}/summary-${scheme}.png`, fullPage: true });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('img', { name: /^Distance run (each|this) week/ }).waitFor();
      await page.getByRole('region', { name: 'What to do this week' }).getByText('Back-to-running plan').waitFor();
      found.push(...(await audit(page, 'Home (with runs)')));
      await page.screenshot({ path: `${SHOTS}/home-data-${scheme}.png` });
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('every step of the knee check passes axe, tap-size and width checks', async () => {
      const { context, page, problems } = await openIn(scheme, 'knee-check', 'Knee check');
      const found = [];
      let step = 0;
      const check = async () => {
        step += 1;
        found.push(...(await audit(page, `knee check step ${step}`)));
      };
      await start(page);
      await answerStory(page, { ...GRADUAL_START, ...FRONT_OF_KNEE_STORY }, { beforeEach: check });
      await page.getByRole('region', { name: 'Your plan' }).waitFor();
      found.push(...(await audit(page, 'knee check result')));
      await page.screenshot({ path: `${SHOTS}/knee-check-result-${scheme}.png` });
      // Saved, the check is on Home.
      await page.getByRole('button', { name: 'Save to past checks' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('region', { name: 'Your last knee check' }).waitFor();
      found.push(...(await audit(page, 'Home (after a knee check)')));
      await page.getByRole('region', { name: 'Your last knee check' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/home-knee-check-${scheme}.png` });
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}

/**
 * Tabs through every focusable element of the screen once and lists each one that, focused,
 * sits wholly or partly under the fixed bottom navigation or the sticky header (WCAG 2.2's
 * "Focus Not Obscured", which axe does not test).
 */
async function focusHiddenUnderBars(page, where) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.activeElement?.blur();
  });
  const hidden = [];
  const seen = new Set();
  for (let i = 0; i < 250; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const nav = document.querySelector('.bottom-nav');
      const header = document.querySelector('.app-header');
      const key = el.id || `${el.tagName}:${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}`;
      if (nav?.contains(el) || header?.contains(el) || el.classList.contains('skip-link')) return { key, ok: true };
      const box = el.getBoundingClientRect();
      const navTop = nav ? nav.getBoundingClientRect().top : window.innerHeight;
      const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
      return { key, ok: box.bottom <= navTop + 0.5 && box.top >= headerBottom - 0.5, top: box.top, bottom: box.bottom };
    });
    if (!found) continue;
    if (seen.has(found.key)) break;
    seen.add(found.key);
    if (!found.ok) hidden.push(`${where}: "${found.key}" focused at ${Math.round(found.top)}–${Math.round(found.bottom)} px, under a bar`);
  }
  return hidden;
}

describe('large text and keyboard', () => {
  test('no focused element is hidden under the bottom navigation or the header', async () => {
    const found = [];
    for (const scheme of ['light', 'dark']) {
      const { context, page, problems } = await openIn(scheme, '', 'Home');
      const visitAll = async (state) => {
        for (const screen of SCREENS) {
          await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.name, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: screen.name }).waitFor();
          found.push(...(await focusHiddenUnderBars(page, `${screen.name} (${state}, ${scheme})`)));
        }
      };
      await visitAll('empty');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
      for (let i = 0; i < 6; i += 1) {
        await addRun(page, { date: `2026-11-${String(10 + i).padStart(2, '0')}`, distance: '5', duration: '30' });
        await page.getByRole('status').filter({ hasText: 'Saved: 5 km' }).waitFor();
        // The confirmation is seen where it appears, not behind the navigation.
        const status = await page.evaluate(() => {
          const el = [...document.querySelectorAll('[role=status]')].find((s) => s.textContent.startsWith('Saved:'));
          return { bottom: el.getBoundingClientRect().bottom, navTop: document.querySelector('.bottom-nav').getBoundingClientRect().top };
        });
        if (status.bottom > status.navTop) found.push(`Log (${scheme}): "Saved" message at ${Math.round(status.bottom)} px, under the navigation`);
      }
      await visitAll('with data');
      assert.deepEqual(problems, []);
      await context.close();
    }
    assert.deepEqual(found, []);
  });

  test('at 200% zoom (180 CSS px wide) no screen scrolls sideways', async () => {
    const { context, page, problems } = await openIn('light', '', 'Home', { viewport: { width: 180, height: 370 } });
    const found = [];
    for (const screen of SCREENS) {
      await page.goto(`${app.server.url}${screen.path}`);
      await page.getByRole('heading', { level: 1, name: screen.name }).waitFor();
      found.push(...(await sidewaysScroll(page, `${screen.name} at 200%`)));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("with the phone's text at 200%, every label of the bottom bar is whole and on screen", async () => {
    const { context, page, problems } = await openIn('light', '', 'Home');
    // The phone's text-size setting scales the root font, not the page: 200% text, 360 px wide.
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('nav[aria-label="Main"] a')]
        .filter((link) => {
          const box = link.getBoundingClientRect();
          return link.scrollWidth > link.clientWidth || box.left < 0 || box.right > window.innerWidth;
        })
        .map((link) => link.textContent.trim()),
    );
    assert.deepEqual(cut, [], 'labels cut or off the screen');
    assert.deepEqual(await sidewaysScroll(page, 'Home with 200% text'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the knee check can be done with the keyboard alone', async () => {
    const { context, page, problems } = await openIn('light', 'knee-check', 'Knee check');
    /** Tabs forward until the focused element has this accessible name, then presses a key. */
    const press = async (name, key = 'Enter') => {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement;
          return (el?.getAttribute('aria-label') || el?.textContent || '').trim();
        });
        if (focused === name) {
          await page.keyboard.press(key);
          return;
        }
      }
      assert.fail(`could not reach "${name}" with Tab`);
    };
    const keyTap = async (name) => {
      const before = await question(page).innerText().catch(() => '');
      await press(name);
      await page.waitForFunction((text) => document.querySelector('#kc-question')?.innerText !== text, before);
      await focusSettled(page);
    };
    await press('Start knee check');
    await question(page).waitFor();
    await focusSettled(page);
    const keyPick = async (_, names) => {
      for (const name of names) await press(name, 'Space');
      await keyTap('Continue');
    };
    await answerStory(page, { ...GRADUAL_START, ...FRONT_OF_KNEE_STORY }, {
      tapWith: (_, name) => keyTap(name),
      pickWith: keyPick,
    });
    await page.getByRole('region', { name: 'Your plan' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
