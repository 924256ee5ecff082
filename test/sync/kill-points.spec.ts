/**
 * F15 (docs/SYNC.md §3b): the app killed with `kill -9` in the middle of a local write, a push, a pull or
 * an apply. One counter PC runs in a child process (support/kill-child.ts) on a real store file,
 * writing customers and editing them while its sync engine pushes and pulls (before each run the
 * colleague's PC in this process makes customers for it to pull and apply). Each seed picks where
 * it dies: the Nth pass through a point of those paths (support/kill-points.ts), or a random delay.
 * Then the same file is opened again here, synced to quiescence, and checked: every write the
 * child reported committed is on the PC and at head office (edits at least as new as reported),
 * nothing is applied twice, cursor and acknowledged seq never went back — not even right after the
 * crash — and I1–I3 hold. The same file lives through all the seeds, as a PC that crashes again
 * and again would.
 *
 * CI runs SYNC_F15_KILLS (default 32: 20–40 s here) seeds. docs/SYNC.md asks for 500: SYNC_F15_KILLS=500
 * passed here in 741 s (2 cores shared with other work), 479 runs killed and 21 that outran their
 * plan. A failing seed is printed; rerun from it with SYNC_F15_SEED_START=<seed> (on a fresh file,
 * so a failure that needs earlier crashes may need the seeds before it too).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { bundleKillChild, runChild, type ChildBundle, type ChildRun } from './support/child-counter';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { killPlan, type KillPlan } from './support/kill-points';
import { expectInvariants, progressOf } from './support/oracle';

const KILLS = Number(process.env.SYNC_F15_KILLS ?? 32);
const FIRST = Number(process.env.SYNC_F15_SEED_START ?? 1);
const WRITES = 4;
const PULL_BYTES = 2048;

let bundle: ChildBundle;
let hq: TestHeadOffice;
let colleague: TestCounter;
let file: string;
let versionBase = 1;
let colleagueWrites = 0;

beforeAll(async () => {
  bundle = await bundleKillChild();
  hq = await startTestHeadOffice();
  await hq.addStore('S015');
  // The PC that will be killed: set up and enrolled here, then left to the child processes.
  const first = await openCounter(hq, { storeCode: 'S015', counterNo: 1 });
  await first.sync();
  file = first.file;
  await first.engine.stop();
  await first.desk.close();
  colleague = await openCounter(hq, { storeCode: 'S015', counterNo: 2 });
  await colleague.sync();
});

afterAll(async () => {
  await colleague?.close();
  await hq?.close();
  bundle?.remove();
  if (file) rmSync(dirname(file), { recursive: true, force: true });
});

type Report = { created: string[]; noted: Map<string, number>; hit: string | null; done: boolean };

function readReport(run: ChildRun): Report {
  const report: Report = { created: [], noted: new Map(), hit: null, done: false };
  for (const line of run.lines) {
    const [word, id, n] = line.split(' ');
    if (word === 'created') report.created.push(id!);
    if (word === 'noted') report.noted.set(id!, Math.max(report.noted.get(id!) ?? 0, Number(n)));
    if (word === 'hit') report.hit = `${id} #${n}`;
    if (word === 'done') report.done = true;
  }
  return report;
}

const version = (notes: unknown) => Number(String(notes ?? '').replace(/^v/, '') || -1);

async function killOnce(seed: number, plan: KillPlan): Promise<'killed' | 'finished'> {
  // Work of the colleague for the child to pull and apply, in small pages.
  for (let i = 0; i < 3; i += 1) {
    colleagueWrites += 1;
    await colleague.ok('customers.create', {
      name: `同事${colleagueWrites}`,
      phones: [{ number: `177${String(colleagueWrites).padStart(8, '0')}` }],
    });
  }
  await colleague.sync();
  const before = progressOf({ file });

  const env = {
    F15_FILE: file,
    F15_SEED: String(seed),
    F15_VERSION_BASE: String(versionBase),
    F15_WRITES: String(WRITES),
    F15_PULL_BYTES: String(PULL_BYTES),
  };
  const run = await runChild(
    bundle.entry,
    plan.kind === 'point' ? { ...env, F15_POINT: plan.point, F15_NTH: String(plan.nth) } : env,
    plan.kind === 'delay' ? { killAfterMs: plan.ms } : {},
  );
  versionBase += WRITES;
  const report = readReport(run);
  if (run.signal !== 'SIGKILL' && !(run.code === 0 && report.done))
    throw new Error(`the child failed (code ${run.code}): ${run.stderr}`);

  // Right after the crash, before anything runs again: progress kept.
  const crashed = progressOf({ file });
  expect(crashed.cursor, 'pull cursor after the crash').toBeGreaterThanOrEqual(before.cursor);
  expect(crashed.acked, 'acknowledged seq after the crash').toBeGreaterThanOrEqual(before.acked);

  // The app starts again on the same file.
  const pc = await openCounter(hq, {
    storeCode: 'S015',
    counterNo: 1,
    file,
    setUp: false,
    enroll: false,
    maxPullBytes: PULL_BYTES,
  });
  try {
    const local = (id: string) => readTable<{ notes: string }>(file, 'SELECT notes FROM customer WHERE id = ?', id)[0];
    expect(
      report.created.filter((id) => !local(id)),
      'reported customers missing on the PC after the crash',
    ).toEqual([]);
    for (const [id, n] of report.noted)
      expect(version(local(id)?.notes), `edit v${n} of ${id} on the PC`).toBeGreaterThanOrEqual(n);
    // A customer and its phone are one transaction: the crash leaves both or neither.
    expect(
      readTable(
        file,
        "SELECT id FROM customer c WHERE name LIKE 'F15-%' AND NOT EXISTS (SELECT 1 FROM customer_phone p WHERE p.customer_id = c.id)",
      ),
    ).toEqual([]);

    await pc.sync();
    await colleague.sync();
    await pc.sync();
    const synced = progressOf(pc);
    expect(synced.cursor).toBeGreaterThanOrEqual(crashed.cursor);
    expect(synced.acked).toBeGreaterThanOrEqual(crashed.acked);
    const atHq = new Map(
      (
        await hq.db
          .selectFrom('entityState')
          .select(['entityId', 'state'])
          .where('entity', '=', 'customer')
          .where('entityId', 'in', [...report.created, ...report.noted.keys(), '-'])
          .execute()
      ).map((r) => [r.entityId, r.state]),
    );
    expect(
      report.created.filter((id) => !atHq.has(id)),
      'reported customers missing at head office',
    ).toEqual([]);
    for (const [id, n] of report.noted)
      expect(version(atHq.get(id)?.fields.notes), `edit v${n} of ${id} at head office`).toBeGreaterThanOrEqual(n);
    await expectInvariants(hq, [pc, colleague]);
  } finally {
    await pc.close();
  }
  return report.done ? 'finished' : 'killed';
}

describe(`F15: ${KILLS} seeded kill -9 points`, () => {
  it(`seeds ${FIRST}…${FIRST + KILLS - 1}: no lost commit, no duplicate, progress never back, I1–I3`, async () => {
    const started = performance.now();
    const tally = new Map<string, { killed: number; finished: number }>();
    for (let seed = FIRST; seed < FIRST + KILLS; seed += 1) {
      const plan = killPlan(seed);
      const where = plan.kind === 'point' ? `${plan.point} #${plan.nth}` : `after ${plan.ms} ms`;
      try {
        const outcome = await killOnce(seed, plan);
        const key = plan.kind === 'point' ? plan.point : 'delay';
        const row = tally.get(key) ?? { killed: 0, finished: 0 };
        row[outcome] += 1;
        tally.set(key, row);
      } catch (error) {
        process.stderr.write(
          `\nF15 FAILED at seed ${seed} (killed at ${where}): rerun with SYNC_F15_SEED_START=${seed} SYNC_F15_KILLS=1\n`,
        );
        throw new Error(`seed ${seed} (${where}): ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `F15: ${KILLS} seeds in ${seconds} s; killed / ran to the end, by point: ${JSON.stringify(Object.fromEntries(tally))}\n`,
    );
    const killed = [...tally.values()].reduce((n, r) => n + r.killed, 0);
    // A plan whose point a run never reached proves nothing: most runs must really die. How many
    // reach their point depends on how the child's pushes and pulls batch, which moves with the
    // machine's load (22–25 of 32 seen here), so the bar is "most", not a share tuned to a quiet run.
    expect(killed).toBeGreaterThan(KILLS / 2);
  }, 3_600_000);
});
