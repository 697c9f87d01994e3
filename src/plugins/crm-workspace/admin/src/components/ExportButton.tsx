import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import { errorMessage } from '../api';
import { API } from '../pluginId';

/** Content types whose list view gets the export button, with the export route's list name. */
const EXPORTABLE: Readonly<Record<string, string>> = {
  'api::negotiation.negotiation': 'negotiations',
  'api::contact.contact': 'contacts',
  'api::activity.activity': 'activities',
  'api::lot.lot': 'lots',
};

const LIST_PATH = /\/content-manager\/collection-types\/([^/?]+)\/?$/;

function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return match ? match[1] : fallback;
}

/**
 * « Exporter (CSV) » in the list view: downloads the list as filtered, searched and sorted on
 * screen, with its columns, as a CSV file for French Excel.
 */
export const ExportButton = () => {
  const location = useLocation();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);

  const uid = LIST_PATH.exec(location.pathname)?.[1];
  const list = uid ? EXPORTABLE[decodeURIComponent(uid)] : undefined;
  if (!list) return null;

  const download = async () => {
    setBusy(true);
    try {
      // The list view keeps its filters, search and sort in the URL; the route reads the same keys.
      const search = new URLSearchParams(location.search);
      for (const key of ['page', 'pageSize', 'plugins[i18n][locale]']) search.delete(key);
      const response = await get(`${API}/export/${list}?${search.toString()}`, { responseType: 'blob' });
      const fileName = fileNameOf(response.headers?.get('content-disposition') ?? null, `${list}.csv`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(response.data);
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="tertiary" startIcon={<Download />} onClick={download} loading={busy}>
      Exporter (CSV)
    </Button>
  );
};
