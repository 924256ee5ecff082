/**
 * The report rollups stay equal to a recomputation from the merged states whatever arrives: random
 * pushes from two stores of new tickets, header corrections (category, channel, the month), status
 * moves including reopening, SLA breaches, follow-up ratings, deletions, stock movements, retried
 * batches and head office's own writes. A rebuild from the states gives the same rollups.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAsHq } from '../../../headoffice/admin/ops';
import type { HqDatabase } from '../../../headoffice/db/open';
import { rebuildReportRollups, rebuildReportRollupsIfStale } from '../../../headoffice/reports/rebuild';
import type { Hlc } from '../../../db/sync/hlc';
import {
  movement,
  newId,
  recomputedRollups,
  reportsDatabase,
  rollupRows,
  ticketEvent,
  ticketInsert,
  TestStore,
  type Change,
} from './support';

let db: HqDatabase;
let hqClock: Hlc;
let close: () => Promise<void>;
let stores: TestStore[];

beforeAll(async () => {
  ({ db, hqClock, close } = await reportsDatabase());
  stores = [await TestStore.open(db, hqClock, 'S001'), await TestStore.open(db, hqClock, 'S002')];
});
afterAll(() => close());

const TYPES = ['consultation', 'complaint', 'aftersales', 'repair', 'feedback'];
const STATUSES = ['recorded', 'assigned', 'follow_up', 'reopened', 'resolved', 'closed', 'voided', 'answered'];
const CATEGORIES = ['product_quality', 'service_attitude', 'delivery'];
const CHANNELS = ['phone', 'in_store', 'online'];
const DAYS = ['2026-01-05', '2026-01-31', '2026-02-01', '2026-02-14', '2026-03-03'];
const PARTS = ['p1', 'p2'];

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:30:00.000Z`;

/** One step of the model: what a store (or head office) does next. `pick` numbers index into what exists. */
const step = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    type: fc.constantFrom(...TYPES),
    day: fc.constantFrom(...DAYS),
    hour: fc.nat(23),
    category: fc.constantFrom(...CATEGORIES),
    channel: fc.constantFrom(...CHANNELS),
  }),
  fc.record({
    kind: fc.constant('recategorise' as const),
    pick: fc.nat(),
    category: fc.constantFrom(...CATEGORIES),
    channel: fc.constantFrom(...CHANNELS),
  }),
  fc.record({ kind: fc.constant('redate' as const), pick: fc.nat(), day: fc.constantFrom(...DAYS) }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    from: fc.constantFrom(...STATUSES),
    to: fc.constantFrom(...STATUSES),
    day: fc.constantFrom(...DAYS),
    hour: fc.nat(23),
  }),
  fc.record({ kind: fc.constant('breach' as const), pick: fc.nat(), clock: fc.constantFrom('respond', 'resolve') }),
  fc.record({ kind: fc.constant('rate' as const), pick: fc.nat(), rating: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('escalate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('stock' as const),
    part: fc.constantFrom(...PARTS),
    move: fc.constantFrom('receive', 'issue', 'return_from_job', 'adjust'),
    qty: fc.integer({ min: 1, max: 9 }),
    day: fc.constantFrom(...DAYS),
  }),
  fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('hq' as const), pick: fc.nat(), category: fc.constantFrom(...CATEGORIES) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const batch = fc.record({ store: fc.nat(1), steps: fc.array(step, { minLength: 1, maxLength: 6 }) });

describe('report rollups', () => {
  it('equal a recomputation from the merged states after random pushes, retries and head-office writes', async () => {
    const tickets: { id: string; store: number }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 8 }), async (batches) => {
        for (const { store, steps } of batches) {
          const pc = stores[store]!;
          const mine = tickets.filter((t) => t.store === store);
          const changes: Change[] = [];
          const hqWrites: Change[] = [];
          const pickTicket = (pick: number) => (mine.length > 0 ? mine[pick % mine.length]!.id : null);
          for (const s of steps as Step[]) {
            if (s.kind === 'create') {
              const id = newId();
              tickets.push({ id, store });
              mine.push({ id, store });
              const complaint = s.type === 'complaint' || s.type === 'feedback';
              changes.push(
                ticketInsert({
                  id,
                  storeId: pc.storeId,
                  type: s.type,
                  createdAt: at(s.day, s.hour),
                  category: complaint ? s.category : undefined,
                  channel: s.type === 'repair' ? undefined : s.channel,
                }),
                ticketEvent(id, 'create', at(s.day, s.hour), { to: 'recorded' }),
              );
              continue;
            }
            if (s.kind === 'stock') {
              const sign = s.move === 'issue' ? -1 : 1;
              changes.push(movement(s.part, s.move, sign * s.qty, at(s.day, 10)));
              continue;
            }
            if (s.kind === 'retry') {
              if (pc.sent.length > 0) await pc.retry(s.pick % pc.sent.length);
              continue;
            }
            const id = pickTicket(s.pick);
            if (id === null) continue;
            if (s.kind === 'recategorise')
              changes.push({
                entity: 'ticket',
                entityId: id,
                op: 'update',
                fields: { 'form.category': s.category, 'form.channel': s.channel },
              });
            else if (s.kind === 'redate')
              changes.push({ entity: 'ticket', entityId: id, op: 'update', fields: { createdAt: at(s.day, 12) } });
            else if (s.kind === 'move')
              changes.push(ticketEvent(id, 'step', at(s.day, s.hour), { from: s.from, to: s.to }));
            else if (s.kind === 'breach')
              changes.push(ticketEvent(id, 'sla_breach', at('2026-03-03', 1), { data: { clock: s.clock } }));
            else if (s.kind === 'rate')
              changes.push(
                ticketEvent(id, 'follow_up_satisfied', at('2026-03-03', 2), {
                  from: 'follow_up',
                  to: 'closed',
                  data: { rating: s.rating },
                }),
              );
            else if (s.kind === 'escalate') changes.push(ticketEvent(id, 'escalate', at('2026-03-03', 3)));
            else if (s.kind === 'delete') changes.push({ entity: 'ticket', entityId: id, op: 'delete', fields: {} });
            else if (s.kind === 'hq')
              hqWrites.push({ entity: 'ticket', entityId: id, op: 'update', fields: { 'form.category': s.category } });
          }
          if (changes.length > 0) {
            const answer = await pc.push(changes);
            expect(answer.results.filter((r) => r.status === 'rejected')).toEqual([]);
          }
          if (hqWrites.length > 0) await writeAsHq(db, hqClock, hqWrites);
        }
        const [held, recomputed] = [await rollupRows(db), await recomputedRollups(db)];
        expect(held).toEqual(recomputed);
      }),
      { numRuns: 25 },
    );
    const before = await rollupRows(db);
    expect(before.month!.length).toBeGreaterThan(3);
    expect(before.parts!.length).toBeGreaterThan(0);
    await rebuildReportRollups(db);
    expect(await rollupRows(db)).toEqual(before);
    // A database migrated with tickets already held is marked stale and rebuilt at the next start.
    expect(await rebuildReportRollupsIfStale(db)).toBe(false);
    await sql`DELETE FROM report_month`.execute(db);
    await sql`INSERT INTO server_meta (key, value) VALUES ('report_rollups', 'stale')`.execute(db);
    expect(await rebuildReportRollupsIfStale(db)).toBe(true);
    expect(await rollupRows(db)).toEqual(before);
  }, 120_000);
});
