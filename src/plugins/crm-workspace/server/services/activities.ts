import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ContactHistory } from './contacts';
import type { NegotiationWorkspace } from './negotiations';
import type { Viewer } from './viewer';

export type ActivityKind = 'call' | 'meeting' | 'task' | 'email' | 'visit';
export type ActivityPriority = 'low' | 'normal' | 'high';

/** An activity planned from a négo or contact panel; at least one of them is set. */
export interface ActivityInput {
  kind: ActivityKind;
  subject: string;
  priority: ActivityPriority;
  dueAt: Date | null;
  description: string | null;
  negotiation: string | null;
  contact: string | null;
}

/** Plans activities on the viewer's négos and contacts, owned by the viewer. */
export function createActivityPlanner(strapi: Core.Strapi, negotiations: NegotiationWorkspace, contacts: ContactHistory) {
  async function create(viewer: Viewer, input: ActivityInput): Promise<{ documentId: string }> {
    let contact = input.contact;
    if (input.negotiation) {
      const negotiation = await negotiations.loadForViewer(viewer, input.negotiation);
      contact ??= negotiation.buyer?.documentId ?? null;
    } else if (contact) {
      await contacts.summary(viewer, contact);
    } else {
      throw new errors.ValidationError('Indiquez la négo ou le contact concerné par l’activité.', { code: 'ACTIVITY_TARGET_REQUIRED' });
    }

    const activity = await strapi.documents('api::activity.activity').create({
      data: {
        kind: input.kind,
        subject: input.subject,
        priority: input.priority,
        dueAt: input.dueAt ?? undefined,
        description: input.description ?? undefined,
        activityStatus: 'todo',
        owner: viewer.id,
        negotiation: input.negotiation ?? undefined,
        contact: contact ?? undefined,
      },
    });
    strapi.log.info(`[crm-workspace] user ${viewer.id} planned activity ${activity.documentId} (négo ${input.negotiation ?? '-'}, contact ${contact ?? '-'})`);
    return { documentId: activity.documentId };
  }

  return { create };
}
