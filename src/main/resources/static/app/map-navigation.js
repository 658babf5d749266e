// Finding one's way around a big map: the focus (the deal's people, N influence hops wider, or the whole
// account), type-ahead search, zoom and fit, filters, selection highlight, collapsing a manager's subtree, a
// minimap and keyboard shortcuts; and saving the boxes the rep drags.
import { gql } from './api.js';
import { FOCUS_KEY, currentFocus } from './map-request.js';
import { escapeHtml } from './vocabulary.js';
import { fitView, foldedAway, rebend, unfold } from './map-view.js';
import { linesOnDemand } from './map-lines.js';

const SAVE_POSITIONS = `mutation($o: ID!, $p: [MapPositionInput!]!) {
  saveMapPositions(opportunity: $o, positions: $p) { saved }
}`;

/** Maps with more people than this get a minimap. */
export const MINIMAP_FROM = 40;

export const SHORTCUTS = [
  ['/', 'search people'],
  ['+ / −', 'zoom in / out'],
  ['0', 'fit the map'],
  ['c', 'collapse or expand the selected manager'],
  ['d', 'the deal\'s people'],
  ['w', 'one influence hop wider'],
  ['a', 'the whole account'],
  ['l', 'draw all lines (a map that draws them on demand)'],
  ['m', 'fold or show the middle managers of the deal\'s chains'],
  ['Esc', 'clear the selection and highlights'],
];

/** Accounts this small are drawn whole unless the rep chose otherwise: every box fits on the screen anyway. */
export const SMALL_ACCOUNT = 60;

/** True when the deal focus left people out of an account small enough to draw whole (and the rep did not ask). */
export function drawWholeInstead(map, focus) {
  return !focus.chosen && focus.focus === 'DEAL' && map.shape.people <= SMALL_ACCOUNT
    && map.people.length < map.shape.people;
}

function chooseFocus(opportunityId, focus) {
  window.sessionStorage.setItem(FOCUS_KEY(opportunityId), JSON.stringify(focus));
}

const FOLD_KEY = id => `innercircle.fold.${id}`;

/** Whether the deal's map folds its pass-through managers (map-view.foldChains): yes unless the rep said no. */
export function chainsFolded(opportunityId) {
  try {
    return window.sessionStorage.getItem(FOLD_KEY(opportunityId)) !== 'no';
  } catch (ignored) {
    return true;
  }
}

/** Selecting a person: their incoming and outgoing influence (and their conflicts) stand out, the rest fades. */
export function highlightPerson(cy, id) {
  clearPersonHighlight(cy);
  const node = cy.getElementById(id);
  if (node.empty()) return;
  linesOnDemand(cy)?.show(cy, [id]);
  const incoming = node.incomers('edge[kind = "influence"]');
  const outgoing = node.outgoers('edge[kind = "influence"]');
  const conflicts = node.connectedEdges('[kind = "conflict"]');
  const reports = node.connectedEdges('[kind = "reports"], [kind = "chain"]');
  const keep = node.union(incoming).union(outgoing).union(conflicts).union(reports)
    .union(incoming.sources()).union(outgoing.targets()).union(conflicts.connectedNodes()).union(reports.connectedNodes());
  cy.batch(() => {
    cy.elements().not(keep).addClass('dimmed');
    incoming.addClass('incoming');
    outgoing.addClass('outgoing');
  });
}

export function clearPersonHighlight(cy) {
  linesOnDemand(cy)?.hide(cy, 'for-person');
  cy.batch(() => cy.elements().removeClass('dimmed incoming outgoing'));
}

/** Everyone drawn under the manager in the formal structure (reporting lines, and chains over folded managers). */
function subtree(cy, node) {
  return node.successors('edge[kind = "reports"], edge[kind = "chain"]').targets().not('.folded');
}

/** Hides (or shows again) everyone under the manager; the manager's box then shows "+N". */
export function toggleCollapse(cy, id) {
  const node = cy.getElementById(id);
  if (node.empty()) return 0;
  const below = subtree(cy, node);
  if (node.hasClass('collapsed')) {
    cy.batch(() => {
      node.removeClass('collapsed');
      below.removeClass('collapsed-away');
      // A report that is itself collapsed keeps its own subtree hidden.
      below.filter('.collapsed').forEach(n => subtree(cy, n).addClass('collapsed-away'));
    });
    return 0;
  }
  if (below.empty()) return 0;
  cy.batch(() => {
    node.data('hiddenCount', below.length).addClass('collapsed');
    below.addClass('collapsed-away');
  });
  return below.length;
}

/** People whose name, title or department contains every word typed, best (name starts with it) first. */
export function search(cy, text) {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits = cy.nodes().union(foldedAway(cy)).filter(n => {
    const haystack = `${n.data('name')} ${n.data('title')} ${n.data('department')}`.toLowerCase();
    return words.every(w => haystack.includes(w));
  }).toArray();
  const first = words[0];
  hits.sort((a, b) => Number(!a.data('name').toLowerCase().startsWith(first))
    - Number(!b.data('name').toLowerCase().startsWith(first)) || a.data('name').localeCompare(b.data('name')));
  return hits.slice(0, 12);
}

/** Shows the person (expanding a collapsed manager above them if needed), centres and selects them. */
export function reveal(cy, id) {
  unfold(cy, id);
  const node = cy.getElementById(id);
  if (node.empty()) return;
  node.predecessors('node.collapsed').forEach(m => toggleCollapse(cy, m.id()));
  node.removeClass('filtered');
  cy.elements(':selected').unselect();
  node.select();
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 150 });
  node.emit('tap');
}

function applyFilters(cy, filters) {
  cy.batch(() => {
    cy.elements().removeClass('filtered');
    cy.nodes().forEach(n => {
      if ((filters.department && n.data('department') !== filters.department)
        || (filters.keyPlayers && !n.data('keyPlayer'))) n.addClass('filtered');
    });
    filterLines(cy.edges(), filters);
  });
}

/** Marks the lines the filters leave out (also lines drawn later, on demand). */
function filterLines(edges, filters) {
  edges.forEach(e => {
    const kind = e.data('kind') === 'chain' ? 'reports' : e.data('kind');
    if (!filters.kinds.has(kind) || (kind === 'influence' && e.data('strength') < filters.minStrength)) {
      e.addClass('filtered');
    }
  });
}

/** The note and button of a map that draws its lines on demand; empty for the others. */
function linesOnDemandNote(cy) {
  const lines = linesOnDemand(cy);
  if (!lines) return '';
  return `<span class="nav-group" id="lines-on-demand"><span class="muted">${lines.size.toLocaleString('en')} influence
    and conflict lines: select a person to see theirs</span>
    <button id="draw-all-lines" title="Draw every line: slower to draw and to move (l)">Draw all lines</button></span>`;
}

/** A small overview of the whole map with the visible part framed; a click there centres the map on it. */
function minimap(cy, host) {
  const canvas = document.createElement('canvas');
  canvas.id = 'minimap';
  canvas.width = 200;
  canvas.height = 140;
  canvas.title = 'Overview: click to go there';
  host.appendChild(canvas);
  const context = canvas.getContext('2d');
  let scale = 1;
  let box = null;
  let pending = false;
  const draw = () => {
    pending = false;
    const nodes = cy.nodes(':visible');
    if (nodes.empty()) return;
    box = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
    scale = Math.min(canvas.width / box.w, canvas.height / box.h);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#7d8fa3';
    nodes.forEach(n => {
      const p = n.position();
      context.fillRect((p.x - box.x1) * scale - 1, (p.y - box.y1) * scale - 1,
        Math.max(2, n.width() * scale), Math.max(2, n.height() * scale));
    });
    const view = cy.extent();
    context.strokeStyle = '#d9480f';
    context.lineWidth = 2;
    context.strokeRect((view.x1 - box.x1) * scale, (view.y1 - box.y1) * scale, view.w * scale, view.h * scale);
  };
  const later = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(draw);
    }
  };
  cy.on('viewport position add remove style', later);
  canvas.addEventListener('click', event => {
    if (!box) return;
    const rect = canvas.getBoundingClientRect();
    const x = box.x1 + (event.clientX - rect.left) / scale;
    const y = box.y1 + (event.clientY - rect.top) / scale;
    const zoom = cy.zoom();
    cy.pan({ x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom });
  });
  draw();
  return canvas;
}

/**
 * Puts the navigation bar above the map's container and wires it to the Cytoscape instance.
 * @param options {opportunityId, map (with shape), focus, reload(): redraws with the focus chosen}
 */
export function attachNavigation(cy, container, options) {
  const host = container.parentElement;
  document.getElementById('map-nav')?.remove();
  document.getElementById('minimap')?.remove();
  const { map, focus } = options;
  const shape = map.shape;
  const away = foldedAway(cy);
  const departments = [...new Set(cy.nodes().union(away).map(n => n.data('department')).filter(Boolean))].sort();
  const folded = cy.nodes('.folded').length + away.length;
  const nav = document.createElement('div');
  nav.id = 'map-nav';
  nav.innerHTML = `
    <span class="nav-group">
      <label>Show <select id="focus" title="Whom the map shows">
        <option value="DEAL:0">the deal's people</option>
        <option value="DEAL:1">deal + 1 influence hop</option>
        <option value="DEAL:2">deal + 2 influence hops</option>
        <option value="ALL:0">the whole account</option>
      </select></label>
      <span id="focus-count" class="muted">${cy.nodes().length + away.length} of ${shape.people} people${folded
        ? `, ${folded} middle managers folded` : ''}</span>
      ${focus.focus === 'DEAL' ? `<label class="check" title="Fold the managers drawn only to connect a chain (m)">
        <input type="checkbox" id="fold-chains"${chainsFolded(options.opportunityId) ? ' checked' : ''}> fold
        middle managers</label>` : ''}
    </span>
    <span class="nav-group search-group">
      <input id="map-search" type="search" placeholder="Find a person, title, department  ( / )" autocomplete="off"
        aria-label="Find a person">
      <ul id="search-results" role="listbox" hidden></ul>
    </span>
    <span class="nav-group">
      <button id="zoom-in" title="Zoom in (+)">+</button><button id="zoom-out" title="Zoom out (−)">−</button>
      <button id="zoom-fit" title="Fit the map (0)">Fit</button>
      <button id="collapse" title="Collapse or expand the selected manager's reports (c)">Collapse</button>
    </span>
    ${linesOnDemandNote(cy)}
    <details class="nav-group" id="filters"><summary>Filters</summary>
      <label class="check"><input type="checkbox" name="kind" value="reports" checked> reports to</label>
      <label class="check"><input type="checkbox" name="kind" value="influence" checked> influence</label>
      <label class="check"><input type="checkbox" name="kind" value="conflict" checked> conflict</label>
      <label>Strength ≥ <select id="min-strength"><option>1</option><option>2</option><option>3</option></select></label>
      <label>Department <select id="department"><option value="">all</option>
        ${departments.map(d => `<option>${escapeHtml(d)}</option>`).join('')}</select></label>
      <label class="check"><input type="checkbox" id="key-players"> key players only</label>
    </details>
    <details class="nav-group" id="shortcuts"><summary>Keys</summary>
      <ul>${SHORTCUTS.map(([k, what]) => `<li><kbd>${escapeHtml(k)}</kbd> ${escapeHtml(what)}</li>`).join('')}</ul>
    </details>
    <details class="nav-group" id="overview"><summary>Account</summary>
      <p>${shape.people} people${shape.external ? `, ${shape.external} external` : ''}; drawn: ${cy.nodes().length}</p>
      <ul>${shape.departments.map(d => `<li>${escapeHtml(d.name || 'no department')}: ${d.people}
        (${cy.nodes().filter(n => n.data('department') === (d.name || '')).length} drawn)</li>`).join('')}</ul>
    </details>`;
  host.parentElement.insertBefore(nav, host);
  const $ = selector => nav.querySelector(selector);
  $('#focus').value = `${focus.focus}:${focus.hops}`;
  const setFocus = (f, hops) => {
    chooseFocus(options.opportunityId, { focus: f, hops });
    options.reload();
  };
  $('#focus').addEventListener('change', event => {
    const [f, hops] = event.target.value.split(':');
    setFocus(f, Number(hops));
  });
  const toggleFold = () => {
    window.sessionStorage.setItem(FOLD_KEY(options.opportunityId), chainsFolded(options.opportunityId) ? 'no' : 'yes');
    options.reload();
  };
  $('#fold-chains')?.addEventListener('change', toggleFold);

  // Search: type-ahead over the map's people, folded ones too; Enter or a click centres and selects.
  const input = $('#map-search');
  const list = $('#search-results');
  let hits = [];
  const showHits = () => {
    hits = search(cy, input.value);
    list.hidden = hits.length === 0;
    list.innerHTML = hits.map((n, i) => `<li role="option" data-id="${escapeHtml(n.id())}"${i === 0 ? ' class="active"' : ''}>
      <b>${escapeHtml(n.data('name'))}</b> <span class="muted">${escapeHtml(n.data('title'))}${n.data('department')
      ? ` · ${escapeHtml(n.data('department'))}` : ''}</span></li>`).join('');
  };
  const choose = id => {
    list.hidden = true;
    input.blur();
    reveal(cy, id);
  };
  input.addEventListener('input', showHits);
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter' && hits.length) choose(hits[0].id());
    if (event.key === 'Escape') {
      list.hidden = true;
      input.blur();
    }
  });
  list.addEventListener('mousedown', event => {
    const item = event.target.closest('li');
    if (item) choose(item.dataset.id);
  });

  const zoomBy = factor => cy.zoom({
    level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
  });
  $('#zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('#zoom-out').addEventListener('click', () => zoomBy(0.8));
  $('#zoom-fit').addEventListener('click', () => fitView(cy));
  const collapseSelected = () => {
    const selected = cy.nodes(':selected');
    if (selected.nonempty()) toggleCollapse(cy, selected[0].id());
  };
  $('#collapse').addEventListener('click', collapseSelected);

  const filters = { kinds: new Set(['reports', 'influence', 'conflict']), minStrength: 1, department: '', keyPlayers: false };
  const filterChanged = () => {
    filters.kinds = new Set([...nav.querySelectorAll('input[name=kind]:checked')].map(i => i.value));
    filters.minStrength = Number($('#min-strength').value);
    filters.department = $('#department').value;
    filters.keyPlayers = $('#key-players').checked;
    applyFilters(cy, filters);
  };
  $('#filters').addEventListener('change', filterChanged);

  // Lines drawn on demand: the filters apply to them as they come; "Draw all lines" adds the rest.
  const onDemand = linesOnDemand(cy);
  const drawAllLines = async () => {
    const button = $('#draw-all-lines');
    if (!onDemand || !button || button.disabled) return;
    button.disabled = true;
    button.textContent = 'Drawing…';
    await onDemand.drawAll(cy);
    $('#lines-on-demand').querySelector('.muted').textContent = `all ${onDemand.size.toLocaleString('en')} lines drawn`;
    button.remove();
    // For the browser tests: when the last line was in.
    document.body.dataset.allLinesDrawnAt = String(Math.round(performance.now()));
  };
  if (onDemand) {
    onDemand.onAdded = edges => filterLines(edges, filters);
    $('#draw-all-lines').addEventListener('click', drawAllLines);
  }

  // Selection highlight.
  cy.on('select', 'node', event => highlightPerson(cy, event.target.id()));
  cy.on('tap', event => {
    if (event.target === cy) clearPersonHighlight(cy);
  });
  cy.on('tap', 'node', event => {
    if (!event.target.selected()) {
      cy.elements(':selected').unselect();
      event.target.select();
    }
  });

  // Dragged boxes keep their place: saved for this opportunity, lines bent again around them.
  let moved = new Map();
  let timer = null;
  cy.on('dragfree', 'node', event => {
    const nodes = event.target.union(cy.nodes(':grabbed'));
    nodes.forEach(n => moved.set(n.id(), { ...n.position() }));
    rebend(cy, nodes);
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const positions = [...moved].map(([stakeholder, p]) => ({ stakeholder, x: p.x, y: p.y }));
      moved = new Map();
      try {
        await gql(SAVE_POSITIONS, { o: options.opportunityId, p: positions });
        document.body.dataset.positionsSaved = String(Number(document.body.dataset.positionsSaved || 0) + 1);
      } catch (error) {
        options.onError?.(error);
      }
    }, 250);
  });

  if (cy.nodes().length > MINIMAP_FROM) minimap(cy, host);

  const onKey = event => {
    if (!document.body.contains(nav)) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const actions = {
      '/': () => input.focus(),
      '+': () => zoomBy(1.25),
      '=': () => zoomBy(1.25),
      '-': () => zoomBy(0.8),
      0: () => fitView(cy),
      c: collapseSelected,
      d: () => setFocus('DEAL', 0),
      w: () => setFocus(focus.focus === 'ALL' ? 'ALL' : 'DEAL', focus.focus === 'ALL' ? 0 : Math.min(6, focus.hops + 1)),
      a: () => setFocus('ALL', 0),
      l: drawAllLines,
      m: () => focus.focus === 'DEAL' && toggleFold(),
      Escape: () => {
        cy.elements(':selected').unselect();
        clearPersonHighlight(cy);
        cy.elements().removeClass('faded on-path');
      },
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  document.addEventListener('keydown', onKey);
  // For scripts and the browser tests: when the map was last drawn and ready to use.
  document.body.dataset.mapDrawnAt = String(Math.round(performance.now()));
  document.body.dataset.mapDraws = String(Number(document.body.dataset.mapDraws || 0) + 1);
  return nav;
}
