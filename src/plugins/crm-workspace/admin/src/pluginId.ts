export const PLUGIN_ID = 'crm-workspace';

/** Admin API prefix of the plugin's routes. */
export const API = `/${PLUGIN_ID}`;

export const NEGOTIATION_UID = 'api::negotiation.negotiation';
export const CONTACT_UID = 'api::contact.contact';

/** Admin path of a document's edit view in the content manager. */
export function editViewPath(uid: string, documentId: string): string {
  return `/content-manager/collection-types/${uid}/${documentId}`;
}
