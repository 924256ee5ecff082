/**
 * What this PC keeps aside (pending_unknown), read for the Sync page and the status bar: a record
 * kept aside is not in the counter's lists, so it must never be invisible. One entry per record,
 * with what it is (its label as the entity rules declare it: a ticket's number, or the number of
 * the ticket an event belongs to), why, and the record it waits for.
 */
import type { KeptAsideRecord } from './contract';
import type { EntityRules } from './entity-rules';
import { quoted } from './table-info';
import type { StatementCache } from '../statement-cache';

type Row = {
  entity: string;
  entity_id: string;
  kind: 'unknown' | 'refused';
  reason: KeptAsideRecord['reason'] | null;
  depends_on: string | null;
  received_at: string;
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

/** A field of a record as kept aside here, if it is text. */
function keptText(statements: StatementCache, entity: string, entityId: string, field: string): string | null {
  const kept = statements
    .statement('SELECT value FROM pending_unknown WHERE entity = ? AND entity_id = ? AND field = ?')
    .get(entity, entityId, field) as { value: string | null } | undefined;
  return fieldText(kept?.value ?? null);
}

/** A record's own label (a ticket's number), from this PC's table or from what is kept aside of it. */
function labelOf(statements: StatementCache, rules: EntityRules, entity: string, entityId: string): string | null {
  const rule = rules.ruleFor(entity);
  const field = rule?.label?.field;
  if (!rule || field === undefined) return null;
  const column = quoted(rule.label?.column ?? field);
  const stored = statements
    .statement(`SELECT ${column} AS label FROM ${quoted(rule.table)} WHERE ${quoted(rule.key)} = ?`)
    .get(entityId) as { label: string | null } | undefined;
  if (stored) return stored.label;
  return keptText(statements, entity, entityId, field);
}

export function listKeptAside(statements: StatementCache, rules: EntityRules, limit = 500): KeptAsideRecord[] {
  const rows = statements
    .statement(
      `SELECT entity, entity_id, max(kind) AS kind, max(reason) AS reason, max(depends_on) AS depends_on, max(received_at) AS received_at
     FROM pending_unknown GROUP BY entity, entity_id ORDER BY min(rowid) LIMIT ?`,
    )
    .all(limit) as Row[];
  return rows.map((row) => {
    const [parentEntity, ...rest] = row.depends_on?.split(':') ?? [];
    const dependsOn = parentEntity && rest.length > 0 ? { entity: parentEntity, entityId: rest.join(':') } : null;
    const label = rules.ruleFor(row.entity)?.label;
    const own = label?.field === undefined ? null : keptText(statements, row.entity, row.entity_id, label.field);
    // The record it belongs to: named in its kept fields, or the one it waits for.
    const via = label?.via;
    const parentId = via
      ? (keptText(statements, row.entity, row.entity_id, via.field) ??
        (dependsOn?.entity === via.entity ? dependsOn.entityId : null))
      : null;
    return {
      entity: row.entity,
      entityId: row.entity_id,
      reason: row.kind === 'unknown' ? 'unknown' : (row.reason ?? 'refused'),
      number: own ?? (via && parentId ? labelOf(statements, rules, via.entity, parentId) : null),
      dependsOn,
      receivedAt: row.received_at,
    };
  });
}
