import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'gps-sync': {
    enabled: true,
    resolve: './src/plugins/gps-sync',
    config: {
      // Folder holding programmes.csv and lots.csv of the nightly GPS export.
      sourceDir: env('GPS_SOURCE_DIR', 'data/gps'),
      // Encoding of the CSV files: 'utf-8', 'windows-1252', or '' to detect it.
      encoding: env('GPS_ENCODING', ''),
      schedule: {
        enabled: env.bool('GPS_SCHEDULE_ENABLED', true),
        rule: env('GPS_SCHEDULE', '0 2 * * *'),
        tz: env('GPS_SCHEDULE_TZ', 'Europe/Paris'),
      },
    },
  },
});
