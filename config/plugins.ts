import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The négociateurs' workspace: dashboard, stock, matching, négo and contact panels, exports.
  'crm-workspace': {
    enabled: true,
    resolve: './src/plugins/crm-workspace',
  },
  'gps-sync': {
    enabled: true,
    resolve: './src/plugins/gps-sync',
    config: {
      // Folder holding programmes.csv and lots.csv of the nightly GPS export.
      sourceDir: env('GPS_SOURCE_DIR', 'data/gps'),
      // Encoding of the CSV files: 'utf-8', 'windows-1252', or '' to detect it.
      encoding: env('GPS_ENCODING', ''),
      // URL of a folder serving programmes.csv and lots.csv over HTTP(S); when set, it is read
      // instead of sourceDir, with GPS_SOURCE_TOKEN as bearer token.
      url: env('GPS_SOURCE_URL', ''),
      token: env('GPS_SOURCE_TOKEN', ''),
      // A run that would withdraw more than this share of the available lots is not applied
      // unless forced: a truncated export looks like that.
      maxWithdrawalShare: env.float('GPS_MAX_WITHDRAWAL_SHARE', 0.2),
      // Timeout of each HTTP download, in milliseconds.
      httpTimeoutMs: env.int('GPS_HTTP_TIMEOUT_MS', 120000),
      schedule: {
        enabled: env.bool('GPS_SCHEDULE_ENABLED', true),
        rule: env('GPS_SCHEDULE', '0 2 * * *'),
        tz: env('GPS_SCHEDULE_TZ', 'Europe/Paris'),
      },
    },
  },
});
