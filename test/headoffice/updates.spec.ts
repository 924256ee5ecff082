/**
 * The update feed end to end: releases uploaded as the admin CLI uploads them, head office over
 * HTTPS (its own CA), and electron-updater's NsisUpdater in plain Node fetching from it with the
 * counter's HTTP client (support/updates.ts). Full and differential downloads, what a tampered
 * file, a stranger's certificate and a missing token get, and who a rollout reaches.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { feedUrl, type FeedAccess } from '../../electron/update-feed';
import { runReleaseCommand } from '../../headoffice/admin/releases';
import { addStore } from '../../headoffice/admin/ops';
import { enrollDevice, exchangeRefreshSecret, issueEnrollmentCode } from '../../headoffice/auth';
import { connectHq, migrateHq, type HqDatabase } from '../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../headoffice/db/postgres';
import { startHeadOffice, type HeadOffice } from '../../headoffice/server';
import { makeTestCertificates, type TlsMaterial } from '../../headoffice/tls';
import { rolloutBucket } from '../../headoffice/updates/rollout';
import { counterUpdater, installerName, nextInstaller, UPDATER_CACHE, writeRelease } from './support/updates';

const adminUrl = inject('pgAdminUrl');
const dbName = `hq_updates_${randomBytes(4).toString('hex')}`;
const work = mkdtempSync(join(tmpdir(), 'counterdesk-updates-'));
const updatesDir = join(work, 'hq-updates');
let db: HqDatabase;
let hq: HeadOffice;
let tls: TlsMaterial;
const v1 = randomBytes(4 * 1024 * 1024);
const v2 = nextInstaller(v1);
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');

type Pc = { deviceId: string; token: string };
const pcs: Record<'a001' | 'a002', Pc> = {} as never;

async function enroll(storeCode: string): Promise<Pc> {
  const { code } = await issueEnrollmentCode(db, storeCode, { nowMs: Date.now() });
  const { deviceId, refreshSecret } = await enrollDevice(
    db,
    { code, replicaId: randomBytes(8).toString('hex'), storeCode, deviceName: `${storeCode} counter` },
    Date.now(),
  );
  return { deviceId, token: (await exchangeRefreshSecret(db, deviceId, refreshSecret, Date.now())).token };
}

const access = (pc: Pc, caCert: string | null = tls.caCert): FeedAccess => ({
  url: feedUrl(hq.url, 'win'),
  caCert,
  token: pc.token,
});
const release = (...args: string[]) => runReleaseCommand(db, updatesDir, args, {});
const rollout = (version: string, options: { stores?: string; percent?: string }) =>
  runReleaseCommand(db, updatesDir, ['rollout', version], options);

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(`${hq.url}${path}`, { ca: tls.caCert, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
const bearer = (pc: Pc) => ({ authorization: `Bearer ${pc.token}` });

beforeAll(async () => {
  await ensureDatabase(adminUrl, dbName);
  db = connectHq(adminUrl.replace(/\/postgres$/, `/${dbName}`));
  await migrateHq(db);
  await addStore(db, 'A001', '一号店');
  await addStore(db, 'A002', '二号店');
  tls = await makeTestCertificates(['localhost']);
  hq = await startHeadOffice({ db, tls, updatesDir });
  pcs.a001 = await enroll('A001');
  pcs.a002 = await enroll('A002');
  await release('upload', await writeRelease(join(work, 'dist-1.0.0'), '1.0.0', v1));
  await release('upload', await writeRelease(join(work, 'dist-1.0.1'), '1.0.1', v2));
  await rollout('1.0.0', { percent: '100' });
  await rollout('1.0.1', { stores: 'A001' });
});

afterAll(async () => {
  await hq?.close();
  await db?.destroy();
  await dropDatabase(adminUrl, dbName);
  rmSync(work, { recursive: true, force: true });
});

describe('uploading a release', () => {
  it('lists what was uploaded with its rollout', async () => {
    expect(await release('list')).toMatch(/^1\.0\.1 +win +uploaded \S+ +stores A001\n1\.0\.0 +win .* 100% of PCs$/);
  });

  it('refuses a file that does not match latest.yml, and a version uploaded before', async () => {
    const dir = await writeRelease(join(work, 'dist-1.0.2'), '1.0.2', randomBytes(100_000));
    writeFileSync(join(dir, 'Counterdesk Setup 1.0.2.exe'), randomBytes(100_000));
    await expect(release('upload', dir)).rejects.toThrow(/Counterdesk-Setup-1\.0\.2\.exe does not match its sha512/);
    await expect(release('upload', join(work, 'dist-1.0.1'))).rejects.toThrow(/1\.0\.1 is already uploaded/);
    expect(await release('list')).not.toMatch(/1\.0\.2/);
  });

  it('refuses a file name with a folder in it, and an unknown store in a rollout', async () => {
    const dir = join(work, 'dist-evil');
    await writeRelease(dir, '1.0.3', randomBytes(1000));
    writeFileSync(
      join(dir, 'latest.yml'),
      readFileSync(join(dir, 'latest.yml'), 'utf8').replaceAll(installerName('1.0.3'), '../../etc/passwd'),
    );
    await expect(release('upload', dir)).rejects.toThrow(/does not read as electron-builder's channel file/);
    await expect(rollout('1.0.1', { stores: 'A001,Z999' })).rejects.toThrow(/No store Z999/);
    await expect(rollout('1.0.1', { percent: '120' })).rejects.toThrow(/--percent must be a whole number/);
  });
});

describe('the feed over HTTPS', () => {
  it('answers 401 without a token or with a forged one', async () => {
    expect((await get('/updates/win/latest.yml')).status).toBe(401);
    expect((await get('/updates/win/latest.yml', { authorization: 'Bearer forged.token.here' })).status).toBe(401);
    expect((await get(`/updates/win/${installerName('1.0.0')}`)).status).toBe(401);
  });

  it('offers each store its release, and refuses names outside the releases', async () => {
    const a001 = await get('/updates/win/latest.yml', bearer(pcs.a001));
    expect(a001.status).toBe(200);
    expect(a001.body.toString()).toMatch(/^version: 1\.0\.1$/m);
    expect((await get('/updates/win/latest.yml', bearer(pcs.a002))).body.toString()).toMatch(/^version: 1\.0\.0$/m);
    expect((await get('/updates/linux/latest-linux.yml', bearer(pcs.a001))).status).toBe(404);
    for (const path of ['/updates/win/..%2F..%2Fetc%2Fpasswd', '/updates/win/.env', '/updates/win/nothing.exe'])
      expect((await get(path, bearer(pcs.a001))).status).toBe(404);
    expect((await get('/updates/mac/latest-mac.yml', bearer(pcs.a001))).status).toBe(400);
  });

  it('answers one range, several ranges as multipart/byteranges, and 416 past the end', async () => {
    const path = `/updates/win/${installerName('1.0.0')}`;
    const one = await get(path, { ...bearer(pcs.a001), range: 'bytes=10-19' });
    expect(one.status).toBe(206);
    expect(one.body).toEqual(v1.subarray(10, 20));
    const many = await get(path, { ...bearer(pcs.a001), range: 'bytes=0-4, 1000-1009' });
    expect(many.status).toBe(206);
    const boundary = /boundary=(\S+)/.exec(String(many.headers['content-type']))![1]!;
    const text = many.body.toString('latin1');
    expect(text.split(`--${boundary}`)).toHaveLength(4);
    expect(text).toContain(
      `content-range: bytes 1000-1009/${v1.length}\r\n\r\n${v1.subarray(1000, 1010).toString('latin1')}`,
    );
    expect(Number(many.headers['content-length'])).toBe(many.body.length);
    expect((await get(path, { ...bearer(pcs.a001), range: `bytes=${v1.length}-` })).status).toBe(416);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `${i}-${i}`).join(',');
    expect((await get(path, { ...bearer(pcs.a001), range: `bytes=${tooMany}` })).status).toBe(416);
  });
});

describe('electron-updater against head office', () => {
  it('downloads a whole new version, checked against its sha512', async () => {
    const { updater, http } = counterUpdater('1.0.0', join(work, 'pc-full'), access(pcs.a001), { differential: false });
    const check = await updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(true);
    expect(check?.updateInfo.version).toBe('1.0.1');
    const [installer] = await updater.downloadUpdate();
    expect(sha512(readFileSync(installer!))).toBe(sha512(v2));
    expect(http.received.get(`/updates/win/${installerName('1.0.1')}`)).toBe(v2.length);
  });

  it('downloads only the changed blocks when it has the installed version (byte-identical result)', async () => {
    const dir = join(work, 'pc-diff');
    const { updater, http } = counterUpdater('1.0.0', dir, access(pcs.a001), { differential: true });
    // NSIS leaves the installed version's installer here; the differential download copies from it.
    mkdirSync(join(dir, UPDATER_CACHE), { recursive: true });
    writeFileSync(join(dir, UPDATER_CACHE, 'installer.exe'), v1);
    await updater.checkForUpdates();
    const [installer] = await updater.downloadUpdate();
    expect(sha512(readFileSync(installer!))).toBe(sha512(v2));
    const fetched = http.received.get(`/updates/win/${installerName('1.0.1')}`) ?? 0;
    // Four changed stretches touch a few content-defined blocks (each at most 32 KB … 64 KB).
    expect(fetched).toBeGreaterThan(0);
    expect(fetched).toBeLessThan(v2.length / 10);
    expect(http.requests.some((r) => r.status === 206 && (r.range ?? '').includes(','))).toBe(true);
    expect(http.received.get(`/updates/win/${installerName('1.0.1')}.blockmap`)).toBeGreaterThan(0);
    expect(http.received.get(`/updates/win/${installerName('1.0.0')}.blockmap`)).toBeGreaterThan(0);
    console.info(
      `differential: ${fetched} of ${v2.length} bytes fetched (${((100 * fetched) / v2.length).toFixed(1)}%)`,
    );
  });

  it('gets the same file block by block when told not to ask for several ranges at once', async () => {
    const dir = join(work, 'pc-single-ranges');
    const { updater, http } = counterUpdater('1.0.0', dir, access(pcs.a001), {
      differential: true,
      multipleRanges: false,
    });
    mkdirSync(join(dir, UPDATER_CACHE), { recursive: true });
    writeFileSync(join(dir, UPDATER_CACHE, 'installer.exe'), v1);
    await updater.checkForUpdates();
    const [installer] = await updater.downloadUpdate();
    expect(sha512(readFileSync(installer!))).toBe(sha512(v2));
    const ranged = http.requests.filter((r) => r.path.endsWith(installerName('1.0.1')));
    expect(ranged.length).toBeGreaterThan(1);
    expect(ranged.filter((r) => !(r.status === 206 && r.range !== null && !r.range.includes(',')))).toEqual([]);
    expect(http.received.get(`/updates/win/${installerName('1.0.1')}`)).toBeLessThan(v2.length / 10);
  });

  it('refuses a file that was tampered with on the server (sha512 mismatch)', async () => {
    const stored = join(updatesDir, 'win', installerName('1.0.1'));
    copyFileSync(stored, `${stored}.kept`);
    const tampered = Buffer.from(v2);
    tampered.writeUInt8(tampered.readUInt8(123_456) ^ 0xff, 123_456);
    writeFileSync(stored, tampered);
    try {
      const { updater } = counterUpdater('1.0.0', join(work, 'pc-tampered'), access(pcs.a001), { differential: false });
      await updater.checkForUpdates();
      await expect(updater.downloadUpdate()).rejects.toThrow(/sha512 checksum mismatch/);
    } finally {
      copyFileSync(`${stored}.kept`, stored);
    }
  });

  it('refuses a head office whose certificate it does not trust', async () => {
    const stranger = await makeTestCertificates(['localhost']);
    for (const caCert of [null, stranger.caCert]) {
      const { updater } = counterUpdater('1.0.0', join(work, 'pc-stranger'), access(pcs.a001, caCert), {
        differential: false,
      });
      updater.on('error', () => {});
      await expect(updater.checkForUpdates()).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    }
  });

  it('offers a store outside the rollout no update; a pause stops it, resume and a wider rollout offer it', async () => {
    const a002 = counterUpdater('1.0.0', join(work, 'pc-a002'), access(pcs.a002), { differential: false }).updater;
    expect((await a002.checkForUpdates())?.isUpdateAvailable).toBe(false);

    await release('pause', '1.0.1');
    const a001 = counterUpdater('1.0.0', join(work, 'pc-a001'), access(pcs.a001), { differential: false }).updater;
    expect((await a001.checkForUpdates())?.isUpdateAvailable).toBe(false);
    await release('resume', '1.0.1');
    expect((await a001.checkForUpdates())?.isUpdateAvailable).toBe(true);

    // A002's PC comes in once the percentage passes its bucket.
    const bucket = rolloutBucket(pcs.a002.deviceId);
    if (bucket > 0) {
      await rollout('1.0.1', { percent: String(bucket) });
      expect((await a002.checkForUpdates())?.isUpdateAvailable).toBe(false);
    }
    await rollout('1.0.1', { percent: String(bucket + 1) });
    expect((await a002.checkForUpdates())?.isUpdateAvailable).toBe(true);
  });

  it('tells a PC nothing is offered when no release includes it (404 on latest.yml)', async () => {
    await release('pause', '1.0.0');
    await release('pause', '1.0.1');
    try {
      const { updater } = counterUpdater('1.0.0', join(work, 'pc-none'), access(pcs.a002), { differential: false });
      updater.on('error', () => {});
      await expect(updater.checkForUpdates()).rejects.toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    } finally {
      await release('resume', '1.0.0');
      await release('resume', '1.0.1');
    }
  });
});
