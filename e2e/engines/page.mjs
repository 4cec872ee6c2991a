// What a runner does on a page, over WebDriver, the same in every engine: find things by
// what they say (a heading, a button's name, a field's label), tap them with WebDriver's own
// click (real pointer input), type with real keystrokes, and wait for what should appear.
import assert from 'node:assert/strict';
import { ELEMENT, WebDriverError } from './webdriver.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In-page finder, sent with each lookup: elements of `kind` whose accessible name (roughly:
 * aria-label, aria-labelledby, a label's text, or the text) matches `name`, and that are
 * shown. `within` narrows to a region, article or other container by its name.
 */
function find(kind, name, options) {
  const { exact = true, within = null, all = false } = options || {};
  const clean = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const labelled = (element) => {
    if (element.getAttribute('aria-label')) return clean(element.getAttribute('aria-label'));
    const ids = element.getAttribute('aria-labelledby');
    if (ids) return clean(ids.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    if (element.labels && element.labels.length) return clean(element.labels[0].textContent);
    return clean(element.textContent);
  };
  const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const matches = (text) => {
    if (name === null || name === undefined) return true;
    if (typeof name === 'object' && name.regex) return new RegExp(name.regex, name.flags).test(text);
    return exact ? text === name : text.includes(name);
  };
  const SELECTORS = {
    heading: 'h1, h2, h3, h4',
    h1: 'h1',
    button: 'button, [role="button"], input[type="submit"]',
    link: 'a[href]',
    field: 'input:not([type="hidden"]), select, textarea',
    checkbox: 'input[type="checkbox"]',
    region: 'section, [role="region"], article, aside, [role="dialog"], [role="alertdialog"], nav, form',
    status: '[role="status"], [role="alert"], [aria-live]',
    text: 'p, li, dd, dt, span, h1, h2, h3, h4, div, td, label, strong',
  };
  let root = document;
  if (within) {
    root = [...document.querySelectorAll(SELECTORS.region)].find((r) => shown(r) && labelled(r) === within);
    if (!root) return all ? [] : null;
  }
  let candidates = [...root.querySelectorAll(SELECTORS[kind] || kind)];
  // The start-up shell (index.html's #boot) is inert and replaced once the app starts.
  candidates = candidates.filter((e) => !e.closest('[inert], #boot'));
  if (kind === 'field') {
    // A file input is often hidden behind its styled label; it is still the runner's field.
    candidates = candidates.filter((e) => e.type === 'file' || shown(e));
  } else {
    candidates = candidates.filter(shown);
  }
  let found;
  if (kind === 'text') {
    // The innermost element whose own text matches.
    found = candidates.filter(
      (e) => matches(clean(e.textContent)) && ![...e.children].some((c) => matches(clean(c.textContent))),
    );
  } else {
    found = candidates.filter((e) => matches(labelled(e)));
  }
  return all ? found : found[0] || null;
}

/** A name matched as a regular expression, for `find`. */
export const pattern = (regex) => ({ regex: regex.source, flags: regex.flags });

export class Page {
  constructor(session, engine) {
    this.session = session;
    this.engine = engine;
  }

  execute(fn, ...args) {
    return this.session.execute(fn, ...args);
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; returns that. */
  async until(fn, args = [], { timeout = 15_000, what = String(fn).slice(0, 120) } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.session.execute(fn, ...args);
        if (last) return last;
      } catch (error) {
        // A navigation in progress: the page is not there to answer yet.
        if (!(error instanceof WebDriverError)) throw error;
        last = error.message;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await sleep(50);
    }
  }

  /** Waits for an element (see `find`) and returns its reference. */
  get(kind, name, options = {}) {
    const { timeout, ...rest } = options;
    return this.until(find, [kind, name, rest], { timeout, what: `${kind} ${JSON.stringify(name)}` });
  }

  /** How many elements match right now. */
  async count(kind, name, options = {}) {
    return (await this.execute(find, kind, name, { ...options, all: true })).length;
  }

  async gone(kind, name, options = {}) {
    const deadline = Date.now() + 15_000;
    while ((await this.count(kind, name, options)) > 0) {
      if (Date.now() > deadline) throw new Error(`${kind} ${JSON.stringify(name)} is still there`);
      await sleep(50);
    }
  }

  /** Taps an element: scrolled to the middle of the screen, clear of the bottom navigation. */
  async tap(element) {
    for (let attempt = 0; ; attempt++) {
      await this.execute((e) => e.scrollIntoView({ block: 'center', inline: 'center' }), element);
      try {
        await this.session.click(element);
        return;
      } catch (error) {
        const retry = ['element click intercepted', 'element not interactable'].includes(error.error);
        if (!retry || attempt >= 20) throw error;
        await sleep(100);
      }
    }
  }

  /** Taps what `get(kind, name)` finds, finding it again if it was redrawn in between. */
  async tapFound(kind, name, options) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.tap(await this.get(kind, name, options));
        return;
      } catch (error) {
        if (error.error !== 'stale element reference' || attempt >= 5) throw error;
      }
    }
  }

  async tapButton(name, options) {
    await this.tapFound('button', name, options);
  }

  async tapLink(name, options) {
    await this.tapFound('link', name, options);
  }

  /** Types into a labelled field as keystrokes, after emptying it. */
  async type(label, text) {
    const field = await this.get('field', label);
    await this.execute((e) => {
      e.value = '';
      e.dispatchEvent(new Event('input', { bubbles: true }));
    }, field);
    await this.execute((e) => e.scrollIntoView({ block: 'center' }), field);
    await this.session.sendKeys(field, text);
    assert.equal(await this.session.property(field, 'value'), text, `${label} holds what was typed`);
    return field;
  }

  /**
   * Sets a date field as its picker does (value, then input and change events): typing into
   * a date field differs in each engine and locale, the picker is the same everywhere.
   */
  async pickDate(label, isoDate) {
    const field = await this.get('field', label);
    const kept = await this.execute((e, value) => {
      e.value = value;
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
      return e.value;
    }, field, isoDate);
    assert.equal(kept, isoDate, `${label} accepts ${isoDate} (type=${await this.session.property(field, 'type')})`);
  }

  /** Chooses an option of a labelled select by its value, as picking it from the list does. */
  async choose(label, value) {
    const field = await this.get('field', label);
    await this.execute((e, v) => {
      e.value = v;
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
    }, field, value);
  }

  /** Taps a score in the 0–10 group (a fieldset) whose legend is `legend`. */
  async pickScore(legend, score) {
    const radio = await this.until(
      (name, value) => {
        const group = [...document.querySelectorAll('fieldset')].find(
          (f) => f.querySelector('legend')?.textContent.replace(/\s+/g, ' ').trim() === name,
        );
        return group?.querySelector(`input[type="radio"][value="${value}"]`);
      },
      [legend, String(score)],
      { what: `score ${score} in "${legend}"` },
    );
    await this.tap(radio);
  }

  /** Waits for an element matching `css` to be in the page. */
  async present(css) {
    return this.until((selector) => document.querySelector(selector), [css], { what: css });
  }

  /** The visible texts of the elements matching `css`, spaces collapsed, trimmed. */
  async texts(css) {
    return this.execute(
      (selector) => [...document.querySelectorAll(selector)].map((e) => e.innerText.replace(/\s+/g, ' ').trim()),
      css,
    );
  }

  async value(label) {
    return this.session.property(await this.get('field', label), 'value');
  }

  /** The visible text of an element found by `find`. */
  async text(kind, name, options) {
    return this.execute((e) => e.innerText, await this.get(kind, name, options));
  }

  async heading(name, options) {
    return this.get('heading', name, options);
  }

  /** Waits for the screen's h1, drawn by the app (not the start-up shell). */
  async screen(name) {
    const h1 = await this.get('h1', name, { timeout: 20_000 });
    await this.until(() => !document.getElementById('boot'), [], { what: 'the app to replace the start-up shell' });
    return h1;
  }

  /** Waits for a status or alert saying `text`. */
  async status(text) {
    return this.get('status', text, { exact: false });
  }

  async see(text, options = {}) {
    return this.get('text', text, { exact: false, ...options });
  }

  async navigate(url) {
    await this.session.navigate(url);
  }

  async reload() {
    await this.session.refresh();
  }

  async path() {
    return new URL(await this.session.url()).pathname;
  }

  /** Everything the guard in the page (guard.js) recorded since this page was loaded. */
  problems() {
    return this.execute(() => window.__patellaProblems ?? ['the guard script did not run']);
  }

  async assertNoProblems() {
    assert.deepEqual(await this.problems(), []);
    assert.equal(await this.count('text', 'Something went wrong — your data is safe, reload'), 0, 'no wasm panic');
  }

  /** The parsed envelope stored under a localStorage key, or null. */
  async stored(key) {
    const raw = await this.execute((k) => localStorage.getItem(k), key);
    return raw === null ? null : JSON.parse(raw);
  }

  /** The text of the last Blob the app handed to a download, as guard.js kept it. */
  async lastDownload() {
    return this.until(() => {
      const blobs = window.__patellaBlobs || [];
      return blobs.length ? blobs[blobs.length - 1].text() : null;
    });
  }

  async isElement(value) {
    return Boolean(value && value[ELEMENT]);
  }
}
