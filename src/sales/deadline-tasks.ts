import type { Core } from '@strapi/strapi';
import {
  Deadline,
  DeadlineTaskChange,
  DeadlineTaskFields,
  deadlineTaskKeyPrefix,
  IsoDate,
  planDeadlineTasks,
  StoredDeadlineTask,
  TaskPriority,
  TaskStatus,
} from '../domain/vefa';
import { asRow, Row } from './deadline-input';
import { readString } from './input';
import { endOfParisDay, parisDate } from './paris-time';

const ACTIVITY_UID = 'api::activity.activity';

const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'done', 'cancelled'];
const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'normal', 'high'];

export interface DeadlineTaskSync {
  negotiationId: number;
  negotiationDocumentId: string;
  negotiationOpen: boolean;
  /** Admin user who gets new tasks: the négo's négociateur. */
  ownerId: number | null;
  deadlines: readonly Deadline[];
  buyerNames: ReadonlyMap<string, string>;
  /** Row ids of the contacts, by contact document id. */
  contactRowIds: ReadonlyMap<string, number>;
  mainBuyerId: string | null;
  today: IsoDate;
}

/**
 * Creates, updates and closes the task activities of a négo's deadlines, as
 * `planDeadlineTasks` computes, and returns the changes applied.
 *
 * Tasks are found by their `deadlineKey`, which starts with the négo's document id, and a
 * unique index on that column makes a second task with the same key fail.
 *
 * NOTE: two saves of one négo running at the same moment may both plan the same new task. The
 * second insert then fails on the unique index and that whole save is rolled back with an error.
 */
export async function syncDeadlineTasks(strapi: Core.Strapi, sync: DeadlineTaskSync): Promise<DeadlineTaskChange[]> {
  const rows = await findDeadlineTasks(strapi, sync.negotiationDocumentId);
  const documentIds = new Map<string, string>();
  const tasks: StoredDeadlineTask[] = [];
  for (const row of rows) {
    const task = readTask(row);
    const documentId = readString(row.documentId);
    if (task === null || documentId === null) continue;
    tasks.push(task);
    documentIds.set(task.key, documentId);
  }

  const changes = planDeadlineTasks({
    negotiationId: sync.negotiationDocumentId,
    negotiationOpen: sync.negotiationOpen,
    deadlines: sync.deadlines,
    tasks,
    buyerNames: sync.buyerNames,
    mainBuyerId: sync.mainBuyerId,
    today: sync.today,
  });

  const activities = strapi.documents(ACTIVITY_UID);
  for (const change of changes) {
    if (change.kind === 'create') {
      const { fields } = change;
      await activities.create({
        data: {
          kind: 'task',
          activityStatus: 'todo',
          subject: fields.subject,
          description: fields.description,
          dueAt: endOfParisDay(fields.dueDate),
          priority: fields.priority,
          contact: contactRowId(sync, fields.contactId),
          deadlineKey: change.key,
          negotiation: sync.negotiationId,
          owner: sync.ownerId,
        },
      });
      continue;
    }

    const documentId = documentIds.get(change.key);
    if (documentId === undefined) continue;
    if (change.kind === 'update') {
      const data = activityFields(change.fields, sync);
      await activities.update({ documentId, data: change.reopen ? { ...data, activityStatus: 'todo' } : data });
    } else {
      await activities.update({ documentId, data: { activityStatus: change.status } });
    }
  }
  return changes;
}

async function findDeadlineTasks(strapi: Core.Strapi, negotiationDocumentId: string): Promise<Row[]> {
  const rows: unknown = await strapi.db.query(ACTIVITY_UID).findMany({
    where: { deadlineKey: { $startsWith: deadlineTaskKeyPrefix(negotiationDocumentId) } },
    populate: { contact: { select: ['documentId'] } },
  });
  return Array.isArray(rows) ? rows.map(asRow).filter((row): row is Row => row !== null) : [];
}

function readTask(row: Row): StoredDeadlineTask | null {
  const key = readString(row.deadlineKey);
  const status = TASK_STATUSES.find((value) => value === row.activityStatus);
  const priority = TASK_PRIORITIES.find((value) => value === row.priority);
  if (key === null || status === undefined || priority === undefined) return null;

  return {
    key,
    status,
    priority,
    subject: readString(row.subject) ?? '',
    description: readString(row.description),
    dueDate: readDueDate(row.dueAt),
    contactId: readString(asRow(row.contact)?.documentId),
  };
}

/** Reads a stored `dueAt` as the Paris day it falls on. */
function readDueDate(value: unknown): IsoDate | null {
  let instant: Date;
  if (value instanceof Date) instant = value;
  else if (typeof value === 'string') instant = new Date(value);
  else return null;

  return Number.isNaN(instant.getTime()) ? null : parisDate(instant);
}

interface ActivityTaskUpdate {
  subject?: string;
  description?: string;
  dueAt?: Date;
  priority?: TaskPriority;
  contact?: number | null;
}

/**
 * Returns the row id of a contact. Relations are written by row id, because a document id
 * would make the document service look ids up with parallel queries, which share the
 * connection of the transaction under way.
 */
function contactRowId(sync: DeadlineTaskSync, contactId: string | null): number | null {
  return contactId === null ? null : sync.contactRowIds.get(contactId) ?? null;
}

/** Builds the activity attributes of the changed task fields. A deadline is due at the end of its Paris day. */
function activityFields(fields: Partial<DeadlineTaskFields>, sync: DeadlineTaskSync): ActivityTaskUpdate {
  const data: ActivityTaskUpdate = {};
  if (fields.subject !== undefined) data.subject = fields.subject;
  if (fields.description !== undefined) data.description = fields.description;
  if (fields.dueDate !== undefined) data.dueAt = endOfParisDay(fields.dueDate);
  if (fields.priority !== undefined) data.priority = fields.priority;
  if (fields.contactId !== undefined) data.contact = contactRowId(sync, fields.contactId);
  return data;
}
