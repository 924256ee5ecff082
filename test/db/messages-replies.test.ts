/**
 * What head office sends back about a message, pulled as sync pulls it: the delivery state shows on
 * the ticket, and a rated reply records the ticket's follow-up exactly once (pulled twice, nothing
 * more), only on the ticket its message was about; a reply without a rating is only shown.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildServiceForm, canonicalJson, type StepInput, type TicketDetail } from '../../db/api';
import { newId } from '../../db/ids';
import { formatHlc } from '../../db/sync/hlc';
import type { FeedRecord, PullResponse } from '../../db/sync/protocol';
import { pullAll } from '../../db/sync/pull';
import type { SyncSession } from '../../db/sync/session';
import { setState } from '../../db/sync/state';
import { createTableInfoCache } from '../../db/sync/table-info';
import { readLocalState } from '../../db/sync/apply';
import { syncedEntities } from '../../db/synced-entities';
import { changeLog, readTable } from '../support/inspect';
import { openTestDesk, tempFile, type TestDesk } from '../support/temp-store';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

let seq = 0;
/** A head-office record: every field stamped by head office's clock. */
function hqRecord(entity: string, entityId: string, fields: Record<string, unknown>): FeedRecord {
  seq += 1;
  const hlc = formatHlc({ millis: sh('2026-11-26 10:05') + seq, counter: 0, node: 'hq' });
  return {
    serverSeq: seq,
    txId: newId(),
    entity,
    entityId,
    state: { fields, clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])), deleted: null },
  };
}

function pull(d: Pick<TestDesk, 'desk'>, changes: FeedRecord[]) {
  const store = d.desk.store!;
  const sync = d.desk.sync!;
  store.sqlite.transaction(() => {
    setState(store.statements, 'pull_cursor', 'e1:0');
    setState(store.statements, 'server_epoch', 'e1');
  })();
  const body: PullResponse = {
    changes,
    nextCursor: `e1:${changes.length}`,
    hasMore: false,
    serverTime: new Date().toISOString(),
    serverEpoch: 'e1',
    lastAppliedSeq: 0,
  };
  const session: SyncSession = {
    call: async () => ({ status: 200, body, bytesSent: 0, bytesReceived: 0 }),
    traffic: { sent: 0, received: 0, requests: 0 },
  };
  return pullAll({
    store,
    rules: sync.rules,
    hooks: sync.hooks,
    tables: createTableInfoCache(sync.rules),
    pace: { chunkRows: 50 },
    session,
    onServerTime: () => {},
    serverTimeMs: () => Date.now(),
  });
}

const SIGNATURE = {
  width: 400,
  height: 160,
  strokes: [Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number])],
};

function completion(ticket: TicketDetail): StepInput {
  const filled = { workDone: '更换电容', result: '试机正常', signerName: '王芳' };
  const form = buildServiceForm(ticket.serviceFormSource!, filled);
  const formHash = createHash('sha256').update(canonicalJson(form), 'utf8').digest('hex');
  return { action: 'complete', ...filled, signature: SIGNATURE, formHash };
}

let phones = 0;
/** An in-store repair, done and waiting for its follow-up, with the rating request queued. */
async function doneRepair(d: TicketDesk) {
  phones += 1;
  const c = await d.ok('admin', 'customers.create', {
    name: '王芳',
    phones: [{ number: `1370000${String(phones).padStart(4, '0')}` }],
    contactConsent: true,
  });
  const act = (ticket: TicketDetail, step: StepInput, who: 'repair_lead' | 'technician' = 'technician') =>
    d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
  let ticket = await d.ok('counter', 'tickets.create', {
    type: 'repair',
    customerId: c.id,
    priority: 'normal',
    location: 'in_store',
    address: '',
    model: 'KFR-35GW',
    fault: '不制冷',
    accessories: '遥控器',
    condition: '外壳完好',
  });
  ticket = await act(ticket, { action: 'schedule', technicianId: d.idOf('technician') }, 'repair_lead');
  // Out of warranty: the customer approved the estimate before the work started.
  await d.approveEstimate(ticket.id);
  ticket = await act(await d.ok('counter', 'tickets.get', { id: ticket.id }), { action: 'start_work' });
  ticket = await act(ticket, completion(ticket));
  const followUp = (await d.ok('counter', 'tickets.messages', { ticketId: ticket.id })).messages.find(
    (m) => m.event === 'follow_up',
  )!;
  return { ticket, followUp };
}

const reply = (messageId: string, ticketId: string, rating: number | null, body = String(rating ?? '好的')) =>
  hqRecord('message_reply', newId(), {
    messageId,
    ticketId,
    body,
    rating,
    receivedAt: new Date(sh('2026-11-26 10:04')).toISOString(),
  });

const statusOf = (d: Pick<TestDesk, 'file'>, id: string) =>
  readTable<{ status: string }>(d.file, 'SELECT status FROM ticket WHERE id = ?', id)[0]!.status;
const followUpEvents = (d: Pick<TestDesk, 'file'>, id: string) =>
  readTable<{ action: string; staff_id: string | null; data: string }>(
    d.file,
    "SELECT action, staff_id, data FROM ticket_event WHERE ticket_id = ? AND action LIKE 'follow_up%'",
    id,
  );

describe('what head office sends back', () => {
  it('shows the delivery, and a rating of 5 closes the ticket once, even pulled twice', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const { ticket, followUp } = await doneRepair(d);
    d.setTime(sh('2026-11-26 10:10'));
    const delivery = hqRecord('message_delivery', followUp.id, {
      status: 'delivered',
      attempts: 1,
      provider: 'log',
      providerMessageId: 'log-1',
      lastError: '',
      nextAttemptAt: null,
      sentAt: new Date(sh('2026-11-26 10:00')).toISOString(),
      deliveredAt: new Date(sh('2026-11-26 10:01')).toISOString(),
      updatedAt: new Date(sh('2026-11-26 10:01')).toISOString(),
    });
    const rated = reply(followUp.id, ticket.id, 5);
    await pull(d, [delivery, rated]);
    expect(statusOf(d, ticket.id)).toBe('closed');
    const events = followUpEvents(d, ticket.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'follow_up_satisfied', staff_id: null });
    expect(JSON.parse(events[0]!.data)).toMatchObject({ reached: true, rating: 5, via: 'sms' });
    // The follow-up is this PC's own change: it goes to head office like a call recorded here.
    expect(changeLog(d.file).filter((c) => c.entity === 'ticket_event' && c.op === 'append').length).toBeGreaterThan(0);

    const view = await d.ok('counter', 'tickets.messages', { ticketId: ticket.id });
    expect(view.messages.find((m) => m.id === followUp.id)).toMatchObject({ state: 'delivered', canCancel: false });
    expect(view.replies).toMatchObject([{ rating: 5, recordedFollowUp: true }]);

    await pull(d, [rated]);
    await pull(d, [{ ...rated, serverSeq: rated.serverSeq + 100 }]);
    expect(followUpEvents(d, ticket.id)).toHaveLength(1);
  });

  it('reopens on a low rating, shows a reply without one, and never applies a reply to another ticket', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const low = await doneRepair(d);
    const chat = await doneRepair(d);
    const other = await doneRepair(d);
    d.setTime(sh('2026-11-26 10:10'));
    await pull(d, [
      reply(low.followUp.id, low.ticket.id, 1),
      reply(chat.followUp.id, chat.ticket.id, null, '周六在家吗？'),
      // Names another ticket than its message's: not applied to either.
      reply(low.followUp.id, other.ticket.id, 5),
      // A message this PC never queued (another store's): nothing happens.
      reply(newId(), other.ticket.id, 5),
    ]);
    expect(statusOf(d, low.ticket.id)).toBe('reopened');
    expect(followUpEvents(d, low.ticket.id)).toMatchObject([{ action: 'follow_up_reopen' }]);
    expect(statusOf(d, chat.ticket.id)).toBe('follow_up');
    expect(statusOf(d, other.ticket.id)).toBe('follow_up');
    expect(followUpEvents(d, other.ticket.id)).toEqual([]);
    const shown = await d.ok('counter', 'tickets.messages', { ticketId: chat.ticket.id });
    expect(shown.replies).toMatchObject([{ body: '周六在家吗？', rating: null, recordedFollowUp: false }]);
  });

  it('leaves a follow-up already recorded by phone as it was', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const { ticket, followUp } = await doneRepair(d);
    await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 4,
      problemSolved: true,
    });
    await pull(d, [reply(followUp.id, ticket.id, 1)]);
    expect(statusOf(d, ticket.id)).toBe('closed');
    expect(followUpEvents(d, ticket.id)).toMatchObject([{ action: 'follow_up_satisfied' }]);
  });

  it('records it once on a PC restored from a backup taken before the reply, whatever order the pull brings', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const { ticket, followUp } = await doneRepair(d);
    const backup = tempFile('before-reply.sqlite');
    await d.desk.store!.sqlite.backup(backup);
    d.setTime(sh('2026-11-26 10:10'));
    const rated = reply(followUp.id, ticket.id, 4);
    await pull(d, [rated]);
    const [recorded] = readTable<{ id: string }>(
      d.file,
      "SELECT id FROM ticket_event WHERE ticket_id = ? AND action = 'follow_up_satisfied'",
      ticket.id,
    );
    // What head office holds of that event once this PC pushed it.
    const state = readLocalState(d.desk.store!.statements, syncedEntities, 'ticket_event', recorded!.id)!;
    const event: FeedRecord = { serverSeq: 900, txId: newId(), entity: 'ticket_event', entityId: recorded!.id, state };
    await d.desk.close();

    const restored = await openTestDesk({ file: backup, now: () => sh('2026-11-26 11:00') });
    expect(statusOf(restored, ticket.id)).toBe('follow_up');
    // The reply comes before its event: the event made from it has the event's own id.
    await pull(restored, [rated, event]);
    expect(statusOf(restored, ticket.id)).toBe('closed');
    expect(followUpEvents(restored, ticket.id)).toHaveLength(1);
    await restored.desk.close();
  });
});
