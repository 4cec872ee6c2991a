// Prints what a first visit downloads, raw, brotli-compressed (as a static host may serve it)
// and gzip-compressed (what GitHub Pages sends today), and fails when it outgrows the budget in size-budget.json.
// Usage: node scripts/size-report.mjs <dist folder>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url)));

const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

// The import worker (a second wasm program) is fetched only when the runner first imports
// (the service worker caches it in the background for offline use), so it is counted apart.
const onDemand = (name) => name.startsWith('import_worker') || name.startsWith('import-worker');
// The screens fetched the first time they are opened (Log, Recovery, Settings: wasm-split's
// files, see src/pages/on_demand.rs), also precached after the first load. Their loader,
// __wasm_split-*.js, is imported by the page's glue, so it counts in the first load.
const screen = (name) => /^(split_|chunk_).*\.wasm$/.test(name);

// A first load is the page plus everything it links to: glue JS, wasm, CSS, icon.
const all = readdirSync(dist)
  .filter((name) => name !== '404.html' && statSync(join(dist, name)).isFile())
  .map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, raw: bytes.length, brotli: brotli(bytes), gzip: gzip(bytes) };
  })
  .sort((a, b) => b.raw - a.raw);
const files = all.filter((f) => !onDemand(f.name) && !screen(f.name));
const worker = all.filter((f) => onDemand(f.name));
const screens = all.filter((f) => screen(f.name));

const sum = (list) =>
  list.reduce((s, f) => ({ raw: s.raw + f.raw, brotli: s.brotli + f.brotli, gzip: s.gzip + f.gzip }), { raw: 0, brotli: 0, gzip: 0 });
const total = sum(files);
const workerTotal = sum(worker);
const screensTotal = sum(screens);
const wasm = files.find((f) => f.name.endsWith('.wasm'));

const pad = (text, width) => String(text).padStart(width);
console.log(`${'file'.padEnd(40)} ${pad('raw B', 9)} ${pad('brotli B', 9)} ${pad('gzip B', 9)}`);
for (const f of files) console.log(`${f.name.padEnd(40)} ${pad(f.raw, 9)} ${pad(f.brotli, 9)} ${pad(f.gzip, 9)}`);
console.log(`${'first load'.padEnd(40)} ${pad(total.raw, 9)} ${pad(total.brotli, 9)} ${pad(total.gzip, 9)}`);
for (const f of worker) console.log(`${f.name.padEnd(40)} ${pad(f.raw, 9)} ${pad(f.brotli, 9)} ${pad(f.gzip, 9)}`);
console.log(`${'import worker (on first import)'.padEnd(40)} ${pad(workerTotal.raw, 9)} ${pad(workerTotal.brotli, 9)} ${pad(workerTotal.gzip, 9)}`);
for (const f of screens) console.log(`${f.name.padEnd(40)} ${pad(f.raw, 9)} ${pad(f.brotli, 9)} ${pad(f.gzip, 9)}`);
console.log(`${'screens on demand (all of them)'.padEnd(40)} ${pad(screensTotal.raw, 9)} ${pad(screensTotal.brotli, 9)} ${pad(screensTotal.gzip, 9)}`);

const checks = [
  ['wasm raw', wasm?.raw ?? Infinity, budget.wasm_raw_bytes],
  ['wasm brotli', wasm?.brotli ?? Infinity, budget.wasm_brotli_bytes],
  ['first load brotli', total.brotli, budget.first_load_brotli_bytes],
  ['import worker brotli', worker.length ? workerTotal.brotli : Infinity, budget.import_worker_brotli_bytes],
  ['screens on demand brotli', screens.length ? screensTotal.brotli : Infinity, budget.screens_on_demand_brotli_bytes],
];
let over = 0;
for (const [what, actual, limit] of checks) {
  const ok = actual <= limit;
  if (!ok) over += 1;
  console.log(`${ok ? 'within' : 'OVER'} budget: ${what} ${actual} B of ${limit} B`);
}
// Code the page must not carry, each known by a text only it puts in the wasm: a single
// call can bring a whole parser back (one `.parse::<NaiveDate>()` in a view brought 12 KB of
// chrono), and a 5% budget would let that pass unseen.
const pageWasm = wasm ? readFileSync(join(dist, wasm.name)) : Buffer.alloc(0);
for (const [marker, why] of Object.entries(budget.kept_out_of_the_page ?? {})) {
  const found = pageWasm.includes(Buffer.from(marker));
  if (found) over += 1;
  console.log(`${found ? 'IN THE PAGE' : 'kept out'}: ${why} (marker "${marker}")`);
}
if (over) {
  console.error('The build is over its size budget: see size-budget.json and the README.');
  process.exit(1);
}
