import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { createActivityPlanner } from '../services/activities';
import { createContactHistory } from '../services/contacts';
import { createDashboard } from '../services/dashboard';
import { createListExport, EXPORTABLE_LISTS, isExportableList } from '../services/export';
import { createNegotiationWorkspace } from '../services/negotiations';
import { createStock } from '../services/stock';
import { viewerOf } from '../services/viewer';

/** Zod's French messages, applied per parse so other plugins keep their own language. */
const FRENCH = { error: z.locales.fr().localeError };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format aaaa-mm-jj');

const proposeBody = z
  .object({
    lots: z.array(z.string().min(1)).min(1, 'choisissez au moins un lot').max(50, '50 lots au plus à la fois'),
    optionUntil: isoDate.nullish(),
  })
  .strict();

const reserveBody = z
  .object({
    lots: z.array(z.string().min(1)).min(1, 'choisissez au moins un lot').max(10),
    contractPrice: z.number().positive('le prix du contrat doit être positif').max(99999999.99),
    deposit: z.number().min(0).max(99999999.99).nullish(),
    signatureDate: isoDate.nullish(),
  })
  .strict();

const activityBody = z
  .object({
    kind: z.enum(['call', 'meeting', 'task', 'email', 'visit']),
    subject: z.string().trim().min(1, 'indiquez le sujet').max(200),
    priority: z.enum(['low', 'normal', 'high']).default('normal'),
    dueAt: z.iso.datetime({ offset: true }).nullish(),
    description: z.string().max(5000).nullish(),
    negotiation: z.string().min(1).nullish(),
    contact: z.string().min(1).nullish(),
  })
  .strict();

const searchQuery = z.object({ q: z.string().max(100).optional() });

const FIELD_LABELS: Readonly<Record<string, string>> = {
  lots: 'lots',
  optionUntil: "fin d'option",
  contractPrice: 'prix du contrat de réservation',
  deposit: 'dépôt de garantie',
  signatureDate: 'date de signature',
  q: 'recherche',
  kind: "type d'activité",
  subject: 'sujet',
  priority: 'priorité',
  dueAt: 'échéance',
  description: 'description',
};

function invalidBody(message: string, error: z.ZodError): errors.ValidationError {
  const fieldLabel = (issue: z.core.$ZodIssue) => FIELD_LABELS[String(issue.path[0] ?? '')] ?? (issue.path.join('.') || 'requête');
  const detail = error.issues.map((issue) => `${fieldLabel(issue)} : ${issue.message}`).join(' ; ');
  return new errors.ValidationError(`${message} ${detail}`, { code: 'INVALID_REQUEST', issues: z.treeifyError(error) });
}

function documentIdParam(ctx: Context): string {
  const id = String(ctx.params.documentId ?? '');
  if (!/^[a-z0-9]{1,64}$/i.test(id)) throw new errors.ValidationError(`Identifiant invalide : « ${id} ».`, { code: 'INVALID_REQUEST' });
  return id;
}

/** Admin endpoints of the négociateur's workspace; every response is scoped to the logged-in user. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const negotiations = createNegotiationWorkspace(strapi);
  const dashboard = createDashboard(strapi);
  const contacts = createContactHistory(strapi);
  const stock = createStock(strapi);
  const listExport = createListExport(strapi);
  const activities = createActivityPlanner(strapi, negotiations, contacts);

  return {
    async dashboard(ctx: Context) {
      ctx.body = { data: await dashboard.build(viewerOf(ctx)) };
    },

    async openNegotiations(ctx: Context) {
      const query = searchQuery.safeParse(ctx.query, FRENCH);
      if (!query.success) throw invalidBody('Recherche invalide :', query.error);
      ctx.body = { data: await negotiations.openNegotiations(viewerOf(ctx), query.data.q?.trim() || null) };
    },

    async progress(ctx: Context) {
      ctx.body = { data: await negotiations.progress(viewerOf(ctx), documentIdParam(ctx)) };
    },

    async close(ctx: Context) {
      ctx.body = { data: await negotiations.changeStatus(viewerOf(ctx), documentIdParam(ctx), 'close') };
    },

    async reopen(ctx: Context) {
      ctx.body = { data: await negotiations.changeStatus(viewerOf(ctx), documentIdParam(ctx), 'reopen') };
    },

    async matches(ctx: Context) {
      ctx.body = { data: await negotiations.matches(viewerOf(ctx), documentIdParam(ctx)) };
    },

    async propose(ctx: Context) {
      const body = proposeBody.safeParse(ctx.request.body ?? {}, FRENCH);
      if (!body.success) throw invalidBody('Proposition invalide :', body.error);
      ctx.body = { data: await negotiations.propose(viewerOf(ctx), documentIdParam(ctx), { lots: body.data.lots, optionUntil: body.data.optionUntil ?? null }) };
    },

    async reserve(ctx: Context) {
      const body = reserveBody.safeParse(ctx.request.body ?? {}, FRENCH);
      if (!body.success) throw invalidBody('Réservation invalide :', body.error);
      const input = { lots: body.data.lots, contractPrice: body.data.contractPrice, deposit: body.data.deposit ?? null, signatureDate: body.data.signatureDate ?? null };
      ctx.body = { data: await negotiations.reserve(viewerOf(ctx), documentIdParam(ctx), input) };
    },

    async contactSummary(ctx: Context) {
      ctx.body = { data: await contacts.summary(viewerOf(ctx), documentIdParam(ctx)) };
    },

    async createNegotiation(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await contacts.createNegotiation(viewerOf(ctx), documentIdParam(ctx)) };
    },

    async createActivity(ctx: Context) {
      const body = activityBody.safeParse(ctx.request.body ?? {}, FRENCH);
      if (!body.success) throw invalidBody('Activité invalide :', body.error);
      const input = {
        ...body.data,
        dueAt: body.data.dueAt ? new Date(body.data.dueAt) : null,
        description: body.data.description?.trim() || null,
        negotiation: body.data.negotiation ?? null,
        contact: body.data.contact ?? null,
      };
      ctx.status = 201;
      ctx.body = { data: await activities.create(viewerOf(ctx), input) };
    },

    async programmes(ctx: Context) {
      ctx.body = { data: await stock.programmes() };
    },

    async programmeLots(ctx: Context) {
      ctx.body = { data: await stock.lotsOf(documentIdParam(ctx)) };
    },

    async exportList(ctx: Context) {
      const list = String(ctx.params.list ?? '');
      if (!isExportableList(list)) {
        throw new errors.NotFoundError(`Liste inconnue : « ${list} ». Listes exportables : ${Object.keys(EXPORTABLE_LISTS).join(', ')}.`, { code: 'EXPORT_LIST_UNKNOWN' });
      }
      const viewer = viewerOf(ctx);
      const query: Record<string, unknown> = ctx.query;
      const file = await listExport.exportList({ list, userAbility: ctx.state.userAbility, query: { filters: query.filters, sort: query.sort, _q: query._q } });
      strapi.log.info(`[crm-workspace] user ${viewer.id} exported ${file.rowCount} rows of ${list}`);

      ctx.set('Content-Disposition', `attachment; filename="${file.fileName}"`);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = file.body;
    },
  };
};
