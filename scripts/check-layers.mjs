// The architecture's rules that a compiler does not check, as greps over src/:
//   - pages call the platform, never the browser's bindings (web_sys, js_sys, wasm_bindgen);
//   - pages build no failure sentences: the status line (components/status.rs) says them;
//   - the domain is pure: no Leptos, no browser, no store, no platform, no views;
//   - no two modules import each other, directly or round a longer circle.
// Prints each breach with its file and line; exits non-zero on any.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.rs') ? [path] : [];
  });
}

const all = files(src).map((path) => ({
  path: relative(root, path),
  lines: readFileSync(path, 'utf8').split('\n'),
}));
const breaches = [];

function forbid(under, pattern, why, except = () => false) {
  for (const file of all.filter((f) => f.path.startsWith(under) && !except(f.path))) {
    file.lines.forEach((line, i) => {
      if (line.trim().startsWith('//')) return;
      if (pattern.test(line)) breaches.push(`${file.path}:${i + 1}: ${why}: ${line.trim()}`);
    });
  }
}

forbid('src/pages/', /\b(web_sys|js_sys|wasm_bindgen)\b/, 'a page calls the browser directly (use platform/)');
forbid(
  'src/pages/',
  /"(Not saved|Not deleted|Could not undo|Nothing was saved|Not started|Could not restart)\b/,
  'a page builds a status sentence (use components::status::Said)',
);
forbid('src/pages/', /Said::Note\(format!/, 'a page builds a status sentence (give Said a variant, or the domain the words)');
forbid(
  'src/domain/',
  /\b(leptos|web_sys|js_sys|wasm_bindgen)\b|crate::(store|platform|pages|components)\b/,
  'the domain reaches outside itself',
);

// The module graph: file -> files it imports (crate:: and super:: paths), ignoring a
// module's edges into its own descendants (declaring and re-exporting children).
const moduleOf = new Map(); // "store::scratch" -> path
for (const file of all) {
  const mod = file.path
    .replace(/^src\//, '')
    .replace(/(\/mod|^lib|^main)?\.rs$/, '')
    .split('/')
    .filter(Boolean)
    .join('::');
  moduleOf.set(mod, file.path);
}
const pathToModule = new Map([...moduleOf].map(([m, p]) => [p, m]));
function resolve(segments) {
  for (let n = segments.length; n > 0; n--) {
    const mod = segments.slice(0, n).join('::');
    if (moduleOf.has(mod)) return mod;
  }
  return null;
}
const edges = new Map();
for (const file of all) {
  const self = pathToModule.get(file.path);
  const targets = new Set();
  const text = file.lines.filter((l) => !l.trim().startsWith('//')).join('\n');
  for (const [path] of text.matchAll(/\b(?:crate|super)::[\w:]+/g)) {
    let segments = path.split('::').filter(Boolean);
    if (segments[0] === 'super') {
      // `super` is the parent of this module, each further `super` one more up.
      let base = self.split('::').slice(0, -1);
      segments = segments.slice(1);
      while (segments[0] === 'super') {
        base = base.slice(0, -1);
        segments = segments.slice(1);
      }
      segments = [...base, ...segments];
    } else {
      segments = segments.slice(1);
    }
    const target = resolve(segments);
    if (!target || target === self) continue;
    if (self && target.startsWith(`${self}::`)) continue;
    targets.add(target);
  }
  edges.set(self, targets);
}
const state = new Map();
const stack = [];
function visit(mod) {
  state.set(mod, 'open');
  stack.push(mod);
  for (const next of edges.get(mod) ?? []) {
    if (state.get(next) === 'open') {
      const circle = [...stack.slice(stack.indexOf(next)), next];
      breaches.push(`import circle: ${circle.join(' -> ')}`);
    } else if (!state.has(next)) {
      visit(next);
    }
  }
  stack.pop();
  state.set(mod, 'done');
}
for (const mod of edges.keys()) if (!state.has(mod)) visit(mod);

if (breaches.length) {
  console.error(`check-layers: ${breaches.length} breach(es)\n${breaches.join('\n')}`);
  process.exit(1);
}
console.log(`check-layers: ${all.length} files, no breach`);
