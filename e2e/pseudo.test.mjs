// The pseudo-locale (en-XA, src/domain/content/pseudo.rs): a phone set to it gets every
// text that passes through the catalogue (English::say) accented, vowels doubled and in
// brackets. Walking every screen with a runner's data stored, this finds:
//   - text that reached the screen without the catalogue: unaccented English words (the
//     list is written to target/pseudo-left.txt), apart from names, the runner's own words
//     (marked translate="no") and dates and distances (the date style's and the unit's);
//   - layout that breaks when words are a third longer: nothing scrolls sideways at 360 px,
//     and no button, link or navigation label is cut off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { phonePage } from './support/browser.mjs';
import { releaseApp } from './support/app.mjs';
import { SCREENS } from './support/screens.mjs';

const app = releaseApp();

/** A runner's data, as Patella 0.6.0 stores it (tests/fixtures/schema/v6), with the
 * English and the date style left to the phone, as a device that never chose them. */
function storedData() {
  const folder = 'tests/fixtures/schema/v6';
  return readdirSync(folder)
    .filter((name) => name.startsWith('patella.'))
    .map((name) => {
      const envelope = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      if (name === 'patella.settings.json') {
        delete envelope.data.english;
        delete envelope.data.dates;
      }
      return [name.replace(/\.json$/, ''), JSON.stringify(envelope)];
    });
}

/**
 * The visible text of the app's chrome and screen, one entry per text node, with what breaks:
 * English words that were not made pseudo, sideways scrolling, and controls whose text is cut.
 */
function inspect() {
  const english = /[A-Za-z]{2,}/;
  // Dates, times and distances are the date style's and the unit's (src/domain/dates.rs,
  // units.rs), not messages: a language of its own brings its month names with them.
  const formatting = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM|am|pm|km|mi)\b/g;
  const left = [];
  const roots = ['header', 'main', 'nav'].map((css) => document.querySelector(css)).filter(Boolean);
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('[hidden], [aria-hidden="true"], script, style, svg')) continue;
      if (parent.getClientRects().length === 0) continue;
      // Names (the app's, a shoe's, a run's) and the runner's own notes are not translated.
      if (parent.closest('[translate="no"]')) continue;
      const words = text.replace(formatting, '');
      if (english.test(words) && !/[\u00c0-\u024f\u1e00-\u1eff]/.test(text)) left.push(text.slice(0, 80));
    }
  }
  const cut = [...document.querySelectorAll('button, a, summary, label, nav span')]
    .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
    .map((el) => el.textContent.trim().slice(0, 40));
  const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  return { left, cut, sideways };
}

describe('the pseudo-locale', () => {
  test('the welcome, every screen with data, a result, a question, a refused form, an import and a restore: all text translated, no layout broken', async () => {
    const { context, page } = await phonePage(app.browser, app.server.origin, { locale: 'en-XA' });
    await page.goto(app.server.url);
    const found = {};
    const broken = [];
    const sweep = async (name) => {
      const { left, cut, sideways } = await page.evaluate(inspect);
      found[name] = left;
      if (sideways > 0) broken.push(`${name}: scrolls sideways by ${sideways}px`);
      for (const text of cut) broken.push(`${name}: "${text}" is cut off`);
    };
    // A first visit: the welcome, before anything is stored.
    await page.locator('#welcome-heading').waitFor();
    await sweep('Home (first visit)');
    await page.evaluate((entries) => {
      for (const [key, value] of entries) localStorage.setItem(key, value);
    }, storedData());
    const visits = [...SCREENS.map((s) => ({ name: s.name, path: s.path })), { name: 'Clinician summary', path: 'summary' }];
    for (const visit of visits) {
      await page.goto(`${app.server.url}${visit.path}`);
      await page.locator('main#main h1').waitFor();
      // Screens fetched on demand draw after their piece arrives.
      await page.waitForFunction(() => !document.querySelector('.loading'));
      await page.waitForTimeout(300);
      await sweep(visit.name);
    }
    // The saved check's result, and the knee check's first question.
    await page.goto(`${app.server.url}knee-check`);
    await page.locator('.kc-history-item').first().click();
    await page.locator('#kc-result-heading').waitFor();
    await sweep('Knee check result');
    await page.goto(`${app.server.url}knee-check`);
    await page.locator('.kc-start .button').first().click();
    await page.locator('#kc-question').waitFor();
    await sweep('Knee check question');
    // A form refusing what was typed.
    await page.goto(`${app.server.url}log`);
    await page.locator('#run-form-heading').waitFor();
    await page.locator('#run-distance').fill('far');
    await page.locator('form:has(#run-distance) button[type=submit]').click();
    await page.locator('#run-distance-error').waitFor();
    await sweep('Log (a refused run)');
    // The import preview: a run, a ride and a damaged file.
    await page.locator('#import-files').setInputFiles(
      ['test.tcx', 'garmin-fenix-5-bike.fit', 'activity-unexpected-eof.fit'].map((name) => ({
        name,
        mimeType: 'application/octet-stream',
        buffer: readFileSync(new URL(`../tests/fixtures/activities/${name}`, import.meta.url)),
      })),
    );
    await page.locator('.import-table').waitFor();
    await sweep('Log (import preview)');
    // The backup check before a restore.
    await page.goto(`${app.server.url}settings`);
    await page.locator('main#main h1').waitFor();
    await page.locator('#restore-file').setInputFiles({
      name: 'patella-backup.json',
      mimeType: 'application/json',
      buffer: readFileSync('tests/fixtures/schema/v6/backup-v6.json'),
    });
    await page.locator('.confirm button').first().waitFor();
    await sweep('Settings (a backup found)');
    mkdirSync('target', { recursive: true });
    writeFileSync(
      'target/pseudo-left.txt',
      Object.entries(found).map(([name, left]) => `## ${name} (${left.length})\n${left.join('\n')}\n`).join('\n'),
    );
    assert.deepEqual(broken, []);
    const left = Object.entries(found)
      .filter(([, texts]) => texts.length > 0)
      .map(([name, texts]) => `${name}: ${texts.join(' | ')}`);
    assert.deepEqual(left, []);
    await context.close();
  });
});
