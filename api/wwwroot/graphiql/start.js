// Starts GraphiQL against this server's /graphql endpoint. Everything is served locally: no CDN.
(function () {
  var endpoint = new URL('/graphql', window.location.href).toString();
  var fetcher = GraphiQL.createFetcher({ url: endpoint, headers: { Accept: 'application/graphql-response+json' } });
  var example = [
    '# Bereavement support within 10 km of Sidmouth, nearest first',
    'query {',
    '  services(postcode: "EX10 8XX", radiusKm: 10, text: "bereavement", first: 5) {',
    '    totalCount',
    '    edges { distanceKm node { name organization { name } openingHours } }',
    '  }',
    '}',
    ''
  ].join('\n');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: example, defaultEditorToolsVisibility: true }));
})();
