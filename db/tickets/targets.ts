/**
 * SLA targets as data (sla_target, migration 0007): reply and resolution minutes per ticket type ×
 * priority × customer tier. The one source of truth for the clocks: a ticket records the targets it
 * was taken with, and while it is open it follows the table, so an edit moves open tickets'
 * deadlines (through the calendar key, the way an hours or holiday change does).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tier } from '../customers/contract';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { changedFields, recordChange, type TxContext } from '../sync/change-log';
import type { SlaTargetInput, SlaTargetView } from './contract-targets';
import type { SlaTargets } from './derive';
import type { Priority, TicketType } from './workflow';

export function targetId(type: TicketType, priority: Priority, tier: Tier): string {
  return `${type}:${priority}:${tier}`;
}

export async function loadTargets(
  db: Kysely<DB>,
  type: TicketType,
  priority: Priority,
  tier: Tier,
): Promise<SlaTargets> {
  const row = await db
    .selectFrom('slaTarget')
    .select(['replyMinutes', 'resolveMinutes', 'counts'])
    .where('id', '=', targetId(type, priority, tier))
    .executeTakeFirst();
  // Seeded for every combination by the migration and never deleted: a gap is a broken database.
  if (!row) throw new Error(`sla_target missing for ${targetId(type, priority, tier)}`);
  return { respondMinutes: row.replyMinutes, resolveMinutes: row.resolveMinutes, counts: row.counts };
}

/** The targets a ticket is held to now: its type, its current priority, its customer's current tier. */
export async function ticketTargets(
  db: Kysely<DB>,
  ticket: { type: TicketType; priority: Priority; customerId: string },
): Promise<SlaTargets> {
  const customer = await db
    .selectFrom('customer')
    .select('tier')
    .where('id', '=', ticket.customerId)
    .executeTakeFirst();
  return loadTargets(db, ticket.type, ticket.priority, customer?.tier ?? 'regular');
}

export async function listTargets(db: Kysely<DB>): Promise<SlaTargetView[]> {
  return db
    .selectFrom('slaTarget')
    .select(['ticketType', 'priority', 'tier', 'replyMinutes', 'resolveMinutes', 'counts'])
    .orderBy('id')
    .execute();
}

/** Changes when any target changes: part of the calendar key, so open tickets' deadlines are recomputed. */
export async function targetsKey(db: Kysely<DB>): Promise<string> {
  const rows = await db
    .selectFrom('slaTarget')
    .select(['id', 'replyMinutes', 'resolveMinutes', 'counts'])
    .orderBy('id')
    .execute();
  return createHash('sha256')
    .update(rows.map((r) => `${r.id}=${r.replyMinutes}/${r.resolveMinutes}/${r.counts}`).join(';'))
    .digest('hex')
    .slice(0, 16);
}

/** Write the changed rows, one change-log entry each. Input is checked whole first (zod + repeats). */
export async function saveTargets(tx: TxContext, targets: ReadonlyArray<SlaTargetInput>): Promise<number> {
  const ids = targets.map((t) => targetId(t.ticketType, t.priority, t.tier));
  if (new Set(ids).size !== ids.length) throw new DeskFailure('validation', 'sla_target_repeated', 'targets');
  let changedRows = 0;
  for (const [index, target] of targets.entries()) {
    const id = ids[index]!;
    const before = await tx.trx.selectFrom('slaTarget').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new Error(`sla_target missing for ${id}`);
    const changed = changedFields(before, {
      replyMinutes: target.replyMinutes,
      resolveMinutes: target.resolveMinutes,
      counts: target.counts ?? before.counts,
    });
    if (Object.keys(changed).length === 0) continue;
    const hlc = tx.stamp();
    await tx.trx
      .updateTable('slaTarget')
      .set({ ...changed, updatedAt: tx.nowIso, hlc })
      .where('id', '=', id)
      .execute();
    await recordChange(tx, {
      entity: 'sla_target',
      entityId: id,
      op: 'update',
      hlc,
      fields: { ...changed, updatedAt: tx.nowIso },
    });
    changedRows += 1;
  }
  return changedRows;
}
