// #/tokens: the signed-in user's personal API tokens. A new token's secret is shown once, here, and never again
// (the server keeps only its hash); a revoked token is refused at once.
import { gql } from './api.js';
import { escapeHtml } from './vocabulary.js';
import { setPage, say } from './page.js';

const LIST = `{ apiTokens { id name createdAt lastUsedAt } }`;
const CREATE = `mutation Create($name: String!) {
  createApiToken(input: {name: $name}) { token apiToken { id name } }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeApiToken(id: $id) }`;

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : 'never';
}

function tokenRow(t) {
  return `<tr data-id="${escapeHtml(t.id)}">
      <td class="token-name">${escapeHtml(t.name)}</td><td>${when(t.createdAt)}</td><td>${when(t.lastUsedAt)}</td>
      <td><button class="revoke-token" data-id="${escapeHtml(t.id)}">Revoke</button></td></tr>`;
}

export async function showApiTokens() {
  const page = setPage(`<h1>API tokens</h1>
    <section class="card">
      <p class="muted">A token lets a script or another tool call the API as you, with your access:
        <code>curl -H "Authorization: Bearer &lt;token&gt;" …/graphql</code>. Revoke any token you no longer use.</p>
      <form id="new-token-form">
        <label>Name <input name="name" required maxlength="100" placeholder="CI export"></label>
        <button type="submit" id="create-token">Create token</button>
      </form>
      <div id="new-token" hidden>
        <p><strong>Copy this token now: it will not be shown again.</strong></p>
        <input id="new-token-value" readonly size="60">
      </div>
    </section>
    <table class="card" id="tokens"><thead><tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr></thead>
      <tbody></tbody></table>`, 'tokens-page');
  const body = page.querySelector('#tokens tbody');
  const load = async () => {
    const data = await gql(LIST);
    body.innerHTML = data.apiTokens.map(tokenRow).join('')
      || '<tr><td colspan="4" class="muted">No token yet.</td></tr>';
  };
  page.querySelector('#new-token-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    try {
      const created = (await gql(CREATE, { name: form.name.value.trim() })).createApiToken;
      page.querySelector('#new-token').hidden = false;
      const value = page.querySelector('#new-token-value');
      value.value = created.token;
      value.select();
      form.reset();
      await load();
    } catch (error) {
      say(error.message, 'error');
    }
  });
  body.addEventListener('click', async event => {
    const button = event.target.closest('.revoke-token');
    if (!button) return;
    try {
      await gql(REVOKE, { id: button.dataset.id });
      say('Token revoked');
      await load();
    } catch (error) {
      say(error.message, 'error');
    }
  });
  await load();
}
