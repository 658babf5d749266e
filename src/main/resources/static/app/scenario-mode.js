// What-if mode of the map page: changes go into a stored scenario instead of the map, and the page shows (and
// highlights on the map) what would move: the Inner Circle, warnings, strategies, suggested ratings and advice.
import { gql } from './api.js';
import { COVERAGES, STATUSES, escapeHtml, words } from './vocabulary.js';
import { reportError, say } from './page.js';

const FIELDS = `id name basedOnVersion currentVersion appliedAt
  changes { position kind description }
  comparison {
    people { person { id name } changed description }
    warnings { code change description }
    ratings { criterion name before after changed }
    advice { before { recommended summary } after { recommended summary } changed }
  }`;
const LIST = `query($o: ID!) { scenarios(opportunity: $o) { id name appliedAt } }`;
const READ = `query($id: ID!) { scenario(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation($input: CreateScenarioInput!) { createScenario(input: $input) { scenario { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateScenarioInput!) { updateScenario(input: $input) { scenario { ${FIELDS} } } }`;
const APPLY = `mutation($id: ID!) { applyScenario(id: $id) { version } }`;

const KINDS = {
  status: 'status changes', leaves: 'person leaves', influence: 'new influence line', noInfluence: 'influence line removed',
  reportsTo: 'new manager', coverage: 'coverage changes', joins: 'person joins',
};

/**
 * Adds the "What if…" toggle to the map page. ctx: { page, opportunityId, account, canEdit, map(), cy(), reload() }.
 */
export function mountWhatIf(ctx) {
  const toggle = document.createElement('button');
  toggle.id = 'what-if-toggle';
  toggle.textContent = 'What if…';
  toggle.title = 'Try changes on a scenario instead of the map';
  ctx.page.querySelector('.toolbar').prepend(toggle);
  const box = document.createElement('section');
  box.id = 'what-if';
  box.hidden = true;
  ctx.page.querySelector('.map-body').before(box);
  const state = { scenario: null, changes: [] };
  toggle.addEventListener('click', async () => {
    box.hidden = !box.hidden;
    toggle.classList.toggle('active', !box.hidden);
    ctx.page.classList.toggle('what-if', !box.hidden);
    if (box.hidden) highlight(ctx, []);
    else await render(ctx, box, state).catch(reportError);
  });
}

async function render(ctx, box, state) {
  const people = ctx.map().people.map(p => p.stakeholder);
  const team = ctx.map().teamMembers;
  const option = (value, label) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const personOptions = people.map(p => option(p.id, p.name)).join('');
  const saved = (await gql(LIST, { o: ctx.opportunityId })).scenarios.filter(s => !s.appliedAt);
  box.innerHTML = `
    <div class="what-if-head">
      <b>What if…</b>
      <select id="what-if-pick"><option value="">new scenario</option>${saved.map(s => option(s.id, s.name)).join('')}</select>
      <input id="what-if-name" placeholder="scenario name" value="${escapeHtml(state.scenario?.name || '')}">
    </div>
    <p class="muted" id="what-if-note">While this is on, the map's own edit forms are hidden: every change goes to
      the scenario, and the map stays as it is until you apply it.</p>
    <form id="what-if-add" class="inline">
      <select name="kind">${Object.entries(KINDS).map(([k, v]) => option(k, v)).join('')}</select>
      <select name="person">${personOptions}</select>
      <select name="other"><option value="">–</option>${personOptions}</select>
      <select name="status">${STATUSES.map(s => option(s, words(s))).join('')}</select>
      <select name="coverage">${COVERAGES.map(c => option(c, words(c))).join('')}</select>
      <select name="member">${team.map(t => option(t.id, t.name)).join('')}</select>
      <input name="name" placeholder="new person's name">
      <button type="submit">Add change</button>
    </form>
    <ol id="what-if-changes">${state.changes.map((c, i) => `<li>${escapeHtml(c.description || '')}
      <button class="link" data-remove="${i}">remove</button></li>`).join('')}</ol>
    <div id="what-if-result"></div>
    ${ctx.canEdit && state.scenario ? '<button id="what-if-apply">Apply to the map</button>' : ''}`;
  if (state.scenario) box.querySelector('#what-if-pick').value = state.scenario.id;
  box.querySelector('#what-if-pick').addEventListener('change', async event => {
    if (event.target.value) {
      const s = (await gql(READ, { id: event.target.value })).scenario;
      state.scenario = s;
      state.changes = s.changes.map(c => ({ description: c.description, input: null }));
      state.inputs = null;
      say('A saved scenario is shown; adding a change starts a new one', 'info');
    } else {
      Object.assign(state, { scenario: null, changes: [] });
    }
    await render(ctx, box, state).catch(reportError);
  });
  box.querySelector('#what-if-add').addEventListener('submit', async event => {
    event.preventDefault();
    const f = new FormData(event.target);
    const input = changeInput(f, ctx.account);
    if (!input) return;
    const changes = [...state.changes.filter(c => c.input), { input }];
    await save(ctx, box, state, changes).catch(reportError);
  });
  box.querySelectorAll('[data-remove]').forEach(b => b.addEventListener('click', async () => {
    const changes = state.changes.filter((c, i) => c.input && i !== Number(b.dataset.remove));
    await save(ctx, box, state, changes).catch(reportError);
  }));
  box.querySelector('#what-if-apply')?.addEventListener('click', async () => {
    try {
      await gql(APPLY, { id: state.scenario.id });
      say(`Scenario "${state.scenario.name}" applied to the map`, 'ok');
      Object.assign(state, { scenario: null, changes: [] });
      await ctx.reload();
      await render(ctx, box, state);
    } catch (error) {
      reportError(error);
    }
  });
  if (state.scenario) showResult(ctx, box.querySelector('#what-if-result'), state.scenario);
}

function changeInput(f, account) {
  const person = f.get('person');
  const other = f.get('other');
  switch (f.get('kind')) {
    case 'status': return { setInvolvement: { stakeholder: person, status: f.get('status') } };
    case 'leaves': return { personLeaves: person };
    case 'influence': return other ? { addInfluence: { from: person, to: other } } : null;
    case 'noInfluence': return other ? { removeInfluence: { from: person, to: other } } : null;
    case 'reportsTo': return { setReportsTo: { stakeholder: person, manager: other || null } };
    case 'coverage': return { setCoverage: { teamMember: f.get('member'), stakeholder: person, coverage: f.get('coverage') } };
    case 'joins': {
      const name = f.get('name');
      if (!name) return null;
      const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'new';
      return { personJoins: { key, name, reportsTo: person, status: f.get('status') } };
    }
    default: return null;
  }
}

/** Stores the changes (a new scenario or the current one) and shows what they move. */
async function save(ctx, box, state, changes) {
  const name = box.querySelector('#what-if-name').value || 'What if';
  const inputs = changes.map(c => c.input);
  const scenario = state.scenario && state.changes.every(c => c.input)
    ? (await gql(UPDATE, { input: { id: state.scenario.id, name, changes: inputs } })).updateScenario.scenario
    : (await gql(CREATE, { input: { opportunity: ctx.opportunityId, name, changes: inputs } })).createScenario.scenario;
  state.scenario = scenario;
  state.changes = scenario.changes.map((c, i) => ({ description: c.description, input: inputs[i] }));
  await render(ctx, box, state);
}

function showResult(ctx, out, scenario) {
  const c = scenario.comparison;
  const list = (items, text) => (items.length ? `<ul>${items.map(i => `<li>${escapeHtml(text(i))}</li>`).join('')}</ul>`
    : '<p class="muted">no change</p>');
  out.innerHTML = `
    <h3>People</h3>${list(c.people, p => p.description)}
    <h3>Warnings</h3>${list(c.warnings, w => w.description)}
    <h3>Suggested ratings</h3>${list(c.ratings.filter(r => r.changed),
      r => `#${r.criterion} ${r.name}: ${words(r.before || 'UNKNOWN')} → ${words(r.after || 'UNKNOWN')}`)}
    <h3>Strategy advice</h3><p>${c.advice.changed
      ? `${escapeHtml(words(c.advice.before.recommended))} → ${escapeHtml(words(c.advice.after.recommended))}`
      : `unchanged: ${escapeHtml(words(c.advice.after.recommended))}`}</p>`;
  highlight(ctx, c.people.map(p => p.person.id));
}

/** Marks the people whose standing the scenario moves; the map's own style is left alone. */
function highlight(ctx, ids) {
  const cy = ctx.cy();
  if (!cy) return;
  cy.style().selector('.what-if-changed').style({ 'border-width': 6, 'border-color': '#d97706', 'border-style': 'double' }).update();
  cy.nodes().removeClass('what-if-changed');
  ids.forEach(id => cy.getElementById(id).addClass('what-if-changed'));
}
