// The start page: every account with its opportunities; an opportunity opens its political map.
import { gql } from './api.js';
import { escapeHtml, money, words } from './vocabulary.js';
import { setPage } from './page.js';
import { CRM_FORM, wireCrmImport } from './crm-upload.js';
import { NEW_ACCOUNT_FORM, accountForms, wireAccountForms } from './account-forms.js';
import { signedInUser } from './user.js';
import { archiveButton, archivedSection, wireArchiveButtons } from './archive.js';

const ACCOUNTS = `query Accounts($after: String) {
  accounts(first: 25, after: $after) {
    edges { node { key name industry version opportunities { id name stage amount currency } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

function accountRow(account, user) {
  const opportunities = account.opportunities.map(o => `
      <li class="opportunity">
        <a class="open-map" href="#/map/${encodeURIComponent(o.id)}">${escapeHtml(o.name)}</a>
        <span class="muted">${words(o.stage)} ${money(o.amount, o.currency)}</span>
        <a class="small" href="#/charts/${encodeURIComponent(o.id)}">charts</a>
        ${user.canEdit(account.key) ? archiveButton('archive', 'Opportunity', o.id, o.name) : ''}
      </li>`).join('');
  return `
    <section class="account card" data-key="${escapeHtml(account.key)}">
      <h2><bdi>${escapeHtml(account.name)}</bdi> <span class="muted">${escapeHtml(account.industry || '')} · ${escapeHtml(account.key)}</span>
        ${user.canEdit(account.key) ? archiveButton('archive', 'Account', account.key, account.name) : ''}</h2>
      <ul>${opportunities || '<li class="muted">No opportunity yet: add one below.</li>'}</ul>
      ${user.canEdit(account.key) ? accountForms(account) : ''}
    </section>`;
}

export async function showAccounts() {
  const user = await signedInUser();
  const page = setPage(`<h1>Accounts</h1>${user.readOnly ? '' : NEW_ACCOUNT_FORM}<div id="accounts"></div>
    <button id="more-accounts" hidden>More accounts</button><div id="archived-section"></div>${CRM_FORM}`, 'accounts-page');
  const list = page.querySelector('#accounts');
  const more = page.querySelector('#more-accounts');
  let after = null;
  const load = async () => {
    const data = await gql(ACCOUNTS, { after });
    const connection = data.accounts;
    list.insertAdjacentHTML('beforeend', connection.edges.map(e => accountRow(e.node, user)).join(''));
    if (!list.children.length) list.innerHTML = '<p class="muted">No account yet: import a map bundle.</p>';
    after = connection.pageInfo.endCursor;
    more.hidden = !connection.pageInfo.hasNextPage;
  };
  more.addEventListener('click', load);
  const archived = page.querySelector('#archived-section');
  const reload = async () => {
    list.innerHTML = ''; after = null;
    await Promise.all([load(), user.readOnly ? null : archivedSection(user).then(h => { archived.innerHTML = h; })]);
  };
  wireArchiveButtons(page, reload);
  wireAccountForms(page, reload,
    id => { window.location.hash = `#/map/${encodeURIComponent(id)}`; });
  wireCrmImport(page, reload);
  await reload();
}
