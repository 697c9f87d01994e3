'use strict';

// Strapi loads a local plugin's server entry only from a .js file, so this file hands over to
// the TypeScript sources compiled by the application's build (dist/src/plugins/gps-sync/).
const fs = require('node:fs');
const path = require('node:path');

const compiledHere = path.join(__dirname, 'server', 'index.js');
const compiledInApp = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'plugins', 'gps-sync', 'server', 'index.js');

const entry = fs.existsSync(compiledHere) ? compiledHere : compiledInApp;
const loaded = require(entry);

module.exports = loaded.default || loaded;
