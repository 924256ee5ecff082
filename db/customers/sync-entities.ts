/** The customers area's synced entities (rules: db/sync/entity-rules.ts). */
import { byCustomerId, type EntityRule } from '../sync/entity-rules';

export const customerEntities: ReadonlyArray<EntityRule> = [
  {
    entity: 'customer',
    table: 'customer',
    key: 'id',
    owner: 'shared',
    scope: 'customer',
    // Consent revocation wins; the tier is head office's (docs/DOMAIN.md: it decides the service standard).
    policy: { trueWins: ['doNotContact'], hqFields: ['tier', 'tierRule'] },
    deleteMode: 'soft',
    customerOf: (id) => id,
    hqFieldsAfterInsert: ['tier', 'tierRule'],
  },
  { entity: 'customer_phone', table: 'customer_phone', key: 'id', owner: 'shared', scope: 'customer', policy: {}, deleteMode: 'hard', customerOf: byCustomerId },
  { entity: 'customer_address', table: 'customer_address', key: 'id', owner: 'shared', scope: 'customer', policy: {}, deleteMode: 'hard', customerOf: byCustomerId },
  { entity: 'customer_note', table: 'customer_note', key: 'id', owner: 'shared', scope: 'customer', policy: {}, appendOnly: true, deleteMode: 'hard', customerOf: byCustomerId },
  { entity: 'product', table: 'product', key: 'id', owner: 'shared', scope: 'customer', policy: {}, deleteMode: 'soft', customerOf: byCustomerId },
  // A duplicate merged into the surviving record: the alias row is keyed by the merged-away id.
  {
    entity: 'customer_merge',
    table: 'customer_merge',
    key: 'from_id',
    owner: 'shared',
    scope: 'customer',
    policy: {},
    appendOnly: true,
    keyedByOthers: true,
    deleteMode: 'hard',
    customerOf: (id) => id,
    refersTo: { intoId: 'customer' },
  },
  // Head office's settings: tiers with their service standards, product categories and warranty terms.
  { entity: 'customer_tier', table: 'customer_tier', key: 'tier', owner: 'hq', scope: 'global', policy: { hqFields: 'all' }, deleteMode: 'hard' },
  { entity: 'product_category', table: 'product_category', key: 'code', owner: 'hq', scope: 'global', policy: { hqFields: 'all' }, deleteMode: 'hard' },
  // An audit trail head office keeps and no other PC needs.
  { entity: 'customer_export', table: 'customer_export', key: 'id', owner: 'device', scope: 'hq_only', policy: {}, appendOnly: true, deleteMode: 'hard' },
];
