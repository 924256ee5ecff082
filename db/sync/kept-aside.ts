/**
 * What this PC keeps aside (pending_unknown), read for the Sync page and the status bar: a record
 * kept aside is not in the counter's lists, so it must never be invisible. One entry per record,
 * with what it is (a ticket's number, or the number of the ticket an event belongs to), why, and
 * the record it waits for.
 */
import type { KeptAsideRecord } from './contract';
import type { StatementCache } from '../statement-cache';

type Row = {
  entity: string;
  entity_id: string;
  kind: 'unknown' | 'refused';
  reason: KeptAsideRecord['reason'] | null;
  depends_on: string | null;
  received_at: string;
  number: string | null;
  ticket_id: string | null;
};

/** Records kept aside (not fields: a record is often several rows). */
export function keptAsideCount(statements: StatementCache): number {
  return (
    statements
      .statement('SELECT count(*) AS n FROM (SELECT 1 FROM pending_unknown GROUP BY entity, entity_id)')
      .get() as {
      n: number;
    }
  ).n;
}

const fieldText = (value: string | null): string | null => {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
};

/** A ticket's number, from this PC's tickets or from what is kept aside of it. */
function ticketNumber(statements: StatementCache, ticketId: string): string | null {
  const stored = statements.statement('SELECT number FROM ticket WHERE id = ?').get(ticketId) as
    { number: string } | undefined;
  if (stored) return stored.number;
  const kept = statements
    .statement("SELECT value FROM pending_unknown WHERE entity = 'ticket' AND entity_id = ? AND field = 'number'")
    .get(ticketId) as { value: string | null } | undefined;
  return fieldText(kept?.value ?? null);
}

export function listKeptAside(statements: StatementCache, limit = 500): KeptAsideRecord[] {
  const rows = statements
    .statement(
      `SELECT entity, entity_id, max(kind) AS kind, max(reason) AS reason, max(depends_on) AS depends_on, max(received_at) AS received_at,
       max(CASE WHEN field = 'number' THEN value END) AS number, max(CASE WHEN field = 'ticketId' THEN value END) AS ticket_id
     FROM pending_unknown GROUP BY entity, entity_id ORDER BY min(rowid) LIMIT ?`,
    )
    .all(limit) as Row[];
  return rows.map((row) => {
    const [parentEntity, ...rest] = row.depends_on?.split(':') ?? [];
    const dependsOn = parentEntity && rest.length > 0 ? { entity: parentEntity, entityId: rest.join(':') } : null;
    const ownNumber = fieldText(row.number);
    const ticketId =
      row.entity === 'ticket'
        ? null
        : (fieldText(row.ticket_id) ?? (dependsOn?.entity === 'ticket' ? dependsOn.entityId : null));
    return {
      entity: row.entity,
      entityId: row.entity_id,
      reason: row.kind === 'unknown' ? 'unknown' : (row.reason ?? 'refused'),
      number: ownNumber ?? (ticketId ? ticketNumber(statements, ticketId) : null),
      dependsOn,
      receivedAt: row.received_at,
    };
  });
}
