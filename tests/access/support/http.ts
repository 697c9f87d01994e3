import type { Core } from '@strapi/strapi';
import { http as supertestOf } from '../../helpers/strapi';

let sequence = 0;

/** Returns a suffix unique to this test run, for e-mail addresses, user names and GPS codes. */
export function uniqueSuffix(): string {
  sequence += 1;
  return `${Date.now().toString(36)}${sequence}`;
}

export const http = supertestOf;

/** Authorization header for a JWT or an API token, or none for the public. */
export function bearer(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** A Strapi error body as the REST API and the admin API send it. */
export interface ErrorBody {
  error?: { status?: number; name?: string; message?: string; details?: { code?: string } & Record<string, unknown> };
}

export function errorCode(body: unknown): string | undefined {
  return (body as ErrorBody | undefined)?.error?.details?.code;
}

/** Starts the in-process server on a loopback port, for clients that need a URL. */
export async function listenOnLoopback(strapi: Core.Strapi): Promise<string> {
  const server = strapi.server.httpServer;
  if (!server.listening) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  }
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The HTTP server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
