// Lays out big maps off the page's thread, so the page stays responsive while thousands of boxes are placed.
import { placeMap } from './map-layout.js';

self.onmessage = event => self.postMessage(placeMap(event.data));
