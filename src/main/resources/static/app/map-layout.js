// A compact org-chart layout for maps of any width, as org-chart tools draw them: a manager above the people
// who report to them; beyond a few, a manager's leaf reports (those with nobody under them) stack in columns on
// both sides of a vertical spine, so a department of 150 is a block, not a 25,000-pixel row. From a chosen depth,
// managers list their reports in one indented column (a tree list, as compact org charts draw deep levels), so the
// thin chains of a focused deal stack instead of standing side by side. External people (consultants, board
// members: not on the customer's payroll) stand in their own band to the right.
// Pure functions on plain data, so the same code runs in the page and in a Web Worker (layout-worker.js).

export const BOX_WIDTH = 178;
export const BOX_HEIGHT = 70;
const H_GAP = 20; // between boxes side by side
const V_GAP = 40; // between a manager's row and the row of their reports
const STACK_GAP = 12; // between stacked boxes
const SPINE_GAP = 22; // between a stacked column and its spine
const COLUMN_GAP = 16; // between sub-teams stacked in one column
const BAND_GAP = 100; // between the hierarchy and the external band
const LIST_GAP = 14; // between boxes listed under their manager
const INDENT = 20; // of a listed report under their manager
/** How far under its manager a spine's line turns, when the layout does not say. */
const SPINE_TURN = 12;
/** Up to this many leaf reports stay in the row with their colleagues; more are stacked. */
export const STACK_FROM = 4;
/** Rows of subtrees wrap to keep a block about this much wider than tall (a screen's shape). */
const ASPECT = 1.6;
/** Up to this many sub-teams stay in one row (the course example's three directors side by side). */
const WRAP_FROM = 4;
const DEFAULTS = {
  stackFrom: STACK_FROM, aspect: ASPECT, wrapFrom: WRAP_FROM, sortRows: false, columns: false, listFrom: Infinity,
};

/**
 * @param people [{id, manager (id or null), external (boolean)}]
 * @returns {positions: {id: {x, y}}, edges: {personId: route}, band: {x, y, w, h}|null}
 *   route tells how to draw the reporting line into each person: {kind: 'spine', spineX, turn}: down from the
 *   manager, across `turn` px under the manager's box (12 when absent) to a vertical spine at spineX, down it and
 *   into the box's side; or {kind: 'bus', busY, trunkX}: along a bus at busY above their row (reached down a trunk
 *   at trunkX when the rows wrap) and down into the box.
 */
export function orgLayout(people, options = {}) {
  const { stackFrom, aspect, wrapFrom, sortRows, columns, listFrom } = { ...DEFAULTS, ...options };
  const byId = new Map(people.map(p => [p.id, p]));
  const children = new Map();
  const roots = [];
  const externals = [];
  for (const p of people) {
    if (p.external && !(p.manager && byId.has(p.manager) && !byId.get(p.manager).external)) {
      externals.push(p.id);
      continue;
    }
    if (p.manager && byId.has(p.manager) && !byId.get(p.manager).external) {
      if (!children.has(p.manager)) children.set(p.manager, []);
      children.get(p.manager).push(p.id);
    } else {
      roots.push(p.id);
    }
  }
  const positions = {};
  const edges = {};
  const kids = id => children.get(id) || [];
  const visiting = new Set();

  // Lays out the subtree of id (depth levels under a root) with its top-left corner at (0, 0); returns {w, h,
  // place(dx, dy)}.
  function block(id, depth = 0) {
    if (visiting.has(id)) return { w: BOX_WIDTH, h: BOX_HEIGHT, place: () => {} };
    visiting.add(id);
    const all = kids(id);
    const leaves = all.filter(c => kids(c).length === 0);
    const listed = depth >= listFrom && all.length > 0;
    const stacked = !listed && leaves.length > stackFrom ? leaves : [];
    // Tallest sub-teams first, so rows that wrap waste little height under the shorter ones.
    const rowIds = all.filter(c => !stacked.includes(c));
    const blocks = new Map(rowIds.map(c => [c, block(c, depth + 1)]));
    if (sortRows) rowIds.sort((a, b) => blocks.get(b).h - blocks.get(a).h);
    const items = rowIds.map(c => ({ id: c, ...blocks.get(c) }));

    // Stacked leaves: pairs of columns around spines, the spines side by side; the stack stands first in the row
    // of sub-teams (beside them, not above them), its spines fed from just under the manager.
    if (stacked.length) {
      const pairs = Math.max(1, Math.round(Math.sqrt(stacked.length / 8)));
      const rowsPerColumn = Math.ceil(stacked.length / (pairs * 2));
      items.unshift({
        id: null,
        w: pairs * (2 * BOX_WIDTH + 2 * SPINE_GAP) + (pairs - 1) * H_GAP,
        h: rowsPerColumn * (BOX_HEIGHT + STACK_GAP) - STACK_GAP,
        place(left, top) {
          stacked.forEach((leaf, i) => {
            const pair = Math.floor(i / (2 * rowsPerColumn));
            const within = i % (2 * rowsPerColumn);
            const side = within % 2; // 0 left of the spine, 1 right
            const row = Math.floor(within / 2);
            const pairLeft = left + pair * (2 * BOX_WIDTH + 2 * SPINE_GAP + H_GAP);
            const spineX = pairLeft + BOX_WIDTH + SPINE_GAP;
            const x = side === 0 ? pairLeft + BOX_WIDTH / 2 : spineX + SPINE_GAP + BOX_WIDTH / 2;
            const y = top + row * (BOX_HEIGHT + STACK_GAP) + BOX_HEIGHT / 2;
            positions[leaf] = { x, y };
            edges[leaf] = { kind: 'spine', spineX };
          });
        },
      });
    }
    // Columns and lists hang from spines fed from just under the manager, and a manager with only stacked reports
    // has no bus to draw: those start closer than a row under its bus.
    const inColumnsHere = !listed && columns && rowIds.length > 0 && items.length > 1;
    const rowTop = listed ? BOX_HEIGHT + LIST_GAP
      : inColumnsHere ? BOX_HEIGHT + LIST_GAP + 8
        : rowIds.length ? BOX_HEIGHT + V_GAP : BOX_HEIGHT + V_GAP / 2;
    // A list: one column, its spine under the manager's left side, which stands at the block's left.
    const list = { shift: INDENT - H_GAP, most: 1, gap: LIST_GAP, turn: LIST_GAP / 2 };
    const arrangement = listed ? inColumns(items, rowTop, list)
      : inColumnsHere ? inColumns(items, rowTop) : inRows(items, rowTop);
    visiting.delete(id);
    return {
      w: arrangement.w, h: arrangement.h,
      place(dx, dy) {
        positions[id] = { x: listed ? dx + BOX_WIDTH / 2 : dx + arrangement.w / 2, y: dy + BOX_HEIGHT / 2 };
        arrangement.place(dx, dy);
      },
    };
  }

  // Sub-teams side by side, wrapped into several rows when one row would be much wider than tall: one row hangs
  // from a bus straight under the manager; several from a trunk down the block's left edge, a bus per row.
  function inRows(items, rowTop) {
    const area = items.reduce((sum, b) => sum + (b.w + H_GAP) * (b.h + V_GAP), 0);
    const maxLine = items.length <= wrapFrom ? Infinity : Math.max(...items.map(b => b.w), Math.sqrt(area * aspect));
    const lines = [];
    items.forEach((b, i) => {
      const line = lines[lines.length - 1];
      if (!line || line.w + H_GAP + b.w > maxLine) {
        lines.push({ w: b.w, h: b.h, items: [i] });
      } else {
        line.w += H_GAP + b.w;
        line.h = Math.max(line.h, b.h);
        line.items.push(i);
      }
    });
    const rowW = lines.reduce((m, l) => Math.max(m, l.w), 0);
    const w = Math.max(BOX_WIDTH, rowW + (lines.length > 1 ? H_GAP : 0));
    const rowsH = lines.reduce((sum, l) => sum + l.h + V_GAP, 0) - V_GAP;
    const h = items.length ? rowTop + rowsH : BOX_HEIGHT;
    return {
      w, h,
      place(dx, dy) {
        const cx = dx + w / 2;
        const trunkX = lines.length > 1 ? dx + H_GAP / 2 : null;
        let y = dy + rowTop;
        lines.forEach(line => {
          let x = (trunkX === null ? cx - line.w / 2 : dx + H_GAP);
          line.items.forEach(i => {
            items[i].place(x, y);
            if (items[i].id !== null) edges[items[i].id] = { kind: 'bus', busY: y - V_GAP / 2, trunkX };
            x += items[i].w + H_GAP;
          });
          y += line.h + V_GAP;
        });
      },
    };
  }

  // Sub-teams stacked in columns, as compact org charts draw them: each column hangs from a line down its left
  // side, fed from just under the manager, so no line crosses a box. The number of columns is the one that best
  // keeps the block to the wanted shape (at most `most`); the stacked leaves (if any) head the first column. The
  // columns start `shift` px further right, `gap` px between the sub-teams in a column; `turn`: how far under the
  // manager the lines turn to their spine.
  function inColumns(items, rowTop, { shift = 0, most = Infinity, gap = COLUMN_GAP, turn = SPINE_TURN } = {}) {
    let best = null;
    for (let k = 1; k <= Math.min(most, items.length); k++) {
      const cols = Array.from({ length: k }, () => ({ w: 0, h: -gap, items: [] }));
      items.forEach((b, i) => {
        const col = cols.find(c => c.items.length === 0) || cols.reduce((low, c) => (c.h < low.h ? c : low));
        col.w = Math.max(col.w, b.w);
        col.h += gap + b.h;
        col.items.push(i);
      });
      if (cols.some(c => c.items.length === 0)) break;
      const w = Math.max(BOX_WIDTH, shift + cols.reduce((sum, c) => sum + H_GAP + c.w, 0));
      const h = rowTop + Math.max(...cols.map(c => c.h));
      const size = Math.max(w, h * aspect);
      if (!best || size < best.size) best = { w, h, cols, size };
    }
    const { w, h, cols } = best;
    return {
      w, h,
      place(dx, dy) {
        let x = dx + shift;
        cols.forEach(col => {
          x += H_GAP;
          let y = dy + rowTop;
          col.items.forEach(i => {
            items[i].place(x, y);
            if (items[i].id !== null) edges[items[i].id] = { kind: 'spine', spineX: x - H_GAP / 2, turn };
            y += items[i].h + gap;
          });
          x += col.w;
        });
      },
    };
  }

  // Roots with reports side by side; lone people (nobody above or below) in a grid after them.
  const trees = roots.filter(r => kids(r).length > 0).map(block);
  const lone = roots.filter(r => kids(r).length === 0);
  let x = 0;
  let height = 0;
  trees.forEach(b => {
    b.place(x, 0);
    x += b.w + H_GAP * 2;
    height = Math.max(height, b.h);
  });
  const grid = (ids, left, top, columns) => {
    ids.forEach((id, i) => {
      positions[id] = {
        x: left + (i % columns) * (BOX_WIDTH + H_GAP) + BOX_WIDTH / 2,
        y: top + Math.floor(i / columns) * (BOX_HEIGHT + STACK_GAP) + BOX_HEIGHT / 2,
      };
    });
    const rows = Math.ceil(ids.length / columns);
    return { w: Math.min(ids.length, columns) * (BOX_WIDTH + H_GAP) - H_GAP, h: rows * (BOX_HEIGHT + STACK_GAP) - STACK_GAP };
  };
  if (lone.length) {
    const columns = Math.max(1, Math.min(lone.length, Math.ceil(Math.sqrt(lone.length * 2))));
    const g = grid(lone, x, 0, columns);
    x += g.w + H_GAP * 2;
    height = Math.max(height, g.h);
  }
  let band = null;
  if (externals.length) {
    const left = Math.max(0, x - H_GAP * 2) + BAND_GAP;
    const rows = Math.max(4, Math.floor((Math.max(height, BOX_HEIGHT) + STACK_GAP) / (BOX_HEIGHT + STACK_GAP)));
    const columns = Math.max(1, Math.ceil(externals.length / rows));
    const g = grid(externals, left, 0, columns);
    band = { x: left - 20, y: -40, w: g.w + 40, h: g.h + 60 };
  }
  return { positions, edges, band };
}

/** Maps of more people than this get the org-chart variant that fits their window best (see fittedLayout). */
export const FIT_FROM = 20;
const FIT_UP_TO = 600;
/** The page's Fit keeps this much room around the boxes, and at least CURVE_MARGIN around bent lines. */
const BOX_MARGIN = 30;
const CURVE_MARGIN = 8;

/** The zoom at which the page's Fit would show the layout's boxes in a window of this size (lines aside). */
export function fitZoom(layout, viewport) {
  const centres = Object.values(layout.positions);
  if (!centres.length) return 1;
  const box = boxExtent(centres);
  return Math.min((viewport.w - 2 * BOX_MARGIN) / (box.x[1] - box.x[0]),
    (viewport.h - 2 * BOX_MARGIN) / (box.y[1] - box.y[0]));
}

/** {x: [min, max], y: [min, max]} of the boxes with these centres (a loop: a whole account has thousands). */
function boxExtent(centres) {
  const box = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  for (const p of centres) {
    box.x[0] = Math.min(box.x[0], p.x - BOX_WIDTH / 2); box.x[1] = Math.max(box.x[1], p.x + BOX_WIDTH / 2);
    box.y[0] = Math.min(box.y[0], p.y - BOX_HEIGHT / 2); box.y[1] = Math.max(box.y[1], p.y + BOX_HEIGHT / 2);
  }
  return box;
}

/**
 * The compact org chart in the variant (when to stack leaf reports, when and how wide sub-teams wrap, tallest
 * first or in their order, from which depth reports are listed) that the page's Fit shows at the largest zoom: a
 * wide window wants long rows, a tall one deeper stacks. The boxes keep their size; only their arrangement changes.
 * Every variant is ranked by the zoom that fits its boxes; the best few are then fitted as the page will, with their
 * influence and conflict lines bent around boxes (a bulging curve can cost a few hundredths). The classic chart (rows
 * of reports under a bus) is kept unless lists fit clearly better (a deal's thin chains of managers, which stand
 * side by side in rows). About fifty layouts of a focused map cost a few dozen milliseconds; a whole account keeps
 * the default.
 * @param lines [{id, source, target}] the influence and conflict lines to bend
 */
export function fittedLayout(people, viewport, lines = []) {
  if (!viewport || !viewport.w || !viewport.h || people.length <= FIT_FROM || people.length > FIT_UP_TO) {
    return orgLayout(people);
  }
  // Bending lines around boxes costs about a millisecond per ten lines: on maps of many lines the boxes alone rank.
  const bent = lines.length <= FIT_LINES_UP_TO ? lines : [];
  const best = variants => variants
    .map(options => {
      const layout = orgLayout(people, { sortRows: true, ...options });
      return { layout, boxZoom: fitZoom(layout, viewport) };
    })
    .sort((a, b) => b.boxZoom - a.boxZoom)
    .slice(0, FITTED_AS_THE_PAGE_DOES)
    .map(({ layout }) => ({ layout, zoom: pageZoom(layout.positions, bent, viewport) }))
    .reduce((top, candidate) => (!top || candidate.zoom > top.zoom + 1e-9 ? candidate : top), null);
  const classic = [];
  for (const stackFrom of [1, 2, STACK_FROM]) {
    for (const aspect of [ASPECT, 2.5]) {
      for (const [wrapFrom, columns] of [[1, false], [WRAP_FROM, false], [WRAP_FROM, true]]) {
        classic.push({ stackFrom, aspect, wrapFrom, columns });
      }
    }
  }
  // The columns of lists are packed for a shape; the best shape is found by trying several.
  const lists = [];
  for (const listFrom of [1, 2]) {
    for (const stackFrom of [STACK_FROM, Infinity]) {
      for (const aspect of [1.4, 1.7, 2, 2.3, 2.6, 3]) lists.push({ listFrom, stackFrom, aspect, columns: true });
    }
  }
  const chart = best(classic);
  const listed = best(lists);
  return listed.zoom > chart.zoom * LISTS_FIT_BETTER ? listed.layout : chart.layout;
}

/** How many of the variants that fit their boxes best are fitted with their bent lines, as the page fits them. */
const FITTED_AS_THE_PAGE_DOES = 3;
/** Up to this many lines, the best variants are fitted with their lines (a deal's focus has a few dozen). */
const FIT_LINES_UP_TO = 100;

/** How much larger the zoom of a layout with lists must be for it to be chosen over the classic chart. */
const LISTS_FIT_BETTER = 1.05;

/** The zoom at which the page's Fit shows these places, their lines bent around the boxes (see viewFor). */
export function pageZoom(positions, lines, viewport) {
  const bends = bendsAvoidingBoxes(positions, lines);
  const curves = curvesOf(lines.filter(l => positions[l.source] && positions[l.target]).map(l => ({
    s: positions[l.source], t: positions[l.target], bend: bends[l.id] || 0,
  })));
  return viewFor(Object.values(positions), curves, viewport.w, viewport.h, 0, 10).zoom;
}

/**
 * The zoom and pan that show every box with a 30-px margin and every bent line with at least 8 px. A line bent around
 * boxes may use the boxes' margin, so one bulging curve does not shrink the whole map (Cytoscape's own fit counts a
 * curve's control point, twice as far out as the curve itself).
 * @param boxes [{x, y}] box centres; curves [{s, c, t}] quadratic curves: their ends and control point
 */
export function viewFor(boxes, curves, width, height, minZoom, maxZoom) {
  if (!boxes.length) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  const box = boxExtent(boxes);
  const curve = curves.length ? extent(curves.flatMap(curveExtremes)) : box;
  // On each axis, the screen interval the map takes at zoom z; it grows with z, so the largest zoom that fits the
  // window is found by bisection.
  const span = (z, axis) => {
    const lo = Math.min(z * box[axis][0] - BOX_MARGIN, z * curve[axis][0] - CURVE_MARGIN);
    const hi = Math.max(z * box[axis][1] + BOX_MARGIN, z * curve[axis][1] + CURVE_MARGIN);
    return [lo, hi];
  };
  const fits = z => {
    const [x1, x2] = span(z, 'x');
    const [y1, y2] = span(z, 'y');
    return x2 - x1 <= width && y2 - y1 <= height;
  };
  let low = minZoom;
  let high = maxZoom;
  if (fits(high)) {
    low = high;
  } else {
    for (let i = 0; i < 40; i++) {
      const mid = (low + high) / 2;
      if (fits(mid)) low = mid; else high = mid;
    }
  }
  const [x1, x2] = span(low, 'x');
  const [y1, y2] = span(low, 'y');
  return { zoom: low, pan: { x: (width - x1 - x2) / 2, y: (height - y1 - y2) / 2 } };
}

/**
 * The quadratic curves Cytoscape draws for bent lines: [{s, t, bend}] (ends, and the bend of bendsAvoidingBoxes) to
 * [{s, c, t}] with the control point `bend` px off the midpoint, along (-dy, dx).
 */
export function curvesOf(lines) {
  return lines.filter(l => l.bend).map(({ s, t, bend }) => {
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const c = { x: (s.x + t.x) / 2 - ((t.y - s.y) / len) * bend, y: (s.y + t.y) / 2 + ((t.x - s.x) / len) * bend };
    return { s, t, c };
  });
}

/** {x: [min, max], y: [min, max]} of the points. */
function extent(points) {
  const xs = points.map(p => p.x);
  const ys = points.map(p => p.y);
  return { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] };
}

/** The ends of a quadratic curve and, on each axis, its turning point between them. */
function curveExtremes({ s, c, t }) {
  const points = [s, t];
  for (const axis of ['x', 'y']) {
    const denominator = s[axis] - 2 * c[axis] + t[axis];
    const u = denominator === 0 ? -1 : (s[axis] - c[axis]) / denominator;
    if (u > 0 && u < 1) {
      points.push({
        x: (1 - u) ** 2 * s.x + 2 * u * (1 - u) * c.x + u ** 2 * t.x,
        y: (1 - u) ** 2 * s.y + 2 * u * (1 - u) * c.y + u ** 2 * t.y,
      });
    }
  }
  return points;
}

/**
 * Keeps the boxes that were already drawn where they were, and places new ones where the fresh layout puts them
 * relative to their manager (or at their fresh place): an edit moves only what it must.
 */
export function keepPlaces(fresh, previous, managerOf) {
  const result = {};
  for (const [id, p] of Object.entries(fresh)) {
    if (previous[id]) {
      result[id] = previous[id];
    } else {
      const m = managerOf[id];
      result[id] = m && previous[m] && fresh[m]
        ? { x: previous[m].x + p.x - fresh[m].x, y: previous[m].y + p.y - fresh[m].y }
        : p;
    }
  }
  return result;
}

/**
 * Where the reporting line from a manager's box to a report's box bends, for the route the layout gave the report
 * (see orgLayout): the line runs from the manager's centre through these points to the report's centre.
 */
export function reportingLineBends(manager, person, route) {
  const below = manager.y + BOX_HEIGHT / 2 + SPINE_TURN;
  if (route.kind === 'spine') {
    const turn = manager.y + BOX_HEIGHT / 2 + (route.turn ?? SPINE_TURN);
    return [{ x: manager.x, y: turn }, { x: route.spineX, y: turn }, { x: route.spineX, y: person.y }];
  }
  return route.trunkX === null || route.trunkX === undefined
    ? [{ x: manager.x, y: route.busY }, { x: person.x, y: route.busY }]
    : [{ x: manager.x, y: below }, { x: route.trunkX, y: below }, { x: route.trunkX, y: route.busY },
      { x: person.x, y: route.busY }];
}

/** Above this many lines, lines are drawn straight (see bendsAvoidingBoxes). */
export const MAX_BENT_LINES = 4000;
const MAX_STEPS = 16;

/**
 * For each influence or conflict line, the sideways bend (control-point distance, px) of the smallest curve that
 * passes under no box but its two ends; 0 when the straight line is clear. Boxes are indexed in a grid, so this
 * stays fast on big maps. A positive bend is on the (-dy, dx) side of the line from source to target, which is where
 * Cytoscape (3.33) puts an unbundled-bezier's control point whichever way round it stores the pair of boxes (the demo
 * map's browser test checks that no line passes under a third box).
 * @param boxes {id: {x, y}} box centres; lines [{id, source, target}]
 */
export function bendsAvoidingBoxes(boxes, lines, width = BOX_WIDTH, height = BOX_HEIGHT) {
  // A whole account of thousands of lines is a texture, not something to read line by line: not worth the time.
  if (lines.length > MAX_BENT_LINES) return {};
  const CELL = 200;
  const MARGIN = 8;
  const grid = new Map();
  const cellKey = (cx, cy) => cx * 1048576 + cy;
  for (const [id, b] of Object.entries(boxes)) {
    const x0 = Math.floor((b.x - width / 2 - MARGIN) / CELL);
    const x1 = Math.floor((b.x + width / 2 + MARGIN) / CELL);
    const y0 = Math.floor((b.y - height / 2 - MARGIN) / CELL);
    const y1 = Math.floor((b.y + height / 2 + MARGIN) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = cellKey(cx, cy);
        if (!grid.has(k)) grid.set(k, []);
        grid.get(k).push(id);
      }
    }
  }
  const hits = (px, py, source, target) => {
    const ids = grid.get(cellKey(Math.floor(px / CELL), Math.floor(py / CELL)));
    if (!ids) return false;
    for (const id of ids) {
      if (id === source || id === target) continue;
      const b = boxes[id];
      if (Math.abs(px - b.x) <= width / 2 + MARGIN && Math.abs(py - b.y) <= height / 2 + MARGIN) return true;
    }
    return false;
  };
  const inside = (px, py, id) => {
    const b = boxes[id];
    return Math.abs(px - b.x) <= width / 2 && Math.abs(py - b.y) <= height / 2;
  };
  const clear = (s, t, d, source, target) => {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    // Cytoscape's control point for an unbundled bezier: `d` px off the midpoint, along (-dy, dx).
    const cx = (s.x + t.x) / 2 + (-dy / len) * d;
    const cy = (s.y + t.y) / 2 + (dx / len) * d;
    const steps = Math.max(8, Math.ceil((len + Math.abs(d)) / 20));
    for (let i = 1; i < steps; i++) {
      const u = i / steps;
      const px = (1 - u) * (1 - u) * s.x + 2 * u * (1 - u) * cx + u * u * t.x;
      const py = (1 - u) * (1 - u) * s.y + 2 * u * (1 - u) * cy + u * u * t.y;
      if (inside(px, py, source) || inside(px, py, target)) continue;
      if (hits(px, py, source, target)) return false;
    }
    return true;
  };
  const pairs = new Set(lines.map(l => `${l.source}>${l.target}`));
  const bends = {};
  for (const line of lines) {
    const s = boxes[line.source];
    const t = boxes[line.target];
    if (!s || !t) continue;
    // A line with one in the other direction starts bent, so the two arrows do not lie on each other.
    const base = pairs.has(`${line.target}>${line.source}`) ? 24 : 0;
    let chosen = null;
    for (let step = 0; step <= MAX_STEPS && chosen === null; step++) {
      for (const sign of step === 0 ? [1] : [1, -1]) {
        const d = base + sign * step * 40;
        if (clear(s, t, d, line.source, line.target)) {
          chosen = d;
          break;
        }
      }
    }
    bends[line.id] = chosen === null ? base : chosen;
  }
  return bends;
}

/**
 * The whole placement of a map: the org chart, then the positions the rep saved, then (after an edit) the places
 * boxes already had; and the bends of the influence and conflict lines for those final places.
 * @param input {people, lines, saved: {id: {x, y}}, previous: {id: {x, y}}, viewport: {w, h} of the window}
 */
export function placeMap({ people, lines, saved = {}, previous = null, viewport = null }) {
  const layout = fittedLayout(people, viewport, lines);
  const managerOf = Object.fromEntries(people.map(p => [p.id, p.manager]));
  let positions = { ...layout.positions, ...saved };
  if (previous) positions = keepPlaces(positions, previous, managerOf);
  const moved = new Set(Object.keys(positions).filter(id => {
    const fresh = layout.positions[id];
    return !fresh || fresh.x !== positions[id].x || fresh.y !== positions[id].y;
  }));
  return { ...layout, positions, moved: [...moved], bends: bendsAvoidingBoxes(positions, lines) };
}
