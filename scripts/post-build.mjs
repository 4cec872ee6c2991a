// trunk's post_build hook (Trunk.toml): finishes the build in TRUNK_STAGING_DIR before trunk
// moves it to the dist folder.
//   1. Release builds get the screens fetched on first use: the files wasm-split left in
//      target/wasm-split/ (scripts/tools/wasm-bindgen) are optimized like the page's wasm,
//      named by a hash of the build's code, and their loader pointed at the page's glue.
//   2. Release builds get wasm-bindgen's JS glue minified by terser (trunk's own minifier fails
//      on it), and the `integrity` hashes trunk wrote for those files updated to match.
//   3. The Content-Security-Policy <meta> (placeholder `data-patella-csp` in index.html) gets
//      the sha256 hash of every inline <script> trunk wrote, so those run and nothing else does.
//   4. Release builds get the service worker: public/sw.js filled with the list of every file
//      of the build and a hash of all of them (its cache name), plus a `patella-build` <meta>
//      the app reads to register it and to show which build is running.
//   5. index.html is copied to 404.html: GitHub Pages answers unknown paths with it, so deep
//      links open the app online.
// Can also be run by hand over a finished build: node scripts/post-build.mjs <dist folder>.
// The version shown in Settings is Cargo.toml's, or PATELLA_VERSION when set (the e2e test's
// second build uses it as its visible change).
// Debug builds (`trunk serve --dev`) get no service worker, so a rebuild is never hidden
// behind a cached copy.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: no TRUNK_STAGING_DIR (run from trunk) and no folder given');
  process.exit(1);
}
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const version = process.env.PATELLA_VERSION || cargoVersion();

const sha256 = (text) => createHash('sha256').update(text).digest('base64');
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// wasm-bindgen's glue is the JS beside each `_bg.wasm`: ES module for the page, classic
// script (a global `wasm_bindgen`, which terser keeps) for the import worker.
const glueFiles = readdirSync(staging)
  .filter((name) => name.endsWith('_bg.wasm'))
  .map((wasm) => wasm.replace(/_bg\.wasm$/, '.js'));

// 1. The on-demand screens (src/pages/on_demand.rs). The page's glue imports the loader as
// "./__wasm_split.js", and the loader imports the glue as "./patella.js" and fetches
// "./<file>.wasm": each name is rewritten to the file as shipped. The suffix hashes the page's
// wasm too, because a split file only works with the main module it was cut from.
const splitLoader = './__wasm_split.js';
const splitDir = join(root, 'target', 'wasm-split');
const minifyAlso = [];
if (release) {
  for (const glue of glueFiles) {
    const gluePath = join(staging, glue);
    const glueText = readFileSync(gluePath, 'utf8');
    if (!glueText.includes(`from "${splitLoader}"`)) continue;
    if (!existsSync(join(splitDir, '__wasm_split.js'))) {
      fail(`${glue} imports ${splitLoader}, but target/wasm-split/ has no loader: was the page built through scripts/tools/wasm-bindgen?`);
    }
    const parts = readdirSync(splitDir).filter((name) => name.endsWith('.wasm') && name !== 'patella.wasm').sort();
    const optimized = new Map();
    for (const part of parts) {
      const out = join(staging, part);
      // wasm-opt warns of a name subsection it does not know in wasm-split's output; the
      // names are stripped anyway, so only other words are passed on.
      const { stderr } = spawnSync(join(root, 'node_modules', '.bin', 'wasm-opt'), [join(splitDir, part), '-Oz', ...wasmOptParams(), '-o', out], { encoding: 'utf8' });
      const words = stderr.split('\n').filter((line) => line && !line.startsWith('warning: unknown name subsection'));
      if (words.length) console.error(words.join('\n'));
      if (!existsSync(out)) fail(`wasm-opt failed on ${part}`);
      optimized.set(part, readFileSync(out));
      rmSync(out);
    }
    const hash = createHash('sha256').update(readFileSync(join(staging, glue.replace(/\.js$/, '_bg.wasm'))));
    for (const [part, bytes] of optimized) hash.update(part).update('\0').update(bytes);
    const suffix = hash.digest('hex').slice(0, 16);
    const shipped = (name) => name.replace(/(\.[a-z]+)$/, `-${suffix}$1`);
    let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
    const mainImport = 'from "./patella.js"';
    if (!loader.includes(mainImport)) fail(`the split loader does not import ${mainImport}`);
    loader = loader.replace(mainImport, `from "./${glue}"`);
    for (const [part, bytes] of optimized) {
      const url = `"./${part}"`;
      if (!loader.includes(url)) fail(`the split loader never fetches ${part}`);
      loader = loader.replaceAll(url, `"./${shipped(part)}"`);
      writeFileSync(join(staging, shipped(part)), bytes);
    }
    const loaderName = shipped('__wasm_split.js');
    writeFileSync(join(staging, loaderName), loader);
    // Only the import statements: the wasm's imports object keeps the module name the wasm
    // asks for ("./__wasm_split.js") as its key.
    const loaderImport = `from "${splitLoader}"`;
    writeFileSync(gluePath, glueText.replaceAll(loaderImport, `from "./${loaderName}"`));
    minifyAlso.push(loaderName);
    const bytes = [...optimized.values()].reduce((sum, b) => sum + b.length, 0);
    console.log(`post-build: ${optimized.size} on-demand wasm files, ${bytes} B, loader ${loaderName}`);
  }
}

// 2. Minified glue, with trunk's integrity hashes brought up to date.
if (release) {
  for (const name of [...glueFiles, ...minifyAlso]) {
    const path = join(staging, name);
    const source = readFileSync(path, 'utf8');
    const module = /^\s*export\s/m.test(source);
    const { code } = await minify(source, { module, compress: true, mangle: true });
    if (!code) fail(`terser gave nothing for ${name}`);
    writeFileSync(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    const tags = new RegExp(`(<link[^>]*href="[^"]*/${escapeRegExp(basename(name))}"[^>]*integrity=")[^"]*(")`, 'g');
    html = html.replace(tags, `$1${integrity}$2`);
    console.log(`post-build: ${name} minified, ${source.length} → ${code.length} B`);
  }
}

// 3. CSP: hashes of the inline scripts, exactly as the browser will see their text.
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const scriptHashes = inline.map((text) => `'sha256-${sha256(text)}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const cspTag = /<meta[^>]*\bdata-patella-csp\b[^>]*>/;
if (!cspTag.test(html)) fail('index.html has no <meta ... data-patella-csp> placeholder');
html = html.replace(cspTag, `<meta http-equiv="Content-Security-Policy" content="${policy}" data-patella-csp />`);

// 4. Which build this is, read by the app (src/platform/service_worker.rs).
const buildTag = /<meta name="patella-build"[^>]*>/;
const setBuild = (build) => {
  const tag = `<meta name="patella-build" content="${build}" data-version="${escapeAttr(version)}" />`;
  return buildTag.test(html) ? html.replace(buildTag, tag) : html.replace('</head>', `  ${tag}\n  </head>`);
};

const swPath = join(staging, 'sw.js');
rmSync(swPath, { force: true });
rmSync(join(staging, '404.html'), { force: true });
if (release) {
  html = setBuild('pending');
  writeFileSync(indexPath, html);
  // Every file of the build except the service worker and the 404 copy, sorted for a stable hash.
  const files = listFiles(staging).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(staging, file)));
  const build = hash.digest('hex').slice(0, 16);
  html = setBuild(build);
  const template = readFileSync(join(root, 'public', 'sw.js'), 'utf8');
  const worker = template
    .replace("'__PATELLA_BUILD__'", JSON.stringify(build))
    .replace('__PATELLA_PRECACHE__', JSON.stringify(files, null, 2));
  if (worker.includes('__PATELLA_')) fail('public/sw.js placeholders were not all filled');
  writeFileSync(swPath, worker);
  const bytes = files.reduce((sum, file) => sum + statSync(join(staging, file)).size, 0);
  console.log(`post-build: build ${build}, precache ${files.length} files, ${bytes} B`);
} else if (buildTag.test(html)) {
  html = html.replace(buildTag, '');
}
writeFileSync(indexPath, html);
writeFileSync(join(staging, '404.html'), html);
console.log(`post-build: CSP with ${scriptHashes.length} inline script hash(es)`);

function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => relative(staging, join(dir, name)).split(sep).join('/'))
    .filter((name) => statSync(join(staging, name)).isFile())
    .filter((name) => name !== 'sw.js' && name !== '404.html');
}

function cargoVersion() {
  const manifest = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  return manifest.match(/^version\s*=\s*"([^"]+)"/m)?.[1] ?? 'unknown';
}

/** The wasm-opt options index.html gives the page's wasm, so split files get the same. */
function wasmOptParams() {
  const source = readFileSync(join(root, 'index.html'), 'utf8');
  const link = source.match(/<link[^>]*data-bin="patella"[^>]*>/)?.[0] ?? '';
  const params = link.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
  if (!params) fail('index.html gives no data-wasm-opt-params for the page');
  return params.split(/\s+/).filter(Boolean);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeAttr(text) {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}
