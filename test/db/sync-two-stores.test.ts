/**
 * Two desks on two files in one process pull at the same time, in interleaved one-record chunks:
 * each store's derived data (search terms) is rebuilt on its own connection, each desk's sync page
 * sees its own engine, and neither shares a registration, a table-shape cache or a chunk pace with
 * the other (docs/architecture/sync.md: the engine has no module-level state).
 */
import { describe, expect, it } from 'vitest';
import type { Desk } from '../../db/desk';
import { readLocalState } from '../../db/sync/apply';
import { fileCredentialStore } from '../../db/sync/credentials';
import { SyncEngine } from '../../db/sync/engine';
import type { FeedRecord, PullResponse } from '../../db/sync/protocol';
import { pullAll } from '../../db/sync/pull';
import type { SyncSession } from '../../db/sync/session';
import { setState } from '../../db/sync/state';
import { createTableInfoCache } from '../../db/sync/table-info';
import { syncedEntities } from '../../db/synced-entities';
import { readTable } from '../support/inspect';
import { openTestDesk, setUpStore, tempFile, type TestDesk } from '../support/temp-store';

/** What head office would send for the customers another PC created: their records in change-log order. */
async function recordsOf(names: string[]): Promise<FeedRecord[]> {
  const origin = await openTestDesk();
  await setUpStore(origin);
  for (const [i, name] of names.entries())
    await origin.ok('customers.create', { name, phones: [{ number: `1390000${String(i).padStart(4, '0')}` }] });
  const rows = readTable<{ entity: string; entity_id: string; tx_id: string }>(
    origin.file,
    "SELECT entity, entity_id, tx_id FROM change_log WHERE entity IN ('customer', 'customer_phone') ORDER BY seq",
  );
  const records = rows.map((row, i) => ({
    serverSeq: i + 1,
    txId: row.tx_id,
    entity: row.entity,
    entityId: row.entity_id,
    state: readLocalState(origin.desk.store!.statements, syncedEntities, row.entity, row.entity_id)!,
  }));
  await origin.desk.close();
  return records;
}

/** A head office that answers one pull page with these records. */
function sessionServing(changes: FeedRecord[]): SyncSession {
  const body: PullResponse = {
    changes,
    nextCursor: `e1:${changes.length}`,
    hasMore: false,
    serverTime: new Date().toISOString(),
    serverEpoch: 'e1',
    lastAppliedSeq: 0,
  };
  return {
    call: async () => ({ status: 200, body, bytesSent: 0, bytesReceived: 0 }),
    traffic: { sent: 0, received: 0, requests: 0 },
  };
}

function pullInto(t: TestDesk, changes: FeedRecord[]) {
  const store = t.desk.store!;
  const sync = t.desk.sync!;
  store.sqlite.transaction(() => {
    setState(store.statements, 'pull_cursor', 'e1:0');
    setState(store.statements, 'server_epoch', 'e1');
  })();
  // One record per chunk: the two pulls interleave at every chunk.
  const pace = { chunkRows: 1 };
  return pullAll({
    store,
    rules: sync.rules,
    hooks: sync.hooks,
    tables: createTableInfoCache(sync.rules),
    pace,
    session: sessionServing(changes),
    onServerTime: () => {},
    serverTimeMs: () => Date.now(),
  });
}

const found = async (t: TestDesk, query: string) =>
  (await t.ok('customers.search', { query })).items.map((c) => c.name).sort();

describe('two stores in one process', () => {
  it('pull at once and rebuild each its own derived data, with nothing shared', async () => {
    const [forA, forB] = [await recordsOf(['甲一', '甲二', '甲三']), await recordsOf(['乙一', '乙二', '乙三'])];
    const a = await openTestDesk();
    const b = await openTestDesk();
    await setUpStore(a);
    await setUpStore(b);
    expect(a.desk.sync).not.toBe(b.desk.sync);
    expect(a.desk.sync!.hooks).not.toBe(b.desk.sync!.hooks);

    await Promise.all([pullInto(a, forA), pullInto(b, forB)]);

    expect(await found(a, '甲')).toEqual(['甲一', '甲三', '甲二']);
    expect(await found(a, '乙')).toEqual([]);
    expect(await found(b, '乙')).toEqual(['乙一', '乙三', '乙二']);
    expect(await found(b, '甲')).toEqual([]);
    // The terms on each file name only that file's customers.
    for (const t of [a, b]) {
      const orphans = readTable(
        t.file,
        'SELECT customer_id FROM search_term WHERE customer_id NOT IN (SELECT id FROM customer)',
      );
      expect(orphans).toEqual([]);
    }
    await a.desk.close();
    await b.desk.close();
  });

  it('each desk finds its own engine, and stopping one leaves the other running', async () => {
    const desks: TestDesk[] = [await openTestDesk(), await openTestDesk()];
    const engines = desks.map(({ desk }: { desk: Desk }) => {
      const engine = new SyncEngine({
        store: desk.store!,
        services: desk.sync!,
        credentials: fileCredentialStore(tempFile('credentials.json')),
        appVersion: 'test',
        logger: { info() {}, warn() {}, error() {} },
      });
      desk.sync!.engine = engine;
      return engine;
    });
    for (const [i, t] of desks.entries()) {
      await setUpStore(t);
      expect(t.desk.sync!.engine).toBe(engines[i]);
      expect((await t.ok('sync.status', {})).state).toBe('not_enrolled');
    }
    await engines[0]!.stop();
    desks[0]!.desk.sync!.engine = null;
    expect(desks[1]!.desk.sync!.engine).toBe(engines[1]);
    await engines[1]!.stop();
    for (const t of desks) await t.desk.close();
  });
});
