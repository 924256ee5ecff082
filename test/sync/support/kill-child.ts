/**
 * F15's counter PC in a process of its own (docs/SYNC.md §3b): it opens an enrolled store file, runs sync
 * the way the app wires it (a push shortly after each committed change, a pull timer), and makes
 * customers and edits them. It is killed with SIGKILL at a chosen moment, from inside, at the Nth
 * pass through one point of the write, push, pull or apply path — found by wrapping the HTTPS client
 * and the SQLite connection, so db/ carries no test hooks — or from outside after a delay. The
 * points match db/sync's statements by their text: should those change, runs stop dying, and the
 * spec's count of killed runs fails.
 *
 * It reports on stdout (a pipe: synchronous on Linux, so a line written before the kill arrives):
 *   ready | created <customerId> | noted <customerId> <version> | hit <point> <n> | passes <json> | done
 * A write is reported only after its desk call returned, i.e. after its transaction committed.
 *
 * Environment: F15_FILE (the store), F15_POINT and F15_NTH (where to die; none: run to the end),
 * F15_SEED (its own choices), F15_VERSION_BASE (edit versions grow across runs), F15_WRITES,
 * F15_PULL_BYTES (page size).
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import https from 'node:https';
import type { ClientRequest } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { dirname, join } from 'node:path';
import { openDesk } from '../../../db/desk';
import { fileCredentialStore } from '../../../db/sync/credentials';
import { SyncEngine } from '../../../db/sync/engine';
import { createRandom } from '../../support/generator';
import { KILL_POINTS, type KillPoint } from './kill-points';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const file = env('F15_FILE');
const point = (process.env.F15_POINT ?? '') as KillPoint | '';
const nth = Number(env('F15_NTH', '0'));
const versionBase = Number(env('F15_VERSION_BASE', '0'));
const writes = Number(env('F15_WRITES', '4'));
if (point !== '' && !KILL_POINTS.includes(point)) throw new Error(`Unknown kill point ${point}`);

const say = (line: string) => writeSync(1, `${line}\n`);

const passes = new Map<KillPoint, number>();
function pass(at: KillPoint): void {
  const n = (passes.get(at) ?? 0) + 1;
  passes.set(at, n);
  if (at === point && n === nth) {
    say(`hit ${at} ${n}`);
    process.kill(process.pid, 'SIGKILL');
  }
}

// The HTTPS client: every request head office gets goes through https.request (db/sync/client.ts).
const originalRequest = https.request;
https.request = function request(this: unknown, ...args: unknown[]): ClientRequest {
  const req = (originalRequest as (...a: unknown[]) => ClientRequest).apply(this, args);
  const url = args[0] instanceof URL ? args[0] : new URL(String(args[0]));
  const kind = url.pathname.endsWith('/push') ? 'push' : url.pathname.endsWith('/pull') ? 'pull' : null;
  if (kind === 'push') req.on('finish', () => pass('push.sent'));
  // The answer arrived: head office has committed (push) or chosen the page (pull); nothing is applied yet.
  if (kind) req.on('response', () => pass(kind === 'push' ? 'push.answered' : 'pull.answered'));
  return req;
} as typeof https.request;
syncBuiltinESMExports();

// The SQLite connection: statements that mark a point inside a transaction that is still open.
const pointOfStatement = (source: string): KillPoint | null => {
  if (/^insert into "change_log"/i.test(source)) return 'write.logged'; // a desk write, rows written, not committed
  if (source.startsWith('INSERT OR REPLACE INTO change_ack')) return 'push.acking';
  if (source.startsWith('INSERT INTO row_clock')) return 'apply.record'; // a pulled record being merged
  if (source.startsWith('INSERT INTO sync_state')) return 'apply.cursor';
  return null;
};
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function wrapped(this: Database.Database, source: string) {
  const statement = prepare.call(this, source);
  const at = pointOfStatement(source);
  if (!at) return statement;
  return new Proxy(statement, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'run' || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value;
      return (...params: unknown[]) => {
        // The cursor is one sync_state key among several: only its writes count.
        const key = Array.isArray(params[0]) ? params[0][0] : params[0];
        if (at !== 'apply.cursor' || key === 'pull_cursor') pass(at);
        return (value as (...p: unknown[]) => unknown).apply(target, params);
      };
    },
  });
} as typeof Database.prototype.prepare;

async function main(): Promise<void> {
  const rnd = createRandom(Number(env('F15_SEED', '1')));
  const logger = {
    info: () => {},
    warn: () => {},
    error: (message: string, details?: unknown) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`),
  };
  const desk = await openDesk({ file, appVersion: '0.1.0-test', host: 'browser', forcedLanguage: null, logger });
  const client = { sessionId: null };
  const call = async (method: string, input: unknown) => {
    const result = await desk.dispatch(client, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as Record<string, unknown>;
  };
  const admin = desk
    .store!.sqlite.prepare("SELECT id FROM staff WHERE role = 'admin' AND pin_hash LIKE 'scrypt$%' LIMIT 1")
    .get() as { id: string };
  await call('session.signIn', { staffId: admin.id, pin: '2468' });
  const credentials = fileCredentialStore(join(dirname(file), 'sync-credentials.json'));
  // Wired as startDeskSync does (db/sync/start.ts), with fast timers and small pull pages, so a run
  // passes each point several times.
  const engine = new SyncEngine({
    store: desk.store!,
    services: desk.sync!,
    credentials,
    appVersion: '0.1.0-test',
    logger,
    timing: { pushDebounceMs: 5, pullEveryMs: 40, backoffMinMs: 20, backoffMaxMs: 200, probeMs: 50 },
    maxPullBytes: Number(env('F15_PULL_BYTES', '2048')),
  });
  desk.onEvent((event, origin) => {
    if (origin === 'call' && event !== 'session.changed' && event !== 'sync.changed') engine.localWrite();
  });
  desk.sync!.engine = engine;
  await engine.start();
  say('ready');
  const mine = () =>
    desk.store!.sqlite.prepare("SELECT id FROM customer WHERE name LIKE 'F15-%'").all() as Array<{ id: string }>;
  for (let i = 0; i < writes; i += 1) {
    // Unique across runs: the base grows with every run, even one killed before it reported anything.
    const phone = `188${String(versionBase + i).padStart(8, '0')}`;
    const created = await call('customers.create', { name: `F15-${versionBase + i}`, phones: [{ number: phone }] });
    say(`created ${String(created.id)}`);
    const own = mine();
    const target = own[Math.floor(rnd() * own.length)]!.id;
    const current = await call('customers.get', { id: target });
    const version = versionBase + i;
    const phones = (current.phones as Array<{ id: string; number: string }>).map((p) => ({
      id: p.id,
      number: p.number,
    }));
    await call('customers.update', { id: target, name: current.name, notes: `v${version}`, phones });
    say(`noted ${target} ${version}`);
    // Let the engine's debounced push and timed pull run between the counter's calls.
    await new Promise((resolve) => setTimeout(resolve, 15 + Math.floor(rnd() * 30)));
  }
  await engine.syncNow();
  await engine.stop();
  await desk.close();
  // How often each point was passed: what a kill plan can count on.
  say(`passes ${JSON.stringify(Object.fromEntries(passes))}`);
  say('done');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
