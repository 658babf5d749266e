// Small helpers shared by the pages: building DOM from HTML, the status line.

export function html(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? values[i] : ''), '');
}

// Routes are numbered as they start (main.js): a route started while another was still drawing (a hash change
// during the first load, a quick second click, the same link twice) supersedes it.
let currentRoute = 0;

/** Starts a route: pages an older route is still drawing are superseded from now on. */
export function startRoute() {
  currentRoute += 1;
  return currentRoute;
}

/** The route being drawn now; a page that waits for an answer keeps it to check superseded() before drawing. */
export function routeNow() {
  return currentRoute;
}

/** True when a later route has started: the page of this one must not draw, nor say it is ready. */
export function superseded(route) {
  return route !== currentRoute;
}

export function setPage(markup, className = '') {
  const page = document.getElementById('page');
  page.innerHTML = markup;
  page.className = className;
  return page;
}

export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = kind;
}

export function reportError(error) {
  console.error(error);
  say(error.message || String(error), 'error');
}
