/**
 * Training and assessment's synced entities (rules: db/sync/entity-rules.ts): the store's own
 * records, merged field by field (a self-assessment entered on one PC and the lead's rating on
 * another both stand), received only by the store's PCs.
 */
import type { EntityRule } from '../sync/entity-rules';

export const trainingEntities: ReadonlyArray<EntityRule> = [
  {
    entity: 'training_session',
    table: 'training_session',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
  // A person no longer due to attend, with nothing recorded, is removed (hard).
  {
    entity: 'training_attendance',
    table: 'training_attendance',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    refersTo: { sessionId: 'training_session' },
  },
  {
    entity: 'assessment_period',
    table: 'assessment_period',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
  },
  {
    entity: 'assessment_entry',
    table: 'assessment_entry',
    key: 'id',
    owner: 'store',
    scope: 'store',
    policy: {},
    deleteMode: 'hard',
    refersTo: { periodId: 'assessment_period' },
  },
];
