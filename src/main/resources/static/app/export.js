// Export of the drawn map. PNG comes from Cytoscape itself. Cytoscape has no SVG output of its own and its SVG
// extension (cytoscape-svg) is not available as a WebJar, so the SVG is written here from the laid-out positions,
// with the same colours and marks as the screen.
import { COVERAGE_FILL, COVERAGE_SHADE, NO_STATUS_COLOUR, STATUS_COLOURS, escapeHtml } from './vocabulary.js';
import {
  CANDIDATE_COLOUR, CONFIRMED_COLOUR, CONFLICT_COLOUR, INFLUENCE_COLOUR, NODE_HEIGHT, NODE_WIDTH, REPORTS_COLOUR,
} from './map-view.js';

/** Offers a file to the browser's download, and remembers what was exported (visible to scripts and tests). */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  window.lastExport = { filename, type: blob.type, size: blob.size };
  return window.lastExport;
}

export function exportPng(cy, baseName) {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  return download(blob, `${baseName}.png`);
}

export function exportSvg(cy, baseName, title) {
  return download(new Blob([toSvg(cy, title)], { type: 'image/svg+xml' }), `${baseName}.svg`);
}

const fmt = n => Math.round(n * 10) / 10;

function reportsPath(edge) {
  const m = edge.source().position();
  const p = edge.target().position();
  const top = m.y + NODE_HEIGHT / 2;
  const bottom = p.y - NODE_HEIGHT / 2;
  const turn = (top + bottom) / 2;
  return `M${fmt(m.x)},${fmt(top)} V${fmt(turn)} H${fmt(p.x)} V${fmt(bottom)}`;
}

function curvedPath(edge) {
  const s = edge.sourceEndpoint();
  const t = edge.targetEndpoint();
  const control = edge.controlPoints();
  if (control && control.length === 1) {
    return `M${fmt(s.x)},${fmt(s.y)} Q${fmt(control[0].x)},${fmt(control[0].y)} ${fmt(t.x)},${fmt(t.y)}`;
  }
  const via = (control || []).map(c => `L${fmt(c.x)},${fmt(c.y)}`).join(' ');
  return `M${fmt(s.x)},${fmt(s.y)} ${via} L${fmt(t.x)},${fmt(t.y)}`;
}

function edgeSvg(edge) {
  const kind = edge.data('kind');
  if (kind === 'reports') {
    return `<path class="reports" d="${reportsPath(edge)}" fill="none" stroke="${REPORTS_COLOUR}" stroke-width="1.5"/>`;
  }
  if (kind === 'influence') {
    const width = 1.5 + (edge.data('strength') - 1) * 2.25;
    return `<path class="influence" d="${curvedPath(edge)}" fill="none" stroke="${INFLUENCE_COLOUR}" `
      + `stroke-width="${width}" stroke-opacity="0.85" marker-end="url(#arrow)"><title>influence, strength `
      + `${edge.data('strength')}</title></path>`;
  }
  return `<path class="conflict" d="${curvedPath(edge)}" fill="none" stroke="${CONFLICT_COLOUR}" stroke-width="3" `
    + `stroke-dasharray="7 4" marker-start="url(#tee)" marker-end="url(#tee)"><title>conflict</title></path>`;
}

function nodeSvg(node) {
  const d = node.data();
  const { x, y } = node.position();
  const left = x - NODE_WIDTH / 2;
  const top = y - NODE_HEIGHT / 2;
  const border = STATUS_COLOURS[d.status] || NO_STATUS_COLOUR;
  const fill = COVERAGE_FILL[d.coverage] || 0;
  const box = `x="${fmt(left)}" y="${fmt(top)}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8"`;
  const ring = d.confirmed ? CONFIRMED_COLOUR : d.candidate ? CANDIDATE_COLOUR : null;
  const parts = [];
  if (ring) {
    parts.push(`<rect x="${fmt(left - 6)}" y="${fmt(top - 6)}" width="${NODE_WIDTH + 12}" height="${NODE_HEIGHT + 12}" `
      + `rx="11" fill="none" stroke="${ring}" stroke-width="4"${d.confirmed ? '' : ' stroke-dasharray="8 4"'}/>`);
  }
  parts.push(`<rect ${box} fill="#ffffff"/>`);
  if (fill > 0) {
    const h = NODE_HEIGHT * fill / 100;
    parts.push(`<rect x="${fmt(left)}" y="${fmt(top + NODE_HEIGHT - h)}" width="${NODE_WIDTH}" height="${fmt(h)}" `
      + `rx="${fill === 100 ? 8 : 0}" fill="${COVERAGE_SHADE}" clip-path="url(#clip-${escapeHtml(d.key)})"/>`);
  }
  parts.push(`<rect ${box} fill="none" stroke="${border}" stroke-width="3"${d.placeholder ? ' stroke-dasharray="6 3"' : ''}/>`);
  const lines = [d.name, d.title, d.badges];
  // Long titles are squeezed into the box rather than spilling over the neighbours (no text wrapping in SVG).
  const fit = line => (line.length > 27 ? ` textLength="${NODE_WIDTH - 12}" lengthAdjust="spacingAndGlyphs"` : '');
  const text = lines.map((line, i) => `<tspan x="${fmt(x)}" y="${fmt(y + (i - 1) * 15 + 4)}"${fit(line)}`
    + `${i === 0 ? ' font-weight="bold"' : ''}>${escapeHtml(line)}</tspan>`).join('');
  parts.push(`<text text-anchor="middle" font-size="11">${text}</text>`);
  const clip = `<clipPath id="clip-${escapeHtml(d.key)}"><rect ${box}/></clipPath>`;
  return `<g class="person" data-id="${escapeHtml(d.id)}">${clip}${parts.join('')}</g>`;
}

/** The map as a standalone SVG document, drawn from the current positions. */
export function toSvg(cy, title) {
  const box = cy.elements().boundingBox();
  const pad = 20;
  const x = fmt(box.x1 - pad);
  const y = fmt(box.y1 - pad);
  const w = fmt(box.w + 2 * pad);
  const h = fmt(box.h + 2 * pad);
  const edges = cy.edges().map(edgeSvg).join('\n');
  const nodes = cy.nodes().map(nodeSvg).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}" font-family="DejaVu Sans, Arial, sans-serif">
<title>${escapeHtml(title)}</title>
<defs>
<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${INFLUENCE_COLOUR}"/></marker>
<marker id="tee" viewBox="0 0 4 12" refX="2" refY="6" markerWidth="2" markerHeight="5" orient="auto"><rect width="4" height="12" fill="${CONFLICT_COLOUR}"/></marker>
</defs>
<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>
${edges}
${nodes}
</svg>
`;
}
