// The build the engine journeys open: a copy of the release build under /patella/ with one
// same-origin script added first in <head> (guard.js, which records problems from inside the
// page) and one that fails on purpose (loaded only by the journey that tests the guard), then finished again by the release hook (scripts/post-build.mjs), so the CSP, the
// service worker's precache list and 404.html all include it exactly as a deploy would.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const GUARD = 'patella-engine-guard.js';
/** A same-origin script that fails on purpose, for the journey proving the guard hears it. */
export const FAULT = 'patella-engine-fault.js';

/** Copies `dist` with the guard; returns { dir, remove }. */
export function guardedBuild(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'patella-engines-'));
  cpSync(dist, dir, { recursive: true });
  writeFileSync(join(dir, GUARD), readFileSync(new URL('guard.js', import.meta.url)));
  writeFileSync(
    join(dir, FAULT),
    "setTimeout(() => { throw new Error('thrown on purpose'); });\nPromise.reject(new Error('rejected on purpose'));\n",
  );
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  // After <base>, so the relative address resolves under the sub-path on every deep link.
  const base = html.match(/<base [^>]*>/);
  if (!base) throw new Error('the build has no <base> element');
  const at = base.index + base[0].length;
  writeFileSync(indexPath, `${html.slice(0, at)}\n    <script src="${GUARD}"></script>${html.slice(at)}`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/post-build.mjs'), dir], { stdio: 'ignore' });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
