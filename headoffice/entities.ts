/**
 * The synced entities as head office sees them: each entity's owner, scope, merge policy and the
 * fields that name customers or other records (docs/SYNC.md §2.5). Every head-office module reads
 * the rules through this file, so where they come from is decided in one place.
 */
export { opAllowedFromStore, ruleFor, type EntityRule } from '../db/sync/registry';
