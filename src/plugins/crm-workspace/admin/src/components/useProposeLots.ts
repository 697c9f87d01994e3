import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ProposeResponse } from '../../../shared/contracts';
import { errorMessage } from '../api';
import { API } from '../pluginId';

/**
 * « Proposer ces lots »: creates one proposition per lot through the sales rules, then
 * notifies the négociateur of the lots proposed and of the lots refused, with the reason.
 */
export function useProposeLots() {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);

  const propose = React.useCallback(
    async (negotiation: string, lots: string[], references: Map<string, string>, optionUntil: string | null): Promise<ProposeResponse | null> => {
      setBusy(true);
      try {
        const response = await post<{ data: ProposeResponse }>(`${API}/negotiations/${negotiation}/propositions`, { lots, optionUntil });
        const result = response.data.data;
        const proposed = result.created.map((item) => references.get(item.lot) ?? item.lot).join(', ');
        toggleNotification({
          type: result.rejected.length === 0 ? 'success' : 'warning',
          message: [
            `${result.created.length} lot(s) proposé(s) : ${proposed}.`,
            ...result.rejected.map((item) => item.message),
            `La négo est en phase « ${result.progress.steps.find((step) => step.state === 'current')?.label ?? result.progress.phase} ».`,
          ].join(' '),
        });
        return result;
      } catch (error) {
        toggleNotification({ type: 'danger', message: errorMessage(error) });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [post, toggleNotification],
  );

  return { propose, busy };
}
