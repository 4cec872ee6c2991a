// Browser benchmark: start-up of the release build in Debian's Chromium on a throttled
// "mid-range phone" (4× CPU slowdown, Lighthouse's slow-4G numbers: 150 ms latency,
// 1.6 Mbit/s down). Cold: a new profile each time (nothing cached, no service worker).
// Warm: the same profile loading again (service worker and compiled-code cache in play).
// Reports the medians of first contentful paint (the HTML shell), largest contentful paint
// (the shell's first view on a first visit, when it paints one), the wasm's arrival and the
// app's first screen painted.
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

async function measure(page, url) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  const painted = await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))),
  );
  return page.evaluate(
    (painted) =>
      new Promise((resolve) => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
        new PerformanceObserver((list) => {
          const lcp = list.getEntries().at(-1)?.startTime;
          resolve({ fcp, lcp, wasm: wasm?.responseEnd, painted });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve({ fcp, lcp: NaN, wasm: wasm?.responseEnd, painted }), 1000);
      }),
    painted,
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (label, samples) =>
  console.log(
    `  ${label.padEnd(12)} FCP ${median(samples.map((s) => s.fcp)).toFixed(0)} ms · LCP ${median(samples.map((s) => s.lcp)).toFixed(0)} ms · wasm in ${median(samples.map((s) => s.wasm)).toFixed(0)} ms · first screen painted ${median(samples.map((s) => s.painted)).toFixed(0)} ms`,
  );

const server = await serve(dist, '/patella/');
const browser = await launch();
try {
  const cold = [];
  for (let i = 0; i < runs; i += 1) {
    const { context, page } = await phonePage(browser, server.origin);
    await throttle(page);
    cold.push(await measure(page, server.url));
    await context.close();
  }
  const warm = [];
  const { context, page } = await phonePage(browser, server.origin);
  await throttle(page);
  await measure(page, server.url);
  // Let the service worker finish precaching before the warm loads.
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.waitForTimeout(3000);
  for (let i = 0; i < runs; i += 1) warm.push(await measure(page, server.url));
  await context.close();
  console.log(`Start-up of Home, 4× CPU slowdown, slow 4G, median of ${runs}`);
  line('cold', cold);
  line('warm', warm);
} finally {
  await browser.close();
  await server.close();
}
