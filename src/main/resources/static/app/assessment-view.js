// Module 1 of the method: the 20 criteria under the four questions, us against each competitor in the deal.
import { gql } from './api.js';
import { escapeHtml } from './vocabulary.js';
import { bdi, change, readOnly } from './workspace-kit.js';

const ASSESSMENT = `query Assessment($o: ID!) {
  assessment(opportunity: $o) {
    competitors { id name }
    questions {
      question text summary { text answer }
      criteria { number name low high us note competitors { competitor { id } rating } suggested { rating reasons differsFromRep } }
    }
    overall { text answer }
    unknowns { number name missingFor }
  }
}`;

const RATE = `mutation Rate($input: RateCriteriaInput!) { rateCriteria(input: $input) { assessment { overall { text } } } }`;

export const RATING_SIGNS = { PLUS: '+', MINUS: '−', UNKNOWN: '?' };

function ratingSelect(name, rating, label) {
  return `<select name="${name}" aria-label="${escapeHtml(label)}">
    <option value=""${rating ? '' : ' selected'}>·</option>
    ${Object.entries(RATING_SIGNS).map(([v, s]) => `<option value="${v}"${v === rating ? ' selected' : ''}>${s}</option>`).join('')}
  </select>`;
}

function criterionRow(c, competitors) {
  const suggestion = c.suggested
    ? `<div class="suggested${c.suggested.differsFromRep ? ' differs' : ''}">map suggests <b>${RATING_SIGNS[c.suggested.rating]}</b>
        <ul>${c.suggested.reasons.map(r => `<li>${bdi(r)}</li>`).join('')}</ul></div>` : '';
  return `<tr class="criterion" data-criterion="${c.number}">
    <td>${c.number}</td>
    <td>${escapeHtml(c.name)}<div class="muted small">${escapeHtml(c.low)} ↔ ${escapeHtml(c.high)}</div>${suggestion}</td>
    <td>${ratingSelect('us', c.us, `#${c.number} us`)}</td>
    ${competitors.map(comp => ratingSelect(`competitor:${comp.id}`,
      c.competitors.find(r => r.competitor.id === comp.id)?.rating, `#${c.number} ${comp.name}`)).map(s => `<td>${s}</td>`).join('')}
    <td><input name="note" value="${escapeHtml(c.note || '')}" aria-label="#${c.number} note"></td>
  </tr>`;
}

export async function renderAssessment(el, ctx) {
  const a = (await gql(ASSESSMENT, { o: ctx.opportunityId })).assessment;
  const heads = a.competitors.map(c => `<th>${bdi(c.name)}</th>`).join('');
  el.innerHTML = `<h2>Opportunity assessment</h2>
    <p id="assessment-overall" class="summary answer-${a.overall.answer.toLowerCase()}">${bdi(a.overall.text)}</p>
    <form id="assessment-form" onsubmit="return false">
    ${a.questions.map(q => `<h3>${escapeHtml(q.text)}</h3>
      <p class="summary muted small question-summary" data-question="${q.question}">${bdi(q.summary.text)}</p>
      <table class="criteria"><thead><tr><th>#</th><th>Criterion</th><th>Us</th>${heads}<th>Note</th></tr></thead>
      <tbody>${q.criteria.map(c => criterionRow(c, a.competitors)).join('')}</tbody></table>`).join('')}
    </form>
    <h3>Still unknown</h3>
    <ul id="assessment-unknowns" class="small">${a.unknowns.slice(0, 20).map(u => `<li>#${u.number} ${escapeHtml(u.name)}:
      ${u.missingFor.map(bdi).join(', ')}</li>`).join('') || '<li>Nothing: every criterion is rated.</li>'}</ul>`;
  el.querySelectorAll('tr.criterion').forEach(row => row.addEventListener('change', () => {
    const rating = name => row.querySelector(`[name="${name}"]`).value || null;
    const input = {
      criterion: Number(row.dataset.criterion),
      us: rating('us'),
      competitors: a.competitors.map(c => ({ competitor: c.id, rating: rating(`competitor:${c.id}`) })),
      note: row.querySelector('[name=note]').value || null,
    };
    change(ctx, RATE, { input: { opportunity: ctx.opportunityId, ratings: [input] } }, `Criterion #${input.criterion} saved`);
  }));
  readOnly(el, ctx.canEdit);
}
