/**
 * The search index an initial sync defers (db/customers/search-bulk.ts, db/sync/search-build.ts):
 * customers listed in search_backlog are not findable until the background build reaches them;
 * the build leaves exactly the terms the counter's own writes would have; a counter edit of a
 * listed customer indexes it at once and takes it off the list.
 */
import { describe, expect, it } from 'vitest';
import { deferReindex, searchBacklogSize } from '../../db/customers/search-bulk';
import { buildSearchBacklog } from '../../db/sync/search-build';
import { readTable } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

async function names(t: Awaited<ReturnType<typeof openTestDesk>>, query: string): Promise<string[]> {
  return (await t.ok('customers.search', { query })).items.map((c) => c.name).sort();
}

/** What an initial snapshot leaves: the rows are there, their terms are not, the backlog lists them. */
async function storeAsAfterSnapshot() {
  const t = await openTestDesk();
  await setUpStore(t);
  const ids: string[] = [];
  for (let i = 0; i < 300; i += 1)
    ids.push(
      (
        await t.ok('customers.create', {
          name: `顾客${i}`,
          phones: [{ number: `1380000${String(i).padStart(4, '0')}` }],
        })
      ).id,
    );
  const zhang = (await t.ok('customers.create', { name: '张三', phones: [{ number: '13912345678' }] })).id;
  ids.push(zhang);
  const sqlite = t.desk.store!.sqlite;
  const termsBefore = readTable<{ term: string; customer_id: string }>(
    t.file,
    'SELECT term, customer_id FROM search_term ORDER BY term, customer_id',
  );
  sqlite.prepare('DELETE FROM search_term').run();
  deferReindex(t.desk.store!.statements, new Set(ids));
  return { t, ids, zhang, termsBefore, sqlite };
}

describe('the search index an initial sync leaves to build', () => {
  it('is not searchable until built, then finds every customer with the same terms as the counter writes', async () => {
    const { t, termsBefore } = await storeAsAfterSnapshot();
    expect(searchBacklogSize(t.desk.store!.statements)).toBe(301);
    expect(await names(t, '张三')).toEqual([]);

    const progress: Array<[number, number]> = [];
    const built = await buildSearchBacklog(t.desk.store!, t.desk.sync!.hooks, {
      onProgress: (done, total) => progress.push([done, total]),
      stopped: () => false,
    });
    expect(built).toBe(301);
    expect(searchBacklogSize(t.desk.store!.statements)).toBe(0);
    expect(progress.at(-1)).toEqual([301, 301]);
    // Progress only grows, in several short transactions.
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
    expect(readTable(t.file, 'SELECT term, customer_id FROM search_term ORDER BY term, customer_id')).toEqual(
      termsBefore,
    );
    expect(await names(t, '张三')).toEqual(['张三']);
    expect(await names(t, 'zs')).toEqual(['张三']);
    expect(await names(t, '5678')).toEqual(['张三']);
    await t.desk.close();
  });

  it('indexes a customer the counter edits meanwhile at once, and the build skips it', async () => {
    const { t, zhang } = await storeAsAfterSnapshot();
    await t.ok('customers.update', { id: zhang, name: '张三丰', phones: [{ number: '13912345678' }] });
    expect(await names(t, '张三丰')).toEqual(['张三丰']);
    expect(searchBacklogSize(t.desk.store!.statements)).toBe(300);
    await buildSearchBacklog(t.desk.store!, t.desk.sync!.hooks, { onProgress: () => {}, stopped: () => false });
    expect(await names(t, 'zsf')).toEqual(['张三丰']);
    await t.desk.close();
  });

  it('stops between chunks when sync stops, and carries on from where it was next time', async () => {
    const { t } = await storeAsAfterSnapshot();
    let chunks = 0;
    const first = await buildSearchBacklog(t.desk.store!, t.desk.sync!.hooks, {
      onProgress: () => (chunks += 1),
      stopped: () => chunks >= 1,
    });
    expect(first).toBeGreaterThan(0);
    expect(searchBacklogSize(t.desk.store!.statements)).toBe(301 - first);
    const rest = await buildSearchBacklog(t.desk.store!, t.desk.sync!.hooks, {
      onProgress: () => {},
      stopped: () => false,
    });
    expect(first + rest).toBe(301);
    expect(await names(t, '顾客299')).toEqual(['顾客299']);
    await t.desk.close();
  });
});
