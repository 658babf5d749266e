// The political map's one request. early-map.js (the page's first script) holds the query and sends it for the map
// the address names before the modules have loaded; the map page takes that answer when it opens on the same map
// and focus.
import { gql, gqlAnswer } from './api.js';

const early = window.innerCircleMap;

export const MAP = early.query;

/** The fields of a map that map-view.drawMap draws. */
export const DRAWN_FIELDS = early.drawnFields;

export const FOCUS_KEY = early.focusKey;

/** The focus the rep last chose for this opportunity's map: {focus: 'DEAL' | 'ALL', hops, chosen}. */
export const currentFocus = early.currentFocus;

/** The map of one opportunity in a focus, with the account's Inner Circle candidates. */
export function requestMap(opportunityId, focus) {
  const variables = early.variables(opportunityId, focus);
  const sent = early.take(opportunityId, focus);
  return sent ? gqlAnswer(sent, MAP, variables) : gql(MAP, variables);
}
