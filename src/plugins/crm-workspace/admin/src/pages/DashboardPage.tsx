import * as React from 'react';
import { Box, Flex, Grid, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityItem, DashboardResponse } from '../../../shared/contracts';
import { useApi } from '../api';
import { Card, PageFrame } from '../components/PageFrame';
import { dateTime, day, euros, label } from '../format';
import { API, editViewPath, NEGOTIATION_UID } from '../pluginId';

/** Colours of the négociateurs in the stacked chart, from the admin's palette. */
const OWNER_COLOURS = ['#4945ff', '#ee5e52', '#328048', '#d9822f', '#7b79ff', '#0c75af', '#8312d1'];

function negotiationListUrl(phase: string): string {
  const query = new URLSearchParams({
    'filters[$and][0][phase][$eq]': phase,
    'filters[$and][1][negotiationStatus][$eq]': 'open',
    page: '1',
  });
  return `/content-manager/collection-types/${NEGOTIATION_UID}?${query.toString()}`;
}

const ActivityList = ({ activities, empty }: { activities: ActivityItem[]; empty: string }) => {
  if (activities.length === 0) return <Typography variant="omega">{empty}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
      {activities.map((activity) => (
        <Box key={activity.documentId} tag="li">
          <Link tag={RouterLink} to={editViewPath('api::activity.activity', activity.documentId)}>
            {label(activity.kind)} · {activity.subject}
          </Link>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {dateTime(activity.dueAt)} · priorité {label(activity.priority).toLowerCase()}
            {activity.contactName ? ` · ${activity.contactName}` : ''}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

const TeamCharts = ({ team }: { team: NonNullable<DashboardResponse['team']> }) => {
  const phaseRows = team.pipelineByPhase.map((row) => ({ label: row.label, ...row.byOwner }));
  const programmeRows = team.pipelineByProgramme.slice(0, 10);
  const currentMonth = team.reservationsByMonth.find((row) => row.isCurrentMonth);
  const previous = team.reservationsByMonth.filter((row) => !row.isCurrentMonth);
  const previousAverage = previous.length === 0 ? 0 : previous.reduce((sum, row) => sum + row.count, 0) / previous.length;

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Card title="Pipeline de l'équipe par phase" testId="chart-phase">
          <Box height="280px">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={phaseRows} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {team.owners.map((owner, index) => (
                  <Bar key={owner} dataKey={owner} name={owner} stackId="owners" fill={OWNER_COLOURS[index % OWNER_COLOURS.length]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </Box>
        </Card>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Card title="Pipeline par programme (négos ouvertes)" testId="chart-programme">
          <Box height="280px">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={programmeRows} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="programme" width={170} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar dataKey="count" name="Négos ouvertes" fill="#4945ff" />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        </Card>
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <Card title="Réservations du mois et des mois précédents" testId="chart-reservations">
          <Typography variant="omega">
            {currentMonth ? `${currentMonth.count} réservation(s) en ${currentMonth.label} pour ${euros(currentMonth.amount)}` : ''}
            {` · moyenne des ${previous.length} mois précédents : ${previousAverage.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} par mois`}
          </Typography>
          <Box height="240px">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={team.reservationsByMonth} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Tooltip formatter={(value) => [String(value), 'Réservations']} />
                <Bar dataKey="count" name="Réservations">
                  {team.reservationsByMonth.map((row) => (
                    <Cell key={row.month} fill={row.isCurrentMonth ? '#4945ff' : '#b5b4ff'} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </Box>
        </Card>
      </Grid.Item>
    </Grid.Root>
  );
};

/** Home screen of the workspace: the négociateur's day, and the team's pipeline for the director. */
const DashboardPage = () => {
  const dashboard = useApi<DashboardResponse>(`${API}/dashboard`);

  if (dashboard.isLoading) return <Page.Loading>Chargement du tableau de bord…</Page.Loading>;
  if (dashboard.error || !dashboard.data) return <Page.Error content={dashboard.error ?? undefined} />;
  const data = dashboard.data;
  const openCount = data.openByPhase.reduce((sum, row) => sum + row.count, 0);

  return (
    <PageFrame title="Tableau de bord" subtitle={`Bonjour ${data.viewer.name} · ${openCount} négo(s) ouverte(s) à votre nom`}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Card title="Mes négos ouvertes par phase" testId="open-by-phase">
          <Grid.Root gap={3}>
            {data.openByPhase.map((row) => (
              <Grid.Item key={row.phase} col={2} s={6} xs={12} direction="column" alignItems="stretch">
                <Box padding={3} background="primary100" hasRadius>
                  <Typography variant="alpha" tag="p" textColor="primary700">
                    {row.count}
                  </Typography>
                  <Link tag={RouterLink} to={negotiationListUrl(row.phase)}>
                    {row.label}
                  </Link>
                </Box>
              </Grid.Item>
            ))}
          </Grid.Root>
        </Card>

        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Card title={`Activités en retard (${data.overdueActivities.length})`} testId="overdue-activities">
              <ActivityList activities={data.overdueActivities} empty="Aucune activité en retard." />
            </Card>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Card title={`Activités du jour (${data.todayActivities.length})`} testId="today-activities">
              <ActivityList activities={data.todayActivities} empty="Rien de prévu aujourd'hui." />
            </Card>
          </Grid.Item>
        </Grid.Root>

        <Card title={`Échéances légales dépassées (${data.overdueDeadlines.length})`} testId="overdue-deadlines">
          {data.overdueDeadlines.length === 0 ? (
            <Typography variant="omega">Aucune échéance légale dépassée sur vos négos ouvertes.</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
              {data.overdueDeadlines.map((deadline, index) => (
                <Box key={`${deadline.negotiationDocumentId}-${deadline.label}-${index}`} tag="li">
                  <Link tag={RouterLink} to={editViewPath(NEGOTIATION_UID, deadline.negotiationDocumentId)}>
                    {deadline.label} · {deadline.negotiationSubject ?? 'négo sans sujet'}
                  </Link>
                  <Typography variant="pi" textColor="danger600" tag="p">
                    Échéance du {day(deadline.dueDate)} dépassée · {deadline.explanation}
                  </Typography>
                </Box>
              ))}
            </Flex>
          )}
        </Card>

        <Card title={data.viewer.seesTeam ? "Réservations récentes de l'équipe" : 'Mes réservations récentes'} testId="recent-reservations">
          {data.recentReservations.length === 0 ? (
            <Typography variant="omega">Aucune réservation en cours.</Typography>
          ) : (
            <Table colCount={5} rowCount={data.recentReservations.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Contact</Typography></Th>
                  <Th><Typography variant="sigma">Négo</Typography></Th>
                  <Th><Typography variant="sigma">Date de réservation</Typography></Th>
                  <Th><Typography variant="sigma">Programme et lot</Typography></Th>
                  <Th><Typography variant="sigma">Prix</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.recentReservations.map((reservation) => (
                  <Tr key={reservation.documentId}>
                    <Td><Typography>{reservation.buyerName ?? '—'}</Typography></Td>
                    <Td>
                      {reservation.negotiation ? (
                        <Link tag={RouterLink} to={editViewPath(NEGOTIATION_UID, reservation.negotiation.documentId)}>
                          {reservation.negotiation.subject ?? 'Négo'}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </Td>
                    <Td><Typography>{day(reservation.signatureDate)}</Typography></Td>
                    <Td>
                      <Typography>{reservation.lots.map((lot) => `${lot.programme?.name ?? ''} · ${lot.reference}`).join(', ')}</Typography>
                    </Td>
                    <Td><Typography>{euros(reservation.contractPrice)}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Card>

        {data.team ? <TeamCharts team={data.team} /> : null}
      </Flex>
    </PageFrame>
  );
};

export default DashboardPage;
