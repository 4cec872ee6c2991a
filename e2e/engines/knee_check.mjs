// The knee check driven the way a runner taps it, in any engine, kept in one place so a
// change of wording moves one file. It leans on the wizard's structure (the question is
// #kc-question, answers are .kc-choice buttons, multi-picks end with Continue, the result's
// heading is #kc-result-heading) and on as few words as it can.

/** Answers preferred, in order, on the way to a self-care outcome: the calm story. */
const CALM = [
  /^No\b/, // every warning sign, and most yes/no questions
  /^None of these$/, // the safety screens that ask several signs at once
  /^Gradually/, // how it started
  /^Front, around the kneecap$/,
  /^Dull/,
  /^18 to 49$/, // an adult's age
  /^Under\b/, // distances
  /^3$/, // pain out of 10
];

/** What the wizard shows now: the result, or a question with its choices. */
function wizardState() {
  const clean = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const result = document.getElementById('kc-result-heading');
  if (result && result.closest('.kc-result')) return { result: clean(result.textContent) };
  const question = document.getElementById('kc-question');
  if (!question) return null;
  const choices = [...document.querySelectorAll('.kc-choice, .kc-map [aria-pressed]')].map((button) => ({
    name: clean(button.getAttribute('aria-label') || button.textContent),
    toggle: button.classList.contains('kc-toggle') || Boolean(button.closest('.kc-map')),
  }));
  const count = clean(document.querySelector('.kc-count')?.textContent);
  return { question: clean(question.textContent), count, choices, focused: document.activeElement?.id };
}

export async function state(page) {
  return page.until(wizardState, [], { what: 'the knee check to show a question or its result' });
}

/** Waits until the wizard has drawn something other than `before` and moved focus to it. */
async function next(page, before) {
  // The page's CSP forbids eval, so the state reader is sent as source, not rebuilt there.
  const script = `(was) => {
    const now = (${wizardState})();
    if (!now || (now.question === was.question && now.count === was.count)) return null;
    if (!now.result && now.focused !== 'kc-question') return null;
    return now;
  }`;
  return page.until(script, [before], { what: `the knee check to move on from "${before.question}"` });
}

const choiceButton = (name) => (page) =>
  page.until(
    (wanted) =>
      [...document.querySelectorAll('.kc-choice, .kc-map [aria-pressed]')].find(
        (b) => (b.getAttribute('aria-label') || b.textContent).replace(/\s+/g, ' ').trim() === wanted,
      ),
    [name],
    { what: `the answer "${name}"` },
  );

/** Taps one answer and waits for the next screen. */
export async function tapAnswer(page, name) {
  const before = await state(page);
  await page.tap(await choiceButton(name)(page));
  return next(page, before);
}

export async function start(page) {
  await page.tapButton('Start knee check');
  return page.until(() => document.activeElement?.id === 'kc-question' && document.getElementById('kc-question'), [], {
    what: 'the first question, focused',
  });
}

/** The answer the calm story gives to a question: a name, or a list of names then Continue. */
function calmAnswer(current) {
  const names = current.choices.map((c) => c.name);
  const preferred = CALM.map((rule) => names.find((name) => rule.test(name))).find(Boolean) ?? names[0];
  // A toggle is picked then Continue; "None of these" on a safety screen answers at once.
  if (current.choices.find((c) => c.name === preferred)?.toggle) return [preferred];
  return preferred;
}

/**
 * Answers calmly until the result; `after(page, n)` runs after the n-th answer (to reload
 * in the middle, say). Returns the result heading and the time from the last tap to the
 * result painted, measured in the page.
 */
export async function toSelfCare(page, after = async () => {}) {
  let current = await state(page);
  for (let n = 1; !current.result; n++) {
    if (n > 80) throw new Error('the knee check did not end after 80 answers');
    const answer = calmAnswer(current);
    const last = await lastTapTimer(page);
    if (Array.isArray(answer)) {
      for (const name of answer) await page.tap(await choiceButton(name)(page));
      await page.tapButton('Continue');
      current = await next(page, current);
    } else {
      current = await tapAnswer(page, answer);
    }
    if (current.result) return { heading: current.result, ms: await last() };
    await after(page, n);
    current = await state(page);
  }
  return { heading: current.result, ms: null };
}

/** A warning sign on the very first question: 'Yes'. */
export async function toSameDay(page) {
  await state(page);
  const last = await lastTapTimer(page);
  const after = await tapAnswer(page, 'Yes');
  return { heading: after.result, ms: await last() };
}

/**
 * Starts a stopwatch in the page: from the next tap on an answer or Continue to the result
 * heading being in the document and a frame painted. Returns a function reading it (ms).
 */
async function lastTapTimer(page) {
  await page.execute(() => {
    window.__kcTap = null;
    window.__kcPainted = null;
    const onTap = (event) => {
      if (event.target.closest('.kc-choice, .kc-continue, .kc-map [aria-pressed]')) window.__kcTap = performance.now();
    };
    document.removeEventListener('click', window.__kcOnTap, true);
    window.__kcOnTap = onTap;
    document.addEventListener('click', onTap, true);
    window.__kcObserver?.disconnect();
    window.__kcObserver = new MutationObserver(() => {
      if (window.__kcTap !== null && document.getElementById('kc-result-heading')?.closest('.kc-result')) {
        window.__kcObserver.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__kcPainted = performance.now())));
      }
    });
    window.__kcObserver.observe(document.body, { childList: true, subtree: true });
  });
  return async () => {
    const ms = await page.until(() => window.__kcPainted && window.__kcPainted - window.__kcTap, [], {
      what: 'the result to be painted',
    });
    return Math.round(ms);
  };
}
