// Small helpers shared by the pages: building DOM from HTML, the status line.

export function html(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? values[i] : ''), '');
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
