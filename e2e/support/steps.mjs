// The runner's steps, written once for both test stacks: the Playwright suite (through the
// adapter in ./app.mjs) and the WebDriver journeys (whose Page in ../engines/page.mjs speaks
// the same words). A driver here is anything with:
//   tapLink(name, { within })  taps a link, inside the landmark named `within`
//   tapButton(name)            taps a button
//   type(label, text)          empties a labelled field and types into it
//   pickDate(label, iso)       sets a date field as its picker does
//   screen(name)               waits for the screen's h1
//   present(css)               waits for an element to be in the page
//   texts(css)                 the visible texts of the elements matching `css`, trimmed
//   pickScore(legend, score)   taps a score in the 0–10 group named `legend`

/** Opens a screen through the bottom navigation and waits for its heading. */
export async function openScreen(driver, name) {
  await driver.tapLink(name, { within: 'Main' });
  await driver.screen(name);
}

/** Fills the quick run form on the Log screen and presses Save run. */
export async function addRun(driver, { date, distance, duration }) {
  if (date) await driver.pickDate('Date', date);
  await driver.type('Distance', distance);
  await driver.type('Duration', duration);
  await driver.tapButton('Save run');
}

/**
 * The runs listed on the Log screen, as their visible text, once the list is there: Log is
 * fetched on first use, so after a reload its list comes a moment after the page loads.
 */
export async function listedRuns(driver) {
  await driver.present('#runs');
  return driver.texts('#runs .run-list .run-text');
}
