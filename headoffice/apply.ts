/**
 * Applies a batch of changes at head office (SYNC.md §2.3 step 3–4), inside the caller's
 * transaction: each change goes through its entity's ownership rule and merge function
 * (db/sync/registry.ts, db/sync/merge.ts), the merged state lands in `entity_state`, and one feed
 * row per effective change is appended. The caller holds the feed lock (feed.ts), so the whole
 * batch sees and writes a consistent state. Permanent failures become `rejected` and the batch
 * goes on; nothing here throws for one bad change.
 */
import { sql, type Transaction } from 'kysely';
import { formatHlc, parseHlc, type Hlc } from '../db/sync/hlc';
import { EMPTY_STATE, canonicalJson, losingFields, mergeStates, sameState, stateOfChange } from '../db/sync/merge';
import type { PushResult, RecordState, WireChange } from '../db/sync/protocol';
import { opAllowedFromStore, ruleFor, type EntityRule } from '../db/sync/registry';
import type { HqDB } from './db/schema';
import { appendFeed, type FeedRow } from './feed';

/** A stamp more than this far ahead of head office's clock is re-stamped on receipt (SYNC.md §2.6). */
export const MAX_FUTURE_MS = 5 * 60_000;

export type ApplyContext = {
  /** The pushing device's store; null when head office itself writes (admin CLI). */
  storeId: string | null;
  replicaId: string | null;
  deviceId: string | null;
  hqClock: Hlc;
  nowMs: number;
};

/** `known`: head office had the record before this batch (`existed` turns true once the batch creates it). */
type Working = { state: RecordState; ownerStoreId: string | null; existed: boolean; known: boolean; dirty: boolean; lastSeq: number };
type Rejection = { change: WireChange; code: string; reason: string };

const REASONS: Record<string, string> = {
  unknown_entity: 'Head office does not know this kind of record',
  hq_owned: 'This is set by head office; the store may not change it',
  hq_field: 'This field is set by head office; the store may not change it',
  other_store: "This record belongs to another store",
  append_only: 'This record can only be added, never changed or removed',
  invalid: 'The change is malformed',
};

function scopeOf(rule: EntityRule, ownerStoreId: string | null): string {
  if (rule.scope === 'store') return ownerStoreId ?? 'hq_only';
  return rule.scope;
}

export async function applyChanges(trx: Transaction<HqDB>, ctx: ApplyContext, changes: ReadonlyArray<WireChange>): Promise<PushResult[]> {
  const working = await loadStates(trx, changes);
  const results: PushResult[] = [];
  const feed: FeedRow[] = [];
  const rejections: Rejection[] = [];
  const conflicts: Array<{ entity: string; entityId: string; field: string; winnerValue: unknown; winnerHlc: string; loserValue: unknown; loserHlc: string }> = [];
  const skews: Array<{ changeId: string; hlc: string; restamped: string; skewMs: number }> = [];
  const links: Array<[customer: string, store: string]> = [];
  const merges: Array<[from: string, into: string]> = [];
  const phoneDigits: Array<{ digits: string; customerId: string }> = [];
  const fromStore = ctx.storeId !== null;

  const reject = (change: WireChange, code: string, w: Working | undefined, rule: EntityRule | undefined, fields: string[]) => {
    rejections.push({ change, code, reason: REASONS[code] ?? code });
    results.push({ seq: change.seq, status: 'rejected', code });
    if (w?.existed && rule && fields.length > 0) reassert(w, rule, change, fields);
  };

  // Head office re-asserts its value with its own stamp, so the store that tried to change it
  // (and every other replica) converges on head office's value (SYNC.md F25).
  const reassert = (w: Working, rule: EntityRule, change: WireChange, fields: string[]) => {
    const stamp = ctx.hqClock.send();
    const clocks = { ...w.state.clocks };
    let touched = false;
    for (const field of fields) {
      if (field in clocks) {
        clocks[field] = stamp;
        touched = true;
      }
    }
    if (!touched) return;
    w.state = { ...w.state, clocks };
    w.dirty = true;
    pushFeed(w, rule, change, null, true);
  };

  const pushFeed = (w: Working, rule: EntityRule, change: WireChange, originReplica: string | null, altered: boolean) => {
    const scope = scopeOf(rule, w.ownerStoreId);
    if (scope === 'hq_only') return;
    feed.push({
      txId: change.txId,
      originReplica,
      originSeq: originReplica ? change.seq : null,
      entity: change.entity,
      entityId: change.entityId,
      state: w.state,
      scope,
      customerRef: rule.customerOf?.(change.entityId, w.state.fields) ?? null,
      altered,
      keep: w,
    });
  };

  for (const change of changes) {
    const rule = ruleFor(change.entity);
    const w = working.get(key(change.entity, change.entityId))!;
    if (!rule) {
      reject(change, 'unknown_entity', undefined, undefined, []);
      continue;
    }
    if (fromStore) {
      const storeKept = rule.storeFields && change.op === 'update' && Object.keys(change.fields).every((f) => rule.storeFields!.includes(f));
      if (rule.owner === 'hq' && !storeKept) {
        reject(change, 'hq_owned', w, rule, Object.keys(change.fields));
        continue;
      }
      if (!opAllowedFromStore(rule, change.op)) {
        reject(change, 'append_only', w, rule, []);
        continue;
      }
      if ((rule.owner === 'store' || rule.owner === 'device') && w.existed && w.ownerStoreId !== null && w.ownerStoreId !== ctx.storeId) {
        reject(change, 'other_store', undefined, rule, []);
        continue;
      }
    }
    // A ledger row or event arriving again is a retry: its record already exists as it was written.
    if (rule.appendOnly && w.existed && !rule.keyedByOthers) {
      results.push({ seq: change.seq, status: 'superseded', code: 'duplicate' });
      continue;
    }

    let hlc = change.hlc;
    const stamp = parseHlc(hlc);
    if (stamp.millis - ctx.nowMs > MAX_FUTURE_MS) {
      const now = parseHlc(ctx.hqClock.send());
      hlc = formatHlc({ millis: now.millis, counter: now.counter, node: stamp.node });
      skews.push({ changeId: change.changeId, hlc: change.hlc, restamped: hlc, skewMs: stamp.millis - ctx.nowMs });
    }
    let delta = stateOfChange(change.op, change.fields, hlc, rule.ignoredFields);
    let fieldRejected = false;
    if (fromStore && w.existed && rule.hqFieldsAfterInsert && change.op !== 'delete') {
      const refused = rule.hqFieldsAfterInsert.filter((f) => f in delta.clocks);
      if (refused.length > 0) {
        fieldRejected = true;
        rejections.push({ change, code: 'hq_field', reason: `${REASONS.hq_field}: ${refused.join(', ')}` });
        const fields = { ...delta.fields };
        const clocks = { ...delta.clocks };
        for (const f of refused) {
          delete fields[f];
          delete clocks[f];
        }
        delta = { ...delta, fields, clocks };
        reassert(w, rule, change, refused);
        if (Object.keys(clocks).length === 0) {
          results.push({ seq: change.seq, status: 'rejected', code: 'hq_field' });
          continue;
        }
      }
    }

    const merged = mergeStates(rule.policy, w.state, delta);
    for (const field of losingFields(delta, merged)) {
      // Bookkeeping (updatedAt) always differs between two edits: only real values are conflicts.
      if (field === 'updatedAt' || canonicalJson(delta.fields[field]) === canonicalJson(merged.fields[field])) continue;
      conflicts.push({ entity: change.entity, entityId: change.entityId, field, winnerValue: merged.fields[field], winnerHlc: merged.clocks[field]!, loserValue: delta.fields[field], loserHlc: hlc });
    }
    if (fromStore) {
      const customer = rule.scope === 'customer' ? rule.customerOf?.(change.entityId, merged.fields) : null;
      if (customer) links.push([customer, ctx.storeId!]);
      const linked = rule.linksCustomer?.(merged.fields);
      if (linked) links.push([linked, ctx.storeId!]);
    }
    // A merged-away customer's stores must reach the surviving record (their tickets point at the alias).
    if (change.entity === 'customer_merge' && typeof merged.fields.intoId === 'string') merges.push([change.entityId, merged.fields.intoId]);
    if (change.entity === 'customer_phone' && typeof merged.fields.digits === 'string' && typeof merged.fields.customerId === 'string' && !merged.deleted) {
      phoneDigits.push({ digits: merged.fields.digits, customerId: merged.fields.customerId });
    }
    if (sameState(merged, w.state)) {
      results.push({ seq: change.seq, status: fieldRejected ? 'applied' : 'superseded', ...(fieldRejected ? { code: 'hq_field' } : {}) });
      continue;
    }
    if (!w.existed && w.ownerStoreId === null) w.ownerStoreId = ctx.storeId;
    w.state = merged;
    w.dirty = true;
    w.existed = true;
    pushFeed(w, rule, change, ctx.replicaId, hlc !== change.hlc || fieldRejected);
    results.push({ seq: change.seq, status: 'applied', ...(fieldRejected ? { code: 'hq_field' } : {}) });
  }

  await appendFeed(trx, feed);
  await saveStates(trx, working);
  await saveSideRecords(trx, ctx, rejections, conflicts, skews);
  if (merges.length > 0) {
    const inherited = await sql<{ storeId: string; intoId: string }>`
      SELECT l.store_id, m.into_id FROM customer_link l JOIN unnest(${merges.map((m) => m[0])}::text[], ${merges.map((m) => m[1])}::text[]) AS m(from_id, into_id)
      ON l.customer_id = m.from_id`.execute(trx);
    for (const row of inherited.rows) links.push([row.intoId, row.storeId]);
  }
  if (links.length > 0) await linkCustomers(trx, links, working);
  if (phoneDigits.length > 0) await flagDuplicatePhones(trx, phoneDigits);
  return results;
}

function key(entity: string, entityId: string): string {
  return `${entity}\u0000${entityId}`;
}

async function loadStates(trx: Transaction<HqDB>, changes: ReadonlyArray<WireChange>): Promise<Map<string, Working>> {
  const working = new Map<string, Working>();
  const entities: string[] = [];
  const ids: string[] = [];
  for (const c of changes) {
    const k = key(c.entity, c.entityId);
    if (working.has(k)) continue;
    working.set(k, { state: EMPTY_STATE, ownerStoreId: null, existed: false, known: false, dirty: false, lastSeq: 0 });
    entities.push(c.entity);
    ids.push(c.entityId);
  }
  if (entities.length === 0) return working;
  // One indexed lookup per entity (entity = $1 AND entity_id = ANY($2) walks the primary key); a
  // tuple IN over unnest lets the planner scan the whole table, which grows with every store.
  const byEntity = new Map<string, string[]>();
  entities.forEach((entity, i) => byEntity.set(entity, [...(byEntity.get(entity) ?? []), ids[i]!]));
  const rows = { rows: [] as Array<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }> };
  for (const [entity, entityIds] of byEntity) {
    const found = await sql<{ entity: string; entityId: string; state: RecordState; ownerStoreId: string | null }>`
      SELECT entity, entity_id, state, owner_store_id FROM entity_state WHERE entity = ${entity} AND entity_id = ANY(${entityIds}::text[])`.execute(trx);
    rows.rows.push(...found.rows);
  }
  for (const row of rows.rows) {
    const w = working.get(key(row.entity, row.entityId))!;
    w.state = row.state;
    w.ownerStoreId = row.ownerStoreId;
    w.existed = true;
    w.known = true;
  }
  return working;
}

async function saveStates(trx: Transaction<HqDB>, working: Map<string, Working>): Promise<void> {
  // One JSON document for the batch (see appendFeed): states serialised once, no array literals.
  const records: Array<{ e: string; i: string; j: RecordState; o: string | null; c: string; r: string | null; q: number }> = [];
  for (const [k, w] of working) {
    if (!w.dirty) continue;
    const [entity, id] = k.split('\u0000') as [string, string];
    const rule = ruleFor(entity)!;
    records.push({ e: entity, i: id, j: w.state, o: w.ownerStoreId, c: scopeOf(rule, w.ownerStoreId), r: rule.customerOf?.(id, w.state.fields) ?? null, q: w.lastSeq });
  }
  if (records.length === 0) return;
  await sql`
    INSERT INTO entity_state (entity, entity_id, state, owner_store_id, scope, customer_ref, updated_seq)
    SELECT e, i, j, o, c, r, q FROM json_to_recordset(${JSON.stringify(records)}::json)
      AS x(e text, i text, j json, o text, c text, r text, q bigint)
    ON CONFLICT (entity, entity_id) DO UPDATE SET state = excluded.state, owner_store_id = excluded.owner_store_id, scope = excluded.scope,
      customer_ref = excluded.customer_ref, updated_seq = excluded.updated_seq, updated_at = now()`.execute(trx);
}

async function saveSideRecords(
  trx: Transaction<HqDB>,
  ctx: ApplyContext,
  rejections: Rejection[],
  conflicts: Array<{ entity: string; entityId: string; field: string; winnerValue: unknown; winnerHlc: string; loserValue: unknown; loserHlc: string }>,
  skews: Array<{ changeId: string; hlc: string; restamped: string; skewMs: number }>,
): Promise<void> {
  if (rejections.length > 0) {
    await trx
      .insertInto('rejectedChange')
      .values(
        rejections.map(({ change, code, reason }) => ({
          replicaId: ctx.replicaId,
          deviceId: ctx.deviceId,
          storeId: ctx.storeId,
          seq: ctx.replicaId ? change.seq : null,
          changeId: change.changeId,
          entity: change.entity,
          entityId: change.entityId,
          op: change.op,
          fields: JSON.stringify(change.fields),
          code,
          reason,
          receivedAt: new Date(ctx.nowMs),
        })),
      )
      .execute();
  }
  if (conflicts.length > 0) {
    await trx
      .insertInto('conflictLog')
      .values(conflicts.map((c) => ({ ...c, winnerValue: JSON.stringify(c.winnerValue ?? null), loserValue: JSON.stringify(c.loserValue ?? null), loserReplica: ctx.replicaId, loggedAt: new Date(ctx.nowMs) })))
      .execute();
  }
  if (skews.length > 0 && ctx.replicaId) {
    await trx
      .insertInto('clockSkew')
      .values(skews.map((s) => ({ ...s, replicaId: ctx.replicaId!, loggedAt: new Date(ctx.nowMs) })))
      .execute();
  }
}

/**
 * The privacy rule (SYNC.md §2.5): a customer reaches a store once linked to it. A new link sends
 * that store the customer's whole file as it stands (store-scoped feed rows), except records this
 * batch already sends.
 */
async function linkCustomers(trx: Transaction<HqDB>, links: ReadonlyArray<[string, string]>, working: Map<string, Working>): Promise<void> {
  const unique = [...new Map(links.map(([c, s]) => [`${c} ${s}`, [c, s] as const])).values()];
  const customers = unique.map(([c]) => c);
  const stores = unique.map(([, s]) => s);
  const added = await sql<{ customerId: string; storeId: string }>`
    INSERT INTO customer_link (customer_id, store_id) SELECT * FROM unnest(${customers}::text[], ${stores}::text[])
    ON CONFLICT DO NOTHING RETURNING customer_id, store_id`.execute(trx);
  // A customer made in this batch has nothing older at head office to send (its phones, products
  // and tickets can only follow it): only links to customers known before need their file.
  const older = [...new Set(added.rows.map((l) => l.customerId))].filter((id) => working.get(key('customer', id))?.known !== false);
  if (older.length === 0) return;
  // One query for every such link's customer file.
  const files = await trx
    .selectFrom('entityState')
    .select(['entity', 'entityId', 'state', 'customerRef'])
    .where(sql<boolean>`customer_ref = ANY(${older}::text[])`)
    .orderBy('entity')
    .orderBy('entityId')
    .execute();
  const rows: FeedRow[] = [];
  for (const link of added.rows) {
    const txId = `link-${link.storeId}-${link.customerId}`;
    for (const record of files) {
      if (record.customerRef !== link.customerId || working.has(key(record.entity, record.entityId))) continue;
      rows.push({ txId, originReplica: null, originSeq: null, entity: record.entity, entityId: record.entityId, state: record.state, scope: link.storeId, customerRef: null, altered: true, keep: null });
    }
  }
  await appendFeed(trx, rows);
}

async function flagDuplicatePhones(trx: Transaction<HqDB>, phones: Array<{ digits: string; customerId: string }>): Promise<void> {
  const digits = phones.map((p) => p.digits);
  const owners = phones.map((p) => p.customerId);
  await sql`
    INSERT INTO duplicate_flag (digits, customer_a, customer_b)
    SELECT DISTINCT p.digits, LEAST(p.customer_id, s.customer_ref), GREATEST(p.customer_id, s.customer_ref)
    FROM unnest(${digits}::text[], ${owners}::text[]) AS p(digits, customer_id)
    JOIN entity_state s ON s.entity = 'customer_phone' AND (s.state->'fields'->>'digits') = p.digits
      AND s.customer_ref <> p.customer_id AND s.state->>'deleted' IS NULL
    ON CONFLICT DO NOTHING`.execute(trx);
}
