// Runs the page's lines-on-demand module (map-lines.js) on a small hand-built map in a headless Cytoscape and prints,
// as JSON, what MapLinesTest checks: which lines are drawn, with which classes and bends, after each step.
// Usage: node map-lines-check.mjs <map-lines.js> <cytoscape.cjs.js>
import { pathToFileURL } from 'node:url';

// Node has no frames: the slices of "Draw all lines" come a timer tick apart.
globalThis.requestAnimationFrame = callback => setTimeout(() => callback(Date.now()), 0);
const { LinesOnDemand, drawLinesOnDemand, linesOnDemand } = await import(pathToFileURL(process.argv[2]).href);
const cytoscape = (await import(pathToFileURL(process.argv[3]).href)).default;

// A, B and C in a row, F between A and C (so A's line to C must bend around F), D under A, E under B.
const at = { A: [0, 0], F: [400, 0], C: [800, 0], B: [400, 300], D: [0, 300], E: [800, 300] };
const cy = cytoscape({ headless: true, styleEnabled: false });
cy.add(Object.entries(at).map(([id, [x, y]]) => ({ group: 'nodes', data: { id }, position: { x, y } })));
const influence = (from, to, strength) => ({
  group: 'edges', data: { id: `influence:${from}>${to}`, kind: 'influence', source: from, target: to, strength, bend: 0 },
});
const lines = [influence('A', 'B', 3), influence('B', 'C', 2), influence('A', 'C', 1), influence('C', 'D', 2),
  influence('D', 'E', 3), { group: 'edges', data: { id: 'conflict:B|E', kind: 'conflict', source: 'B', target: 'E' } }];
const store = new LinesOnDemand(lines);
drawLinesOnDemand(cy, store);
// As the page's filters do: strength 1 left out.
store.onAdded = added => added.filter(e => e.data('strength') === 1).addClass('filtered');

const drawn = () => Object.fromEntries(cy.edges().map(e => [e.id(), {
  classes: e.classes().sort(), bend: Math.round(e.data('bend') || 0),
}]));
const steps = {};
store.show(cy, ['A']);
steps.personA = drawn();
store.showRoute(cy, ['A', 'B', 'C']);
steps.personAAndRoute = drawn();
store.hide(cy, 'for-person');
steps.routeOnly = drawn();
store.hide(cy, 'for-route');
steps.none = drawn();
store.show(cy, ['E']);
await store.drawAll(cy);
steps.all = drawn();
steps.onDemandAfterAll = linesOnDemand(cy) !== null;
steps.size = store.size;
console.log(JSON.stringify(steps));
