/**
 * Every synced entity, joined from the areas' own declarations (db/<area>/sync-entities.ts). Pure
 * data: the counter's desk hands it to the sync engine, and head office imports it to merge the
 * same way. Adding a synced table is one line in its area's list (docs/architecture/add-a-synced-table.md).
 */
import { customerEntities } from './customers/sync-entities';
import { partsEntities } from './parts/sync-entities';
import { printEntities } from './print/sync-entities';
import { staffEntities } from './staff/sync-entities';
import { storeEntities } from './store/sync-entities';
import { createEntityRules } from './sync/entity-rules';
import { ticketEntities } from './tickets/sync-entities';

export const syncedEntities = createEntityRules([
  ...storeEntities,
  ...staffEntities,
  ...customerEntities,
  ...partsEntities,
  ...ticketEntities,
  ...printEntities,
]);
