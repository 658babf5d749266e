// A small hash router: #/ accounts, #/map/<opportunity id>[/<workspace section>], #/history/<opportunity id>,
// #/charts/<opportunity id>, #/coach, #/tokens.
import { showAccounts } from './accounts.js';
import { showMap } from './map-page.js';
import { showCharts } from './charts.js';
import { showCoach } from './coach.js';
import { showHistory } from './history.js';
import { showApiTokens } from './api-tokens.js';
import { reportError, startRoute, superseded } from './page.js';

// A deep link the sign-in page saved (the browser never sends the part after '#' to the server).
const saved = sessionStorage.getItem('innercircle.deepLink');
if (saved) {
  sessionStorage.removeItem('innercircle.deepLink');
  if (!window.location.hash || window.location.hash === '#/') history.replaceState(null, '', saved);
}

const routes = [
  [/^#\/map\/(.+)\/(assessment|strategy|plan|review|stages)$/, m => showMap(decodeURIComponent(m[1]), m[2])],
  [/^#\/map\/(.+)$/, m => showMap(decodeURIComponent(m[1]))],
  [/^#\/history\/(.+)$/, m => showHistory(decodeURIComponent(m[1]))],
  [/^#\/charts\/(.+)$/, m => showCharts(decodeURIComponent(m[1]))],
  [/^#\/coach$/, () => showCoach()],
  [/^#\/tokens$/, () => showApiTokens()],
  [/^(#\/?)?$/, () => showAccounts()],
];

async function route() {
  // Only the latest route may say the page is ready, or a script would act on a page still being redrawn.
  const mine = startRoute();
  const hash = window.location.hash;
  const page = document.getElementById('page');
  page.replaceChildren();
  page.className = '';
  // Scripts (and the browser tests) wait for this mark: the page has finished drawing.
  delete document.body.dataset.ready;
  for (const [pattern, show] of routes) {
    const match = hash.match(pattern);
    if (match) {
      try {
        await show(match);
      } catch (error) {
        reportError(error);
      }
      if (!superseded(mine)) document.body.dataset.ready = hash || '#/';
      return;
    }
  }
  page.textContent = 'There is no such page.';
}

window.addEventListener('hashchange', route);
route();
