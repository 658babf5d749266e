// The history of one opportunity's map: its changes in plain words with who and when, a time slider that redraws
// the map as it was, and a person's status and coverage over time.
import { gql } from './api.js';
import { drawMap } from './map-view.js';
import { DRAWN_FIELDS } from './map-request.js';
import { COVERAGES, STATUSES, escapeHtml, words } from './vocabulary.js';
import { routeNow, say, setPage, superseded } from './page.js';
import { bdi } from './workspace-kit.js';
import { chartsLibrary } from './libraries.js';

const MAP_FIELDS = `
    account { key name version }
    opportunity { id key name stage }${DRAWN_FIELDS}`;

const NOW = `query Now($o: ID!) { politicalMap(opportunity: $o) { ${MAP_FIELDS} } }`;
const AS_OF = `query AsOf($o: ID!, $at: DateTime) { politicalMap(opportunity: $o, asOf: $at) { ${MAP_FIELDS} } }`;
const CHANGES = `query Changes($o: ID!, $from: DateTime, $to: DateTime, $after: String) {
  changes(opportunity: $o, from: $from, to: $to, first: 100, after: $after) {
    totalCount
    edges { node { version at by changes { description kind item } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const TREND = `query Trend($s: ID!, $o: ID) { stakeholderTrend(stakeholder: $s, opportunity: $o) { at by status coverage } }`;

const when = at => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export async function showHistory(opportunityId) {
  const route = routeNow();
  const now = (await gql(NOW, { o: opportunityId })).politicalMap;
  if (superseded(route)) return;
  if (!now) throw new Error('There is no such opportunity');
  const people = now.people.map(p => p.stakeholder).sort((a, b) => a.name.localeCompare(b.name));
  const page = setPage(`
    <div class="map-head"><div><h1>History: ${bdi(now.account.name)}: ${bdi(now.opportunity.name)}</h1>
      <div class="muted">Every change, who made it and when. Move the slider to see the map as it was.</div></div>
      <div class="toolbar"><a class="button" href="#/map/${encodeURIComponent(opportunityId)}">Back to the map</a></div></div>
    <div class="history-slider card"><label for="as-of">Map as of</label>
      <input type="range" id="as-of" min="0" max="0" value="0"> <span id="as-of-label"></span></div>
    <div class="map-body">
      <div id="cy" aria-label="the political map as it was"></div>
      <aside id="panel">
        <form id="history-filter">
          <label>Person <select name="person"><option value="">everyone</option>${people.map(p =>
            `<option value="${escapeHtml(p.id)}">${escapeHtml(p.name)}</option>`).join('')}</select></label>
          <label>From <input type="date" name="from"></label>
          <label>To <input type="date" name="to"></label>
        </form>
        <div id="trend" class="trend-chart" hidden></div>
        <p id="change-count" class="muted small"></p>
        <ol id="changes" class="changes"></ol>
      </aside>
    </div>`, 'map-page history-page');
  const slider = page.querySelector('#as-of');
  const label = page.querySelector('#as-of-label');
  let sets = [];
  let cy = null;

  const draw = async index => {
    const set = sets[index];
    const latest = index === sets.length - 1;
    const map = latest ? now : (await gql(AS_OF, { o: opportunityId, at: set.at })).politicalMap;
    if (cy) cy.destroy();
    cy = await drawMap(page.querySelector('#cy'), map, new Set(), {});
    window.politicalMap = cy;
    label.textContent = set ? `${when(set.at)} (version ${set.version}, by ${set.by})${latest ? ' — now' : ''}` : 'now';
    document.body.dataset.mapAsOf = set ? String(set.version) : 'now';
    page.querySelectorAll('#changes li').forEach(li => li.classList.toggle('future', Number(li.dataset.version) > (set?.version ?? 0)));
  };

  const load = async () => {
    const f = new FormData(page.querySelector('#history-filter'));
    const person = f.get('person');
    const variables = { o: opportunityId, from: f.get('from') ? `${f.get('from')}T00:00:00Z` : null, to: f.get('to') || null };
    const found = [];
    let after = null;
    do {
      const connection = (await gql(CHANGES, { ...variables, after })).changes;
      found.push(...connection.edges.map(e => e.node));
      after = connection.pageInfo.hasNextPage && found.length < 1000 ? connection.pageInfo.endCursor : null;
    } while (after);
    const personName = people.find(p => p.id === person)?.name;
    const shown = found.map(set => ({ ...set, changes: person ? set.changes.filter(c => c.item.includes(person)
      || (personName && c.description.includes(personName))) : set.changes })).filter(set => set.changes.length);
    page.querySelector('#change-count').textContent = `${shown.length} change${shown.length === 1 ? '' : 's'}`;
    page.querySelector('#changes').innerHTML = shown.map(set => `<li data-version="${set.version}">
      <div class="muted small">${when(set.at)} · ${bdi(set.by)} · version ${set.version}</div>
      <ul>${set.changes.slice(0, 12).map(c => `<li>${bdi(c.description)}</li>`).join('')}${set.changes.length > 12
        ? `<li class="muted">… and ${set.changes.length - 12} more</li>` : ''}</ul></li>`).join('')
      || '<li class="muted">No change matches.</li>';
    // The slider moves through every version of the map; a new filter keeps the moment already chosen.
    const chosen = sets[Number(slider.value)]?.version;
    sets = found.slice().sort((a, b) => a.version - b.version);
    slider.max = String(Math.max(sets.length - 1, 0));
    const at = sets.findIndex(set => set.version === chosen);
    slider.value = String(at >= 0 ? at : sets.length - 1);
    await draw(Number(slider.value));
    await trend(person);
  };

  const trend = async person => {
    const box = page.querySelector('#trend');
    box.hidden = !person;
    if (!person) return;
    const [trendData, echarts] = await Promise.all([gql(TREND, { s: person, o: opportunityId }), chartsLibrary()]);
    const points = trendData.stakeholderTrend;
    const statusLevel = s => (s ? STATUSES.length - STATUSES.indexOf(s) : null);
    // Each value holds until the next change: carried on to now, a person changed once still draws a line.
    const until = points.length ? [...points, { ...points[points.length - 1], at: new Date().toISOString() }] : points;
    echarts.getInstanceByDom(box)?.dispose();
    const chart = echarts.init(box);
    chart.setOption({
      title: { text: `${people.find(p => p.id === person).name}: status and coverage`, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 18, data: ['status', 'coverage'] },
      grid: { left: 90, right: 70, top: 50, bottom: 28 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', min: 0, max: 5, interval: 1,
        axisLabel: { formatter: v => (v >= 1 ? words(STATUSES[STATUSES.length - v]) : '') } },
      // Coverage has its own scale on the right: on the status scale "in depth" would read as "supporter".
      { type: 'value', min: 0, max: COVERAGES.length, interval: 1, splitLine: { show: false },
        axisLabel: { formatter: v => (v >= 1 ? words(COVERAGES[v - 1]) : '') } }],
      series: [
        { name: 'status', type: 'line', step: 'end', showSymbol: true, symbolSize: 7,
          data: until.map(p => [p.at, statusLevel(p.status)]) },
        { name: 'coverage', type: 'line', step: 'end', showSymbol: true, symbolSize: 7, lineStyle: { type: 'dashed' },
          yAxisIndex: 1,
          data: until.map(p => [p.at, COVERAGES.indexOf(p.coverage) + 1]) },
      ],
    });
    box.dataset.points = String(points.length);
  };

  slider.addEventListener('change', () => draw(Number(slider.value)).catch(error => say(error.message, 'error')));
  page.querySelector('#history-filter').addEventListener('change', () => load().catch(error => say(error.message, 'error')));
  await load();
}
