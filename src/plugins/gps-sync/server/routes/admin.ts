/** Admin API routes, mounted under /gps-sync; each needs an admin session with the plugin action. */
const canRead = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: ['plugin::gps-sync.read'] } },
];
const canRun = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: ['plugin::gps-sync.run'] } },
];

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/runs', handler: 'runs.find', config: { policies: canRead } },
    { method: 'GET', path: '/runs/:id', handler: 'runs.findOne', config: { policies: canRead } },
    { method: 'GET', path: '/status', handler: 'runs.status', config: { policies: canRead } },
    { method: 'POST', path: '/run', handler: 'runs.run', config: { policies: canRun } },
  ],
};
