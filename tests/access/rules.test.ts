import {
  collectRelatedIds,
  createOutputPolicy,
  isForbiddenAccountAction,
  listScope,
  mineFilters,
  negotiationDeletionProblem,
  ownerOnCreate,
  type Principal,
  queryFieldPaths,
  queryFieldProblem,
  readScope,
  redactOutput,
  type SchemaLookup,
  scopedRelations,
  staffRoleFromRoleCodes,
  withoutOtherStaffEmails,
  withScope,
} from '../../src/domain/access';

// The pure access rules, without Strapi: a small schema replaces the content types.

const SCHEMA: Record<string, Record<string, { type: string; target?: string; component?: string }>> = {
  'api::contact.contact': {
    lastName: { type: 'string' },
    annualIncome: { type: 'decimal' },
    owner: { type: 'relation', target: 'admin::user' },
    negotiations: { type: 'relation', target: 'api::negotiation.negotiation' },
  },
  'api::negotiation.negotiation': {
    subject: { type: 'string' },
    loanAmount: { type: 'decimal' },
    owner: { type: 'relation', target: 'admin::user' },
    buyer: { type: 'relation', target: 'api::contact.contact' },
    coBuyers: { type: 'relation', target: 'api::contact.contact' },
    programme: { type: 'relation', target: 'api::programme.programme' },
  },
  'api::programme.programme': { name: { type: 'string' }, gpsCode: { type: 'string' }, lots: { type: 'relation', target: 'api::lot.lot' } },
  'api::lot.lot': { reference: { type: 'string' }, gpsStatus: { type: 'string' }, programme: { type: 'relation', target: 'api::programme.programme' } },
  'api::reservation.reservation': {
    negotiation: { type: 'relation', target: 'api::negotiation.negotiation' },
    buyerNotifications: { type: 'component', component: 'sales.buyer-notification' },
  },
  'sales.buyer-notification': { sentOn: { type: 'date' }, annualIncome: { type: 'decimal' } },
};

const lookup: SchemaLookup = (uid) => SCHEMA[uid];

const NEGOTIATOR: Principal = { kind: 'staff', staffId: 7, role: 'negotiator' };
const DIRECTOR: Principal = { kind: 'staff', staffId: 9, role: 'director' };
const READ_ONLY: Principal = { kind: 'api-token', tokenType: 'read-only' };
const FULL_ACCESS: Principal = { kind: 'api-token', tokenType: 'full-access' };
const PUBLIC: Principal = { kind: 'public' };

describe('staff role from admin roles', () => {
  it.each([
    [['crm-negotiator'], 'negotiator'],
    [['crm-negotiator', 'crm-sales-director'], 'director'],
    [['strapi-super-admin', 'crm-negotiator'], 'administrator'],
    [['strapi-editor'], null],
    [[], null],
  ])('%j gives %s', (codes, role) => {
    expect(staffRoleFromRoleCodes(codes)).toBe(role);
  });
});

describe('read scope', () => {
  it('négociateur reads own négos', () => {
    expect(readScope(NEGOTIATOR, 'api::negotiation.negotiation')).toEqual({ kind: 'filtered', filters: { owner: { id: { $eq: 7 } } } });
  });

  it('négociateur reads propositions through the négo', () => {
    expect(readScope(NEGOTIATOR, 'api::proposition.proposition')).toEqual({
      kind: 'filtered',
      filters: { negotiation: { owner: { id: { $eq: 7 } } } },
    });
  });

  it('négociateur reads the whole stock', () => {
    expect(readScope(NEGOTIATOR, 'api::lot.lot')).toEqual({ kind: 'all' });
  });

  it('public reads available lots on sale', () => {
    expect(readScope(PUBLIC, 'api::lot.lot')).toEqual({
      kind: 'filtered',
      filters: { salesStatus: { $eq: 'available' }, programme: { commercialisationStatus: { $eq: 'selling' } } },
    });
    expect(readScope(PUBLIC, 'api::contact.contact')).toEqual({ kind: 'none' });
  });

  it.each([DIRECTOR, READ_ONLY, FULL_ACCESS])('%j reads every contact', (principal) => {
    expect(readScope(principal, 'api::contact.contact')).toEqual({ kind: 'all' });
  });

  it('unlinked account reads nothing', () => {
    expect(readScope({ kind: 'unlinked-account' }, 'api::programme.programme')).toEqual({ kind: 'none' });
  });

  it('scope joins request filters', () => {
    expect(withScope({ subject: { $eq: 'x' } }, { kind: 'filtered', filters: { owner: { id: { $eq: 7 } } } })).toEqual({
      $and: [{ subject: { $eq: 'x' } }, { owner: { id: { $eq: 7 } } }],
    });
    expect(withScope({}, { kind: 'all' })).toBeUndefined();
    expect(withScope(undefined, { kind: 'none' })).toEqual({ $and: [{ id: { $null: true } }] });
  });
});

describe('mine parameter', () => {
  it('Mes négos ouvertes filters owner and status', () => {
    expect(mineFilters(NEGOTIATOR, 'api::negotiation.negotiation', 'true')).toEqual({
      kind: 'filters',
      filters: { owner: { id: { $eq: 7 } }, negotiationStatus: { $eq: 'open' } },
    });
  });

  it('absent or false leaves the list', () => {
    expect(mineFilters(NEGOTIATOR, 'api::contact.contact', undefined)).toEqual({ kind: 'none' });
    expect(mineFilters(NEGOTIATOR, 'api::contact.contact', 'false')).toEqual({ kind: 'none' });
  });

  it.each([
    [NEGOTIATOR, 'api::contact.contact', 'yes', 'MINE_INVALID'],
    [NEGOTIATOR, 'api::lot.lot', 'true', 'MINE_NOT_SUPPORTED'],
    [READ_ONLY, 'api::contact.contact', 'true', 'MINE_REQUIRES_STAFF_ACCOUNT'],
  ] as const)('rejects %j on %s=%s', (principal, uid, value, code) => {
    const result = mineFilters(principal, uid, value);
    expect(result.kind).toBe('problem');
    expect(result.kind === 'problem' ? result.problem.code : null).toBe(code);
  });
});

describe('list scope with mine', () => {
  const own = { kind: 'filtered' as const, filters: { owner: { id: { $eq: 7 } } } };

  it('mine filters replace the read scope', () => {
    const mine = mineFilters(NEGOTIATOR, 'api::negotiation.negotiation', 'true');
    expect(listScope(own, mine)).toEqual({ kind: 'filtered', filters: { owner: { id: { $eq: 7 } }, negotiationStatus: { $eq: 'open' } } });
  });

  it('read scope stays without mine', () => {
    expect(listScope(own, { kind: 'none' })).toBe(own);
  });

  it('no scope stays empty', () => {
    expect(listScope({ kind: 'none' }, mineFilters(DIRECTOR, 'api::contact.contact', 'true'))).toEqual({ kind: 'none' });
  });
});

describe('query field paths', () => {
  it('follows relations, logical operators and populate', () => {
    const paths = queryFieldPaths(lookup, 'api::negotiation.negotiation', {
      filters: { $or: { 0: { subject: { $eq: 'a' } }, 1: { buyer: { $not: { annualIncome: { $gt: 1 } } } } } },
      sort: ['coBuyers.lastName:asc', { loanAmount: 'desc' }],
      populate: { buyer: { filters: { negotiations: { loanAmount: { $null: true } } } } },
    });

    expect(paths.map((path) => [path.path, path.uid, path.depth])).toEqual([
      ['subject', 'api::negotiation.negotiation', 0],
      ['buyer', 'api::negotiation.negotiation', 0],
      ['buyer.annualIncome', 'api::contact.contact', 1],
      ['coBuyers', 'api::negotiation.negotiation', 0],
      ['coBuyers.lastName', 'api::contact.contact', 1],
      ['loanAmount', 'api::negotiation.negotiation', 0],
      ['buyer.negotiations', 'api::contact.contact', 1],
      ['buyer.negotiations.loanAmount', 'api::negotiation.negotiation', 2],
    ]);
  });

  it('reads a comma-separated sort', () => {
    const paths = queryFieldPaths(lookup, 'api::contact.contact', { sort: 'lastName:asc,annualIncome:desc' });
    expect(paths.map((path) => path.path)).toEqual(['lastName', 'annualIncome']);
  });

  it('enters components without a depth step', () => {
    const paths = queryFieldPaths(lookup, 'api::reservation.reservation', { filters: { buyerNotifications: { sentOn: { $null: true } } } });
    expect(paths.map((path) => [path.path, path.uid, path.depth])).toEqual([
      ['buyerNotifications', 'api::reservation.reservation', 0],
      ['buyerNotifications.sentOn', 'sales.buyer-notification', 0],
    ]);
  });
});

describe('query field check', () => {
  const incomeFilter = (uid: string, filters: Record<string, unknown>) => queryFieldPaths(lookup, uid, { filters });

  it('négociateur filters own contacts on income', () => {
    expect(queryFieldProblem(NEGOTIATOR, incomeFilter('api::contact.contact', { annualIncome: { $gt: 1 } }))).toBeNull();
  });

  it('négociateur cannot filter related income', () => {
    const problem = queryFieldProblem(NEGOTIATOR, incomeFilter('api::negotiation.negotiation', { buyer: { annualIncome: { $gt: 1 } } }));
    expect(problem?.code).toBe('SENSITIVE_FIELD_FILTER');
    expect(problem?.kind).toBe('invalid');
    expect(problem?.details).toEqual({ field: 'buyer.annualIncome' });
  });

  it('read-only token cannot filter on income', () => {
    expect(queryFieldProblem(READ_ONLY, incomeFilter('api::contact.contact', { annualIncome: { $gt: 1 } }))?.code).toBe('SENSITIVE_FIELD_FILTER');
  });

  it.each([DIRECTOR, FULL_ACCESS])('%j filters on related income', (principal) => {
    expect(queryFieldProblem(principal, incomeFilter('api::negotiation.negotiation', { buyer: { annualIncome: { $gt: 1 } } }))).toBeNull();
  });

  it('public filters on published fields only', () => {
    expect(queryFieldProblem(PUBLIC, incomeFilter('api::lot.lot', { reference: { $eq: 'A1' }, programme: { name: { $eq: 'X' } } }))).toBeNull();
    expect(queryFieldProblem(PUBLIC, incomeFilter('api::lot.lot', { gpsStatus: { $eq: 'blocked' } }))?.code).toBe('FIELD_NOT_PUBLIC');
    expect(queryFieldProblem(PUBLIC, incomeFilter('api::lot.lot', { programme: { gpsCode: { $eq: 'X' } } }))?.code).toBe('FIELD_NOT_PUBLIC');
  });
});

describe('response redaction', () => {
  const negotiation = {
    id: 1,
    documentId: 'n1',
    subject: 'Achat T3',
    loanAmount: 200000,
    buyer: { id: 10, documentId: 'c10', lastName: 'Etxeberria', annualIncome: 40000 },
    coBuyers: [
      { id: 11, documentId: 'c11', lastName: 'Irigoyen', annualIncome: 52000, negotiations: [{ id: 2, documentId: 'n2', subject: 'Autre', loanAmount: 1 }] },
    ],
  };

  it('collects related ids only', () => {
    const found = collectRelatedIds(lookup, 'api::negotiation.negotiation', [negotiation], new Set(['api::contact.contact', 'api::negotiation.negotiation']));
    expect(found.get('api::contact.contact')).toEqual(new Set([10, 11]));
    expect(found.get('api::negotiation.negotiation')).toEqual(new Set([2]));
  });

  it('négociateur keeps own related records', () => {
    const inScope = new Map([
      ['api::contact.contact', new Set([10])],
      ['api::negotiation.negotiation', new Set<number>()],
    ]);
    const policy = createOutputPolicy(NEGOTIATOR, inScope);

    const redacted = redactOutput(lookup, 'api::negotiation.negotiation', negotiation, policy);

    expect(redacted).toEqual({
      id: 1,
      documentId: 'n1',
      subject: 'Achat T3',
      loanAmount: 200000,
      buyer: { id: 10, documentId: 'c10', lastName: 'Etxeberria', annualIncome: 40000 },
      coBuyers: [{ id: 11, documentId: 'c11', lastName: 'Irigoyen', negotiations: [] }],
    });
  });

  it('read-only token loses sensitive fields', () => {
    const redacted = redactOutput(lookup, 'api::negotiation.negotiation', negotiation, createOutputPolicy(READ_ONLY, new Map()));

    expect(redacted).not.toHaveProperty('loanAmount');
    expect(JSON.stringify(redacted)).not.toContain('annualIncome');
    expect(JSON.stringify(redacted)).toContain('"documentId":"n2"');
  });

  it('public keeps published fields of visible lots', () => {
    const programme = {
      id: 3,
      documentId: 'p3',
      name: 'Les Embruns',
      gpsCode: 'HEN-1',
      createdAt: '2026-01-01',
      lots: [
        { id: 30, documentId: 'l30', reference: 'A1', gpsStatus: 'available' },
        { id: 31, documentId: 'l31', reference: 'A2', gpsStatus: 'sold' },
      ],
    };
    const policy = createOutputPolicy(PUBLIC, new Map([['api::lot.lot', new Set([30])]]));

    expect(redactOutput(lookup, 'api::programme.programme', programme, policy)).toEqual({
      id: 3,
      documentId: 'p3',
      name: 'Les Embruns',
      lots: [{ id: 30, documentId: 'l30', reference: 'A1' }],
    });
  });

  it('single relation outside scope becomes null', () => {
    const reservation = { id: 5, documentId: 'r5', negotiation: { id: 2, documentId: 'n2', subject: 'Autre' } };
    const policy = createOutputPolicy(NEGOTIATOR, new Map([['api::negotiation.negotiation', new Set<number>()]]));

    expect(redactOutput(lookup, 'api::reservation.reservation', reservation, policy)).toEqual({ id: 5, documentId: 'r5', negotiation: null });
  });
});

describe('négo deletion', () => {
  it.each([
    ['reservation', 'open', 1],
    ['financing', 'open', 1],
    ['deed', 'won', 1],
    ['withdrawal', 'lost', 1],
    ['deed', 'won', 0],
  ])('négociateur cannot delete %s %s with %i reservations', (phase, status, reservationCount) => {
    const problem = negotiationDeletionProblem(NEGOTIATOR, { phase, status, reservationCount });
    expect(problem?.code).toBe('NEGOTIATION_DELETE_FORBIDDEN');
    expect(problem?.kind).toBe('forbidden');
  });

  it.each([
    ['need', 'open'],
    ['commercial_actions', 'closed'],
    ['withdrawal', 'lost'],
  ])('négociateur deletes %s %s without reservation', (phase, status) => {
    expect(negotiationDeletionProblem(NEGOTIATOR, { phase, status, reservationCount: 0 })).toBeNull();
  });

  it.each([DIRECTOR, FULL_ACCESS, { kind: 'system' } as Principal])('%j deletes a won négo', (principal) => {
    expect(negotiationDeletionProblem(principal, { phase: 'deed', status: 'won', reservationCount: 1 })).toBeNull();
  });
});

describe('ownership on save', () => {
  it('staff member owns what they create', () => {
    expect(ownerOnCreate(NEGOTIATOR, 'api::contact.contact')).toBe(7);
    expect(ownerOnCreate(DIRECTOR, 'api::activity.activity')).toBe(9);
    expect(ownerOnCreate(NEGOTIATOR, 'api::proposition.proposition')).toBeNull();
    expect(ownerOnCreate(FULL_ACCESS, 'api::contact.contact')).toBeNull();
  });

  it('négociateur links checked relations', () => {
    expect(scopedRelations(lookup, NEGOTIATOR, 'api::reservation.reservation')).toEqual([{ field: 'negotiation', target: 'api::negotiation.negotiation' }]);
    expect(scopedRelations(lookup, NEGOTIATOR, 'api::negotiation.negotiation').map((relation) => relation.field)).toEqual(['buyer', 'coBuyers']);
    expect(scopedRelations(lookup, DIRECTOR, 'api::negotiation.negotiation')).toEqual([]);
  });
});

describe('account actions', () => {
  it.each([
    ['plugin::users-permissions.auth.register', true],
    ['plugin::users-permissions.user.update', true],
    ['plugin::users-permissions.user.find', true],
    ['plugin::users-permissions.role.find', true],
    ['plugin::users-permissions.user.me', false],
    ['plugin::users-permissions.auth.changePassword', false],
    ['api::contact.contact.find', false],
  ])('%s forbidden: %s', (action, forbidden) => {
    expect(isForbiddenAccountAction(action)).toBe(forbidden);
  });
});

describe('staff e-mails in admin responses', () => {
  it('keeps own and contact e-mails only', () => {
    const body = {
      data: {
        createdBy: { id: 3, firstname: 'Amaia', lastname: 'Test', email: 'amaia@example.com' },
        updatedBy: { id: 4, firstname: 'Beñat', email: 'benat@example.com' },
        buyer: { id: 10, firstName: 'Ane', email: 'ane@example.org' },
      },
    };

    expect(withoutOtherStaffEmails(body, 3)).toEqual({
      data: {
        createdBy: { id: 3, firstname: 'Amaia', lastname: 'Test', email: 'amaia@example.com' },
        updatedBy: { id: 4, firstname: 'Beñat' },
        buyer: { id: 10, firstName: 'Ane', email: 'ane@example.org' },
      },
    });
  });
});
