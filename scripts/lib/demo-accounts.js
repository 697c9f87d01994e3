'use strict';

// Demo staff accounts. The defaults are for a local demo only; set the variables to change
// them, and never use them on a server that others can reach.
function demoAccounts(env = process.env) {
  const negotiatorPassword = env.DEMO_NEGOTIATOR_PASSWORD || 'Demo-Nego-2026';
  return {
    admin: {
      email: env.DEMO_ADMIN_EMAIL || 'admin@example.com',
      password: env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2026',
    },
    negotiators: [
      { email: env.DEMO_NEGOTIATOR_1_EMAIL || 'claire.martin@example.com', firstname: 'Claire', lastname: 'Martin', password: negotiatorPassword },
      { email: env.DEMO_NEGOTIATOR_2_EMAIL || 'julien.bernard@example.com', firstname: 'Julien', lastname: 'Bernard', password: negotiatorPassword },
    ],
  };
}

module.exports = { demoAccounts };
