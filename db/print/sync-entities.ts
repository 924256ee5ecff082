/** The print area's synced entity (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';

export const printEntities: ReadonlyArray<EntityRule> = [
  // Each print attempt, so a reprint on any PC of the store is counted as a copy (queries.ts countPrinted).
  {
    entity: 'print_log',
    table: 'print_log',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    appendOnly: true,
    deleteMode: 'hard',
  },
];
