// Browser benchmark: ten years of daily use stored in real localStorage, then the app is
// loaded again and again in Debian's Chromium. Reports the stored bytes, the time the store
// takes to read and parse everything (the app's own `patella:load-store` performance
// measure), and the time until the first screen shows.
// Usage: node bench/store-load.mjs <dist built for /patella/> [runs]
import { serve } from '../e2e/support/server.mjs';
import { launch, phonePage } from '../e2e/support/browser.mjs';

const dist = process.argv[2] ?? 'target/e2e/patella';
const loads = Number(process.argv[3] ?? 15);

function tenYears() {
  const start = Date.UTC(2016, 10, 27);
  const day = (i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
  const stamp = (i) => new Date(start + i * 86_400_000 + 7 * 3_600_000).toISOString().replace('.000Z', 'Z');
  const id = (kind, i) => `${kind}-${String(i).padStart(8, '0')}-4e2b-9c1d-2f6a3b8e7d10`;
  const shoes = Array.from({ length: 20 }, (_, i) => ({
    id: id('shoe', i), updated_at: stamp(i * 180), name: `Trainer ${i + 1}`, added_on: day(i * 180),
    start_distance: 0, retired: i < 18,
  }));
  const kinds = ['easy', 'long', 'tempo', 'intervals', 'hills', 'easy', 'recovery'];
  const runs = Array.from({ length: 3650 }, (_, i) => ({
    id: id('run', i), updated_at: stamp(i), date: day(i), distance: 5000 + (i % 17) * 613.5,
    duration: 1500 + (i % 23) * 97, kind: kinds[i % 7], surface: 'road', shoe_id: shoes[Math.floor(i / 183)].id,
    pain_during: i % 5, pain_after: i % 4, effort: 1 + (i % 10), cadence_spm: 165 + (i % 15),
    ...(i % 10 === 0 ? { notes: 'Felt the outer knee on the downhill; shortened stride.' } : {}),
  }));
  const pain = Array.from({ length: 3650 }, (_, i) => ({
    id: id('pain', i), updated_at: stamp(i), date: day(i), pain: i % 6, areas: ['front'],
    morning_stiffness: i % 3 === 0,
  }));
  const strength = Array.from({ length: 1500 }, (_, i) => ({
    id: id('str', i), updated_at: stamp(Math.floor(i * 2.43)), date: day(Math.floor(i * 2.43)),
    exercises: ['clamshells', 'side_lying_leg_lifts', 'wall_sits', 'step_downs'], minutes: 25,
  }));
  const envelope = (data) => JSON.stringify({ schema: 1, data });
  return {
    'patella.runs': envelope(runs),
    'patella.pain': envelope(pain),
    'patella.strength': envelope(strength),
    'patella.shoes': envelope(shoes),
    'patella.triage': envelope([]),
    'patella.settings': envelope({ units: 'km', week_start: 'mon', shoe_threshold: 800000 }),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const server = await serve(dist, '/patella/');
const browser = await launch();
try {
  const { page, problems } = await phonePage(browser, server.origin);
  await page.goto(`${server.url}log`);
  await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
  const items = tenYears();
  const bytes = Object.entries(items).reduce((sum, [k, v]) => sum + (k.length + v.length) * 2, 0);
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);

  const parse = [];
  const firstScreen = [];
  const homeRender = [];
  for (let i = 0; i < loads; i += 1) {
    await page.goto(server.url);
    await page.getByRole('img', { name: /^Distance run (each|this) week/ }).waitFor();
    // After the next frame the dashboard has been painted.
    const timing = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() =>
              resolve({
                load: performance.getEntriesByName('patella:load-store')[0]?.duration,
                loaded: performance.getEntriesByName('patella:load-store:end')[0]?.startTime,
                shown: performance.now(),
              }),
            ),
          ),
        ),
    );
    parse.push(timing.load);
    homeRender.push(timing.shown - timing.loaded);
    firstScreen.push(timing.shown);
  }
  const runsListed = await (async () => {
    await page.goto(`${server.url}log`);
    return page.getByRole('region', { name: 'Runs' }).getByRole('listitem').count();
  })();
  if (problems.length) throw new Error(`the app reported problems: ${problems.join('; ')}`);
  const chars = Object.values(items).reduce((sum, v) => sum + v.length, 0);
  console.log('Ten years of daily use in localStorage (3,650 runs, 3,650 pain entries, 1,500 strength sessions, 20 shoes)');
  console.log(`  stored text:                ${chars.toLocaleString('en')} characters (${(bytes / 1_048_576).toFixed(2)} MiB as UTF-16 in localStorage)`);
  console.log(`  store load + parse, median: ${median(parse).toFixed(1)} ms (min ${Math.min(...parse).toFixed(1)}, max ${Math.max(...parse).toFixed(1)}, ${loads} loads)`);
  console.log(`  data loaded → Home painted: ${median(homeRender).toFixed(1)} ms median (min ${Math.min(...homeRender).toFixed(1)}, max ${Math.max(...homeRender).toFixed(1)})`);
  console.log(`  navigation → Home painted:  ${median(firstScreen).toFixed(0)} ms median`);
  console.log(`  runs listed on Log:         ${runsListed}`);
} finally {
  await browser.close();
  await server.close();
}
