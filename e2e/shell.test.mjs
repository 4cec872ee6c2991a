// The release build as a runner meets it: served under /patella/ like GitHub Pages, opened
// on a phone-sized Chromium, every screen reached through the bottom navigation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './support/server.mjs';
import { closePagesAfterEachTest, launch, phonePage } from './support/browser.mjs';
import { SCREENS as DESTINATIONS } from './support/screens.mjs';

closePagesAfterEachTest();

const builds = [
  { label: 'under /patella/', dist: process.env.PATELLA_DIST_SUBPATH, mount: '/patella/' },
  { label: 'at the site root', dist: process.env.PATELLA_DIST_ROOT, mount: '/' },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const build of builds) {
  describe(`the app ${build.label}`, () => {
    let server;
    before(async () => {
      assert.ok(build.dist, `set the dist folder for the build ${build.label}`);
      server = await serve(build.dist, build.mount);
    });
    after(async () => {
      await server?.close();
    });

    test('every destination opens from the navigation, with its heading', async () => {
      const { context, page, problems } = await phonePage(browser, server.origin);
      await page.goto(server.url);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

      const names = await nav.getByRole('link').allInnerTexts();
      assert.deepEqual(
        names.map((name) => name.trim()),
        DESTINATIONS.map((d) => d.name),
      );

      for (const destination of DESTINATIONS) {
        await nav.getByRole('link', { name: destination.name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: destination.name }).waitFor();
        assert.equal(new URL(page.url()).pathname, `${build.mount}${destination.path}`);
        assert.equal(
          await nav.getByRole('link', { name: destination.name, exact: true }).getAttribute('aria-current'),
          'page',
        );
        assert.equal(await page.title(), `${destination.name} · Patella`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a deep link opens its screen directly and survives a reload', async () => {
      const { context, page, problems } = await phonePage(browser, server.origin);
      const response = await page.goto(`${server.url}log`);
      // GitHub Pages answers a deep link with 404.html; the app inside must still start.
      assert.ok([200, 404].includes(response.status()));
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a screen fetched on first use that cannot be fetched says so, and opens when tried again', async () => {
      // Log, Recovery and Settings are separate wasm files (src/pages/on_demand.rs). With no
      // service worker to answer from its cache, a failed fetch is what a runner meets who
      // went offline before the first visit finished caching.
      const { context, page, problems } = await phonePage(browser, server.origin, { serviceWorkers: 'block' });
      const logScreen = /log_screen[^/]*\.wasm$/;
      await page.route(logScreen, (route) => route.abort('internetdisconnected'));
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });

      await nav.getByRole('link', { name: 'Log', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
      await alert.waitFor();
      assert.match(await alert.innerText(), /Connect to the internet and open it again/);
      assert.equal(await page.title(), 'Screen not loaded · Patella');

      await page.unroute(logScreen);
      await nav.getByRole('link', { name: 'Home', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await nav.getByRole('link', { name: 'Log', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
      await page.getByLabel('Distance', { exact: true }).waitFor();
      // The only complaint is the loader's report of the blocked fetch.
      assert.ok(problems.length > 0 && problems.every((p) => /fetch|network|load/i.test(p)), problems.join('\n'));
      await context.close();
    });

    test('an unknown address shows a not-found screen with a way home', async () => {
      const { context, page, problems } = await phonePage(browser, server.origin);
      await page.goto(`${server.url}no-such-screen`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await page.getByRole('link', { name: 'Go to Home' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      assert.equal(new URL(page.url()).pathname, build.mount);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('the start-up shell is painted before the wasm arrives', async () => {
      const { context, page } = await phonePage(browser, server.origin);
      // Hold the wasm back: the plain-HTML shell must already show the app's frame.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url, { waitUntil: 'domcontentloaded' });
      await page.getByRole('status').filter({ hasText: 'Opening Patella' }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count(), 5);
      release();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      assert.equal(await page.getByRole('status').filter({ hasText: 'Opening Patella' }).count(), 0);
      await context.close();
    });

    for (const destination of DESTINATIONS) {
      test(`a first visit reads ${destination.name}'s first view in the shell, where the app then draws it`, async () => {
        const { context, page, problems } = await phonePage(browser, server.origin);
        const release = await holdWasm(page);
        await page.goto(`${server.url}${destination.path}`, { waitUntil: 'domcontentloaded' });
        const view = `#boot .boot-screen[data-path="${destination.path || 'home'}"]`;
        await page.locator(view).waitFor();
        await page.getByRole('status').filter({ hasText: 'Opening Patella' }).waitFor();
        assert.equal(await shownViews(page), 1);
        const shell = await boxes(page, view);
        assert.ok(shell.length >= 2, 'the heading and purpose at least');
        release();
        await page.getByRole('heading', { level: 1, name: destination.name }).waitFor();
        // The shell shows the top of the screen; the app draws the same lines in the same places.
        assert.deepEqual((await boxes(page, 'main#main')).slice(0, shell.length), shell);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }

    test('the shell draws no screen at an unknown address or over stored data', async () => {
      const { context, page } = await phonePage(browser, server.origin);
      const release = await holdWasm(page);
      await page.goto(`${server.url}no-such-screen`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('status').filter({ hasText: 'Opening Patella' }).waitFor();
      assert.equal(await shownViews(page), 0);
      await page.evaluate(() => localStorage.setItem('patella.shell-test', '1'));
      for (const destination of DESTINATIONS) {
        await page.goto(`${server.url}${destination.path}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('status').filter({ hasText: 'Opening Patella' }).waitFor();
        assert.equal(await shownViews(page), 0);
      }
      release();
      await context.close();
    });
  });
}

/** Holds every wasm request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** How many of the shell's screen views are painted. */
function shownViews(page) {
  return page.evaluate(
    () => [...document.querySelectorAll('#boot .boot-screen')].filter((view) => view.checkVisibility()).length,
  );
}

/** Where each heading, paragraph, link and button of a screen is drawn, and what it says. */
function boxes(page, root) {
  return page.evaluate((root) => {
    const selector = '.page-intro h1, .page-intro p, .card h2, .card p, .card a, .card button';
    return [...document.querySelector(root).querySelectorAll(selector)].map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { tag: element.tagName, text: element.textContent.trim(), x, y, width, height };
    });
  }, root);
}
