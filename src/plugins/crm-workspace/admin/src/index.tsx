import { GridNine, Magic, PresentationChart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ContactPanel } from './components/ContactPanel';
import { ExportButton } from './components/ExportButton';
import { NegotiationPanel } from './components/NegotiationPanel';
import { PLUGIN_ID } from './pluginId';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Espace commercial' });

    // Menu positions after the content manager (1) and before the settings.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/dashboard`,
      icon: PresentationChart,
      intlLabel: { id: `${PLUGIN_ID}.menu.dashboard`, defaultMessage: 'Tableau de bord' },
      permissions: [],
      position: 2,
      Component: () => import('./pages/DashboardPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/stock`,
      icon: GridNine,
      intlLabel: { id: `${PLUGIN_ID}.menu.stock`, defaultMessage: 'Stock' },
      permissions: [],
      position: 3,
      Component: () => import('./pages/StockPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/matching`,
      icon: Magic,
      intlLabel: { id: `${PLUGIN_ID}.menu.matching`, defaultMessage: 'Lots pour une négo' },
      permissions: [],
      position: 4,
      Component: () => import('./pages/MatchingPage'),
    });
  },

  // The admin is in French only; these ids label the menu links.
  async registerTrads({ locales }: { locales: string[] }) {
    const french = {
      [`${PLUGIN_ID}.menu.dashboard`]: 'Tableau de bord',
      [`${PLUGIN_ID}.menu.stock`]: 'Stock',
      [`${PLUGIN_ID}.menu.matching`]: 'Lots pour une négo',
    };
    return locales.map((locale) => ({ locale, data: locale === 'fr' ? french : {} }));
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const contentManager = app.getPlugin('content-manager');
    const addPanels = contentManager.apis.addEditViewSidePanel;
    if (typeof addPanels === 'function') addPanels([NegotiationPanel, ContactPanel]);
    contentManager.injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-export`, Component: ExportButton });
  },
};
