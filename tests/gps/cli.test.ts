import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { type IsolatedDatabase, useIsolatedDatabase } from './support/database';
import { makeTempDir, simpleExport, writeExport, removeTempDirs } from './support/export-files';
import { countRows, resetGpsTables } from './support/gps-db';

const CLI = path.resolve(__dirname, '..', '..', 'scripts', 'gps-sync.js');

let strapi: Core.Strapi;
let database: IsolatedDatabase;

beforeAll(async () => {
  database = await useIsolatedDatabase('cli');
  strapi = await startStrapi();
});

afterAll(async () => {
  removeTempDirs();
  await stopStrapi();
  await database.release();
});

beforeEach(async () => {
  await resetGpsTables(strapi);
});

/** Runs the command line on this file's database, with the build made by the test command. */
function gpsSync(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, '--skip-compile', ...args], {
    env: { ...process.env, ...database.env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gps:sync command', () => {
  it('prints its help in French', () => {
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage : npm run gps:sync -- [options]');
    expect(result.stdout).toContain('--dry-run              calcule et affiche les changements sans rien écrire');
  });

  it('rejects an unknown option', () => {
    const result = spawnSync(process.execPath, [CLI, '--bogus'], { encoding: 'utf8' });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Options invalides : option inconnue : --bogus');
  });

  it('imports a folder', async () => {
    const result = gpsSync('--file', writeExport(simpleExport([{ code: 'CLI-01', lots: 3 }])));

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Synchronisation GPS terminée : 1 programme (1 créé, 0 modifié, 0 inchangé, 0 terminé) et 3 lots');
    expect(result.stdout).toMatch(/Rapport : [a-z0-9]{24} \(statut success\)\./);
    expect(result.stderr).toContain('[gps-sync] Lecture de lots.csv');
    expect(await countRows(strapi, 'lots')).toBe(3);
  });

  it('writes nothing on a dry run', async () => {
    const result = gpsSync('--file', writeExport(simpleExport([{ code: 'CLI-02', lots: 2 }])), '--dry-run');

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Simulation de la synchronisation GPS (rien n'a été écrit)");
    expect(await countRows(strapi, 'lots')).toBe(0);
  });

  it('imports files given one by one', async () => {
    const dir = writeExport(simpleExport([{ code: 'CLI-03', lots: 2 }]));

    const result = gpsSync('--programmes', path.join(dir, 'programmes.csv'), '--lots', path.join(dir, 'lots.csv'));

    expect(result.status).toBe(0);
    expect(await countRows(strapi, 'lots')).toBe(2);
  });

  it('lists rejected rows', async () => {
    const files = simpleExport([{ code: 'CLI-04', lots: 2 }]);
    const dir = writeExport({ ...files, lots: files.lots.replace('201 000,00', 'abc') });

    const result = gpsSync('--file', dir);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("lots.csv, ligne 2 [INVALID_NUMBER] : prix_ttc : « abc » n'est pas un nombre.");
    expect(result.stdout).toContain('(statut partial)');
  });

  it('exits 1 when the run fails', async () => {
    const result = gpsSync('--file', makeTempDir('empty'));

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Échec de la synchronisation GPS : fichier programmes.csv introuvable');
    expect(result.stdout).toContain('code FILE_NOT_FOUND');
  });
});
