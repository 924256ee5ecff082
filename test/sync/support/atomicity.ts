/**
 * I6, atomicity (docs/SYNC.md §3a): no replica ever shows part of an origin transaction. The watcher
 * looks at a PC's tables after every transaction that commits on its connection — each chunk a
 * pull applies, and the counter's own writes — and checks that every watched origin transaction
 * (records one PC inserted together: a customer and its phones, a requisition and its lines, a
 * stocktake and its lines) is there whole or not at all.
 */
import type Database from 'better-sqlite3';
import { syncedEntities } from '../../../db/synced-entities';
import { readTable } from '../../support/inspect';
import type { TestCounter } from './counter';

const { ruleFor } = syncedEntities;

export type OriginTransaction = { label: string; records: ReadonlyArray<{ table: string; key: string; id: string }> };

/**
 * The transactions in which a PC inserted several records of the given entities. Only entities
 * whose records the scenario never removes afterwards: a removed line would look like half a
 * transaction.
 */
export function insertTransactions(
  counter: Pick<TestCounter, 'file'>,
  entities: ReadonlyArray<string>,
  { minRecords = 2 } = {},
): OriginTransaction[] {
  const rows = readTable<{ tx_id: string; entity: string; entity_id: string }>(
    counter.file,
    `SELECT tx_id, entity, entity_id FROM change_log WHERE op IN ('insert', 'append') AND entity IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    JSON.stringify(entities),
  );
  const byTx = new Map<string, Array<{ table: string; key: string; id: string; entity: string }>>();
  for (const r of rows) {
    const rule = ruleFor(r.entity)!;
    byTx.set(r.tx_id, [
      ...(byTx.get(r.tx_id) ?? []),
      { table: rule.table, key: rule.key, id: r.entity_id, entity: r.entity },
    ]);
  }
  return [...byTx]
    .filter(([, records]) => records.length >= minRecords)
    .map(([txId, records]) => ({
      label: `${records[0]!.entity} ${records[0]!.id} (+${records.length - 1}) tx ${txId}`,
      records,
    }));
}

export type AtomicityWatch = {
  /** Transactions committed on the PC while watched (each one checked). */
  readonly commits: number;
  readonly violations: ReadonlyArray<string>;
  /** What the PC shows now, per watched transaction: how many of its records. */
  visible(): number[];
  stop(): void;
};

/**
 * Checks `transactions()` after every commit on the PC's connection. The desk and the sync engine
 * both commit through Kysely, which prepares `commit` on the connection for each transaction
 * (kysely's SqliteDriver): the watcher wraps that statement.
 */
export function watchAtomicity(
  observer: TestCounter,
  transactions: () => ReadonlyArray<OriginTransaction>,
): AtomicityWatch {
  const sqlite = observer.store.sqlite;
  const prepare = sqlite.prepare;
  const counts = new Map<string, Database.Statement>();
  const countOf = (table: string, key: string) => {
    const k = `${table}.${key}`;
    if (!counts.has(k))
      counts.set(
        k,
        prepare.call(sqlite, `SELECT count(*) AS n FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(?))`),
      );
    return counts.get(k)!;
  };
  const visible = () =>
    transactions().map((tx) => {
      const byTable = new Map<string, string[]>();
      for (const r of tx.records)
        byTable.set(`${r.table}\u0000${r.key}`, [...(byTable.get(`${r.table}\u0000${r.key}`) ?? []), r.id]);
      let n = 0;
      for (const [k, ids] of byTable) {
        const [table, key] = k.split('\u0000') as [string, string];
        n += (countOf(table, key).get(JSON.stringify(ids)) as { n: number }).n;
      }
      return n;
    });
  const state = { commits: 0, violations: [] as string[] };
  const check = () => {
    state.commits += 1;
    const seen = visible();
    transactions().forEach((tx, i) => {
      const n = seen[i]!;
      if (n !== 0 && n !== tx.records.length)
        state.violations.push(`commit #${state.commits}: ${n} of ${tx.records.length} records of ${tx.label}`);
    });
  };
  sqlite.prepare = function watched(this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    if (!/^\s*commit\s*$/i.test(source)) return statement;
    return new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property !== 'run' || typeof value !== 'function')
          return typeof value === 'function' ? value.bind(target) : value;
        return (...params: unknown[]) => {
          const result = (value as (...p: unknown[]) => unknown).apply(target, params);
          check();
          return result;
        };
      },
    });
  } as typeof sqlite.prepare;
  return {
    get commits() {
      return state.commits;
    },
    get violations() {
      return state.violations;
    },
    visible,
    stop: () => {
      sqlite.prepare = prepare;
    },
  };
}
