// GraphiQL against the app's /graphql, sending the CSRF token cookie back as a header when there is one.
(function () {
  function csrfHeaders() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
  }

  function fetcher(params) {
    var headers = Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders());
    return fetch('/graphql', {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(params),
    }).then(function (response) { return response.json(); });
  }

  var defaultQuery = [
    '# The accounts and their opportunities. Ctrl-Enter runs the query.',
    '{',
    '  accounts(first: 10) {',
    '    edges { node { key name opportunities { id name stage } } }',
    '  }',
    '}',
    '',
  ].join('\n');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: false }));
}());
