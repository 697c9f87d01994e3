import type { Core } from '@strapi/strapi';
import { http, uniqueSuffix } from './http';

export const PASSWORD = 'Test-Access-2026';

/** A staff member: an admin user with a CRM role, and the REST account linked to it. */
export interface StaffMember {
  id: number;
  email: string;
  firstname: string;
  apiAccountId: number;
  apiUsername: string;
  apiEmail: string;
}

async function roleId(strapi: Core.Strapi, code: string): Promise<number> {
  const role = code === 'strapi-super-admin' ? await strapi.service('admin::role').getSuperAdmin() : await strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) throw new Error(`Admin role ${code} does not exist`);
  return Number(role.id);
}

async function authenticatedRoleId(strapi: Core.Strapi): Promise<number> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) throw new Error('The users-permissions Authenticated role does not exist');
  return Number(role.id);
}

/** Creates a users-permissions account, linked to `staffId` unless it is null. */
export async function createApiAccount(strapi: Core.Strapi, name: string, staffId: number | null) {
  const suffix = uniqueSuffix();
  const username = `${name}-${suffix}`;
  const email = `${name}.api.${suffix}@example.com`;
  const account = await strapi.plugin('users-permissions').service('user').add({
    username,
    email,
    password: PASSWORD,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: await authenticatedRoleId(strapi),
    ...(staffId === null ? {} : { staffMember: staffId }),
  });
  return { id: Number(account.id), username, email };
}

/** Creates an admin user with the given role and a REST account linked to it. */
export async function createStaffMember(strapi: Core.Strapi, roleCode: string, firstname: string): Promise<StaffMember> {
  const suffix = uniqueSuffix();
  const email = `${firstname.toLowerCase()}.${suffix}@example.com`;
  const user = await strapi.service('admin::user').create({
    email,
    firstname,
    lastname: 'Test',
    password: PASSWORD,
    isActive: true,
    roles: [await roleId(strapi, roleCode)],
    registrationToken: null,
  });
  const account = await createApiAccount(strapi, firstname.toLowerCase(), Number(user.id));
  return { id: Number(user.id), email, firstname, apiAccountId: account.id, apiUsername: account.username, apiEmail: account.email };
}

/** Logs in through users-permissions, as a front-end does, and returns the JWT. */
export async function apiLogin(strapi: Core.Strapi, identifier: string): Promise<string> {
  const response = await http(strapi).post('/api/auth/local').send({ identifier, password: PASSWORD });
  if (response.status !== 200 || typeof response.body.jwt !== 'string') {
    throw new Error(`POST /api/auth/local for ${identifier} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.jwt;
}

/** Logs in to the admin panel and returns the access token of the session. */
export async function adminLogin(strapi: Core.Strapi, email: string): Promise<string> {
  const response = await http(strapi).post('/admin/login').send({ email, password: PASSWORD });
  if (response.status !== 200 || typeof response.body.data?.token !== 'string') {
    throw new Error(`POST /admin/login for ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token;
}
