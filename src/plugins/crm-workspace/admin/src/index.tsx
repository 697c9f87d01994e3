import { Typography } from '@strapi/design-system';
import { GridNine, Magic, PresentationChart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ContactPanel } from './components/ContactPanel';
import { ExportButton } from './components/ExportButton';
import { NegotiationPanel } from './components/NegotiationPanel';
import { label } from './format';
import { PLUGIN_ID } from './pluginId';

/** Content-manager hook that lets plugins change the columns of a list view. */
const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
}

function enumerationLabel(value: unknown): string {
  return label(typeof value === 'string' ? value : null);
}

/**
 * Shows enumeration cells of the list views with their French label (« Suivi du financement »
 * for financing): the list view prints the stored value, unlike the edit view.
 */
function translateEnumerationColumns<T extends { displayedHeaders: ListHeader[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' && header.cellFormatter === undefined
        ? { ...header, cellFormatter: (row: Record<string, unknown>) => <Typography textColor="neutral800">{enumerationLabel(row[header.name])}</Typography> }
        : header,
    ),
  };
}

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

  bootstrap(app: Pick<StrapiApp, 'getPlugin' | 'registerHook'>) {
    app.registerHook(INJECT_COLUMN_IN_TABLE, translateEnumerationColumns);
    const contentManager = app.getPlugin('content-manager');
    const addPanels = contentManager.apis.addEditViewSidePanel;
    if (typeof addPanels === 'function') addPanels([NegotiationPanel, ContactPanel]);
    contentManager.injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-export`, Component: ExportButton });
  },
};
