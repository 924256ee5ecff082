/**
 * A counter PC restored from an older copy of its data folder (docs/SYNC.md F18). Head office has
 * changes of this replica the copy never made; the PC must notice before its first pull (which
 * would skip them as its own echoes), continue as a new replica, take them back, push what it
 * wrote since the restore once, and never give out a ticket number head office already has:
 * (a) nothing written before the first sync, (b) a new ticket written before it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { startTestHeadOffice, testCertificates, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';

let hq: TestHeadOffice;
let proxy: FaultProxy;
let a: TestCounter;
let b: TestCounter;
let customerId: string;
const folders: string[] = [];

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012');
  proxy = await startFaultProxy({ upstream: () => hq.url, tls: await testCertificates() });
  a = await openCounter(hq, { counterNo: 1 });
  b = await openCounter(hq, { counterNo: 2 });
  customerId = (await a.ok('customers.create', { name: '孙丽', phones: [{ number: '13700007777' }] })).id;
  await a.sync();
  await b.sync();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await proxy?.close();
  await hq?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const complaint = (counter: TestCounter, what: string) =>
  counter.ok('tickets.create', {
    type: 'complaint',
    customerId,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: what,
    customerWants: '回电',
  });

/** A consistent copy of the PC's database file, as a backup of its data folder would hold. */
function copyOf(counter: TestCounter): string {
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-copy-'));
  folders.push(folder);
  const file = join(folder, 'copy.sqlite');
  counter.store.sqlite.exec(`VACUUM INTO '${file}'`);
  return file;
}

/** The PC is closed, its database replaced by the copy, and started again (same credentials; `via` another address). */
async function restore(copy: string, via?: string): Promise<void> {
  const saved = a.credentials.load()!;
  const credentials = via ? { ...saved, serverUrl: via } : saved;
  await a.close();
  const folder = mkdtempSync(join(tmpdir(), 'counterdesk-restored-'));
  folders.push(folder);
  const file = join(folder, 'counter.sqlite');
  copyFileSync(copy, file);
  a = await openCounter(hq, { counterNo: 1, file, setUp: false, enroll: false });
  a.credentials.save(credentials);
}

async function ticketNumbersAtHq(): Promise<string[]> {
  const rows = await hq.db.selectFrom('entityState').select('state').where('entity', '=', 'ticket').execute();
  return rows.map((r) => String(r.state.fields.number));
}

const ticketsOn = (counter: TestCounter) =>
  readTable<{ id: string; number: string }>(counter.file, 'SELECT id, number FROM ticket ORDER BY number');
const danglingRows = (counter: TestCounter) => readTable(counter.file, 'PRAGMA foreign_key_check');

async function expectOneNumberPerTicket(): Promise<void> {
  const numbers = await ticketNumbersAtHq();
  expect(numbers.length).toBeGreaterThan(0);
  expect([...new Set(numbers)].sort()).toEqual([...numbers].sort());
}

describe('a PC restored from an older copy of its data', () => {
  it('(a) nothing written before its first sync: it takes back what it had pushed after the copy, and numbers continue above it', async () => {
    await complaint(a, '复制之前');
    await a.sync();
    const copy = copyOf(a);
    const afterCopy = [await complaint(a, '复制之后一'), await complaint(a, '复制之后二')];
    await a.ok('tickets.note', { ticketId: afterCopy[0]!.id, note: '已回电' });
    await a.sync();
    const oldReplica = a.store.replicaId;

    await restore(copy);
    expect(ticketsOn(a).map((t) => t.id)).not.toContain(afterCopy[0]!.id);
    const status = await a.sync();
    expect(a.store.replicaId).not.toBe(oldReplica);
    for (const ticket of afterCopy) expect(ticketsOn(a)).toContainEqual({ id: ticket.id, number: ticket.number });
    await b.sync();
    expect(readTable(a.file, 'SELECT count(*) AS n FROM ticket_event WHERE ticket_id = ?', afterCopy[0]!.id)).toEqual(
      readTable(b.file, 'SELECT count(*) AS n FROM ticket_event WHERE ticket_id = ?', afterCopy[0]!.id),
    );
    expect(status.restoredCopy).toMatchObject({ takingBack: false });
    expect(status.restoredCopy!.takenBack).toBeGreaterThanOrEqual(afterCopy.length);
    expect(status).toMatchObject({ pending: 0, keptAside: 0, resyncing: false });

    // The next ticket continues above the numbers head office already had from this counter.
    const next = await complaint(a, '恢复之后');
    expect(next.number > afterCopy[1]!.number).toBe(true);
    await a.sync();
    await b.sync();
    await expectOneNumberPerTicket();
    expect(danglingRows(a)).toEqual([]);
    await expectInvariants(hq, [a, b]);
  });

  it('(b) a ticket written before its first sync: it takes a number head office does not have, and is pushed once', async () => {
    const copy = copyOf(a);
    const afterCopy = [await complaint(a, '第二次复制之后一'), await complaint(a, '第二次复制之后二')];
    await a.sync();

    await restore(copy);
    // Offline after the restore: the PC gives out the number it had already given out after the copy.
    const walkIn = await complaint(a, '恢复后未同步');
    expect(walkIn.number).toBe(afterCopy[0]!.number);
    const status = await a.sync();
    for (const ticket of afterCopy) expect(ticketsOn(a)).toContainEqual({ id: ticket.id, number: ticket.number });
    await expectOneNumberPerTicket();
    expect(status).toMatchObject({ pending: 0, keptAside: 0, resyncing: false });
    expect(status.restoredCopy).toMatchObject({ takingBack: false });
    const renumbered = ticketsOn(a).find((t) => t.id === walkIn.id)!;
    expect(renumbered.number > afterCopy[1]!.number).toBe(true);
    expect((await a.ok('tickets.get', { id: walkIn.id })).number).toBe(renumbered.number);
    await b.sync();
    expect(ticketsOn(b)).toContainEqual(renumbered);
    await expectOneNumberPerTicket();
    expect(danglingRows(a)).toEqual([]);
    expect(danglingRows(b)).toEqual([]);
    await a.sync();
    await expectInvariants(hq, [a, b]);
  });

  it('a PC whose acknowledged changes were all pruned (past the retention) is no copy: it keeps its replica', async () => {
    await b.ok('customers.create', { name: '周六', phones: [{ number: '13700008888' }] });
    await b.sync();
    const replica = b.store.replicaId;
    // What pruneAcked leaves after the retention: an empty change log, the acknowledged mark kept.
    b.store.sqlite.exec('DELETE FROM change_log; DELETE FROM change_ack');
    await a.ok('customers.create', { name: '周七', phones: [{ number: '13700009999' }] });
    await a.sync();
    const status = await b.sync();
    expect(b.store.replicaId).toBe(replica);
    expect(status.restoredCopy).toBeNull();
    expect(readTable(b.file, 'SELECT name FROM customer WHERE name = ?', '周七')).toEqual([{ name: '周七' }]);
  });

  it('a restart while it takes its records back: nothing written since the restore goes out before they are in', async () => {
    const copy = copyOf(a);
    const afterCopy = await complaint(a, '第三次复制之后');
    await a.sync();
    await restore(copy, proxy.url);
    const walkIn = await complaint(a, '恢复后重启前');
    expect(walkIn.number).toBe(afterCopy.number);
    // Head office's snapshot does not get through: the PC has turned into a new replica, then stops.
    proxy.plan((request) => (request.path.startsWith('/sync/v1/snapshot') ? { kind: 'status', status: 503 } : null));
    const cut = await a.trySync();
    expect(cut.lastError).not.toBeNull();
    expect(cut).toMatchObject({ resyncing: true, restoredCopy: { takingBack: true } });
    expect(
      await hq.db.selectFrom('entityState').select('entityId').where('entityId', '=', walkIn.id).execute(),
    ).toEqual([]);

    // The PC is restarted (the same database file); head office answers again.
    const file = a.file;
    await a.close();
    proxy.plan(null);
    a = await openCounter(hq, { counterNo: 1, file, setUp: false, enroll: false });
    const status = await a.sync();
    expect(status).toMatchObject({ pending: 0, keptAside: 0, resyncing: false, restoredCopy: { takingBack: false } });
    expect(ticketsOn(a)).toContainEqual({ id: afterCopy.id, number: afterCopy.number });
    expect(ticketsOn(a).find((t) => t.id === walkIn.id)!.number > afterCopy.number).toBe(true);
    await expectOneNumberPerTicket();
    await b.sync();
    await a.sync();
    expect(danglingRows(a)).toEqual([]);
    await expectInvariants(hq, [a, b]);
  });
});
