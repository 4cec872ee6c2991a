// The runner's journeys, one file run once per engine (PATELLA_ENGINE = chromium, firefox or
// webkit; scripts/test.sh runs all three) against the release build under /patella/ served
// like GitHub Pages, at phone size. Each engine is driven through its own WebDriver with the
// same small client (webdriver.mjs), and a script loaded first in the page (guard.js)
// records page errors, unhandled rejections, CSP violations, console errors and requests to
// another origin, which every journey requires to be none.
//   PATELLA_DIST_SUBPATH  the /patella/ release build (scripts/build-release.sh)
//   PATELLA_ENGINE        chromium | firefox | webkit
import * as steps from '../support/steps.mjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDate, fixtureDay } from '../support/activities.mjs';
import { dayFromToday, dayWords, usDayWords, weekWords } from '../support/dates.mjs';
import { serve } from '../support/server.mjs';
import { FAULT, guardedBuild } from './build.mjs';
import { fitViewport, launchEngine, PHONE } from './engines.mjs';
import { Page, pattern } from './page.mjs';
import * as kneeCheck from './knee_check.mjs';
import { SCREENS as DESTINATIONS } from '../support/screens.mjs';
import { CURRENT_SCHEMA } from '../support/schema.mjs';

const ENGINE = process.env.PATELLA_ENGINE ?? 'chromium';
const SCREENSHOTS = join('target', 'screenshots', ENGINE);

let build;
let server;
let browser;
/** @type {Page} */
let page;
const numbers = {};

before(async () => {
  assert.ok(process.env.PATELLA_DIST_SUBPATH, 'set PATELLA_DIST_SUBPATH to the /patella/ build');
  build = guardedBuild(process.env.PATELLA_DIST_SUBPATH);
  server = await serve(build.dir, '/patella/');
  browser = await launchEngine(ENGINE);
  page = new Page(browser.session, ENGINE);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.stop();
  await server?.close();
  build?.remove();
  if (Object.keys(numbers).length) console.log(`# ${ENGINE} numbers: ${JSON.stringify(numbers)}`);
});

/** Opens `path` with nothing stored, as a runner's first visit to that address. */
async function fresh(path, heading) {
  await page.navigate(`${server.url}settings`);
  await page.screen('Settings');
  // MiniBrowser shows a bar under the page after a download: the page is made 360×740 again.
  await fitViewport(browser.session);
  await page.execute(() => localStorage.clear());
  await page.navigate(`${server.url}${path}`);
  await page.screen(heading);
}

async function shoot(name) {
  writeFileSync(join(SCREENSHOTS, `${name}.png`), await browser.session.screenshot());
}

const openScreen = (name) => steps.openScreen(page, name);
const addRun = (run) => steps.addRun(page, run);
const listedRuns = () => steps.listedRuns(page);

const localDay = (daysAgo) => dayFromToday(-daysAgo);

/** Milliseconds from navigation start to Home drawn by the app (guard.js times it). */
function homeInteractive() {
  const h1 = document.querySelector('main#main h1');
  return h1 && h1.textContent.trim() === 'Home' && window.__patellaReady;
}

describe(`the runner's journeys in ${ENGINE}`, () => {
  test('first visit: Home, then every destination from the navigation, and a deep link reloaded', async () => {
    await page.navigate(server.url);
    const viewport = await fitViewport(browser.session);
    numbers.viewport = `${viewport.width}×${viewport.height}`;
    console.log(`# ${ENGINE} viewport ${viewport.width}×${viewport.height} (wanted ${PHONE.width}×${PHONE.height})`);
    assert.equal(viewport.width, PHONE.width, 'the page is phone-wide');
    // A true first visit: a fresh profile, no service worker yet, nothing stored.
    numbers.homeInteractiveColdMs = Math.round(await page.until(homeInteractive, [], { what: 'Home interactive' }));
    await page.screen('Home');
    await shoot('home-first-visit');

    const names = await page.execute(() =>
      [...document.querySelectorAll('nav[aria-label="Main"] a')].map((a) => a.textContent.trim()),
    );
    assert.deepEqual(names, DESTINATIONS.map((d) => d.name));
    for (const destination of DESTINATIONS) {
      await openScreen(destination.name);
      assert.equal(await page.path(), `/patella/${destination.path}`);
      assert.equal(await browser.session.title(), `${destination.name} · Patella`);
      const current = await page.execute(
        (name) =>
          [...document.querySelectorAll('nav[aria-label="Main"] a')]
            .find((a) => a.textContent.trim() === name)
            ?.getAttribute('aria-current'),
        destination.name,
      );
      assert.equal(current, 'page');
      await shoot(`screen-${destination.path || 'home'}`);
    }
    const overflow = await page.execute(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${PHONE.width}px (${overflow}px)`);
    // Settings is taller than the screen: its scrollbar, as on a phone, takes no width.
    assert.equal(await page.execute(() => document.documentElement.clientWidth), PHONE.width);

    await page.navigate(`${server.url}log`);
    await page.screen('Log');
    await page.reload();
    await page.screen('Log');
    assert.equal(await page.path(), '/patella/log');
    await openScreen('Home');
    await page.assertNoProblems();

    // Again, now the service worker has the app: a warm start.
    await page.navigate(server.url);
    const fromWorker = await page.until(() => ({ worker: Boolean(navigator.serviceWorker.controller) }));
    numbers.homeInteractiveWarmMs = Math.round(await page.until(homeInteractive, [], { what: 'Home interactive' }));
    numbers.warmFromServiceWorker = fromWorker.worker;
    await page.assertNoProblems();
  });

  test('knee check: a warning sign on the first question ends on same-day care', async () => {
    await fresh('knee-check', 'Knee check');
    await kneeCheck.start(page);
    const { ms } = await kneeCheck.toSameDay(page);
    numbers.kneeCheckSameDayMs = ms;
    const result = await page.execute(() => document.querySelector('.kc-result').innerText);
    assert.match(result, /Same-day care/);
    assert.match(result, /Because you said/);
    assert.equal(await page.count('heading', 'Your plan, week by week'), 0, 'no self-care plan competes with getting care');
    await shoot('knee-check-same-day');
    await page.assertNoProblems();
  });

  test('knee check: a calm story reaches self-care, and a reload in the middle keeps the answers', async () => {
    await fresh('knee-check', 'Knee check');
    await kneeCheck.start(page);
    let reloadedAt = null;
    const { ms } = await kneeCheck.toSelfCare(page, async (p, n) => {
      if (n !== 10) return;
      const before = await kneeCheck.state(p);
      await p.reload();
      await p.screen('Knee check');
      // The check in progress is offered again exactly where it was.
      const resumed = await p.until(() => document.getElementById('kc-question') || document.querySelector('.kc-start button'));
      if (!(await p.execute((e) => e.id === 'kc-question', resumed))) await p.tap(resumed);
      const after = await kneeCheck.state(p);
      assert.equal(after.question, before.question);
      assert.equal(after.count, before.count);
      reloadedAt = after.count;
    });
    assert.ok(reloadedAt, 'the check was reloaded in the middle');
    numbers.kneeCheckSelfCareMs = ms;
    const result = await page.execute(() => document.querySelector('.kc-result').innerText);
    assert.match(result, /Self-care/);
    await page.heading('Your plan, week by week');
    await shoot('knee-check-self-care');
    await page.assertNoProblems();
  });

  test('Log: a run, a pain entry and a shoe; a delete undone; all there after a reload', async () => {
    await fresh('log', 'Log');
    await addRun({ date: '2026-11-16', distance: '5', duration: '30' });
    await page.status('Saved: 5 km');
    await addRun({ date: '2026-11-18', distance: '6.5', duration: '39:00' });
    await page.status('Saved: 6.5 km');
    await page.heading(`${weekWords('2026-11-16')}: 11.5 km in 2 runs`, { within: 'Runs' });

    await page.tapButton(`Delete run ${dayWords('2026-11-16')} · 5 km · 30:00 · 6:00 /km`, { within: 'Runs' });
    await page.see(`Deleted the run of ${dayWords('2026-11-16')}.`);
    assert.equal((await page.stored('patella.runs')).data.length, 1);
    await page.tapButton('Undo', { within: 'Runs' });
    await page.see(`The run of ${dayWords('2026-11-16')} is back.`);
    assert.equal((await page.stored('patella.runs')).data.length, 2);

    await page.tap(await page.get('input[type="radio"]', '4', { exact: true }));
    await page.tap(await page.get('checkbox', 'Outer side'));
    await page.tapButton('Save pain entry');
    await page.status('Saved: pain 4/10');

    await page.type('Shoe name', 'Blue trainers');
    await page.type('Distance already on them (optional)', '100');
    await page.tapButton('Add shoes');
    await page.see('Blue trainers: 100 km · default', { within: 'Shoes' });
    await shoot('log-filled');

    await page.reload();
    await page.screen('Log');
    await page.see('Blue trainers: 100 km · default', { within: 'Shoes' });
    assert.deepEqual(await listedRuns(), [
      `${dayWords('2026-11-18')} · 6.5 km · 39:00 · 6:00 /km`,
      `${dayWords('2026-11-16')} · 5 km · 30:00 · 6:00 /km`,
    ]);
    const [pain] = (await page.stored('patella.pain')).data;
    assert.equal(pain.pain, 4);
    assert.deepEqual(pain.areas, ['outer']);
    await page.see(`${dayWords(pain.date)} · 4/10 · Outer side`, { within: 'Pain entries' });
    assert.deepEqual((await page.stored('patella.runs')).data.map((r) => r.distance).sort(), [5000, 6500]);
    await page.assertNoProblems();
  });

  test("two tabs each adding a run keep both, and each shows the other's", async () => {
    await fresh('log', 'Log');
    const { session } = browser;
    const first = await session.windowHandle();
    const second = await session.newWindow();
    try {
      await session.switchToWindow(second);
      await page.navigate(`${server.url}log`);
      await page.screen('Log');
      await session.switchToWindow(first);
      await addRun({ date: '2026-11-20', distance: '5', duration: '30' });
      await page.status('Saved: 5 km');
      await session.switchToWindow(second);
      await addRun({ date: '2026-11-21', distance: '8', duration: '48' });
      await page.status('Saved: 8 km');
      const both = [`${dayWords('2026-11-21')} · 8 km · 48:00 · 6:00 /km`, `${dayWords('2026-11-20')} · 5 km · 30:00 · 6:00 /km`];
      assert.deepEqual(await listedRuns(), both);
      await page.assertNoProblems();
      // The first tab heard of the second tab's run without a reload (the storage event).
      await session.switchToWindow(first);
      await page.see(`${dayWords('2026-11-21')} · 8 km`, { within: 'Runs' });
      assert.deepEqual(await listedRuns(), both);
      assert.equal((await page.stored('patella.runs')).data.length, 2);
      await page.assertNoProblems();
    } finally {
      await session.switchToWindow(second).catch(() => {});
      await session.closeWindow().catch(() => {});
      await session.switchToWindow(first);
    }
  });

  test('Home: the week and a load warning built from stored runs', async () => {
    await fresh('log', 'Log');
    await addRun({ date: localDay(12), distance: '5', duration: '30' });
    await page.status('Saved: 5 km');
    await addRun({ date: localDay(6), distance: '5', duration: '30' });
    await page.status('Saved: 5 km');
    await addRun({ date: localDay(1), distance: '8', duration: '48' });
    await page.status('Saved: 8 km');
    await openScreen('Home');
    const spike = await page.until(() =>
      [...document.querySelectorAll('article')].find((a) => /A run much longer than usual/.test(a.textContent)),
    );
    // One headline and one action; what was seen is behind "Why?".
    assert.match(await page.execute((e) => e.innerText, spike), /What to do:/);
    await page.tap(await page.execute((e) => e.querySelector('summary'), spike));
    const text = await page.execute((e) => e.innerText, spike);
    assert.match(text, /8 km/);
    const week = await page.execute(() =>
      [...document.querySelectorAll('dt')].map((dt) => `${dt.textContent.trim()}: ${dt.nextElementSibling?.textContent.trim()}`),
    );
    assert.ok(week.some((line) => /km/.test(line)), week.join('\n'));
    const chart = await page.execute(() => {
      const svg = document.querySelector('svg[role="img"]');
      return svg && document.getElementById(svg.getAttribute('aria-labelledby'))?.textContent.trim();
    });
    assert.match(chart ?? '', /^Distance run (each|this) week, in kilometres/);
    await shoot('home-with-runs');
    await page.assertNoProblems();
  });

  test('Settings: download a backup, delete everything, restore it: every record back', async () => {
    await fresh('log', 'Log');
    await addRun({ date: '2026-11-20', distance: '5', duration: '30' });
    await page.status('Saved: 5 km');
    await addRun({ date: '2026-11-22', distance: '10', duration: '1:01:00' });
    await page.status('Saved: 10 km');
    await page.type('Shoe name', 'Blue trainers');
    await page.tapButton('Add shoes');
    await page.see('Blue trainers', { within: 'Shoes' });
    await openScreen('Settings');
    await page.choose('Distances in', 'mi');
    const before = await page.execute(() =>
      Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('patella.')).map((k) => [k, localStorage.getItem(k)])),
    );

    await page.tapButton('Download backup');
    await page.status('Backup downloaded.');
    const text = await page.lastDownload();
    const backup = JSON.parse(text);
    assert.equal(backup.format, 'patella-backup');
    assert.equal(backup.data.runs.length, 2);
    assert.equal(backup.data.shoes.length, 1);
    assert.equal(backup.data.settings.units, 'mi');
    const backupPath = join(browser.downloads, 'engine-backup.json');
    writeFileSync(backupPath, text);

    await page.tapButton('Delete all data');
    const confirm = await page.until(() => document.querySelector('[role="alertdialog"]'));
    assert.match(await page.execute((e) => e.innerText, confirm), /Delete 3 records from this device\?/);
    await page.tapButton('Delete 3 records');
    await page.see('Deleted 3 records.');
    assert.deepEqual(await page.execute(() => Object.keys(localStorage).filter((k) => k.startsWith('patella.'))), []);
    assert.equal(await page.value('Distances in'), 'km');

    // Choosing the file: WebDriver types its path into the file input.
    const input = await page.get('field', 'Restore from backup');
    await browser.session.sendKeys(input, backupPath);
    await page.get('region', 'Backup found');
    assert.match(await page.text('region', 'Backup found'), /It holds 2 runs/);
    await page.tapButton("Replace this device's data");
    await page.see("Restored: this device now holds exactly the backup's data.");
    assert.equal(await page.value('Distances in'), 'mi');

    await openScreen('Log');
    await page.reload();
    await page.screen('Log');
    assert.deepEqual(await listedRuns(), [
      `${dayWords('2026-11-22')} · 6.2 mi · 1:01:00 · 9:49 /mi`,
      `${dayWords('2026-11-20')} · 3.1 mi · 30:00 · 9:39 /mi`,
    ]);
    const afterRestore = await page.execute(() =>
      Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('patella.')).map((k) => [k, localStorage.getItem(k)])),
    );
    for (const key of ['patella.runs', 'patella.shoes', 'patella.settings']) {
      if (key in before) assert.deepEqual(JSON.parse(afterRestore[key]).data, JSON.parse(before[key]).data, key);
    }
    await page.assertNoProblems();
  });
});

describe(`more of the runner's journeys in ${ENGINE}`, () => {
  test('the in-page guard hears an error, a rejection, a CSP violation and another origin', async () => {
    // Proof that "no problems" above means something in this engine.
    await fresh('', 'Home');
    await page.execute((fault) => {
      const inline = document.createElement('script');
      inline.textContent = 'window.injected = true';
      document.body.append(inline);
      // A page script of the site's own that throws and leaves a rejection unhandled.
      const script = document.createElement('script');
      script.src = fault;
      document.body.append(script);
      const image = new Image();
      image.src = 'http://example.invalid/pixel.png';
    }, FAULT);
    const heard = await page.until(() => (window.__patellaProblems.length >= 4 ? window.__patellaProblems : null), [], {
      what: 'the guard to record four problems',
    });
    assert.equal(await page.execute(() => window.injected), null, 'the CSP blocked the injected script');
    const text = heard.join('\n');
    assert.match(text, /CSP violation: script-src/);
    assert.match(text, /thrown on purpose/);
    assert.match(text, /unhandled rejection: .*rejected on purpose/);
    assert.match(text, /(another origin|CSP violation: img-src).*example\.invalid/);
  });

  test('Settings: says in words whether this browser keeps the data, and how to install', async () => {
    await fresh('settings', 'Settings');
    const persistence = await page.until(() => {
      const text = document.querySelector('.persistence')?.textContent.trim();
      return text && !/Checking/.test(text) ? text : null;
    });
    assert.match(persistence, /(agreed to keep|may clear|does not say)/);
    await page.heading('Install Patella');
    await page.see('Add to Home Screen');
    // What this engine offers the timer and the store, for the README's table of browsers.
    const apis = await page.execute(async () => ({
      vibrate: 'vibrate' in navigator,
      wakeLock: navigator.wakeLock
        ? await navigator.wakeLock.request('screen').then(
            (sentinel) => sentinel.release().then(() => 'granted'),
            (error) => error.name,
          )
        : 'absent',
      beforeinstallprompt: 'onbeforeinstallprompt' in window,
      persist: navigator.storage && navigator.storage.persist ? await navigator.storage.persisted() : 'absent',
      audio: typeof AudioContext === 'function',
    }));
    numbers.persistence = persistence;
    numbers.apis = apis;
    await shoot('settings');
    await page.assertNoProblems();
  });
  test('Recovery: a timed walk-run session at 120× runs to its end, is saved, and is in the Log', async () => {
    // Week 1 is 21 minutes of 2 min walk / 1 min run; at 120× that is 10.5 s.
    await fresh('recovery?speed=120', 'Recovery');
    await page.choose('Start at', 'week1');
    await page.tapButton('Start the plan');
    await page.heading('Now: Week 1');
    await page.choose('Session', 'stage');
    const started = Date.now();
    await page.tapButton('Start');
    const segment = (word) =>
      page.until((w) => Boolean(document.getElementById('rec-segment')?.textContent.includes(w)), [word], {
        what: `the timer to show "${word}"`,
      });
    await segment('WALK');
    await shoot('recovery-timer');
    // The screen is kept on while the timer runs.
    const screenKeptOn = async () => {
      try {
        await page.until(() => (window.__patellaWakeLocks || []).some((lock) => lock.state === 'held'), [], {
          what: 'a screen wake lock held',
          timeout: 3000,
        });
      } catch (error) {
        const locks = await page.execute(() => window.__patellaWakeLocks);
        throw new Error(`${error.message}; wake locks asked for: ${JSON.stringify(locks)}`);
      }
    };
    await screenKeptOn();
    await segment('RUN');
    // The timer lives in storage: a reload picks it up where it was.
    await page.reload();
    await page.screen('Recovery');
    await segment('');
    // Browsers play sound only after a tap, so a reloaded timer offers to turn the beeps on;
    // the tap must be enough in every engine (AudioContext resumed inside it).
    await page.tapButton('Turn the beeps on');
    await page.gone('button', 'Turn the beeps on');
    // And kept on after the reload: asked for at once, or (WebKit, which wants a tap) on
    // the tap that turns the beeps on.
    await screenKeptOn();
    await page.tapButton('Pause');
    await segment('PAUSED');
    const frozen = await page.execute(() => document.getElementById('rec-countdown').textContent);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(await page.execute(() => document.getElementById('rec-countdown').textContent), frozen);
    await page.tapButton('Resume');
    await page.heading(pattern(/^Session done: 21:00/), { timeout: 40_000 });
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds >= 10.5, `21 minutes at 120× take at least 10.5 s, not ${seconds} s`);
    await page.pickScore('Pain during (0 none – 10 worst)', 2);
    await page.pickScore('Pain afterwards (0 – 10)', 1);
    await page.tapButton('Save session');
    await page.status('It is in the Log');
    const runs = (await page.stored('patella.runs')).data;
    assert.equal(runs.length, 1);
    assert.equal(runs[0].kind, 'recovery');
    assert.equal(runs[0].duration, 1260);
    assert.equal(runs[0].pain_during, 2);
    await openScreen('Log');
    const listed = await listedRuns();
    assert.equal(listed.length, 1);
    assert.match(listed[0], /21:00/);
    await page.assertNoProblems();
  });

  test("I've been seen: a runner told to see someone records their own programme, and Home and Recovery follow it", async () => {
    await fresh('', 'Home');
    // A check two days ago said see someone soon, stored as the knee check saves one.
    const taken = `${localDay(2)}T12:00:00Z`;
    await page.execute((at) => {
      const check = {
        id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
        updated_at: at,
        taken_at: at,
        care_tier: 'see_professional_soon',
        conditions: [],
        answers: {},
      };
      localStorage.setItem('patella.triage', JSON.stringify({ schema: 3, data: [check] }));
    }, taken);
    await page.reload();
    await page.screen('Home');
    const week = { within: 'What to do this week' };
    await page.see('Book a visit with a GP or physiotherapist', week);
    // The one page to take to that visit, fetched on demand in this engine too.
    await page.tapLink('One page for your clinician', week);
    await page.screen('Knee summary for a clinician');
    await page.see('Care it pointed to: See a professional soon.');
    await page.see('0 km in 0 runs over 8 weeks.');
    await shoot('summary');
    await openScreen('Home');
    await page.tap(await page.until(() => document.querySelector('.this-week .been-seen summary'), [], { what: "I've been seen" }));
    await page.tapButton('Given my own programme', week);
    await page.status('Saved: given my own programme.');
    await page.see('Follow the programme you were given', week);
    const offered = () => document.querySelectorAll('.been-seen').length;
    assert.equal(await page.execute(offered), 0, 'nothing asks to be seen any more');
    await shoot('home-own-programme');
    await openScreen('Recovery');
    await page.see('Follow the programme you were given', week);
    await page.see("Patella's plan is set aside");
    assert.equal(await page.count('button', 'Start the plan'), 0);
    const visits = await page.stored('patella.visits');
    assert.equal(visits.schema, CURRENT_SCHEMA);
    assert.deepEqual(visits.data.map((visit) => visit.advice), ['own_programme']);
    await page.assertNoProblems();
  });

  test('Import: a FIT and a GPX file read by the worker, previewed, added to the Log', async () => {
    await fresh('log', 'Log');
    const fixtures = new URL('../../tests/fixtures/activities/', import.meta.url).pathname;
    const input = await page.get('field', 'Import runs');
    // Two files at once: WebDriver takes one path per line.
    await browser.session.sendKeys(input, ['activity-small-fenix2-run.fit', 'garmin-activity.gpx'].map((f) => fixtures + f).join('\n'));
    const found = await page.heading(pattern(/^Found /), { timeout: 30_000 });
    assert.equal(await page.execute((e) => e.textContent.trim(), found), 'Found 2 activities');
    const rows = await page.execute(() =>
      [...document.querySelectorAll('table tbody tr')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()),
    );
    assert.match(rows[0], new RegExp(`^${fixtureDay('activity-small-fenix2-run.fit')} 9\\.01 km · 47:12 New activity-small-fenix2-run\\.fit$`));
    assert.match(rows[1], new RegExp(`^${fixtureDay('garmin-activity.gpx')} 12\\.8\\d km · 1:31:25 New garmin-activity\\.gpx$`));
    await shoot('import-preview');
    await page.tapButton('Add 2 runs');
    await page.status('Added 2 runs.');
    const data = (await page.stored('patella.runs')).data;
    const fit = data.find((run) => run.source?.format === 'fit');
    assert.equal(fit.date, fixtureDate('activity-small-fenix2-run.fit'));
    assert.equal(fit.duration, 2832);
    assert.equal(fit.cadence_spm, 162);
    const gpx = data.find((run) => run.source?.format === 'gpx');
    assert.equal(gpx.source.avg_heart_rate_bpm, 146);
    assert.equal((await listedRuns()).length, 2);
    await page.assertNoProblems();
  });

  test('Offline: with the server stopped, a deep link opens, a run is saved and kept after a reload', async () => {
    await fresh('', 'Home');
    // The service worker has the whole build before the network goes.
    await page.until(async () => {
      const registration = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      return Boolean(registration.active && navigator.serviceWorker.controller && names.length);
    }, [], { timeout: 30_000, what: 'the service worker to control the page with its cache' });
    const url = server.url;
    await server.close();
    server = null;
    await assert.rejects(fetch(url), 'the server is really down');

    await page.navigate(`${url}log`);
    await page.screen('Log');
    // The server is down, so the page came from the service worker, which controls it.
    assert.equal(await page.execute(() => Boolean(navigator.serviceWorker.controller)), true);
    await addRun({ date: '2026-11-21', distance: '6.4', duration: '36:00' });
    await page.status(`Saved: 6.4 km in 36:00 on ${dayWords('2026-11-21')}.`);
    // Reloaded as the page or the browser's button does; WebDriver's own refresh in Firefox
    // skips the service worker (it ends on Firefox's network error page), which no runner's
    // reload does.
    await page.execute(() => setTimeout(() => location.reload()));
    await page.until(() => performance.getEntriesByType('navigation')[0]?.type === 'reload', [], {
      what: 'the reloaded page',
    });
    await page.screen('Log');
    assert.deepEqual(await listedRuns(), [`${dayWords('2026-11-21')} · 6.4 km · 36:00 · 5:38 /km`]);
    await page.assertNoProblems();
  });
});

describe(`every screen in ${ENGINE}'s dark theme`, () => {
  test('each destination and a knee check result are drawn dark, with no problem', async () => {
    // The offline journey stopped the server: serve the build again (at a new address).
    server ??= await serve(build.dir, '/patella/');
    const dark = await launchEngine(ENGINE, { dark: true });
    const darkPage = new Page(dark.session, ENGINE);
    /** The page's background, 0 (black) to 1 (white), as the engine computed it. */
    const brightness = () =>
      darkPage.execute(() => {
        const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/[\d.]+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
    try {
      for (const destination of DESTINATIONS) {
        await darkPage.navigate(`${server.url}${destination.path}`);
        if (destination.path === '') await fitViewport(dark.session);
        await darkPage.screen(destination.name);
        assert.equal(await darkPage.execute(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
        const level = await brightness();
        assert.ok(level < 0.2, `${destination.name} is drawn dark (background brightness ${level.toFixed(2)})`);
        writeFileSync(join(SCREENSHOTS, `dark-${destination.path || 'home'}.png`), await dark.session.screenshot());
      }
      await darkPage.navigate(`${server.url}knee-check`);
      await darkPage.screen('Knee check');
      await kneeCheck.start(darkPage);
      await kneeCheck.toSameDay(darkPage);
      writeFileSync(join(SCREENSHOTS, 'dark-knee-check-same-day.png'), await dark.session.screenshot());
      await darkPage.assertNoProblems();
    } finally {
      await dark.stop();
    }
    // And the light theme, for contrast: the first session's page is light.
    await page.navigate(server.url);
    await page.screen('Home');
    const light = await page.execute(() => {
      const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/[\d.]+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    assert.ok(light > 0.8, `Home is drawn light by default (background brightness ${light.toFixed(2)})`);
  });
});

describe(`an American phone in ${ENGINE}`, () => {
  test('the phone’s language gives the welcome’s miles, the Log’s miles and US dates', async () => {
    server ??= await serve(build.dir, '/patella/');
    const american = await launchEngine(ENGINE, { locale: 'en-US' });
    const usPage = new Page(american.session, ENGINE);
    try {
      await usPage.navigate(server.url);
      await fitViewport(american.session);
      await usPage.screen('Home');
      assert.equal(await usPage.execute(() => navigator.language), 'en-US');
      assert.equal(await usPage.execute(() => document.getElementById('welcome-units')?.value), 'mi');
      await usPage.navigate(`${server.url}log`);
      await usPage.screen('Log');
      const day = dayFromToday(-1);
      await steps.addRun(usPage, { date: day, distance: '3', duration: '30' });
      await usPage.status('Saved: 3 mi');
      assert.deepEqual(await steps.listedRuns(usPage), [`${usDayWords(day)} · 3 mi · 30:00 · 10:00 /mi`]);
      await usPage.assertNoProblems();
    } finally {
      await american.stop();
    }
  });
});
