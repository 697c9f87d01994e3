import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { DEMO_PEOPLE, demoEmail, demoMobile, type DemoPerson } from './identities';
import { formatFrenchDate, addDays, toIsoDate } from './dates';

/**
 * Loads the demo: staff accounts, the Hendaye GPS sample, about 30 contacts, 40 négos spread
 * over every phase and status, and their activities. Every record is looked up by a natural
 * key before it is created, so running the seed again creates nothing.
 */
export interface DemoAccounts {
  admin: { email: string; password: string };
  negotiators: Array<{ email: string; password: string; firstname: string; lastname: string }>;
}

export interface SeedOptions {
  accounts: DemoAccounts;
  gpsSourceDir: string;
  /** Applies the sample even when it would withdraw many lots of programmes it does not list. */
  gpsForce?: boolean;
  today?: Date;
}

export interface SeedReport {
  created: { users: number; contacts: number; negotiations: number; activities: number };
  gpsRunStatus: string;
}

type Stage = 'need_empty' | 'need_partial' | 'commercial' | 'reservation' | 'financing' | 'deed' | 'won' | 'lost' | 'closed';

const STAGES: Array<[Stage, number]> = [
  ['need_empty', 4],
  ['need_partial', 3],
  ['commercial', 8],
  ['reservation', 6],
  ['financing', 6],
  ['deed', 4],
  ['won', 4],
  ['lost', 3],
  ['closed', 2],
];

const HOUSING = ['t2', 't3', 't3', 't4', 't2', 'studio', 't5'] as const;
const PURCHASE = ['main_residence', 'main_residence', 'rental_investment', 'secondary_residence'] as const;
const QUALIFICATION = ['hot', 'warm', 'cold'] as const;
const ORIGIN = ['website', 'phone', 'walk_in', 'referral', 'partner', 'event', 'advertising'] as const;
const LENDERS = ['Crédit Agricole Pyrénées Gascogne', 'Banque Populaire Aquitaine Centre Atlantique', "Caisse d'Épargne Aquitaine Poitou-Charentes", 'LCL'];

const NOTARY_COUNT = 2;

interface LotRow {
  id: number;
  documentId: string;
  gpsKey: string;
  price: number | null;
  programmeDocumentId: string;
}

async function ensureStaff(strapi: Core.Strapi, accounts: DemoAccounts, created: SeedReport['created']) {
  const roleService = strapi.service('admin::role');
  const userService = strapi.service('admin::user');

  const superAdmin = await roleService.getSuperAdmin();
  const negotiatorRole = await strapi.db.query('admin::role').findOne({ where: { code: 'crm-negotiator' } });
  if (!superAdmin || !negotiatorRole) {
    throw new Error('The Super Admin and Négociateur roles must exist before the demo is loaded');
  }

  const staffIds: number[] = [];
  const existingAdmin = await strapi.db.query('admin::user').findOne({ where: { email: accounts.admin.email } });
  if (!existingAdmin) {
    await userService.create({
      email: accounts.admin.email,
      firstname: 'Administrateur',
      lastname: 'Démo',
      password: accounts.admin.password,
      isActive: true,
      preferedLanguage: 'fr',
      roles: [superAdmin.id],
      registrationToken: null,
    });
    created.users += 1;
  }

  for (const negotiator of accounts.negotiators) {
    let user = await strapi.db.query('admin::user').findOne({ where: { email: negotiator.email } });
    if (!user) {
      user = await userService.create({
        email: negotiator.email,
        firstname: negotiator.firstname,
        lastname: negotiator.lastname,
        password: negotiator.password,
        isActive: true,
        preferedLanguage: 'fr',
        roles: [negotiatorRole.id],
        registrationToken: null,
      });
      created.users += 1;
    }
    staffIds.push(user.id);
    if (await ensureRestAccount(strapi, negotiator, user.id)) created.users += 1;
  }
  return staffIds;
}

/**
 * Creates the REST account a field app logs in with (`POST /api/auth/local`), linked to the
 * négociateur: the part of the e-mail before the @ as username, the same e-mail and password.
 * Returns false when it exists already.
 */
async function ensureRestAccount(strapi: Core.Strapi, negotiator: DemoAccounts['negotiators'][number], staffId: number): Promise<boolean> {
  const username = negotiator.email.split('@')[0];
  const existing = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } });
  if (existing) return false;

  const authenticated = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!authenticated) throw new Error('The Authenticated role of users-permissions must exist before the demo is loaded');
  await strapi.plugin('users-permissions').service('user').add({
    username,
    email: negotiator.email,
    password: negotiator.password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: authenticated.id,
    staffMember: staffId,
  });
  return true;
}

function demoProfile(isNotary: boolean, index: number): 'investor' | 'owner_occupier' | undefined {
  if (isNotary) return undefined;
  return index % 4 === 2 ? 'investor' : 'owner_occupier';
}

async function ensureContact(
  strapi: Core.Strapi,
  person: DemoPerson,
  index: number,
  ownerId: number,
  created: SeedReport['created'],
): Promise<string> {
  const email = demoEmail(person);
  const existing = await strapi.documents('api::contact.contact').findFirst({ filters: { email } });
  if (existing) return existing.documentId;

  const isNotary = person.firstName.startsWith('Maître');
  const contact = await strapi.documents('api::contact.contact').create({
    data: {
      civility: person.civility,
      firstName: person.firstName,
      lastName: person.lastName,
      email,
      mobilePhone: demoMobile(index),
      phone: index % 3 === 0 ? `01 99 00 ${String(10 + index).padStart(2, '0')} 00` : undefined,
      street: `${(index * 7) % 90 + 1} rue des Pêcheurs`,
      postalCode: person.postalCode,
      city: person.city,
      country: 'France',
      isClient: false,
      firstTimeBuyer: !isNotary && index % 3 !== 2,
      annualIncome: isNotary ? undefined : 28000 + ((index * 3517) % 60000),
      profile: demoProfile(isNotary, index),
      contactType: isNotary ? 'notary' : 'prospect',
      owner: ownerId,
      notes: isNotary ? 'Notaire partenaire du programme.' : undefined,
    },
  });
  created.contacts += 1;
  return contact.documentId;
}

async function availableLots(strapi: Core.Strapi): Promise<LotRow[]> {
  const lots = await strapi.documents('api::lot.lot').findMany({
    filters: { salesStatus: 'available', kind: 'apartment' },
    populate: { programme: { fields: ['documentId'] } },
    sort: ['gpsKey:asc'],
    limit: 500,
  });
  return lots
    .filter((lot) => lot.programme)
    .map((lot) => ({
      id: Number(lot.id),
      documentId: lot.documentId,
      gpsKey: lot.gpsKey ?? '',
      price: lot.price === null || lot.price === undefined ? null : Number(lot.price),
      programmeDocumentId: lot.programme!.documentId,
    }));
}

function stagePlan(): Stage[] {
  return STAGES.flatMap(([stage, count]) => Array.from({ length: count }, () => stage));
}

/** Runs the demo seed; see the module comment. */
export async function seedDemo(strapi: Core.Strapi, options: SeedOptions): Promise<SeedReport> {
  const today = options.today ?? new Date();
  const created = { users: 0, contacts: 0, negotiations: 0, activities: 0 };

  const staffIds = await ensureStaff(strapi, options.accounts, created);

  const gps = strapi.plugin('gps-sync').service('sync');
  const gpsReport = await gps.run({ source: { dir: path.resolve(options.gpsSourceDir) }, trigger: 'demo', force: options.gpsForce ?? false });
  if (gpsReport.status === 'failed') {
    throw new Error(`The GPS import of the demo sample failed (run ${gpsReport.runId}): ${gpsReport.message}`);
  }

  const contactIds: string[] = [];
  for (const [index, person] of DEMO_PEOPLE.entries()) {
    contactIds.push(await ensureContact(strapi, person, index, staffIds[index % staffIds.length], created));
  }
  const buyers = contactIds.slice(0, DEMO_PEOPLE.length - NOTARY_COUNT);
  const notaries = contactIds.slice(DEMO_PEOPLE.length - NOTARY_COUNT);

  const lots = await availableLots(strapi);
  const usedLots = new Set<number>();
  const pickLot = (preferredProgramme?: string): LotRow | null => {
    const candidate =
      lots.find((lot) => !usedLots.has(lot.id) && (!preferredProgramme || lot.programmeDocumentId === preferredProgramme)) ??
      lots.find((lot) => !usedLots.has(lot.id));
    if (candidate) usedLots.add(candidate.id);
    return candidate ?? null;
  };

  const demoSubjects: string[] = [];
  for (const [index, stage] of stagePlan().entries()) {
    const buyerIndex = index % buyers.length;
    const person = DEMO_PEOPLE[buyerIndex];
    const createdOn = addDays(today, -(120 - index * 2));
    const subject = `${person.firstName} ${person.lastName} le ${formatFrenchDate(createdOn)}`;
    demoSubjects.push(subject);

    const existing = await strapi.documents('api::negotiation.negotiation').findFirst({ filters: { subject } });
    if (existing) continue;

    await createDemoNegotiation(strapi, {
      index,
      stage,
      subject,
      buyer: buyers[buyerIndex],
      coBuyer: index % 5 === 0 ? buyers[(buyerIndex + 7) % buyers.length] : null,
      owner: staffIds[index % staffIds.length],
      notary: notaries[index % notaries.length],
      createdOn,
      today,
      pickLot,
    });
    created.negotiations += 1;
  }

  created.activities += await ensureActivities(strapi, today, demoSubjects);

  return { created, gpsRunStatus: gpsReport.status };
}

interface DemoNegotiationInput {
  index: number;
  stage: Stage;
  subject: string;
  buyer: string;
  coBuyer: string | null;
  owner: number;
  notary: string;
  createdOn: Date;
  today: Date;
  pickLot: (preferredProgramme?: string) => LotRow | null;
}

async function createDemoNegotiation(strapi: Core.Strapi, input: DemoNegotiationInput): Promise<void> {
  const { index, stage, today } = input;
  const needComplete = stage !== 'need_empty' && stage !== 'need_partial';
  const firstLot = needComplete ? input.pickLot() : null;
  const budget = firstLot?.price ?? 250000 + index * 5000;

  const negotiations = strapi.documents('api::negotiation.negotiation');
  const negotiation = await negotiations.create({
    data: {
      subject: input.subject,
      buyer: input.buyer,
      coBuyers: input.coBuyer ? [input.coBuyer] : [],
      owner: input.owner,
      origin: ORIGIN[index % ORIGIN.length],
      qualification: QUALIFICATION[index % QUALIFICATION.length],
      purchaseType: stage === 'need_empty' ? undefined : PURCHASE[index % PURCHASE.length],
      housingType: needComplete ? HOUSING[index % HOUSING.length] : undefined,
      budgetMin: needComplete ? Math.round(budget * 0.9) : undefined,
      budgetMax: needComplete ? Math.round(budget * 1.1) : undefined,
      department: needComplete ? '64' : undefined,
      city: needComplete ? 'Hendaye' : undefined,
      programme: firstLot ? firstLot.programmeDocumentId : undefined,
      needNotes: needComplete ? 'Souhaite une terrasse et un stationnement.' : 'Premier contact, besoin à préciser.',
    },
  });

  if (!firstLot || stage === 'commercial') {
    if (stage === 'closed') await closeDemoNegotiation(strapi, negotiation.documentId);
    return;
  }

  const secondLot = index % 2 === 0 ? input.pickLot(firstLot.programmeDocumentId) : null;
  for (const lot of [firstLot, secondLot]) {
    if (!lot) continue;
    await strapi.documents('api::proposition.proposition').create({
      data: {
        negotiation: negotiation.documentId,
        lot: lot.documentId,
        proposedOn: toIsoDate(addDays(input.createdOn, 7)),
        answer: lot === firstLot ? 'selected' : 'declined',
        negotiatedPrice: lot.price ?? undefined,
      },
    });
  }

  if (stage === 'reservation' || stage === 'closed' || (stage === 'lost' && index % 3 === 0)) {
    await finishDemoStage(strapi, negotiation.documentId, stage, today);
    return;
  }

  const signatureDate = addDays(today, -(40 - index));
  await strapi.documents('api::reservation.reservation').create({
    data: {
      negotiation: negotiation.documentId,
      lots: [firstLot.documentId],
      contractPrice: firstLot.price ?? undefined,
      deposit: firstLot.price === null ? undefined : Math.round(firstLot.price * 0.02 * 100) / 100,
      buyerNotary: input.notary,
      signatureDate: toIsoDate(signatureDate),
      notificationDate: toIsoDate(addDays(signatureDate, 2)),
      reservationStatus: 'active',
    },
  });

  if (stage === 'financing') {
    await negotiations.update({
      documentId: negotiation.documentId,
      data: {
        personalContribution: 30000 + index * 1000,
        loanAmount: firstLot.price === null ? undefined : Math.round(firstLot.price * 0.85),
        lender: LENDERS[index % LENDERS.length],
        loanApplicationDate: toIsoDate(addDays(signatureDate, 10)),
      },
    });
    return;
  }

  if (stage === 'deed' || stage === 'won') {
    const cash = index % 4 === 0;
    await negotiations.update({
      documentId: negotiation.documentId,
      data: cash
        ? { cashPurchase: true, personalContribution: firstLot.price ?? undefined }
        : {
            personalContribution: 25000 + index * 1000,
            loanAmount: firstLot.price === null ? undefined : Math.round(firstLot.price * 0.9),
            lender: LENDERS[index % LENDERS.length],
            loanApplicationDate: toIsoDate(addDays(signatureDate, 8)),
            loanOfferIssueDate: toIsoDate(addDays(signatureDate, 30)),
            loanOfferDeadline: toIsoDate(addDays(signatureDate, 60)),
          },
    });
    if (stage === 'won') {
      await negotiations.update({
        documentId: negotiation.documentId,
        data: { deedSignatureDate: toIsoDate(addDays(today, -(index % 10) - 1)), deedNotary: input.notary },
      });
    }
    return;
  }

  await finishDemoStage(strapi, negotiation.documentId, stage, today);
}

async function finishDemoStage(strapi: Core.Strapi, documentId: string, stage: Stage, today: Date) {
  if (stage === 'lost') {
    await strapi.documents('api::negotiation.negotiation').update({
      documentId,
      data: {
        withdrawalDate: toIsoDate(addDays(today, -5)),
        withdrawalReason: 'loan_refused',
        withdrawalNotes: "Refus de prêt notifié par la banque de l'acquéreur.",
      },
    });
  }
  if (stage === 'closed') await closeDemoNegotiation(strapi, documentId);
}

async function closeDemoNegotiation(strapi: Core.Strapi, documentId: string) {
  await strapi.documents('api::negotiation.negotiation').update({ documentId, data: { notes: 'Projet abandonné par le prospect.' } });
  await strapi.service('api::negotiation.sales').close(documentId);
}

const ACTIVITY_TEMPLATES = [
  { kind: 'call', subject: 'Rappeler', priority: 'high', offsetDays: 0 },
  { kind: 'meeting', subject: 'Rendez-vous à l’espace de vente avec', priority: 'normal', offsetDays: 3 },
  { kind: 'task', subject: 'Envoyer les plans à', priority: 'normal', offsetDays: -2 },
  { kind: 'email', subject: 'Relancer par e-mail', priority: 'low', offsetDays: 1 },
] as const;

/** Plans one activity on each open demo négo; négos the users created are left alone. */
async function ensureActivities(strapi: Core.Strapi, today: Date, demoSubjects: string[]): Promise<number> {
  const open = await strapi.documents('api::negotiation.negotiation').findMany({
    filters: { negotiationStatus: 'open', subject: { $in: demoSubjects } },
    populate: { buyer: { fields: ['fullName', 'firstName', 'lastName'] }, owner: { fields: ['id'] } },
    sort: ['id:asc'],
    limit: 200,
  });

  let count = 0;
  for (const [index, negotiation] of open.entries()) {
    const template = ACTIVITY_TEMPLATES[index % ACTIVITY_TEMPLATES.length];
    const buyer = negotiation.buyer;
    const name = buyer ? `${buyer.firstName ?? ''} ${buyer.lastName}`.trim() : negotiation.subject ?? 'le prospect';
    const subject = `${template.subject} ${name} (${negotiation.subject})`;

    const existing = await strapi.documents('api::activity.activity').findFirst({ filters: { subject } });
    if (existing) continue;

    const due = addDays(today, template.offsetDays);
    due.setUTCHours(9 + (index % 8), 0, 0, 0);
    await strapi.documents('api::activity.activity').create({
      data: {
        kind: template.kind,
        subject,
        priority: template.priority,
        activityStatus: 'todo',
        dueAt: due.toISOString(),
        negotiation: negotiation.documentId,
        contact: buyer?.documentId ?? undefined,
        owner: negotiation.owner?.id ?? undefined,
      },
    });
    count += 1;
  }
  return count;
}
