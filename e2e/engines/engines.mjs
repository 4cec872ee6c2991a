// The three engines a runner's phone may use, each launched through its own WebDriver from
// Debian or crates.io: Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK's
// MiniBrowser (WebKitWebDriver, which needs a display: scripts/test.sh gives it xvfb).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS as TEST_CHROMIUM_ARGS, PHONE } from '../support/browser.mjs';
import { Session, startDriver } from './webdriver.mjs';

export { PHONE };

const CHROMIUM_ARGS = [
  ...TEST_CHROMIUM_ARGS,
  // Scrollbars drawn over the page, as on a phone, not beside it.
  '--hide-scrollbars',
  `--window-size=${PHONE.width},${PHONE.height}`,
];

/** WebKitGTK's MiniBrowser, wherever the Debian package put it for this architecture. */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const lib of ['/usr/lib', ...readdirSync('/usr/lib').map((d) => join('/usr/lib', d))]) {
    const path = join(lib, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(path)) return path;
  }
  throw new Error('no MiniBrowser: install webkit2gtk-driver (scripts/setup.sh)');
}

const ENGINES = {
  chromium: {
    driver: () => process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: ({ dark, locale }) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, `--lang=${locale}`, ...(dark ? ['--force-dark-mode'] : [])],
        prefs: { 'intl.accept_languages': locale },
      },
    }),
  },
  firefox: {
    driver: () => process.env.GECKODRIVER ?? 'geckodriver',
    args: (port) => ['--host', '127.0.0.1', '--port', String(port)],
    capabilities: ({ downloads, profile, dark, locale }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless', '-profile', profile, `--width=${PHONE.width}`, `--height=${PHONE.height}`],
        prefs: {
          // Headless Firefox will not make a window narrower than 500 px: draw CSS pixels
          // 500/360 device pixels wide, as a phone's screen does, so the page is 360 wide.
          'toolkit.legacyUserProfileCustomizations.stylesheets': true,
          // Scrollbars drawn over the page, as on a phone, not beside it.
          'ui.useOverlayScrollbars': 1,
          'widget.gtk.overlay-scrollbars.enabled': true,
          // Downloads go to a folder without asking, as on a phone.
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          // Firefox's own background traffic (updates, telemetry) has no network here.
          'app.update.auto': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          // The phone's language, which navigator.language reports.
          'intl.accept_languages': locale,
          // The system's dark theme, which a page sees as prefers-color-scheme: dark.
          ...(dark ? { 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
        },
      },
    }),
  },
  webkit: {
    driver: () => process.env.WEBKITWEBDRIVER ?? 'WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: ({ dark }) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation', ...(dark ? ['--dark-mode'] : [])] },
    }),
  },
};

export const ENGINE_NAMES = Object.keys(ENGINES);

/**
 * Starts `name`'s driver and a browser session, sized to a phone where the engine allows,
 * in the system's dark theme if `dark`, with the phone's language `locale` (a BCP 47 tag; the
 * journeys' expectations are British). Resolves to { session, downloads, stop }.
 */
export async function launchEngine(name, { dark = false, locale = 'en-GB' } = {}) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}; one of ${ENGINE_NAMES.join(', ')}`);
  const scratch = mkdtempSync(join(tmpdir(), `patella-${name}-`));
  const downloads = join(scratch, 'downloads');
  mkdirSync(downloads);
  const profile = join(scratch, 'profile');
  const env = { ...process.env };
  if (name === 'firefox') {
    mkdirSync(join(profile, 'chrome'), { recursive: true });
    writeFileSync(
      join(profile, 'chrome', 'userChrome.css'),
      '#navigator-toolbox { display: none !important; }\n' +
        ':root, #main-window, #browser, #tabbrowser-tabbox, #appcontent { min-width: 0 !important; }\n',
    );
  }
  if (name === 'webkit') {
    // WebKitGTK reports the language of the process's locale as navigator.language.
    const posix = locale.replace('-', '_');
    Object.assign(env, { LANGUAGE: posix, LANG: `${posix}.UTF-8` });
    // MiniBrowser's own toolbar (GTK) keeps its window at least 447 px wide; this GTK style
    // shrinks only that toolbar, so the page can be 360 px wide. Web content does not use it.
    env.XDG_CONFIG_HOME = join(scratch, 'config');
    mkdirSync(join(env.XDG_CONFIG_HOME, 'gtk-3.0'), { recursive: true });
    writeFileSync(
      join(env.XDG_CONFIG_HOME, 'gtk-3.0', 'gtk.css'),
      '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 3px; -gtk-icon-transform: scale(0.25); }\n',
    );
  }
  const driver = await startDriver(engine.driver(), engine.args, env);
  let session;
  try {
    session = await Session.start(driver.url, engine.capabilities({ downloads, profile, dark, locale }));
  } catch (error) {
    await driver.stop();
    throw new Error(`${error.message}\n${driver.stderr()}`);
  }
  await session.setTimeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
  if (name !== 'chromium') await session.setWindowRect(PHONE).catch(() => {});
  return {
    session,
    downloads,
    stop: async () => {
      await session.quit().catch(() => {});
      await driver.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Grows the window by whatever its frame takes, so the viewport is 360×740 if it can be. */
export async function fitViewport(session) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const inner = await session.execute(() => ({ width: innerWidth, height: innerHeight }));
    if (inner.width === PHONE.width && inner.height === PHONE.height) return inner;
    const rect = await session.windowRect();
    await session
      .setWindowRect({
        width: rect.width + PHONE.width - inner.width,
        height: rect.height + PHONE.height - inner.height,
      })
      .catch(() => {});
  }
  return session.execute(() => ({ width: innerWidth, height: innerHeight }));
}
