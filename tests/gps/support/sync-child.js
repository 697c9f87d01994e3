'use strict';

// A second application process for the GPS tests: boots the compiled application on the
// database named by its environment, then runs a synchronisation each time its parent sends
// { type: 'run' } over IPC, forwarding progress and the report.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '..', '..', '..');
let strapi;

process.on('message', async (message) => {
  try {
    if (message.type === 'run') {
      const report = await strapi
        .plugin('gps-sync')
        .service('sync')
        .run({
          trigger: 'cli',
          source: { dir: message.dir },
          force: message.force === true,
          onProgress: (progress) => process.send({ type: 'progress', progress }),
        });
      process.send({ type: 'report', report });
    } else if (message.type === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  } catch (error) {
    process.send({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
  }
});

createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') })
  .load()
  .then((app) => {
    strapi = app;
    process.send({ type: 'ready' });
  })
  .catch((error) => {
    process.send({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
    process.exit(1);
  });
