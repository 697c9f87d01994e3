import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';

const APP_DIR = path.resolve(__dirname, '..', '..');

let instance: Core.Strapi | null = null;

/**
 * Starts the compiled application in this process, on the database chosen by `npm test`
 * (DATABASE_* variables), and mounts its HTTP server for supertest.
 */
export async function startStrapi(): Promise<Core.Strapi> {
  if (instance) return instance;

  const app = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
  app.server.mount();
  instance = app;
  return app;
}

export async function stopStrapi(): Promise<void> {
  if (!instance) return;
  const app = instance;
  instance = null;
  await app.destroy();
}

export function http(app: Core.Strapi) {
  return request(app.server.httpServer);
}

/** Creates an API token and returns its secret for the Authorization header. */
export async function createApiToken(
  app: Core.Strapi,
  options: { name?: string; type?: 'full-access' | 'read-only' } = {},
): Promise<string> {
  const name = options.name ?? `test-${options.type ?? 'full-access'}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const token = await app.service('admin::api-token').create({
    name,
    type: options.type ?? 'full-access',
    lifespan: null,
    permissions: [],
  });
  return token.accessKey;
}

export const isPostgres = (): boolean => process.env.TEST_DATABASE !== 'sqlite';
