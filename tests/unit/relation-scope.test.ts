import { type AttributeInfo, LOT_UID, PROGRAMME_UID, PUBLIC_LOT_FILTER, scopeRelationFilters, type SchemaLookup } from '../../src/domain/access';

const SCHEMAS: Record<string, Record<string, AttributeInfo>> = {
  [PROGRAMME_UID]: { name: { type: 'string' }, lots: { type: 'relation', target: LOT_UID } },
  [LOT_UID]: { price: { type: 'decimal' }, programme: { type: 'relation', target: PROGRAMME_UID }, mainLot: { type: 'relation', target: LOT_UID } },
};
const lookup: SchemaLookup = (uid) => SCHEMAS[uid];

const PUBLIC = { kind: 'public' } as const;

describe('scopeRelationFilters', () => {
  it('narrows a lot filter of the public to public lots', () => {
    expect(scopeRelationFilters(lookup, PUBLIC, PROGRAMME_UID, { lots: { price: { $eq: '266000' } } })).toEqual({
      lots: { $and: [{ price: { $eq: '266000' } }, PUBLIC_LOT_FILTER] },
    });
  });

  it('narrows inside $and, $or and $not', () => {
    const filters = { $or: [{ name: { $eq: 'x' } }, { $not: { lots: { price: { $lt: '1' } } } }] };

    expect(scopeRelationFilters(lookup, PUBLIC, PROGRAMME_UID, filters)).toEqual({
      $or: [{ name: { $eq: 'x' } }, { $not: { lots: { $and: [{ price: { $lt: '1' } }, PUBLIC_LOT_FILTER] } } }],
    });
  });

  it('narrows each level of a nested relation filter', () => {
    const scoped = scopeRelationFilters(lookup, PUBLIC, LOT_UID, { mainLot: { mainLot: { price: { $eq: '1' } } } });

    expect(scoped).toEqual({
      mainLot: { $and: [{ mainLot: { $and: [{ price: { $eq: '1' } }, PUBLIC_LOT_FILTER] } }, PUBLIC_LOT_FILTER] },
    });
  });

  it.each([
    ['a bare id', 5, { id: 5 }],
    ['a lone operator', { $null: true }, { id: { $null: true } }],
  ])('reads %s as an id filter', (_label, relationFilter, idFilter) => {
    expect(scopeRelationFilters(lookup, PUBLIC, PROGRAMME_UID, { lots: relationFilter })).toEqual({ lots: { $and: [idFilter, PUBLIC_LOT_FILTER] } });
  });

  it('leaves the programme of a lot alone, which the lot filter narrows', () => {
    const filters = { programme: { documentId: { $eq: 'abc' } } };

    expect(scopeRelationFilters(lookup, PUBLIC, LOT_UID, filters)).toEqual(filters);
  });

  it('leaves the filters of a staff member alone', () => {
    const filters = { lots: { price: { $eq: '266000' } } };
    const staff = { kind: 'staff', staffId: 3, role: 'negotiator' } as const;

    expect(scopeRelationFilters(lookup, staff, PROGRAMME_UID, filters)).toBe(filters);
  });
});
