/**
 * F24 (docs/SYNC.md §3b): five PCs of one store work the same complaint while they are offline — each
 * corrects some intake details and takes workflow steps (assign, escalate, start the
 * investigation, a note, now and then a void) — and then sync in a seeded order. Every PC must end
 * with the same ticket: the status folded from all events in (hlc, replica) order, steps that no
 * longer fit kept and flagged, each header field the value of its latest stamp. The model for I4
 * is computed from the five change logs with the same rules (support/merge-model.ts); I1–I3 too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { summaryLine } from '../../db/tickets/intake';
import { createRandom } from '../support/generator';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import {
  expectDeterministicMerge,
  loggedChanges,
  modelState,
  modelTicketStatus,
  shuffled,
} from './support/merge-model';
import { expectInvariants } from './support/oracle';

const SEEDS = Number(process.env.SYNC_F24_SEEDS ?? 4);
let hq: TestHeadOffice;
let pcs: TestCounter[] = [];

const syncAll = async (order: ReadonlyArray<TestCounter> = pcs) => {
  for (const pc of order) await pc.sync();
};

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S041');
  for (let n = 1; n <= 5; n += 1) pcs.push(await openCounter(hq, { storeCode: 'S041', counterNo: n }));
  // Twice round, so every PC knows every colleague (an assignee must be staff of the store).
  await syncAll();
  await syncAll();
});

afterAll(async () => {
  for (const pc of pcs) await pc.close();
  pcs = [];
  await hq?.close();
});

type Intake = {
  type: 'complaint';
  customerId: string;
  channel: 'phone' | 'email' | 'in_store' | 'online';
  category: 'product_quality' | 'service_attitude' | 'delivery' | 'aftersales' | 'other';
  whatHappened: string;
  customerWants: string;
  priority: 'normal' | 'high' | 'urgent';
};

const adminOf = (pc: TestCounter) =>
  readTable<{ id: string }>(pc.file, "SELECT id FROM staff WHERE role = 'admin' AND pin_hash LIKE 'scrypt$%'")[0]!.id;

/** One PC's offline work on the ticket: an intake correction and one or two steps, in some order. */
async function workOffline(
  pc: TestCounter,
  ticketId: string,
  base: Intake,
  rnd: () => number,
  n: number,
): Promise<void> {
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(rnd() * items.length)]!;
  const current = () => pc.ok('tickets.get', { id: ticketId });
  const step = async (s: StepInput) => {
    const ticket = await current();
    const result = await pc.call('tickets.act', { ticketId, version: ticket.version, step: s });
    // A step this PC's view no longer allows (after its own void, say) is simply not taken.
    if (!result.ok && result.error.code !== 'validation')
      throw new Error(`PC ${n}: ${s.action} failed: ${JSON.stringify(result.error)}`);
  };
  const correct = async () => {
    const intake: Intake = { ...base };
    const edits = [
      () => (intake.priority = pick(['high', 'urgent'] as const)),
      () => (intake.channel = pick(['phone', 'email', 'online'] as const)),
      () => (intake.whatHappened = `${base.whatHappened}（${n}号机补充）`),
      () => (intake.customerWants = `${n}号机：${pick(['上门道歉', '赔偿', '换人安装'])}`),
      () => (intake.category = pick(['delivery', 'aftersales'] as const)),
    ];
    pick(edits)();
    if (rnd() < 0.5) pick(edits)();
    const ticket = await current();
    if (ticket.status === 'voided') return;
    await pc.ok('tickets.update', { id: ticketId, version: ticket.version, intake });
  };
  const steps: Array<() => Promise<void>> = [
    async () => {
      await step({ action: 'assign', assigneeId: pick(pcs.map(adminOf)), note: `${n}号机分派` });
      if (rnd() < 0.6) await step({ action: 'start_investigation', note: '开始调查' });
    },
    () => step({ action: 'escalate', reason: `${n}号机：顾客情绪激动` }),
    async () => {
      await pc.ok('tickets.note', { ticketId, note: `${n}号机：已电话安抚` });
    },
    ...(rnd() < 0.06 ? [() => step({ action: 'void', reason: `${n}号机：重复登记` })] : []),
  ];
  const chosen = [correct, pick(steps), ...(rnd() < 0.5 ? [pick(steps)] : [])];
  for (const work of rnd() < 0.5 ? chosen : chosen.reverse()) await work();
}

const HEADER = ['priority', 'channel', 'category', 'summary', 'updatedAt'] as const;
const seen = (pc: TestCounter, id: string) =>
  readTable<Record<string, unknown>>(
    pc.file,
    'SELECT status, assignee_id, escalated_at, flagged_events, priority, channel, category, summary, form, updated_at FROM ticket WHERE id = ?',
    id,
  )[0];

describe('F24: five PCs of one store work one ticket offline', () => {
  it.each(Array.from({ length: SEEDS }, (_, i) => i + 1))(
    'seed %i: every PC ends with the same status from the events and the latest value of each header field',
    async (seed) => {
      const rnd = createRandom(seed * 101);
      const first = pcs[0]!;
      const customer = await first.ok('customers.create', {
        name: `投诉人${seed}`,
        phones: [{ number: `1590000${String(seed).padStart(4, '0')}` }],
      });
      const base: Intake = {
        type: 'complaint',
        customerId: customer.id,
        channel: 'in_store',
        category: 'service_attitude',
        whatHappened: '安装师傅迟到且态度差',
        customerWants: '道歉',
        priority: 'normal',
      };
      const ticket: TicketDetail = await first.ok('tickets.create', base);
      await syncAll();

      for (const [i, pc] of pcs.entries()) await workOffline(pc, ticket.id, base, rnd, i + 1);
      // Back online, one after the other in a seeded order; then everyone until nothing moves.
      await syncAll(shuffled(pcs, rnd));
      await syncAll(shuffled(pcs, rnd));
      await syncAll(shuffled(pcs, rnd));

      const changes = loggedChanges(pcs);
      const model = modelTicketStatus(changes, ticket.id);
      const header = modelState(
        'ticket',
        changes.filter((c) => c.entity === 'ticket' && c.entityId === ticket.id),
      );
      const views = pcs.map((pc) => seen(pc, ticket.id)!);
      for (const [i, view] of views.entries()) {
        expect(view, `PC ${i + 1}`).toEqual(views[0]);
        expect(view.status, `status on PC ${i + 1}`).toBe(model.status);
        expect(view.flagged_events, `flagged events on PC ${i + 1}`).toBe(model.flagged);
      }
      // Each header field: the value written with the latest stamp, wherever it was written.
      for (const field of HEADER) {
        const writes = changes
          .filter((c) => c.entity === 'ticket' && c.entityId === ticket.id && field in c.fields)
          .sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
        expect(header.fields[field], field).toEqual(writes.at(-1)!.fields[field]);
        expect(views[0]![field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)], field).toEqual(
          writes.at(-1)!.fields[field],
        );
      }
      // The intake form key by key (each correction of one detail survives), and the row's copies agree with it.
      const form = JSON.parse(String(views[0]!.form)) as Record<string, unknown>;
      for (const key of ['channel', 'category', 'whatHappened', 'customerWants']) {
        const writes = changes
          .filter((c) => c.entity === 'ticket' && c.entityId === ticket.id && `form.${key}` in c.fields)
          .sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
        expect(form[key], `form.${key}`).toEqual(writes.at(-1)!.fields[`form.${key}`]);
      }
      expect(views[0]).toMatchObject({
        summary: summaryLine(String(form.whatHappened)),
        channel: form.channel,
        category: form.category,
      });
      const events = readTable<{ n: number }>(
        first.file,
        'SELECT count(*) AS n FROM ticket_event WHERE ticket_id = ?',
        ticket.id,
      )[0]!.n;
      expect(events).toBe(changes.filter((c) => c.entity === 'ticket_event' && c.fields.ticketId === ticket.id).length);
      const i4 = await expectDeterministicMerge(hq, pcs, { entities: ['ticket', 'ticket_event'], seed });
      expect(i4.skipped).toBe(0);
      await expectInvariants(hq, pcs);
    },
  );
});
