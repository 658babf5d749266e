// Module 4 recorded: per person and opportunity, the strategy the rep chose (the computed one until they choose),
// who owns the relationship, the next step with its date, and how it went.
import { gql } from './api.js';
import { escapeHtml, words } from './vocabulary.js';
import { bdi, blankToNull, change, optionList } from './workspace-kit.js';

const RECORD = `query RelationshipPlan($o: ID!, $s: ID!) {
  relationshipPlan(opportunity: $o, stakeholder: $s) { strategy computed recorded owner { id name } nextStep due overdue outcome }
}`;
const SET = `mutation SetRelationshipPlan($input: RelationshipPlanInput!) { setRelationshipPlan(input: $input) { plan { strategy } } }`;

export async function renderRelationshipPlan(el, ctx) {
  const r = (await gql(RECORD, { o: ctx.opportunityId, s: ctx.person.id })).relationshipPlan;
  const strategy = r?.strategy || ctx.computed || null;
  el.innerHTML = `<h3>Relationship plan</h3>
    ${r?.recorded ? `<p id="relationship-record"><b>${words(r.strategy)}</b>${r.computed && r.computed !== r.strategy
      ? ` <span class="muted">(computed: ${words(r.computed)})</span>` : ''}${r.owner ? `, owner ${bdi(r.owner.name)}` : ''}
      ${r.nextStep ? `<br>Next: ${bdi(r.nextStep)}${r.due ? ` by ${r.due}` : ''}${r.overdue ? ' <b class="warning">overdue</b>' : ''}` : ''}
      ${r.outcome ? `<br>Outcome: ${bdi(r.outcome)}` : ''}</p>` : '<p id="relationship-record" class="muted">Not recorded yet.</p>'}
    ${ctx.canEdit ? `<form id="relationship-form">
      <label>Strategy <select name="strategy">${optionList(['LEVERAGE', 'MOTIVATE', 'NEUTRALIZE'], strategy, words)}</select></label>
      <label>Owner <select name="owner">${optionList(ctx.teamMembers.map(t => t.id), r?.owner?.id, id => ctx.teamMembers.find(t => t.id === id).name, 'nobody')}</select></label>
      <label>Next step <input name="nextStep" value="${escapeHtml(r?.nextStep || '')}"></label>
      <label>Due <input type="date" name="due" value="${escapeHtml(r?.due || '')}"></label>
      <label>Outcome <input name="outcome" value="${escapeHtml(r?.outcome || '')}"></label>
      <button type="submit">Record relationship plan</button>
    </form>` : ''}`;
  el.querySelector('#relationship-form')?.addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    change(ctx, SET, { input: { opportunity: ctx.opportunityId, stakeholder: ctx.person.id, strategy: f.get('strategy'),
      owner: blankToNull(f.get('owner')), nextStep: blankToNull(f.get('nextStep')), due: blankToNull(f.get('due')),
      outcome: blankToNull(f.get('outcome')) } }, `Relationship plan for ${ctx.person.name} recorded`);
  });
}
