import type { Core } from '@strapi/strapi';
import { type Job, scheduleJob } from 'node-schedule';
import type { GpsSyncConfig } from './config';
import type { GpsSyncService } from './services/sync';
import { describeError } from './sync/errors';

let job: Job | null = null;

/**
 * Schedules the nightly run in this process. Every instance that loads the plugin schedules
 * it; the run lock makes all but one record a 'skipped' run.
 */
export function startSchedule(strapi: Core.Strapi, schedule: GpsSyncConfig['schedule']): void {
  stopSchedule();
  if (!schedule.enabled) {
    strapi.log.info('GPS sync: schedule disabled');
    return;
  }

  job = scheduleJob({ rule: schedule.rule, tz: schedule.tz }, async () => {
    const sync: GpsSyncService = strapi.plugin('gps-sync').service('sync');
    try {
      await sync.run({ trigger: 'schedule' });
    } catch (error) {
      // run() records its own failures, so this catch only receives errors raised while recording them.
      strapi.log.error(`GPS sync: the scheduled run could not be recorded: ${describeError(error)}`);
    }
  });
  if (job === null) {
    throw new Error(`GPS sync: node-schedule rejected the rule ${JSON.stringify(schedule.rule)} in time zone ${schedule.tz}`);
  }
  strapi.log.info(`GPS sync: scheduled with rule "${schedule.rule}" (${schedule.tz}), next run at ${job.nextInvocation()?.toISOString()}`);
}

export function stopSchedule(): void {
  job?.cancel();
  job = null;
}
