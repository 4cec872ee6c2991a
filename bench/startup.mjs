// Browser benchmark: start-up of the release build in Debian's Chromium on a throttled
// "mid-range phone" (4× CPU slowdown, Lighthouse's slow-4G numbers: 150 ms latency,
// 1.6 Mbit/s down; the server sends gzip, as GitHub Pages does). Cold: a new profile each
// time (nothing cached, no service worker). Warm: the same profile loading again (service
// worker and compiled-code cache in play), with storage cleared so every load is a first
// visit's screen.
//
// For Home and for the knee check it reports the medians, in ms from navigation start, of:
//   FCP          first contentful paint (the HTML shell)
//   LCP          largest contentful paint (the shell's first view on a first visit)
//   wasm in      the page's wasm fully arrived
//   interactive  the app's own first screen drawn (its h1 in main, the start-up shell gone)
//   answer       knee check only: a runner tapping as soon as the app is there, "Start knee
//                check" and then the first question's "Yes": when that tap has its answer
//                on screen
// Usage: node bench/startup.mjs <dist built for /patella/> [runs]
import { serve } from '../e2e/support/server.mjs';
import { launch, phonePage } from '../e2e/support/browser.mjs';

const dist = process.argv[2] ?? 'target/e2e/patella';
const runs = Number(process.argv[3] ?? 7);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

// Runs in the page from its first script on: a runner's thumb, polling every 10 ms. Only the
// app's own elements count: the start-up shell (#boot) is inert until the app replaces it.
function probe() {
  const marks = {};
  window.__startup = marks;
  const button = (text) =>
    [...document.querySelectorAll('main#main button')].find((b) => text.test(b.textContent.trim()));
  const timer = setInterval(() => {
    if (document.getElementById('boot')) return;
    const now = performance.now();
    if (marks.interactive === undefined) {
      if (!document.querySelector('main#main h1')) return;
      marks.interactive = now;
    }
    if (!location.pathname.endsWith('/knee-check')) {
      clearInterval(timer);
      return;
    }
    const question = document.getElementById('kc-question');
    if (marks.tapped !== undefined) {
      if (!question || question.innerText !== marks.question || document.querySelector('.kc-result')) {
        marks.answer = now;
        clearInterval(timer);
      }
      return;
    }
    if (!question) {
      const start = button(/^(Start|Continue) knee check$/);
      if (start && marks.started === undefined) {
        marks.started = now;
        start.click();
      }
      return;
    }
    const yes = button(/^Yes$/);
    if (!yes) return;
    marks.question = question.innerText;
    marks.tapped = now;
    yes.click();
  }, 10);
}

async function measure(page, url, kneeCheck) {
  await page.goto(url);
  await page.waitForFunction(
    (kneeCheck) => window.__startup && (kneeCheck ? window.__startup.answer : window.__startup.interactive) !== undefined,
    kneeCheck,
    { timeout: 60_000, polling: 50 },
  );
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
        const { interactive, answer } = window.__startup;
        const done = (lcp) => resolve({ fcp, lcp, wasm: wasm?.responseEnd, interactive, answer });
        new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        });
        setTimeout(() => done(NaN), 1000);
      }),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (samples, key) => {
  const value = median(samples.map((s) => s[key] ?? NaN));
  return Number.isNaN(value) ? '—' : value.toFixed(0);
};
const line = (label, samples) =>
  console.log(
    `  ${label.padEnd(18)} FCP ${ms(samples, 'fcp')} ms · LCP ${ms(samples, 'lcp')} ms · wasm in ${ms(samples, 'wasm')} ms · interactive ${ms(samples, 'interactive')} ms` +
      (samples[0]?.answer !== undefined ? ` · first answer tapped and shown ${ms(samples, 'answer')} ms` : ''),
  );

const server = await serve(dist, '/patella/');
const browser = await launch();
try {
  const screens = [
    ['Home', server.url, false],
    ['Knee check', new URL('knee-check', server.url).href, true],
  ];
  const results = [];
  for (const [name, url, kneeCheck] of screens) {
    const cold = [];
    for (let i = 0; i < runs; i += 1) {
      const { context, page } = await phonePage(browser, server.origin);
      await page.addInitScript(probe);
      await throttle(page);
      cold.push(await measure(page, url, kneeCheck));
      await context.close();
    }
    const warm = [];
    const { context, page } = await phonePage(browser, server.origin);
    await page.addInitScript(probe);
    await throttle(page);
    await measure(page, url, kneeCheck);
    // Let the service worker finish precaching before the warm loads.
    await page.evaluate(() => navigator.serviceWorker?.ready);
    await page.waitForTimeout(3000);
    for (let i = 0; i < runs; i += 1) {
      await page.evaluate(() => localStorage.clear());
      warm.push(await measure(page, url, kneeCheck));
    }
    await context.close();
    results.push([name, cold, warm]);
  }
  console.log(`Start-up, 4× CPU slowdown, slow 4G (gzip), median of ${runs}; ms from navigation start`);
  for (const [name, cold, warm] of results) {
    line(`${name} cold`, cold);
    line(`${name} warm`, warm);
  }
} finally {
  await browser.close();
  await server.close();
}
