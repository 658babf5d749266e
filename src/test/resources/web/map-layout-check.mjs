// Lays out a map with the page's own layout module (map-layout.js) and prints, as JSON, what MapLayoutTest checks:
// the zoom at which the page fits it, the places of the boxes, boxes that overlap, and reporting lines that pass
// under a third box.
// Usage: node map-layout-check.mjs <map-layout.js> <input.json>   (input: {people, lines, viewport, options?})
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const layoutModule = await import(pathToFileURL(process.argv[2]).href);
const { BOX_WIDTH, BOX_HEIGHT, fittedLayout, orgLayout, pageZoom, reportingLineBends } = layoutModule;
const input = JSON.parse(readFileSync(process.argv[3], 'utf8'));

const layout = input.options ? orgLayout(input.people, input.options)
  : fittedLayout(input.people, input.viewport, input.lines);
const positions = layout.positions;
const ids = Object.keys(positions);

// Boxes that share any area (touching edges are fine).
const overlaps = [];
for (let i = 0; i < ids.length; i++) {
  for (let j = i + 1; j < ids.length; j++) {
    const a = positions[ids[i]];
    const b = positions[ids[j]];
    if (Math.abs(a.x - b.x) < BOX_WIDTH && Math.abs(a.y - b.y) < BOX_HEIGHT) overlaps.push([ids[i], ids[j]]);
  }
}

// Reporting lines, walked every 2 px from the manager's centre through the bends to the report's centre.
const inside = (p, id) => Math.abs(p.x - positions[id].x) < BOX_WIDTH / 2 - 1
  && Math.abs(p.y - positions[id].y) < BOX_HEIGHT / 2 - 1;
const managerOf = Object.fromEntries(input.people.map(p => [p.id, p.manager]));
const crossings = [];
for (const [id, route] of Object.entries(layout.edges)) {
  const manager = managerOf[id];
  if (!positions[manager]) continue;
  const points = [positions[manager], ...reportingLineBends(positions[manager], positions[id], route), positions[id]];
  const under = new Set();
  for (let k = 1; k < points.length; k++) {
    const [a, b] = [points[k - 1], points[k]];
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
    for (let s = 0; s <= steps; s++) {
      const p = { x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps };
      for (const other of ids) if (other !== id && other !== manager && inside(p, other)) under.add(other);
    }
  }
  under.forEach(box => crossings.push({ line: `${manager}>${id}`, box }));
}

console.log(JSON.stringify({
  // As the page's Fit shows it: every box with a 30-px margin, every bent line with 8 px.
  zoom: input.viewport ? pageZoom(positions, input.lines, input.viewport) : null,
  positions,
  routes: layout.edges,
  overlaps,
  crossings,
}));
