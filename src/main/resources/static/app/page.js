// Small helpers shared by the pages: building DOM from HTML, the status line.

export function html(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? values[i] : ''), '');
}

/**
 * True when the reader has gone to another page since `hash` was shown: a page that waited for an answer before
 * drawing checks it, so it does not draw over the page the reader went to.
 */
export function leftSince(hash) {
  return window.location.hash !== hash;
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
