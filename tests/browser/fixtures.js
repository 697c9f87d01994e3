'use strict';

// Data of the browser test, written through Strapi's document service so the sales rules
// run as in production: three staff accounts, two programmes with lots, and one négo of the
// second négociateur whose need matches the first négociateur's. writeGpsExport writes the GPS
// export of the same programmes that the synchronisation step imports.
const fs = require('node:fs');
const path = require('node:path');

const APP_ROOT = path.resolve(__dirname, '..', '..');

const PASSWORD = 'Browser-Test-2026';

const ACCOUNTS = {
  director: { email: 'direction@example.com', firstname: 'Hélène', lastname: 'Duhalde', role: 'crm-sales-director' },
  claire: { email: 'claire.martin@example.com', firstname: 'Claire', lastname: 'Martin', role: 'crm-negotiator' },
  julien: { email: 'julien.bernard@example.com', firstname: 'Julien', lastname: 'Bernard', role: 'crm-negotiator' },
};

// Lots of the main programme, in Hendaye: [reference, typology, floor, living area m², price €, sales status].
const TERRASSES_LOTS = [
  ['A001', 't3', 1, 64.5, 265000, 'available'],
  ['A002', 't3', 2, 66.2, 279000, 'available'],
  ['A003', 't2', 1, 45.1, 189000, 'available'],
  ['A004', 't4', 3, 82.4, 349000, 'available'],
  ['A005', 't3', 3, 65.0, 289000, 'sold'],
  ['B001', 't3', 0, 63.3, 255000, 'reserved'],
  ['B002', 't2', 2, 44.0, 312000, 'available'],
];

const TXINGUDI_LOTS = [
  ['C001', 't3', 1, 61.0, 241000, 'available'],
  ['C002', 't5', 2, 104.0, 455000, 'available'],
];

const PROGRAMMES = [
  { code: 'TERRASSES', name: 'Les Terrasses de la Baie', city: 'Hendaye', postalCode: '64700', inseeCode: '64260', lots: TERRASSES_LOTS },
  { code: 'TXINGUDI', name: 'Villa Txingudi', city: 'Bayonne', postalCode: '64100', inseeCode: '64102', lots: TXINGUDI_LOTS },
];

const GPS_STATUSES = { available: 'LIBRE', reserved: 'RESERVE', sold: 'VENDU' };

function frenchNumber(value, decimals) {
  return value.toFixed(decimals).replace('.', ',');
}

/**
 * Writes a GPS export (programmes.csv, lots.csv) of the fixture programmes into `dir`, for the
 * server's GPS_SOURCE_DIR. It lists the fixture lots with the GPS status of their sales status
 * and adds one lot with an unknown status, so a synchronisation rejects one row and ends « Partielle ».
 */
function writeGpsExport(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const programmeLines = ['code_programme;nom;adresse;code_postal;ville;code_insee;date_livraison_prevue'];
  const lotLines = ['code_programme;ref_lot;type_lot;typologie;nb_pieces;surface_habitable;prix_ttc;statut;date_maj;etage'];
  for (const programme of PROGRAMMES) {
    programmeLines.push([programme.code, programme.name, '1 rue de la Plage', programme.postalCode, programme.city, programme.inseeCode, '30/06/2028'].join(';'));
    for (const [reference, typology, floor, livingArea, price, salesStatus] of programme.lots) {
      const rooms = Number(typology.slice(1)) || 1;
      lotLines.push(
        [programme.code, reference, 'APPARTEMENT', typology.toUpperCase(), rooms, frenchNumber(livingArea, 2), frenchNumber(price, 2), GPS_STATUSES[salesStatus], '01/12/2026', floor].join(';'),
      );
    }
  }
  lotLines.push(['TERRASSES', 'A006', 'APPARTEMENT', 'T2', 2, '45,00', '199000,00', 'INCONNU', '01/12/2026', 2].join(';'));
  fs.writeFileSync(path.join(dir, 'programmes.csv'), `${programmeLines.join('\r\n')}\r\n`);
  fs.writeFileSync(path.join(dir, 'lots.csv'), `${lotLines.join('\r\n')}\r\n`);
}

async function createProgramme(strapi, { code, name, city, postalCode, lots }) {
  const programme = await strapi.documents('api::programme.programme').create({
    data: { gpsCode: code, name, city, postalCode, department: postalCode.slice(0, 2), commercialisationStatus: 'selling', plannedDeliveryDate: '2028-06-30' },
  });
  for (const [reference, typology, floor, livingArea, price, salesStatus] of lots) {
    await strapi.documents('api::lot.lot').create({
      data: {
        gpsKey: `${code}/${reference}`,
        reference,
        programmeCode: code,
        programme: programme.documentId,
        kind: 'apartment',
        typology,
        rooms: Number(typology.slice(1)) || 1,
        floor,
        livingArea,
        price,
        salesStatus,
        gpsStatus: salesStatus,
      },
    });
  }
  return programme;
}

async function createStaff(strapi) {
  const roleService = strapi.service('admin::role');
  const userService = strapi.service('admin::user');
  const superAdmin = await roleService.getSuperAdmin();
  await userService.create({
    email: 'admin@example.com',
    firstname: 'Administrateur',
    lastname: 'Test',
    password: PASSWORD,
    isActive: true,
    roles: [superAdmin.id],
    registrationToken: null,
  });

  const ids = {};
  for (const [key, account] of Object.entries(ACCOUNTS)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: account.role } });
    if (!role) throw new Error(`Admin role ${account.role} is missing: the CRM bootstrap should have created it`);
    const user = await userService.create({
      email: account.email,
      firstname: account.firstname,
      lastname: account.lastname,
      password: PASSWORD,
      isActive: true,
      preferedLanguage: 'fr',
      roles: [role.id],
      registrationToken: null,
    });
    ids[key] = user.id;
  }
  return ids;
}

/** Loads the compiled application on the configured database, writes the fixtures, stops. */
async function loadFixtures() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_ROOT, distDir: path.join(APP_ROOT, 'dist') }).load();
  try {
    const staff = await createStaff(strapi);
    for (const programme of PROGRAMMES) await createProgramme(strapi, programme);

    const buyer = await strapi.documents('api::contact.contact').create({
      data: { firstName: 'Ane', lastName: 'Goikoetxea', email: 'ane.goikoetxea@example.com', contactType: 'prospect', owner: staff.julien },
    });
    const negotiation = await strapi.documents('api::negotiation.negotiation').create({
      data: {
        buyer: buyer.documentId,
        owner: staff.julien,
        purchaseType: 'main_residence',
        housingType: 't3',
        budgetMin: 240000,
        budgetMax: 300000,
        department: '64',
        city: 'Hendaye',
      },
    });
    return { julienNegotiation: negotiation.documentId, julienNegotiationSubject: negotiation.subject };
  } finally {
    await strapi.destroy();
  }
}

// Run as a child process by run.js, so that nothing the loaded application leaves running
// (timers, pool connections) outlives it in the test runner: prints the fixture ids as JSON.
if (require.main === module) {
  loadFixtures()
    .then((fixtures) => {
      process.stdout.write(`FIXTURES ${JSON.stringify(fixtures)}\n`);
      process.exit(0);
    })
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}

module.exports = { ACCOUNTS, PASSWORD, writeGpsExport };
