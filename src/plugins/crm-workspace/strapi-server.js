'use strict';

// Strapi loads a local plugin's server entry only from a .js file, so this file hands over to
// the TypeScript sources compiled by the application's build (dist/src/plugins/crm-workspace/).
const path = require('node:path');

const loaded = require(path.join(__dirname, '..', '..', '..', 'dist', 'src', 'plugins', 'crm-workspace', 'server', 'index.js'));

module.exports = loaded.default || loaded;
