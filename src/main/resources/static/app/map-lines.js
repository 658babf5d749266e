// Influence and conflict lines drawn on demand. A whole account of 2,000 people has about 10,000 influence lines:
// as Cytoscape elements they cost four to five seconds to style and draw and a second or more for every later
// picture, and on screen they are a texture nobody can read. Above LINES_ON_DEMAND_FROM lines a big map (more than
// BIG_MAP people, map-view.js) draws its boxes and reporting lines, and a person's influence and conflict lines
// when that person is selected (or on a highlighted route); "Draw all lines" adds the rest, a slice a frame.
import { bendsAvoidingBoxes } from './map-layout.js';

/** A map with more influence and conflict lines than this draws them on demand. */
export const LINES_ON_DEMAND_FROM = 4000;

/** Lines a map adds per frame when it adds thousands: each frame also draws what is there so far. */
export const LINES_PER_FRAME = 6000;

/** The element id of the influence line from one person to another (as map-view.js names it). */
export const influenceLineId = (from, to) => `influence:${from}>${to}`;

/** After the next frame was painted. */
export function nextFrame() {
  return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Adds the elements a slice per frame, each slice in one batch (one restyle), passed to {@code onSlice}. */
export async function addInSlices(cy, elements, perFrame = LINES_PER_FRAME, onSlice = () => {}) {
  for (let i = 0; i < elements.length; i += perFrame) {
    await nextFrame();
    if (cy.destroyed()) return;
    cy.batch(() => onSlice(cy.add(elements.slice(i, i + perFrame))));
  }
}

/**
 * The lines of one map not yet drawn, by person. Lines drawn for a selection carry the class "on-demand" and go
 * when the selection does; {@link #drawAll} draws every line for good.
 */
export class LinesOnDemand {
  /** @param lines Cytoscape edge definitions of kind influence or conflict */
  constructor(lines) {
    this.lines = lines;
    this.byPerson = new Map();
    lines.forEach(line => {
      [line.data.source, line.data.target].forEach(id => {
        if (!this.byPerson.has(id)) this.byPerson.set(id, []);
        this.byPerson.get(id).push(line);
      });
    });
    /** Called with each collection of lines added, so that the page's filters apply to them too. */
    this.onAdded = () => {};
    this.allDrawn = false;
  }

  get size() {
    return this.lines.length;
  }

  /** Draws the lines of these people not drawn yet, until {@code hide(cy, why)}; why: 'for-person' or 'for-route'. */
  show(cy, personIds, why = 'for-person') {
    const wanted = new Map();
    personIds.forEach(id => (this.byPerson.get(id) || []).forEach(line => wanted.set(line.data.id, line)));
    return this.add(cy, [...wanted.values()], why);
  }

  /** Draws the influence lines of a route (person ids, first to last) not drawn yet, until hide(cy, 'for-route'). */
  showRoute(cy, personIds) {
    const ids = new Set(personIds.slice(1).map((id, i) => influenceLineId(personIds[i], id)));
    const onRoute = personIds.slice(0, -1).flatMap(id => this.byPerson.get(id) || [])
      .filter(line => ids.has(line.data.id));
    return this.add(cy, onRoute, 'for-route');
  }

  /** Draws those of the lines not drawn yet, with the classes "on-demand" and {@code why}. */
  add(cy, lines, why) {
    if (this.allDrawn) return cy.collection();
    // A line already drawn for the other reason stays until neither wants it.
    const missing = lines.filter(line => {
      const drawn = cy.getElementById(line.data.id);
      if (drawn.nonempty()) drawn.addClass(why);
      return drawn.empty();
    });
    if (!missing.length) return cy.collection();
    // A few lines at a time: bent around the boxes, as on a focused map.
    const boxes = {};
    cy.nodes(':visible').forEach(n => { boxes[n.id()] = n.position(); });
    const bends = bendsAvoidingBoxes(boxes, missing.map(line => line.data));
    let added = cy.collection();
    cy.batch(() => {
      added = cy.add(missing.map(line => ({
        ...line, data: { ...line.data, bend: bends[line.data.id] || 0 }, classes: `on-demand ${why}`,
      })));
      this.onAdded(added);
    });
    return added;
  }

  /** Takes away the lines drawn for a selection ('for-person') or a route ('for-route'). */
  hide(cy, why = 'for-person') {
    if (this.allDrawn) return;
    const shown = cy.edges(`.${why}`).removeClass(why);
    const unwanted = shown.filter(e => !e.hasClass('for-person') && !e.hasClass('for-route'));
    if (unwanted.nonempty()) cy.remove(unwanted);
  }

  /** Draws every line, a slice a frame; resolves when the last slice is in. */
  async drawAll(cy) {
    if (this.allDrawn) return;
    this.allDrawn = true;
    cy.edges('.on-demand').removeClass('on-demand for-person for-route');
    const rest = this.lines.filter(line => cy.getElementById(line.data.id).empty())
      .map(line => ({ ...line, classes: 'texture' }));
    await addInSlices(cy, rest, LINES_PER_FRAME, added => this.onAdded(added));
  }
}

// Kept beside the Cytoscape instance, not in its scratch data: setting the core's scratch restyles every element
// (about half a second on a whole account of 2,000 people).
const storeOf = new WeakMap();

/** Makes these the map's lines drawn on demand. */
export function drawLinesOnDemand(cy, lines) {
  storeOf.set(cy, lines);
}

/** The map's lines drawn on demand, or null when it draws them all. */
export function linesOnDemand(cy) {
  const lines = storeOf.get(cy);
  return lines && !lines.allDrawn ? lines : null;
}
