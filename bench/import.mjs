// Browser benchmark: importing activity files on the Log screen of the release build in
// Debian's Chromium, unthrottled and with a 4× CPU slowdown (a "mid-range phone").
//   gpx  — the largest real fixture, tests/fixtures/activities/garmin-activity.gpx (367 KB)
//   fit  — a synthetic 1 MB FIT file: a 3-hour run at one record per second
//          (bench/support/fit-writer.mjs), checked against the preview row
//   year — 365 synthetic GPX runs, one per day of a year, chosen together
// Each run opens a fresh browser context, so the first import also fetches the import worker
// (download, compile, instantiate its wasm). Every import starts its own worker, which ends
// with the batch; the same files are imported a second time in the same page, with the
// worker's files in the HTTP cache, and the difference is reported as the first fetch's cost.
// Times, medians over the runs:
//   total     choosing files (the input's change event) → first frame after the preview shows
//   measured  the app's own `patella:import` performance measure (start of reading → preview built)
//   parse     the summed parse time the worker measured (`detail.parse_ms`)
//   longest   the longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms, so 0 means
//             none) from the change event until the preview is painted
// Files are handed to the input by path (CDP DOM.setFileInputFiles, as a real file chooser
// does), not as Playwright buffers: with buffers Playwright builds the File objects in the page
// and dispatches `change` inside that same task, which would blur the page's own long tasks.
// Usage: node bench/import.mjs <dist built for /patella/> [runs]
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../e2e/support/server.mjs';
import { launch, phonePage } from '../e2e/support/browser.mjs';
import { gpxText } from '../e2e/support/activities.mjs';
import { syntheticRunFit } from './support/fit-writer.mjs';

const ROWS_PER_PAGE = 60;
const dist = process.argv[2] ?? 'target/bench-dist/patella';
const runs = Number(process.argv[3] ?? 5);
const FIXTURES = new URL('../tests/fixtures/activities/', import.meta.url);
const OUT = new URL('../target/bench/import.json', import.meta.url);

/** 365 runs, one a day through 2023 at 06:30 UTC, 30–60 minutes at about 5:30 per km. */
function aYearOfGpx() {
  return Array.from({ length: 365 }, (_, day) => {
    const start = new Date(Date.UTC(2023, 0, 1 + day, 6, 30));
    const minutes = 30 + ((day * 7) % 31);
    const km = Math.round((minutes / 5.5) * 100) / 100;
    const name = `run-${start.toISOString().slice(0, 10)}`;
    return { name: `${name}.gpx`, text: gpxText({ name, start, km, minutes }) };
  });
}

// Installed in the page once the Log screen shows, before any file is chosen: a long-task
// observer, and `__bench.arm()`, whose promise settles with the timings of the next import.
function instrument() {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask' });
  // Long animation frames say which script kept the frame waiting.
  const frames = [];
  const frameObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) frames.push(entry);
  });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    frameObserver.observe({ type: 'long-animation-frame' });
  }
  const seen = new WeakSet();
  let pending = null;
  window.addEventListener(
    'change',
    (event) => {
      if (pending && event.target?.id === 'import-files') pending.chosen = performance.now();
    },
    true,
  );
  const watch = new MutationObserver(() => {
    if (!pending?.chosen) return;
    if (pending.progress === undefined && document.getElementById('import-progress-text')) {
      pending.progress = performance.now();
    }
    const heading = document.getElementById('import-preview-heading');
    if (!heading || seen.has(heading) || pending.shown) return;
    seen.add(heading);
    pending.shown = performance.now();
    const current = pending;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const painted = performance.now();
        for (const entry of observer.takeRecords()) longTasks.push({ start: entry.startTime, duration: entry.duration });
        // The task that hands the chosen files to the input ends with the change event; it is
        // counted apart from the tasks that follow (the import itself).
        const after = longTasks.filter((t) => t.start >= current.chosen && t.start < painted);
        const handOver = longTasks.filter((t) => t.start < current.chosen && t.start + t.duration > current.chosen);
        frames.push(...frameObserver.takeRecords());
        const worstFrame = frames
          .filter((f) => f.startTime >= current.chosen - 1 && f.startTime < painted)
          .sort((a, b) => b.duration - a.duration)[0];
        const measure = performance.getEntriesByName('patella:import').at(-1);
        const rows = [...document.querySelectorAll('.import-preview tbody tr')].map((tr) =>
          tr.innerText.replace(/\s+/g, ' ').trim(),
        );
        const failed = [...document.querySelectorAll('.import-preview .import-messages li')].map((li) => li.innerText);
        pending = null;
        current.resolve({
          heading: heading.innerText,
          rows: rows.length,
          firstRows: rows.slice(0, 2),
          lastRow: rows.at(-1),
          failed,
          total: painted - current.chosen,
          progress: current.progress === undefined ? null : current.progress - current.chosen,
          measured: measure?.duration,
          detail: measure?.detail,
          longest: Math.max(0, ...after.map((t) => t.duration)),
          longTasks: after.length,
          longTaskStarts: after.map((t) => ({ at: Math.round(t.start - current.chosen), ms: t.duration })),
          handOver: Math.max(0, ...handOver.map((t) => t.duration)),
          worstFrame: worstFrame && {
            at: Math.round(worstFrame.startTime - current.chosen),
            ms: Math.round(worstFrame.duration),
            blockingMs: Math.round(worstFrame.blockingDuration),
            scripts: worstFrame.scripts.map((x) => ({
              invoker: x.invoker,
              source: `${x.sourceURL.split('/').pop()} ${x.sourceFunctionName}`.trim(),
              ms: Math.round(x.duration),
            })),
          },
        });
      }),
    );
  });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  window.__bench = {
    arm() {
      let resolve;
      const result = new Promise((r) => (resolve = r));
      pending = { resolve, chosen: null, progress: undefined, shown: null };
      window.__bench.result = result;
    },
  };
}

async function importOnce(page, paths) {
  await page.evaluate(() => window.__bench.arm());
  await page.getByLabel('Import runs').setInputFiles(paths);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no preview within 120 s of choosing ${paths.length} file(s)`)), 120_000);
  });
  try {
    return await Promise.race([page.evaluate(() => window.__bench.result), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
};

async function main() {
  const scratch = await mkdtemp(join(tmpdir(), 'patella-import-bench-'));
  const server = await serve(dist, '/patella/');
  const browser = await launch();
  const results = [];
  const surprises = [];
  try {
    // The files, on disk for the file chooser.
    const gpxPath = join(scratch, 'garmin-activity.gpx');
    await writeFile(gpxPath, await readFile(new URL('garmin-activity.gpx', FIXTURES)));
    const fit = syntheticRunFit({ paddingFields: 12 });
    const fitPath = join(scratch, 'synthetic-run-3h.fit');
    await writeFile(fitPath, fit.bytes);
    const yearDir = join(scratch, 'year');
    await mkdir(yearDir);
    const yearFiles = aYearOfGpx();
    const yearPaths = [];
    let yearBytes = 0;
    for (const file of yearFiles) {
      const path = join(yearDir, file.name);
      await writeFile(path, file.text);
      yearPaths.push(path);
      yearBytes += Buffer.byteLength(file.text);
    }
    const fitKm = (fit.truth.distanceM / 1000).toFixed(2);
    const fitDate = fit.truth.start.slice(0, 10);

    const scenarios = [
      {
        id: 'gpx',
        label: 'garmin-activity.gpx (367 KB)',
        paths: [gpxPath],
        bytes: (await readFile(gpxPath)).length,
        expect: { heading: 'Found 1 activity', row: /^2017-07-29 12\.8\d km · 1:31:25 New garmin-activity\.gpx$/ },
      },
      {
        id: 'fit',
        label: `synthetic FIT, 3 h at 1 s (${(fit.bytes.length / 1e6).toFixed(2)} MB)`,
        paths: [fitPath],
        bytes: fit.bytes.length,
        expect: { heading: 'Found 1 activity', row: new RegExp(`^${fitDate} ${fitKm.replace('.', '\\.')} km · 3:00:00 New synthetic-run-3h\\.fit$`) },
      },
      {
        id: 'year',
        label: `365 GPX runs at once (${(yearBytes / 1e6).toFixed(1)} MB)`,
        paths: yearPaths,
        bytes: yearBytes,
        expect: { heading: 'Found 365 activities', rows: 365 },
      },
    ];

    const check = (scenario, cpu, which, result) => {
      const { expect } = scenario;
      const wrong = [];
      if (result.heading !== expect.heading) wrong.push(`heading "${result.heading}", expected "${expect.heading}"`);
      if (expect.row && !expect.row.test(result.firstRows[0] ?? '')) wrong.push(`row "${result.firstRows[0]}" does not match ${expect.row}`);
      if (expect.rows && result.detail?.rows !== expect.rows) wrong.push(`${result.detail?.rows} rows, expected ${expect.rows}`);
      // The preview draws its first ROWS_PER_PAGE rows (src/pages/log/import.rs); the rest wait for "Show more".
      if (Math.min(result.detail?.rows ?? 0, ROWS_PER_PAGE) !== result.rows) wrong.push(`table shows ${result.rows} of ${result.detail?.rows} rows`);
      if (result.failed.length) wrong.push(`failed files: ${result.failed.join(' | ')}`);
      for (const w of wrong) surprises.push(`${scenario.id} ${cpu}× ${which}: ${w}`);
    };

    for (const cpu of [1, 4]) {
      for (const scenario of scenarios) {
        const samples = [];
        for (let i = 0; i < runs; i += 1) {
          const { context, page, problems } = await phonePage(browser, server.origin);
          await page.goto(`${server.url}log`);
          await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
          await page.evaluate(instrument);
          if (cpu !== 1) {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
          }
          const cold = await importOnce(page, scenario.paths);
          const warm = await importOnce(page, scenario.paths);
          check(scenario, cpu, 'first import', cold);
          check(scenario, cpu, 'second import', warm);
          for (const p of problems) surprises.push(`${scenario.id} ${cpu}×: ${p}`);
          samples.push({ cold, warm });
          await context.close();
        }
        const pick = (f) => median(samples.map(f));
        const summary = {
          scenario: scenario.id,
          label: scenario.label,
          cpu,
          files: scenario.paths.length,
          bytes: scenario.bytes,
          rows: samples[0].cold.rows,
          heading: samples[0].cold.heading,
          firstRow: samples[0].cold.firstRows[0],
          lastRow: samples[0].cold.lastRow,
          total_ms: pick((s) => s.cold.total),
          measured_ms: pick((s) => s.cold.measured),
          parse_ms: pick((s) => s.cold.detail?.parse_ms),
          progress_ms: pick((s) => s.cold.progress),
          warm_total_ms: pick((s) => s.warm.total),
          warm_parse_ms: pick((s) => s.warm.detail?.parse_ms),
          first_minus_second_ms: pick((s) => s.cold.total - s.warm.total),
          // What the first import costs beyond the second, parsing aside: fetching, compiling
          // and instantiating the worker's wasm.
          worker_start_ms: pick((s) => s.cold.total - s.cold.detail.parse_ms - (s.warm.total - s.warm.detail.parse_ms)),
          longest_task_ms: pick((s) => s.cold.longest),
          longest_task_max_ms: Math.max(...samples.map((s) => Math.max(s.cold.longest, s.warm.longest))),
          long_tasks: pick((s) => s.cold.longTasks),
          hand_over_task_ms: pick((s) => s.cold.handOver),
          worst_frame: samples
            .flatMap((s) => [s.cold.worstFrame, s.warm.worstFrame])
            .filter(Boolean)
            .sort((a, b) => b.ms - a.ms)[0],
          samples,
        };
        results.push(summary);
        process.stderr.write(`  ${scenario.id} ${cpu}×: ${summary.total_ms.toFixed(0)} ms total\n`);
      }
    }

    const ms = (v) => (v === null || v === undefined ? '—' : Math.round(v));
    console.log(`Importing activity files on the Log screen, release build, median of ${runs} fresh contexts`);
    console.table(
      results.map((r) => ({
        import: r.scenario,
        CPU: r.cpu === 1 ? '1× (desktop)' : `${r.cpu}× (mid phone)`,
        files: r.files,
        rows: r.rows,
        'total ms': ms(r.total_ms),
        'app measure ms': ms(r.measured_ms),
        'worker parse ms': `${ms(r.parse_ms)} (2nd ${ms(r.warm_parse_ms)})`,
        'first fetch ms': ms(r.worker_start_ms),
        '2nd import ms': ms(r.warm_total_ms),
        'longest task ms': ms(r.longest_task_ms),
        'worst task ms': ms(r.longest_task_max_ms),
        'hand-over ms': ms(r.hand_over_task_ms),
      })),
    );
    console.log('  total: change event → first frame after the preview shows (first import in a fresh context, so it starts the worker)');
    console.log('  app measure: the page\'s patella:import measure; worker parse: its detail.parse_ms, first import (and the second)');
    console.log('  first fetch: (first total − its parse) − (second total − its parse), the same files imported twice in one page');
    console.log('  longest task: median over runs of the longest main-thread task (≥ 50 ms; 0 = none) from the change event to the');
    console.log('  painted preview; worst: the longest in any import of that line; hand-over: the task that delivers the chosen');
    console.log('  files and ends with the change event (the browser\'s work; the app\'s onchange is a few ms of it)');
    for (const s of scenarios) console.log(`  ${s.id}: ${s.label}`);
    console.log(`  FIT written: ${fit.truth.sport}, ${fit.truth.start}, ${fit.truth.distanceM} m, timer ${fit.truth.timerSeconds} s, elapsed ${fit.truth.elapsedSeconds} s, avg HR ${fit.truth.avgHr}, avg cadence ${fit.truth.avgCadence} rpm per leg, ${fit.truth.records} records`);
    for (const r of results) {
      const f = r.worst_frame;
      if (f) console.log(`  ${r.scenario} ${r.cpu}× worst frame after the change event: ${f.ms} ms at +${f.at} ms (blocking ${f.blockingMs} ms)${f.scripts.length ? `; scripts: ${f.scripts.map((x) => `${x.invoker} ${x.ms} ms`).join(', ')}` : ''}`);
    }
    for (const r of results.filter((x) => x.cpu === 1)) console.log(`  ${r.scenario} preview: "${r.heading}" — ${r.firstRow}${r.rows > 1 ? ` … ${r.lastRow}` : ''}`);
    if (surprises.length) {
      console.log('Surprises:');
      for (const s of [...new Set(surprises)]) console.log(`  ${s}`);
    }

    await mkdir(new URL('.', OUT), { recursive: true });
    await writeFile(
      OUT,
      `${JSON.stringify(
        {
          when: new Date().toISOString(),
          dist,
          runs,
          browser: browser.version(),
          fit: { bytes: fit.bytes.length, ...fit.truth },
          results,
          surprises: [...new Set(surprises)],
        },
        null,
        1,
      )}\n`,
    );
    console.log(`Wrote ${OUT.pathname}`);
    if (surprises.length) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
