// The page's one way to the server: a GraphQL request, like any other client of the API.

/** Spring Security's CookieCsrfTokenRepository puts the token in this cookie and expects it back in a header. */
export function csrfHeaders() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
}

/** A GraphQL error, with the field and reason the API names for refused input. */
export class GraphQlError extends Error {
  constructor(errors) {
    super(errors.map(describe).join('; '));
    this.errors = errors;
  }
}

function describe(error) {
  const ext = error.extensions || {};
  if (ext.classification === 'CONFLICT' && ext.currentVersion !== undefined) {
    return 'Someone changed this map; reload to see their change';
  }
  if (ext.field && ext.reason) return `${ext.field}: ${ext.reason}`;
  return error.message;
}

/**
 * Makes sure the page holds a CSRF token cookie. Any GET answered by the app writes one when the browser has none
 * (SecurityConfiguration.CsrfCookieFilter); the cookie can be gone while the session lives on (cookies cleared,
 * the page restored from the browser's cache), and a POST without it is refused 403 before GraphQL runs.
 */
async function freshCsrfToken() {
  await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
}

function post(query, variables) {
  return fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: JSON.stringify({ query, variables }),
  });
}

/** Runs a query or mutation; resolves to its data, rejects with a GraphQlError when the API reports errors. */
export async function gql(query, variables = {}) {
  if (!csrfHeaders()['X-XSRF-TOKEN']) await freshCsrfToken();
  return gqlAnswer(post(query, variables), query, variables);
}

/** The data of a request already sent (early-map.js sends the map's): as gql, which it may send once more. */
export async function gqlAnswer(sent, query, variables) {
  let response = await sent;
  // 403 from /graphql itself (GraphQL reports refused access as errors, with 200) is the CSRF check: the token the
  // page sent is missing or stale. Fetch a fresh one and try once more.
  if (response.status === 403) {
    await freshCsrfToken();
    response = await post(query, variables);
  }
  // Signed out: the server answers a script 401 (JSON, no browser pop-up); the page goes to the login form.
  if (response.status === 401 || (response.redirected && new URL(response.url).pathname === '/login')) {
    // Keep the place in the app: the sign-in page cannot see the part after '#'.
    if (window.location.hash) sessionStorage.setItem('innercircle.deepLink', window.location.hash);
    window.location.assign('/login');
    throw new Error('Signed out: please sign in again');
  }
  if (!response.ok && !(response.headers.get('Content-Type') || '').includes('json')) {
    throw new Error(`The server answered ${response.status}`);
  }
  const body = await response.json();
  if (body.errors && body.errors.length) throw new GraphQlError(body.errors);
  // A refusal before GraphQL ran (403, 413, a filter's 400) is JSON too, but has no data: say what the server
  // said rather than hand the caller undefined.
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new Error(`The server answered ${response.status}${body.message ? `: ${body.message}`
      : body.error ? `: ${body.error}` : ' without data'}`);
  }
  return body.data;
}

/**
 * Runs a one-field mutation only if the account is still at the version the page last read (ifVersion): a
 * concurrent change by someone else is refused (CONFLICT) rather than silently overwritten.
 */
export function gqlIfVersion(mutation, variables, version) {
  if (version === undefined || version === null) return gql(mutation, variables);
  const versioned = mutation.replace(/^\s*mutation\s*\(([^)]*)\)\s*\{\s*(\w+)\(/,
    'mutation($1, $ifVersion: Int) { $2(ifVersion: $ifVersion, ');
  return gql(versioned, { ...variables, ifVersion: version });
}
