/** The store area's synced entity (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';

export const storeEntities: ReadonlyArray<EntityRule> = [
  // A counter PC's own settings (its counter number, opening hours as set there).
  { entity: 'store', table: 'store', key: 'id', owner: 'device', scope: 'hq_only', policy: {}, deleteMode: 'hard' },
];
