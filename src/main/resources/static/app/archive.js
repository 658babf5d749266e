// Archive rather than delete: an account or opportunity leaves the lists and the coach view and can be restored;
// only an administrator purges (after a second click), and only what is archived. Every step is in the history.
import { gql } from './api.js';
import { reportError, say } from './page.js';
import { escapeHtml } from './vocabulary.js';

const ARCHIVED = `query Archived {
  accounts(first: 100, archived: null) {
    edges { node { key name archived archivedAt archivedBy opportunities(archived: true) { id name archivedAt archivedBy } } }
  }
}`;

const MUTATIONS = {
  archiveAccount: `mutation($key: ID!) { archiveAccount(key: $key) { account { name } } }`,
  restoreAccount: `mutation($key: ID!) { restoreAccount(key: $key) { account { name } } }`,
  purgeAccount: `mutation($key: ID!) { purgeAccount(key: $key) { purged } }`,
  archiveOpportunity: `mutation($id: ID!) { archiveOpportunity(id: $id) { opportunity { name } } }`,
  restoreOpportunity: `mutation($id: ID!) { restoreOpportunity(id: $id) { opportunity { name } } }`,
  purgeOpportunity: `mutation($id: ID!) { purgeOpportunity(id: $id) { purged } }`,
};

const DONE = { archive: 'archived: restore it under Archived', restore: 'restored', purge: 'purged for good' };

/** A small button that runs one of the mutations above on an account (data-key) or an opportunity (data-id). */
export function archiveButton(action, what, item, name) {
  const target = what === 'Account' ? `data-key="${escapeHtml(item)}"` : `data-id="${escapeHtml(item)}"`;
  return `<button type="button" class="small archive-action ${action}" data-action="${action}${what}" ${target}
    data-name="${escapeHtml(name)}">${action === 'archive' ? 'Archive' : action === 'restore' ? 'Restore' : 'Purge…'}</button>`;
}

const when = (at, by) => `<span class="muted small">archived ${escapeHtml(String(at || '').slice(0, 10))} by <bdi>${escapeHtml(by || '')}</bdi></span>`;

/** The "Archived" section of the accounts page: archived accounts, and archived opportunities of the others. */
export async function archivedSection(user) {
  const data = await gql(ARCHIVED);
  const rows = [];
  for (const { node: a } of data.accounts.edges) {
    if (!user.canEdit(a.key)) continue;
    if (a.archived) {
      rows.push(`<li class="archived-account" data-key="${escapeHtml(a.key)}">Account <bdi>${escapeHtml(a.name)}</bdi>
        ${when(a.archivedAt, a.archivedBy)} ${archiveButton('restore', 'Account', a.key, a.name)}
        ${user.admin ? archiveButton('purge', 'Account', a.key, a.name) : ''}</li>`);
    }
    for (const o of a.opportunities) {
      rows.push(`<li class="archived-opportunity" data-id="${escapeHtml(o.id)}"><bdi>${escapeHtml(a.name)}</bdi>:
        <bdi>${escapeHtml(o.name)}</bdi> ${when(o.archivedAt, o.archivedBy)}
        ${archiveButton('restore', 'Opportunity', o.id, o.name)}
        ${user.admin ? archiveButton('purge', 'Opportunity', o.id, o.name) : ''}</li>`);
    }
  }
  if (!rows.length) return '';
  return `<details class="card" id="archived"><summary>Archived (${rows.length})</summary>
    <p class="muted small">Hidden from the lists and the coach view, kept whole until restored.${user.admin
      ? ' Purging deletes for good; the history keeps the record.' : ''}</p><ul>${rows.join('')}</ul></details>`;
}

/** Wires every archive, restore and purge button of the page; reload() redraws it after a change. */
export function wireArchiveButtons(page, reload) {
  page.addEventListener('click', async event => {
    const button = event.target.closest('button.archive-action');
    if (!button) return;
    const action = button.dataset.action;
    if (action.startsWith('purge') && !button.classList.contains('confirm')) {
      // Purging cannot be undone: the first click only asks.
      button.classList.add('confirm');
      button.textContent = `Purge ${button.dataset.name} for good`;
      return;
    }
    const variables = button.dataset.key ? { key: button.dataset.key } : { id: button.dataset.id };
    const verb = action.replace(/Account|Opportunity/, '');
    button.disabled = true;
    try {
      await gql(MUTATIONS[action], variables);
      await reload();
      say(`${button.dataset.name} ${DONE[verb]}`, 'ok');
    } catch (error) {
      reportError(error);
      button.disabled = false;
    }
  });
}
