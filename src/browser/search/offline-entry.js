// @ts-check
// Entry of the offline mirror's classic search script (search/search-offline.js, bundled by
// src/search/offline-bundle.ts): the file loader first, so search.js finds it when it starts.
import './offline-files.js';
import './search.js';
