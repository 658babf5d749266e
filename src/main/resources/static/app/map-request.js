// The political map's one request, started as early as the page can: prefetch.js starts it while the page's other
// scripts are still loading (the server works on it meanwhile), and the map page takes that answer when it opens
// on the same map and focus. Kept small on purpose: prefetch.js waits for nothing but this module and api.js.
import { gql } from './api.js';

export const MAP = `query PoliticalMap($o: ID!, $a: ID!, $focus: MapFocus, $hops: Int) {
  politicalMap(opportunity: $o, focus: $focus, hops: $hops) {
    account { key name version }
    opportunity { id key name stage amount currency competitor { name } archived }
    people {
      stakeholder { id key name title department adaptability rank influence innerCircle external placeholder }
      roles status coverage
    }
    reportingLines { person { id } manager { id } }
    influenceLines { from { id } to { id } strength note }
    conflictLines { between { id } note }
    teamMembers { id name role }
    shape { people external departments { name people } }
    positions { stakeholder x y }
  }
  innerCircle(account: $a) { candidates { person { id } } }
}`;

export const FOCUS_KEY = id => `innercircle.focus.${id}`;

/** The focus the rep last chose for this opportunity's map: {focus: 'DEAL' | 'ALL', hops, chosen}. */
export function currentFocus(opportunityId) {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(FOCUS_KEY(opportunityId)) || 'null');
    if (stored && (stored.focus === 'DEAL' || stored.focus === 'ALL')) return { ...stored, chosen: true };
  } catch (ignored) {
    // An unreadable entry: fall back to the default.
  }
  return { focus: 'DEAL', hops: 0, chosen: false };
}

/** An answer asked for before the map page opened, taken by the first page that wants it while it is fresh. */
let early = null;

const EARLY_FOR_MS = 10_000;

const requestKey = (opportunityId, focus) => JSON.stringify([opportunityId, focus.focus, focus.hops]);

/** The map of one opportunity in a focus, with the account's Inner Circle candidates. */
export function requestMap(opportunityId, focus) {
  const key = requestKey(opportunityId, focus);
  if (early && early.key === key && performance.now() - early.at < EARLY_FOR_MS) {
    const { answer } = early;
    early = null;
    return answer;
  }
  return gql(MAP, { o: opportunityId, a: opportunityId.split('/')[0], focus: focus.focus, hops: focus.hops });
}

/** Starts the request of the map the address names (#/map/<opportunity id>[/<section>]), if it names one. */
export function requestEarly(hash) {
  const match = hash.match(/^#\/map\/(.+?)(?:\/(?:assessment|strategy|plan|review|stages))?$/);
  if (!match) return;
  const opportunityId = decodeURIComponent(match[1]);
  const focus = currentFocus(opportunityId);
  const answer = requestMap(opportunityId, focus);
  // A failure is reported by the page that takes the answer.
  answer.catch(() => {});
  early = { key: requestKey(opportunityId, focus), answer, at: performance.now() };
}
