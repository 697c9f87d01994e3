import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { buildCsv, exportFileName, type CellKind, type CellValue, type CsvColumn } from '../../../../domain/export';
import enumLabels from '../../../../i18n/enum-labels.fr.json';

/** Lists a négociateur can export, with the content type behind each and its file name. */
export const EXPORTABLE_LISTS = {
  negotiations: { uid: 'api::negotiation.negotiation', fileName: 'negos' },
  contacts: { uid: 'api::contact.contact', fileName: 'contacts' },
  activities: { uid: 'api::activity.activity', fileName: 'activites' },
  lots: { uid: 'api::lot.lot', fileName: 'lots' },
} as const;
export type ExportableList = keyof typeof EXPORTABLE_LISTS;

export function isExportableList(value: string): value is ExportableList {
  return Object.prototype.hasOwnProperty.call(EXPORTABLE_LISTS, value);
}

/** Rows read per query; the content manager itself caps a page at 1 000. */
const PAGE_SIZE = 500;
/** An export above this size is rejected: the négociateur narrows the list with filters first. */
export const MAX_EXPORT_ROWS = 20000;

const ENUM_LABELS: Readonly<Record<string, string>> = enumLabels;

interface PermissionChecker {
  cannot: { read(): boolean };
  sanitizedQuery: { read(query: Record<string, unknown>): Promise<Record<string, unknown>> };
}

interface ListConfiguration {
  layouts: { list: string[] };
  metadatas: Record<string, { list?: { label?: unknown; mainField?: unknown } }>;
}

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
}

/** The list as the content manager shows it: query of the list view, the user's permissions, columns. */
export interface ExportRequest {
  list: ExportableList;
  userAbility: unknown;
  query: { filters?: unknown; sort?: unknown; _q?: unknown };
}

export interface ExportFile {
  fileName: string;
  body: Buffer;
  rowCount: number;
}

const page = z.object({
  results: z.array(z.record(z.string(), z.unknown())),
  pagination: z.object({ total: z.number() }),
});

function cellKind(attribute: Attribute | undefined, label: string): CellKind {
  switch (attribute?.type) {
    case 'decimal':
    case 'float':
      return label.includes('€') ? 'amount' : 'number';
    case 'integer':
    case 'biginteger':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
    case 'timestamp':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

function relationLabel(value: unknown, mainField: string, target: string | undefined): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (target === 'admin::user') {
    const name = [record.firstname, record.lastname].filter((part) => typeof part === 'string' && part !== '').join(' ');
    return name || null;
  }
  const label = record[mainField];
  return label === null || label === undefined ? null : String(label);
}

function cellValue(row: Record<string, unknown>, field: string, attribute: Attribute | undefined, mainField: string): CellValue {
  const value = row[field];
  if (attribute?.type === 'relation') {
    const items = Array.isArray(value) ? value : [value];
    const labels = items.map((item) => relationLabel(item, mainField, attribute.target)).filter((label): label is string => label !== null);
    return labels.join(', ');
  }
  if (attribute?.type === 'enumeration' && typeof value === 'string') return ENUM_LABELS[value] ?? value;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Builds the CSV export of a content-manager list, with the rows and columns the user sees there. */
export function createListExport(strapi: Core.Strapi) {
  async function exportList(request: ExportRequest): Promise<ExportFile> {
    const { uid, fileName } = EXPORTABLE_LISTS[request.list];
    const contentManager = strapi.plugin('content-manager');

    const checker: PermissionChecker = contentManager.service('permission-checker').create({ userAbility: request.userAbility, model: uid });
    if (checker.cannot.read()) {
      throw new errors.PolicyError("Vous n'avez pas le droit de consulter cette liste.", { code: 'EXPORT_FORBIDDEN' });
    }
    const query: Record<string, unknown> = {};
    if (request.query.filters !== undefined) query.filters = request.query.filters;
    if (request.query.sort !== undefined) query.sort = request.query.sort;
    if (typeof request.query._q === 'string' && request.query._q !== '') query._q = request.query._q;
    const permissionQuery = await checker.sanitizedQuery.read(query);

    const configuration: ListConfiguration = await contentManager.service('content-types').findConfiguration({ uid });
    const attributes: Record<string, Attribute> = strapi.getModel(uid).attributes;
    const fields = configuration.layouts.list.filter((field) => field in attributes || field === 'id' || field === 'documentId');

    const columns: CsvColumn[] = [];
    const mainFields: string[] = [];
    const populate: Record<string, unknown> = {};
    for (const field of fields) {
      const metadata = configuration.metadatas[field]?.list ?? {};
      const label = typeof metadata.label === 'string' && metadata.label !== '' ? metadata.label : field;
      const attribute = attributes[field];
      const mainField = typeof metadata.mainField === 'string' ? metadata.mainField : 'id';
      columns.push({ header: label, kind: cellKind(attribute, label) });
      mainFields.push(mainField);
      if (attribute?.type === 'relation') {
        populate[field] = { fields: attribute.target === 'admin::user' ? ['firstname', 'lastname'] : [mainField] };
      }
    }

    const documentManager: { findPage(params: Record<string, unknown>, uid: string): Promise<unknown> } = contentManager.service('document-manager');
    const rows: CellValue[][] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const result = page.parse(await documentManager.findPage({ ...permissionQuery, populate, page: pageNumber, pageSize: PAGE_SIZE }, uid));
      if (result.pagination.total > MAX_EXPORT_ROWS) {
        throw new errors.ValidationError(
          `La liste compte ${result.pagination.total} lignes, au-delà des ${MAX_EXPORT_ROWS} qu'un export peut contenir : filtrez-la avant de l'exporter.`,
          { code: 'EXPORT_TOO_LARGE', total: result.pagination.total },
        );
      }
      for (const document of result.results) {
        rows.push(fields.map((field, index) => cellValue(document, field, attributes[field], mainFields[index])));
      }
      if (result.results.length < PAGE_SIZE || rows.length >= result.pagination.total) break;
    }

    return { fileName: exportFileName(fileName, new Date()), body: Buffer.from(buildCsv(columns, rows), 'utf8'), rowCount: rows.length };
  }

  return { exportList };
}
