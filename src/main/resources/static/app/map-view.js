// Draws one opportunity's political map with Cytoscape.js: the formal structure as a compact top-down org chart
// (map-layout.js; in a Web Worker for big maps), external people in a band beside it, influence lines as arrows
// weighted by strength and bent around the boxes they would pass under, conflict lines in red, TAS badges on each
// person. Navigation (search, focus, filters, collapse, minimap, shortcuts) is in map-navigation.js.
import {
  BOX_HEIGHT, BOX_WIDTH, MAX_BENT_LINES, bendsAvoidingBoxes, curvesOf, placeMap, reportingLineBends, viewFor,
} from './map-layout.js';
import {
  LINES_ON_DEMAND_FROM, LinesOnDemand, addInSlices, drawLinesOnDemand, influenceLineId, linesOnDemand, nextFrame,
} from './map-lines.js';
import {
  ADAPTABILITY_LETTERS, COVERAGE_FILL, COVERAGE_SHADE, NO_STATUS_COLOUR, ROLE_LETTERS, ROLES, STATUS_COLOURS,
  STATUS_SYMBOLS,
} from './vocabulary.js';

export const NODE_WIDTH = BOX_WIDTH;
export const NODE_HEIGHT = BOX_HEIGHT;
export const CONFIRMED_COLOUR = '#c88a00';
export const CANDIDATE_COLOUR = '#7b3fb0';
export const INFLUENCE_COLOUR = '#2f6fbd';
export const CONFLICT_COLOUR = '#c0262d';
export const REPORTS_COLOUR = '#6b6b6b';
export const PATH_COLOUR = '#ff8c00';

/** The badge line of a person: buying roles, adaptability letter, status symbol, Inner Circle marks. */
export function badges(person, candidate) {
  const roles = ROLES.filter(r => person.roles.includes(r)).map(r => ROLE_LETTERS[r]).join(' ') || '·';
  const adaptability = ADAPTABILITY_LETTERS[person.stakeholder.adaptability] || '?';
  const status = STATUS_SYMBOLS[person.status] || '?';
  const marks = (person.stakeholder.innerCircle === true ? ' ★' : '') + (candidate ? ' ☆' : '');
  return `${roles} | ${adaptability} | ${status}${marks}`;
}

/** Buying roles that make a key player (as the analysis counts them). */
export const KEY_ROLES = ['DECISION_MAKER', 'APPROVER', 'SPONSOR'];

/**
 * Moves the ☆ marks of a drawn map to another set of candidates, in place: the Inner Circle of the same map, current
 * at last. Only the people drawn change; one inside a folded chain shows it when the chain is unfolded or redrawn.
 */
export function markCandidates(cy, map, candidateIds) {
  const people = new Map(map.people.map(p => [p.stakeholder.id, p]));
  cy.batch(() => cy.nodes().forEach(node => {
    const p = people.get(node.id());
    const candidate = candidateIds.has(node.id());
    if (!p || node.data('candidate') === candidate) return;
    node.data(marks(p, candidate));
  }));
}

/** What a node shows and is filtered by that depends on whether its person is an Inner Circle candidate. */
function marks(p, candidate) {
  const badgeLine = badges(p, candidate);
  return {
    candidate, badges: badgeLine, label: `${p.stakeholder.name}\n${p.stakeholder.title || ''}\n${badgeLine}`,
    keyPlayer: candidate || p.stakeholder.innerCircle === true || p.roles.some(r => KEY_ROLES.includes(r)),
  };
}

export function elements(map, candidateIds) {
  const reportsTo = new Map(map.reportingLines.map(l => [l.person.id, l.manager.id]));
  const nodes = map.people.map(p => {
    const s = p.stakeholder;
    return {
      group: 'nodes',
      data: {
        id: s.id, key: s.key, name: s.name, title: s.title || '',
        coverage: p.coverage, status: p.status || 'NONE', roles: p.roles.join(' '),
        adaptability: s.adaptability || '',
        confirmed: s.innerCircle === true, external: s.external, placeholder: s.placeholder,
        department: s.department || '', manager: s.reportsTo?.id || reportsTo.get(s.id) || null,
        ...marks(p, candidateIds.has(s.id)),
      },
    };
  });
  const reports = map.reportingLines.map(l => ({
    group: 'edges',
    data: { id: `reports:${l.person.id}`, kind: 'reports', source: l.manager.id, target: l.person.id },
  }));
  return [...nodes, ...reports, ...lineElements(map)];
}

/** The influence and conflict lines of the map as Cytoscape edges. */
function lineElements(map) {
  return [
    ...map.influenceLines.map(l => ({
      group: 'edges',
      data: {
        id: influenceLineId(l.from.id, l.to.id), kind: 'influence', source: l.from.id, target: l.to.id,
        strength: l.strength, note: l.note || '', bend: 0,
      },
    })),
    ...map.conflictLines.map(l => ({
      group: 'edges',
      data: {
        id: `conflict:${l.between[0].id}|${l.between[1].id}`, kind: 'conflict',
        source: l.between[0].id, target: l.between[1].id, note: l.note || '', bend: 0,
      },
    })),
  ];
}

function coverageStyle(coverage) {
  const fill = COVERAGE_FILL[coverage];
  return {
    selector: `node[coverage = "${coverage}"]`,
    style: {
      'background-fill': 'linear-gradient',
      'background-gradient-direction': 'to-top',
      'background-gradient-stop-colors': `${COVERAGE_SHADE} ${COVERAGE_SHADE} #ffffff #ffffff`,
      'background-gradient-stop-positions': `0% ${fill}% ${fill}% 100%`,
    },
  };
}

const STYLE = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle', width: NODE_WIDTH, height: NODE_HEIGHT, 'background-color': '#ffffff',
      'border-width': 3, 'border-color': NO_STATUS_COLOUR,
      label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': NODE_WIDTH - 12, 'text-valign': 'center',
      'text-halign': 'center', 'font-size': 11, 'font-family': 'DejaVu Sans, Arial, sans-serif', color: '#1d1d1d',
      'line-height': 1.35,
    },
  },
  ...Object.keys(COVERAGE_FILL).map(coverageStyle),
  ...Object.entries(STATUS_COLOURS).map(([status, colour]) => ({
    selector: `node[status = "${status}"]`, style: { 'border-color': colour },
  })),
  { selector: 'node[?external]', style: { shape: 'cut-rectangle' } },
  { selector: 'node[?placeholder]', style: { 'border-style': 'dashed' } },
  {
    selector: 'node[?candidate]',
    style: { 'outline-width': 4, 'outline-color': CANDIDATE_COLOUR, 'outline-style': 'dashed', 'outline-offset': 3 },
  },
  {
    selector: 'node[?confirmed]',
    style: { 'outline-width': 5, 'outline-color': CONFIRMED_COLOUR, 'outline-style': 'solid', 'outline-offset': 3 },
  },
  { selector: 'node:selected', style: { 'overlay-color': '#2f6fbd', 'overlay-opacity': 0.12, 'overlay-padding': 6 } },
  {
    selector: 'edge[kind = "reports"]',
    style: {
      'curve-style': 'taxi', 'taxi-direction': 'downward', width: 1.5, 'line-color': REPORTS_COLOUR,
      'target-arrow-shape': 'none',
    },
  },
  {
    // Along the org chart's spines and buses: bends at absolute points, given relative to the two box centres.
    selector: 'edge[kind = "reports"][?routed]',
    style: {
      'curve-style': 'segments', 'edge-distances': 'node-position', 'segment-distances': 'data(distances)',
      'segment-weights': 'data(weights)', 'segment-radius': 0,
    },
  },
  {
    selector: 'edge[kind = "influence"]',
    style: {
      'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(bend)', 'control-point-weights': 0.5,
      'edge-distances': 'node-position', 'line-color': INFLUENCE_COLOUR, 'target-arrow-color': INFLUENCE_COLOUR,
      'target-arrow-shape': 'triangle', width: 'mapData(strength, 1, 3, 1.5, 6)', 'arrow-scale': 1.1, opacity: 0.85,
    },
  },
  {
    selector: 'edge[kind = "conflict"]',
    style: {
      'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(bend)', 'control-point-weights': 0.5,
      'edge-distances': 'node-position', 'line-color': CONFLICT_COLOUR, 'line-style': 'dashed', 'line-dash-pattern': [7, 4],
      width: 3, 'source-arrow-shape': 'tee', 'target-arrow-shape': 'tee', 'source-arrow-color': CONFLICT_COLOUR,
      'target-arrow-color': CONFLICT_COLOUR,
    },
  },
  { selector: '.faded', style: { opacity: 0.2 } },
  // Selecting a person: their incoming and outgoing lines stand out, the rest fades.
  { selector: '.dimmed', style: { opacity: 0.12 } },
  { selector: 'edge.incoming', style: { 'line-color': '#0f8a5f', 'target-arrow-color': '#0f8a5f', opacity: 1, 'z-index': 9 } },
  { selector: 'edge.outgoing', style: { 'line-color': '#b4009e', 'target-arrow-color': '#b4009e', opacity: 1, 'z-index': 9 } },
  {
    selector: 'edge[kind = "chain"]',
    style: {
      'curve-style': 'taxi', 'taxi-direction': 'downward', width: 1.5, 'line-color': REPORTS_COLOUR,
      'line-style': 'dashed', 'target-arrow-shape': 'none', label: e => `⋮ ${e.data('skipped')}`, 'font-size': 11,
      color: REPORTS_COLOUR, 'text-background-color': '#ffffff', 'text-background-opacity': 1,
      'text-background-padding': 2,
    },
  },
  {
    selector: 'edge[kind = "chain"][?routed]',
    style: {
      'curve-style': 'segments', 'edge-distances': 'node-position', 'segment-distances': 'data(distances)',
      'segment-weights': 'data(weights)', 'segment-radius': 0,
    },
  },
  {
    // Lines drawn by the thousand, too many to bend around boxes: haystack lines, straight, centre to centre, which
    // Cytoscape places without intersecting each line with its boxes, the cheapest lines it draws. They carry no
    // arrowhead; at that size the lines are a texture, and a selected person's lines still show their direction
    // by colour (incoming green, outgoing purple).
    selector: 'edge.texture', style: { 'curve-style': 'haystack', 'haystack-radius': 0 },
  },
  { selector: '.filtered, .collapsed-away, .folded', style: { display: 'none' } },
  {
    selector: 'node.collapsed',
    style: { 'border-style': 'double', 'border-width': 6, label: (n) => `${n.data('label')}  ⊕ +${n.data('hiddenCount')}` },
  },
  { selector: 'node.search-hit', style: { 'overlay-color': '#ffbf00', 'overlay-opacity': 0.35, 'overlay-padding': 8 } },
  { selector: 'node.on-path', style: { 'border-color': PATH_COLOUR, 'border-width': 5, opacity: 1 } },
  {
    selector: 'edge.on-path',
    style: {
      'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, width: 7, opacity: 1, 'z-index': 10,
    },
  },
];

/**
 * Big maps, styled once before anything is drawn (restyling thousands of elements afterwards costs a frozen
 * frame): no label too small to read.
 */
function bigStyle() {
  return [...STYLE, { selector: 'node', style: { 'min-zoomed-font-size': 7 } }];
}

/** Above this many people the layout runs in a Web Worker, and Cytoscape draws a cheaper picture while moving. */
export const BIG_MAP = 300;
/** A focused map of more people than this folds its pass-through managers (see foldChains). */
export const FOLD_FROM = 40;

/**
 * Folds the managers a focused map draws only to connect a chain: nobody with a buying role, a status or an Inner
 * Circle mark, not external, with a drawn manager and exactly one drawn report. In a deep organisation the deal's
 * people sit six to twelve levels under the top, and those middle managers would be most of the boxes. Each folded
 * chain becomes one dashed line "⋮ 3" from the nearest drawn manager; the folded people stay in the graph, hidden,
 * and come back when searched for, on a route, or with "Show every manager".
 * @returns the ids folded, nearest drawn manager of each shown person whose chain was folded, and levels skipped
 */
export function foldChains(people) {
  const byId = new Map(people.map(n => [n.data.id, n.data]));
  const reportsOf = new Map();
  people.forEach(({ data }) => {
    if (data.manager && byId.has(data.manager)) reportsOf.set(data.manager, (reportsOf.get(data.manager) || 0) + 1);
  });
  const folded = new Set(people.map(n => n.data).filter(d => !d.roles && d.status === 'NONE' && !d.candidate
    && !d.confirmed && !d.external && d.manager && byId.has(d.manager) && reportsOf.get(d.id) === 1).map(d => d.id));
  const chains = {};
  people.forEach(({ data }) => {
    if (folded.has(data.id)) return;
    let m = data.manager;
    let skipped = 0;
    while (m && folded.has(m)) {
      m = byId.get(m).manager;
      skipped++;
    }
    if (skipped) chains[data.id] = { manager: m, skipped };
  });
  return { folded, chains };
}

function layoutInput(people, lines, saved, previous, fold, viewport) {
  const shown = people.filter(n => !fold.folded.has(n.data.id));
  return {
    people: shown.map(n => ({
      id: n.data.id, manager: fold.chains[n.data.id]?.manager || n.data.manager, external: !!n.data.external,
    })),
    lines: lines.filter(e => e.data.kind !== 'reports' && !fold.folded.has(e.data.source) && !fold.folded.has(e.data.target))
      .map(e => ({ id: e.data.id, source: e.data.source, target: e.data.target })),
    saved: saved || {},
    previous: previous || null,
    viewport,
  };
}

let worker = null;

function placeInWorker(input) {
  worker = worker || new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data);
    worker.onerror = event => reject(new Error(`The layout failed: ${event.message}`));
    worker.postMessage(input);
  });
}

/**
 * Bends of a reporting line through absolute points (the spine or bus of the org chart), as Cytoscape's segment
 * weights and distances relative to the line between the two box centres.
 */
function segments(source, target, points) {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const len2 = dx * dx + dy * dy || 1;
  const len = Math.sqrt(len2);
  return {
    weights: points.map(p => ((p.x - source.x) * dx + (p.y - source.y) * dy) / len2),
    distances: points.map(p => ((p.x - source.x) * -dy + (p.y - source.y) * dx) / len),
  };
}

/**
 * Routes reporting lines of boxes the layout placed (not those the rep dragged) along spines and buses: a function
 * giving the data that routes one line from its manager (at m) to the person (at p), or leaves it unrouted.
 */
function reportingRouter(placement) {
  const moved = new Set(placement.moved || []);
  return (manager, person, m, p) => {
    const route = placement.edges[person];
    if (!route || !m || !p || moved.has(manager) || moved.has(person)) return { routed: false };
    return { routed: true, ...segments(m, p, reportingLineBends(m, p, route)) };
  };
}

/** Routes these reporting lines of the map (see reportingRouter). */
function routeReportingLines(cy, route, lines) {
  cy.batch(() => lines.forEach(e => {
    e.data(route(e.source().id(), e.target().id(), e.source().position(), e.target().position()));
  }));
}

/**
 * Draws the map. Positions: the org chart, overridden by {@code options.saved} (the rep's saved positions) and,
 * when redrawing after an edit, by {@code options.previous} (where the boxes were), so an edit moves nothing else.
 * With {@code options.linesOnDemand}, a big map of thousands of influence lines draws them on demand (map-lines.js).
 */
export async function drawMap(container, map, candidateIds, options = {}) {
  const big = map.people.length > BIG_MAP;
  const folding = options.fold && map.people.length > FOLD_FROM;
  const phases = new Phases();
  const all = elements(map, candidateIds);
  const people = all.filter(e => e.group === 'nodes');
  const lines = all.filter(e => e.group === 'edges');
  // Which managers fold is read from the people alone; the picture is built once the boxes have their places, so
  // nothing is drawn twice.
  const fold = folding ? foldChains(people) : { folded: new Set(), chains: {} };
  const viewport = { w: container.clientWidth, h: container.clientHeight };
  const input = layoutInput(people, lines, options.saved, options.previous, fold, viewport);
  phases.end('prepare');
  const layoutStart = performance.now();
  const placement = big ? await placeInWorker(input) : placeMap(input);
  // For the browser tests and anyone profiling: how long the last layout took.
  document.body.dataset.mapLayoutMs = String(Math.round(performance.now() - layoutStart));
  phases.end('layout');
  people.forEach(n => {
    if (placement.positions[n.data.id]) n.position = { ...placement.positions[n.data.id] };
  });
  lines.forEach(e => {
    if (e.data.kind !== 'reports') e.data.bend = placement.bends[e.data.id] || 0;
  });
  const route = reportingRouter(placement);
  const chains = Object.entries(fold.chains).map(([id, chain]) => ({
    group: 'edges',
    data: { id: `chain:${id}`, kind: 'chain', source: chain.manager, target: id, skipped: chain.skipped },
  }));
  const cy = cytoscape({
    container, elements: [], style: big ? bigStyle() : STYLE, wheelSensitivity: 0.3,
    boxSelectionEnabled: false, autoungrabify: false, layout: { name: 'null' }, minZoom: 0.02, maxZoom: 3,
    // Big maps: a cached picture while panning and zooming, and no labels too small to read.
    textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : 'auto',
  });
  placeFolded(people, fold);
  if (!big) {
    // The folded people, and every line that touches one, are made but kept out of the graph until unfolded:
    // hidden in it, they still cost Cytoscape their style. On the 2,000-person account's deal (149 of 233 people
    // folded, 428 of 555 lines touching one) the first picture came about 0.2 s sooner without them (measured in
    // Chromium here); adding them and then removing them cost 0.1 s of that back.
    const away = e => fold.folded.has(e.data.id) || fold.folded.has(e.data.source) || fold.folded.has(e.data.target);
    cy.batch(() => cy.add([...people, ...chains, ...lines].filter(e => !away(e))));
    if (fold.folded.size) cy.scratch(STOWED, cy.collection([...people, ...lines].filter(away), { removed: true }));
  } else {
    // Boxes, then lines, in slices a frame apart: adding thousands at once would freeze the page for seconds; a
    // slice at a time it keeps answering and shows the boxes sooner. The view is set for the whole map first.
    cy.viewport(viewFor(people.filter(n => n.position).map(n => n.position), [], cy.width(), cy.height(),
      cy.minZoom(), cy.maxZoom()));
    people.forEach(n => {
      if (fold.folded.has(n.data.id)) n.classes = 'folded';
    });
    for (let i = 0; i < people.length; i += BOXES_PER_FRAME) {
      if (i > 0) await nextFrame();
      cy.batch(() => cy.add(people.slice(i, i + BOXES_PER_FRAME)));
    }
    cy.add(chains);
    phases.end('boxes');
    // Routed before they are added, so that each is styled once, in its slice: routing them afterwards would restyle
    // them all in the frame of the first picture.
    const places = new Map(people.map(n => [n.data.id, n.position]));
    const reports = lines.filter(e => e.data.kind === 'reports').map(e => ({
      ...e, data: { ...e.data, ...route(e.data.source, e.data.target, places.get(e.data.source),
        places.get(e.data.target)) },
    }));
    await addInSlices(cy, reports, REPORTING_LINES_PER_FRAME);
    const influence = lines.filter(e => e.data.kind !== 'reports');
    // A map of thousands of influence lines draws them on demand (map-lines.js), on the page that offers it.
    if (options.linesOnDemand && influence.length > LINES_ON_DEMAND_FROM) {
      drawLinesOnDemand(cy, new LinesOnDemand(influence));
    } else {
      if (influence.length > MAX_BENT_LINES) influence.forEach(e => { e.classes = 'texture'; });
      await addInSlices(cy, influence);
    }
  }
  phases.end('lines');
  // A big map's reporting lines came routed; its chains (a folded focus) are routed here.
  routeReportingLines(cy, route, cy.edges(big ? '[kind = "chain"]' : '[kind = "reports"], [kind = "chain"]'));
  phases.end('route');
  // A big map's view was fitted to its boxes before they were added: fitting it again would measure the bounds of
  // every label and line (2.5 s for a whole account of 2,000 people), only to find the same view.
  if (!big) fitView(cy);
  // The first full picture is drawn in the next frame.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    phases.end('first picture');
    // For the browser tests: when the picture was first on screen (mapDrawnAt is when the map was ready to use,
    // which on big maps comes seconds before Cytoscape has painted it).
    document.body.dataset.mapPaintedAt = String(Math.round(performance.now()));
    document.body.dataset.mapPhases = phases.toString();
  }));
  document.body.dataset.mapPhases = phases.toString();
  return cy;
}

/**
 * Boxes and reporting lines a big map adds per frame while it is being built (influence lines: map-lines.js). Each
 * box costs about 0.5 ms to style and measure and each routed reporting line about 0.7 ms, and each frame also draws
 * what is there so far: slices of 400 keep every frame of a whole account of 2,000 people under half a second, at
 * the cost of drawing it ten times over (about 0.3 s in all).
 */
const BOXES_PER_FRAME = 400;
const REPORTING_LINES_PER_FRAME = 400;

/** Fits the view to the visible boxes and lines (see viewFor). */
export function fitView(cy) {
  const edges = cy.edges('[kind = "influence"], [kind = "conflict"]').filter(e => e.visible() && e.data('bend'));
  const curves = curvesOf(edges.map(e => ({
    s: e.source().position(), t: e.target().position(), bend: e.data('bend'),
  })));
  cy.viewport(viewFor(cy.nodes(':visible').map(n => n.position()), curves, cy.width(), cy.height(), cy.minZoom(),
    cy.maxZoom()));
}

/** How long each step of the last drawing took (for the browser tests and anyone profiling a big map). */
class Phases {
  constructor() {
    this.last = performance.now();
    this.steps = [];
  }

  end(name) {
    const now = performance.now();
    this.steps.push(`${name} ${Math.round(now - this.last)}`);
    this.last = now;
  }

  toString() {
    return this.steps.join(', ');
  }
}

/** Folded people wait evenly spaced on their chain's line, where unfolding one shows them. */
function placeFolded(people, fold) {
  const byId = new Map(people.map(n => [n.data.id, n]));
  Object.entries(fold.chains).forEach(([id, chain]) => {
    const top = byId.get(chain.manager)?.position;
    const bottom = byId.get(id).position;
    if (!top || !bottom) return;
    let m = byId.get(id).data.manager;
    for (let i = 1; m && fold.folded.has(m); i++) {
      const u = 1 - i / (chain.skipped + 1);
      byId.get(m).position = { x: top.x + u * (bottom.x - top.x), y: top.y + u * (bottom.y - top.y) };
      m = byId.get(m).data.manager;
    }
  });
}

/**
 * Where a small map keeps its folded people and the lines that touch them, made but out of the graph (big maps keep
 * them in it, hidden: their influence lines are drawn on demand by id, map-lines.js).
 */
const STOWED = 'innercircle.folded';

/** The folded people kept out of the drawing, for search and counts. */
export function foldedAway(cy) {
  const stowed = cy.scratch(STOWED);
  return stowed ? stowed.nodes().filter(n => n.removed()) : cy.collection();
}

/** Shows a folded person again (searched for, on a highlighted route) in their place on the chain. */
export function unfold(cy, id) {
  const stowed = cy.scratch(STOWED);
  const away = stowed ? stowed.getElementById(id) : cy.collection();
  if (away.nonempty() && away.removed()) {
    cy.batch(() => {
      away.restore();
      // Their lines to people in the drawing (others come back with the person at their other end).
      stowed.edges().filter(e => e.removed() && cy.getElementById(e.data('source')).nonempty()
        && cy.getElementById(e.data('target')).nonempty()).restore();
    });
  }
  const node = cy.getElementById(id);
  if (node.hasClass('folded')) node.removeClass('folded');
}

/** Bends the influence and conflict lines at these boxes again, after the rep moved some. */
export function rebend(cy, nodes) {
  const positions = {};
  cy.nodes(':visible').forEach(n => { positions[n.id()] = n.position(); });
  const lines = nodes.connectedEdges('[kind != "reports"]')
    .map(e => ({ id: e.id(), source: e.source().id(), target: e.target().id() }));
  const bends = bendsAvoidingBoxes(positions, lines);
  cy.batch(() => Object.entries(bends).forEach(([id, bend]) => cy.getElementById(id).data('bend', bend)));
  nodes.connectedEdges('[kind = "reports"]').data('routed', false);
}

/** Highlights a route (a list of person ids) and fades the rest of the map. */
export function highlightPath(cy, personIds) {
  clearHighlight(cy);
  if (!personIds || personIds.length === 0) return;
  personIds.forEach(id => unfold(cy, id));
  linesOnDemand(cy)?.showRoute(cy, personIds);
  cy.elements().addClass('faded');
  personIds.forEach((id, i) => {
    cy.getElementById(id).removeClass('faded').addClass('on-path');
    if (i > 0) cy.getElementById(influenceLineId(personIds[i - 1], id)).removeClass('faded').addClass('on-path');
  });
}

export function clearHighlight(cy) {
  linesOnDemand(cy)?.hide(cy, 'for-route');
  cy.elements().removeClass('faded on-path');
}
