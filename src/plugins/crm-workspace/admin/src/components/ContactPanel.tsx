import * as React from 'react';
import { Box, Button, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { ContactSummary } from '../../../shared/contracts';
import { errorMessage, useApi } from '../api';
import { dateTime, day, euros, label } from '../format';
import { API, CONTACT_UID, editViewPath, NEGOTIATION_UID } from '../pluginId';
import { ActivityButton } from './ActivityModal';

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

/** Side panel of the contact edit view: the contact's négos, activities and sales history. */
export const ContactPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== CONTACT_UID || !documentId) return null;
  return {
    title: 'Historique du contact',
    content: <ContactHistoryView documentId={documentId} version={String(document?.updatedAt ?? '')} />,
  };
};

const SectionTitle = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="sigma" textColor="neutral600" tag="h3">
    {children}
  </Typography>
);

/** « Nouvelle négo »: creates a négo for this contact on the server and opens it. */
const NewNegotiationButton = ({ documentId }: { documentId: string }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [busy, setBusy] = React.useState(false);

  const create = async () => {
    setBusy(true);
    try {
      const response = await post<{ data: { documentId: string } }>(`${API}/contacts/${documentId}/negotiations`);
      toggleNotification({ type: 'success', message: 'Négo créée : renseignez maintenant le besoin.' });
      navigate(editViewPath(NEGOTIATION_UID, response.data.data.documentId));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      setBusy(false);
    }
  };

  return (
    <Button variant="secondary" onClick={create} loading={busy} fullWidth>
      Nouvelle négo pour ce contact
    </Button>
  );
};

const ContactHistoryView = ({ documentId, version }: { documentId: string; version: string }) => {
  const summary = useApi<ContactSummary>(`${API}/contacts/${documentId}/summary?v=${encodeURIComponent(version)}`);

  if (summary.isLoading && !summary.data) return <Loader small>Chargement de l'historique…</Loader>;
  if (summary.error) return <Typography textColor="danger600">{summary.error}</Typography>;
  if (!summary.data) return null;
  const { negotiations, activities, reservations } = summary.data;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="contact-panel">
      <NewNegotiationButton documentId={documentId} />
      <ActivityButton contact={documentId} onCreated={summary.reload} />
      <Flex direction="column" alignItems="stretch" gap={2}>
        <SectionTitle>Négos ({negotiations.length})</SectionTitle>
        {negotiations.length === 0 ? <Typography variant="pi">Aucune négo pour ce contact.</Typography> : null}
        {negotiations.map((negotiation) => (
          <Box key={negotiation.documentId}>
            <Link tag={RouterLink} to={editViewPath(NEGOTIATION_UID, negotiation.documentId)}>
              {negotiation.subject ?? 'Négo sans sujet'}
            </Link>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {label(negotiation.phase)} · {label(negotiation.status)} · {negotiation.ownerName ?? 'sans négociateur'}
            </Typography>
          </Box>
        ))}
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={2}>
        <SectionTitle>Ventes ({reservations.length})</SectionTitle>
        {reservations.length === 0 ? <Typography variant="pi">Aucune réservation.</Typography> : null}
        {reservations.map((reservation) => (
          <Box key={reservation.documentId}>
            <Typography variant="pi" fontWeight="bold">
              {reservation.lots.map((lot) => `${lot.programme?.name ?? ''} ${lot.reference}`.trim()).join(', ')}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {euros(reservation.contractPrice)} · signée le {day(reservation.signatureDate)} · {label(reservation.status)}
            </Typography>
          </Box>
        ))}
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={2}>
        <SectionTitle>Activités ({activities.length})</SectionTitle>
        {activities.length === 0 ? <Typography variant="pi">Aucune activité.</Typography> : null}
        {activities.slice(0, 15).map((activity) => (
          <Box key={activity.documentId}>
            <Typography variant="pi" fontWeight="bold">
              {label(activity.kind)} · {activity.subject}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {dateTime(activity.dueAt)} · {label(activity.status)} · priorité {label(activity.priority).toLowerCase()}
            </Typography>
          </Box>
        ))}
        {activities.length > 15 ? <Typography variant="pi">… et {activities.length - 15} activités plus anciennes.</Typography> : null}
      </Flex>
    </Flex>
  );
};
