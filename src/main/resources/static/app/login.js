// The sign-in page. The browser never sends the part of an address after '#' to the server, so the page keeps it
// (sessionStorage) and the app restores it after signing in: a shared link to a map section still opens it.
import { csrfHeaders } from './api.js';

const KEY = 'innercircle.deepLink';
if (window.location.hash && window.location.hash !== '#/') sessionStorage.setItem(KEY, window.location.hash);

const message = document.getElementById('sign-in-message');
const params = new URLSearchParams(window.location.search);
if (params.has('error')) message.textContent = 'That user name and password do not match. Please try again.';
else if (params.has('logout')) message.textContent = 'You are signed out.';
else message.textContent = 'Please sign in to open your accounts and maps.';

const form = document.getElementById('sign-in');
form.addEventListener('submit', async event => {
  event.preventDefault();
  const response = await fetch('/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...csrfHeaders() },
    body: new URLSearchParams(new FormData(form)),
  });
  const landed = new URL(response.url);
  if (landed.pathname === '/login') {
    form.reset();
    message.textContent = 'That user name and password do not match. Please try again.';
    message.className = 'error';
    return;
  }
  const saved = sessionStorage.getItem(KEY);
  window.location.assign(landed.pathname === '/' || landed.pathname.startsWith('/app') ? `/app/${saved || ''}` : landed.href);
});
