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

/**
 * The safety questions, each answered the way a runner with none of the warning signs would:
 * No, or one tap on "None of these" where several signs are asked together (the calf, and
 * the signs that are not from running).
 */
export const SAFETY_ALL_NO = ['No', 'No', 'No', 'No', 'No', 'No', 'No', 'None of these', 'No', 'None of these'];

/** "How did the pain start?": a twist, fall, knock or sudden change of direction. */
export const INJURY = 'In a twist, fall or knock, or a sudden change of direction';

/** The questions after an injury, answered as a runner with none of their signs would. */
export const INJURY_ALL_NO = ['No', 'No', 'It has not swollen'];

/** The answer to "How old are you?", asked of everyone just before how the pain started. */
export const AGE = '18 to 49';

/**
 * A gradual ache at the front of the knee, worse on stairs and when sitting: the answers from
 * "Where does it hurt?" to the end. A string is a tap; an array is a multi-pick.
 */
export const FRONT_OF_KNEE_STORY = [
  ['Front, around the kneecap'],
  'Dull, aching',
  'After runs',
  ['Stairs, especially going down', 'Sitting a long time with bent knees'],
  'No', // burning
  'No', // swelling
  'No clicking',
  'No', // morning stiffness
  '3',
  '1 week, but less than 2',
  'No, this is the first time',
  'No', // daily life
  'No, about the same',
  'No', // speed and hills
  'Yes', // easy days
  "I don't know",
  'Not sure',
  'Under 500 km', // shoes, in the runner's unit (km by default)
  'No', // shoe change
  ['A mix of surfaces'],
  'Now and then',
  'No', // sitting
];

/** Answers `steps` in order; `beforeEach(page)` runs on every question before it is answered. */
export async function answer(page, steps, beforeEach = async () => {}) {
  for (const step of steps) {
    await beforeEach(page);
    if (Array.isArray(step)) await pick(page, step);
    else await tap(page, step);
  }
}
