/**
 * 0008: the counter number a PC was set up with, sent when it enrolls. Ticket and requisition
 * numbers carry it (S012-2-20261123-0001), so two active PCs of one store with the same number hand
 * out the same numbers and each hides the other's records; enrollment refuses the second one
 * (headoffice/auth.ts), and this index holds even when two enroll at the same moment. A revoked
 * PC's number is free again. PCs enrolled before 0008 have no number here (null) and are not
 * checked. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE device ADD COLUMN counter_no INTEGER`.execute(db);
  await sql`CREATE UNIQUE INDEX device_active_counter ON device (store_id, counter_no) WHERE status = 'active' AND counter_no IS NOT NULL`.execute(
    db,
  );
}
