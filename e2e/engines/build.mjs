// The build the engine journeys open: a copy of the release build under /patella/ with
// same-origin scripts added first in <head> (the tests' clock when PATELLA_TODAY pins it,
// then guard.js, which records problems from inside the page) and one that fails on purpose
// (loaded only by the journey that tests the guard), then finished again by the release hook
// (scripts/post-build.mjs), so the CSP, the service worker's precache list and 404.html all
// include them exactly as a deploy would. WebDriver has no "script before the page's own",
// so this is how Firefox and WebKit read the pinned day.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOCK_SHIFT_MS, clockScript } from '../support/clock.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const GUARD = 'patella-engine-guard.js';
const CLOCK = 'patella-engine-clock.js';
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
  let scripts = `\n    <script src="${GUARD}"></script>`;
  if (CLOCK_SHIFT_MS !== 0) {
    writeFileSync(join(dir, CLOCK), clockScript());
    scripts = `\n    <script src="${CLOCK}"></script>${scripts}`;
  }
  writeFileSync(indexPath, `${html.slice(0, at)}${scripts}${html.slice(at)}`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/post-build.mjs'), dir], { stdio: 'ignore' });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
