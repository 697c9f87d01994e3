import type { Core } from '@strapi/strapi';
import { uniqueSuffix } from './http';

/**
 * Records created through the document service outside any request, as a script would:
 * the access rules do not apply, so each fixture names its owner itself.
 */
export interface Ref {
  id: number;
  documentId: string;
}

const NEED = { purchaseType: 'main_residence', housingType: 't3', department: '64', city: 'Hendaye' } as const;

function ref(record: { id: number | string; documentId: string }): Ref {
  return { id: Number(record.id), documentId: record.documentId };
}

export async function createContact(strapi: Core.Strapi, ownerId: number | null, annualIncome = 52000): Promise<Ref> {
  const suffix = uniqueSuffix();
  const contact = await strapi.documents('api::contact.contact').create({
    data: {
      firstName: 'Ane',
      lastName: `Larralde-${suffix}`,
      email: `ane.larralde.${suffix}@example.org`,
      contactType: 'prospect',
      annualIncome,
      ...(ownerId === null ? {} : { owner: ownerId }),
    },
  });
  return ref(contact);
}

export async function createNegotiation(strapi: Core.Strapi, ownerId: number, buyer: Ref, extra: { qualification?: 'hot' | 'warm' | 'cold' } = {}): Promise<Ref> {
  const negotiation = await strapi.documents('api::negotiation.negotiation').create({
    data: { buyer: buyer.documentId, owner: ownerId, ...NEED, personalContribution: 30000, loanAmount: 210000, ...extra },
  });
  return ref(negotiation);
}

type LotStatus = 'available' | 'optioned' | 'reserved' | 'sold' | 'withdrawn';

export async function createProgramme(strapi: Core.Strapi, commercialisationStatus: 'selling' | 'ended', lotStatuses: LotStatus[]) {
  const code = `AC-${uniqueSuffix()}`;
  const programme = await strapi.documents('api::programme.programme').create({
    // Studios in Bayonne: the lot-matching tests of other files, which share the database,
    // look for T3 in Hendaye and must not find these.
    data: { gpsCode: code, name: `Résidence ${code}`, city: 'Bayonne', postalCode: '64100', department: '64', commercialisationStatus },
  });
  const lots: Ref[] = [];
  for (const [index, salesStatus] of lotStatuses.entries()) {
    const reference = `L${String(index + 1).padStart(3, '0')}`;
    const lot = await strapi.documents('api::lot.lot').create({
      data: {
        gpsKey: `${code}/${reference}`,
        reference,
        programmeCode: code,
        programme: programme.documentId,
        kind: 'apartment',
        typology: 'studio',
        livingArea: 24.6,
        price: 265000 + index * 1000,
        salesStatus,
        gpsStatus: salesStatus === 'available' ? 'available' : 'sold',
      },
    });
    lots.push(ref(lot));
  }
  return { programme: ref(programme), lots };
}

/** Creates an available lot, in a new programme on sale. */
export async function createFreeLot(strapi: Core.Strapi): Promise<Ref> {
  const { lots } = await createProgramme(strapi, 'selling', ['available']);
  return lots[0];
}

export async function createProposition(strapi: Core.Strapi, negotiation: Ref, lot: Ref): Promise<Ref> {
  const proposition = await strapi.documents('api::proposition.proposition').create({
    data: { negotiation: negotiation.documentId, lot: lot.documentId, proposedOn: '2026-11-02', answer: 'pending' },
  });
  return ref(proposition);
}

export async function createActivity(strapi: Core.Strapi, ownerId: number, negotiation: Ref | null, contact: Ref | null): Promise<Ref> {
  const activity = await strapi.documents('api::activity.activity').create({
    data: {
      kind: 'call',
      priority: 'normal',
      activityStatus: 'todo',
      subject: `Rappeler ${uniqueSuffix()}`,
      owner: ownerId,
      ...(negotiation ? { negotiation: negotiation.documentId } : {}),
      ...(contact ? { contact: contact.documentId } : {}),
    },
  });
  return ref(activity);
}

/** Creates a négo of `ownerId` with one proposed lot, ready for a reservation of that lot. */
export async function createNegotiationReadyToReserve(strapi: Core.Strapi, ownerId: number) {
  const buyer = await createContact(strapi, ownerId);
  const negotiation = await createNegotiation(strapi, ownerId, buyer);
  const lot = await createFreeLot(strapi);
  await createProposition(strapi, negotiation, lot);
  return { buyer, negotiation, lot };
}

export async function createReservation(strapi: Core.Strapi, negotiation: Ref, lot: Ref): Promise<Ref> {
  const reservation = await strapi.documents('api::reservation.reservation').create({
    data: { negotiation: negotiation.documentId, lots: [lot.documentId], contractPrice: 266000, deposit: 5000, signatureDate: '2026-11-20', reservationStatus: 'active' },
  });
  return ref(reservation);
}

/** Creates a négo of `ownerId` in the reservation phase: a lot proposed, then reserved. */
export async function createReservedNegotiation(strapi: Core.Strapi, ownerId: number) {
  const ready = await createNegotiationReadyToReserve(strapi, ownerId);
  const reservation = await createReservation(strapi, ready.negotiation, ready.lot);
  return { ...ready, reservation };
}
