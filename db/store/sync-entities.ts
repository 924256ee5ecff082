/** The store area's synced entities (rules: db/sync/entity-rules.ts). */
import type { EntityRule } from '../sync/entity-rules';

export const storeEntities: ReadonlyArray<EntityRule> = [
  // A counter PC's own settings (its counter number, opening hours as set there).
  { entity: 'store', table: 'store', key: 'id', owner: 'device', scope: 'hq_only', policy: {}, deleteMode: 'hard' },
  // Opening hours head office offers every store; a store copies one into its own settings.
  {
    entity: 'opening_hours_template',
    table: 'opening_hours_template',
    key: 'id',
    owner: 'hq',
    scope: 'global',
    policy: { hqFields: 'all' },
    deleteMode: 'hard',
  },
];
