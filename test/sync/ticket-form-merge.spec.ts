/**
 * F24, intake corrections (docs/SYNC.md §2.5: ticket header fields merge per field, the intake form per
 * key). Two PCs of one store correct different details of the same complaint while offline: PC A
 * what happened, PC B later the channel. Whichever syncs first, both corrections survive on every
 * PC and at head office, the summary line, channel and category say what the merged form says, and
 * every replica holds the same ticket (I1–I3, I4 over the two change logs). A PC not yet upgraded,
 * whose outbox carries the whole form, still syncs: its form sets every key it holds at its stamp.
 */
import { expandState } from '../../db/sync/compact-state';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordState } from '../../db/sync/protocol';
import { summaryLine } from '../../db/tickets/intake';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectDeterministicMerge } from './support/merge-model';
import { expectInvariants } from './support/oracle';

let hq: TestHeadOffice;
let pcA: TestCounter;
let pcB: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S043');
  pcA = await openCounter(hq, { storeCode: 'S043', counterNo: 1 });
  pcB = await openCounter(hq, { storeCode: 'S043', counterNo: 2 });
  for (const pc of [pcA, pcB, pcA, pcB]) await pc.sync();
});

afterAll(async () => {
  await pcA?.close();
  await pcB?.close();
  await hq?.close();
});

const syncAll = async (order: ReadonlyArray<TestCounter>) => {
  for (const pc of [...order, ...order]) await pc.sync();
};

const seen = (pc: TestCounter, id: string) =>
  readTable<{ form: string; summary: string; channel: string; category: string }>(
    pc.file,
    'SELECT form, summary, channel, category FROM ticket WHERE id = ?',
    id,
  )[0]!;

async function complaintOnBoth(n: number) {
  const customer = await pcA.ok('customers.create', {
    name: `投诉人${n}`,
    phones: [{ number: `1590043${String(n).padStart(4, '0')}` }],
  });
  const intake = {
    type: 'complaint' as const,
    customerId: customer.id,
    channel: 'in_store' as const,
    category: 'delivery' as const,
    whatHappened: '送货迟到',
    customerWants: '道歉',
  };
  const ticket = await pcA.ok('tickets.create', intake);
  await syncAll([pcA, pcB]);
  return { intake, ticket };
}

/** A corrects what happened, then B (later, not having seen it) the channel: both offline. */
async function correctBoth(intake: Awaited<ReturnType<typeof complaintOnBoth>>['intake'], id: string) {
  const onA = await pcA.ok('tickets.get', { id });
  await pcA.ok('tickets.update', {
    id,
    version: onA.version,
    intake: { ...intake, whatHappened: '送货迟到三小时，师傅未提前电话' },
  });
  const onB = await pcB.ok('tickets.get', { id });
  await pcB.ok('tickets.update', { id, version: onB.version, intake: { ...intake, channel: 'phone' } });
}

async function hqForm(id: string): Promise<RecordState> {
  const row = await sql<{
    state: RecordState;
  }>`SELECT state FROM entity_state WHERE entity = 'ticket' AND entity_id = ${id}`.execute(hq.db);
  return expandState(row.rows[0]!.state);
}

describe('F24: two PCs correct different details of one ticket offline', () => {
  it.each([
    ['A syncs first', () => [pcA, pcB]],
    ['B syncs first', () => [pcB, pcA]],
  ])(
    '%s: both corrections survive on every PC and at head office, and the summary follows the form',
    async (_name, order) => {
      const { intake, ticket } = await complaintOnBoth(order()[0] === pcA ? 1 : 2);
      await correctBoth(intake, ticket.id);
      await syncAll(order());

      const expected = {
        channel: 'phone',
        category: 'delivery',
        whatHappened: '送货迟到三小时，师傅未提前电话',
        customerWants: '道歉',
        serious: false,
        about: 'none',
      };
      for (const [name, pc] of [
        ['A', pcA],
        ['B', pcB],
      ] as const) {
        const row = seen(pc, ticket.id);
        expect(JSON.parse(row.form), `form on PC ${name}`).toEqual(expected);
        expect(row).toMatchObject({
          summary: summaryLine(expected.whatHappened),
          channel: 'phone',
          category: 'delivery',
        });
        // What the counter shows and prints: the ticket details from the desk.
        expect(await pc.ok('tickets.get', { id: ticket.id })).toMatchObject({
          summary: summaryLine(expected.whatHappened),
          channel: 'phone',
        });
      }
      const atHq = await hqForm(ticket.id);
      expect(atHq.fields).toMatchObject({
        'form.whatHappened': expected.whatHappened,
        'form.channel': 'phone',
        summary: summaryLine(expected.whatHappened),
        channel: 'phone',
      });
      expect(atHq.fields).not.toHaveProperty('form');
      await expectDeterministicMerge(hq, [pcA, pcB], { entities: ['ticket'] });
      await expectInvariants(hq, [pcA, pcB]);
    },
  );

  it('a correction from a PC not yet upgraded (the whole form in its outbox) still applies and converges', async () => {
    const { intake, ticket } = await complaintOnBoth(3);
    await correctBoth(intake, ticket.id);
    // B's outbox row as an older version logs it: the whole form, and only the columns that changed.
    const file = pcB.store.sqlite;
    const last = file
      .prepare("SELECT seq, fields FROM change_log WHERE entity = 'ticket' AND entity_id = ? ORDER BY seq DESC LIMIT 1")
      .get(ticket.id) as { seq: number; fields: string };
    const { 'form.channel': channel, ...rest } = JSON.parse(last.fields) as Record<string, unknown>;
    expect(channel).toBe('phone');
    file
      .prepare('UPDATE change_log SET fields = ? WHERE seq = ?')
      .run(JSON.stringify({ ...rest, form: seen(pcB, ticket.id).form }), last.seq);
    await syncAll([pcA, pcB]);

    // The old shape sets every key it holds at its (later) stamp: B's whole form wins each key.
    const expected = {
      channel: 'phone',
      category: 'delivery',
      whatHappened: '送货迟到',
      customerWants: '道歉',
      serious: false,
      about: 'none',
    };
    for (const [name, pc] of [
      ['A', pcA],
      ['B', pcB],
    ] as const) {
      const row = seen(pc, ticket.id);
      expect(JSON.parse(row.form), `form on PC ${name}`).toEqual(expected);
      expect(row).toMatchObject({ summary: expected.whatHappened, channel: 'phone', category: 'delivery' });
    }
    expect((await hqForm(ticket.id)).fields).toMatchObject({
      'form.whatHappened': '送货迟到',
      'form.channel': 'phone',
      summary: '送货迟到',
    });
    await expectInvariants(hq, [pcA, pcB]);
  });
});
