// Draws one opportunity's political map with Cytoscape.js: the formal structure as a top-down org chart (laid
// out by dagre), influence lines as arrows weighted by strength, conflict lines in red, TAS badges on each person.
import {
  ADAPTABILITY_LETTERS, COVERAGE_FILL, COVERAGE_SHADE, NO_STATUS_COLOUR, ROLE_LETTERS, ROLES, STATUS_COLOURS,
  STATUS_SYMBOLS,
} from './vocabulary.js';

export const NODE_WIDTH = 178;
export const NODE_HEIGHT = 70;
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

export function elements(map, candidateIds) {
  const nodes = map.people.map(p => {
    const s = p.stakeholder;
    const candidate = candidateIds.has(s.id);
    const badgeLine = badges(p, candidate);
    return {
      group: 'nodes',
      data: {
        id: s.id, key: s.key, name: s.name, title: s.title || '', badges: badgeLine,
        label: `${s.name}\n${s.title || ''}\n${badgeLine}`,
        coverage: p.coverage, status: p.status || 'NONE', roles: p.roles.join(' '),
        adaptability: s.adaptability || '',
        confirmed: s.innerCircle === true, candidate, external: s.external, placeholder: s.placeholder,
      },
    };
  });
  const edges = [
    ...map.reportingLines.map(l => ({
      group: 'edges',
      data: { id: `reports:${l.person.id}`, kind: 'reports', source: l.manager.id, target: l.person.id },
    })),
    ...map.influenceLines.map(l => ({
      group: 'edges',
      data: {
        id: `influence:${l.from.id}>${l.to.id}`, kind: 'influence', source: l.from.id, target: l.to.id,
        strength: l.strength, note: l.note || '',
      },
    })),
    ...map.conflictLines.map(l => ({
      group: 'edges',
      data: {
        id: `conflict:${l.between[0].id}|${l.between[1].id}`, kind: 'conflict',
        source: l.between[0].id, target: l.between[1].id, note: l.note || '',
      },
    })),
  ];
  return [...nodes, ...edges];
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
    selector: 'edge[kind = "influence"]',
    style: {
      'curve-style': 'bezier', 'line-color': INFLUENCE_COLOUR, 'target-arrow-color': INFLUENCE_COLOUR,
      'target-arrow-shape': 'triangle', width: 'mapData(strength, 1, 3, 1.5, 6)', 'arrow-scale': 1.1, opacity: 0.85,
    },
  },
  {
    selector: 'edge[kind = "conflict"]',
    style: {
      'curve-style': 'bezier', 'line-color': CONFLICT_COLOUR, 'line-style': 'dashed', 'line-dash-pattern': [7, 4],
      width: 3, 'source-arrow-shape': 'tee', 'target-arrow-shape': 'tee', 'source-arrow-color': CONFLICT_COLOUR,
      'target-arrow-color': CONFLICT_COLOUR,
    },
  },
  { selector: '.faded', style: { opacity: 0.2 } },
  { selector: 'node.on-path', style: { 'border-color': PATH_COLOUR, 'border-width': 5, opacity: 1 } },
  {
    selector: 'edge.on-path',
    style: {
      'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, width: 7, opacity: 1, 'z-index': 10,
    },
  },
];

/** dagre's layered layout of the formal structure, handed to Cytoscape as fixed positions. */
export function orgChartPositions(cy) {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  cy.nodes().forEach(n => graph.setNode(n.id(), { width: NODE_WIDTH, height: NODE_HEIGHT }));
  cy.edges('[kind = "reports"]').forEach(e => graph.setEdge(e.source().id(), e.target().id()));
  dagre.layout(graph);
  const positions = {};
  graph.nodes().forEach(id => {
    const { x, y } = graph.node(id);
    positions[id] = { x, y };
  });
  return positions;
}

export function drawMap(container, map, candidateIds) {
  const cy = cytoscape({
    container, elements: elements(map, candidateIds), style: STYLE, wheelSensitivity: 0.3,
    boxSelectionEnabled: false, autoungrabify: false, layout: { name: 'null' },
  });
  const positions = orgChartPositions(cy);
  cy.layout({ name: 'preset', positions: node => positions[node.id()], fit: true, padding: 30 }).run();
  return cy;
}

/** Highlights a route (a list of person ids) and fades the rest of the map. */
export function highlightPath(cy, personIds) {
  clearHighlight(cy);
  if (!personIds || personIds.length === 0) return;
  cy.elements().addClass('faded');
  personIds.forEach((id, i) => {
    cy.getElementById(id).removeClass('faded').addClass('on-path');
    if (i > 0) cy.getElementById(`influence:${personIds[i - 1]}>${id}`).removeClass('faded').addClass('on-path');
  });
}

export function clearHighlight(cy) {
  cy.elements().removeClass('faded on-path');
}
