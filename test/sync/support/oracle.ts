/**
 * The invariants checked after each scenario (docs/SYNC.md §3a): I1 convergence of every replica with
 * head office over that replica's scope, I2 no lost write (every local change is at head office
 * as applied, superseded or rejected), I3 exactly-once (no (replica, seq) twice, no duplicate
 * records from retries), I5 progress never going backwards. I4 (deterministic merge) is in
 * merge-model.ts, I6 (atomic visibility) in atomicity.ts.
 */
import { expandState } from '../../../db/sync/compact-state';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { composeComposite, parseComposite } from '../../../db/sync/composite';
import { EMPTY_STATE, canonicalJson, mergeStates } from '../../../db/sync/merge';
import type { RecordState } from '../../../db/sync/protocol';
import { syncedEntities } from '../../../db/synced-entities';
import { fieldOf } from '../../../db/sync/table-info';
import { readTable } from '../../support/inspect';
import type { TestCounter } from './counter';
import type { TestHeadOffice } from './hq';

const { ruleFor } = syncedEntities;

/** Head office's records in a store's scope, by "entity/id". */
async function hqScope(hq: TestHeadOffice, storeId: string): Promise<Map<string, RecordState>> {
  const rows = await sql<{ entity: string; entityId: string; state: RecordState }>`
    SELECT f.entity, f.entity_id, f.state FROM entity_state f
    WHERE f.scope = 'global' OR f.scope = ${storeId} OR (f.scope = 'customer' AND EXISTS (
      SELECT 1 FROM customer_link l WHERE l.store_id = ${storeId} AND l.customer_id = f.customer_ref))`.execute(hq.db);
  return new Map(rows.rows.map((r) => [`${r.entity}/${r.entityId}`, expandState(r.state)]));
}

/** I1: every record head office has for this store is on the PC with the same values, and vice versa. */
export async function expectConverged(
  hq: TestHeadOffice,
  counter: TestCounter,
  { entities }: { entities?: string[] } = {},
): Promise<number> {
  const storeId = counter.engine.status().storeCode ? hq.storeId(counter.engine.status().storeCode!) : '';
  const scope = await hqScope(hq, storeId);
  const mismatches: string[] = [];
  let compared = 0;
  const wanted = new Set(entities ?? [...new Set([...scope.keys()].map((k) => k.split('/')[0]!))]);
  for (const entity of wanted) {
    const rule = ruleFor(entity);
    if (!rule || rule.scope === 'hq_only') continue;
    const rows = readTable<Record<string, unknown>>(counter.file, `SELECT * FROM ${rule.table}`);
    const local = new Map(rows.map((r) => [String(r[rule.key]), r]));
    for (const [key, stored] of scope) {
      if (!key.startsWith(`${entity}/`)) continue;
      // As the merge rule reads it: a whole composite column (from an older PC) as its keys.
      const state = mergeStates(rule.policy, EMPTY_STATE, stored);
      const id = key.slice(entity.length + 1);
      const row = local.get(id);
      local.delete(id);
      compared += 1;
      if (state.deleted && rule.deleteMode === 'hard') {
        if (row) mismatches.push(`${key}: deleted at head office, present on the PC`);
        continue;
      }
      if (!row) {
        mismatches.push(`${key}: missing on the PC`);
        continue;
      }
      if (state.deleted && 'deleted_at' in row && row.deleted_at === null)
        mismatches.push(`${key}: deleted at head office, live on the PC`);
      for (const [column, value] of Object.entries(row)) {
        const field = fieldOf(column);
        if (!(field in state.fields) || (rule.localColumns && field in rule.localColumns)) continue;
        const expected = typeof state.fields[field] === 'boolean' ? (state.fields[field] ? 1 : 0) : state.fields[field];
        if (canonicalJson(value) !== canonicalJson(expected ?? null))
          mismatches.push(`${key}.${field}: PC has ${canonicalJson(value)}, head office ${canonicalJson(expected)}`);
      }
      // A composite column (a ticket's form) holds the object of its merged keys.
      for (const composite of rule.policy.composite ?? []) {
        const column = composite.column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        if (!Object.keys(state.fields).some((f) => f.startsWith(composite.prefix))) continue;
        const [local, expected] = [
          canonicalJson(parseComposite(row[column])),
          canonicalJson(composeComposite(state.fields, composite)),
        ];
        if (local !== expected) mismatches.push(`${key}.${composite.column}: PC has ${local}, head office ${expected}`);
      }
    }
    // Rows seeded by a migration (stamp '0') are the defaults every PC starts with, not changes.
    for (const [id, row] of local)
      if (row.hlc !== '0') mismatches.push(`${entity}/${id}: on the PC, unknown to head office`);
  }
  expect(mismatches, `replica ${counter.store.replicaId} differs from head office`).toEqual([]);
  return compared;
}

/** I2 + I3: every change made on the PC reached head office exactly once, with an outcome. */
export async function expectNothingLost(hq: TestHeadOffice, counter: TestCounter): Promise<void> {
  expect(counter.engine.status().pending, 'changes still waiting on the PC').toBe(0);
  const changes = readTable<{ change_id: string }>(counter.file, 'SELECT change_id FROM change_log');
  if (changes.length === 0) return;
  const logged = await hq.db
    .selectFrom('pushLog')
    .select(['changeId', 'status'])
    .where(
      'changeId',
      'in',
      changes.map((c) => c.change_id),
    )
    .execute();
  const seen = new Map<string, number>();
  for (const row of logged) seen.set(row.changeId, (seen.get(row.changeId) ?? 0) + 1);
  const missing = changes.filter((c) => !seen.has(c.change_id)).map((c) => c.change_id);
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  expect(missing, 'local changes head office never received').toEqual([]);
  expect(twice, 'changes applied twice').toEqual([]);
}

/** I3 on records: a retry must never create a second customer (or ticket, movement …). */
export async function countAtHq(hq: TestHeadOffice, entity: string, { live = true } = {}): Promise<number> {
  const rows = await hq.db.selectFrom('entityState').select('state').where('entity', '=', entity).execute();
  return rows.filter((r) => !live || r.state.deleted === null).length;
}

/** I5: cursor and acknowledged seq, to compare before and after (of a counter, or of a store file no process has open). */
export function progressOf(counter: Pick<TestCounter, 'file'>): { cursor: number; acked: number } {
  const state = new Map(
    readTable<{ key: string; value: string }>(counter.file, 'SELECT key, value FROM sync_state').map((r) => [
      r.key,
      r.value,
    ]),
  );
  return {
    cursor: Number((state.get('pull_cursor') ?? ':0').split(':')[1]),
    acked: Number(state.get('last_acked_seq') ?? 0),
  };
}

export async function expectInvariants(hq: TestHeadOffice, counters: ReadonlyArray<TestCounter>): Promise<void> {
  for (const counter of counters) {
    await expectNothingLost(hq, counter);
    await expectConverged(hq, counter);
  }
}
