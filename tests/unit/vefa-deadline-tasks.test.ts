import {
  Deadline,
  DeadlineTaskChange,
  DeadlineTaskPlanInput,
  deadlineTaskKey,
  planDeadlineTasks,
  StoredDeadlineTask,
} from '../../src/domain/vefa';

const NEGO = 'nego1';

function deadline(fields: Partial<Deadline> & Pick<Deadline, 'code'>): Deadline {
  return {
    dueDate: '2026-03-16',
    state: 'upcoming',
    stateLabel: 'à venir',
    label: 'Échéance de la condition suspensive de prêt',
    explanation: 'Explication.',
    warnings: [],
    ...fields,
  };
}

const retraction = deadline({
  code: 'RETRACTION',
  contactId: 'camille',
  label: 'Fin du délai de rétractation (Camille Durand)',
  explanation: 'Délai de rétractation.',
});
const loanCondition = deadline({ code: 'LOAN_CONDITION', dueDate: '2026-04-15', explanation: 'Condition de prêt.' });

function plan(fields: Partial<DeadlineTaskPlanInput>): DeadlineTaskChange[] {
  return planDeadlineTasks({
    negotiationId: NEGO,
    negotiationOpen: true,
    deadlines: [retraction, loanCondition],
    tasks: [],
    buyerNames: new Map([['camille', 'Camille Durand']]),
    mainBuyerId: 'camille',
    today: '2026-03-10',
    ...fields,
  });
}

/** Stored tasks as the changes of a plan would leave them. */
function storedAfter(changes: DeadlineTaskChange[]): StoredDeadlineTask[] {
  return changes.flatMap((change) =>
    change.kind === 'create' ? [{ key: change.key, status: 'todo' as const, ...change.fields }] : [],
  );
}

describe('deadlineTaskKey', () => {
  it('names the buyer of a per-buyer deadline', () => {
    expect(deadlineTaskKey(NEGO, retraction)).toBe('nego1:RETRACTION:camille');
  });

  it('uses the code alone otherwise', () => {
    expect(deadlineTaskKey(NEGO, loanCondition)).toBe('nego1:LOAN_CONDITION');
  });
});

describe('planDeadlineTasks', () => {
  it('creates one task per pending deadline', () => {
    const changes = plan({});

    expect(changes).toEqual([
      {
        kind: 'create',
        key: 'nego1:RETRACTION:camille',
        fields: {
          subject: 'Fin du délai de rétractation de Camille Durand',
          description: 'Échéance : 16/03/2026.\nDélai de rétractation.',
          dueDate: '2026-03-16',
          priority: 'normal',
          contactId: 'camille',
        },
      },
      {
        kind: 'create',
        key: 'nego1:LOAN_CONDITION',
        fields: {
          subject: 'Échéance de la condition suspensive de prêt (Camille Durand)',
          description: 'Échéance : 15/04/2026.\nCondition de prêt.',
          dueDate: '2026-04-15',
          priority: 'normal',
          contactId: 'camille',
        },
      },
    ]);
  });

  it('changes nothing on a second run', () => {
    const tasks = storedAfter(plan({}));

    expect(plan({ tasks })).toEqual([]);
  });

  it.each([
    ['2026-03-12', 'normal'],
    ['2026-03-13', 'high'],
    ['2026-03-16', 'high'],
    ['2026-03-20', 'high'],
  ])('on %s gives the %s priority', (today, priority) => {
    const [retractionTask] = plan({ deadlines: [{ ...retraction, state: today > '2026-03-16' ? 'overdue' : 'upcoming' }], today });

    expect(retractionTask).toMatchObject({ kind: 'create', fields: { priority } });
  });

  it('raises the priority of an existing task', () => {
    const tasks = storedAfter(plan({}));

    const changes = plan({ tasks, today: '2026-03-14' });

    expect(changes).toEqual([{ kind: 'update', key: 'nego1:RETRACTION:camille', fields: { priority: 'high' }, reopen: false }]);
  });

  it('closes a met deadline as done', () => {
    const tasks = storedAfter(plan({}));

    const changes = plan({ tasks, deadlines: [{ ...retraction, state: 'met' }, loanCondition] });

    expect(changes).toEqual([{ kind: 'close', key: 'nego1:RETRACTION:camille', status: 'done' }]);
  });

  it('cancels a deadline that is gone', () => {
    const tasks = storedAfter(plan({}));

    const changes = plan({ tasks, deadlines: [retraction] });

    expect(changes).toEqual([{ kind: 'close', key: 'nego1:LOAN_CONDITION', status: 'cancelled' }]);
  });

  it('cancels a deadline without a due date', () => {
    const tasks = storedAfter(plan({}));

    const changes = plan({ tasks, deadlines: [retraction, { ...loanCondition, dueDate: null }] });

    expect(changes).toEqual([{ kind: 'close', key: 'nego1:LOAN_CONDITION', status: 'cancelled' }]);
  });

  it('closes every task of a négo no longer open', () => {
    const tasks = storedAfter(plan({}));

    const changes = plan({ tasks, negotiationOpen: false, deadlines: [{ ...retraction, state: 'met' }, loanCondition] });

    expect(changes).toEqual([
      { kind: 'close', key: 'nego1:RETRACTION:camille', status: 'done' },
      { kind: 'close', key: 'nego1:LOAN_CONDITION', status: 'cancelled' },
    ]);
  });

  it('creates no task for a met deadline', () => {
    expect(plan({ deadlines: [{ ...retraction, state: 'met' }] })).toEqual([]);
  });

  it('leaves a task closed by hand', () => {
    const tasks = storedAfter(plan({})).map((task) => ({ ...task, status: 'done' as const }));

    expect(plan({ tasks, today: '2026-03-14' })).toEqual([]);
  });

  it('reopens a closed task whose due date moved', () => {
    const tasks = storedAfter(plan({})).map((task) => ({ ...task, status: 'cancelled' as const }));

    const changes = plan({ tasks, deadlines: [retraction, { ...loanCondition, dueDate: '2026-04-30' }] });

    expect(changes).toEqual([
      {
        kind: 'update',
        key: 'nego1:LOAN_CONDITION',
        fields: { description: 'Échéance : 30/04/2026.\nCondition de prêt.', dueDate: '2026-04-30' },
        reopen: true,
      },
    ]);
  });

  it('keeps a task in progress', () => {
    const tasks = storedAfter(plan({})).map((task) => ({ ...task, status: 'in_progress' as const }));

    expect(plan({ tasks })).toEqual([]);
  });

  it('uses the label without a known buyer', () => {
    const [created] = plan({ deadlines: [loanCondition], buyerNames: new Map(), mainBuyerId: null });

    expect(created).toMatchObject({ fields: { subject: 'Échéance de la condition suspensive de prêt', contactId: null } });
  });

  it('lists warnings in the description', () => {
    const [created] = plan({ deadlines: [{ ...loanCondition, warnings: ['Premier avertissement.', 'Second avertissement.'] }] });

    expect(created).toMatchObject({
      fields: { description: 'Échéance : 15/04/2026.\nCondition de prêt.\nPremier avertissement.\nSecond avertissement.' },
    });
  });
});
