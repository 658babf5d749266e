// The coach's page: every map-health warning across the portfolio, most severe and largest deals first.
import { gql } from './api.js';
import { SEVERITY_ORDER, escapeHtml, money, words } from './vocabulary.js';
import { setPage } from './page.js';

const GAPS = `query Gaps($filter: CoverageGapFilter, $after: String) {
  coverageGaps(filter: $filter, first: 25, after: $after) {
    totalCount
    edges { node {
      opportunity { id name amount currency stage account { name } }
      severity code message people { name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

function row(gap) {
  const o = gap.opportunity;
  return `<tr class="severity-${gap.severity.toLowerCase()}">
    <td>${gap.severity}</td>
    <td><a href="#/map/${encodeURIComponent(o.id)}">${escapeHtml(o.account.name)}: ${escapeHtml(o.name)}</a>
      <div class="muted">${words(o.stage)} ${money(o.amount, o.currency)}</div></td>
    <td>${escapeHtml(gap.message)}</td>
    <td>${escapeHtml(gap.people.map(p => p.name).join(', '))}</td></tr>`;
}

export async function showCoach() {
  const page = setPage(`<h1>Coverage gaps across the portfolio</h1>
    <form id="gap-filter" class="inline">
      <label>At least <select name="minSeverity">${SEVERITY_ORDER.map(s => `<option${s === 'LOW' ? ' selected' : ''}>${s}</option>`).join('')}</select></label>
      <label>Team member key <input name="teamMember" placeholder="any"></label>
      <button type="submit">Filter</button>
    </form>
    <p id="gap-count" class="muted"></p>
    <table id="coverage-gaps"><thead><tr><th>Severity</th><th>Opportunity</th><th>Gap</th><th>People</th></tr></thead>
      <tbody></tbody></table>
    <button id="more-gaps" hidden>More</button>`, 'coach-page');
  const body = page.querySelector('#coverage-gaps tbody');
  const more = page.querySelector('#more-gaps');
  let filter = { minSeverity: 'LOW' };
  let after = null;
  const load = async () => {
    const gaps = (await gql(GAPS, { filter, after })).coverageGaps;
    body.insertAdjacentHTML('beforeend', gaps.edges.map(e => row(e.node)).join(''));
    page.querySelector('#gap-count').textContent = `${gaps.totalCount} gap${gaps.totalCount === 1 ? '' : 's'}`;
    after = gaps.pageInfo.endCursor;
    more.hidden = !gaps.pageInfo.hasNextPage;
  };
  page.querySelector('#gap-filter').addEventListener('submit', async event => {
    event.preventDefault();
    const f = new FormData(event.target);
    filter = { minSeverity: f.get('minSeverity'), teamMember: f.get('teamMember') || null };
    after = null;
    body.replaceChildren();
    await load();
  });
  more.addEventListener('click', load);
  await load();
}
