/**
 * Deprecated: head office's old way in to the entity rules, kept only until headoffice/ reads
 * db/synced-entities.ts and db/sync/entity-rules.ts itself. Nothing in db/ imports this file (the
 * counter's engine is handed the rules by db/desk.ts); delete it with the last import.
 */
import { syncedEntities } from '../synced-entities';

export { opAllowedFromStore, type EntityRule, type Owner, type Scope } from './entity-rules';

export const ruleFor = syncedEntities.ruleFor;
export const registeredEntities = syncedEntities.entities;
