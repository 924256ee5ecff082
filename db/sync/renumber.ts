/**
 * Human numbers (ticket S012-2-20261123-0004, R-/GR-/RT-/ST- documents) after a PC took back head
 * office's records (restored-copy.ts): a record written since the restore may carry a number the
 * PC had already given out before, and head office holds that other record. The record head office
 * never saw takes the next free number of its day and counter, above every number this PC now
 * holds or keeps aside; its waiting insert in the outbox is rewritten to match, so head office and
 * the other PCs only ever see the new number. A record head office already has keeps its number
 * (two PCs with one counter number): that clash stays listed on the Sync page.
 */
import type { EntityRule, EntityRules } from './entity-rules';
import { quoted } from './table-info';
import { getNumber } from './state';
import type { StatementCache } from '../statement-cache';

type Numbered = EntityRule & { numbered: NonNullable<EntityRule['numbered']> };

const textOf = (json: string | null): string | null => {
  try {
    const value = json === null ? null : (JSON.parse(json) as unknown);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
};

/** The next number after the highest with this number's stem (store, counter, date), here or kept aside. */
function nextFree(statements: StatementCache, rule: Numbered, number: string): string {
  const { field, column } = rule.numbered;
  const stem = number.replace(/\d+$/, '');
  const digits = (n: string) => Number.parseInt(n.slice(stem.length), 10) || 0;
  const stored = statements
    .statement(
      `SELECT max(CAST(substr(${quoted(column)}, ?) AS INTEGER)) AS last FROM ${quoted(rule.table)} WHERE ${quoted(column)} > ? AND ${quoted(column)} < ?`,
    )
    .get(stem.length + 1, stem, `${stem}~`) as { last: number | null };
  let last = stored.last ?? 0;
  for (const row of statements
    .statement('SELECT value FROM pending_unknown WHERE entity = ? AND field = ?')
    .all(rule.entity, field) as Array<{ value: string | null }>) {
    const kept = textOf(row.value);
    if (kept?.startsWith(stem)) last = Math.max(last, digits(kept));
  }
  return `${stem}${String(last + 1).padStart(4, '0')}`;
}

/**
 * Renumbers this PC's unpushed records of the rules' numbered entities that clash with a
 * kept-aside record of head office. Returns how many.
 */
export function renumberClashes(statements: StatementCache, rules: EntityRules): number {
  const acked = getNumber(statements, 'last_acked_seq');
  let renumbered = 0;
  for (const entity of rules.entities()) {
    const rule = rules.ruleFor(entity);
    if (!rule?.numbered) continue;
    renumbered += renumberEntity(statements, { ...rule, numbered: rule.numbered }, acked);
  }
  return renumbered;
}

function renumberEntity(statements: StatementCache, rule: Numbered, acked: number): number {
  const { field, column } = rule.numbered;
  const table = quoted(rule.table);
  const key = quoted(rule.key);
  let renumbered = 0;
  const kept = statements
    .statement("SELECT entity_id, value FROM pending_unknown WHERE entity = ? AND field = ? AND kind = 'refused'")
    .all(rule.entity, field) as Array<{ entity_id: string; value: string | null }>;
  for (const clash of kept) {
    const number = textOf(clash.value);
    if (number === null) continue;
    const local = statements
      .statement(`SELECT ${key} AS id FROM ${table} WHERE ${quoted(column)} = ? AND ${key} <> ?`)
      .get(number, clash.entity_id) as { id: string } | undefined;
    if (!local) continue;
    // Only a record whose insert still waits in the outbox is unknown to head office.
    const waiting = statements
      .statement("SELECT 1 FROM change_log WHERE entity = ? AND entity_id = ? AND op = 'insert' AND seq > ?")
      .get(rule.entity, local.id, acked);
    if (!waiting) continue;
    const fresh = nextFree(statements, rule, number);
    statements.statement(`UPDATE ${table} SET ${quoted(column)} = ? WHERE ${key} = ?`).run(fresh, local.id);
    const path = `$.${field}`;
    statements
      .statement(
        'UPDATE change_log SET fields = json_set(fields, ?, ?) WHERE entity = ? AND entity_id = ? AND seq > ? AND json_extract(fields, ?) IS NOT NULL',
      )
      .run(path, fresh, rule.entity, local.id, acked, path);
    renumbered += 1;
  }
  return renumbered;
}
