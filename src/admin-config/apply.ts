import type { Core } from '@strapi/strapi';
import { LAYOUTS, type ContentTypeLayout } from './layouts';

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface ContentManagerConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<ContentManagerConfiguration>;
  updateConfiguration(contentType: { uid: string }, configuration: ContentManagerConfiguration): Promise<unknown>;
}

function schemaOf(strapi: Core.Strapi, uid: string): unknown {
  return strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ?? strapi.components[uid as keyof typeof strapi.components];
}

function relationTarget(strapi: Core.Strapi, uid: string, field: string): string | null {
  const schema = schemaOf(strapi, uid);
  if (typeof schema !== 'object' || schema === null || !('attributes' in schema)) return null;
  const attributes: unknown = schema.attributes;
  if (typeof attributes !== 'object' || attributes === null || !(field in attributes)) return null;
  const attribute: unknown = (attributes as Record<string, unknown>)[field];
  if (typeof attribute !== 'object' || attribute === null) return null;
  if (!('type' in attribute) || attribute.type !== 'relation') return null;
  return 'target' in attribute && typeof attribute.target === 'string' ? attribute.target : null;
}

function relationMainField(target: string): string {
  if (target === 'admin::user') return 'firstname';
  return LAYOUTS[target]?.mainField ?? 'id';
}

function applyLayout(strapi: Core.Strapi, uid: string, layout: ContentTypeLayout, current: ContentManagerConfiguration) {
  const metadatas: Record<string, FieldMetadata> = { ...current.metadatas };

  for (const [field, label] of Object.entries(layout.labels)) {
    const existing = metadatas[field];
    if (!existing) continue;

    const edit: Record<string, unknown> = { ...existing.edit, label };
    const list: Record<string, unknown> = { ...existing.list, label };
    if (layout.readOnly?.includes(field)) edit.editable = false;
    const hint = layout.hints?.[field];
    if (hint) edit.description = hint;

    const target = relationTarget(strapi, uid, field);
    if (target) {
      edit.mainField = relationMainField(target);
      list.mainField = relationMainField(target);
    }
    metadatas[field] = { edit, list };
  }

  return {
    settings: {
      ...current.settings,
      mainField: layout.mainField,
      defaultSortBy: layout.defaultSortBy,
      defaultSortOrder: layout.defaultSortOrder,
      pageSize: 20,
    },
    metadatas,
    layouts: { ...current.layouts, list: layout.list, edit: layout.edit },
  };
}

/**
 * Writes the French labels and layouts of every CRM content type and component into the
 * content manager, whose services for both take the same configuration shape.
 */
export async function applyAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const contentTypes: ContentTypesService = strapi.plugin('content-manager').service('content-types');
  const components: ContentTypesService = strapi.plugin('content-manager').service('components');

  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const service = strapi.contentTypes[uid as keyof typeof strapi.contentTypes]
      ? contentTypes
      : strapi.components[uid as keyof typeof strapi.components]
        ? components
        : null;
    if (service === null) continue;
    const current = await service.findConfiguration({ uid });
    await service.updateConfiguration({ uid }, applyLayout(strapi, uid, layout, current));
  }
}
