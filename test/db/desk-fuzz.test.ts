/**
 * Every desk method, as read from the API object, called with junk: values of its input's shape
 * with hostile parts, wrong types, huge strings, NUL and lone surrogates, far dates, extreme numbers,
 * empty objects, arrays and deep nesting; as an admin, as counter staff and signed out. Every answer
 * must be a typed result or a typed error with a known code (never `internal`), within a time bound,
 * and a refusal must leave the store as it was.
 *
 * FUZZ_ROUNDS (default 12) sets the rounds, FUZZ_SEED the seed; a failure names both, the method,
 * the caller and the input. A watchdog process kills this worker if one call hangs, printing the
 * call it was on, so the test cannot hang forever.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { deskMethods, isMethodName } from '../../db/methods';
import type { ErrorCode } from '../../db/contract';
import type { ClientState } from '../../db/desk-types';
import { describeInput, hostile, inputShape, seededRng, shaped, type Pools } from '../support/fuzz-input';
import { openTestDesk, setUpStore, tempFile, type TestDesk } from '../support/temp-store';

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Handlers are synchronous SQLite: a slow call is a loop over something the caller sized. */
const CALL_MS = 2000;
/** The watchdog's limit for one call: well past CALL_MS, so a merely slow machine is not a hang. */
const HANG_MS = 30_000;

const KNOWN_CODES: ReadonlyArray<ErrorCode> = [
  'validation',
  'not_signed_in',
  'session_expired',
  'permission_denied',
  'not_found',
  'conflict',
  'bad_pin',
  'pin_locked',
  'setup_done',
  'setup_needed',
  'unknown_method',
  'disk_full',
  'unavailable',
];

/** Kills this process if the file it watches is not touched for HANG_MS, saying what it held. */
function startWatchdog(beacon: string): ChildProcess {
  const script = `
    const fs = require('node:fs');
    const [beacon, pid, limit] = process.argv.slice(1);
    setInterval(() => {
      let stat;
      try { stat = fs.statSync(beacon); } catch { return; }
      if (Date.now() - stat.mtimeMs > Number(limit)) {
        process.stderr.write('desk fuzz: a call hung; killing the test worker. ' + fs.readFileSync(beacon, 'utf8') + '\\n');
        try { process.kill(Number(pid), 'SIGKILL'); } catch {}
        process.exit(1);
      }
    }, 500);
    process.on('disconnect', () => process.exit(0));
  `;
  const child = spawn(process.execPath, ['-e', script, beacon, String(process.pid), String(HANG_MS)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.unref();
  return child;
}

/**
 * Every table's rows but the sessions' (a signed-in call refreshes its session's last-seen time) and
 * the PIN lockout's (a refused sign-in is meant to count toward it).
 */
function fingerprint(t: TestDesk): string {
  const sqlite = t.desk.store!.sqlite;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('session', 'pin_lockout') ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const hash = createHash('sha1');
  for (const table of tables) {
    hash.update(table);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate())
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

/** Ids the answers carried, so later calls name records that exist. */
/** The fuzzing callers' own staff ids: a junk staff.update on them could change their PIN or deactivate them. */
const protectedIds = new Set<string>();

function harvestIds(value: unknown, pools: Pools, depth = 0): void {
  if (depth > 4 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 5)) harvestIds(item, pools, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (
      (key === 'id' || key.endsWith('Id')) &&
      typeof v === 'string' &&
      /^[0-9a-f-]{36}$/.test(v) &&
      !protectedIds.has(v) &&
      !pools.ids.includes(v) &&
      pools.ids.length < 80
    )
      pools.ids.push(v);
    else harvestIds(v, pools, depth + 1);
  }
}

async function seededDesk() {
  const t = await openTestDesk({ file: tempFile() });
  const admin = await setUpStore(t, { adminPin: '2468' });
  const counterStaff = await t.ok('staff.create', { name: '李娜', role: 'counter_staff', pin: '1111' });
  const counter: ClientState = { sessionId: null };
  await t.ok('session.signIn', { staffId: counterStaff.id, pin: '1111' }, counter);
  const customer = await t.ok('customers.create', {
    name: '张三',
    phones: [{ number: '13812345678' }],
    addresses: [{ label: '家', address: '南京西路 1 号' }],
  });
  const product = await t.ok('customers.addProduct', {
    customerId: customer.id,
    category: 'tv',
    brand: 'TCL',
    model: 'X1',
    purchaseDate: '2026-01-02',
  });
  const ticket = await t.ok('tickets.create', {
    type: 'repair',
    customerId: customer.id,
    productId: product.id,
    location: 'in_store',
    fault: '不开机',
    condition: '完好',
  });
  const complaint = await t.ok('tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'phone',
    category: 'delivery',
    whatHappened: '晚到',
    customerWants: '道歉',
  });
  const supplier = await t.ok('parts.supplierCreate', { name: '苏州恒达' });
  const part = await t.ok('parts.create', {
    partNo: 'WM-PUMP-01',
    name: '排水泵',
    unit: '个',
    costFen: 4500,
    priceFen: 8800,
    supplierIds: [supplier.id],
  });
  const receipt = await t.ok('parts.receiptCreate', {
    supplierId: supplier.id,
    receivedOn: '2026-01-05',
    lines: [{ partId: part.id, deliveredQty: 5, unitCostFen: 4500 }],
  });
  const pools: Pools = { ids: [], hostility: 0 };
  protectedIds.add(admin.id).add(counterStaff.id);
  for (const value of [customer, product, ticket, complaint, supplier, part, receipt]) harvestIds(value, pools);
  return { t, adminId: admin.id, counterId: counterStaff.id, counter, pools };
}

describe('typed answers where there were internal errors', () => {
  it('a desk without a sync engine says sync is unavailable, not that something went wrong', async () => {
    const { t } = await seededDesk();
    const enroll = await t.call('sync.enroll', { serverUrl: 'https://127.0.0.1:8443', code: 'ABCD-EFGH-JKLM' });
    expect(enroll).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'sync_not_running' } });
  });
});

describe('the desk under fuzzed input', () => {
  let watchdog: ChildProcess | null = null;
  afterAll(() => {
    watchdog?.disconnect();
    watchdog?.kill();
  });

  it(
    `answers every method with a typed result, quickly, and changes nothing on a refusal (seed ${SEED}, ${ROUNDS} rounds)`,
    { timeout: 600_000 },
    async () => {
      const { t, adminId, counterId, counter, pools } = await seededDesk();
      const beacon = tempFile('fuzz-beacon.txt');
      writeFileSync(beacon, 'starting');
      watchdog = startWatchdog(beacon);
      const methods = Object.keys(deskMethods).filter(isMethodName);
      expect(methods.length).toBeGreaterThan(100);
      const shapes = new Map(methods.map((m) => [m, inputShape(deskMethods[m].input)]));
      const callers = [
        { who: 'admin', client: t.client, staffId: adminId, pin: '2468' },
        { who: 'counter staff', client: counter, staffId: counterId, pin: '1111' },
        { who: 'signed out', client: { sessionId: null } as ClientState, staffId: null, pin: '' },
      ] as const;
      const failures: string[] = [];
      let calls = 0;
      const totalChanges = () => t.desk.store!.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
      let stored = { at: -1, print: '' };
      const outcomes = new Map<string, number>();
      let slowest = { ms: 0, method: '' };
      const started = performance.now();

      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, method] of methods.entries()) {
          for (const [c, caller] of callers.entries()) {
            const rng = seededRng(SEED ^ (round * 1_000_003 + index * 101 + c));
            // Round 0 sends a bare hostile value for the whole input too: arrays, strings, null, deep nesting.
            // Some calls are near-valid, to reach the handlers; others carry hostile parts.
            pools.hostility = rng.pick([0, 0, 0.03, 0.15]);
            const input = round === 0 && c !== 1 ? hostile(rng) : shaped(shapes.get(method)!, rng, pools);
            const where = `seed ${SEED} round ${round} ${method} as ${caller.who}: ${describeInput(input)}`;
            writeFileSync(beacon, where);
            // The store is hashed again only after something wrote to it (total_changes moved).
            if (totalChanges() !== stored.at) stored = { at: totalChanges(), print: fingerprint(t) };
            const errorsBefore = t.logger.entries.filter((e) => e.level === 'error').length;
            const t0 = performance.now();
            const answer = await t.desk.dispatch(caller.client, method, input);
            const ms = performance.now() - t0;
            calls += 1;
            const outcome = answer.ok ? 'ok' : answer.error.code;
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
            if (ms > slowest.ms) slowest = { ms, method };
            if (ms > CALL_MS) failures.push(`${Math.round(ms)} ms: ${where}`);
            const errors = t.logger.entries.filter((e) => e.level === 'error').slice(errorsBefore);
            if (errors.length > 0)
              failures.push(`logged an error (${describeInput(errors[0]!.details, 300)}): ${where}`);
            if (answer.ok) {
              if (!('value' in answer)) failures.push(`ok without a value: ${where}`);
              harvestIds(answer.value, pools);
            } else {
              const { code, key, message } = answer.error;
              if (!KNOWN_CODES.includes(code)) failures.push(`answered ${code} (${key}): ${where}`);
              if (typeof key !== 'string' || typeof message !== 'string' || key === '' || message === '')
                failures.push(`error without key or message: ${where}`);
              if (totalChanges() !== stored.at) {
                const after = fingerprint(t);
                if (after !== stored.print)
                  failures.push(`refused with ${code} (${key}) but the store changed: ${where}`);
                stored = { at: totalChanges(), print: after };
              }
            }
            // A junk sign-out (or a sign-in that failed) leaves the caller signed out: sign in again.
            if (
              caller.staffId &&
              (method.startsWith('session.') ||
                (!answer.ok && (answer.error.code === 'not_signed_in' || answer.error.code === 'session_expired')))
            ) {
              const again = await t.desk.dispatch(caller.client, 'session.signIn', {
                staffId: caller.staffId,
                pin: caller.pin,
              });
              if (!again.ok)
                failures.push(`could not sign ${caller.who} in again (${again.error.key}) after: ${where}`);
            }
            if (failures.length >= 20) break;
          }
        }
      }
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `desk fuzz: ${calls} calls over ${methods.length} methods in ${seconds.toFixed(1)} s; slowest ${Math.round(slowest.ms)} ms (${slowest.method}); answers ${JSON.stringify(Object.fromEntries(outcomes))}`,
      );
      expect(failures, failures.join('\n')).toEqual([]);
    },
  );
});
