import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Flex,
  ProgressBar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { formatDateTime, formatDuration, STATUS_LABELS, TRIGGER_LABELS } from './format';

interface RejectedRow {
  file: string;
  line: number;
  reason: string;
  code?: string;
}

interface Difference {
  lotGpsKey?: string;
  message: string;
}

interface SyncRun {
  documentId: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: string;
  status: string;
  source: string | null;
  dryRun: boolean;
  forced: boolean;
  programmesCreated: number;
  programmesUpdated: number;
  programmesUnchanged: number;
  programmesWithdrawn: number;
  lotsCreated: number;
  lotsUpdated: number;
  lotsUnchanged: number;
  lotsWithdrawn: number;
  rejectedCount: number;
  differenceCount: number;
  message: string | null;
  rejectedRows?: RejectedRow[] | null;
  differences?: Difference[] | null;
}

interface Status {
  running: boolean;
  current: { runId: string; progress: { phase: string; done: number; total: number; message: string } } | null;
  lastRun: SyncRun | null;
}

const PAGE_SIZE = 20;
const POLL_MS = 2000;

interface ErrorBody {
  message?: string;
  details?: { runId?: string };
}

function errorBody(error: unknown): ErrorBody {
  if (typeof error !== 'object' || error === null || !('response' in error)) return {};
  const response: unknown = error.response;
  if (typeof response !== 'object' || response === null || !('data' in response)) return {};
  const data: unknown = response.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return {};
  const body: unknown = data.error;
  return typeof body === 'object' && body !== null ? (body as ErrorBody) : {};
}

function errorMessage(error: unknown): string {
  return errorBody(error).message ?? 'La synchronisation a échoué. Consultez le journal du serveur.';
}

function counts(created: number, updated: number, unchanged: number, withdrawn: number): string {
  return `${created} créés · ${updated} modifiés · ${unchanged} inchangés · ${withdrawn} retirés`;
}

const RunDetail = ({ run }: { run: SyncRun }) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginTop={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        Synchronisation du {formatDateTime(run.startedAt)}
      </Typography>
      <Typography>{run.message ?? ''}</Typography>
      <Typography variant="pi" textColor="neutral600">
        Source : {run.source ?? 'non lue'}
        {run.dryRun ? ' · simulation sans écriture' : ''}
        {run.forced ? ' · retrait massif forcé' : ''}
      </Typography>

      <Typography variant="epsilon" tag="h3">
        Lignes rejetées ({run.rejectedRows?.length ?? 0})
      </Typography>
      {run.rejectedRows && run.rejectedRows.length > 0 ? (
        <Table colCount={3} rowCount={run.rejectedRows.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">Fichier</Typography></Th>
              <Th><Typography variant="sigma">Ligne</Typography></Th>
              <Th><Typography variant="sigma">Motif</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {run.rejectedRows.map((row) => (
              <Tr key={`${row.file}:${row.line}:${row.code ?? ''}`}>
                <Td><Typography>{row.file}</Typography></Td>
                <Td><Typography>{row.line}</Typography></Td>
                <Td><Typography>{row.reason}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <Typography textColor="neutral600">Aucune ligne rejetée.</Typography>
      )}

      <Typography variant="epsilon" tag="h3">
        Écarts entre GPS et le CRM ({run.differences?.length ?? 0})
      </Typography>
      {run.differences && run.differences.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={1}>
          {run.differences.map((difference, index) => (
            <Typography key={`${difference.lotGpsKey ?? index}`}>{difference.message}</Typography>
          ))}
        </Flex>
      ) : (
        <Typography textColor="neutral600">Aucun écart.</Typography>
      )}
    </Flex>
  </Box>
);

export const RunsPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ run: [{ action: 'plugin::gps-sync.run', subject: null }] });

  const [runs, setRuns] = React.useState<SyncRun[] | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [selected, setSelected] = React.useState<SyncRun | null>(null);
  const [dryRun, setDryRun] = React.useState(false);
  const [force, setForce] = React.useState(false);
  const [starting, setStarting] = React.useState(false);
  const [loadError, setLoadError] = React.useState(false);

  const refresh = React.useCallback(async () => {
    try {
      const [list, current] = await Promise.all([
        get<{ data: SyncRun[] }>('/gps-sync/runs', { params: { page: 1, pageSize: PAGE_SIZE } }),
        get<{ data: Status }>('/gps-sync/status'),
      ]);
      setRuns(list.data.data);
      setStatus(current.data.data);
      setLoadError(false);
    } catch {
      setLoadError(true);
    }
  }, [get]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  React.useEffect(() => {
    if (!status?.running && !starting) return undefined;
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [status?.running, starting, refresh]);

  const showRun = async (documentId: string) => {
    try {
      const response = await get<{ data: SyncRun }>(`/gps-sync/runs/${documentId}`);
      setSelected(response.data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const startRun = async () => {
    setStarting(true);
    try {
      const response = await post<{ data: { message: string; runId: string } }>('/gps-sync/run', { dryRun, force });
      toggleNotification({ type: 'success', message: response.data.data.message });
      await showRun(response.data.data.runId);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      // A failed or skipped run is recorded too: show why it did not apply.
      const runId = errorBody(error).details?.runId;
      if (runId) await showRun(runId);
    } finally {
      setStarting(false);
      await refresh();
    }
  };

  if (loadError && runs === null) {
    return <Page.Error />;
  }
  if (runs === null) {
    return <Page.Loading />;
  }

  const progress = status?.current?.progress;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Layouts.Root>
      <Page.Title>Synchronisation GPS</Page.Title>
      <Layouts.Header
        title="Synchronisation GPS"
        subtitle="Import des programmes et des lots depuis l'export GPS, chaque nuit et à la demande"
        primaryAction={
          allowedActions.canRun ? (
            <Button onClick={startRun} loading={starting} disabled={starting || status?.running}>
              Synchroniser maintenant
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {allowedActions.canRun && (
          <Flex gap={6} marginBottom={4}>
            <Checkbox checked={dryRun} onCheckedChange={(value: boolean | 'indeterminate') => setDryRun(value === true)}>
              Simulation : afficher le plan sans rien écrire
            </Checkbox>
            <Checkbox checked={force} onCheckedChange={(value: boolean | 'indeterminate') => setForce(value === true)}>
              Forcer malgré un retrait massif de lots
            </Checkbox>
          </Flex>
        )}

        {status?.running && progress && (
          <Box background="neutral0" padding={4} marginBottom={4} hasRadius shadow="tableShadow">
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography fontWeight="bold">Synchronisation en cours</Typography>
              <ProgressBar value={percent} />
              <Typography variant="pi">{progress.message}</Typography>
            </Flex>
          </Box>
        )}

        {runs.length === 0 ? (
          <EmptyStateLayout content="Aucune synchronisation pour l'instant. La première aura lieu cette nuit, ou maintenant avec le bouton « Synchroniser maintenant »." />
        ) : (
          <Table colCount={7} rowCount={runs.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Début</Typography></Th>
                <Th><Typography variant="sigma">Déclenchement</Typography></Th>
                <Th><Typography variant="sigma">Statut</Typography></Th>
                <Th><Typography variant="sigma">Programmes</Typography></Th>
                <Th><Typography variant="sigma">Lots</Typography></Th>
                <Th><Typography variant="sigma">Rejets / écarts</Typography></Th>
                <Th><Typography variant="sigma">Durée</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {runs.map((run) => {
                const state = STATUS_LABELS[run.status] ?? { label: run.status, variant: 'neutral' as const };
                return (
                  <Tr key={run.documentId} onClick={() => void showRun(run.documentId)} style={{ cursor: 'pointer' }}>
                    <Td><Typography>{formatDateTime(run.startedAt)}</Typography></Td>
                    <Td>
                      <Typography>
                        {TRIGGER_LABELS[run.trigger] ?? run.trigger}
                        {run.dryRun ? ' (simulation)' : ''}
                      </Typography>
                    </Td>
                    <Td><Badge variant={state.variant}>{state.label}</Badge></Td>
                    <Td><Typography variant="pi">{counts(run.programmesCreated, run.programmesUpdated, run.programmesUnchanged, run.programmesWithdrawn)}</Typography></Td>
                    <Td><Typography variant="pi">{counts(run.lotsCreated, run.lotsUpdated, run.lotsUnchanged, run.lotsWithdrawn)}</Typography></Td>
                    <Td><Typography>{run.rejectedCount} / {run.differenceCount}</Typography></Td>
                    <Td><Typography>{formatDuration(run.startedAt, run.finishedAt)}</Typography></Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}

        {selected && <RunDetail run={selected} />}
      </Layouts.Content>
    </Layouts.Root>
  );
};
