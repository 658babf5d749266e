// Live shared maps: the changes other people make to an account's map, and when its analysis is current, pushed
// over a WebSocket (GraphQL subscriptions mapChanges and analysisUpdates, protocol graphql-transport-ws). The browser
// sends the session cookie with the handshake, so the socket is signed in like every other request.

const SUBSCRIPTION = `subscription MapChanges($account: ID!) {
  mapChanges(account: $account) { account version by at changes }
}`;

const ANALYSIS_SUBSCRIPTION = `subscription AnalysisUpdates($account: ID!) {
  analysisUpdates(account: $account) { account analysisVersion }
}`;

/**
 * Calls onChange({account, version, by, at, changes}) for every change committed to the account's map, by anyone
 * on any app instance, and onAnalysis({account, analysisVersion}) each time the account's analysis is current (the
 * one current when the socket opens first). Reconnects after a dropped connection. Returns a function that stops
 * watching.
 */
export function watchMap(account, onChange, onAnalysis = () => {}) {
  let socket = null;
  let stopped = false;
  let retry = 1000;
  const open = () => {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        retry = 1000;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { account } } }));
        socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: ANALYSIS_SUBSCRIPTION, variables: { account } } }));
      } else if (message.type === 'next' && message.payload?.data?.mapChanges) {
        onChange(message.payload.data.mapChanges);
      } else if (message.type === 'next' && message.payload?.data?.analysisUpdates) {
        onAnalysis(message.payload.data.analysisUpdates);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'error') {
        console.warn('Live changes refused', message.payload);
        stopped = true;
      }
    };
    socket.onclose = () => {
      if (!stopped) {
        setTimeout(open, retry);
        retry = Math.min(retry * 2, 30000);
      }
    };
  };
  open();
  return () => {
    stopped = true;
    if (socket) socket.close();
  };
}

/** "randy: status of Sam Ortiz ...: NEUTRAL → SUPPORTER" for the status line. */
export function describeChange(change) {
  const what = change.changes.length === 0 ? `the map (version ${change.version})`
    : change.changes[0] + (change.changes.length > 1 ? ` and ${change.changes.length - 1} more` : '');
  return `${change.by || 'Someone'} changed ${what}`;
}
