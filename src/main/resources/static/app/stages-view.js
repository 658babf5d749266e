// Module 7: sales stages with verifiable outcomes and their evidence, moves (overrides with a reason) and the debrief.
import { gql } from './api.js';
import { escapeHtml, words } from './vocabulary.js';
import { bdi, change, optionList, readOnly } from './workspace-kit.js';

const STAGES = `query Stages($o: ID!) {
  opportunity(id: $o) {
    stageProgress {
      stage probability lastCompleted
      stages { stage probability typicalDays purpose current complete outcomes { outcome text met evidence recordedOn } }
      transitions { from to on override reason unmetOutcomes }
    }
    debrief { question answer details }
  }
}`;
const OUTCOME = `mutation Outcome($input: StageOutcomeInput!) { recordStageOutcome(input: $input) { stageProgress { stage } } }`;
const ADVANCE = `mutation Advance($input: AdvanceStageInput!) { advanceStage(input: $input) { stageProgress { stage } } }`;

const ALL = ['QUALIFY', 'DEVELOP', 'SOLUTION', 'PROOF', 'CLOSE', 'WON', 'LOST'];

export async function renderStages(el, ctx) {
  const o = (await gql(STAGES, { o: ctx.opportunityId })).opportunity;
  const p = o.stageProgress;
  const next = ALL[Math.min(ALL.indexOf(p.stage) + 1, ALL.length - 1)] || 'QUALIFY';
  el.innerHTML = `<h2>Sales stages</h2>
    <p id="current-stage">Now in <b>${words(p.stage) || 'no stage'}</b>${p.probability != null ? ` (${p.probability}%)` : ''};
      last stage completed: ${words(p.lastCompleted) || 'none'}</p>
    ${p.stages.map(s => `<div class="stage card${s.current ? ' current' : ''}${s.complete ? ' complete' : ''}" data-stage="${s.stage}">
      <h3>${words(s.stage)} <span class="muted small">${s.probability}% · ${s.typicalDays} days · ${escapeHtml(s.purpose)}</span></h3>
      <ul>${s.outcomes.map(out => `<li class="outcome${out.met ? ' met' : ''}" data-outcome="${out.outcome}">
        ${out.met ? '✔' : '○'} ${escapeHtml(out.text)}${out.evidence ? ` — <span class="evidence">${bdi(out.evidence)}</span> (${out.recordedOn})` : ''}
        <form class="outcome-form inline small" data-edit><input name="evidence" placeholder="evidence" value="${escapeHtml(out.evidence || '')}">
          <label class="check"><input type="checkbox" name="met"${out.met ? ' checked' : ''}> met</label><button type="submit">Record</button></form>
      </li>`).join('')}</ul></div>`).join('')}
    <form id="advance-stage" data-edit>
      <h3>Move the opportunity</h3>
      <label>To <select name="stage">${optionList(ALL, next, words)}</select></label>
      <label class="check"><input type="checkbox" name="override"> go past unmet outcomes</label>
      <label>Reason <input name="reason"></label>
      <button type="submit">Move</button>
    </form>
    <h3>Moves</h3>
    <ul id="transitions" class="small">${p.transitions.map(t => `<li>${t.on}: ${words(t.from) || 'start'} → ${words(t.to)}${t.override
      ? ` <b>override</b>: ${bdi(t.reason)} (unmet: ${t.unmetOutcomes.map(escapeHtml).join('; ')})` : ''}</li>`).join('') || '<li class="muted">None yet.</li>'}</ul>
    ${p.stage === 'WON' || p.stage === 'LOST' ? '<h3>Debrief</h3>' : '<h3>Debrief (so far)</h3>'}
    <dl id="debrief" class="small">${o.debrief.map(d => `<dt>${escapeHtml(d.question)}</dt><dd>${bdi(d.answer)}
      ${d.details.length ? `<ul>${d.details.map(x => `<li>${bdi(x)}</li>`).join('')}</ul>` : ''}</dd>`).join('')}</dl>`;
  el.querySelectorAll('form.outcome-form').forEach(form => form.addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(form);
    const outcome = form.closest('li').dataset.outcome;
    change(ctx, OUTCOME, { input: { opportunity: ctx.opportunityId, outcome, met: f.get('met') === 'on', evidence: f.get('evidence') || null } },
      'Outcome recorded');
  }));
  el.querySelector('#advance-stage').addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    change(ctx, ADVANCE, { input: { opportunity: ctx.opportunityId, stage: f.get('stage'), override: f.get('override') === 'on',
      reason: f.get('reason') || null } }, `Moved to ${words(f.get('stage'))}`);
  });
  readOnly(el, ctx.canEdit);
}
