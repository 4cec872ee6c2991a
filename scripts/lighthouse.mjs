// Lighthouse (mobile emulation, simulated slow 4G and a mid-range CPU) on Home, Knee check
// and Log of a release build served under /patella/ on 127.0.0.1, in Debian's Chromium.
// Writes target/lighthouse/report.json, each page's full result (<page>.lhr.json, for
// finding what decides a score) and a readable table, and fails unless Home scores
// accessibility 100 and best practices 100. Performance is reported against its goal of 95
// but not enforced: on 127.0.0.1 it depends on a race (see the README's size and speed section).
// Usage: node scripts/lighthouse.mjs <dist built for /patella/>
import { mkdir, writeFile } from 'node:fs/promises';
import lighthouse from 'lighthouse';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';

const dist = process.argv[2] ?? 'target/e2e/patella';
const PORT = 9333;
const PAGES = [
  { name: 'Home', path: '' },
  { name: 'Knee check', path: 'knee-check' },
  { name: 'Log', path: 'log' },
];
const GATES = { accessibility: 100, 'best-practices': 100 };
const PERFORMANCE_GOAL = 95;

// Deep links come back as 404.html with status 404 on GitHub Pages; Lighthouse will not audit
// a page with an error status, so here they come with 200 (the same bytes).
const server = await serve(dist, '/patella/', { fallbackStatus: 200 });
const browser = await launch([`--remote-debugging-port=${PORT}`]);
const rows = [];
const lhrs = [];
try {
  for (const page of PAGES) {
    const result = await lighthouse(`${server.url}${page.path}`, {
      port: PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const { categories, audits } = result.lhr;
    lhrs.push([page.name, result.lhr]);
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    rows.push({
      page: page.name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      FCP_ms: Math.round(audits['first-contentful-paint'].numericValue),
      LCP_ms: Math.round(audits['largest-contentful-paint'].numericValue),
      TBT_ms: Math.round(audits['total-blocking-time'].numericValue),
      CLS: Number((audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
      transfer_bytes: audits['total-byte-weight'].numericValue,
      failing: Object.values(audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
    });
  }
} finally {
  await browser.close();
  await server.close();
}

await mkdir('target/lighthouse', { recursive: true });
await writeFile('target/lighthouse/report.json', JSON.stringify(rows, null, 2));
for (const [name, lhr] of lhrs) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await writeFile(`target/lighthouse/${slug}.lhr.json`, JSON.stringify(lhr));
}
console.table(rows.map(({ failing, ...row }) => row));
for (const row of rows) if (row.failing.length) console.log(`${row.page}: audits below 90: ${row.failing.join(', ')}`);

const home = rows.find((row) => row.page === 'Home');
const missed = Object.entries(GATES).filter(([id, minimum]) => home[id] < minimum);
if (missed.length) {
  console.error(`Lighthouse gates missed on Home: ${missed.map(([id, min]) => `${id} ${home[id]} < ${min}`).join(', ')}`);
  process.exit(1);
}
console.log(`Lighthouse gates met on Home: ${Object.entries(GATES).map(([id, min]) => `${id} ${home[id]} >= ${min}`).join(', ')}.`);
if (home.performance < PERFORMANCE_GOAL) {
  console.log(`Home performance ${home.performance} is below the goal of ${PERFORMANCE_GOAL} (not a gate: see the README).`);
}
