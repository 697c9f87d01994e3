import { assertNever } from '../assert-never';
import { addDays, compareDates, formatFrenchDate, IsoDate } from './calendar';
import { Deadline, DeadlineState } from './deadlines';

/** Statuses of an activity, as in the activity schema. */
export type TaskStatus = 'todo' | 'in_progress' | 'done' | 'cancelled';

export type TaskPriority = 'low' | 'normal' | 'high';

/** Days before its due date from which a deadline task gets the high priority. */
export const URGENT_TASK_DAYS = 3;

/** Maximum length of an activity subject, as in the activity schema. */
const SUBJECT_MAX_LENGTH = 200;

/** Task fields that follow the deadline. */
export interface DeadlineTaskFields {
  subject: string;
  description: string;
  dueDate: IsoDate;
  priority: TaskPriority;
  /** Contact document id of the buyer concerned. */
  contactId: string | null;
}

/** Deadline task as stored. */
export interface StoredDeadlineTask {
  key: string;
  status: TaskStatus;
  subject: string;
  description: string | null;
  dueDate: IsoDate | null;
  priority: TaskPriority;
  contactId: string | null;
}

export type DeadlineTaskChange =
  | { kind: 'create'; key: string; fields: DeadlineTaskFields }
  | { kind: 'update'; key: string; fields: Partial<DeadlineTaskFields>; reopen: boolean }
  | { kind: 'close'; key: string; status: 'done' | 'cancelled' };

export interface DeadlineTaskPlanInput {
  /** Document id of the négo, the prefix of every task key. */
  negotiationId: string;
  /** False once the négo is won, lost or closed, because its deadlines then need no action. */
  negotiationOpen: boolean;
  deadlines: readonly Deadline[];
  /** Tasks already stored with a key of this négo. */
  tasks: readonly StoredDeadlineTask[];
  /** Buyer names by contact document id, for subjects. */
  buyerNames: ReadonlyMap<string, string>;
  mainBuyerId: string | null;
  today: IsoDate;
}

/**
 * Returns the key that identifies the task of a deadline: the négo, the deadline code and, for a
 * per-buyer deadline, the buyer. Saving the négo again finds the same task instead of creating
 * another.
 */
export function deadlineTaskKey(negotiationId: string, deadline: Pick<Deadline, 'code' | 'contactId'>): string {
  return deadline.contactId === undefined
    ? `${negotiationId}:${deadline.code}`
    : `${negotiationId}:${deadline.code}:${deadline.contactId}`;
}

/** Returns the prefix shared by the task keys of a négo. */
export function deadlineTaskKeyPrefix(negotiationId: string): string {
  return `${negotiationId}:`;
}

/**
 * Computes the task changes that make the stored tasks follow the deadlines of a négo.
 *
 * - A pending deadline (upcoming, due today or overdue) with a due date has one open task. Its
 *   subject, description, due date and priority follow the deadline. The priority is high from
 *   `URGENT_TASK_DAYS` days before the due date, overdue included, and normal before.
 * - A deadline met closes its task as done.
 * - A deadline that no longer applies (gone from the list, no due date, or the négo is no
 *   longer open) cancels its task.
 * - A closed task stays closed while its due date stays the same, whether a user or an earlier
 *   plan closed it. When the due date moves, the task is a new deadline and is reopened.
 *
 * Tasks already as computed give no change, so a second call after applying the plan returns
 * an empty list.
 */
export function planDeadlineTasks(input: DeadlineTaskPlanInput): DeadlineTaskChange[] {
  const tasksByKey = new Map(input.tasks.map((task) => [task.key, task]));
  const changes: DeadlineTaskChange[] = [];
  const seen = new Set<string>();

  for (const deadline of input.deadlines) {
    const key = deadlineTaskKey(input.negotiationId, deadline);
    seen.add(key);
    const task = tasksByKey.get(key);

    if (deadline.dueDate !== null && input.negotiationOpen && isPending(deadline.state)) {
      const fields = taskFields(deadline, deadline.dueDate, input);
      const change = task === undefined ? { kind: 'create' as const, key, fields } : updateChange(task, fields);
      if (change !== null) {
        changes.push(change);
      }
    } else if (task !== undefined && isOpen(task.status)) {
      changes.push({ kind: 'close', key, status: deadline.state === 'met' ? 'done' : 'cancelled' });
    }
  }

  for (const task of input.tasks) {
    if (!seen.has(task.key) && isOpen(task.status)) {
      changes.push({ kind: 'close', key: task.key, status: 'cancelled' });
    }
  }
  return changes;
}

function updateChange(task: StoredDeadlineTask, fields: DeadlineTaskFields): DeadlineTaskChange | null {
  const dueDateMoved = task.dueDate !== fields.dueDate;
  if (!isOpen(task.status) && !dueDateMoved) {
    return null;
  }

  const changed: Partial<DeadlineTaskFields> = {};
  if (task.subject !== fields.subject) changed.subject = fields.subject;
  if (task.description !== fields.description) changed.description = fields.description;
  if (dueDateMoved) changed.dueDate = fields.dueDate;
  if (task.priority !== fields.priority) changed.priority = fields.priority;
  if (task.contactId !== fields.contactId) changed.contactId = fields.contactId;

  const reopen = !isOpen(task.status);
  if (!reopen && Object.keys(changed).length === 0) {
    return null;
  }
  return { kind: 'update', key: task.key, fields: changed, reopen };
}

function taskFields(deadline: Deadline, dueDate: IsoDate, input: DeadlineTaskPlanInput): DeadlineTaskFields {
  const contactId = deadline.contactId ?? input.mainBuyerId;
  const urgent = compareDates(dueDate, addDays(input.today, URGENT_TASK_DAYS)) <= 0;
  return {
    subject: taskSubject(deadline, input).slice(0, SUBJECT_MAX_LENGTH),
    description: taskDescription(deadline, dueDate),
    dueDate,
    priority: urgent ? 'high' : 'normal',
    contactId,
  };
}

/**
 * Builds a subject such as « Fin du délai de rétractation de Camille Durand ». Deadlines of the
 * whole négo carry the main buyer's name in brackets, so that a task list reads without
 * opening the négo.
 */
function taskSubject(deadline: Deadline, input: DeadlineTaskPlanInput): string {
  if (deadline.code === 'RETRACTION' && deadline.contactId !== undefined) {
    const name = input.buyerNames.get(deadline.contactId);
    return name === undefined ? deadline.label : `Fin du délai de rétractation de ${name}`;
  }

  const mainBuyerName = input.mainBuyerId === null ? undefined : input.buyerNames.get(input.mainBuyerId);
  return mainBuyerName === undefined ? deadline.label : `${deadline.label} (${mainBuyerName})`;
}

function taskDescription(deadline: Deadline, dueDate: IsoDate): string {
  return [`Échéance : ${formatFrenchDate(dueDate)}.`, deadline.explanation, ...deadline.warnings].join('\n');
}

function isPending(state: DeadlineState): boolean {
  switch (state) {
    case 'upcoming':
    case 'today':
    case 'overdue':
      return true;
    case 'met':
      return false;
    default:
      return assertNever(state, 'DeadlineState');
  }
}

function isOpen(status: TaskStatus): boolean {
  return status === 'todo' || status === 'in_progress';
}
