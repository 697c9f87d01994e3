import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { bearer, http } from './support/http';
import { createContact, createNegotiation } from './support/records';
import { createSalesTeam, type SalesTeam } from './support/team';

// Lists are capped at 100 records per page (config/api.ts), and paging through one returns
// each record once, including when many records tie on the requested sort.

let strapi: Core.Strapi;
let team: SalesTeam;
let created: string[];

const NEGOTIATION_COUNT = 137;

beforeAll(async () => {
  strapi = await startStrapi();
  team = await createSalesTeam(strapi);
  const buyer = await createContact(strapi, team.negotiatorA.id);
  created = [];
  for (let index = 0; index < NEGOTIATION_COUNT; index += 1) {
    // Only three distinct qualifications: most records tie when sorted on it.
    const qualification = (['hot', 'warm', 'cold'] as const)[index % 3];
    created.push((await createNegotiation(strapi, team.negotiatorA.id, buyer, { qualification })).documentId);
  }
  // Another négociateur's records must not show up in A's pages.
  await createNegotiation(strapi, team.negotiatorB.id, await createContact(strapi, team.negotiatorB.id));
});

afterAll(async () => {
  await stopStrapi();
});

async function page(query: string) {
  const response = await http(strapi).get(`/api/negotiations?${query}`).set(bearer(team.tokens.negotiatorA));
  expect(response.status).toBe(200);
  return response.body as { data: Array<{ documentId: string }>; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } };
}

async function pageThrough(extra: string, pageSize: number): Promise<string[]> {
  const seen: string[] = [];
  const first = await page(`pagination[page]=1&pagination[pageSize]=${pageSize}${extra}`);
  seen.push(...first.data.map((record) => record.documentId));
  for (let number = 2; number <= first.meta.pagination.pageCount; number += 1) {
    const next = await page(`pagination[page]=${number}&pagination[pageSize]=${pageSize}${extra}`);
    seen.push(...next.data.map((record) => record.documentId));
  }
  return seen;
}

describe('pagination of a négociateur list', () => {
  it('default page holds 25 records', async () => {
    const body = await page('');

    expect(body.data).toHaveLength(25);
    expect(body.meta.pagination.pageSize).toBe(25);
    expect(body.meta.pagination.total).toBe(NEGOTIATION_COUNT);
  });

  it('page size is capped at 100', async () => {
    const body = await page('pagination[pageSize]=500');

    expect(body.data).toHaveLength(100);
    expect(body.meta.pagination.pageSize).toBe(100);
  });

  it('limit is capped at 100', async () => {
    const response = await http(strapi).get('/api/negotiations?pagination[start]=0&pagination[limit]=1000').set(bearer(team.tokens.negotiatorA));

    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(100);
  });

  it.each([
    ['no sort', '', 25],
    ['sort on a tied field', '&sort=qualification:asc', 10],
    ['descending date sort', '&sort=createdAt:desc', 100],
    ['mine=true', '&mine=true', 30],
  ])('%s returns each record once', async (_label, extra, pageSize) => {
    const seen = await pageThrough(extra, pageSize);

    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...created].sort());
  });
});
