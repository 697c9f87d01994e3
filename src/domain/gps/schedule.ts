import { scheduleJob } from 'node-schedule';

/**
 * Lists the next `count` times at which node-schedule fires the cron `rule` in time zone `tz`,
 * starting after `from`, by asking a job for its `nextInvocation()` and moving its start past
 * each one. No timer fires: the job is cancelled before returning.
 * node-schedule ignores a start date earlier than the clock, so `from` must be in the future;
 * tests set a fake clock before it.
 */
export function listScheduledTimes(input: { rule: string; tz: string; from: Date; count: number }): Date[] {
  if (input.from.getTime() < Date.now()) {
    throw new RangeError(`listScheduledTimes needs a start in the future, got ${input.from.toISOString()}`);
  }

  const job = scheduleJob({ rule: input.rule, tz: input.tz, start: input.from }, () => undefined);
  if (job === null) throw new Error(`node-schedule rejected the rule ${JSON.stringify(input.rule)}`);

  const times: Date[] = [];
  try {
    let next: Date | null = job.nextInvocation();
    while (next !== null && times.length < input.count) {
      const fireTime = new Date(next.getTime());
      times.push(fireTime);
      job.reschedule({ rule: input.rule, tz: input.tz, start: new Date(fireTime.getTime() + 1000) });
      next = job.nextInvocation();
    }
  } finally {
    job.cancel();
  }
  return times;
}
