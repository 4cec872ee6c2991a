// Dates in tests, in the app's UK date style (src/domain/dates.rs): "Mon 16 Nov" this
// year, "Mon 16 Nov 2026" in any other. A test that logs a run on a fixed day names it
// through these, so it still passes in a later year; a test that needs a recent run takes a
// day counted from today. Local dates, as the Log's date field takes them. "Today" is the
// tests' clock (./clock.mjs): the real one, or the day PATELLA_TODAY pins.

import { now } from './clock.mjs';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-16" for a local `Date`. */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day `days` from today (negative: in the past), as "2026-11-16". */
export function dayFromToday(days, today = now()) {
  const date = new Date(today);
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

const parts = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
};

/** "Mon 16 Nov", with the year when it is not `today`'s. */
export function dayWords(iso, today = now()) {
  const { year, month, day, weekday } = parts(iso);
  const words = `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]}`;
  return year === today.getFullYear() ? words : `${words} ${year}`;
}

/** "Sun, Nov 22", with ", 2025" when that is not `today`'s year: an American phone's style. */
export function usDayWords(iso, today = now()) {
  const { year, month, day, weekday } = parts(iso);
  const words = `${WEEKDAYS[weekday]}, ${MONTHS[month - 1]} ${day}`;
  return year === today.getFullYear() ? words : `${words}, ${year}`;
}

/** The week starting on `mondayIso`: "16–22 Nov", "30 Nov – 6 Dec", with the year of its
 * last day when that is not `today`'s. */
export function weekWords(mondayIso, today = now()) {
  const start = parts(mondayIso);
  const endDate = new Date(Date.UTC(start.year, start.month - 1, start.day + 6));
  const end = { year: endDate.getUTCFullYear(), month: endDate.getUTCMonth() + 1, day: endDate.getUTCDate() };
  const words =
    start.month === end.month
      ? `${start.day}–${end.day} ${MONTHS[end.month - 1]}`
      : `${start.day} ${MONTHS[start.month - 1]} – ${end.day} ${MONTHS[end.month - 1]}`;
  return end.year === today.getFullYear() ? words : `${words} ${end.year}`;
}

/** The first day of the week holding `iso`, for weeks starting on Monday (the app's default). */
export function mondayOf(iso) {
  const { year, month, day, weekday } = parts(iso);
  return new Date(Date.UTC(year, month - 1, day - ((weekday + 6) % 7))).toISOString().slice(0, 10);
}

/** How many calendar weeks (Monday to Sunday) the days from `firstIso` to `lastIso` touch. */
export function weeksSpanned(firstIso, lastIso) {
  const days = (a, b) => (Date.parse(`${b}T00:00Z`) - Date.parse(`${a}T00:00Z`)) / 86_400_000;
  return days(mondayOf(firstIso), mondayOf(lastIso)) / 7 + 1;
}

/** Days from today back to this week's Monday: 0 on a Monday, -6 on a Sunday. */
export function daysToMonday(today = now()) {
  return -((today.getDay() + 6) % 7);
}
