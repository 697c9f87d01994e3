import * as React from 'react';
import { Badge, Box, Button, Checkbox, Field, Flex, Grid, Typography } from '@strapi/design-system';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import type { MatchesResponse } from '../../../shared/contracts';
import { useApi } from '../api';
import { FrenchDatePicker } from '../components/FrenchDatePicker';
import { LotStatusBadge } from '../components/LotStatusBadge';
import { NegotiationPicker } from '../components/NegotiationPicker';
import { Card, PageFrame } from '../components/PageFrame';
import { useProposeLots } from '../components/useProposeLots';
import { euros, floorLabel, label, squareMetres } from '../format';
import { API, editViewPath, NEGOTIATION_UID } from '../pluginId';

/** The sales rules accept an option of 30 days at most; the server checks it again. */
const OPTION_MAX_DAYS = 30;

function needSummary(need: MatchesResponse['need']): string {
  const parts: string[] = [];
  if (need.housingType) parts.push(label(need.housingType));
  if (need.budgetMin !== null && need.budgetMax !== null) parts.push(`budget de ${euros(need.budgetMin)} à ${euros(need.budgetMax)}`);
  else if (need.budgetMax !== null) parts.push(`budget jusqu'à ${euros(need.budgetMax)}`);
  else if (need.budgetMin !== null) parts.push(`budget à partir de ${euros(need.budgetMin)}`);
  if (need.city) parts.push(`à ${need.city}${need.department ? ` (${need.department})` : ''}`);
  else if (need.department) parts.push(`dans le ${need.department}`);
  if (need.programmeName) parts.push(`programme ${need.programmeName}`);
  return parts.length > 0 ? parts.join(' · ') : 'aucun critère renseigné';
}

/** Matching screen: the available lots that fit a négo's need, ranked, with why each fits. */
const MatchingPage = () => {
  const [params, setParams] = useSearchParams();
  const negotiationId = params.get('negotiation');
  const result = useApi<MatchesResponse>(negotiationId ? `${API}/negotiations/${negotiationId}/matches` : null);
  const { propose, busy } = useProposeLots();
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [optionUntil, setOptionUntil] = React.useState('');

  const chooseNegotiation = (documentId: string | null) => {
    setParams(documentId ? { negotiation: documentId } : {}, { replace: true });
    setSelected(new Set());
  };

  const toggle = (documentId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(documentId)) next.delete(documentId);
      else next.add(documentId);
      return next;
    });

  const proposeSelected = async () => {
    if (!negotiationId || !result.data) return;
    const references = new Map(result.data.matches.map((match) => [match.lot.documentId, match.lot.reference]));
    const response = await propose(negotiationId, [...selected], references, optionUntil || null);
    if (response) {
      setSelected(new Set());
      result.reload();
    }
  };

  const data = result.data;
  return (
    <PageFrame
      title="Lots pour une négo"
      subtitle="Les lots libres qui correspondent au besoin de l'acquéreur, les plus pertinents en premier."
      primaryAction={
        negotiationId ? (
          <Button onClick={proposeSelected} disabled={selected.size === 0} loading={busy}>
            Proposer ces lots ({selected.size})
          </Button>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Card title="Négo et besoin">
          <Grid.Root gap={4}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <NegotiationPicker value={negotiationId} onChange={chooseNegotiation} />
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name="optionUntil" hint="Facultatif : pose une option sur les lots proposés jusqu'à cette date (30 jours au plus).">
                <Field.Label>Option jusqu'au</Field.Label>
                <FrenchDatePicker value={optionUntil} onChange={setOptionUntil} minDate={new Date()} maxDate={new Date(Date.now() + OPTION_MAX_DAYS * 86400000)} />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
          {data ? (
            <Flex gap={3} alignItems="center" wrap="wrap">
              <Typography data-testid="need-summary">
                <Typography fontWeight="bold">Besoin :</Typography> {needSummary(data.need)}
              </Typography>
              <Button tag={RouterLink} to={editViewPath(NEGOTIATION_UID, data.negotiation.documentId)} variant="tertiary" size="S">
                Ouvrir la négo
              </Button>
            </Flex>
          ) : null}
        </Card>

        {!negotiationId ? (
          <Card title="Lots">
            <Typography>Choisissez une négo pour voir les lots qui correspondent à son besoin.</Typography>
          </Card>
        ) : null}
        {result.error ? <Typography textColor="danger600">{result.error}</Typography> : null}
        {data && !data.hasCriteria ? (
          <Card title="Lots">
            <Typography>Renseignez le besoin de la négo (type de logement, budget, ville ou programme) pour trouver des lots.</Typography>
          </Card>
        ) : null}
        {data && data.hasCriteria ? (
          <Card title={`${data.matches.length} lot(s) libre(s) correspondant(s)`} testId="matches">
            {data.alreadyProposed.length > 0 ? (
              <Typography variant="pi" textColor="neutral600">
                {data.alreadyProposed.length} lot(s) déjà proposé(s) dans cette négo ne sont pas repris ici.
              </Typography>
            ) : null}
            {data.matches.length === 0 ? <Typography>Aucun lot libre ne correspond : élargissez le budget, la typologie ou le lieu.</Typography> : null}
            <Flex direction="column" alignItems="stretch" gap={2}>
              {data.matches.map((match, index) => (
                <Box key={match.lot.documentId} padding={3} hasRadius borderColor="neutral200" data-testid={`match-${match.lot.reference}`}>
                  <Flex gap={3} alignItems="flex-start">
                    <Checkbox
                      aria-label={`Choisir le lot ${match.lot.reference}`}
                      checked={selected.has(match.lot.documentId)}
                      onCheckedChange={() => toggle(match.lot.documentId)}
                    />
                    <Flex direction="column" alignItems="stretch" gap={1} flex={1}>
                      <Flex gap={2} alignItems="center" wrap="wrap">
                        <Typography fontWeight="bold">
                          {index + 1}. {match.lot.programme?.name ?? 'Sans programme'} · lot {match.lot.reference}
                        </Typography>
                        <LotStatusBadge status={match.lot.salesStatus} />
                        <Badge>{`pertinence ${match.score}`}</Badge>
                      </Flex>
                      <Typography variant="pi" textColor="neutral700">
                        {label(match.lot.typology)} · {squareMetres(match.lot.livingArea)} · {floorLabel(match.lot.floor)} · {euros(match.lot.price)}
                        {match.lot.programme?.city ? ` · ${match.lot.programme.city}` : ''}
                      </Typography>
                      <Flex direction="column" alignItems="stretch" tag="ul">
                        {match.reasons.map((reason) => (
                          <Typography key={reason.code} variant="pi" tag="li" textColor="success700">
                            ✓ {reason.label}
                          </Typography>
                        ))}
                      </Flex>
                    </Flex>
                  </Flex>
                </Box>
              ))}
            </Flex>
          </Card>
        ) : null}
      </Flex>
    </PageFrame>
  );
};

export default MatchingPage;
