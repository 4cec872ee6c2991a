// The knee check as a runner taps through it on a phone, in a real Chromium: red flags end
// the check at once, typical stories reach their plans, Back and reload keep the answers,
// and a saved check is in the history after a reload and on Home.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openScreen, releaseApp, stored } from './support/app.mjs';
import { phonePage } from './support/browser.mjs';
import {
  AGE,
  answerStory,
  focusSettled,
  FRONT_OF_KNEE_STORY,
  GRADUAL_START,
  INJURY,
  NO_INJURY_SIGNS,
  NO_WARNING_SIGNS,
  OUTER_BURNING_STORY,
  pick,
  question,
  SKIP,
  start,
  tap,
} from './support/knee_check.mjs';

const app = releaseApp();

const openKneeCheck = () => app.open('knee-check', 'Knee check');

async function safetyAllNo(page) {
  await answerStory(page, NO_WARNING_SIGNS, { stopAt: 'age' });
}

async function progress(page) {
  const bar = page.getByRole('progressbar', { name: 'Knee check progress' });
  return Number(await bar.getAttribute('aria-valuenow'));
}

async function noSideways(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360px`);
}

/** The headings of the screen's cards, top to bottom. */
const cardHeadings = (page) => page.locator('main section.card > h2').allInnerTexts();

const result = (page) => page.getByRole('region', { name: /Your result|Knee check from/ });

/**
 * Opens a folded part of the result by tapping its heading, as a runner would; its region.
 * The plan is shown unfolded already: tapping it would fold it away.
 */
async function unfold(page, name) {
  const region = page.getByRole('region', { name });
  if ((await region.locator('details[open]').count()) === 0) await region.locator('summary').click();
  await region.locator('details[open]').waitFor();
  return region;
}

describe('knee check', () => {
  test('a red flag on the first screen ends on the same-day page naming the answer', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await page.getByText('Step 1 of 6: Safety first').waitFor();
    assert.equal(await progress(page), 1);
    assert.match(await question(page).innerText(), /unable to stand on the leg/);
    await tap(page, 'Yes');
    const card = result(page);
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /Same-day care/);
    assert.match(text, /Because you said you cannot stand on the leg or put any weight on it\./);
    assert.match(text, /What to do right now/);
    // Where and when, said once: by the care the warning sign needs.
    assert.match(text, /Get the knee examined today at urgent care or an emergency department/);
    assert.equal(text.match(/today/g).length, 1, text);
    // No self-care plan, and no "if it lasts two weeks", competes with getting care.
    assert.equal(await page.getByRole('heading', { name: 'Your plan' }).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'When to see a professional' }).count(), 0);
    await page.getByText('not for diagnosis').waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  test('a knee locked now is an emergency; one that locks at times needs seeing today', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await answerStory(page, NO_WARNING_SIGNS, { stopAt: 'rf_locked' });
    await tap(page, 'Yes, it is stuck now');
    const text = await result(page).innerText();
    assert.match(text, /Emergency now/);
    assert.match(text, /Because you said the knee is locked and will not straighten\./);

    await page.getByRole('button', { name: 'Back' }).click();
    await question(page).getByText('Does the knee lock').waitFor();
    await tap(page, 'It locks at times, then frees up');
    const atTimes = await result(page).innerText();
    assert.match(atTimes, /Same-day care/);
    assert.match(atTimes, /Because you said the knee locks at times and then frees up\./);
    assert.equal(await page.getByRole('heading', { name: 'Your plan' }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('each warning sign that is not from running ends on a doctor, at its tier, with the reason', async () => {
    const signs = [
      ['Feeling unwell, feverish or shivery', 'Same-day care', 'you feel unwell, feverish or shivery', /See a doctor today/],
      [
        'Pain at night or at rest that no change of position eases',
        'See a professional soon',
        'the pain comes at night or at rest and no change of position eases it',
        /Book a visit with a GP, a doctor rather than only a physiotherapist/,
      ],
      ['Losing weight without trying', 'See a professional soon', 'you are losing weight without trying', /needs a doctor to look for the cause/],
      ['Cancer now, or in the past', 'See a professional soon', 'you have or have had cancer', /tell them about the cancer/],
    ];
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    // Every red flag first, then the screen of signs that are not from running.
    await answerStory(page, NO_WARNING_SIGNS, { stopAt: 'rf_general' });
    assert.match(await question(page).innerText(), /Do you have any of these\?/);
    let previous = null;
    for (const [sign, tier, said, action] of signs) {
      // Back on the same screen the earlier sign is still pressed (its name then starts with
      // a tick): release it, then press this one.
      if (previous) {
        const pressed = page.getByRole('button', { name: previous, pressed: true });
        await pressed.click();
        await page.getByRole('button', { name: previous, exact: true, pressed: false }).waitFor();
      }
      await pick(page, [sign]);
      const text = await result(page).innerText();
      assert.match(text, new RegExp(tier));
      assert.ok(text.includes(`Because you said ${said}.`), `${sign}: ${text}`);
      assert.match(text, action);
      assert.doesNotMatch(text, /plan below/);
      assert.equal(await page.getByRole('region', { name: /Your plan/ }).count(), 0, `${sign}: no running plan`);
      assert.equal(await page.getByRole('link', { name: 'Start the back-to-running plan' }).count(), 0);
      await page.getByRole('button', { name: 'Back' }).click();
      await question(page).getByText('Do you have any of these?').waitFor();
      await focusSettled(page);
      previous = sign;
    }
    assertNoProblems(problems);
    await context.close();
  });

  test('each question starts at the top of the screen, its purpose line not repeated, with Continue in view', async () => {
    const { page, problems } = await openKneeCheck();
    await start(page);
    /** Where an element's box lies against the screen and the bottom bar. */
    const box = (css) =>
      page.evaluate((sel) => {
        const found = [...document.querySelectorAll(sel)].pop();
        const nav = document.querySelector('nav[aria-label="Main"]').getBoundingClientRect().top;
        const rect = found?.getBoundingClientRect();
        return rect && { top: rect.top, bottom: rect.bottom, nav, height: innerHeight };
      }, css);
    const checked = [];
    const inView = async (current, { arriving = true } = {}) => {
      if (arriving) {
        await focusSettled(page);
        const heading = await box('#kc-question');
        const header = await page.evaluate(() => document.querySelector('header').getBoundingClientRect().bottom);
        assert.ok(heading.top >= header - 1 && heading.bottom <= heading.nav, `question "${current}" starts off screen: ${JSON.stringify(heading)}`);
        assert.equal(await page.locator('.page-intro .purpose').isVisible(), false, 'the purpose line is repeated');
      }
      const cont = await box('.kc-continue');
      if (cont) {
        assert.ok(cont.top >= 0 && cont.bottom <= cont.nav, `Continue is not in view on "${current}": ${JSON.stringify(cont)}`);
        checked.push(current);
      }
    };
    const pickInView = async (page, names) => {
      for (const name of names) await page.getByRole('button', { name, exact: true }).click();
      await inView(await question(page).innerText(), { arriving: false });
      await tap(page, 'Continue');
    };
    await answerStory(
      page,
      { ...GRADUAL_START, ...FRONT_OF_KNEE_STORY },
      { beforeEach: async () => inView(await question(page).innerText()), pickWith: pickInView },
    );
    await result(page).waitFor();
    assert.ok(checked.length >= 3, `only ${checked.length} questions had Continue`);
    assertNoProblems(problems);
  });

  test('gradual front-of-knee pain with stairs and sitting ends on the patellofemoral plan', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await safetyAllNo(page);
    await page.getByText('Step 2 of 6: How it started').waitFor();
    await tap(page, AGE);
    await tap(page, 'Gradually, over days or weeks');
    await page.getByRole('group', { name: /Knee map/ }).waitFor();
    await noSideways(page);
    await answerStory(page, FRONT_OF_KNEE_STORY);
    await result(page).waitFor();
    assert.match(await result(page).innerText(), /Self-care with a plan/);
    // The knee the runner named, in the heading, so the printed page names it too.
    assert.match(await page.locator('#kc-result-heading').innerText(), /^Your result · Left knee$/);

    // The first screen: what it probably is, and the week's three actions.
    const top = result(page);
    assert.equal(await top.locator('.kc-likely').innerText(), "Probably: Runner's knee (patellofemoral pain)");
    // A pain of one to two weeks: no first-day care (rest, ice), the runner starts by running less.
    await top.getByText('Run less; keep fit other ways').waitFor();
    assert.equal(await top.locator('.kc-do-now li').count(), 3);
    const why = await unfold(page, 'Why this result');
    const names = await why.locator('.kc-condition h4').allInnerTexts();
    assert.equal(names[0], "Runner's knee (patellofemoral pain)");
    assert.match(
      await why.innerText(),
      /Because you said it hurts at the front, around the kneecap, stairs make it worse, sitting with bent knees makes it worse and the pain is a dull ache\./,
    );
    const plan = await unfold(page, 'Your plan');
    for (const phase of ['Weeks 1 to 2', 'Weeks 2 to 6', 'From then on']) {
      await plan.getByRole('heading', { name: phase }).waitFor();
    }
    assert.equal(await plan.getByRole('heading', { name: 'First 24 to 48 hours' }).count(), 0);
    const exercises = await unfold(page, /^Exercises/);
    await exercises.getByRole('heading', { name: 'Wall sits' }).waitFor();
    await exercises.getByRole('heading', { name: 'Step-downs' }).waitFor();
    await exercises.getByText('3 holds of 30 to 60 seconds').waitFor();
    await exercises.getByText('2 sets of 10 on each leg').waitFor();
    await exercises.getByText(/3 to 4 weeks/).waitFor();
    await page.getByRole('region', { name: 'When to see a professional' }).waitFor();
    const recovery = page.getByRole('link', { name: 'Start the back-to-running plan' });
    assert.equal(await recovery.getAttribute('href'), '/patella/recovery');
    await noSideways(page);

    // Saved, it is Home's knee card: when, the care it pointed to and the likely cause.
    await page.getByRole('button', { name: 'Save to past checks' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to your past checks.' }).waitFor();
    await openScreen(page, 'Home');
    const last = page.getByRole('region', { name: 'Your last knee check' });
    await last.getByText(/, \d\d:\d\d: Self-care with a plan\.$/).waitFor();
    await last.getByText("Most likely: Runner's knee (patellofemoral pain)").waitFor();
    assert.equal(await last.locator('.warning').count(), 0, 'no warning sign was found');
    assert.deepEqual(await cardHeadings(page), [
      'What to do this week',
      'Start with your next run',
      'Your last knee check',
    ]);
    // The week's one answer, from the check just saved, in the result's own words.
    const week = page.getByRole('region', { name: 'What to do this week' });
    await week.getByText('Run less; keep fit other ways').waitFor();
    assert.equal(await week.getByRole('listitem').count(), 3);
    assertNoProblems(problems);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`a self-care result fits its answer on the first screen at 360 px (${colorScheme})`, async () => {
      const { context, page, problems } = await phonePage(app.browser, app.server.origin, { colorScheme });
      await page.goto(`${app.server.url}knee-check`);
      await page.getByRole('heading', { level: 1, name: 'Knee check' }).waitFor();
      await start(page);
      await answerStory(page, GRADUAL_START, { stopAt: 'areas' });
      await answerStory(page, FRONT_OF_KNEE_STORY);
      const top = result(page);
      await top.waitFor();
      // From the top of the page, as the runner lands on it: each part's bottom edge must be
      // above the bottom navigation on a 740 px tall screen.
      await page.evaluate(() => window.scrollTo(0, 0));
      const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
      const fold = Math.min(740, nav.y);
      const parts = {
        tier: top.locator('.kc-tier-sentence'),
        'what it probably is': top.locator('.kc-likely'),
        'three things to do': top.locator('.kc-do-now'),
        'when to see someone': top.locator('.kc-see'),
        save: page.getByRole('button', { name: 'Save to past checks' }),
        print: page.getByRole('button', { name: 'Print summary' }),
      };
      const bottoms = {};
      for (const [name, locator] of Object.entries(parts)) {
        const box = await locator.boundingBox();
        assert.ok(box, `${name} is shown`);
        bottoms[name] = Math.round(box.y + box.height);
      }
      assert.equal(await top.locator('.kc-do-now li').count(), 3);
      for (const [name, bottom] of Object.entries(bottoms)) {
        assert.ok(bottom <= fold, `${name} ends at ${bottom} px, below the first screen (${fold} px): ${JSON.stringify(bottoms)}`);
      }
      mkdirSync('target/screenshots', { recursive: true });
      await page.screenshot({ path: `target/screenshots/knee-check-result-first-screen-${colorScheme}.png` });
      assertNoProblems(problems);
      await context.close();
    });
  }

  test('a warning sign chosen after going Back from a self-care result leaves nothing of that result', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await answerStory(page, GRADUAL_START, { stopAt: 'areas' });
    await answerStory(page, FRONT_OF_KNEE_STORY);
    await page.getByRole('region', { name: 'Why this result' }).waitFor();
    assert.match(await result(page).innerText(), /Self-care with a plan/);

    // Back, one question at a time as a person taps it, to the swelling question.
    await page.getByRole('button', { name: 'Back' }).click();
    await question(page).waitFor();
    while (!/badly swollen/.test(await question(page).innerText())) await tap(page, 'Back');
    await tap(page, 'Yes');
    const text = await result(page).innerText();
    assert.match(text, /Same-day care/);
    assert.match(text, /Because you said the knee is badly swollen or has changed shape\./);
    // textContent, not innerText: nothing stale may hide in a folded part either.
    const shown = await page.locator('main').textContent();
    for (const stale of [/What it may be/, /Runner's knee/, /6 to 12 weeks/, /Stay calm/, /not serious/, /Your plan/, /Wall sits/]) {
      assert.doesNotMatch(shown, stale, `nothing of the earlier result: ${stale}`);
    }
    assert.equal(await page.getByRole('link', { name: 'Start the back-to-running plan' }).count(), 0);

    // Saved, the record holds exactly what was shown, and so does the history.
    await page.getByRole('button', { name: 'Save to past checks' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to your past checks.' }).waitFor();
    const [record] = (await stored(page, 'patella.triage')).data;
    assert.equal(record.care_tier, 'same_day');
    assert.deepEqual(record.conditions, []);
    // The four questions asked up to the warning sign, and none of the answers given below it.
    assert.deepEqual(Object.keys(record.answers).sort(), ['rf_gives_way', 'rf_locked', 'rf_swollen', 'rf_walk', 'rf_weight']);
    await page.reload();
    await page.getByRole('region', { name: 'Past checks' }).getByRole('button', { name: /Same-day care/ }).click();
    const opened = page.getByRole('region', { name: /Knee check from/ });
    await opened.waitFor();
    assert.match(await opened.innerText(), /Because you said the knee is badly swollen or has changed shape\./);
    const reopened = await page.locator('main').textContent();
    assert.doesNotMatch(reopened, /What it may be|Runner's knee|6 to 12 weeks|Your plan/);
    assertNoProblems(problems);
    await context.close();
  });

  test('the printed summary for a clinician fits one A4 and one Letter page', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await answerStory(page, GRADUAL_START, { stopAt: 'areas' });
    // The longest self-care story: every answer given, several picked where allowed.
    await answerStory(page, FRONT_OF_KNEE_STORY);
    await page.getByRole('region', { name: 'Your plan' }).waitFor();
    // The print dialog itself cannot be driven headless; the button's own preparation runs.
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole('button', { name: 'Print summary' }).click();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    assert.match(printed, /Patella knee check summary, printed/);
    assert.match(printed, /Self-care with a plan/);
    assert.match(printed, /Runner's knee/);
    assert.match(printed, /it hurts at the front, around the kneecap/, 'the answers are on the page');
    for (const format of ['A4', 'Letter']) {
      const bytes = await page.pdf({ format, printBackground: false });
      mkdirSync('target/screenshots', { recursive: true });
      writeFileSync(`target/screenshots/knee-check-print-${format}.pdf`, bytes);
      const pdf = bytes.toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      assert.equal(pages, 1, `${format}: ${pages} pages`);
    }
    assertNoProblems(problems);
    await context.close();
  });

  test('every tier prints on one A4 and one Letter page, on random paths with many choices picked', async () => {
    // A small seeded generator: the same paths on every run, different ones per seed.
    const random = (seed) => () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const CALM = /^(No|None of these|It has not swollen)/;
    /**
     * Answers from `story` where it has the question, otherwise at random: up to four picks
     * where several are allowed, and on the warning-sign screens the calm answer, or a sign
     * with the chance `signs`. Returns the tier the result names.
     */
    async function randomPath(page, next, { story = {}, signs = 0 } = {}) {
      for (let asked = 0; asked < 80; asked++) {
        const wizard = page.locator('.kc-wizard');
        if ((await wizard.count()) === 0) break;
        const id = await wizard.getAttribute('data-question');
        if (id in story) {
          if (Array.isArray(story[id])) await pick(page, story[id]);
          else await tap(page, story[id]);
          continue;
        }
        const toggles = wizard.locator('.kc-toggle, .kc-map [aria-pressed]');
        const taps = wizard.locator('.kc-choice:not(.kc-toggle)');
        const tapNames = (await taps.allInnerTexts()).map((n) => n.trim());
        if (id.startsWith('rf_') || id.startsWith('ot_')) {
          const calm = tapNames.find((n) => CALM.test(n));
          const sign = tapNames.find((n) => !CALM.test(n));
          if (calm && !(sign && next() < signs)) {
            await tap(page, calm);
            continue;
          }
        }
        if ((await toggles.count()) > 0) {
          const names = (await toggles.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') || el.textContent)))
            .map((n) => n.trim())
            .filter((n) => n && n !== 'None of these');
          const picked = new Set();
          const many = 1 + Math.floor(next() * 4);
          while (picked.size < Math.min(many, names.length)) picked.add(names[Math.floor(next() * names.length)]);
          await pick(page, [...picked]);
          continue;
        }
        await tap(page, tapNames[Math.floor(next() * tapNames.length)]);
      }
      await result(page).waitFor();
      return (await result(page).locator('.kc-tier-sentence strong').innerText()).replace(/:\s*$/, '');
    }

    // Self-care: the front-of-knee story's deciding answers, every cause, trigger and
    // surface at random (they add causes and factors, not care).
    const { triggers, mileage, speed_hills, easy_days, cadence, overstride, shoe_distance, shoe_change, surface, strength, sitting, ...deciding } =
      FRONT_OF_KNEE_STORY;
    const selfCare = { ...GRADUAL_START, ...deciding };
    const paths = [
      ...[5, 13, 17].map((seed) => ({ seed, story: selfCare, tier: 'Self-care with a plan' })),
      ...[3, 11, 29].map((seed) => ({ seed })),
      ...[7, 19].map((seed) => ({ seed, signs: 0.15 })),
      { seed: 1, story: { ...NO_WARNING_SIGNS, rf_locked: 'Yes, it is stuck now' }, tier: 'Emergency now' },
    ];
    const tiers = new Map();
    for (const { seed, story, signs, tier: expected } of paths) {
      const { context, page, problems } = await openKneeCheck();
      await start(page);
      const tier = await randomPath(page, random(seed), { story, signs });
      if (expected) assert.equal(tier, expected, `seed ${seed}`);
      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.getByRole('button', { name: 'Print summary' }).click();
      await page.emulateMedia({ media: 'print' });
      for (const format of ['A4', 'Letter']) {
        const pdf = (await page.pdf({ format, printBackground: false })).toString('latin1');
        const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
        assert.equal(pages, 1, `seed ${seed}, ${tier}, ${format}: ${pages} pages`);
      }
      tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
      assertNoProblems(problems);
      await context.close();
    }
    console.log(`# printed on one page each: ${JSON.stringify(Object.fromEntries(tiers))}`);
    for (const tier of ['Emergency now', 'Same-day care', 'See a professional soon', 'Self-care with a plan']) {
      assert.ok(tiers.has(tier), `no path reached ${tier}: ${[...tiers.keys()].join(', ')}`);
    }
  });

  test('outer burning pain after a mileage jump lists IT band syndrome and the load factor', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    const story = { ...GRADUAL_START, ...OUTER_BURNING_STORY };
    // The rest of How it behaves, skipped.
    await answerStory(page, story, { otherwise: SKIP, stopAt: 'mileage' });
    await page.getByText('Step 5 of 6: Why it might be happening').waitFor();
    await answerStory(page, story, { otherwise: SKIP });

    const why = await unfold(page, 'Why this result');
    const names = await why.locator('.kc-condition h4').allInnerTexts();
    assert.equal(names[0], 'IT band syndrome (outer knee)');
    const factor = why.locator('.kc-factor').filter({ has: page.getByRole('heading', { name: 'Training load went up quickly' }) });
    assert.match(await factor.innerText(), /Because you said your weekly distance went up by more than 30%\./);
    await (await unfold(page, 'Your plan')).getByText('Cut your weekly running to about half').waitFor();
    await (await unfold(page, /^Exercises/)).getByRole('heading', { name: 'Clamshells' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  test('a twist with every X-ray question answered no is still seen soon, with nothing that loads the knee', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await safetyAllNo(page);
    await tap(page, AGE);
    await tap(page, INJURY);
    await answerStory(page, NO_INJURY_SIGNS, { stopAt: 'areas' }); // the X-ray questions and how soon it swelled
    await pick(page, ['Inner side']);
    await answerStory(page, {}, { otherwise: SKIP });

    const text = await result(page).innerText();
    assert.match(text, /See a professional soon/);
    assert.match(text, /Until then, rest the knee from running and strength work/);
    // The plan is shown open, and its first phase is the first screen's week, in its words.
    const plan = page.getByRole('region', { name: 'Your plan, week by week' });
    await plan.locator('details[open]').waitFor();
    await plan.getByRole('heading', { name: 'Until you have been seen: Book a visit with a GP or physiotherapist' }).waitFor();
    await plan.getByText(/^Until then, rest the knee from running and strength work/).waitFor();
    assert.equal(await plan.getByText('Stay calm').count(), 0, 'no reassurance before an examination');
    assert.equal(await plan.getByText(/walk-run/).count(), 0, 'no running planned');
    assert.equal(await page.getByRole('link', { name: 'Start the back-to-running plan' }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('a knee that swelled within a few hours of a twist is seen today, and the reason says so', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await safetyAllNo(page);
    await tap(page, AGE);
    await tap(page, INJURY);
    await answerStory(page, NO_INJURY_SIGNS, { stopAt: 'ot_swelling' });
    assert.match(await question(page).innerText(), /How soon after it happened did the knee swell\?/);
    await tap(page, 'Within a few hours');
    const text = await result(page).innerText();
    assert.match(text, /Same-day care/);
    assert.match(text, /the knee swelled within a few hours of it happening/);
    assert.match(text, /bleeding inside the joint/);
    assert.equal(await page.getByRole('region', { name: /Your plan/ }).count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('Back and a reload keep the answers, including areas picked on the knee map by keyboard', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await tap(page, 'No');
    assert.equal(await progress(page), 2);
    await tap(page, 'Back');
    assert.equal(await progress(page), 1);
    assert.equal(await page.getByRole('button', { name: 'No', exact: true }).getAttribute('aria-pressed'), 'true');
    await tap(page, 'No');
    await tap(page, 'No');
    const third = await question(page).innerText();
    await page.reload();
    await question(page).waitFor();
    assert.equal(await question(page).innerText(), third);
    assert.equal(await progress(page), 3);
    await tap(page, 'Back');
    assert.equal(await progress(page), 2);
    assert.equal(await page.getByRole('button', { name: 'No', exact: true }).getAttribute('aria-pressed'), 'true');
    await tap(page, 'No');
    // The rest of the safety questions, from the one that gives way on.
    await answerStory(page, NO_WARNING_SIGNS, { stopAt: 'age' });
    await tap(page, AGE);
    await tap(page, 'Gradually, over days or weeks');

    const front = page.getByRole('button', { name: 'Front, around the kneecap' });
    const outer = page.getByRole('button', { name: 'Outer side' });
    await front.focus();
    await page.keyboard.press('Enter');
    await outer.focus();
    await page.keyboard.press('Space');
    assert.equal(await front.getAttribute('aria-pressed'), 'true');
    assert.equal(await outer.getAttribute('aria-pressed'), 'true');
    const box = await front.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `map buttons are at least 44×44 (${box.width}×${box.height})`);
    await tap(page, 'Continue');
    await page.reload();
    await question(page).waitFor();
    await tap(page, 'Back');
    assert.equal(await page.getByRole('button', { name: 'Front, around the kneecap' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Outer side' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Behind the knee' }).getAttribute('aria-pressed'), 'false');
    const draft = await stored(page, 'patella.knee-check-draft');
    assert.deepEqual(draft.data.answers.areas, ['front', 'outer']);
    assertNoProblems(problems);
    await context.close();
  });

  test('a saved check appears in history after a reload and opens again', async () => {
    const { context, page, problems } = await openKneeCheck();
    await start(page);
    await answerStory(page, NO_WARNING_SIGNS, { stopAt: 'rf_calf' });
    // A tender, swollen calf: two points on the Wells score, a clot likely.
    await pick(page, ['It is tender to press', 'It looks swollen, compared with the other calf']);
    await tap(page, 'None of these'); // the clot risks
    await result(page).waitFor();
    await page.getByRole('button', { name: 'Save to past checks' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to your past checks.' }).waitFor();
    const envelope = await stored(page, 'patella.triage');
    assert.equal(envelope.data.length, 1);
    assert.equal(envelope.data[0].care_tier, 'same_day');
    assert.equal(envelope.data[0].answers.rf_calf, 'tender,swollen');
    assert.equal(envelope.data[0].answers.clot_risk, 'none');
    assert.equal(await stored(page, 'patella.knee-check-draft'), null, 'the finished draft is cleared');

    await page.reload();
    const history = page.getByRole('region', { name: 'Past checks' });
    const entry = history.getByRole('button', { name: /Same-day care/ });
    await entry.waitFor();
    await entry.click();
    const opened = page.getByRole('region', { name: /Knee check from/ });
    await opened.waitFor();
    assert.match(await opened.innerText(), /Because you said your calf is tender to press and your calf looks swollen\./);
    assert.match(await opened.innerText(), /blood clot/);
    await page.getByRole('button', { name: 'Back to knee check' }).click();
    await history.waitFor();

    // Home keeps the warning sign in view, above everything else, and leads back to the check.
    await openScreen(page, 'Home');
    const last = page.getByRole('region', { name: 'Your last knee check' });
    await last.getByText(/: Same-day care\.$/).waitFor();
    assert.deepEqual(await cardHeadings(page), [
      'What to do this week',
      'Your last knee check',
      'Start with your next run',
    ]);
    await page.getByRole('region', { name: 'What to do this week' }).getByText('Have your knee seen today').waitFor();
    await last
      .locator('.warning')
      .filter({ hasText: 'That check found a warning sign. If no one has examined your knee since, get it seen' })
      .waitFor();
    await last.getByRole('link', { name: 'Open the knee check' }).click();
    await history.waitFor();
    assertNoProblems(problems);
    await context.close();
  });
});
