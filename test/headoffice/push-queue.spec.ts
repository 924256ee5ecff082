/**
 * Pushes wait for their turn in head office's process, not inside PostgreSQL holding a pool
 * connection (headoffice/push-queue.ts): a burst of pushes leaves the pool to the pulls, which take
 * no lock. Under the chain's load, pulls waited behind pushes for a connection and were as slow as
 * pushes at the tail (docs/architecture/console-pull-cost.md, "The tail").
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCursor, PROTOCOL_VERSION } from '../../db/sync/protocol';
import { HqError } from '../../headoffice/auth';
import { connectHq, readMeta, type HqDatabase } from '../../headoffice/db/open';
import { handlePull } from '../../headoffice/pull';
import { handlePush } from '../../headoffice/push';
import { createPushQueue } from '../../headoffice/push-queue';
import { storeChanges, type StoreMix } from '../bench/hq-load-mix';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let db: HqDatabase;
const PCS = 7;
const pcs = Array.from({ length: PCS }, (_, i) => ({
  id: `queue-pc${i}`,
  storeId: '',
  name: `PC ${i}`,
  replicaId: `queue-replica-${i}`,
  mix: { storeId: '', customers: [] } as StoreMix,
}));

beforeAll(async () => {
  hq = await startTestHeadOffice();
  for (const [i, pc] of pcs.entries()) {
    pc.storeId = await hq.addStore(`Q${String(i).padStart(3, '0')}`);
    pc.mix.storeId = pc.storeId;
    await sql`INSERT INTO device (id, store_id, name, status, refresh_hash, counter_no)
      VALUES (${pc.id}, ${pc.storeId}, ${pc.name}, 'active', ${`hash-${i}`}, 1)`.execute(hq.db);
  }
  // Two connections: one for the push whose turn it is, one left for everything else.
  db = connectHq(hq.pgUrl, { max: 2 });
});

afterAll(async () => {
  await db?.destroy();
  await hq?.close();
});

describe('pushes queue in the process', () => {
  it('a pull during a burst of pushes is answered before the burst has been applied, and every push applies', async () => {
    const finished: string[] = [];
    const pushers = pcs.slice(0, PCS - 1);
    const pushes = pushers.map((pc, i) =>
      handlePush(
        db,
        pc,
        {
          protocol: PROTOCOL_VERSION,
          replicaId: pc.replicaId,
          schemaVersion: 16,
          appVersion: 'test',
          changes: storeChanges(pc.mix, `r${i}`, 1, 240, Date.now()),
        },
        hq.hqClock,
        Date.now(),
      ).then((answer) => {
        finished.push(pc.id);
        return answer;
      }),
    );
    const puller = pcs.at(-1)!;
    const epoch = await readMeta(hq.db, 'epoch');
    const pull = handlePull(
      db,
      puller,
      { replicaId: puller.replicaId, cursor: formatCursor(epoch, 0), maxBytes: 1_000_000 },
      Date.now(),
    ).then((page) => {
      finished.push('pull');
      return page;
    });
    const answers = await Promise.all(pushes);
    expect((await pull).reset).toBeUndefined();
    // With the pushes waiting for the feed lock inside PostgreSQL, both connections were theirs and
    // the pull's statements queued behind the pushes' for the pool: it came back among the last.
    expect(finished.indexOf('pull')).toBeLessThanOrEqual(2);
    for (const answer of answers) {
      expect(answer.lastAppliedSeq).toBe(240);
      expect(answer.results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
    // Their feed rows were numbered in commit order without a gap.
    const feed = await sql<{ n: number; low: number; high: number }>`
      SELECT count(*)::int AS n, min(server_seq)::int AS low, max(server_seq)::int AS high FROM change_feed
      WHERE origin_replica LIKE 'queue-replica-%'`.execute(hq.db);
    const { n, low, high } = feed.rows[0]!;
    expect(n).toBeGreaterThan(0);
    expect(high - low + 1).toBe(n);
  });

  it('runs one push at a time in arrival order, a failed push does not stop the next, and refuses a push beyond its limit with 503', async () => {
    const queue = createPushQueue(3);
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      log.push('first starts');
      await gate;
      log.push('first ends');
      throw new Error('first failed');
    });
    const second = queue.run(async () => {
      log.push('second runs');
      return 2;
    });
    const third = queue.run(async () => 3);
    expect(queue.size).toBe(3);
    const refused = await queue.run(async () => 4).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HqError);
    expect((refused as HqError).status).toBe(503);
    expect(log).toEqual(['first starts']);
    release();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(await third).toBe(3);
    expect(log).toEqual(['first starts', 'first ends', 'second runs']);
    expect(queue.size).toBe(0);
  });

  it('lets the next push start when one has not settled within its turn', async () => {
    const queue = createPushQueue(10, 50);
    const stuck = queue.run(() => new Promise<never>(() => {}));
    const started = Date.now();
    expect(await queue.run(async () => 'next')).toBe('next');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(queue.size).toBe(1);
    void stuck;
  });

  it('skips a push whose PC stopped waiting, or that waited longer than a PC waits, answering 503 without running it', async () => {
    const queue = createPushQueue(10, 30_000, 40);
    let release!: () => void;
    const first = queue.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const ran: string[] = [];
    let wanted = true;
    const abandoned = queue.run(
      async () => ran.push('abandoned'),
      () => wanted,
    );
    wanted = false;
    const late = queue.run(async () => ran.push('late'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    release();
    expect(await first).toBe('first');
    for (const skipped of [abandoned, late]) {
      const error = await skipped.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HqError);
      expect((error as HqError).status).toBe(503);
    }
    expect(ran).toEqual([]);
    // A push queued now, with nothing ahead of it, runs.
    expect(await queue.run(async () => 'fresh')).toBe('fresh');
    expect(queue.size).toBe(0);
  });
});
