export default {
  routes: [
    { method: 'POST', path: '/negotiations/:id/close', handler: 'api::negotiation.negotiation.close', config: {} },
    { method: 'POST', path: '/negotiations/:id/reopen', handler: 'api::negotiation.negotiation.reopen', config: {} },
  ],
};
