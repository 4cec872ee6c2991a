// Where the page's wasm bytes go: every function body rolled up by crate, and by module of
// this crate, from a build that keeps the wasm "name" section (the shipped build strips it).
//
// Usage:
//   node scripts/size-attribution.mjs [--bin patella|import_worker] [--top N]
//       takes the last release build's cargo output (target/wasm32-unknown-unknown/release,
//       or $CARGO_TARGET_DIR), runs wasm-bindgen and `wasm-opt -Oz -g` as trunk does but
//       keeping names, and attributes the result. Run scripts/build-release.sh first.
//   node scripts/size-attribution.mjs path/to/named.wasm
//       attributes a wasm file that already has a name section.
//
// The numbers are the optimized code of each function as wasm-opt leaves it; a generic
// function is counted under the crate that defines it (core's sort instantiated for this
// crate's types counts as core), and the "families" table adds up every instantiation of one
// generic function. Brotli columns compress each group on its own, so they only rank groups.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const bin = option('--bin', 'patella');
const top = Number(option('--top', '20'));
const root = new URL('..', import.meta.url).pathname;

function namedBuild() {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const built = join(targetDir, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
  if (!existsSync(built)) {
    console.error(`${built} is missing: run scripts/build-release.sh first.`);
    process.exit(2);
  }
  const out = mkdtempSync(join(tmpdir(), 'patella-size-'));
  const tool = (name) => join(root, 'node_modules', '.bin', name);
  execFileSync('wasm-bindgen', ['--target', bin === 'patella' ? 'web' : 'no-modules', '--out-dir', out, built]);
  const named = join(out, 'named.wasm');
  execFileSync(existsSync(tool('wasm-opt')) ? tool('wasm-opt') : 'wasm-opt', [
    '-Oz', '-g', '--strip-producers', '--strip-target-features', '--low-memory-unused',
    join(out, `${bin}_bg.wasm`), '-o', named,
  ]);
  return named;
}

const file = args[0] ?? namedBuild();
const bytes = readFileSync(file);

// --- reading the module: sections, imported functions, bodies, names ---
let pos = 8;
const uleb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
};
const text = () => {
  const length = uleb();
  const value = bytes.subarray(pos, pos + length).toString('utf8');
  pos += length;
  return value;
};

const sections = [];
let importedFunctions = 0;
const bodies = []; // { index, start, size }
const names = new Map();
const sectionNames = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = uleb();
  const start = pos;
  const end = start + size;
  let label = sectionNames[id] ?? `section ${id}`;
  if (id === 0) {
    const name = text();
    label = `custom "${name}"`;
    if (name === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = uleb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = uleb();
          for (let i = 0; i < count; i++) {
            const index = uleb();
            names.set(index, text());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      text();
      text();
      const kind = bytes[pos++];
      if (kind === 0) uleb();
      else if (kind === 1) { pos++; const flags = uleb(); uleb(); if (flags & 1) uleb(); }
      else if (kind === 2) { const flags = uleb(); uleb(); if (flags & 1) uleb(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; uleb(); }
      if (kind === 0) importedFunctions++;
    }
  } else if (id === 10) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const bodySize = uleb();
      bodies.push({ index: importedFunctions + i, start: pos, size: bodySize });
      pos += bodySize;
    }
  }
  sections.push({ label, size });
  pos = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: attribute a build made with wasm-opt -g.`);
  process.exit(2);
}

// --- naming what each function belongs to ---
// "<&mut serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_seq::h…"
// belongs to serde_json; "patella::domain::records::_::<impl …>::deserialize" to this crate.
// Symbol names carry crate disambiguators ("core[c5930c85a12de822]") and wasm-opt's
// ".123" suffixes on duplicates: neither says anything about the code.
const stripHash = (name) =>
  name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/\.\d+$/, '').replace(/::h[0-9a-f]{16}$/, '');
const primitives = new Set(['bool', 'char', 'str', 'f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);
function ownerPath(raw) {
  let n = stripHash(raw).trim();
  // "<F as some_crate::Trait>::method": a generic parameter or a tuple owns nothing, the trait does.
  const generic = /^<(?:&mut |&)?(?:[A-Z][A-Za-z0-9]*|\(.*?\)) as (.*)$/.exec(n);
  if (generic) n = generic[1];
  for (;;) {
    const before = n;
    n = n.replace(/^</, '').replace(/^(&mut |&|\*const |\*mut |dyn |impl )/, '').replace(/^\(/, '').replace(/^\[/, '');
    if (n === before) break;
  }
  const segments = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < n.length; i++) {
    const c = n[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    if (c === '>' || c === ')' || c === ']') depth--;
    if (depth === 0 && n.startsWith('::', i)) {
      segments.push(current);
      current = '';
      i++;
      continue;
    }
    if (depth === 0 && (c === ' ' || c === ',' || c === ';')) break;
    if (depth === 0 && c !== '<' && c !== '>') current += c;
    else if (depth === 0 && c === '>') { /* closing a generic list */ }
  }
  segments.push(current);
  return segments.filter((s) => s !== '');
}
const crateOf = (name) => {
  let [first] = ownerPath(name);
  if (primitives.has(first) || first === '__rustc' || first === 'dlmalloc') first = first === 'dlmalloc' ? 'dlmalloc' : first === '__rustc' ? 'std' : 'core';
  if (!first || /^[a-z_][a-z0-9_]*$/.test(first) === false) return '(other)';
  return first;
};
// This crate's modules, two levels deep (domain::records, store::codec, pages::log).
const moduleOf = (name) => {
  const path = ownerPath(name).slice(1).filter((s) => s !== '_' && !s.startsWith('{{'));
  const modules = [];
  for (const segment of path) {
    if (!/^[a-z_][a-z0-9_]*$/.test(segment) || modules.length === 2) break;
    modules.push(segment);
  }
  // A function name itself is the last segment: keep only modules.
  if (modules.length === path.length) modules.pop();
  return modules.join('::') || '(crate root)';
};
// An instantiation of a generic function, without its type arguments or hash.
const familyOf = (name) => {
  let out = '';
  let depth = 0;
  for (const c of stripHash(name)) {
    if (c === '<') { if (depth === 0) out += '<…>'; depth++; continue; }
    if (c === '>') { depth--; continue; }
    if (depth === 0) out += c;
  }
  return out;
};

const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function rollUp(key) {
  const groups = new Map();
  for (const body of bodies) {
    const name = names.get(body.index) ?? `func[${body.index}]`;
    const k = key(name);
    if (k === undefined) continue;
    const group = groups.get(k) ?? { key: k, raw: 0, count: 0, parts: [] };
    group.raw += body.size;
    group.count += 1;
    group.parts.push(bytes.subarray(body.start, body.start + body.size));
    groups.set(k, group);
  }
  return [...groups.values()].sort((a, b) => b.raw - a.raw);
}

const codeTotal = bodies.reduce((s, b) => s + b.size, 0);
const pct = (n) => `${((100 * n) / codeTotal).toFixed(1)}%`.padStart(6);
const pad = (v, w) => String(v).padStart(w);
function table(title, rows, limit, withBrotli) {
  console.log(`\n${title}`);
  console.log(`${'raw B'.padStart(9)} ${'share'.padStart(6)} ${'fns'.padStart(5)}${withBrotli ? ' ' + 'brotli B'.padStart(9) : ''}  name`);
  for (const row of rows.slice(0, limit)) {
    const br = withBrotli ? ' ' + pad(brotli(Buffer.concat(row.parts)), 9) : '';
    console.log(`${pad(row.raw, 9)} ${pct(row.raw)} ${pad(row.count, 5)}${br}  ${row.key}`);
  }
  if (rows.length > limit) {
    const rest = rows.slice(limit).reduce((s, r) => s + r.raw, 0);
    console.log(`${pad(rest, 9)} ${pct(rest)} ${pad(rows.length - limit, 5)}${withBrotli ? ' '.repeat(10) : ''}  (${rows.length - limit} more)`);
  }
}

console.log(`${file}: ${bytes.length} B, ${bodies.length} functions, code ${codeTotal} B`);
console.log('sections:', sections.filter((s) => s.size > 1000).map((s) => `${s.label} ${s.size}`).join(', '));
table('By crate', rollUp(crateOf), 40, true);
table('By module of this crate', rollUp((n) => (crateOf(n) === 'patella' ? moduleOf(n) : undefined)), 40, true);
table(`Top ${top} functions`, rollUp((n) => stripHash(n)), top, false);
table(`Top ${top} generic families (all instantiations of one function)`, rollUp(familyOf), top, false);
