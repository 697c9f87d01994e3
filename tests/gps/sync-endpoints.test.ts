import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { scheduledJobs } from 'node-schedule';
import { startSchedule, stopSchedule } from '../../src/plugins/gps-sync/server/schedule';
import { http as request, startStrapi, stopStrapi } from '../helpers/strapi';
import { type IsolatedDatabase, useIsolatedDatabase } from './support/database';
import { encodeCsv, simpleExport, writeExport, removeTempDirs } from './support/export-files';
import { countRows, readLot, resetGpsTables, snapshotGpsTables, syncService } from './support/gps-db';

const TOKEN = 'jeton-de-test';

let strapi: Core.Strapi;
let database: IsolatedDatabase;
let configuredDir: string;
let previousSourceDir: string | undefined;
let server: http.Server;
let baseUrl: string;
let requests: { url: string; authorization: string | undefined }[] = [];

function startExportServer(files: Record<string, Buffer>): Promise<http.Server> {
  const exportServer = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401).end();
      return;
    }
    if (req.url === '/cut/lots.csv') {
      // Announces more bytes than it sends, as a connection dropped mid-transfer does.
      res.writeHead(200, { 'content-length': '100000' });
      res.write(files['/gps/lots.csv'].subarray(0, 50));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    const body = files[(req.url ?? '').replace('/cut/', '/gps/')];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': String(body.length) }).end(body);
  });
  return new Promise((resolve) => exportServer.listen(0, '127.0.0.1', () => resolve(exportServer)));
}

beforeAll(async () => {
  database = await useIsolatedDatabase('endpoints');
  configuredDir = writeExport(simpleExport([{ code: 'ADM-01', lots: 4 }]));
  previousSourceDir = process.env.GPS_SOURCE_DIR;
  process.env.GPS_SOURCE_DIR = configuredDir;
  strapi = await startStrapi();

  const exportFiles = simpleExport([{ code: 'WEB-01', lots: 6 }]);
  server = await startExportServer({
    '/gps/programmes.csv': encodeCsv(exportFiles.programmes),
    '/gps/lots.csv': encodeCsv(exportFiles.lots),
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  removeTempDirs();
  await new Promise((resolve) => server.close(resolve));
  await stopStrapi();
  if (previousSourceDir === undefined) delete process.env.GPS_SOURCE_DIR;
  else process.env.GPS_SOURCE_DIR = previousSourceDir;
  await database.release();
});

beforeEach(async () => {
  await resetGpsTables(strapi);
  requests = [];
});

describe('GPS import over HTTP', () => {
  it('downloads both files with the bearer token', async () => {
    const report = await syncService(strapi).run({ trigger: 'admin', source: { url: `${baseUrl}/gps`, token: TOKEN } });

    expect(report.status).toBe('success');
    expect(report.counts.lots.created).toBe(6);
    expect(report.source).toBe(`${baseUrl}/gps/`);
    expect(requests).toEqual([
      { url: '/gps/programmes.csv', authorization: `Bearer ${TOKEN}` },
      { url: '/gps/lots.csv', authorization: `Bearer ${TOKEN}` },
    ]);
    expect((await readLot(strapi, 'WEB-01/A006'))?.price).toBe(206000);
  });

  it('fails on a rejected token and changes nothing', async () => {
    const report = await syncService(strapi).run({ trigger: 'admin', source: { url: `${baseUrl}/gps/`, token: 'mauvais' } });

    expect(report).toMatchObject({ status: 'failed', errorCode: 'DOWNLOAD_FAILED' });
    expect(report.message).toContain('réponse HTTP 401 ; vérifiez le jeton d’accès');
    expect(report.message).not.toContain('mauvais');
    expect(await countRows(strapi, 'lots')).toBe(0);
  });

  it('fails on a missing file', async () => {
    const report = await syncService(strapi).run({ trigger: 'admin', source: { url: `${baseUrl}/ailleurs`, token: TOKEN } });

    expect(report).toMatchObject({ status: 'failed', errorCode: 'DOWNLOAD_FAILED' });
    expect(report.message).toContain('réponse HTTP 404');
  });

  it('fails on a download cut short and changes nothing', async () => {
    await syncService(strapi).run({ trigger: 'admin', source: { url: `${baseUrl}/gps`, token: TOKEN } });
    const before = await snapshotGpsTables(strapi);

    const report = await syncService(strapi).run({ trigger: 'admin', source: { url: `${baseUrl}/cut`, token: TOKEN } });

    expect(report).toMatchObject({ status: 'failed', errorCode: 'DOWNLOAD_TRUNCATED' });
    expect(report.message).toContain('téléchargement de lots.csv');
    expect(await snapshotGpsTables(strapi)).toBe(before);
  });

  it('rejects a URL that is not HTTP', async () => {
    const report = await syncService(strapi).run({ trigger: 'admin', source: { url: 'ftp://127.0.0.1/gps/' } });

    expect(report).toMatchObject({ status: 'failed', errorCode: 'SOURCE_NOT_CONFIGURED' });
  });
});

describe('GPS sync progress', () => {
  it('shows the run in progress', async () => {
    const seen: { phase: string; running: boolean }[] = [];
    const service = syncService(strapi);

    const report = await service.run({
      trigger: 'admin',
      onProgress: (progress) => seen.push({ phase: progress.phase, running: service.current()?.runId === progress.runId }),
    });

    expect(report.status).toBe('success');
    expect(seen.map((entry) => entry.phase)).toEqual(['reading', 'reading', 'planning', 'applying', 'applying', 'done']);
    expect(seen.every((entry) => entry.running)).toBe(true);
    expect(service.current()).toBeNull();
  });
});

describe('GPS sync schedule', () => {
  afterEach(() => {
    stopSchedule();
  });

  it('schedules a nightly run that records a schedule trigger', async () => {
    const jobsBefore = Object.keys(scheduledJobs).length;

    startSchedule(strapi, { enabled: true, rule: '0 2 * * *', tz: 'Europe/Paris' });

    const names = Object.keys(scheduledJobs);
    expect(names).toHaveLength(jobsBefore + 1);
    const job = scheduledJobs[names[names.length - 1]];
    const next = job.nextInvocation();
    expect(next).not.toBeNull();
    if (next === null) return;
    const parisTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    // 02:00, or 03:00 when the next night is the spring-forward one.
    expect(['02:00', '03:00']).toContain(parisTime.format(new Date(next.getTime())));

    await job.invoke();

    const runs = await strapi.documents('plugin::gps-sync.sync-run').findMany({ filters: { trigger: 'schedule' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'success', source: configuredDir });
  });

  it('cancels the job on stop', () => {
    startSchedule(strapi, { enabled: true, rule: '0 2 * * *', tz: 'Europe/Paris' });
    const jobsWhileScheduled = Object.keys(scheduledJobs).length;

    stopSchedule();

    expect(Object.keys(scheduledJobs)).toHaveLength(jobsWhileScheduled - 1);
  });

  it('schedules nothing when disabled', () => {
    const jobsBefore = Object.keys(scheduledJobs).length;

    startSchedule(strapi, { enabled: false, rule: '0 2 * * *', tz: 'Europe/Paris' });

    expect(Object.keys(scheduledJobs)).toHaveLength(jobsBefore);
  });
});

describe('GPS sync admin routes', () => {
  let adminToken: string;
  let editorToken: string;

  async function login(email: string, roleCode: string): Promise<string> {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
    await strapi.service('admin::user').create({
      email,
      firstname: 'Test',
      lastname: 'GPS',
      password: 'Motdepasse1!',
      isActive: true,
      roles: [role.id],
      registrationToken: null,
    });
    const response = await request(strapi).post('/admin/login').send({ email, password: 'Motdepasse1!' });
    expect(response.status).toBe(200);
    return response.body.data.token;
  }

  beforeAll(async () => {
    adminToken = await login('admin-gps@example.com', 'strapi-super-admin');
    editorToken = await login('editor-gps@example.com', 'strapi-editor');
  });

  it('registers the two plugin permissions', () => {
    const actions = strapi.service('admin::permission').actionProvider;

    expect(actions.get('plugin::gps-sync.read')).toMatchObject({ displayName: 'Consulter les synchronisations', section: 'plugins' });
    expect(actions.get('plugin::gps-sync.run')).toMatchObject({ displayName: 'Lancer une synchronisation', section: 'plugins' });
  });

  it('runs a dry run from the configured folder', async () => {
    const response = await request(strapi).post('/gps-sync/run').set('Authorization', `Bearer ${adminToken}`).send({ dryRun: true });

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ status: 'success', dryRun: true, source: configuredDir });
    expect(response.body.data.counts.lots.created).toBe(4);
    expect(await countRows(strapi, 'lots')).toBe(0);
  });

  it('rejects an invalid body', async () => {
    const response = await request(strapi).post('/gps-sync/run').set('Authorization', `Bearer ${adminToken}`).send({ dryRun: 'oui' });

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.code).toBe('INVALID_REQUEST');
  });

  it('returns a failed run as an error', async () => {
    const lotsFile = path.join(configuredDir, 'lots.csv');
    const saved = fs.readFileSync(lotsFile);
    fs.writeFileSync(lotsFile, '');
    try {
      const response = await request(strapi).post('/gps-sync/run').set('Authorization', `Bearer ${adminToken}`).send({});

      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('FILE_EMPTY');
      expect(response.body.error.message).toBe("Échec de la synchronisation GPS : lots.csv est vide. Rien n'a été modifié.");
      const runId: string = response.body.error.details.runId;
      const run = await request(strapi).get(`/gps-sync/runs/${runId}`).set('Authorization', `Bearer ${adminToken}`);
      expect(run.status).toBe(200);
      expect(run.body.data).toMatchObject({ documentId: runId, status: 'failed', errorCode: 'FILE_EMPTY', trigger: 'admin' });
    } finally {
      fs.writeFileSync(lotsFile, saved);
    }
  });

  it('lists runs newest first with pagination', async () => {
    for (let index = 0; index < 3; index += 1) {
      await request(strapi).post('/gps-sync/run').set('Authorization', `Bearer ${adminToken}`).send({ dryRun: index !== 2 });
    }

    const response = await request(strapi).get('/gps-sync/runs?page=1&pageSize=2').set('Authorization', `Bearer ${adminToken}`);

    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(2);
    expect(response.body.data[0]).toMatchObject({ trigger: 'admin', status: 'success', dryRun: false, lotsCreated: 4 });
    expect(response.body.data[0]).not.toHaveProperty('rejectedRows');
    expect(response.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(response.body.meta.pagination.total).toBeGreaterThanOrEqual(3);
  });

  it('shows the status without a run in progress', async () => {
    await request(strapi).post('/gps-sync/run').set('Authorization', `Bearer ${adminToken}`).send({ dryRun: true });

    const response = await request(strapi).get('/gps-sync/status').set('Authorization', `Bearer ${adminToken}`);

    expect(response.status).toBe(200);
    expect(response.body.data.running).toBe(false);
    expect(response.body.data.current).toBeNull();
    expect(response.body.data.lastRun).toMatchObject({ trigger: 'admin' });
  });

  it('returns 404 for an unknown run', async () => {
    const response = await request(strapi).get('/gps-sync/runs/inconnu').set('Authorization', `Bearer ${adminToken}`);

    expect(response.status).toBe(404);
    expect(response.body.error.details.code).toBe('RUN_NOT_FOUND');
  });

  it('forbids users without the plugin permissions', async () => {
    const list = await request(strapi).get('/gps-sync/runs').set('Authorization', `Bearer ${editorToken}`);
    const run = await request(strapi).post('/gps-sync/run').set('Authorization', `Bearer ${editorToken}`).send({});

    expect(list.status).toBe(403);
    expect(run.status).toBe(403);
  });

  it('requires an admin session', async () => {
    const response = await request(strapi).get('/gps-sync/status');

    expect(response.status).toBe(401);
  });
});
