/**
 * A small chain whose every report number is known by hand: two stores, six tickets and a deleted
 * one, follow-up ratings, SLA breaches, repairs, and parts issued, returned and left on the shelf.
 * Pushed as the stores' PCs would (handlePush), the catalogue written as head office. The reports'
 * route test and the console's end-to-end test both check the numbers it gives.
 */
import { writeAsHq } from '../../../headoffice/admin/ops';
import type { HqDatabase } from '../../../headoffice/db/open';
import type { Hlc } from '../../../db/sync/hlc';
import { movement, newId, ticketEvent, ticketInsert, TestStore, type Change } from './support';

/** "Now" for the slow-stock numbers. */
export const SEED_NOW = Date.parse('2026-03-01T04:00:00Z');

export type SeededChain = { s1: TestStore; s2: TestStore };

function ticket(
  store: TestStore,
  type: string,
  createdAt: string,
  form: { category?: string; channel?: string },
  steps: Array<[action: string, at: string, from: string | null, to: string | null, data?: Record<string, unknown>]>,
): Change[] {
  const id = newId();
  return [
    ticketInsert({ id, storeId: store.storeId, type, createdAt, ...form }),
    ticketEvent(id, 'create', createdAt, { to: type === 'repair' ? 'received' : 'recorded' }),
    ...steps.map(([action, at, from, to, data]) => ticketEvent(id, action, at, { from, to, data })),
  ];
}

export async function seedReportChain(db: HqDatabase, hqClock: Hlc): Promise<SeededChain> {
  const s1 = await TestStore.open(db, hqClock, 'S001', '南京西路店');
  const s2 = await TestStore.open(db, hqClock, 'S002', '徐家汇店');
  await writeAsHq(db, hqClock, [
    {
      entity: 'part',
      entityId: 'p-filter',
      op: 'insert',
      fields: { partNo: 'F-100', name: '滤芯', costFen: 2500, priceFen: 4000 },
    },
    {
      entity: 'part',
      entityId: 'p-belt',
      op: 'insert',
      fields: { partNo: 'B-200', name: '皮带', costFen: 1200, priceFen: 2000 },
    },
  ]);
  await s1.push([
    // Resolved within the clocks, rated 5; 48 h from taking to the solution.
    ...ticket(s1, 'complaint', '2026-01-10T02:00:00Z', { category: 'product_quality', channel: 'phone' }, [
      ['assign', '2026-01-10T03:00:00Z', 'recorded', 'assigned'],
      ['inform_customer', '2026-01-12T02:00:00Z', 'solution_proposed', 'follow_up'],
      ['follow_up_satisfied', '2026-01-13T02:00:00Z', 'follow_up', 'resolved', { rating: 5 }],
    ]),
    // Never answered: the reply clock breached.
    ...ticket(s1, 'complaint', '2026-01-20T02:00:00Z', { category: 'service_attitude', channel: 'in_store' }, [
      ['sla_breach', '2026-01-20T06:00:00Z', null, null, { clock: 'respond' }],
    ]),
    // Answered, resolution breached, the customer unhappy (2) and the ticket reopened.
    ...ticket(s1, 'complaint', '2026-02-05T02:00:00Z', { category: 'product_quality', channel: 'online' }, [
      ['assign', '2026-02-05T03:00:00Z', 'recorded', 'assigned'],
      ['inform_customer', '2026-02-06T02:00:00Z', 'solution_proposed', 'follow_up'],
      ['sla_breach', '2026-02-06T05:00:00Z', null, null, { clock: 'resolve' }],
      ['follow_up_reopen', '2026-02-07T02:00:00Z', 'follow_up', 'reopened', { rating: 2 }],
    ]),
    // A repair done in 12 hours, rated 4.
    ...ticket(s1, 'repair', '2026-02-10T01:00:00Z', {}, [
      ['schedule', '2026-02-10T03:00:00Z', 'received', 'scheduled'],
      ['complete', '2026-02-10T13:00:00Z', 'in_repair', 'follow_up'],
      ['follow_up_satisfied', '2026-02-11T02:00:00Z', 'follow_up', 'closed', { rating: 4 }],
    ]),
    movement('p-filter', 'receive', 10, '2025-06-01T02:00:00Z', 2500),
    movement('p-filter', 'issue', -3, '2026-01-15T02:00:00Z', 2500),
    movement('p-belt', 'receive', 5, '2026-01-02T02:00:00Z', 1200),
    movement('p-belt', 'issue', -2, '2026-02-03T02:00:00Z', 1200),
    movement('p-belt', 'return_from_job', 1, '2026-02-04T02:00:00Z', 1200),
  ]);
  const deleted = ticket(s2, 'complaint', '2026-01-08T02:00:00Z', { category: 'other', channel: 'phone' }, []);
  await s2.push([
    // Voided at once: answered, no resolution clock.
    ...ticket(s2, 'complaint', '2026-02-15T02:00:00Z', { category: 'delivery', channel: 'phone' }, [
      ['void', '2026-02-15T03:00:00Z', 'recorded', 'voided'],
    ]),
    // A repair of 96 hours whose resolution clock breached.
    ...ticket(s2, 'repair', '2026-01-05T00:00:00Z', {}, [
      ['schedule', '2026-01-05T01:00:00Z', 'received', 'scheduled'],
      ['complete', '2026-01-09T00:00:00Z', 'in_repair', 'follow_up'],
      ['sla_breach', '2026-01-08T00:00:00Z', null, null, { clock: 'resolve' }],
    ]),
    ...deleted,
    // Stock that never moved since it came in: slow.
    movement('p-filter', 'receive', 4, '2025-05-01T02:00:00Z', 2500),
  ]);
  await s2.push([{ entity: 'ticket', entityId: deleted[0]!.entityId, op: 'delete', fields: {} }]);
  return { s1, s2 };
}
