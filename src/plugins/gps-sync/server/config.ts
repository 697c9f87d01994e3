import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/** File encodings the GPS export comes in; null means detect it (valid UTF-8, otherwise Windows-1252). */
export type ExportEncoding = 'utf-8' | 'windows-1252';

const ENCODING_ALIASES: Record<string, ExportEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
};

/** Parses an encoding name; '' (or undefined) means detection. Returns undefined for an unknown name. */
export function parseEncoding(name: string | undefined): ExportEncoding | null | undefined {
  const key = (name ?? '').trim().toLowerCase();
  if (key === '') return null;
  return ENCODING_ALIASES[key];
}

const configSchema = z.object({
  /** Folder of programmes.csv and lots.csv, relative to the application folder unless absolute. */
  sourceDir: z.string().default('data/gps'),
  /** URL of the folder holding the two files over HTTP(S); when set it replaces sourceDir. */
  url: z.string().default(''),
  /** Bearer token sent with the HTTP requests; never logged. */
  token: z.string().default(''),
  programmesFile: z.string().min(1).default('programmes.csv'),
  lotsFile: z.string().min(1).default('lots.csv'),
  encoding: z
    .string()
    .default('')
    .refine((value) => parseEncoding(value) !== undefined, { message: "encoding must be 'utf-8', 'windows-1252' or '' (detect)" }),
  /** Largest share of the available lots that one run may withdraw without `force`. */
  maxWithdrawalShare: z.coerce.number().min(0).max(1).default(0.2),
  httpTimeoutMs: z.coerce.number().int().positive().default(120_000),
  schedule: z
    .object({
      enabled: z.boolean().default(true),
      rule: z.string().min(1).default('0 2 * * *'),
      tz: z.string().min(1).default('Europe/Paris'),
    })
    .prefault({}),
});

export type GpsSyncConfig = z.infer<typeof configSchema>;

export const defaultConfig: GpsSyncConfig = configSchema.parse({});

/** Strapi calls this at startup with the merged configuration; an invalid value stops the boot. */
export function validateConfig(config: unknown): void {
  const result = configSchema.safeParse(config);
  if (!result.success) {
    throw new Error(`Invalid gps-sync plugin configuration: ${z.prettifyError(result.error)}`);
  }
}

export function readConfig(strapi: Core.Strapi): GpsSyncConfig {
  return configSchema.parse(strapi.config.get('plugin::gps-sync') ?? {});
}
