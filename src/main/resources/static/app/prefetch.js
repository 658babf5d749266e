// Runs before the rest of the page's scripts have loaded (an async module in index.html): the map's request goes
// out at once, so the server's work overlaps the browser's loading of Cytoscape and the app.
import { requestEarly } from './map-request.js';

requestEarly(window.location.hash);
