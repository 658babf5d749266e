// Module 5: goal, objective with its check, PRIME tactics aimed at people on the map, the relationship plans and
// the plan's live checks.
import { gql } from './api.js';
import { escapeHtml, money, words } from './vocabulary.js';
import { bdi, blankToNull, change, optionList, readOnly } from './workspace-kit.js';

export const PRIMES = ['PROVE_VALUE', 'RETRIEVE_INFORMATION', 'INSULATE', 'MINIMIZE_WEAKNESSES', 'EMPHASIZE_STRENGTHS'];
const PRIME_NAMES = {
  PROVE_VALUE: 'P · Prove your value', RETRIEVE_INFORMATION: 'R · Retrieve missing information',
  INSULATE: 'I · Insulate against competition', MINIMIZE_WEAKNESSES: 'M · Minimize your weaknesses',
  EMPHASIZE_STRENGTHS: 'E · Emphasize your strengths',
};

const PLAN = `query Plan($o: ID!, $filter: TacticFilter, $order: TacticOrder) {
  plan(opportunity: $o) {
    goal objective offering strategy
    objectiveCheck { complete problems }
    tactics(filter: $filter, orderBy: $order) { totalCount edges { node {
      id prime what owner { id name } due resources cost done overdue criteria targets { id name }
    } } }
    checks { code severity message }
  }
  relationshipPlans(opportunity: $o) { person { id name } strategy computed owner { name } nextStep due overdue outcome }
}`;

const SET_PLAN = `mutation SetPlan($input: PlanInput!) { setPlan(input: $input) { plan { goal } } }`;
const ADD = `mutation AddTactic($input: AddTacticInput!) { addTactic(input: $input) { tactic { id } } }`;
const UPDATE = `mutation UpdateTactic($input: UpdateTacticInput!) { updateTactic(input: $input) { tactic { id } } }`;
const REMOVE = `mutation RemoveTactic($id: ID!) { removeTactic(id: $id) { plan { goal } } }`;
const TARGETS = `mutation Targets($tactic: ID!, $people: [ID!]!) { setTacticTargets(tactic: $tactic, people: $people) { tactic { id } } }`;

function tacticForm(ctx, t = null) {
  const people = ctx.map().people.map(p => p.stakeholder);
  const team = ctx.map().teamMembers;
  const targets = new Set((t?.targets || []).map(p => p.id));
  return `<form class="tactic-form" data-edit ${t ? `data-id="${escapeHtml(t.id)}"` : 'id="add-tactic"'}>
    <label>PRIME <select name="prime">${optionList(PRIMES, t?.prime, v => PRIME_NAMES[v], 'none')}</select></label>
    <label>What <input name="what" required value="${escapeHtml(t?.what || '')}"></label>
    <label>Owner <select name="owner">${optionList(team.map(m => m.id), t?.owner?.id, id => team.find(m => m.id === id).name, 'nobody')}</select></label>
    <label>Due <input type="date" name="due" value="${escapeHtml(t?.due || '')}"></label>
    <label>Resources <input name="resources" value="${escapeHtml(t?.resources || '')}"></label>
    <label>Cost <input type="number" min="0" step="any" name="cost" value="${t?.cost ?? ''}"></label>
    <label>Aimed at <select name="targets" multiple size="4">${people.map(p => `<option value="${escapeHtml(p.id)}"${targets.has(p.id)
      ? ' selected' : ''}>${escapeHtml(p.name)}</option>`).join('')}</select></label>
    <button type="submit">${t ? 'Save tactic' : 'Add tactic'}</button>
  </form>`;
}

function tacticRow(t) {
  return `<li class="tactic${t.done ? ' done' : ''}${t.overdue ? ' overdue' : ''}" data-id="${escapeHtml(t.id)}">
    <div><label class="check" data-edit><input type="checkbox" class="complete"${t.done ? ' checked' : ''}> done</label>
      <b class="prime">${t.prime ? PRIME_NAMES[t.prime].charAt(0) : '·'}</b> <span class="what">${bdi(t.what)}</span></div>
    <div class="muted small">${t.owner ? bdi(t.owner.name) : 'no owner'} · ${t.due || 'no date'}${t.overdue ? ' · <b>overdue</b>' : ''}
      ${t.cost != null ? ` · ${money(t.cost)}` : ''}${t.resources ? ` · ${bdi(t.resources)}` : ''}
      ${t.targets.length ? `<br>aimed at <span class="targets">${t.targets.map(p => bdi(p.name)).join(', ')}</span>` : ''}</div>
    <details data-edit><summary>Edit</summary>__FORM__<button type="button" class="link remove-tactic">remove</button></details>
  </li>`;
}

function targetIds(form) {
  return [...form.querySelector('[name=targets]').selectedOptions].map(o => o.value);
}

function tacticInput(form) {
  const f = new FormData(form);
  return {
    prime: blankToNull(f.get('prime')), what: f.get('what'), owner: blankToNull(f.get('owner')), due: blankToNull(f.get('due')),
    resources: blankToNull(f.get('resources')), cost: blankToNull(f.get('cost')) === null ? null : Number(f.get('cost')),
  };
}

export async function renderPlan(el, ctx) {
  ctx.planView = ctx.planView || { filter: {}, order: 'PLAN' };
  const view = ctx.planView;
  const data = await gql(PLAN, { o: ctx.opportunityId, filter: view.filter, order: view.order });
  const plan = data.plan;
  const tactics = plan.tactics.edges.map(e => e.node);
  el.innerHTML = `<h2>Plan <a class="small" target="_blank" href="${ctx.printUrl}">printable</a></h2>
    <ul id="plan-checks" class="checks">${plan.checks.map(c => `<li class="severity-${c.severity.toLowerCase()}">${bdi(c.message)}</li>`).join('')
      || '<li class="ok">No open problems.</li>'}</ul>
    <form id="plan-form">
      <label>Goal <textarea name="goal" rows="2">${escapeHtml(plan.goal || '')}</textarea></label>
      <label>Objective <textarea name="objective" rows="2">${escapeHtml(plan.objective || '')}</textarea></label>
      <label>Offering <input name="offering" value="${escapeHtml(plan.offering || '')}"></label>
      <p id="objective-check" class="small ${plan.objectiveCheck.complete ? 'ok' : 'warning'}">${plan.objectiveCheck.complete
        ? 'The objective names the offering, an amount and a close date.' : plan.objectiveCheck.problems.map(escapeHtml).join(' ')}</p>
      <p class="small">Strategy: <b>${plan.strategy ? words(plan.strategy) : 'not chosen'}</b></p>
      <button type="submit" data-edit>Save goal and objective</button>
    </form>
    <h3>Tactics (${plan.tactics.totalCount})</h3>
    <form id="tactic-filter" class="inline small">
      <select name="prime">${optionList(PRIMES, view.filter.prime?.[0], v => PRIME_NAMES[v], 'every PRIME')}</select>
      <select name="state">${optionList(['open', 'done', 'overdue'], view.state, v => v, 'all')}</select>
      <select name="order">${optionList(['PLAN', 'DUE', 'PRIME', 'OWNER'], view.order, v => `by ${v.toLowerCase()}`)}</select>
    </form>
    <ul id="tactics">${tactics.map(t => tacticRow(t).replace('__FORM__', tacticForm(ctx, t))).join('')}</ul>
    <details id="new-tactic" data-edit open><summary>Add a tactic</summary>${tacticForm(ctx)}</details>
    <h3>Relationship plans</h3>
    <table id="relationship-plans" class="small"><thead><tr><th>Person</th><th>Strategy</th><th>Next step</th><th>Owner</th><th>Due</th></tr></thead>
      <tbody>${data.relationshipPlans.map(r => `<tr${r.overdue ? ' class="overdue"' : ''}><td>${bdi(r.person.name)}</td>
        <td>${words(r.strategy)}${r.strategy !== r.computed && r.computed ? ` <span class="muted">(computed ${words(r.computed)})</span>` : ''}</td>
        <td>${bdi(r.nextStep || '')}${r.outcome ? `<div class="muted">${bdi(r.outcome)}</div>` : ''}</td><td>${bdi(r.owner?.name || '')}</td>
        <td>${r.due || ''}${r.overdue ? ' <b>overdue</b>' : ''}</td></tr>`).join('')
        || '<tr><td colspan="5" class="muted">None recorded yet: click a person on the map.</td></tr>'}</tbody></table>`;

  el.querySelector('#plan-form').addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    change(ctx, SET_PLAN, { input: { opportunity: ctx.opportunityId, goal: blankToNull(f.get('goal')),
      objective: blankToNull(f.get('objective')), offering: blankToNull(f.get('offering')) } }, 'Goal and objective saved');
  });
  el.querySelector('#tactic-filter').addEventListener('change', event => {
    const f = new FormData(event.currentTarget);
    const state = f.get('state');
    view.state = state;
    view.order = f.get('order');
    view.filter = {
      ...(f.get('prime') ? { prime: [f.get('prime')] } : {}),
      ...(state === 'open' ? { done: false } : state === 'done' ? { done: true } : state === 'overdue' ? { overdue: true } : {}),
    };
    ctx.redraw();
  });
  el.querySelector('#add-tactic').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const people = targetIds(form);
    const added = await change(ctx, ADD, { input: { opportunity: ctx.opportunityId, ...tacticInput(form) } }, 'Tactic added');
    if (added && people.length) {
      await change(ctx, TARGETS, { tactic: added.addTactic.tactic.id, people }, `Tactic added, aimed at ${people.length} people`);
    }
  });
  el.querySelectorAll('#tactics li.tactic').forEach(li => {
    const id = li.dataset.id;
    li.querySelector('.complete').addEventListener('change', e => change(ctx, UPDATE, { input: { id, done: e.target.checked } },
      e.target.checked ? 'Tactic done' : 'Tactic reopened'));
    li.querySelector('form').addEventListener('submit', async event => {
      event.preventDefault();
      if (await change(ctx, UPDATE, { input: { id, ...tacticInput(event.target) } }, 'Tactic saved')) {
        await change(ctx, TARGETS, { tactic: id, people: targetIds(event.target) }, 'Tactic saved');
      }
    });
    li.querySelector('.remove-tactic').addEventListener('click', () => change(ctx, REMOVE, { id }, 'Tactic removed'));
  });
  readOnly(el, ctx.canEdit);
}
