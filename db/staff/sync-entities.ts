/** The staff area's synced entity (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';

export const staffEntities: ReadonlyArray<EntityRule> = [
  // The store's staff directory; PINs never leave the PC (db/staff/queries.ts), so a colleague
  // from another PC of the store appears here without a PIN until an admin sets one on this PC.
  {
    entity: 'staff',
    table: 'staff',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    ignoredFields: ['pinReset'],
    localColumns: { pinHash: '!' },
  },
];
