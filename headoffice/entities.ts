/**
 * The synced entities as head office sees them: each entity's owner, scope, merge policy and the
 * fields that name customers or other records (docs/SYNC.md §2.5). They are the very rules the
 * counter's engine is handed (db/synced-entities.ts), so both sides merge the same way; every
 * head-office module reads them through this file.
 */
import { syncedEntities } from '../db/synced-entities';

export { opAllowedFromStore, type EntityRule } from '../db/sync/entity-rules';

export const ruleFor = syncedEntities.ruleFor;
