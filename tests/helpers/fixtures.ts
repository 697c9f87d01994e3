import type { Core } from '@strapi/strapi';

let sequence = 0;

/** A code unique to this test run, for GPS codes and e-mail addresses. */
export function uniqueCode(prefix: string): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

/** Creates a programme with available apartments, as the GPS import would. */
export async function createProgrammeWithLots(strapi: Core.Strapi, options: { lots?: number; name?: string } = {}) {
  const code = uniqueCode('TP');
  const programme = await strapi.documents('api::programme.programme').create({
    data: { gpsCode: code, name: options.name ?? `Résidence ${code}`, city: 'Hendaye', postalCode: '64700', department: '64', commercialisationStatus: 'selling' },
  });
  const lots = [];
  for (let index = 1; index <= (options.lots ?? 3); index += 1) {
    const reference = `A${String(index).padStart(3, '0')}`;
    lots.push(
      await strapi.documents('api::lot.lot').create({
        data: {
          gpsKey: `${code}/${reference}`,
          reference,
          programmeCode: code,
          programme: programme.documentId,
          kind: 'apartment',
          typology: 't3',
          livingArea: 64.5,
          price: 285000 + index * 1000,
          salesStatus: 'available',
          gpsStatus: 'available',
        },
      }),
    );
  }
  return { programme, lots };
}

export async function createBuyer(strapi: Core.Strapi, lastName = 'Etxeberria') {
  return strapi.documents('api::contact.contact').create({
    data: { firstName: 'Maddi', lastName, contactType: 'prospect', email: `${uniqueCode('buyer')}@example.com` },
  });
}
