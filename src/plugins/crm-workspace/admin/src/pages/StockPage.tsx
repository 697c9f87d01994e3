import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import type { LotSummary, ProgrammeLotsResponse, ProgrammeStock } from '../../../shared/contracts';
import { useApi } from '../api';
import { LotStatusBadge } from '../components/LotStatusBadge';
import { NegotiationPicker } from '../components/NegotiationPicker';
import { Card, PageFrame } from '../components/PageFrame';
import { useProposeLots } from '../components/useProposeLots';
import { euros, floorLabel, label, parseFrenchAmount, squareMetres } from '../format';
import { API, editViewPath, NEGOTIATION_UID } from '../pluginId';

type SortKey = 'reference' | 'typology' | 'floor' | 'livingArea' | 'price' | 'salesStatus';

const TYPOLOGY_ORDER = ['studio', 't1', 't2', 't3', 't4', 't5', 't6', 'house', 'other'];
const STATUS_ORDER = ['available', 'optioned', 'reserved', 'sold', 'withdrawn'];

function compareLots(key: SortKey): (a: LotSummary, b: LotSummary) => number {
  switch (key) {
    case 'reference':
      return (a, b) => a.reference.localeCompare(b.reference, 'fr', { numeric: true });
    case 'typology':
      return (a, b) => TYPOLOGY_ORDER.indexOf(a.typology ?? 'other') - TYPOLOGY_ORDER.indexOf(b.typology ?? 'other');
    case 'floor':
      return (a, b) => (a.floor ?? -99) - (b.floor ?? -99);
    case 'livingArea':
      return (a, b) => (a.livingArea ?? 0) - (b.livingArea ?? 0);
    case 'price':
      return (a, b) => (a.price ?? 0) - (b.price ?? 0);
    case 'salesStatus':
      return (a, b) => STATUS_ORDER.indexOf(a.salesStatus) - STATUS_ORDER.indexOf(b.salesStatus);
  }
}

function sortMark(sort: { key: SortKey; ascending: boolean }, key: SortKey): string {
  if (sort.key !== key) return '';
  return sort.ascending ? ' ▲' : ' ▼';
}

const COLUMNS: Array<{ key: SortKey; title: string }> = [
  { key: 'reference', title: 'Référence' },
  { key: 'typology', title: 'Typologie' },
  { key: 'floor', title: 'Étage' },
  { key: 'livingArea', title: 'Surface' },
  { key: 'price', title: 'Prix TTC' },
  { key: 'salesStatus', title: 'Statut' },
];

/** Floor × typology grid of a programme, as developers print their price grids. */
const StockGrid = ({ lots, selected, onToggle, selectable }: { lots: LotSummary[]; selected: Set<string>; onToggle: (lot: LotSummary) => void; selectable: boolean }) => {
  const typologies = TYPOLOGY_ORDER.filter((typology) => lots.some((lot) => (lot.typology ?? 'other') === typology));
  const floors = [...new Set(lots.map((lot) => lot.floor ?? null))].sort((a, b) => (b ?? -99) - (a ?? -99));
  return (
    <Box overflow="auto">
      <Table colCount={typologies.length + 1} rowCount={floors.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">Étage</Typography></Th>
            {typologies.map((typology) => (
              <Th key={typology}><Typography variant="sigma">{label(typology)}</Typography></Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {floors.map((floor) => (
            <Tr key={String(floor)}>
              <Td><Typography fontWeight="bold">{floorLabel(floor)}</Typography></Td>
              {typologies.map((typology) => (
                <Td key={typology}>
                  <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1} paddingBottom={1}>
                    {lots
                      .filter((lot) => (lot.floor ?? null) === floor && (lot.typology ?? 'other') === typology)
                      .map((lot) => (
                        <Flex key={lot.documentId} gap={1} alignItems="center">
                          {selectable && lot.salesStatus === 'available' ? (
                            <Checkbox aria-label={`Choisir le lot ${lot.reference}`} checked={selected.has(lot.documentId)} onCheckedChange={() => onToggle(lot)} />
                          ) : null}
                          <LotStatusBadge status={lot.salesStatus} />
                          <Typography variant="pi">
                            {lot.reference} · {squareMetres(lot.livingArea)} · {euros(lot.price)}
                          </Typography>
                        </Flex>
                      ))}
                  </Flex>
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};

/** Stock screen: a programme's lots with their status in colour, filters, and « Proposer ces lots ». */
const StockPage = () => {
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programme');
  const negotiationId = params.get('negotiation');
  const programmes = useApi<ProgrammeStock[]>(`${API}/programmes`);
  const stock = useApi<ProgrammeLotsResponse>(programmeId ? `${API}/programmes/${programmeId}/lots` : null);
  const { propose, busy } = useProposeLots();

  const [typology, setTypology] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [maxPrice, setMaxPrice] = React.useState('');
  const [minArea, setMinArea] = React.useState('');
  const [view, setView] = React.useState<'table' | 'grid'>('table');
  const [sort, setSort] = React.useState<{ key: SortKey; ascending: boolean }>({ key: 'reference', ascending: true });
  const [selected, setSelected] = React.useState<Set<string>>(new Set());

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setSelected(new Set());
  };

  const lots = React.useMemo(() => {
    const priceLimit = parseFrenchAmount(maxPrice);
    const areaFloor = parseFrenchAmount(minArea);
    const filtered = (stock.data?.lots ?? []).filter(
      (lot) =>
        (typology === '' || lot.typology === typology) &&
        (status === '' || lot.salesStatus === status) &&
        (priceLimit === null || (lot.price ?? 0) <= priceLimit) &&
        (areaFloor === null || (lot.livingArea ?? 0) >= areaFloor),
    );
    const compare = compareLots(sort.key);
    return filtered.sort((a, b) => (sort.ascending ? compare(a, b) : compare(b, a)));
  }, [stock.data, typology, status, maxPrice, minArea, sort]);

  const toggle = (lot: LotSummary) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(lot.documentId)) next.delete(lot.documentId);
      else next.add(lot.documentId);
      return next;
    });

  const proposeSelected = async () => {
    if (!negotiationId) return;
    const references = new Map((stock.data?.lots ?? []).map((lot) => [lot.documentId, lot.reference]));
    const result = await propose(negotiationId, [...selected], references, null);
    if (result) {
      setSelected(new Set());
      stock.reload();
    }
  };

  const typologies = TYPOLOGY_ORDER.filter((value) => (stock.data?.lots ?? []).some((lot) => lot.typology === value));

  return (
    <PageFrame
      title="Stock"
      subtitle="Les lots des programmes en commercialisation, mis à jour chaque nuit depuis GPS et par les réservations."
      primaryAction={
        negotiationId ? (
          <Button onClick={proposeSelected} disabled={selected.size === 0} loading={busy}>
            Proposer ces lots ({selected.size})
          </Button>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Card title="Programme et négo">
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="programme">
                <Field.Label>Programme</Field.Label>
                <SingleSelect
                  placeholder={programmes.isLoading ? 'Chargement des programmes…' : 'Choisir un programme'}
                  value={programmeId ?? undefined}
                  onChange={(value: string | number) => setParam('programme', String(value))}
                  data-testid="programme-picker"
                >
                  {(programmes.data ?? []).map((programme) => (
                    <SingleSelectOption key={programme.documentId} value={programme.documentId}>
                      {`${programme.name} · ${programme.city ?? ''} · ${programme.availableCount} libre(s) sur ${programme.lotCount}`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <NegotiationPicker
                value={negotiationId}
                onChange={(value) => setParam('negotiation', value)}
                hint="Choisissez une négo pour cocher des lots libres et les lui proposer."
              />
            </Grid.Item>
          </Grid.Root>
          {negotiationId ? (
            <Button tag={RouterLink} to={editViewPath(NEGOTIATION_UID, negotiationId)} variant="tertiary" size="S">
              Ouvrir la négo
            </Button>
          ) : null}
        </Card>

        {programmeId ? (
          <Card title={stock.data ? `${stock.data.programme.name} · ${lots.length} lot(s) affiché(s)` : 'Lots'} testId="stock-lots">
            <Grid.Root gap={4}>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="typology">
                  <Field.Label>Typologie</Field.Label>
                  <SingleSelect value={typology} onChange={(value: string | number) => setTypology(String(value))}>
                    <SingleSelectOption value="">Toutes</SingleSelectOption>
                    {typologies.map((value) => (
                      <SingleSelectOption key={value} value={value}>
                        {label(value)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="status">
                  <Field.Label>Statut</Field.Label>
                  <SingleSelect value={status} onChange={(value: string | number) => setStatus(String(value))}>
                    <SingleSelectOption value="">Tous</SingleSelectOption>
                    {STATUS_ORDER.map((value) => (
                      <SingleSelectOption key={value} value={value}>
                        {label(value)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
                <Field.Root name="maxPrice">
                  <Field.Label>Prix maximum (€)</Field.Label>
                  <TextInput value={maxPrice} inputMode="decimal" onChange={(event: React.ChangeEvent<HTMLInputElement>) => setMaxPrice(event.target.value)} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={2} s={6} direction="column" alignItems="stretch">
                <Field.Root name="minArea">
                  <Field.Label>Surface minimum (m²)</Field.Label>
                  <TextInput value={minArea} inputMode="decimal" onChange={(event: React.ChangeEvent<HTMLInputElement>) => setMinArea(event.target.value)} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
                <Field.Root name="view">
                  <Field.Label>Affichage</Field.Label>
                  <SingleSelect value={view} onChange={(value: string | number) => setView(value === 'grid' ? 'grid' : 'table')}>
                    <SingleSelectOption value="table">Tableau</SingleSelectOption>
                    <SingleSelectOption value="grid">Grille étage × typologie</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
            </Grid.Root>

            {stock.error ? <Typography textColor="danger600">{stock.error}</Typography> : null}
            {stock.data && lots.length === 0 ? <Typography>Aucun lot ne correspond à ces filtres.</Typography> : null}
            {view === 'grid' && lots.length > 0 ? (
              <StockGrid lots={lots} selected={selected} onToggle={toggle} selectable={negotiationId !== null} />
            ) : null}
            {view === 'table' && lots.length > 0 ? (
              <Table colCount={COLUMNS.length + 2} rowCount={lots.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">Choix</Typography></Th>
                    {COLUMNS.map((column) => (
                      <Th key={column.key}>
                        <Button
                          variant="ghost"
                          size="S"
                          onClick={() => setSort((previous) => ({ key: column.key, ascending: previous.key === column.key ? !previous.ascending : true }))}
                        >
                          {column.title}
                          {sortMark(sort, column.key)}
                        </Button>
                      </Th>
                    ))}
                    <Th><Typography variant="sigma">Orientation</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {lots.map((lot) => (
                    <Tr key={lot.documentId} data-testid={`lot-${lot.reference}`}>
                      <Td>
                        {negotiationId && lot.salesStatus === 'available' ? (
                          <Checkbox aria-label={`Choisir le lot ${lot.reference}`} checked={selected.has(lot.documentId)} onCheckedChange={() => toggle(lot)} />
                        ) : null}
                      </Td>
                      <Td><Typography fontWeight="bold">{lot.reference}</Typography></Td>
                      <Td><Typography>{label(lot.typology)}</Typography></Td>
                      <Td><Typography>{floorLabel(lot.floor)}</Typography></Td>
                      <Td><Typography>{squareMetres(lot.livingArea)}</Typography></Td>
                      <Td><Typography>{euros(lot.price)}</Typography></Td>
                      <Td><LotStatusBadge status={lot.salesStatus} /></Td>
                      <Td><Typography>{lot.orientation ?? '—'}</Typography></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
          </Card>
        ) : (
          <Card title="Lots">
            <Typography>Choisissez un programme pour afficher ses lots.</Typography>
          </Card>
        )}
      </Flex>
    </PageFrame>
  );
};

export default StockPage;
