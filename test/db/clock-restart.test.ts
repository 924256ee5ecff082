/**
 * The desk's clock across restarts while the PC clock moves: set back an hour, forward a day, back
 * again. Stored times never go back, steps taken after a restart take effect, a running SLA clock
 * never loses time, and new notes and events sort after the ones before them — also on a PC whose
 * outbox was pruned after a sync, so no change-log row remembers the last stamp.
 */
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult, StepInput, TicketDetail } from '../../db/api';
import type { ClientState } from '../../db/desk-types';
import { newId } from '../../db/ids';
import { ACKED_RETENTION_MS, lastLocalSeq, markAcked, pruneAcked } from '../../db/sync/outbox';
import { readTable } from '../support/inspect';
import { openTestDesk, setUpStore, tempFile, type TestDesk } from '../support/temp-store';
import { sh } from './tickets-fixture';

const HOUR = 3_600_000;

/** Every time this store has written, in ms: events, notes, tickets, customers, sessions. */
function storedTimes(file: string): number[] {
  const rows = readTable<{ t: string }>(
    file,
    `SELECT at AS t FROM ticket_event UNION ALL SELECT created_at FROM customer_note UNION ALL SELECT created_at FROM ticket
     UNION ALL SELECT updated_at FROM ticket UNION ALL SELECT created_at FROM customer UNION ALL SELECT started_at FROM session`,
  );
  return rows.map((r) => Date.parse(r.t));
}

async function restartableDesk(start: number) {
  const clock = { now: start };
  const file = tempFile();
  let t: TestDesk = await openTestDesk({ file, now: () => clock.now });
  const admin = await setUpStore(t, { adminPin: '2468' });
  const client: ClientState = t.client;

  async function restart(at: number, { pruneOutbox = false } = {}): Promise<void> {
    if (pruneOutbox) {
      // A synced PC: head office acknowledged everything long enough ago that the outbox is pruned.
      const { sqlite, statements } = t.desk.store!;
      markAcked(statements, lastLocalSeq(statements), new Date(clock.now - ACKED_RETENTION_MS - HOUR).toISOString());
      pruneAcked(statements, clock.now);
      expect(sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    }
    await t.desk.close();
    clock.now = at;
    t = await openTestDesk({ file, now: () => clock.now });
    client.sessionId = null;
  }

  /** As the admin; a window that locked while the clock jumped signs in again. */
  async function ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const first = await t.call(method, input, client);
    if (first.ok) return first.value;
    if (first.error.code !== 'not_signed_in' && first.error.code !== 'session_expired')
      throw new Error(`${method} failed: ${JSON.stringify(first.error)}`);
    const signedIn = await t.call('session.signIn', { staffId: admin.id, pin: '2468' }, client);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
    return t.ok(method, input, client);
  }

  return {
    clock,
    file,
    client,
    restart,
    desk: () => t,
    ok,
  };
}

type Harness = Awaited<ReturnType<typeof restartableDesk>>;

async function repairTicket(h: Harness, customerId: string): Promise<TicketDetail> {
  return h.ok('tickets.create', {
    type: 'repair',
    customerId,
    priority: 'normal',
    location: 'in_store',
    address: '',
    model: 'KFR-35GW',
    fault: '空调不制冷',
    accessories: '遥控器',
    condition: '外壳完好',
  });
}

async function act(h: Harness, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return h.ok('tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

for (const pruneOutbox of [false, true]) {
  describe(pruneOutbox ? 'after a sync pruned the outbox, restarting' : 'restarting', () => {
    it('with the PC clock set back, then forward a day, then back again never takes stored time back', async () => {
      const monday = sh('2026-11-23 09:00');
      const h = await restartableDesk(monday);
      const customer = await h.ok('customers.create', { name: '王芳', phones: [{ number: '13900001234' }] });
      let ticket = await repairTicket(h, customer.id);
      h.clock.now = sh('2026-11-23 11:00');
      await h.ok('customers.addNote', { customerId: customer.id, body: '第一次来电' });
      ticket = await h.ok('tickets.get', { id: ticket.id });
      expect(ticket.clocks.resolve.elapsedMinutes).toBe(120);
      ticket = await act(h, ticket, { action: 'wait_customer', note: '等客户送来遥控器' });
      expect(ticket.pausedFor).toBe('customer');
      const seen = [ticket.clocks.resolve.elapsedMinutes];

      // The PC clock is set back an hour and the app restarts.
      await h.restart(sh('2026-11-23 10:00'), { pruneOutbox });
      ticket = await h.ok('tickets.get', { id: ticket.id });
      seen.push(ticket.clocks.resolve.elapsedMinutes);
      const before = Math.max(...storedTimes(h.file));
      const note = await h.ok('customers.addNote', { customerId: customer.id, body: '客户回电' });
      expect(Date.parse(note.createdAt)).toBeGreaterThanOrEqual(before);
      ticket = await act(h, ticket, { action: 'resume', note: '遥控器已送到' });
      // Accepted, so it took effect: the ticket is no longer waiting and nothing is flagged.
      expect(ticket.pausedFor).toBeNull();
      expect(ticket.flaggedEvents).toBe(0);
      expect(ticket.timeline.at(-1)).toMatchObject({ action: 'resume' });
      const times = ticket.timeline.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const history = await h.ok('customers.history', { id: customer.id });
      expect(history.notes[0]!.body).toBe('客户回电');
      const newTicket = await repairTicket(h, customer.id);
      expect(Date.parse(newTicket.createdAt)).toBeGreaterThanOrEqual(before);

      // Forward a day, restart: the clock runs on.
      await h.restart(sh('2026-11-24 11:00'), { pruneOutbox });
      ticket = await h.ok('tickets.get', { id: ticket.id });
      seen.push(ticket.clocks.resolve.elapsedMinutes);
      expect(ticket.clocks.resolve.elapsedMinutes).toBeGreaterThan(120);
      ticket = await act(h, ticket, { action: 'wait_customer', note: '等客户确认报价' });
      expect(ticket.pausedFor).toBe('customer');

      // Back again (the day was a mistake), restart: nothing goes back, steps still take effect.
      await h.restart(sh('2026-11-23 10:30'), { pruneOutbox });
      const beforeBack = Math.max(...storedTimes(h.file));
      ticket = await h.ok('tickets.get', { id: ticket.id });
      seen.push(ticket.clocks.resolve.elapsedMinutes);
      ticket = await act(h, ticket, { action: 'resume', note: '客户已确认' });
      expect(ticket.pausedFor).toBeNull();
      expect(ticket.flaggedEvents).toBe(0);
      ticket = await act(h, ticket, {
        action: 'schedule',
        technicianId: await technician(h),
        plannedDate: '2026-11-25',
      });
      expect(ticket.status).toBe('scheduled');
      seen.push(ticket.clocks.resolve.elapsedMinutes);
      const later = await h.ok('customers.addNote', { customerId: customer.id, body: '已排期' });
      expect(Date.parse(later.createdAt)).toBeGreaterThanOrEqual(beforeBack);
      const third = await repairTicket(h, customer.id);
      expect(Date.parse(third.createdAt)).toBeGreaterThanOrEqual(beforeBack);
      expect((await h.ok('customers.history', { id: customer.id })).notes[0]!.body).toBe('已排期');

      for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    }, 30_000);
  });
}

async function technician(h: Harness): Promise<string> {
  const existing = (await h.ok('staff.list', {})).find((s) => s.role === 'technician');
  if (existing) return existing.id;
  return (await h.ok('staff.create', { name: '陈师傅', role: 'technician', pin: '4444' })).id;
}

describe('a step accepted with ok', () => {
  it('takes effect, or is refused with nothing written when an event stamped ahead of this PC would hide it', async () => {
    const h = await restartableDesk(sh('2026-11-23 09:00'));
    const customer = await h.ok('customers.create', { name: '王芳', phones: [{ number: '13900001234' }] });
    let ticket = await repairTicket(h, customer.id);
    ticket = await act(h, ticket, { action: 'wait_customer', note: '等客户' });
    ticket = await act(h, ticket, { action: 'resume', note: '客户到店' });
    expect(ticket.pausedFor).toBeNull();

    // Another PC whose clock ran a day ahead put the ticket on hold (its event arrived in a pull).
    const { sqlite } = h.desk().desk.store!;
    const ahead = sh('2026-11-24 09:00');
    sqlite
      .prepare(
        'INSERT INTO ticket_event (id, ticket_id, action, from_status, to_status, staff_id, at, note, data, hlc) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)',
      )
      .run(
        newId(),
        ticket.id,
        'wait_customer',
        'received',
        'received',
        new Date(ahead).toISOString(),
        '',
        '{}',
        `${ahead.toString(16).padStart(12, '0')}-0000-otherpc`,
      );
    const events = sqlite.prepare('SELECT count(*) FROM ticket_event').pluck().get();

    // Resuming here would be stamped before that hold and skipped by the fold: refused, not "ok".
    const refused = await h
      .desk()
      .call(
        'tickets.act',
        { ticketId: ticket.id, version: ticket.version, step: { action: 'resume', note: '' } },
        h.client,
      );
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', key: 'ticket_step_behind_clock' } });
    expect(sqlite.prepare('SELECT count(*) FROM ticket_event').pluck().get()).toBe(events);
    expect((await h.ok('tickets.get', { id: ticket.id })).flaggedEvents).toBe(0);
  });
});

describe('after a crash (the store never closed)', () => {
  it('carries on from the mark written with the last call that stored anything', async () => {
    const clock = { now: sh('2026-11-23 15:00') };
    const file = tempFile();
    const t = await openTestDesk({ file, now: () => clock.now });
    await setUpStore(t, { adminPin: '2468' });
    const customer = await t.ok('customers.create', { name: '王芳', phones: [{ number: '13900001234' }] });
    const { statements } = t.desk.store!;
    markAcked(statements, lastLocalSeq(statements), new Date(clock.now - ACKED_RETENTION_MS - HOUR).toISOString());
    pruneAcked(statements, clock.now);
    const before = Math.max(...storedTimes(file));

    // A second process on the same file, as after a power cut, with the PC clock three hours behind.
    clock.now = sh('2026-11-23 12:00');
    const after = await openTestDesk({ file, now: () => clock.now });
    await after.ok('session.signIn', { staffId: (await after.ok('session.staffList', {}))[0]!.id, pin: '2468' });
    const note = await after.ok('customers.addNote', { customerId: customer.id, body: '断电后' });
    expect(Date.parse(note.createdAt)).toBeGreaterThanOrEqual(before);
  });
});

describe('the offset learned from head office', () => {
  it('corrects stored times from the start, but a stale forward offset cannot push them into the future for good', async () => {
    const clock = { now: sh('2026-11-23 10:00') };
    const file = tempFile();
    let t = await openTestDesk({ file, now: () => clock.now });
    await setUpStore(t, { adminPin: '2468' });
    const customer = await t.ok('customers.create', { name: '王芳', phones: [{ number: '13900001234' }] });
    const { sqlite } = t.desk.store!;
    const signIn = async () =>
      t.ok('session.signIn', { staffId: (await t.ok('session.staffList', {}))[0]!.id, pin: '2468' });

    // Saved at the last sync: this PC ran 90 s behind head office.
    sqlite.prepare("INSERT INTO sync_state (key, value) VALUES ('clock_offset_ms', '90000')").run();
    await t.desk.close();
    clock.now += HOUR;
    t = await openTestDesk({ file, now: () => clock.now });
    await signIn();
    expect(Date.parse((await t.ok('customers.addNote', { customerId: customer.id, body: '校时' })).createdAt)).toBe(
      clock.now + 90_000,
    );

    // It had run a day behind, and someone corrected the PC clock while the app was closed.
    t.desk
      .store!.sqlite.prepare("UPDATE sync_state SET value = ? WHERE key = 'clock_offset_ms'")
      .run(String(86_400_000));
    await t.desk.close();
    clock.now += HOUR;
    t = await openTestDesk({ file, now: () => clock.now });
    await signIn();
    const note = await t.ok('customers.addNote', { customerId: customer.id, body: '校时后' });
    expect(Date.parse(note.createdAt)).toBeLessThanOrEqual(clock.now + 2 * 60_000);
    expect(Date.parse(note.createdAt)).toBeGreaterThanOrEqual(clock.now);
  });
});
