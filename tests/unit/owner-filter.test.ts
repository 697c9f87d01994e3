import { rewriteOwnerFilters } from '../../src/database/owner-filter';

const rewrite = (where: unknown) => rewriteOwnerFilters(where, 'owner', 'crm_owner_id');

describe('rewriteOwnerFilters', () => {
  it.each([
    ['an id with $eq', { owner: { id: { $eq: 7 } } }, { crm_owner_id: { $eq: 7 } }],
    ['a bare id', { owner: { id: 7 } }, { crm_owner_id: { $eq: 7 } }],
    ['an id read from a query string', { owner: { id: { $eq: '7' } } }, { crm_owner_id: { $eq: 7 } }],
    [
      'beside other fields',
      { owner: { id: { $eq: 7 } }, negotiationStatus: { $eq: 'open' } },
      { crm_owner_id: { $eq: 7 }, negotiationStatus: { $eq: 'open' } },
    ],
    [
      'inside $and, $or and $not',
      { $and: [{ city: 'Hendaye' }, { $or: [{ owner: { id: 7 } }, { $not: { owner: { id: { $eq: 8 } } } }] }] },
      { $and: [{ city: 'Hendaye' }, { $or: [{ crm_owner_id: { $eq: 7 } }, { $not: { crm_owner_id: { $eq: 8 } } }] }] },
    ],
  ])('rewrites an owner filter given as %s', (_label, where, expected) => {
    expect(rewrite(where)).toEqual(expected);
  });

  it.each([
    ['several ids', { owner: { id: { $in: [7, 8] } } }],
    ['another owner field', { owner: { firstname: { $eq: 'Amaia' } } }],
    ['an id with a second condition', { owner: { id: { $eq: 7 }, isActive: true } }],
    ['a missing owner', { owner: { id: { $null: true } } }],
    ['an id that is not a positive integer', { owner: { id: { $eq: '-7' } } }],
    ['an id with other characters', { owner: { id: { $eq: '7 or 1=1' } } }],
    ['a zero id', { owner: { id: 0 } }],
    ['an owner filter of a related record', { negotiation: { owner: { id: { $eq: 7 } } } }],
    ['an object that already names the column', { owner: { id: 7 }, crm_owner_id: { $eq: 8 } }],
  ])('keeps %s as it is', (_label, where) => {
    expect(rewrite(where)).toBe(where);
  });

  it('leaves the input unchanged', () => {
    const where = { $and: [{ owner: { id: { $eq: 7 } } }] };
    const copy = JSON.parse(JSON.stringify(where));

    rewrite(where);

    expect(where).toEqual(copy);
  });
});
