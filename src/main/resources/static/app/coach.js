// The coach's page: map-health warnings rolled up by rep and by account (worst first), then every warning, with
// pickers for the rep, the stage and the warning codes, and links into each opportunity's map and plan review.
import { gql } from './api.js';
import { SEVERITY_ORDER, escapeHtml, money, words } from './vocabulary.js';
import { setPage } from './page.js';
import { bdi } from './workspace-kit.js';

const GAPS = `query Gaps($filter: CoverageGapFilter, $after: String) {
  coverageGaps(filter: $filter, first: 200, after: $after) {
    totalCount
    edges { node {
      opportunity { id name amount currency stage account { key name teamMembers { key name } } }
      severity code message people { name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// The server's roll-up (analysis-store); until it is there the page rolls the warnings up itself.
const ROLLUPS = groupBy => `query Rollups($filter: CoverageGapFilter) {
  coverageGapRollups(groupBy: ${groupBy}, filter: $filter) { key label high medium low total }
}`;

const STAGES = ['QUALIFY', 'DEVELOP', 'SOLUTION', 'PROOF', 'CLOSE', 'WON', 'LOST'];
const CODES = ['NO_DECISION_MAKER', 'NO_APPROVER', 'NO_SPONSOR', 'NO_MENTOR', 'KEY_PLAYER_NOT_COVERED',
  'KEY_PLAYER_BRIEF_COVERAGE', 'NO_REAL_RELATIONSHIP', 'SINGLE_THREADED', 'SINGLE_COVERED', 'NO_NON_SUPPORTERS',
  'OPPONENT_IN_INNER_CIRCLE', 'STALE_CONTACT', 'UNRESOLVED_PLACEHOLDER'];
const WORST_FIRST = (a, b) => b.high - a.high || b.medium - a.medium || b.low - a.low || a.label.localeCompare(b.label);

/** Counts by severity per group, worst first (the same shape as coverageGapRollups). */
export function rollUp(gaps, keysOf) {
  const groups = new Map();
  gaps.forEach(gap => keysOf(gap).forEach(([key, label]) => {
    const g = groups.get(key) || { key, label, high: 0, medium: 0, low: 0, total: 0 };
    g[gap.severity.toLowerCase()] += 1;
    g.total += 1;
    groups.set(key, g);
  }));
  return [...groups.values()].sort(WORST_FIRST);
}

function rollupTable(id, title, rows, link) {
  return `<section class="card"><h2>${title}</h2><table id="${id}" class="rollup">
    <thead><tr><th>${title.replace('By ', '')}</th><th class="sortable" data-sort="high">High</th><th class="sortable" data-sort="medium">Medium</th>
      <th class="sortable" data-sort="low">Low</th><th class="sortable" data-sort="total">Total</th></tr></thead>
    <tbody>${rows.map(r => `<tr data-key="${escapeHtml(r.key)}"><td>${link(r)}</td><td>${r.high}</td><td>${r.medium}</td><td>${r.low}</td><td>${r.total}</td></tr>`).join('')
      || '<tr><td colspan="5" class="muted">No warning.</td></tr>'}</tbody></table></section>`;
}

function gapRow(gap) {
  const o = gap.opportunity;
  return `<tr class="severity-${gap.severity.toLowerCase()}">
    <td>${gap.severity}</td>
    <td><a href="#/map/${encodeURIComponent(o.id)}">${bdi(o.account.name)}: ${bdi(o.name)}</a>
      <div class="muted small">${escapeHtml(o.account.key)} · ${words(o.stage)} ${money(o.amount, o.currency)}
      · <a href="#/map/${encodeURIComponent(o.id)}/review">review the plan</a></div></td>
    <td>${bdi(gap.message)}</td>
    <td>${gap.people.map(p => bdi(p.name)).join(', ')}</td></tr>`;
}

async function serverRollups(filter) {
  try {
    const [byRep, byAccount] = await Promise.all(['TEAM_MEMBER', 'ACCOUNT'].map(groupBy =>
      gql(ROLLUPS(groupBy), { filter }).then(d => d.coverageGapRollups)));
    return { byRep, byAccount };
  } catch (error) {
    return null;
  }
}

export async function showCoach() {
  const page = setPage(`<h1>Coach: coverage gaps across the portfolio</h1>
    <form id="gap-filter" class="inline coach-filter">
      <label>At least <select name="minSeverity">${SEVERITY_ORDER.map(s => `<option${s === 'LOW' ? ' selected' : ''}>${s}</option>`).join('')}</select></label>
      <label>Rep <select name="teamMember"><option value="">every rep</option></select></label>
      <label>Stage <select name="stages" multiple size="3">${STAGES.map(s => `<option value="${s}">${words(s)}</option>`).join('')}</select></label>
      <label>Warnings <select name="codes" multiple size="3">${CODES.map(c => `<option value="${c}">${words(c)}</option>`).join('')}</select></label>
      <button type="submit">Filter</button>
    </form>
    <div class="rollups" id="rollups"></div>
    <h2>Every warning</h2>
    <p id="gap-count" class="muted"></p>
    <table id="coverage-gaps"><thead><tr><th class="sortable" data-sort="severity">Severity</th>
      <th class="sortable" data-sort="opportunity">Opportunity</th><th>Gap</th><th>People</th></tr></thead><tbody></tbody></table>
    <button id="more-gaps" hidden>More</button>`, 'coach-page');
  const body = page.querySelector('#coverage-gaps tbody');
  const more = page.querySelector('#more-gaps');
  const reps = new Map();
  let filter = { minSeverity: 'LOW' };
  let gaps = [];
  let after = null;
  let sort = null;

  const drawGaps = () => {
    const shown = gaps.slice();
    if (sort === 'opportunity') shown.sort((a, b) => `${a.opportunity.account.name}${a.opportunity.name}`.localeCompare(`${b.opportunity.account.name}${b.opportunity.name}`));
    body.innerHTML = shown.map(gapRow).join('');
  };

  const load = async () => {
    const connection = (await gql(GAPS, { filter, after })).coverageGaps;
    gaps.push(...connection.edges.map(e => e.node));
    gaps.forEach(g => g.opportunity.account.teamMembers.forEach(t => reps.set(t.key, t.name)));
    page.querySelector('#gap-count').textContent = `${connection.totalCount} warning${connection.totalCount === 1 ? '' : 's'}`;
    after = connection.pageInfo.endCursor;
    more.hidden = !connection.pageInfo.hasNextPage;
    drawGaps();
  };

  const drawRollups = async () => {
    // Complete roll-ups need every warning: fetch the rest of the pages (the coach's portfolio, not the world).
    while (!more.hidden && gaps.length < 2000) await load();
    const rolled = await serverRollups(filter) || {
      byRep: rollUp(gaps, g => g.opportunity.account.teamMembers.map(t => [t.key, t.name])),
      byAccount: rollUp(gaps, g => [[g.opportunity.account.key, `${g.opportunity.account.name} (${g.opportunity.account.key})`]]),
    };
    const picker = page.querySelector('[name=teamMember]');
    const chosen = picker.value;
    picker.innerHTML = `<option value="">every rep</option>${[...reps].sort((a, b) => a[1].localeCompare(b[1]))
      .map(([key, name]) => `<option value="${escapeHtml(key)}"${key === chosen ? ' selected' : ''}>${escapeHtml(name)}</option>`).join('')}`;
    page.querySelector('#rollups').innerHTML = rollupTable('by-rep', 'By rep', rolled.byRep, r => bdi(r.label))
      + rollupTable('by-account', 'By account', rolled.byAccount, r => bdi(r.label));
    page.querySelectorAll('table.rollup').forEach(table => table.querySelectorAll('th.sortable').forEach(th => th.addEventListener('click', () => {
      const rows = [...table.tBodies[0].rows];
      const column = [...th.parentNode.children].indexOf(th);
      rows.sort((a, b) => Number(b.cells[column].textContent) - Number(a.cells[column].textContent));
      table.tBodies[0].append(...rows);
    })));
  };

  page.querySelector('#gap-filter').addEventListener('submit', async event => {
    event.preventDefault();
    const f = new FormData(event.target);
    filter = {
      minSeverity: f.get('minSeverity'), teamMember: f.get('teamMember') || null,
      stages: f.getAll('stages').length ? f.getAll('stages') : null, codes: f.getAll('codes').length ? f.getAll('codes') : null,
    };
    after = null;
    gaps = [];
    await load();
    await drawRollups();
  });
  page.querySelectorAll('#coverage-gaps th.sortable').forEach(th => th.addEventListener('click', () => {
    sort = th.dataset.sort === 'opportunity' ? 'opportunity' : null;
    if (!sort) gaps.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    drawGaps();
  }));
  more.addEventListener('click', load);
  await load();
  await drawRollups();
}
