/**
 * F27 (docs/SYNC.md §3b): seeded random runs. Six replicas in three stores make random customer
 * changes (create, edit, note, a link from head office) and sync at random moments through the
 * fault proxy, which cuts, drops, duplicates, delays and fails requests at random. Throughout,
 * no PC may show a customer without the phone it was created with (I6, checked after every commit
 * on every PC). After the run the faults stop, everyone syncs, and invariants I1–I4 must hold (I4:
 * head office's states equal the merge rules applied to all logged changes, in any order). A
 * failing seed is printed; rerun it alone with SYNC_SEED_START=<seed> SYNC_SEEDS=1. CI runs
 * SYNC_SEEDS (default 50) seeds, split between two spec files so the run's two workers share them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkCustomer } from '../../../headoffice/admin/ops';
import { openCounter, type TestCounter } from './counter';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';
import { startTestHeadOffice, testCertificates } from './hq';
import { watchAtomicity, type OriginTransaction } from './atomicity';
import { expectDeterministicMerge } from './merge-model';
import { countAtHq, expectInvariants } from './oracle';

const SEEDS = Number(process.env.SYNC_SEEDS ?? 50);
const FIRST = Number(process.env.SYNC_SEED_START ?? 1);
const OPS = Number(process.env.SYNC_OPS ?? 30);
const STORES = ['S101', 'S102', 'S103'];

/** mulberry32: small, seedable, good enough to pick operations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: ReadonlyArray<Fault> = [
  { kind: 'cut_request', fraction: 0.5 },
  { kind: 'drop_response' },
  { kind: 'cut_response', fraction: 0.4 },
  { kind: 'duplicate' },
  { kind: 'delay', ms: 15 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
];

let proxy: FaultProxy;
let upstream = '';

async function runSeed(seed: number): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(rnd() * items.length)]!;
  const hq = await startTestHeadOffice();
  upstream = hq.url;
  const counters: TestCounter[] = [];
  const together: OriginTransaction[] = [];
  const watches: Array<ReturnType<typeof watchAtomicity>> = [];
  try {
    for (const code of STORES) await hq.addStore(code);
    for (const [i, code] of [...STORES, ...STORES].entries())
      counters.push(await openCounter(hq, { storeCode: code, counterNo: i < 3 ? 1 : 2, via: () => proxy.url }));
    // Each PC's first sync (a snapshot, table by table) is done before the watch begins: until it
    // has finished the counter shows "Loading this store's records" instead of its pages (docs/SYNC.md
    // I6 holds for what the counter shows); ordinary pulls are watched from then on.
    for (const counter of counters) await counter.sync();
    for (const counter of counters) watches.push(watchAtomicity(counter, () => together));
    const created: Array<{ id: string; store: string }> = [];
    const visible = (c: TestCounter) =>
      created.filter((x) =>
        c.store.sqlite.prepare('SELECT 1 FROM customer WHERE id = ? AND deleted_at IS NULL').get(x.id),
      );
    proxy.plan(() => (rnd() < 0.25 ? pick(FAULTS) : null));
    for (let op = 0; op < OPS; op += 1) {
      const counter = pick(counters);
      const store = counter.engine.status().storeCode!;
      const roll = rnd();
      if (roll < 0.3) {
        const customer = await counter.ok('customers.create', {
          name: `顾客${seed}-${op}`,
          phones: [{ number: `13${String(seed % 10)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` }],
        });
        created.push({ id: customer.id, store });
        together.push({
          label: `customer ${customer.id}`,
          records: [
            { table: 'customer', key: 'id', id: customer.id },
            ...customer.phones.map((p) => ({ table: 'customer_phone', key: 'id', id: p.id })),
          ],
        });
      } else if (roll < 0.5) {
        const target = visible(counter);
        if (target.length === 0) continue;
        const id = pick(target).id;
        const now = await counter.ok('customers.get', { id });
        await counter.ok('customers.update', {
          id,
          name: rnd() < 0.5 ? `改名${op}` : now.name,
          notes: `备注${op}`,
          phones: now.phones.map((p) => ({ id: p.id, number: p.number })),
        });
      } else if (roll < 0.6) {
        const target = visible(counter);
        if (target.length > 0)
          await counter.ok('customers.addNote', { customerId: pick(target).id, body: `回访${op}` });
      } else if (roll < 0.65 && created.length > 0) {
        // Head office can link only what it has received; a customer still on its way is skipped.
        await linkCustomer(hq.db, pick(created).id, pick(STORES)).catch((error: unknown) => {
          if (!(error instanceof Error && /^No customer/.test(error.message))) throw error;
        });
      } else {
        await counter.trySync();
      }
    }
    proxy.plan(null);
    for (let round = 0; round < 3; round += 1) for (const counter of counters) await counter.sync();
    await expectInvariants(hq, counters);
    expect(await countAtHq(hq, 'customer')).toBe(created.length);
    expect(watches.flatMap((w) => w.violations)).toEqual([]);
    await expectDeterministicMerge(hq, counters, { seed });
  } finally {
    for (const watch of watches) watch.stop();
    proxy.plan(null);
    for (const counter of counters) await counter.close();
    await hq.close();
  }
}

/**
 * One half of the run's seeds (0: the first half, 1: the rest), in the file that calls it. Each
 * file has its own fault proxy; a half with no seeds (SYNC_SEEDS=1) registers a skipped test.
 */
export function describeRandomRuns(half: 0 | 1): void {
  const firstHalf = Math.ceil(SEEDS / 2);
  const from = half === 0 ? FIRST : FIRST + firstHalf;
  const count = half === 0 ? firstHalf : SEEDS - firstHalf;
  describe(`F27: ${count} of ${SEEDS} seeded random runs with random faults`, () => {
    beforeAll(async () => {
      proxy = await startFaultProxy({ upstream: () => upstream, tls: await testCertificates() });
    });
    afterAll(async () => {
      await proxy?.close();
    });
    it.skipIf(count === 0)(
      `seeds ${from}…${from + count - 1} keep I1–I4 and I6`,
      async () => {
        for (let seed = from; seed < from + count; seed += 1) {
          try {
            await runSeed(seed);
          } catch (error) {
            process.stderr.write(`\nF27 FAILED at seed ${seed}: rerun with SYNC_SEED_START=${seed} SYNC_SEEDS=1\n`);
            throw new Error(`seed ${seed}: ${error instanceof Error ? error.message : String(error)}`, {
              cause: error,
            });
          }
        }
      },
      900_000,
    );
  });
}
