/**
 * What apply needs to know of a synced table's shape on this PC: its columns (field name →
 * column), whether it has `hlc` and `deleted_at`, and its foreign keys to other synced tables
 * (dependencies.ts). Read from SQLite's own catalogue once per table and kept in an object the
 * engine holds for its store (a newer PC may have columns this one lacks: the catalogue decides).
 */
import type { StatementCache } from '../statement-cache';
import { CamelCasePlugin } from 'kysely';
import type { EntityRules } from './entity-rules';

export type TableInfo = { columns: Map<string, string>; hasHlc: boolean; hasDeletedAt: boolean };
export type ForeignKey = {
  column: string;
  field: string;
  parentTable: string;
  parentColumn: string;
  parentEntity: string;
};

/** An identifier from the rules or the catalogue, quoted for SQL. */
export const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Column → field names exactly as the store's Kysely (CamelCasePlugin) converts them. */
class FieldNames extends CamelCasePlugin {
  readonly fieldOf = (column: string): string => this.camelCase(column);
}
const names = new FieldNames();
export const fieldOf = names.fieldOf;

export type TableInfoCache = {
  /** The table's columns, or null when this PC has no such table. */
  tableInfo(statements: StatementCache, table: string): TableInfo | null;
  /** Its foreign keys to tables of synced entities. */
  foreignKeys(statements: StatementCache, table: string): ReadonlyArray<ForeignKey>;
};

export function createTableInfoCache(rules: EntityRules): TableInfoCache {
  const infos = new Map<string, TableInfo | null>();
  const keys = new Map<string, ForeignKey[]>();
  return {
    tableInfo(statements, table) {
      if (!infos.has(table)) {
        const rows = statements.statement(`PRAGMA table_info(${JSON.stringify(table)})`).all() as Array<{
          name: string;
        }>;
        if (rows.length === 0) infos.set(table, null);
        else {
          const columns = new Map(rows.map((r) => [fieldOf(r.name), r.name]));
          infos.set(table, { columns, hasHlc: columns.has('hlc'), hasDeletedAt: columns.has('deletedAt') });
        }
      }
      return infos.get(table)!;
    },
    foreignKeys(statements, table) {
      let found = keys.get(table);
      if (!found) {
        const rows = statements.statement(`PRAGMA foreign_key_list(${JSON.stringify(table)})`).all() as Array<{
          table: string;
          from: string;
          to: string | null;
        }>;
        found = rows.flatMap((row) => {
          const parentEntity = rules.entityOfTable(row.table);
          return parentEntity
            ? [
                {
                  column: row.from,
                  field: fieldOf(row.from),
                  parentTable: row.table,
                  parentColumn: row.to ?? rules.ruleFor(parentEntity)!.key,
                  parentEntity,
                },
              ]
            : [];
        });
        keys.set(table, found);
      }
      return found;
    },
  };
}
