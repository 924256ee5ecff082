/**
 * Pushing tickets, events and stock movements to a head office the way a counter does, through
 * `handlePush` of a store's device, without a counter PC: the reports' tests build exactly the
 * records they count. Also an independent recomputation of every rollup from the merged states,
 * the oracle the rollups are held to.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { SCHEMA_VERSION } from '../../../db/migrations/index';
import { expandState } from '../../../db/sync/compact-state';
import { createHlc, type Hlc } from '../../../db/sync/hlc';
import { HQ_NODE } from '../../../db/sync/merge';
import { PROTOCOL_VERSION, type PushResponse, type RecordState, type WireChange } from '../../../db/sync/protocol';
import { addStore } from '../../../headoffice/admin/ops';
import { connectHq, migrateHq, type HqDatabase } from '../../../headoffice/db/open';
import { dropDatabase, ensureDatabase } from '../../../headoffice/db/postgres';
import { handlePush } from '../../../headoffice/push';

export const newId = () => randomBytes(8).toString('hex');

export async function reportsDatabase(): Promise<{ db: HqDatabase; hqClock: Hlc; close: () => Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `hq_reports_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const db = connectHq(adminUrl.replace(/\/postgres$/, `/${name}`));
  await migrateHq(db);
  return {
    db,
    hqClock: createHlc({ node: HQ_NODE }),
    close: async () => {
      await db.destroy();
      await dropDatabase(adminUrl, name).catch(() => {});
    },
  };
}

export type Change = Pick<WireChange, 'entity' | 'entityId' | 'op' | 'fields'>;

/** One store's counter PC, as head office sees it: a device, a replica and its change seqs. */
export class TestStore {
  private seq = 0;
  private readonly clock: Hlc;
  readonly sent: WireChange[][] = [];

  private constructor(
    readonly db: HqDatabase,
    readonly hqClock: Hlc,
    readonly code: string,
    readonly storeId: string,
    readonly deviceId: string,
    readonly replicaId: string,
  ) {
    this.clock = createHlc({ node: `pc${code.toLowerCase()}` });
  }

  static async open(db: HqDatabase, hqClock: Hlc, code: string, name = `门店 ${code}`): Promise<TestStore> {
    const storeId = await addStore(db, code, name);
    const deviceId = newId();
    await db
      .insertInto('device')
      .values({ id: deviceId, storeId, name: `${code} PC`, status: 'active', refreshHash: 'x' })
      .execute();
    return new TestStore(db, hqClock, code, storeId, deviceId, newId());
  }

  /** Pushes these changes as one batch (a new txId per change, seqs following the last). */
  push(changes: ReadonlyArray<Change>): Promise<PushResponse> {
    const wire = changes.map((c): WireChange => ({
      ...c,
      seq: (this.seq += 1),
      changeId: newId(),
      txId: newId(),
      hlc: this.clock.send(),
      staffId: null,
      createdAt: new Date().toISOString(),
      schemaVersion: SCHEMA_VERSION,
    }));
    this.sent.push(wire);
    return this.send(wire);
  }

  /** The same batch again, as after an answer that was lost. */
  retry(index: number): Promise<PushResponse> {
    return this.send(this.sent[index]!);
  }

  private send(changes: WireChange[]): Promise<PushResponse> {
    return handlePush(
      this.db,
      { id: this.deviceId, storeId: this.storeId, name: `${this.code} PC` },
      {
        protocol: PROTOCOL_VERSION,
        replicaId: this.replicaId,
        schemaVersion: SCHEMA_VERSION,
        appVersion: 'test',
        changes,
      },
      this.hqClock,
      Date.now(),
    );
  }
}

export type TicketInput = {
  id: string;
  storeId: string;
  type: string;
  createdAt: string;
  category?: string | null;
  channel?: string | null;
};

export function ticketInsert(t: TicketInput): Change {
  const fields: Record<string, unknown> = {
    number: `T-${t.id}`,
    storeId: t.storeId,
    customerId: `cust-${t.id}`,
    productId: null,
    type: t.type,
    priority: 'normal',
    createdAt: t.createdAt,
    updatedAt: t.createdAt,
    'form.whatHappened': '测试',
  };
  if (t.channel !== undefined) fields['form.channel'] = t.channel;
  if (t.category !== undefined) fields['form.category'] = t.category;
  return { entity: 'ticket', entityId: t.id, op: 'insert', fields };
}

export function ticketEvent(
  ticketId: string,
  action: string,
  at: string,
  {
    from = null,
    to = null,
    data = {},
  }: { from?: string | null; to?: string | null; data?: Record<string, unknown> } = {},
): Change {
  return {
    entity: 'ticket_event',
    entityId: newId(),
    op: 'append',
    fields: {
      ticketId,
      action,
      fromStatus: from,
      toStatus: to,
      staffId: null,
      at,
      note: '',
      data: JSON.stringify(data),
    },
  };
}

export function movement(
  partId: string,
  kind: string,
  qty: number,
  createdAt: string,
  unitCostFen: number | null = 100,
): Change {
  return {
    entity: 'stock_movement',
    entityId: newId(),
    op: 'insert',
    fields: {
      partId,
      locationId: 'loc-main',
      kind,
      qty,
      unitCostFen,
      reason: '',
      docType: 'manual',
      docId: null,
      docLineId: null,
      reversesId: null,
      staffId: null,
      createdAt,
    },
  };
}

type StateRow = { entity: string; entityId: string; ownerStoreId: string | null; state: RecordState };

/** Every rollup table's rows, without all-zero rows, sorted: what the database holds. */
export async function rollupRows(db: HqDatabase): Promise<Record<string, string[]>> {
  // A row all of whose counts went back to zero is as good as no row; any count left over is kept.
  const read = async (table: string, keepZero = false) => {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db);
    return rows.rows
      .filter((r) => keepZero || Object.values(r).some((v) => typeof v === 'number' && v !== 0))
      .map((r) => JSON.stringify(Object.entries(r).sort()))
      .sort();
  };
  return {
    month: await read('report_month'),
    mix: await read('report_mix'),
    parts: await read('report_parts_month'),
    stock: await read('report_stock', true),
  };
}

/** The rollups recomputed from the merged states, by a direct fold written apart from headoffice/reports. */
export async function recomputedRollups(db: HqDatabase): Promise<Record<string, string[]>> {
  const rows = (
    await sql<StateRow>`SELECT entity, entity_id, owner_store_id, state FROM entity_state
      WHERE entity IN ('ticket', 'ticket_event', 'stock_movement')`.execute(db)
  ).rows.map((r) => ({ ...r, state: expandState(r.state) }));
  const month = new Map<string, Record<string, unknown>>();
  const mix = new Map<string, Record<string, unknown>>();
  const bump = (
    map: Map<string, Record<string, unknown>>,
    key: Record<string, unknown>,
    add: Record<string, number>,
  ) => {
    const k = JSON.stringify(key);
    const row = map.get(k) ?? { ...key };
    for (const [m, v] of Object.entries(add)) row[m] = ((row[m] as number | undefined) ?? 0) + v;
    map.set(k, row);
  };
  const resolvedSet = new Set(['answered', 'follow_up', 'resolved', 'archived', 'closed', 'declined', 'reviewed']);
  const monthOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
  const events = rows.filter((r) => r.entity === 'ticket_event');
  for (const t of rows.filter((r) => r.entity === 'ticket' && r.state.deleted === null)) {
    const f = t.state.fields;
    const created = Date.parse(String(f.createdAt));
    const mine = events
      .filter((e) => e.state.fields.ticketId === t.entityId)
      .map((e): Record<string, unknown> & { hlc: string } => ({
        ...e.state.fields,
        hlc: Object.values(e.state.clocks).sort().at(-1)!,
      }))
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    const moves = mine.filter((e) => e.toStatus !== null);
    const status = (moves.at(-1)?.toStatus as string | undefined) ?? null;
    const resolved = status !== null && resolvedSet.has(status);
    const data = (e: Record<string, unknown>) => JSON.parse(String(e.data)) as Record<string, unknown>;
    const breached = (clock: string) => mine.some((e) => e.action === 'sla_breach' && data(e).clock === clock);
    const responded = mine.some((e) => e.fromStatus !== null && e.toStatus !== null && e.fromStatus !== e.toStatus);
    const m: Record<string, number> = { tickets: 1 };
    if (status === 'voided') m.voided = 1;
    if (resolved) m.resolved = 1;
    if (mine.some((e) => e.toStatus === 'reopened' && e.fromStatus !== 'reopened')) m.reopened = 1;
    if (mine.some((e) => e.action === 'escalate')) m.escalated = 1;
    if (breached('respond')) m.replyBreached = 1;
    else if (responded) m.replyMet = 1;
    else if (status !== 'voided') m.replyOpen = 1;
    if (breached('resolve')) m.resolveBreached = 1;
    else if (resolved) m.resolveMet = 1;
    else if (status !== 'voided') m.resolveOpen = 1;
    for (const e of mine) {
      const r = data(e).rating;
      if (String(e.action).startsWith('follow_up_') && typeof r === 'number')
        m[`rating${r}`] = (m[`rating${r}`] ?? 0) + 1;
    }
    const entries = mine.filter(
      (e) =>
        e.toStatus !== null &&
        resolvedSet.has(String(e.toStatus)) &&
        (e.fromStatus === null || !resolvedSet.has(String(e.fromStatus))),
    );
    if (resolved && entries.length > 0) {
      const minutes = Math.max(0, Math.round((Date.parse(String(entries.at(-1)!.at)) - created) / 60_000));
      const hours = minutes / 60;
      m.tatCount = 1;
      m.tatMinutes = minutes;
      m[hours < 24 ? 'tat1d' : hours < 72 ? 'tat3d' : hours < 168 ? 'tat7d' : hours < 336 ? 'tat14d' : 'tatOver'] = 1;
    }
    const storeId = t.ownerStoreId ?? f.storeId;
    bump(month, { month: monthOf(created), storeId, type: f.type }, m);
    // Each store's row and the chain's ('*').
    for (const mixStore of [storeId, '*'])
      bump(
        mix,
        {
          month: monthOf(created),
          storeId: mixStore,
          type: f.type,
          category: f.category ?? '',
          channel: f.channel ?? '',
        },
        { tickets: 1 },
      );
  }
  const parts = new Map<string, Record<string, unknown>>();
  const stock = new Map<string, Record<string, unknown>>();
  for (const mv of rows.filter((r) => r.entity === 'stock_movement')) {
    const f = mv.state.fields as {
      partId: string;
      kind: string;
      qty: number;
      createdAt: string;
      unitCostFen: number | null;
    };
    const at = Date.parse(f.createdAt);
    const key = JSON.stringify({ storeId: mv.ownerStoreId, partId: f.partId });
    const s = stock.get(key) ?? {
      storeId: mv.ownerStoreId,
      partId: f.partId,
      onHand: 0,
      lastIssueMs: null,
      firstInMs: null,
    };
    s.onHand = (s.onHand as number) + f.qty;
    if (f.kind === 'issue' && f.qty < 0) s.lastIssueMs = Math.max((s.lastIssueMs as number | null) ?? at, at);
    if (f.qty > 0) s.firstInMs = Math.min((s.firstInMs as number | null) ?? at, at);
    stock.set(key, s);
    if (f.kind !== 'issue' && f.kind !== 'return_from_job') continue;
    // The store's part, the store's total ('*'), the chain's part and the chain's total.
    for (const [storeId, partId] of [
      [mv.ownerStoreId, f.partId],
      [mv.ownerStoreId, '*'],
      ['*', f.partId],
      ['*', '*'],
    ])
      bump(
        parts,
        { month: monthOf(at), storeId, partId },
        { consumed: -f.qty, consumedFen: -f.qty * (f.unitCostFen ?? 0), movements: 1 },
      );
  }
  const measures = [
    'tickets',
    'voided',
    'resolved',
    'reopened',
    'escalated',
    'replyMet',
    'replyBreached',
    'replyOpen',
    'resolveMet',
    'resolveBreached',
    'resolveOpen',
    'rating1',
    'rating2',
    'rating3',
    'rating4',
    'rating5',
    'tatCount',
    'tatMinutes',
    'tat1d',
    'tat3d',
    'tat7d',
    'tat14d',
    'tatOver',
  ];
  const full = (r: Record<string, unknown>) => ({ ...Object.fromEntries(measures.map((m) => [m, 0])), ...r });
  const lines = (map: Map<string, Record<string, unknown>>, fill = (r: Record<string, unknown>) => r) =>
    [...map.values()].map((r) => JSON.stringify(Object.entries(fill(r)).sort())).sort();
  return { month: lines(month, full), mix: lines(mix), parts: lines(parts), stock: lines(stock) };
}
