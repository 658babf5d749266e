// The political map's request, sent by the page's first script: the server works on the map while the browser loads
// Cytoscape and the app's modules. A classic script, not a module, because a module runs only once every module it
// imports has loaded and been parsed: sent from one, the request left 0.22–0.28 s after navigation, from here it
// leaves at 0.10–0.16 s (measured in Chromium on the 2,000-person account's deal, the page's files cached).
// map-request.js takes the query, the focus and the answer from here (window.innerCircleMap).
'use strict';
window.innerCircleMap = (() => {
  // What map-view.drawMap draws of a map: the history page asks for the same of a past map.
  const drawnFields = `
    people {
      stakeholder { id key name title department adaptability rank influence innerCircle external placeholder }
      roles status coverage
    }
    reportingLines { person { id } manager { id } }
    influenceLines { from { id } to { id } strength note }
    conflictLines { between { id } note }
    teamMembers { id name role }`;

  const query = `query PoliticalMap($o: ID!, $a: ID!, $focus: MapFocus, $hops: Int) {
  politicalMap(opportunity: $o, focus: $focus, hops: $hops) {
    account { key name version }
    opportunity { id key name stage amount currency competitor { name } archived }${drawnFields}
    shape { people external departments { name people } }
    positions { stakeholder x y }
  }
  innerCircle(account: $a) { analysisVersion stale candidates { person { id } } }
}`;

  const focusKey = id => `innercircle.focus.${id}`;

  /** The focus the rep last chose for this opportunity's map: {focus: 'DEAL' | 'ALL', hops, chosen}. */
  function currentFocus(opportunityId) {
    try {
      const stored = JSON.parse(window.sessionStorage.getItem(focusKey(opportunityId)) || 'null');
      if (stored && (stored.focus === 'DEAL' || stored.focus === 'ALL')) return { ...stored, chosen: true };
    } catch (ignored) {
      // An unreadable entry: fall back to the default.
    }
    return { focus: 'DEAL', hops: 0, chosen: false };
  }

  const variables = (opportunityId, focus) =>
    ({ o: opportunityId, a: opportunityId.split('/')[0], focus: focus.focus, hops: focus.hops });

  const key = (opportunityId, focus) => JSON.stringify([opportunityId, focus.focus, focus.hops]);

  /** The request sent for the address the page opened on, taken once by the map page while it is fresh. */
  let sent = null;
  const FRESH_FOR_MS = 10000;

  function send(hash) {
    const match = hash.match(/^#\/map\/(.+?)(?:\/(?:assessment|strategy|plan|review|stages))?$/);
    // Without the CSRF cookie (a first visit) the POST would be refused: the page's own request fetches one first.
    const csrf = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    if (!match || !csrf) return;
    const opportunityId = decodeURIComponent(match[1]);
    const focus = currentFocus(opportunityId);
    const response = fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json', Accept: 'application/json',
        'X-XSRF-TOKEN': decodeURIComponent(csrf[1]),
      },
      body: JSON.stringify({ query, variables: variables(opportunityId, focus) }),
    });
    // A failure is reported by the page that takes the answer.
    response.catch(() => {});
    sent = { key: key(opportunityId, focus), response, at: performance.now() };
  }

  /** The response to the request sent for this map and focus, if it was and is fresh; null otherwise. */
  function take(opportunityId, focus) {
    const found = sent;
    sent = null;
    return found && found.key === key(opportunityId, focus) && performance.now() - found.at < FRESH_FOR_MS
      ? found.response : null;
  }

  try {
    send(window.location.hash);
  } catch (ignored) {
    // The page's own request follows.
  }
  return { query, drawnFields, focusKey, currentFocus, variables, take };
})();
