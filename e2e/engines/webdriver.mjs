// A small W3C WebDriver (classic) client over fetch: the handful of commands the engine
// journeys use, spoken the same way to chromedriver, geckodriver and WebKitWebDriver, so one
// journey file runs unchanged in Chromium, Firefox and WebKit. No dependency: every driver
// here comes from Debian or crates.io, and none of them needs more than this.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The key under which WebDriver passes element references. */
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A WebDriver error, with the driver's error code (e.g. "no such element"). */
export class WebDriverError extends Error {
  constructor(command, error, message) {
    super(`${command}: ${error}: ${message}`);
    this.error = error;
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a driver binary listening on a free port (`args(port)` gives its arguments) and
 * resolves when it answers /status. `stop()` ends it.
 */
export async function startDriver(binary, args, env = process.env) {
  const port = await freePort();
  const child = spawn(binary, args(port), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`${binary} exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${binary} did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** One browser session on a driver. */
export class Session {
  static async start(driverUrl, alwaysMatch) {
    const response = await fetch(`${driverUrl}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch } }),
    });
    const body = await response.json();
    if (!response.ok) throw new WebDriverError('new session', body.value?.error, body.value?.message);
    return new Session(driverUrl, body.value.sessionId, body.value.capabilities);
  }

  constructor(driverUrl, id, capabilities) {
    this.base = `${driverUrl}/session/${id}`;
    this.capabilities = capabilities;
  }

  async command(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const value = text ? JSON.parse(text).value : null;
    if (!response.ok) throw new WebDriverError(`${method} ${path}`, value?.error, value?.message);
    return value;
  }

  quit() {
    return this.command('DELETE', '');
  }

  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  url() {
    return this.command('GET', '/url');
  }

  title() {
    return this.command('GET', '/title');
  }

  refresh() {
    return this.command('POST', '/refresh', {});
  }

  setTimeouts(timeouts) {
    return this.command('POST', '/timeouts', timeouts);
  }

  windowHandle() {
    return this.command('GET', '/window');
  }

  /** Opens a new tab (or window, where the browser has no tabs); returns its handle. */
  async newWindow() {
    return (await this.command('POST', '/window/new', { type: 'tab' })).handle;
  }

  switchToWindow(handle) {
    return this.command('POST', '/window', { handle });
  }

  closeWindow() {
    return this.command('DELETE', '/window');
  }

  windowRect() {
    return this.command('GET', '/window/rect');
  }

  setWindowRect(rect) {
    return this.command('POST', '/window/rect', rect);
  }

  /** A PNG of the viewport, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  /**
   * Runs `fn(...args)` in the page and returns its result (a promise is awaited). Elements
   * in `args` are element references; elements returned come back as references.
   */
  execute(fn, ...args) {
    const script = `return (${fn}).apply(null, arguments);`;
    return this.command('POST', '/execute/sync', { script, args });
  }

  async findAll(css) {
    const found = await this.command('POST', '/elements', { using: 'css selector', value: css });
    return found;
  }

  click(element) {
    return this.command('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  clear(element) {
    return this.command('POST', `/element/${element[ELEMENT]}/clear`, {});
  }

  /** Types `text` into an element as keystrokes (or, for a file input, chooses files). */
  sendKeys(element, text) {
    return this.command('POST', `/element/${element[ELEMENT]}/value`, { text });
  }

  property(element, name) {
    return this.command('GET', `/element/${element[ELEMENT]}/property/${name}`);
  }

  /** Presses keys (WebDriver key codes, e.g. '\uE007' for Enter) on the focused element. */
  keys(sequence) {
    const actions = [];
    for (const key of sequence) actions.push({ type: 'keyDown', value: key }, { type: 'keyUp', value: key });
    return this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
}

export const KEY = { ENTER: '\uE007', TAB: '\uE004' };
