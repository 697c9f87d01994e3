import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportFileKind } from '../../../../domain/gps';
import type { GpsSyncConfig } from '../config';
import { describeError, RunFailure } from './errors';

/** Location of an export. Every field overrides the plugin configuration. */
export interface SourceOptions {
  /** Folder of the two files, relative to the application folder unless absolute. */
  dir?: string;
  /**
   * URL of the folder containing the two files. Each file is fetched at `new URL(fileName, url)`,
   * so a file name may also be a full URL of its own.
   */
  url?: string;
  /** Bearer token for the URL. */
  token?: string;
  /** File name or path of programmes.csv (relative to `dir` or `url`). */
  programmesFile?: string;
  lotsFile?: string;
  /** 'utf-8', 'windows-1252', or '' to detect; the configured encoding otherwise. */
  encoding?: string;
}

export interface LocalExportFile {
  kind: ExportFileKind;
  /** Path on disk, possibly of a downloaded copy. */
  path: string;
  /** Name shown to users in messages and rejected rows. */
  file: string;
}

export interface ResolvedSource {
  /** The folder or URL read, without credentials or query string, for the run record. */
  description: string;
  files: Record<ExportFileKind, LocalExportFile>;
  /** Deletes downloaded copies. */
  cleanup(): Promise<void>;
}

/** Returns the URL without user, password, query or fragment, because these may carry secrets. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function folderUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RunFailure(`l'URL de l'export GPS « ${url} » est invalide.`, { code: 'SOURCE_NOT_CONFIGURED' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RunFailure(`l'URL de l'export GPS doit commencer par http:// ou https:// (reçu : ${parsed.protocol}).`, {
      code: 'SOURCE_NOT_CONFIGURED',
    });
  }
  if (!parsed.pathname.endsWith('/')) parsed.pathname = `${parsed.pathname}/`;
  return parsed;
}

async function download(input: { url: URL; token: string; target: string; file: string; timeoutMs: number }): Promise<void> {
  const { url, file } = input;
  const shown = redactUrl(url);
  const headers: Record<string, string> = {};
  if (input.token !== '') headers.Authorization = `Bearer ${input.token}`;

  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(input.timeoutMs) });
  } catch (error) {
    throw new RunFailure(`téléchargement de ${file} impossible depuis ${shown} : ${describeError(error)}.`, {
      code: 'DOWNLOAD_FAILED',
      file,
    });
  }

  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    const hint = response.status === 401 || response.status === 403 ? ' ; vérifiez le jeton d’accès' : '';
    throw new RunFailure(`téléchargement de ${file} refusé par ${shown} : réponse HTTP ${response.status}${hint}.`, {
      code: 'DOWNLOAD_FAILED',
      file,
    });
  }

  const output = createWriteStream(input.target);
  try {
    await pipeline(Readable.fromWeb(response.body), output);
  } catch (error) {
    throw new RunFailure(`téléchargement de ${file} interrompu depuis ${shown} : ${describeError(error)}.`, {
      code: 'DOWNLOAD_TRUNCATED',
      file,
    });
  }

  const expected = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(expected) && output.bytesWritten !== expected) {
    throw new RunFailure(`téléchargement de ${file} incomplet depuis ${shown} : ${output.bytesWritten} octets reçus sur ${expected}.`, {
      code: 'DOWNLOAD_TRUNCATED',
      file,
    });
  }
}

/**
 * Resolves the paths of the two files. A URL, from the options or else the configuration, is
 * downloaded to a temporary folder first, so that its files are hashed and read from disk like
 * local ones. Without a URL, the folder from the options or the configuration is used.
 */
export async function resolveSource(input: {
  options: SourceOptions;
  config: GpsSyncConfig;
  appRoot: string;
}): Promise<ResolvedSource> {
  const { options, config } = input;
  const programmesName = options.programmesFile ?? config.programmesFile;
  const lotsName = options.lotsFile ?? config.lotsFile;
  const url = options.url ?? (options.dir === undefined ? config.url : '');

  if (url !== '') {
    const base = folderUrl(url);
    const folder = await mkdtemp(path.join(tmpdir(), 'gps-sync-'));
    const cleanup = () => rm(folder, { recursive: true, force: true });
    try {
      const fetchFile = async (kind: ExportFileKind, name: string): Promise<LocalExportFile> => {
        const fileUrl = new URL(name, base);
        const file = path.posix.basename(fileUrl.pathname) || name;
        const target = path.join(folder, `${kind}.csv`);
        await download({ url: fileUrl, token: options.token ?? config.token, target, file, timeoutMs: config.httpTimeoutMs });
        return { kind, path: target, file };
      };
      const files = { programmes: await fetchFile('programmes', programmesName), lots: await fetchFile('lots', lotsName) };
      return { description: redactUrl(base), files, cleanup };
    } catch (error) {
      await cleanup();
      throw error;
    }
  }

  const dir = path.resolve(input.appRoot, options.dir ?? config.sourceDir);
  const local = (kind: ExportFileKind, name: string): LocalExportFile => {
    const filePath = path.resolve(dir, name);
    return { kind, path: filePath, file: path.basename(filePath) };
  };
  return {
    description: dir,
    files: { programmes: local('programmes', programmesName), lots: local('lots', lotsName) },
    cleanup: async () => undefined,
  };
}
