import * as React from 'react';
import { Box, Button, Dialog, Field, Flex, Loader, Modal, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import type { NegotiationProgress, PropositionSummary } from '../../../shared/contracts';
import { errorMessage, useApi } from '../api';
import { dateTime, day, euros, label, parseFrenchAmount, squareMetres, todayIso } from '../format';
import { API, NEGOTIATION_UID, PLUGIN_ID } from '../pluginId';
import { ActivityButton } from './ActivityModal';
import { FrenchDatePicker } from './FrenchDatePicker';
import { LotStatusBadge } from './LotStatusBadge';
import { useEditViewRefetch } from './useEditViewRefetch';

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

/** Side panel of the négo edit view: phase, what is missing, lots, reservation, history. */
export const NegotiationPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== NEGOTIATION_UID || !documentId) return null;
  return {
    title: 'Suivi de la négo',
    content: <NegotiationProgressView documentId={documentId} version={String(document?.updatedAt ?? '')} />,
  };
};

const SectionTitle = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="sigma" textColor="neutral600" tag="h3">
    {children}
  </Typography>
);

const STEP_MARKS = { done: '✓', current: '●', todo: '○' } as const;

const NegotiationProgressView = ({ documentId, version }: { documentId: string; version: string }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refetchEditView = useEditViewRefetch();
  const url = `${API}/negotiations/${documentId}/progress?v=${encodeURIComponent(version)}`;
  const progress = useApi<NegotiationProgress>(url);
  const [busy, setBusy] = React.useState(false);
  const [reserving, setReserving] = React.useState<PropositionSummary | null>(null);

  const changeStatus = async (action: 'close' | 'reopen') => {
    setBusy(true);
    try {
      const response = await post<{ data: NegotiationProgress }>(`${API}/negotiations/${documentId}/${action}`);
      progress.setData(response.data.data);
      toggleNotification({ type: 'success', message: action === 'close' ? 'La négo est fermée.' : 'La négo est rouverte.' });
      refetchEditView();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  if (progress.isLoading && !progress.data) return <Loader small>Chargement du suivi…</Loader>;
  if (progress.error) return <Typography textColor="danger600">{progress.error}</Typography>;
  if (!progress.data) return null;
  const negotiation = progress.data;
  const isOpen = negotiation.status === 'open';

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="negotiation-panel">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <SectionTitle>Phase de vente</SectionTitle>
        <Typography variant="omega" fontWeight="bold" data-testid="negotiation-phase">
          {label(negotiation.phase)} · {label(negotiation.status)}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={1} tag="ol" aria-label="Étapes de la vente">
          {negotiation.steps.map((step) => (
            <Typography key={step.phase} tag="li" variant="pi" textColor={step.state === 'todo' ? 'neutral500' : 'neutral800'} fontWeight={step.state === 'current' ? 'bold' : 'regular'}>
              {STEP_MARKS[step.state]} {step.label}
            </Typography>
          ))}
        </Flex>
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={1}>
        <SectionTitle>Pour passer à la phase suivante</SectionTitle>
        <Typography variant="pi" data-testid="negotiation-missing">
          {negotiation.missingForNextPhase ?? (isOpen ? 'Rien ne manque.' : 'La négo est terminée.')}
        </Typography>
      </Flex>

      {isOpen ? (
        <Flex gap={2} wrap="wrap">
          <Button tag={RouterLink} to={`/plugins/${PLUGIN_ID}/matching?negotiation=${documentId}`} variant="secondary" size="S">
            Trouver des lots
          </Button>
          <Button tag={RouterLink} to={`/plugins/${PLUGIN_ID}/stock?negotiation=${documentId}`} variant="tertiary" size="S">
            Voir le stock
          </Button>
          <ActivityButton negotiation={documentId} />
        </Flex>
      ) : null}

      <Flex direction="column" alignItems="stretch" gap={2}>
        <SectionTitle>Lots proposés ({negotiation.propositions.length})</SectionTitle>
        {negotiation.propositions.length === 0 ? <Typography variant="pi">Aucun lot proposé pour l'instant.</Typography> : null}
        {negotiation.propositions.map((proposition) => (
          <PropositionLine
            key={proposition.documentId}
            proposition={proposition}
            canReserve={isOpen && negotiation.activeReservation === null}
            onReserve={() => setReserving(proposition)}
          />
        ))}
      </Flex>

      {negotiation.activeReservation ? (
        <Flex direction="column" alignItems="stretch" gap={1} data-testid="active-reservation">
          <SectionTitle>Réservation en cours</SectionTitle>
          <Typography variant="pi">
            {negotiation.activeReservation.lots.map((lot) => lot.reference).join(', ')} · {euros(negotiation.activeReservation.contractPrice)} · signée le{' '}
            {day(negotiation.activeReservation.signatureDate)}
          </Typography>
        </Flex>
      ) : null}

      <Flex direction="column" alignItems="stretch" gap={1}>
        <SectionTitle>Échéances légales</SectionTitle>
        {negotiation.deadlines.length === 0 ? (
          <Typography variant="pi">Aucune échéance légale pour l'instant : elles apparaissent avec la réservation.</Typography>
        ) : null}
        <Flex direction="column" alignItems="stretch" gap={2} tag="ul" data-testid="legal-deadlines">
          {negotiation.deadlines.map((deadline, index) => (
            <Box key={`${deadline.code}-${index}`} tag="li">
              <Typography variant="pi" fontWeight="bold" textColor={deadline.state === 'overdue' ? 'danger600' : 'neutral800'}>
                {deadline.label} : {deadline.dueDate ? day(deadline.dueDate) : 'date à compléter'} ({deadline.stateLabel})
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {deadline.explanation}
              </Typography>
              {deadline.warnings.map((warning) => (
                <Typography key={warning} variant="pi" textColor="warning600" tag="p">
                  {warning}
                </Typography>
              ))}
            </Box>
          ))}
        </Flex>
        {negotiation.depositRefund ? <Typography variant="pi">{negotiation.depositRefund}</Typography> : null}
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={1}>
        <SectionTitle>Historique des phases</SectionTitle>
        <Flex direction="column" alignItems="stretch" gap={2} tag="ul" data-testid="phase-history">
          {negotiation.history.map((entry, index) => (
            <Box key={`${entry.changedAt}-${index}`} tag="li">
              <Typography variant="pi" fontWeight="bold">
                {entry.fromPhase ? `${label(entry.fromPhase)} → ${label(entry.toPhase)}` : `Création en ${label(entry.toPhase)}`}
                {entry.fromStatus && entry.fromStatus !== entry.toStatus ? ` (${label(entry.toStatus)})` : ''}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {dateTime(entry.changedAt)} · {entry.actor ?? label(entry.source)}
              </Typography>
            </Box>
          ))}
        </Flex>
      </Flex>

      {negotiation.canClose || negotiation.canReopen ? (
        <StatusAction action={negotiation.canClose ? 'close' : 'reopen'} busy={busy} onConfirm={changeStatus} />
      ) : null}

      {reserving ? (
        <ReservationModal
          documentId={documentId}
          proposition={reserving}
          onClose={() => setReserving(null)}
          onReserved={(updated) => {
            progress.setData(updated);
            setReserving(null);
            refetchEditView();
          }}
        />
      ) : null}
    </Flex>
  );
};

const PropositionLine = ({ proposition, canReserve, onReserve }: { proposition: PropositionSummary; canReserve: boolean; onReserve: () => void }) => {
  const lot = proposition.lot;
  if (!lot) return null;
  const reservable = canReserve && (lot.salesStatus === 'available' || lot.salesStatus === 'optioned');
  return (
    <Flex justifyContent="space-between" alignItems="center" gap={2} data-testid={`proposition-${lot.reference}`}>
      <Flex direction="column" alignItems="flex-start">
        <Typography variant="pi" fontWeight="bold">
          {lot.reference} · {label(lot.typology)} · {squareMetres(lot.livingArea)}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {lot.programme?.name ?? 'Sans programme'} · {euros(lot.price)}
          {proposition.optionUntil ? ` · option jusqu'au ${day(proposition.optionUntil)}` : ''}
        </Typography>
      </Flex>
      <Flex gap={2}>
        <LotStatusBadge status={lot.salesStatus} />
        {canReserve ? (
          <Button size="S" variant="secondary" onClick={onReserve} disabled={!reservable} aria-label={`Réserver le lot ${lot.reference}`}>
            Réserver
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
};

const StatusAction = ({ action, busy, onConfirm }: { action: 'close' | 'reopen'; busy: boolean; onConfirm: (action: 'close' | 'reopen') => void }) => {
  const closing = action === 'close';
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant={closing ? 'danger-light' : 'secondary'} fullWidth loading={busy}>
          {closing ? 'Fermer la négo' : 'Rouvrir la négo'}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{closing ? 'Fermer la négo ?' : 'Rouvrir la négo ?'}</Dialog.Header>
        <Dialog.Body>
          <Typography textAlign="center">
            {closing
              ? "La négo sera marquée fermée, sans vente, et ses options sur des lots seront levées. Une négo avec une réservation en cours demande un désistement à la place."
              : 'La négo sera de nouveau ouverte et reprendra la phase que ses informations permettent.'}
          </Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" fullWidth>
              Annuler
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant={closing ? 'danger' : 'default'} fullWidth onClick={() => onConfirm(action)}>
              {closing ? 'Fermer la négo' : 'Rouvrir la négo'}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

const ReservationModal = ({
  documentId,
  proposition,
  onClose,
  onReserved,
}: {
  documentId: string;
  proposition: PropositionSummary;
  onClose: () => void;
  onReserved: (progress: NegotiationProgress) => void;
}) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const lot = proposition.lot;
  const defaultPrice = proposition.negotiatedPrice ?? lot?.price ?? null;
  const [price, setPrice] = React.useState(defaultPrice === null ? '' : String(defaultPrice).replace('.', ','));
  const [deposit, setDeposit] = React.useState('');
  const [signatureDate, setSignatureDate] = React.useState(todayIso());
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const contractPrice = parseFrenchAmount(price);
    if (contractPrice === null || contractPrice <= 0) {
      setError('Indiquez le prix du contrat de réservation en euros, par exemple 285 000,50.');
      return;
    }
    const depositAmount = deposit.trim() === '' ? null : parseFrenchAmount(deposit);
    if (deposit.trim() !== '' && depositAmount === null) {
      setError('Le dépôt de garantie doit être un montant en euros.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const response = await post<{ data: NegotiationProgress }>(`${API}/negotiations/${documentId}/reservations`, {
        lots: lot ? [lot.documentId] : [],
        contractPrice,
        deposit: depositAmount,
        signatureDate: signatureDate || null,
      });
      toggleNotification({ type: 'success', message: `Le lot ${lot?.reference ?? ''} est réservé.` });
      onReserved(response.data.data);
    } catch (requestError) {
      setError(errorMessage(requestError));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>Réserver le lot {lot?.reference}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="omega">
                {lot?.programme?.name} · {label(lot?.typology)} · {squareMetres(lot?.livingArea)} · prix de la grille {euros(lot?.price)}
              </Typography>
              <Field.Root name="contractPrice" required>
                <Field.Label>Prix du contrat de réservation (€)</Field.Label>
                <TextInput value={price} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setPrice(event.target.value)} inputMode="decimal" />
              </Field.Root>
              <Field.Root name="deposit">
                <Field.Label>Dépôt de garantie (€)</Field.Label>
                <TextInput value={deposit} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDeposit(event.target.value)} inputMode="decimal" />
              </Field.Root>
              <Field.Root name="signatureDate">
                <Field.Label>Date de signature</Field.Label>
                <FrenchDatePicker value={signatureDate} onChange={setSignatureDate} />
              </Field.Root>
              {error ? (
                <Typography textColor="danger600" role="alert" data-testid="reservation-error">
                  {error}
                </Typography>
              ) : null}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Annuler</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              Réserver
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
