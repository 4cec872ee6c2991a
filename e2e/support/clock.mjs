// Today for every end-to-end test and journey, from one place. By default the real clock;
// PATELLA_TODAY pins it to a local date and time ("2027-01-01T00:30", or a date alone for
// noon) and PATELLA_TZ sets the time zone it is read in ("America/New_York"). The pinned
// clock ticks on from the pinned moment: the tests (through `now()`) and every page they open
// (through `clockScript()`, run before the app's own scripts) read the same moved time, so
// "today" in an expectation is "today" in the app.
//
// Importing this module sets the process's time zone, which the browsers and WebDriver
// drivers it starts inherit, so Node, the page and its workers agree on local time.

const pinnedText = process.env.PATELLA_TODAY?.trim() || null;
const zone = process.env.PATELLA_TZ?.trim() || null;

if (zone) {
  // Node reads TZ again whenever it changes; children (browsers, drivers) inherit it.
  process.env.TZ = zone;
  const resolved = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (resolved !== zone) throw new Error(`PATELLA_TZ=${zone} is not a time zone this machine knows (got ${resolved})`);
}

/** The pinned moment as a local `Date`, or null when the real clock is used. */
function parsePinned(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) throw new Error(`PATELLA_TODAY=${text} is not a local date and time like 2027-01-01T00:30`);
  const [, year, month, day, hour = '12', minute = '00', second = '00'] = match;
  const moment = new Date(+year, +month - 1, +day, +hour, +minute, +second);
  if (moment.getFullYear() !== +year || moment.getMonth() !== +month - 1 || moment.getDate() !== +day) {
    throw new Error(`PATELLA_TODAY=${text} is not a day of the calendar`);
  }
  return moment;
}

const pinned = pinnedText ? parsePinned(pinnedText) : null;

/** How far the tests' clock is ahead of the real one, in milliseconds (0 unless pinned). */
export const CLOCK_SHIFT_MS = pinned ? pinned.getTime() - Date.now() : 0;

/** The time zone pinned by PATELLA_TZ, or undefined for the machine's own. */
export const TIME_ZONE = zone ?? undefined;

/** Now, on the tests' clock. */
export function now() {
  return new Date(Date.now() + CLOCK_SHIFT_MS);
}

/** What the clock is, in words for a test's log: "real clock" or "pinned to … (zone)". */
export function clockInWords() {
  if (!pinned) return `real clock${zone ? ` in ${zone}` : ''}`;
  return `pinned to ${pinnedText}${zone ? ` in ${zone}` : ''}`;
}

/**
 * A script for a page, run before any of its own, that moves `Date` by `shiftMs` and lets it
 * tick on: `Date.now()` and `new Date()` read the moved time. Always measured from the real
 * clock, so a second move replaces the first instead of adding to it. Timers and the
 * performance clock are untouched.
 */
export function clockScript(shiftMs = CLOCK_SHIFT_MS) {
  return `(() => {
  const RealDate = globalThis.__patellaRealDate || (globalThis.__patellaRealDate = Date);
  const realNow = RealDate.now.bind(RealDate);
  const shift = ${Number(shiftMs)};
  class MovedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + shift);
      else super(...args);
    }
    static now() {
      return realNow() + shift;
    }
  }
  globalThis.Date = MovedDate;
})();
`;
}
