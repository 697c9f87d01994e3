import type { Core } from '@strapi/strapi';
import { defaultConfig, readConfig, validateConfig } from './config';
import syncRunSchema from './content-types/sync-run/schema.json';
import runsController from './controllers/runs';
import adminRoutes from './routes/admin';
import { startSchedule, stopSchedule } from './schedule';
import runsService from './services/runs';
import syncService from './services/sync';

export type { GpsRunsService } from './services/runs';
export type { CurrentRun, GpsSyncService } from './services/sync';
export type { RunOptions, RunProgress, RunReport, RunStatus, RunTrigger } from './sync/report';
export type { SourceOptions } from './sync/source';

/** Admin permissions of the plugin: `plugin::gps-sync.read` and `plugin::gps-sync.run`. */
async function registerPermissions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Consulter les synchronisations', uid: 'read', pluginName: 'gps-sync' },
    { section: 'plugins', displayName: 'Lancer une synchronisation', uid: 'run', pluginName: 'gps-sync' },
  ]);
}

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerPermissions(strapi);
    startSchedule(strapi, readConfig(strapi).schedule);
  },

  destroy() {
    stopSchedule();
  },

  config: {
    default: defaultConfig,
    validator: validateConfig,
  },
  contentTypes: {
    'sync-run': { schema: syncRunSchema },
  },
  services: {
    sync: syncService,
    runs: runsService,
  },
  controllers: {
    runs: runsController,
  },
  routes: {
    admin: adminRoutes,
  },
};
