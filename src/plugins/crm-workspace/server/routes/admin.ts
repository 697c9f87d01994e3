/**
 * Admin API routes, mounted under /crm-workspace. Each needs an admin session; the services
 * scope the data to the logged-in user, or to the team for the sales director.
 */
const loggedIn = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/dashboard', handler: 'workspace.dashboard', config: loggedIn },
    { method: 'GET', path: '/negotiations', handler: 'workspace.openNegotiations', config: loggedIn },
    { method: 'GET', path: '/negotiations/:documentId/progress', handler: 'workspace.progress', config: loggedIn },
    { method: 'POST', path: '/negotiations/:documentId/close', handler: 'workspace.close', config: loggedIn },
    { method: 'POST', path: '/negotiations/:documentId/reopen', handler: 'workspace.reopen', config: loggedIn },
    { method: 'GET', path: '/negotiations/:documentId/matches', handler: 'workspace.matches', config: loggedIn },
    { method: 'POST', path: '/negotiations/:documentId/propositions', handler: 'workspace.propose', config: loggedIn },
    { method: 'POST', path: '/negotiations/:documentId/reservations', handler: 'workspace.reserve', config: loggedIn },
    { method: 'GET', path: '/contacts/:documentId/summary', handler: 'workspace.contactSummary', config: loggedIn },
    { method: 'POST', path: '/contacts/:documentId/negotiations', handler: 'workspace.createNegotiation', config: loggedIn },
    { method: 'POST', path: '/activities', handler: 'workspace.createActivity', config: loggedIn },
    { method: 'GET', path: '/programmes', handler: 'workspace.programmes', config: loggedIn },
    { method: 'GET', path: '/programmes/:documentId/lots', handler: 'workspace.programmeLots', config: loggedIn },
    { method: 'GET', path: '/export/:list', handler: 'workspace.exportList', config: loggedIn },
  ],
};
