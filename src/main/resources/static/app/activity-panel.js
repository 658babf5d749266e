// "Activity" on the map page: upload calendar files (.ics) and Salesforce activity exports (CSV), then accept or
// reject the influence lines suggested from them. graphql-schema/activity.graphqls; docs/reps.md.
import { gql } from './api.js';
import { escapeHtml } from './vocabulary.js';

const IMPORT = `mutation($account: ID!, $files: [ActivityFileInput!]!, $options: ActivityImportOptions) {
  importActivity(account: $account, files: $files, options: $options) {
    meetings emails suggested stillRejected
    staleContacts { stakeholder { name } daysSince }
    notOnMap { address activities }
  }
}`;
const SUGGESTIONS = `query($account: ID!) {
  activitySuggestions(account: $account, state: OPEN, first: 100) {
    totalCount
    edges { node { id from { name } to { name } strength meetings emails lastAt
                   evidence { kind at subject role supports } } }
  }
}`;
const ACCEPT = `mutation($id: ID!) { acceptActivitySuggestion(id: $id) { suggestion { state } } }`;
const REJECT = `mutation($id: ID!) { rejectActivitySuggestion(id: $id) { state } }`;
const STRENGTH = { 1: 'weak', 2: 'medium', 3: 'strong' };

/** Shows the activity panel in the map page's side panel; onAccepted redraws the map after an accepted line. */
export async function showActivity(panel, account, { canEdit, onAccepted }) {
  panel.innerHTML = `<h2>Activity</h2>
    <p class="muted">Calendar files (.ics) and Salesforce exports (Event, EventRelation, EmailMessage,
      EmailMessageRelation as CSV). People are matched by e-mail address. Nothing goes on the map until you accept.</p>
    <form id="activity-form" ${canEdit ? '' : 'hidden'}>
      <label>Files <input name="files" type="file" multiple accept=".ics,.csv,text/calendar,text/csv" required></label>
      <label>From <input name="from" type="date"></label>
      <label>To <input name="to" type="date"></label>
      <button type="submit" id="activity-upload">Upload</button>
    </form>
    <div id="activity-result" aria-live="polite"></div>
    <div id="activity-suggestions"></div>`;
  const form = panel.querySelector('#activity-form');
  const result = panel.querySelector('#activity-result');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.textContent = 'Reading the files…';
    try {
      const files = await Promise.all([...form.files.files].map(async f => ({ name: f.name, content: await f.text() })));
      const options = {};
      if (form.from.value) options.from = form.from.value;
      if (form.to.value) options.to = form.to.value;
      const report = (await gql(IMPORT, { account, files, options })).importActivity;
      result.innerHTML = describe(report);
      await listSuggestions(panel, account, canEdit, onAccepted);
    } catch (error) {
      result.innerHTML = `<p class="error">${escapeHtml(error.message || String(error))}</p>`;
    }
  });
  await listSuggestions(panel, account, canEdit, onAccepted);
}

function describe(r) {
  const stale = r.staleContacts.map(s => `${escapeHtml(s.stakeholder.name)}`
    + (s.daysSince === null ? ' (none in the window)' : ` (${s.daysSince} days)`)).join(', ');
  const unknown = r.notOnMap.map(p => `${escapeHtml(p.address)} (${p.activities})`).join(', ');
  return `<p>${r.meetings} meetings, ${r.emails} e-mails: ${r.suggested} suggestions`
    + (r.stillRejected ? `, ${r.stillRejected} you rejected before left out` : '') + '.</p>'
    + (stale ? `<p><strong>Stale contacts:</strong> ${stale}</p>` : '')
    + (unknown ? `<p><strong>Not on the map:</strong> ${unknown}</p>` : '');
}

async function listSuggestions(panel, account, canEdit, onAccepted) {
  const box = panel.querySelector('#activity-suggestions');
  const data = (await gql(SUGGESTIONS, { account })).activitySuggestions;
  if (!data.totalCount) {
    box.innerHTML = '<p class="muted">No open suggestions.</p>';
    return;
  }
  box.innerHTML = `<h3>Suggested influence lines (${data.totalCount})</h3><ul class="activity-list">`
    + data.edges.map(({ node: s }) => `<li data-id="${escapeHtml(s.id)}">
        <strong>${escapeHtml(s.from?.name || '?')}</strong> → <strong>${escapeHtml(s.to?.name || '?')}</strong>,
        ${STRENGTH[s.strength]}: ${s.meetings} meetings, ${s.emails} e-mails, last ${escapeHtml(s.lastAt.slice(0, 10))}
        ${canEdit ? '<button class="activity-accept">Accept</button> <button class="activity-reject">Reject</button>' : ''}
        <details><summary>Evidence</summary><ul>${s.evidence.map(e => `<li>${escapeHtml(e.at.slice(0, 10))}
          ${e.kind === 'MEETING' ? 'meeting' : 'e-mail'} “${escapeHtml(e.subject || '')}”: ${escapeHtml(e.role.toLowerCase().replace('_', ' '))}
          ${e.supports === false ? '(the other way)' : ''}</li>`).join('')}</ul></details></li>`).join('')
    + '</ul>';
  box.querySelectorAll('li[data-id]').forEach(item => {
    const id = item.dataset.id;
    item.querySelector('.activity-accept')?.addEventListener('click', () => decide(ACCEPT, id, item, onAccepted));
    item.querySelector('.activity-reject')?.addEventListener('click', () => decide(REJECT, id, item));
  });
}

async function decide(mutation, id, item, after) {
  try {
    await gql(mutation, { id });
    item.remove();
    if (after) await after();
  } catch (error) {
    item.insertAdjacentHTML('beforeend', `<p class="error">${escapeHtml(error.message || String(error))}</p>`);
  }
}
