// Loaded first by the engine journeys' copy of the release build (see build.mjs), inside the
// page, because Firefox's and WebKit's WebDriver cannot read the console: it records every
// page error, unhandled rejection, resource that failed to load, CSP violation, console
// error and request to another origin in window.__patellaProblems. It also keeps each Blob
// handed to URL.createObjectURL (the browser still downloads it as usual), so a journey can
// read a backup exactly as the app offered it.
(() => {
  const problems = (window.__patellaProblems = []);
  const blobs = (window.__patellaBlobs = []);
  const record = (text) => problems.push(String(text));

  addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target && target !== window && target.tagName) {
        record(`failed to load <${target.tagName.toLowerCase()}> ${target.src || target.href || ''}`);
      } else {
        record(`page error: ${event.message} (${event.filename}:${event.lineno})`);
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    // Firefox's stack leaves out the message, so both are kept.
    record(`unhandled rejection: ${reason}${reason && reason.stack ? ` at ${reason.stack}` : ''}`);
  });
  document.addEventListener('securitypolicyviolation', (event) =>
    record(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
  );

  const consoleError = console.error;
  console.error = function (...args) {
    record(`console error: ${args.map((arg) => (arg && arg.stack ? `${arg} at ${arg.stack}` : String(arg))).join(' ')}`);
    return consoleError.apply(this, args);
  };

  const origin = location.origin;
  const observe = (list) => {
    for (const entry of list.getEntries()) {
      const url = new URL(entry.name, location.href);
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
        record(`request to another origin: ${entry.name}`);
      }
      if (entry.responseStatus >= 400) record(`HTTP ${entry.responseStatus} for ${entry.name}`);
    }
  };
  try {
    new PerformanceObserver(observe).observe({ type: 'resource', buffered: true });
  } catch (error) {
    record(`no PerformanceObserver for resources: ${error}`);
  }

  // When the app is interactive: its own screen drawn (a main heading) and the start-up
  // shell (#boot) gone, as milliseconds from the start of the navigation.
  const ready = new MutationObserver(() => {
    if (!document.getElementById('boot') && document.querySelector('main#main h1')) {
      window.__patellaReady = performance.now();
      ready.disconnect();
    }
  });
  ready.observe(document, { childList: true, subtree: true });

  // Each screen wake lock the page asks for, with the answer and whether it is still held
  // (the real API answers; the guard only keeps the record).
  const locks = (window.__patellaWakeLocks = []);
  // On the prototype: WebKit does not always have navigator.wakeLock yet this early.
  const wakeLock = window.WakeLock && window.WakeLock.prototype;
  if (wakeLock && wakeLock.request) {
    const request = wakeLock.request;
    wakeLock.request = function (...args) {
      const lock = { at: performance.now(), state: 'asked' };
      locks.push(lock);
      return request.apply(this, args).then(
        (sentinel) => {
          lock.state = 'held';
          sentinel.addEventListener('release', () => (lock.state = 'released'));
          return sentinel;
        },
        (error) => {
          lock.state = error.name;
          throw error;
        },
      );
    };
  }

  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (object) {
    if (object instanceof Blob) blobs.push(object);
    return createObjectURL.call(this, object);
  };
})();
