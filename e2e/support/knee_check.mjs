// Steps through the knee check as a runner taps it: one question at a time.

export const question = (page) => page.locator('#kc-question');

/**
 * Waits until the wizard has moved focus to the screen it just drew (the question, the
 * result, or the start card), which it does in the next animation frame. A person starts
 * from there, so the tests do too; tabbing or typing before it races the focus move.
 */
export async function focusSettled(page) {
  await page.waitForFunction(() =>
    ['kc-question', 'kc-result-heading', 'kc-start'].includes(document.activeElement?.id),
  );
}

/** Presses a button on the current question and waits for the next screen and its focus. */
export async function tap(page, name) {
  const before = await question(page).innerText();
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((text) => document.querySelector('#kc-question')?.innerText !== text, before);
  await focusSettled(page);
}

/** Picks several answers (toggle buttons or knee map areas), then Continue. */
export async function pick(page, names) {
  for (const name of names) await page.getByRole('button', { name, exact: true }).click();
  await tap(page, 'Continue');
}

export async function start(page) {
  await page.getByRole('button', { name: 'Start knee check' }).click();
  await question(page).waitFor();
  await focusSettled(page);
}

/** "How did the pain start?": a twist, fall, knock or sudden change of direction. */
export const INJURY = 'In a twist, fall or knock, or a sudden change of direction';

/** The questions after an injury, answered as a runner with none of their signs would. */
export const NO_INJURY_SIGNS = { ot_bend: 'No', ot_tender: 'No', ot_swelling: 'It has not swollen' };

/** The answer to "How old are you?", asked of everyone just before how the pain started. */
export const AGE = '18 to 49';

/**
 * A gradual ache at the front of the knee, worse on stairs and when sitting: the answers from
 * "Where does it hurt?" to the end. A string is a tap; an array is a multi-pick.
 */
export const FRONT_OF_KNEE_STORY = {
  areas: ['Front, around the kneecap'],
  side: 'Left knee',
  feel: 'Dull, aching',
  timing: 'After runs',
  triggers: ['Stairs, especially going down', 'Sitting a long time with bent knees'],
  burning: 'No',
  swelling: 'No',
  clicking: 'No clicking',
  stiffness: 'No',
  pain_now: '3',
  duration: '1 week, but less than 2',
  before: 'No, this is the first time',
  daily_life: 'No',
  mileage: 'No, about the same',
  speed_hills: 'No',
  easy_days: 'Yes',
  cadence: "I don't know",
  overstride: 'Not sure',
  shoe_distance: 'Under 500 km', // in the runner's unit (km by default)
  shoe_change: 'No',
  surface: ['A mix of surfaces'],
  strength: 'Now and then',
  sitting: 'No',
};

/**
 * No warning signs, by question: each safety question answered as a runner with none of
 * them would. Answers are keyed by the question's id (the wizard's `data-question`), so a
 * question added or moved does not shift the rest of a story.
 */
export const NO_WARNING_SIGNS = {
  rf_weight: 'No',
  rf_walk: 'No',
  rf_locked: 'No',
  rf_gives_way: 'No',
  rf_swollen: 'No',
  rf_hot: 'No',
  rf_numb: 'No',
  rf_calf: 'None of these',
  rf_worse_rest: 'No',
  rf_general: 'None of these',
};

/** A gradual ache's start: no warning signs, an adult, and it came on over days or weeks. */
export const GRADUAL_START = { ...NO_WARNING_SIGNS, age: AGE, onset: 'Gradually, over days or weeks' };

/**
 * A sharp pain on the outer side during runs, a burning that builds, after the weekly distance
 * went up by more than 30%: the iliotibial band's story, every other question skipped.
 */
export const OUTER_BURNING_STORY = {
  areas: ['Outer side'],
  side: 'Right knee',
  feel: 'Sharp',
  timing: 'During runs',
  triggers: ['None of these'],
  burning: 'Yes',
  mileage: 'Up by more than 30%',
};

export const SKIP = 'Skip this question';

/** The id of the question on screen, or null on the result. */
export async function questionId(page) {
  return page.evaluate(() => document.querySelector('.kc-wizard')?.dataset.question ?? null);
}

/**
 * Answers the questions the wizard asks from `story` (question id -> a tap, or an array of
 * picks then Continue) until the question `stopAt` is on screen, or the result. A question the
 * story does not answer gets `otherwise` (say 'Skip this question'); with none, it fails the
 * test by its id and words, rather than being answered wrongly.
 */
export async function answerStory(
  page,
  story,
  { stopAt = null, otherwise = null, beforeEach = async () => {}, tapWith = tap, pickWith = pick } = {},
) {
  for (let asked = 0; asked < 80; asked++) {
    const id = await questionId(page);
    if (id === null || id === stopAt) return id;
    if (!(id in story) && otherwise === null) {
      throw new Error(`the story does not answer "${id}" (${await question(page).innerText()})`);
    }
    await beforeEach(page);
    const step = id in story ? story[id] : otherwise;
    if (Array.isArray(step)) await pickWith(page, step);
    else await tapWith(page, step);
  }
  throw new Error('the knee check did not end after 80 answers');
}
