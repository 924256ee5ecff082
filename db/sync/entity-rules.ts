/**
 * What sync knows about each synced entity (docs/SYNC.md §2.5), keyed by the change log's `entity`.
 * Each area declares its own entities as data (db/<area>/sync-entities.ts) and db/synced-entities.ts
 * joins them; the counter's engine (db/sync/apply.ts) and head office are handed the joined rules
 * and merge with the same functions (db/sync/merge.ts). An entity missing from the rules is refused
 * by head office (`unknown_entity`) and kept aside, not dropped, by a device (`pending_unknown`).
 *
 * owner   hq: only head office writes; a store's push is rejected (`hq_owned`)
 *         store: the store that created it; other stores' pushes are rejected (`other_store`)
 *         shared: any store linked to the customer, and head office (customers)
 *         device: one counter PC's own settings; head office keeps them, nobody else receives them
 * scope   who receives it on pull: everyone, the owning store, the stores linked to the customer,
 *         or nobody (head office only)
 *
 * Pure TypeScript: head office imports it as well as the counter.
 */
import type { ChangeOp } from './protocol';
import type { MergePolicy } from './merge';

export type Owner = 'hq' | 'store' | 'shared' | 'device';
export type Scope = 'global' | 'store' | 'customer' | 'hq_only';

export type EntityRule = Readonly<{
  entity: string;
  /** The SQLite table on the counter PC. */
  table: string;
  /** Its primary-key column (snake_case). */
  key: string;
  owner: Owner;
  scope: Scope;
  policy: MergePolicy;
  /** Only inserts and appends are accepted: ledgers, event logs, notes (never updated or deleted). */
  appendOnly?: boolean;
  /**
   * Append-only, but two stores can insert the same key on their own (a merge alias is keyed by the
   * merged-away customer): head office merges a second insert by the rule like any change, so the
   * later stamp wins everywhere, as it does on the PCs, instead of keeping whichever came first.
   */
  keyedByOthers?: boolean;
  /** `soft`: a tombstone sets `deleted_at`; `hard`: the row goes, its tombstone stays in row_clock. */
  deleteMode: 'soft' | 'hard';
  /** For customer-scoped data: the customer the record belongs to. */
  customerOf?: (entityId: string, fields: Readonly<Record<string, unknown>>) => string | null;
  /**
   * Fields naming another synced record (field → that record's entity), besides the customer named
   * by `customerOf`/`linksCustomer`: head office refuses a store's write naming a record of another
   * store, or of a customer not linked to it (headoffice/store-scope.ts).
   */
  refersTo?: Readonly<Record<string, string>>;
  /** Writing this record at a store links that customer to the store (docs/SYNC.md §2.5 privacy rule). */
  linksCustomer?: (fields: Readonly<Record<string, unknown>>) => string | null;
  /** Fields in the change log that are facts, not columns (e.g. `pinReset`): never merged. */
  ignoredFields?: ReadonlyArray<string>;
  /** Columns that stay on this PC: a pulled record never sets them; new rows get these values. */
  localColumns?: Readonly<Record<string, unknown>>;
  /** Fields a store may set when it creates the record but never change afterwards. */
  hqFieldsAfterInsert?: ReadonlyArray<string>;
  /** For head-office records: the fields a store keeps for itself (a part's bin); updates of only these are accepted. */
  storeFields?: ReadonlyArray<string>;
  /**
   * A document numbered per store, counter and day (ticket S012-2-20261123-0004): the field and its
   * column holding that human number, whose trailing digits count up. After a PC takes back head
   * office's records, its unpushed record whose number clashes takes the next free one
   * (db/sync/renumber.ts).
   */
  numbered?: Readonly<{ field: string; column: string }>;
  /**
   * How a person tells the record apart on the Sync page's list of kept-aside records
   * (db/sync/kept-aside.ts): `field`, its own field naming it (a ticket's `number`; its column is
   * `column`, else of the same name); failing that, `via`, the field naming the record it belongs
   * to (an event's `ticketId`, entity `ticket`), named by that record's own label.
   */
  label?: Readonly<{ field?: string; column?: string; via?: Readonly<{ field: string; entity: string }> }>;
}>;

/** The joined rules of every synced entity: one value, built once and passed to whoever needs it. */
export type EntityRules = Readonly<{
  ruleFor(entity: string): EntityRule | undefined;
  /** Every entity, in the order the areas declared them. */
  entities(): string[];
  /** The entity stored in this SQLite table, if any (foreign keys name tables, records name entities). */
  entityOfTable(table: string): string | null;
}>;

export function createEntityRules(rules: ReadonlyArray<EntityRule>): EntityRules {
  const byEntity = new Map<string, EntityRule>();
  for (const rule of rules) {
    if (byEntity.has(rule.entity)) throw new Error(`Sync entity ${rule.entity} is declared twice`);
    byEntity.set(rule.entity, rule);
  }
  const byTable = new Map(rules.map((rule) => [rule.table, rule.entity]));
  return Object.freeze({
    ruleFor: (entity: string) => byEntity.get(entity),
    entities: () => [...byEntity.keys()],
    entityOfTable: (table: string) => byTable.get(table) ?? null,
  });
}

export function opAllowedFromStore(rule: EntityRule, op: ChangeOp): boolean {
  if (rule.appendOnly) return op === 'insert' || op === 'append';
  return true;
}

/** For customer-scoped rows that name their customer in `customerId`. */
export const byCustomerId = (_id: string, fields: Readonly<Record<string, unknown>>): string | null =>
  typeof fields.customerId === 'string' ? fields.customerId : null;
