// Accounts and opportunities made by reps: a new account (its creator joins its team), a new opportunity, a
// colleague or a competitor for an account. Hidden from users who may not change anything (a coach).
import { gql } from './api.js';
import { reportError, say } from './page.js';
import { escapeHtml } from './vocabulary.js';

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { key } } }`;
const CREATE_OPPORTUNITY = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }`;
const CREATE_TEAM_MEMBER = `mutation($input: CreateTeamMemberInput!) { createTeamMember(input: $input) { teamMember { id } } }`;
const CREATE_COMPETITOR = `mutation($input: CreateCompetitorInput!) { createCompetitor(input: $input) { competitor { id } } }`;

export const keyFrom = name => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64) || 'item';

export const NEW_ACCOUNT_FORM = `<details class="card" id="new-account"><summary>New account</summary>
  <form id="new-account-form" class="inline">
    <label>Name <input name="name" required></label>
    <label>Industry <input name="industry"></label>
    <button type="submit">Create account</button>
  </form></details>`;

export function accountForms(account) {
  const a = escapeHtml(account.key);
  return `<details class="account-forms" data-account="${a}"><summary>Add an opportunity, a colleague or a competitor</summary>
    <form class="new-opportunity inline"><label>Opportunity <input name="name" required placeholder="name"></label>
      <label>Amount <input name="amount" type="number" min="0" step="any"></label>
      <label>Close <input name="closeDate" type="date"></label><button type="submit">Create opportunity</button></form>
    <form class="new-team-member inline"><label>Colleague <input name="name" required placeholder="name"></label>
      <label>Key <input name="key" placeholder="their user name"></label><button type="submit">Add to the team</button></form>
    <form class="new-competitor inline"><label>Competitor <input name="name" required placeholder="name"></label>
      <button type="submit">Add competitor</button></form></details>`;
}

async function run(mutation, input, message, form) {
  try {
    const data = await gql(mutation, { input });
    say(message, 'ok');
    return data;
  } catch (error) {
    reportError(error);
    form.reset();
    return null;
  }
}

/** Wires the forms of the accounts page; reload() redraws the list after a change. */
export function wireAccountForms(page, reload, openMap) {
  page.querySelector('#new-account-form')?.addEventListener('submit', async event => {
    event.preventDefault();
    const f = new FormData(event.target);
    const input = { key: keyFrom(f.get('name')), name: f.get('name'), industry: f.get('industry') || null };
    // A new page load: the signed-in user's accounts changed (they joined the new account's team).
    if (await run(CREATE_ACCOUNT, input, `${input.name} created: you are on its team`, event.target)) window.location.reload();
  });
  page.addEventListener('submit', async event => {
    const form = event.target;
    const account = form.closest('.account-forms')?.dataset.account;
    if (!account) return;
    event.preventDefault();
    const f = new FormData(form);
    const name = f.get('name');
    if (form.classList.contains('new-opportunity')) {
      const input = { account, key: keyFrom(name), name, amount: f.get('amount') ? Number(f.get('amount')) : null,
        closeDate: f.get('closeDate') || null, stage: 'QUALIFY' };
      const data = await run(CREATE_OPPORTUNITY, input, `${name} created`, form);
      if (data) openMap(data.createOpportunity.opportunity.id);
    } else if (form.classList.contains('new-team-member')) {
      const input = { account, key: f.get('key') || keyFrom(name), name };
      if (await run(CREATE_TEAM_MEMBER, input, `${name} joined the team`, form)) await reload();
    } else if (form.classList.contains('new-competitor')) {
      const input = { account, key: keyFrom(name), name };
      if (await run(CREATE_COMPETITOR, input, `${name} added as a competitor`, form)) await reload();
    }
  });
}
