'use strict';

// Environment of an in-process Strapi under test. The secrets only sign tokens of throwaway
// test databases; they are not used by any running installation.
function testEnvironment(extra = {}) {
  return {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: 'test-key-one,test-key-two',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    API_TOKEN_SALT: 'test-api-token-salt',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    ENCRYPTION_KEY: 'test-encryption-key',
    JWT_SECRET: 'test-jwt-secret',
    SERVE_ADMIN_PANEL: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    GPS_SCHEDULE_ENABLED: 'false',
    CRM_SCHEDULES_ENABLED: 'false',
    ...extra,
  };
}

module.exports = { testEnvironment };
