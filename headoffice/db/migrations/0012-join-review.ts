/**
 * 0012: a standalone store joining head office. `join_standalone` marks, per replica, the last
 * change the PC made before it enrolled (its enroll request says so): a push of a head-office
 * record up to that change was made while nobody else owned the catalogue, so it becomes a
 * `join_offer` for review instead of a refusal. One offer per store and record; its fields are
 * what the store made (merged over its changes). The review's decision is `status` with who and
 * when; `mapped_to` names head office's record a mapped offer now stands for. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE join_standalone (
    replica_id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES hq_store(id),
    device_id TEXT NOT NULL,
    through_seq BIGINT NOT NULL CHECK (through_seq >= 0),
    enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE join_offer (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES hq_store(id),
    device_id TEXT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    fields JSONB NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','accepted','mapped','dropped')),
    mapped_to TEXT,
    decided_by TEXT,
    decided_at TIMESTAMPTZ,
    reason TEXT NOT NULL DEFAULT '',
    offered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (store_id, entity, entity_id)
  )`.execute(db);
  await sql`CREATE INDEX join_offer_review ON join_offer (store_id, status, entity, label)`.execute(db);
  // No expression index on a part's number: PostgreSQL cannot index a json field of a state that
  // holds \u0000 anywhere, so such an index would refuse that part's every write. The review reads
  // head office's parts (thousands, only while a store joins) instead.
}
