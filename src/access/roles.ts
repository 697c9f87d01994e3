import type { Core } from '@strapi/strapi';

/** Admin panel roles of the sales team, created on first start. */
export const CRM_ROLES = [
  {
    code: 'crm-negotiator',
    name: 'Négociateur',
    description: 'Suit ses contacts, ses négos et ses activités ; consulte les programmes et les lots.',
  },
  {
    code: 'crm-sales-director',
    name: 'Directeur commercial',
    description: "Voit tout le travail de l'équipe commerciale, réattribue les dossiers et lance la synchronisation GPS.",
  },
] as const;

export type CrmRoleCode = (typeof CRM_ROLES)[number]['code'];

const CRM_WRITABLE = [
  'api::contact.contact',
  'api::negotiation.negotiation',
  'api::proposition.proposition',
  'api::reservation.reservation',
  'api::activity.activity',
];
const CRM_READ_ONLY = ['api::programme.programme', 'api::lot.lot', 'api::phase-change.phase-change'];

function contentManagerPermissions(): Array<{ action: string; subject: string }> {
  const write = ['read', 'create', 'update', 'delete'].flatMap((verb) =>
    CRM_WRITABLE.map((subject) => ({ action: `plugin::content-manager.explorer.${verb}`, subject })),
  );
  const read = CRM_READ_ONLY.map((subject) => ({ action: 'plugin::content-manager.explorer.read', subject }));
  return [...write, ...read];
}

/** Creates the CRM roles that do not exist yet, with their content-manager permissions. */
export async function ensureCrmRoles(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role');

  for (const role of CRM_ROLES) {
    const existing = await strapi.db.query('admin::role').findOne({ where: { code: role.code } });
    if (existing) continue;

    const created = await roleService.create({ name: role.name, code: role.code, description: role.description });
    await roleService.assignPermissions(created.id, contentManagerPermissions());
    strapi.log.info(`[crm] created admin role ${role.code} (id ${created.id})`);
  }
}
