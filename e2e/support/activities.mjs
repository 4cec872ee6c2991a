// Synthetic activity files for the import journeys and the import benchmark, and the days
// the app lists the real ones in tests/fixtures/activities on.

import { dayWords, isoDate } from './dates.mjs';

/** When the real files started (tests/import_files.rs reads the same instants). */
const FIXTURE_STARTS = {
  'activity-small-fenix2-run.fit': '2015-08-15T14:45:08Z',
  'garmin-activity.gpx': '2017-07-29T14:46:35Z',
};

/**
 * The day the app lists a real fixture file's run on, as the Log writes it: the runner's
 * local day, so "Sat 15 Aug 2015" in London and "Sun 16 Aug 2015" in Sydney.
 */
export function fixtureDay(file) {
  return dayWords(fixtureDate(file));
}

/** The same day as a run stores it: "2015-08-15" in London, "2015-08-16" in Sydney. */
export function fixtureDate(file) {
  return isoDate(new Date(FIXTURE_STARTS[file]));
}

/** A GPX 1.1 track heading due north at 10 s a point: `km` kilometres in `minutes`. */
export function gpxText({ name, start, km, minutes, type = 'running' }) {
  const points = (minutes * 60) / 10;
  const degreesPerPoint = (km * 1000) / points / 111_195;
  const trkpts = Array.from({ length: points + 1 }, (_, i) => {
    const time = new Date(start.getTime() + i * 10_000).toISOString();
    return `<trkpt lat="${(51 + i * degreesPerPoint).toFixed(7)}" lon="0"><time>${time}</time></trkpt>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="patella-test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>${name}</name><type>${type}</type><trkseg>${trkpts}</trkseg></trk></gpx>`;
}
