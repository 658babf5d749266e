// A small hash router: #/ accounts, #/map/<opportunity id>, #/charts/<opportunity id>, #/coach, #/tokens.
import { showAccounts } from './accounts.js';
import { showMap } from './map-page.js';
import { showCharts } from './charts.js';
import { showCoach } from './coach.js';
import { showApiTokens } from './api-tokens.js';
import { reportError } from './page.js';

const routes = [
  [/^#\/map\/(.+)$/, m => showMap(decodeURIComponent(m[1]))],
  [/^#\/charts\/(.+)$/, m => showCharts(decodeURIComponent(m[1]))],
  [/^#\/coach$/, () => showCoach()],
  [/^#\/tokens$/, () => showApiTokens()],
  [/^(#\/?)?$/, () => showAccounts()],
];

async function route() {
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
      document.body.dataset.ready = hash || '#/';
      return;
    }
  }
  page.textContent = 'There is no such page.';
}

window.addEventListener('hashchange', route);
route();
