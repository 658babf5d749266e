// Charts of one opportunity: rank against computed influence (the TAS 5 x 5 chart with its three bands), our
// coverage by department, and the map health warnings.
import { gql } from './api.js';
import { BAND_COLOURS, BAND_NAMES, COVERAGES, SEVERITY_ORDER, escapeHtml, words } from './vocabulary.js';
import { routeNow, setPage, superseded } from './page.js';
import { chartsLibrary } from './libraries.js';

const CHARTS = `query Charts($o: ID!, $a: ID!) {
  politicalMap(opportunity: $o) {
    account { name }
    opportunity { id name }
    people { stakeholder { id name department } coverage }
  }
  innerCircle(account: $a) {
    chart { person { id name } rank formalLevel computedLevel judgedInfluence band }
  }
  mapHealth(opportunity: $o) { asOf staleAfterDays warnings { severity code message people { name } } }
}`;

const COVERAGE_COLOURS = { NONE: '#e4e4e4', BRIEF: '#c6dbef', MULTIPLE: '#6baed6', IN_DEPTH: '#2171b5' };

/** People sharing a cell of the 5 x 5 grid are stacked inside it, labels alternating sides, so every name reads. */
function spread(points) {
  const cells = new Map();
  points.forEach(p => {
    const cell = `${p.formalLevel}/${p.computedLevel}`;
    cells.set(cell, [...(cells.get(cell) || []), p]);
  });
  return points.map(p => {
    const mates = cells.get(`${p.formalLevel}/${p.computedLevel}`);
    const i = mates.indexOf(p);
    const n = mates.length;
    const dy = n > 1 ? 0.36 - (0.72 * i) / (n - 1) : 0;
    const dx = n > 1 ? (i % 2 === 0 ? -0.12 : 0.12) : 0;
    return { ...p, x: p.formalLevel + dx, y: p.computedLevel + dy, labelSide: n > 1 && i % 2 === 0 ? 'left' : 'right' };
  });
}

const axis = name => ({
  name, nameLocation: 'middle', nameGap: 30, min: 0.5, max: 5.5,
  // Cells centred on the levels: grid lines between them, a label under each level.
  splitNumber: 5, interval: 1, axisLabel: { show: false }, axisTick: { show: false }, splitLine: { show: true },
});

function rankInfluenceOption(chart) {
  const placed = spread(chart.filter(p => p.formalLevel != null));
  const series = Object.keys(BAND_NAMES).map(band => ({
    name: BAND_NAMES[band], type: 'scatter', symbolSize: 13, itemStyle: { color: BAND_COLOURS[band] },
    label: { show: true, formatter: p => p.data.name, fontSize: 11 },
    data: placed.filter(p => p.band === band).map(p => ({
      name: p.person.name, value: [p.x, p.y], label: { position: p.labelSide },
    })),
  }));
  series[0].markLine = {
    silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' },
    label: { formatter: 'influence = rank', position: 'end' },
    data: [[{ coord: [0.5, 0.5] }, { coord: [5.5, 5.5] }]],
  };
  // Level numbers in the middle of each cell (the axes' own labels would sit on the cell borders).
  const levels = [1, 2, 3, 4, 5];
  series.push({
    type: 'scatter', silent: true, symbolSize: 0, legendHoverLink: false, tooltip: { show: false },
    label: { show: true, formatter: p => p.data.text, color: '#555', fontSize: 12 },
    data: [
      ...levels.map(l => ({ value: [l, 0.5], text: String(l), label: { position: 'bottom' } })),
      ...levels.map(l => ({ value: [0.5, l], text: String(l), label: { position: 'left' } })),
    ],
  });
  return {
    animation: false,
    legend: { top: 0, data: Object.values(BAND_NAMES) },
    grid: { left: 55, right: 110, top: 40, bottom: 55 },
    tooltip: { formatter: p => `${escapeHtml(p.data.name)}<br>${p.seriesName}` },
    xAxis: { ...axis('Formal rank'), nameGap: 32 },
    yAxis: { ...axis('Computed influence'), nameGap: 32 },
    series,
  };
}

function coverageOption(people) {
  const departments = [...new Set(people.map(p => p.stakeholder.department || 'No department'))].sort();
  return {
    animation: false,
    legend: { top: 0 },
    grid: { left: 150, right: 30, top: 40, bottom: 50 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: 'people', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'category', data: departments },
    series: COVERAGES.map(c => ({
      name: words(c), type: 'bar', stack: 'coverage', itemStyle: { color: COVERAGE_COLOURS[c] },
      data: departments.map(d => people.filter(p => (p.stakeholder.department || 'No department') === d
        && p.coverage === c).length),
    })),
  };
}

function warningsTable(health) {
  const warnings = [...health.warnings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  if (!warnings.length) return '<p id="no-warnings">No warning: the map looks healthy.</p>';
  return `<table id="health-warnings"><thead><tr><th>Severity</th><th>Warning</th><th>People</th></tr></thead><tbody>
    ${warnings.map(w => `<tr class="severity-${w.severity.toLowerCase()}"><td>${w.severity}</td>
      <td>${escapeHtml(w.message)}</td><td>${escapeHtml(w.people.map(p => p.name).join(', '))}</td></tr>`).join('')}
    </tbody></table>`;
}

export async function showCharts(opportunityId) {
  const route = routeNow();
  const account = opportunityId.split('/')[0];
  const [data, echarts] = await Promise.all([gql(CHARTS, { o: opportunityId, a: account }), chartsLibrary()]);
  if (superseded(route)) return;
  if (!data.politicalMap) throw new Error(`There is no opportunity ${opportunityId}`);
  const map = data.politicalMap;
  const page = setPage(`
    <div class="map-head"><div><h1>${escapeHtml(map.account.name)}: ${escapeHtml(map.opportunity.name)}</h1>
      <div class="muted">Charts</div></div>
      <div class="toolbar"><a class="button" href="#/map/${encodeURIComponent(opportunityId)}">Political map</a></div></div>
    <div class="charts">
      <section class="card"><h2>Rank vs influence</h2><div id="rank-influence-chart" class="chart"></div></section>
      <section class="card"><h2>Coverage by department</h2><div id="coverage-chart" class="chart"></div></section>
      <section class="card wide"><h2>Map health</h2>
        <p class="muted">As of ${data.mapHealth.asOf}; contact older than ${data.mapHealth.staleAfterDays} days is stale.</p>
        ${warningsTable(data.mapHealth)}</section>
    </div>`, 'charts-page');
  const rankChart = echarts.init(page.querySelector('#rank-influence-chart'), null, { renderer: 'canvas' });
  rankChart.setOption(rankInfluenceOption(data.innerCircle?.chart || []));
  const coverageChart = echarts.init(page.querySelector('#coverage-chart'), null, { renderer: 'canvas' });
  coverageChart.setOption(coverageOption(map.people));
  window.charts = { rankChart, coverageChart };
}
