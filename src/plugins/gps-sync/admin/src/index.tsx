import type { StrapiApp } from '@strapi/strapi/admin';
import { ArrowClockwise } from '@strapi/icons';

const PLUGIN_ID = 'gps-sync';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ArrowClockwise,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Synchronisation GPS' },
      permissions: [{ action: 'plugin::gps-sync.read', subject: null }],
      Component: () => import('./pages/RunsPage').then((module) => ({ default: module.RunsPage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Synchronisation GPS' });
  },
};
